"""Abstract bases shared by legal documents and directives: the numbered document and the attachment row."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from search.indexing import folded_text

from ..numbers import clean_number, folded_number_key, number_key


class NumberedDocument(models.Model):
    """A document known by its number ("số ký hiệu"): the typed number and its match keys.

    ``number_key`` and ``number_folded`` are derived (``directives.numbers``) on clean and save.
    """

    number = models.CharField(_("số ký hiệu"), max_length=100, help_text=_("Ví dụ: 43/2011/NĐ-CP, 959/QĐ-UBND."))
    number_key = models.CharField(max_length=100, editable=False, db_index=True)
    number_folded = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.derive_number_keys()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.derive_number_keys()

    def full_clean(self, *args, **kwargs):
        self.derive_number_keys()
        return super().full_clean(*args, **kwargs)

    def autocomplete_folded(self) -> str:
        """What type-ahead completes, folded (title and summary, which every numbered type has):
        "dat da" completes "Đất đai" on every backend."""
        return folded_text(self.title, self.summary)

    def derive_number_keys(self):
        self.number = clean_number(self.number)
        self.number_key = number_key(self.number)
        self.number_folded = folded_number_key(self.number)


class AttachmentRow(Orderable):
    """A downloadable file of a page (file toàn văn), in order; subclasses add the ``page`` key."""

    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("tiêu đề hiển thị"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("tệp đính kèm")
