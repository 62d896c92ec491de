"""The leaders' weekly work schedule (lịch công tác, Decree 42/2022 Art. 4): the section page
``/lich-cong-tac/`` and the schedule entries.

An entry is a plain Django model edited as a snippet in the admin, not a page (docs/schedule.md
says why): it has no URL, text or revisions of its own, it is read a week at a time, and a week has
dozens of them.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.pages import SectionPage


class Status(models.TextChoices):
    SCHEDULED = "scheduled", _("Theo kế hoạch")
    CHANGED = "changed", _("Có điều chỉnh")
    CANCELLED = "cancelled", _("Hủy / hoãn")


class ScheduleIndexPage(RoutablePageMixin, SectionPage):
    """``/lich-cong-tac/``: the week view (``?tuan=2025-W14``, ``?lanh_dao=<id>``), a route of this page.
    Its iCalendar feeds (``lich.ics``, ``lanh-dao/<id>/lich.ics`` under its URL) are site URLs the app
    registers (``schedule.urls``): Wagtail serves pages only at paths of words and slashes, and
    ``lich.ics`` has a dot. ``schedule.views`` draws them all."""

    menu_group = "institution"

    default_week = models.DateField(
        _("tuần hiển thị mặc định"),
        null=True,
        blank=True,
        help_text=_(
            "Để trống: trang hiển thị tuần hiện tại. Chọn một ngày: trang hiển thị tuần có ngày đó khi người đọc "
            "không chọn tuần (tiêu đề luôn ghi rõ tuần đang hiển thị)."
        ),
    )

    content_panels = SectionPage.content_panels + [FieldPanel("default_week")]
    api_fields = SectionPage.api_fields + [APIField("default_week")]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("chuyên mục lịch công tác")
        verbose_name_plural = _("chuyên mục lịch công tác")

    @path("")
    def week_view(self, request):
        from .views import week

        return week(request, self)


class ScheduleEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def for_listing(self):
        """With what a listing shows (preparing unit, leaders) in a fixed number of queries."""
        from directives.models import Official

        return self.select_related("preparing_unit").prefetch_related(
            models.Prefetch("leaders", queryset=Official.objects.order_by("pk"))
        )

    def in_order(self):
        return self.order_by("date", "start", "pk")


class ScheduleEntry(models.Model):
    """One item of a leader's (or several leaders') work schedule."""

    uid = models.UUIDField(_("mã định danh lịch"), default=uuid.uuid4, unique=True, editable=False)
    key = models.CharField(
        _("khóa nhập dữ liệu"),
        max_length=100,
        blank=True,
        default="",
        help_text=_("Khóa của dòng lịch trong tệp nhập (import_content); để trống nếu nhập tay."),
    )
    date = models.DateField(_("ngày"), db_index=True)
    start = models.TimeField(_("giờ bắt đầu"))
    end = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    leaders = models.ManyToManyField(
        "directives.Official", verbose_name=_("lãnh đạo"), related_name="schedule_entries", blank=True
    )
    content = models.TextField(_("nội dung công việc"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    participants = models.TextField(_("thành phần"), blank=True)
    preparing_unit = models.ForeignKey(
        "directives.Agency",
        verbose_name=_("đơn vị chuẩn bị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=Status.choices, default=Status.SCHEDULED, db_index=True
    )
    change_note = models.TextField(
        _("nội dung điều chỉnh"),
        blank=True,
        help_text=_(
            "Hiển thị công khai sau “Điều chỉnh:”. Khi sửa ngày, giờ hoặc địa điểm của một lịch đã công bố, "
            "hệ thống tự ghi nội dung thay đổi nếu ô này không được sửa."
        ),
    )
    changed_at = models.DateTimeField(_("thời điểm điều chỉnh"), null=True, blank=True)
    sequence = models.PositiveIntegerField(
        _("số lần điều chỉnh"), default=0, editable=False, help_text=_("SEQUENCE của lịch điện tử (iCalendar).")
    )
    published = models.BooleanField(
        _("công bố"), default=False, help_text=_("Chỉ lịch đã công bố mới hiển thị trên Cổng và trong lịch điện tử.")
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = ScheduleEntryQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("leaders", widget=forms.CheckboxSelectMultiple),
        FieldPanel("content"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("preparing_unit")]),
        FieldPanel("participants"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("change_note"), FieldPanel("changed_at", read_only=True)],
            heading=_("Điều chỉnh"),
        ),
        FieldPanel("published"),
    ]

    class Meta:
        verbose_name = _("lịch công tác")
        verbose_name_plural = _("lịch công tác")
        ordering = ["-date", "start", "pk"]
        indexes = [models.Index(fields=["published", "date", "start"], name="schedule_public_order")]
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=~models.Q(key=""), name="schedule_entry_unique_key"),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gt=models.F("start")),
                name="schedule_entry_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start:%H:%M} – {self.content[:80]}"

    def clean(self):
        super().clean()
        if self.end is not None and self.start is not None and self.end <= self.start:
            raise ValidationError({"end": _("Giờ kết thúc phải sau giờ bắt đầu.")})

    @property
    def is_changed(self) -> bool:
        return self.status == Status.CHANGED

    @property
    def is_cancelled(self) -> bool:
        return self.status == Status.CANCELLED

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label) if self.status in Status.values else self.status

    @property
    def time_label(self) -> str:
        """ "08:00" or "08:00 – 11:30"."""
        return f"{self.start:%H:%M} – {self.end:%H:%M}" if self.end else f"{self.start:%H:%M}"
