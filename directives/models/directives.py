"""Leadership directives (domain.md §3): conclusion notices, directives, dispatches… of the chairman."""

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.api.fields import AttachmentListField, NamedRefListField, PageRefListField, TextField
from portal.pages import SectionPage
from search.indexing import Heading, WrittenText, folded_text

from ..api_fields import OfficialField
from ..numbers import number_terms
from .base import AttachmentRow, NumberedDocument
from .taxonomy import Field, Official

if TYPE_CHECKING:
    from .tasks import TaskPage


class DirectiveKind(models.TextChoices):
    CONCLUSION_NOTICE = "conclusion_notice", _("Thông báo kết luận")
    DIRECTIVE = "directive", _("Chỉ thị")
    OFFICIAL_LETTER = "official_letter", _("Công văn chỉ đạo")
    DISPATCH = "dispatch", _("Công điện")
    INSTRUCTION = "instruction", _("Ý kiến chỉ đạo")


class DirectiveIndexPage(SectionPage):
    """Thông tin chỉ đạo, điều hành: the directives, newest first; ``?leader=<id>`` lists one leader's
    (``directives.public.directive_listing_context``; a bad value is answered 400 with the page)."""

    filter_errors_status = 400  # a filter that cannot be read: said on the page, dropped

    menu_group = "documents"

    subpage_types = ["directives.DirectivePage"]
    max_count_per_parent = 1
    listing_name = "directives"

    class Meta:
        verbose_name = _("danh mục chỉ đạo, điều hành")

    def directives(self):
        return (
            DirectivePage.objects.child_of(self)
            .live()
            .public()
            .select_related("directing_leader")
            .order_by("-issued_on", "-pk")
        )

    def listing(self):
        return None  # get_context lists the directives with the reader's filter

    def get_context(self, request, *args, **kwargs):
        from ..public import directive_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directive_listing_context(self, request))
        return context


class DirectivePage(NumberedDocument, Page):
    """A conclusion notice, directive, dispatch… of the chairman; it may assign tasks."""

    number = models.CharField(_("số ký hiệu"), max_length=100, help_text=_("Ví dụ: 215/TB-UBND."))
    kind = models.CharField(_("hình thức"), max_length=30, choices=DirectiveKind.choices)
    issued_on = models.DateField(_("ngày ban hành"))
    summary = models.TextField(_("trích yếu"))
    directing_leader = models.ForeignKey(
        Official,
        verbose_name=_("lãnh đạo chỉ đạo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directives",
    )
    meeting_subject = models.CharField(_("cuộc họp, buổi làm việc"), max_length=500, blank=True)
    meeting_date = models.DateField(_("ngày họp"), null=True, blank=True)
    meeting_place = models.CharField(_("địa điểm họp"), max_length=255, blank=True)
    body = RichTextField(_("nội dung"), blank=True)
    fields = ParentalManyToManyField(Field, verbose_name=_("lĩnh vực"), blank=True, related_name="+")

    content_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("issued_on")]),
                FieldPanel("title"),
                FieldPanel("summary"),
                FieldPanel("directing_leader"),
            ],
            heading=_("Văn bản chỉ đạo"),
        ),
        MultiFieldPanel(
            [FieldPanel("meeting_subject"), FieldRowPanel([FieldPanel("meeting_date"), FieldPanel("meeting_place")])],
            heading=_("Cuộc họp"),
        ),
        FieldPanel("body"),
        FieldPanel("fields"),
        InlinePanel("attachments", heading=_("Tệp đính kèm"), label=_("tệp")),
    ]
    parent_page_types = ["directives.DirectiveIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        Heading("number", boost=5),
        index.SearchField("number_key", boost=5),
        index.SearchField("number_folded", boost=3),
        Heading("summary", boost=3),
        WrittenText("body"),
        index.SearchField("search_folded"),
        index.AutocompleteField("number"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("kind"),
        index.FilterField("issued_on"),
        index.FilterField("directing_leader"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("kind_label", serializer=TextField()),
        APIField("number"),
        APIField("number_key"),
        APIField("issued_on"),
        APIField("summary"),
        APIField("directing_leader", serializer=OfficialField()),
        APIField("meeting_subject"),
        APIField("meeting_date"),
        APIField("meeting_place"),
        APIField("body"),
        APIField("fields", serializer=NamedRefListField()),
        APIField("attachments", serializer=AttachmentListField()),
        APIField("assigned_tasks", serializer=PageRefListField()),
    ]
    # The typed listing /api/v3/directives/ (cms.api_fields.listing_item_schema).
    api_listing_fields = ["number", "kind", "kind_label", "issued_on", "summary", "directing_leader", "fields"]
    api_date_field = "issued_on"

    class Meta:
        verbose_name = _("văn bản chỉ đạo")
        verbose_name_plural = _("văn bản chỉ đạo")
        constraints = [
            models.UniqueConstraint(
                models.F("number_key"),
                ExtractYear("issued_on"),
                name="directive_identity",
                violation_error_message=_("Đã có văn bản chỉ đạo cùng số ký hiệu và năm ban hành."),
            )
        ]

    @classmethod
    def api_listing_queryset(cls, queryset):
        """The directing leader (with agency) and fields of a whole page of directives in two queries."""
        return queryset.select_related("locale", "directing_leader__agency").prefetch_related("fields")

    def search_folded(self) -> str:
        return " ".join(
            [folded_text(self.title, self.summary, self.body, self.meeting_subject), number_terms(self.number)]
        )

    @property
    def kind_label(self) -> str:
        return str(DirectiveKind(self.kind).label) if self.kind else ""

    @property
    def assigned_tasks(self) -> list["TaskPage"]:
        """The live, public tasks this directive assigned, by code.

        Read through ``tasks``, the reverse of ``TaskPage.source_directive``, so this module does not import tasks.
        """
        if self.pk is None:
            return []
        return list(self.tasks.live().public().select_related("lead_unit").order_by("code"))

    def as_ref(self) -> dict:
        return {"id": self.pk, "title": self.title, "url": self.url, "date": self.issued_on, "summary": self.summary}

    def clean(self):
        super().clean()
        if self.number and self.issued_on:
            clash = (
                DirectivePage.objects.filter(number_key=self.number_key, issued_on__year=self.issued_on.year)
                .exclude(pk=self.pk)
                .first()
            )
            if clash is not None:
                raise ValidationError(
                    {
                        "number": _(
                            "Văn bản chỉ đạo số %(number)s năm %(year)s đã có trên cổng (“%(title)s”, mã trang %(id)s)."
                        )
                        % {"number": self.number, "year": self.issued_on.year, "title": clash.title, "id": clash.pk}
                    }
                )

    def save(self, *args, **kwargs):
        if not self.title:
            self.title = f"{self.kind_label} số {self.number}"
        return super().save(*args, **kwargs)


class DirectiveAttachment(AttachmentRow):
    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="attachments")
