"""Editors' view of task tracking: a flat listing of tasks and a dashboard panel.

- ``TaskTrackingViewSet`` (menu "Theo dõi nhiệm vụ"): every task the editor may explore,
  with code, lead unit, deadline and a status badge; filters by lead unit and status. The
  status is computed in SQL (``directives.tracking``), so filtering and display cost the same
  number of queries whatever the number of tasks.
- ``TaskDeadlinesPanel`` on the admin home: how many tasks are overdue and due soon, each
  linking to the listing filtered by that status.
- ``TaskDashboardView`` ("Tổng hợp nhiệm vụ"): per-unit stacked bars of status and the
  list of overdue tasks.
"""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Agency, TaskPage
from .status import DONE, TaskStatus, due_soon_days
from .tracking import TaskFilter, task_stats, with_status

VIEWSET_NAME = "task_tracking"


class TaskStatusFilter(django_filters.MultipleChoiceFilter):
    """Filter by the derived status (one or more codes), computed in SQL by ``TaskFilter``."""

    def filter(self, qs, value):
        if not value:
            return qs
        # A subquery rather than a filter on the annotation: the listing's search backend
        # accepts ``pk__in`` but not a filter on an annotated expression.
        matching = TaskFilter(statuses=tuple(value)).apply(TaskPage.objects.all(), timezone.localdate())
        return qs.filter(pk__in=matching.values("pk"))


class TaskTrackingFilterSet(PageFilterSet):
    status = TaskStatusFilter(
        label=_("Tình trạng thực hiện"),
        choices=TaskStatus.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị chủ trì"),
        queryset=lambda request: Agency.objects.filter(
            pk__in=TaskPage.objects.order_by().values("lead_unit_id")
        ).order_by("name"),
        empty_label=_("Tất cả đơn vị"),
    )

    class Meta:
        model = TaskPage
        fields = []


class TaskStatusColumn(Column):
    """The status as a Wagtail status tag: words first, "primary" (filled) when overdue."""

    cell_template_name = "directives/admin/task_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = instance.status
        context["label"] = instance.status_label
        context["overdue"] = instance.status == TaskStatus.OVERDUE
        context["manual_state"] = instance.get_manual_state_display() if instance.manual_state else ""
        return context


class DeadlineColumn(Column):
    cell_template_name = "directives/admin/task_deadline_cell.html"


class TaskIndexView(IndexView):
    """Wagtail's flat page listing, with the status annotated in SQL and the lead unit joined."""

    # Sortable in the database but not in search results (no FilterField on TaskPage for them).
    unsortable_when_searching = {"code", "-code", "lead_unit__name", "-lead_unit__name"}

    def get_base_queryset(self):
        return with_status(super().get_base_queryset(), timezone.localdate())

    def annotate_queryset(self, pages):
        return super().annotate_queryset(pages).select_related("lead_unit", for_specific_subqueries=True)

    def get_valid_orderings(self):
        orderings = super().get_valid_orderings()
        if self.is_searching:
            orderings = [o for o in orderings if o not in self.unsortable_when_searching]
        return orderings

    def order_queryset(self, queryset):
        # By deadline, tasks without one last (search backends take plain field names only).
        if self.ordering in ("deadline", "-deadline") and not self.is_searching:
            deadline = F("deadline")
            if self.ordering == "deadline":
                return queryset.order_by(deadline.asc(nulls_last=True), "code")
            return queryset.order_by(deadline.desc(nulls_last=True), "code")
        return super().order_queryset(queryset)


class TaskTrackingViewSet(PageListingViewSet):
    model = TaskPage
    index_view_class = TaskIndexView
    icon = "tasks"
    menu_label = _("Theo dõi nhiệm vụ")
    menu_order = 250
    add_to_admin_menu = True
    name = VIEWSET_NAME
    ordering = "deadline"
    filterset_class = TaskTrackingFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Nội dung nhiệm vụ"), sort_key="title", classname="title"),
        Column("code", label=_("Mã"), sort_key="code", width="10%"),
        Column("lead_unit", label=_("Đơn vị chủ trì"), accessor="lead_unit.name", sort_key="lead_unit__name"),
        DeadlineColumn("deadline", label=_("Thời hạn"), sort_key="deadline", width="12%"),
        TaskStatusColumn("task_status", label=_("Tình trạng thực hiện"), width="16%"),
        PageStatusColumn("status", label=_("Xuất bản"), sort_key="live", width="10%"),
    ]


def listing_url(*statuses: str) -> str:
    url = reverse(f"{VIEWSET_NAME}:index")
    return f"{url}?{urlencode([('status', s) for s in statuses])}" if statuses else url


def explorable_tasks(user):
    """The tasks ``user`` sees in the listing (same rule as Wagtail's page listing)."""
    explorable = PagePermissionPolicy().explorable_instances(user).values_list("pk", flat=True)
    return TaskPage.objects.filter(pk__in=explorable)


class TaskDeadlinesPanel(Component):
    """Admin home: overdue and due-soon tasks, counted in one query by ``task_stats``."""

    name = "task_deadlines"
    template_name = "directives/admin/task_deadlines_panel.html"
    order = 90  # before Wagtail's moderation and recent-edits panels

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        counts = task_stats(explorable_tasks(request.user), today).overall.counts
        not_done = [s for s in TaskStatus if s not in DONE]
        return {
            "today": today,
            "due_soon_days": due_soon_days(),
            "items": [
                {
                    "status": TaskStatus.OVERDUE.value,
                    "label": TaskStatus.OVERDUE.label,
                    "count": counts[TaskStatus.OVERDUE],
                    "url": listing_url(TaskStatus.OVERDUE),
                },
                {
                    "status": TaskStatus.DUE_SOON.value,
                    "label": TaskStatus.DUE_SOON.label,
                    "count": counts[TaskStatus.DUE_SOON],
                    "url": listing_url(TaskStatus.DUE_SOON),
                },
            ],
            "open_count": sum(counts[s] for s in not_done),
            "open_url": listing_url(*not_done),
        }

    def render_html(self, parent_context=None):
        user = parent_context["request"].user
        if not PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"}):
            return ""
        return super().render_html(parent_context)


# --- the task dashboard ----------------------------------------------------------------------------

#: One colour per status for stacked bars (each ≥ 3:1 against white), in display order.
STATUS_COLOURS = {
    TaskStatus.OVERDUE: "#b3261e",
    TaskStatus.DUE_SOON: "#b36b00",
    TaskStatus.IN_PROGRESS_ON_TIME: "#1d6fb8",
    TaskStatus.NO_DEADLINE: "#5f6368",
    TaskStatus.DONE_LATE: "#7b1fa2",
    TaskStatus.DONE_ON_TIME: "#1e7d32",
}


def stacked_bars(units) -> list[dict]:
    """Per-unit stacked bars of task status (``UnitStats`` rows): segments with x offset and
    width in % of the largest unit, for an SVG drawn on the server."""
    top = max((u.total for u in units), default=0)
    labels = dict(TaskStatus.choices)
    bars = []
    for unit in units:
        x, segments = 0.0, []
        for status, colour in STATUS_COLOURS.items():
            n = unit.counts[status]
            if n:
                width = 100 * n / top
                segments.append({"x": round(x, 2), "width": round(width, 2), "count": n, "colour": colour,
                                 "label": labels[status]})  # fmt: skip
                x += width
        bars.append({"label": unit.unit_name, "total": unit.total, "rate": unit.on_time_rate, "segments": segments})
    return bars


def status_legend() -> list[dict]:
    labels = dict(TaskStatus.choices)
    return [{"label": labels[s], "colour": c} for s, c in STATUS_COLOURS.items()]


class TaskDashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Admin "Tổng hợp nhiệm vụ": per-unit stacked bars of status and the overdue list.

    The figures are ``task_stats`` (one aggregate query), the function the public tracking page
    and the API use; the overdue list is one query. Tasks the user may not explore are left out.
    """

    template_name = "directives/admin/task_dashboard.html"
    page_title = _("Tổng hợp nhiệm vụ")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        tasks = explorable_tasks(self.request.user)
        stats = task_stats(tasks, today)
        overdue = (
            TaskFilter(statuses=(TaskStatus.OVERDUE,))
            .apply(tasks, today)
            .select_related("lead_unit")
            .order_by("deadline", "code")
        )
        return super().get_context_data(
            today=today,
            stats=stats,
            bars=stacked_bars(stats.units),
            legend=status_legend(),
            overdue=[(task, (today - task.deadline).days) for task in overdue],
            listing_url=listing_url(),
            **kwargs,
        )
