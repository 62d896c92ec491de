"""The editors' side of the work schedule (menu "Lịch công tác"): every entry, newest week first,
filtered by week, leader, status and publication; an edit that moves a published entry marks it
changed (``schedule.changes.record_edit``); a copy starts planned and unpublished."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import AdminDateInput
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CopyView, EditView, SnippetViewSet

from directives.models import Official

from .changes import record_edit, snapshot
from .models import ScheduleEntry, Status
from .weeks import Week


class ScheduleEntryFilterSet(WagtailFilterSet):
    week = django_filters.DateFilter(
        label=_("Tuần có ngày"),
        method="in_week",
        widget=AdminDateInput,
        help_text=_("Các lịch trong tuần có ngày này."),
    )
    leader = django_filters.ModelChoiceFilter(
        label=_("Lãnh đạo"), field_name="leaders", queryset=Official.objects.order_by("name")
    )

    class Meta:
        model = ScheduleEntry
        fields = ["status", "published"]

    def in_week(self, queryset, name, value):
        week = Week.of(value)
        return queryset.filter(date__gte=week.monday, date__lte=week.sunday)


class LeadersColumn(Column):
    def get_value(self, instance):
        return "; ".join(o.name for o in instance.leaders.all())


class ScheduleEntryEditView(EditView):
    def save_instance(self):
        before = snapshot(ScheduleEntry.objects.get(pk=self.object.pk))
        record_edit(before, self.form.instance, timezone.now(), note_written="change_note" in self.form.changed_data)
        return super().save_instance()


class ScheduleEntryCopyView(CopyView):
    """A copy (next week's meeting, say) starts as planned, without the original's change note, and
    unpublished until the editor has set its date and checked it."""

    def get_initial_form_instance(self):
        entry = super().get_initial_form_instance()
        entry.status, entry.change_note, entry.changed_at, entry.published = Status.SCHEDULED, "", None, False
        return entry


class ScheduleEntryViewSet(SnippetViewSet):
    model = ScheduleEntry
    icon = "date"
    menu_label = _("Lịch công tác")
    menu_name = "schedule"
    menu_order = 270
    add_to_admin_menu = True
    list_display = [
        "date",
        Column("time_label", label=_("Giờ")),
        Column("content", label=_("Nội dung công việc")),
        LeadersColumn("leaders", label=_("Lãnh đạo")),
        "status",
        "published",
    ]
    filterset_class = ScheduleEntryFilterSet
    ordering = ["-date", "start", "pk"]
    list_per_page = 50
    search_fields = ["content", "place", "participants"]
    edit_view_class = ScheduleEntryEditView
    copy_view_class = ScheduleEntryCopyView
    inspect_view_enabled = False

    def get_queryset(self, request):
        return ScheduleEntry.objects.for_listing()


register_snippet(ScheduleEntryViewSet)
