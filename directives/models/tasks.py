"""Leadership directives and the tracking of the tasks they assign (domain.md §3–4)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.api.fields import (
    AttachmentListField,
    NamedRefField,
    NamedRefListField,
    PageRefField,
    PageRefListField,
    TextField,
)
from portal.pages import SectionPage
from search.indexing import WrittenText, folded_text

from ..api_fields import OfficialField, ProgressReportListField
from ..numbers import number_terms
from ..status import TaskStatus, status_label
from ..status import status as task_status
from .base import AttachmentRow, NumberedDocument
from .taxonomy import Agency, Field, Official


class DirectiveKind(models.TextChoices):
    CONCLUSION_NOTICE = "conclusion_notice", _("Thông báo kết luận")
    DIRECTIVE = "directive", _("Chỉ thị")
    OFFICIAL_LETTER = "official_letter", _("Công văn chỉ đạo")
    DISPATCH = "dispatch", _("Công điện")
    INSTRUCTION = "instruction", _("Ý kiến chỉ đạo")


class DirectiveIndexPage(SectionPage):
    """Thông tin chỉ đạo, điều hành."""

    subpage_types = ["directives.DirectivePage"]
    max_count_per_parent = 1
    listing_name = "directives"

    class Meta:
        verbose_name = _("danh mục chỉ đạo, điều hành")

    def listing(self):
        return (
            DirectivePage.objects.child_of(self)
            .live()
            .public()
            .select_related("directing_leader")
            .order_by("-issued_on", "-pk")
        )


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
        index.SearchField("number", boost=5),
        index.SearchField("number_key", boost=5),
        index.SearchField("number_folded", boost=3),
        index.SearchField("summary", boost=2),
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
        """The live, public tasks this directive assigned."""
        if self.pk is None:
            return []
        return list(
            TaskPage.objects.live().public().filter(source_directive=self).select_related("lead_unit").order_by("code")
        )

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


class ManualState(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("Chờ xác nhận")
    PAUSED = "paused", _("Tạm hoãn")
    REOPENED = "reopened", _("Thực hiện lại")


class TaskIndexPage(SectionPage):
    """Theo dõi thực hiện nhiệm vụ: the public tracking table (directives/public.py)."""

    subpage_types = ["directives.TaskPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("theo dõi thực hiện nhiệm vụ")

    def get_context(self, request, *args, **kwargs):
        from ..public import tracking_context

        context = super().get_context(request, *args, **kwargs)
        context.update(tracking_context(self, request, timezone.localdate()))
        return context


class TaskPage(Page):
    """A task assigned by the chairman to exactly one lead unit. The title is its content."""

    code = models.CharField(_("mã nhiệm vụ"), max_length=50, unique=True, help_text=_("Ví dụ: NV-2023-014."))
    source_directive = models.ForeignKey(
        DirectivePage,
        verbose_name=_("văn bản giao nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    details = RichTextField(_("nội dung chi tiết"), blank=True)
    lead_unit = models.ForeignKey(
        Agency, verbose_name=_("đơn vị chủ trì"), on_delete=models.PROTECT, related_name="lead_tasks"
    )
    coordinating_units = ParentalManyToManyField(
        Agency, verbose_name=_("đơn vị phối hợp"), blank=True, related_name="coordinated_tasks"
    )
    assigned_on = models.DateField(_("ngày giao"), default=timezone.localdate)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True, help_text=_("Để trống nếu không thời hạn."))
    original_deadline = models.DateField(
        _("thời hạn ban đầu"), null=True, blank=True, help_text=_("Giữ lại khi gia hạn; tự điền khi đổi thời hạn.")
    )
    extension_reason = models.TextField(_("lý do gia hạn"), blank=True)
    extended_on = models.DateField(_("ngày gia hạn"), null=True, blank=True)
    expected_output = models.CharField(_("sản phẩm đầu ra"), max_length=500, blank=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    completion_report = RichTextField(_("báo cáo kết quả"), blank=True)
    manual_state = models.CharField(_("trạng thái xử lý"), max_length=30, choices=ManualState.choices, blank=True)

    content_panels = [
        FieldPanel("code"),
        FieldPanel("title", heading=_("Nội dung nhiệm vụ")),
        FieldPanel("details"),
        PageChooserPanel("source_directive", "directives.DirectivePage"),
        MultiFieldPanel([FieldPanel("lead_unit"), FieldPanel("coordinating_units")], heading=_("Đơn vị thực hiện")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("assigned_on"), FieldPanel("deadline")]),
                FieldRowPanel([FieldPanel("original_deadline"), FieldPanel("extended_on")]),
                FieldPanel("extension_reason"),
                FieldPanel("expected_output"),
            ],
            heading=_("Thời hạn"),
        ),
        InlinePanel("progress_reports", heading=_("Báo cáo tiến độ"), label=_("báo cáo")),
        MultiFieldPanel(
            [FieldPanel("completed_on"), FieldPanel("completion_report"), FieldPanel("manual_state")],
            heading=_("Kết quả"),
        ),
    ]
    parent_page_types = ["directives.TaskIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("code", boost=5),
        index.FilterField("code"),
        WrittenText("details"),
        WrittenText("expected_output"),
        index.SearchField("search_folded"),
        index.AutocompleteField("code"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("lead_unit"),
        index.FilterField("deadline"),
        index.FilterField("assigned_on"),
        index.FilterField("completed_on"),
        index.RelatedFields("lead_unit", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("code"),
        APIField("status", serializer=TextField()),
        APIField("status_label", serializer=TextField()),
        APIField("manual_state"),
        APIField("source_directive", serializer=PageRefField()),
        APIField("details"),
        APIField("lead_unit", serializer=NamedRefField()),
        APIField("coordinating_units", serializer=NamedRefListField()),
        APIField("assigned_on"),
        APIField("deadline"),
        APIField("original_deadline"),
        APIField("extension_reason"),
        APIField("extended_on"),
        APIField("expected_output"),
        APIField("completed_on"),
        APIField("completion_report"),
        APIField("progress_reports", serializer=ProgressReportListField()),
        APIField("latest_percent"),
    ]

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def search_folded(self) -> str:
        unit = self.lead_unit.name if self.lead_unit_id else ""
        return " ".join([folded_text(self.title, self.details, self.expected_output, unit), self.code.lower()])

    def autocomplete_folded(self) -> str:
        """What type-ahead completes, folded (see ``NumberedDocument.autocomplete_folded``)."""
        return folded_text(self.title)

    def status_on(self, today: date) -> str:
        return task_status(self, today)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["progress_reports"] = self.progress_reports.select_related("unit", "attachment")
        return context

    @property
    def status(self) -> str:
        """Today's status code (domain.md §4); listings use ``status_expression`` in SQL."""
        annotated = self.__dict__.get("current_status")
        return annotated or task_status(self, timezone.localdate())

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def is_done(self) -> bool:
        return self.completed_on is not None

    @property
    def latest_percent(self) -> int | None:
        reports = sorted(self.progress_reports.all(), key=lambda r: (r.date, r.pk or 0))
        if self.completed_on and self.manual_state != ManualState.REOPENED:
            return 100
        return reports[-1].percent if reports else None

    def as_ref(self) -> dict:
        return {"id": self.pk, "title": self.title, "url": self.url, "date": self.deadline, "summary": self.code}

    def clean(self):
        super().clean()
        errors = {}
        if self.deadline and self.assigned_on and self.deadline < self.assigned_on:
            errors["deadline"] = _("Thời hạn không thể trước ngày giao.")
        if self.completed_on and self.assigned_on and self.completed_on < self.assigned_on:
            errors["completed_on"] = _("Ngày hoàn thành không thể trước ngày giao.")
        if self.pk and self.deadline:
            stored = TaskPage.objects.filter(pk=self.pk).values_list("deadline", flat=True).first()
            if stored and self.deadline != stored and not self.original_deadline:
                # An extension: keep the first deadline, and ask why.
                self.original_deadline = stored
        if self.original_deadline and self.deadline and self.original_deadline != self.deadline:
            if not self.extension_reason.strip():
                errors["extension_reason"] = _("Ghi lý do gia hạn khi thời hạn khác thời hạn ban đầu.")
            if not self.extended_on:
                self.extended_on = timezone.localdate()
        if errors:
            raise ValidationError(errors)


class TaskProgressReport(Orderable):
    """A progress report on a task (báo cáo tiến độ), edited inline with the task."""

    task = ParentalKey(TaskPage, on_delete=models.CASCADE, related_name="progress_reports")
    date = models.DateField(_("ngày báo cáo"))
    unit = models.ForeignKey(
        Agency, verbose_name=_("đơn vị báo cáo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    percent = models.PositiveSmallIntegerField(
        _("tỷ lệ hoàn thành (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    content = models.TextField(_("nội dung"))
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp đính kèm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("percent")]),
        FieldPanel("unit"),
        FieldPanel("content"),
        FieldPanel("attachment"),
    ]
    api_fields = [
        APIField("date"),
        APIField("unit", serializer=NamedRefField()),
        APIField("percent"),
        APIField("content"),
        APIField("attachment_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("báo cáo tiến độ")
        constraints = [
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="progress_percent_at_most_100")
        ]

    @property
    def attachment_url(self) -> str | None:
        return self.attachment.url if self.attachment_id else None


__all__ = [
    "DirectiveAttachment",
    "DirectiveIndexPage",
    "DirectiveKind",
    "DirectivePage",
    "ManualState",
    "Official",
    "TaskIndexPage",
    "TaskPage",
    "TaskProgressReport",
    "TaskStatus",
]
