"""Shared taxonomy: the snippets the content pages refer to (agencies, document types, fields, officials).

Imports nothing of the other model modules, so legal documents, directives and tasks all stand on it.

Agencies and officials also carry what the portal publishes of the authority's organisation (Decree
42/2022: functions, organisation chart, leaders with public phone and e-mail, contact points): an
agency with a ``kind`` is a unit of the authority's organisation, with its public contacts; an
official has a photo, a display order and a short biography. The ``organisation`` app shows them
(``/gioi-thieu/``, ``/lien-he/``, ``/api/v3/organisation/``).

The words of a unit and a leader that the English pages (``/en/``) show have a column of their own
beside the Vietnamese one (``name_en``, ``functions_en``, ``position_en``, ``biography_en``; empty: the
Vietnamese is shown): one row per unit and leader, whatever the language, as every document, task
and procedure refers to it (docs/adr/0004-english-words-of-units-and-leaders.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class UnitKind(models.TextChoices):
    """What a unit of the authority's organisation is (loại đơn vị)."""

    AUTHORITY = "authority", _("Cơ quan chủ quản")
    SPECIALISED_AGENCY = "specialised_agency", _("Cơ quan chuyên môn")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Đơn vị sự nghiệp công lập")
    COMMUNE = "commune", _("Ủy ban nhân dân cấp xã")
    OTHER = "other", _("Đơn vị khác")


class Agency(index.Indexed, models.Model):
    """A body that issues documents or carries out tasks (cơ quan, đơn vị).

    With a ``kind`` it is a unit of the authority's own organisation, shown in the organisation
    chart and the directory of units with its public contacts; without one it is only named by
    documents and tasks (a ministry, the Government…)."""

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
    kind = models.CharField(
        _("loại đơn vị"),
        max_length=30,
        choices=UnitKind.choices,
        blank=True,
        help_text=_(
            "Chọn nếu là đơn vị thuộc cơ cấu tổ chức của cơ quan chủ quản (hiện trên sơ đồ tổ chức và danh bạ); "
            "để trống với cơ quan khác (Bộ, Chính phủ…)."
        ),
    )
    display_order = models.PositiveIntegerField(
        _("thứ tự hiển thị"), default=0, help_text=_("Số nhỏ hiện trước; cùng thứ tự thì theo tên.")
    )
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("điện thoại công vụ"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)
    website = models.URLField(_("trang thông tin điện tử"), blank=True)
    functions = models.TextField(_("chức năng, nhiệm vụ"), blank=True)
    name_en = models.CharField(
        _("tên tiếng Anh"),
        max_length=255,
        blank=True,
        help_text=_("Hiện trên các trang tiếng Anh (/en/); để trống thì hiện tên tiếng Việt."),
    )
    functions_en = models.TextField(_("chức năng, nhiệm vụ bằng tiếng Anh"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_code"),
        FieldPanel("parent"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("display_order")]), FieldPanel("functions")],
            heading=_("Cơ cấu tổ chức"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]), FieldPanel("website")],
            heading=_("Liên hệ công khai"),
        ),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("functions_en")],
            heading=_("Tiếng Anh"),
            classname="collapsed",
        ),
    ]
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
    """A leader who directs (chairman, vice-chairman), with public contact details.

    ``is_authority_leader``: one of the authority's leaders (listed under "Lãnh đạo" on the
    introduction page); unchecked for the head of a unit, listed with the unit."""

    name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phone = models.CharField(_("điện thoại công vụ"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh chân dung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_authority_leader = models.BooleanField(
        _("lãnh đạo cơ quan chủ quản"),
        default=True,
        help_text=_(
            "Hiện trong mục Lãnh đạo của trang Giới thiệu. Bỏ chọn với lãnh đạo cơ quan, đơn vị trực thuộc "
            "(hiện cùng đơn vị)."
        ),
    )
    display_order = models.PositiveIntegerField(
        _("thứ tự hiển thị"), default=0, help_text=_("Số nhỏ hiện trước, ví dụ Chủ tịch 1, các Phó Chủ tịch 2, 3…")
    )
    biography = models.TextField(
        _("tiểu sử, nhiệm vụ được phân công"),
        blank=True,
        help_text=_("Vài dòng: quá trình công tác, lĩnh vực được phân công phụ trách."),
    )
    position_en = models.CharField(
        _("chức vụ bằng tiếng Anh"),
        max_length=150,
        blank=True,
        help_text=_(
            "Hiện trên các trang tiếng Anh (/en/), ví dụ: Chairman of the District People's Committee; "
            "để trống thì hiện chức vụ tiếng Việt."
        ),
    )
    biography_en = models.TextField(_("tiểu sử, nhiệm vụ được phân công bằng tiếng Anh"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("agency"),
        FieldPanel("phone"),
        FieldPanel("email"),
        MultiFieldPanel(
            [
                FieldPanel("photo"),
                FieldRowPanel([FieldPanel("is_authority_leader"), FieldPanel("display_order")]),
                FieldPanel("biography"),
            ],
            heading=_("Giới thiệu lãnh đạo"),
        ),
        MultiFieldPanel(
            [FieldPanel("position_en"), FieldPanel("biography_en")],
            heading=_("Tiếng Anh"),
            classname="collapsed",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("lãnh đạo")
        verbose_name_plural = _("lãnh đạo")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "position"], name="official_name_position")]

    def __str__(self):
        return f"{self.name} – {self.position}" if self.position else self.name
