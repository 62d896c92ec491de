"""The tracking of the tasks directives assign (domain.md §4): index page, task page, progress reports."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.api.fields import NamedRefField, NamedRefListField, PageRefField, TextField
from portal.authority import authority_for_request
from portal.pages import SectionPage
from search.indexing import Heading, WrittenText, folded_text

from ..api_fields import ProgressReportListField
from ..status import status as task_status
from ..status import status_label
from .directives import DirectivePage
from .taxonomy import Agency


class ManualState(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("Chờ xác nhận")
    PAUSED = "paused", _("Tạm hoãn")
    REOPENED = "reopened", _("Thực hiện lại")


class TaskIndexPage(SectionPage):
    """Theo dõi thực hiện nhiệm vụ: the public tracking table (directives/public.py)."""

    menu_group = "documents"

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
        Heading("code", boost=5),
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
        # An archive portal (the authority has closed) shows the status as it stood on its last day,
        # as its tracking page does.
        today = timezone.localdate()
        day = authority_for_request(request).reference_day(today)
        if day < today:
            self.__dict__["current_status"] = task_status(self, day)
        context["status_day"] = day if day < today else None
        # The editor's order; reports without one (imported, or added in code) in the order they were written.
        context["progress_reports"] = self.progress_reports.select_related("unit", "attachment").order_by(
            "sort_order", "pk"
        )
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
