"""Shared taxonomy: the snippets the content pages refer to (agencies, document types, fields, officials).

Imports nothing of the other model modules, so legal documents, directives and tasks all stand on it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Agency(index.Indexed, models.Model):
    """A body that issues documents or carries out tasks (cơ quan, đơn vị)."""

    name = models.CharField(_("tên cơ quan, đơn vị"), max_length=255, unique=True)
    short_code = models.CharField(
        _("ký hiệu viết tắt"),
        max_length=50,
        blank=True,
        help_text=_("Ví dụ: UBND, CP, BTTTT — phần sau số ký hiệu văn bản."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )

    panels = [FieldPanel("name"), FieldPanel("short_code"), FieldPanel("parent")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["name"]

    def __str__(self):
        return self.name


class DocumentType(models.Model):
    """Loại văn bản: Nghị định, Quyết định, Công văn…"""

    name = models.CharField(_("tên loại văn bản"), max_length=100, unique=True)
    abbreviation = models.CharField(_("viết tắt"), max_length=20, blank=True, help_text=_("Ví dụ: NĐ, QĐ, TT, CT."))
    is_normative = models.BooleanField(
        _("văn bản quy phạm pháp luật"),
        default=False,
        help_text=_("Đánh dấu nếu là văn bản QPPL (không phải văn bản hành chính)."),
    )

    panels = [FieldPanel("name"), FieldPanel("abbreviation"), FieldPanel("is_normative")]

    class Meta:
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Field(models.Model):
    """Lĩnh vực: the subject area of a document, a task or a procedure."""

    name = models.CharField(_("tên lĩnh vực"), max_length=150, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Official(index.Indexed, models.Model):
    """A leader who directs (chairman, vice-chairman), with public contact details."""

    name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phone = models.CharField(_("điện thoại công vụ"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("agency"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("lãnh đạo")
        verbose_name_plural = _("lãnh đạo")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "position"], name="official_name_position")]

    def __str__(self):
        return f"{self.name} – {self.position}" if self.position else self.name
