"""The public listings: the tracking page, "Theo dõi thực hiện nhiệm vụ" (domain.md §4): form,
summary, table; and the directives of one leader (``directive_listing_context``).

``TaskIndexPage.get_context`` calls ``tracking_context``. The form reads the same GET
parameters as the API (``unit``, ``status`` repeated, ``from``, ``to``); a bad value is
reported and only that criterion is dropped, so a reader always gets a page, never an error.
The statistics come from ``directives.tracking.task_stats`` and the table from
``TaskFilter.apply``: the status is computed in SQL and the number of queries does not
depend on the number of tasks.
"""

import re
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode

from django import forms
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.api.listings import MAX_ID
from portal.authority import authority_for_request
from portal.pagination import paginate

from .models import Agency, Official, TaskPage
from .status import DONE, TaskStatus
from .tracking import TaskFilter, UnitStats, task_stats

PER_PAGE = 30
NBSP = "\u00a0"


class DateInput(forms.DateInput):
    """A native date picker; browsers send ISO dates, people typing may use dd/mm/yyyy."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    def format_value(self, value):
        # A date typed as 05/09/2024 comes back in ISO form, which a date input can show.
        if isinstance(value, str):
            try:
                value = forms.DateField().to_python(value)
            except forms.ValidationError:
                return value
        return super().format_value(value)


class TaskFilterForm(forms.Form):
    """What a reader can filter the tracking table by. Every field is optional."""

    unit = forms.ModelChoiceField(
        label=_("Đơn vị chủ trì"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("Tất cả đơn vị"),
        error_messages={"invalid_choice": _("Đơn vị chủ trì không có trong danh sách.")},
    )
    status = forms.MultipleChoiceField(
        label=_("Tình trạng thực hiện"),
        choices=TaskStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Tình trạng “%(value)s” không hợp lệ.")},
    )

    def __init__(self, data=None, *, units: QuerySet | None = None, **kwargs):
        super().__init__(data, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
        # "from" and "to", as in the API, are Python keywords: declared here, not as attributes.
        date_error = {"invalid": _("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2024.")}
        self.fields["from"] = forms.DateField(
            label=_("Giao từ ngày"), required=False, widget=DateInput(), error_messages=date_error
        )
        self.fields["to"] = forms.DateField(
            label=_("Đến ngày"), required=False, widget=DateInput(), error_messages=date_error
        )
        self.fields["as_of"] = forms.DateField(
            label=_("Tình trạng tính đến ngày"),
            required=False,
            widget=DateInput(),
            error_messages=date_error,
            help_text=_("Để trống: tình trạng hôm nay."),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", _("Ngày kết thúc phải sau ngày bắt đầu; bỏ qua ngày kết thúc."))
        as_of = cleaned.get("as_of")
        if as_of and as_of > timezone.localdate():
            self.add_error("as_of", _("Không xem được tình trạng của một ngày chưa đến; hiển thị tình trạng hôm nay."))
        return cleaned

    def task_filter(self) -> TaskFilter:
        """The valid criteria only: a field with an error filters nothing."""
        if not self.is_bound:
            return TaskFilter()
        self.is_valid()
        data = self.cleaned_data
        unit = data.get("unit")
        return TaskFilter(
            unit=unit.pk if unit else None,
            statuses=tuple(data.get("status") or ()),
            date_from=data.get("from"),
            date_to=data.get("to"),
            as_of=data.get("as_of"),
        )

    def error_messages(self) -> list[str]:
        if not self.is_bound or self.is_valid():
            return []
        return [
            f"{self.fields[name].label}: {message}" if name in self.fields else str(message)
            for name, errors in self.errors.items()
            for message in errors
        ]


def querystring(task_filter: TaskFilter) -> str:
    """URL parameters for ``task_filter`` (valid criteria only), for pagination and unit links."""
    params: list[tuple[str, str]] = []
    if task_filter.unit is not None:
        params.append(("unit", str(task_filter.unit)))
    params.extend(("status", code) for code in task_filter.statuses)
    if task_filter.date_from:
        params.append(("from", task_filter.date_from.isoformat()))
    if task_filter.date_to:
        params.append(("to", task_filter.date_to.isoformat()))
    if task_filter.as_of:
        params.append(("as_of", task_filter.as_of.isoformat()))
    return urlencode(params)


def format_rate(rate: float | None) -> str:
    """An on-time rate (0–1) as Vietnamese write it, "66,7 %"; "—" when nothing is done yet."""
    if rate is None:
        return "—"
    # Always the Vietnamese way (decimal comma), whatever language the browser asks for.
    text = f"{rate * 100:.1f}".removesuffix(".0").replace(".", ",")
    return f"{text}{NBSP}%"


@dataclass
class SummaryRow:
    unit_id: int | None
    unit_name: str
    counts: list[tuple[str, str, int]]  # (status code, label, count) in TaskStatus order
    total: int
    done: int
    on_time_rate: str
    query: str  # the listing of this unit's tasks, with the reader's other criteria

    @classmethod
    def of(cls, stats: UnitStats, task_filter: TaskFilter) -> "SummaryRow":
        return cls(
            unit_id=stats.unit_id,
            unit_name=stats.unit_name,
            counts=[(s.value, s.label, stats.counts[s.value]) for s in TaskStatus],
            total=stats.total,
            done=stats.done,
            on_time_rate=format_rate(stats.on_time_rate),
            query=querystring(replace(task_filter, unit=stats.unit_id)) if stats.unit_id else "",
        )


def public_tasks(index_page) -> QuerySet:
    """Live, public tasks under ``index_page``."""
    return TaskPage.objects.live().public().descendant_of(index_page)


def listing_order() -> list:
    """Overdue first, then work in progress, then finished tasks; each by deadline, then code."""
    rank = Case(
        When(current_status=TaskStatus.OVERDUE, then=Value(0)),
        When(current_status__in=DONE, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return [rank, F("deadline").asc(nulls_last=True), "code"]


def tracking_context(index_page, request, today: date) -> dict:
    """Context of the tracking page: form, errors, summary per unit, one page of tasks."""
    tasks = public_tasks(index_page)
    units = Agency.objects.filter(pk__in=tasks.values("lead_unit_id")).order_by("name")
    form = TaskFilterForm(request.GET or None, units=units)
    task_filter = form.task_filter()
    # An archive portal (the authority has closed) shows the tasks as they stood on its last day,
    # unless the reader asks for another day.
    closing_day = authority_for_request(request).reference_day(today)
    default = TaskFilter(as_of=closing_day if closing_day < today else None)
    if task_filter.as_of is None:
        task_filter = replace(task_filter, as_of=default.as_of)
    day = task_filter.day(today)

    stats = task_stats(tasks, today, task_filter)
    listing = task_filter.apply(tasks, today).select_related("lead_unit", "source_directive").order_by(*listing_order())
    page_obj = paginate(request, listing, PER_PAGE)
    page_obj.object_list = list(page_obj.object_list)
    for task in page_obj.object_list:
        task.days_overdue = (day - task.deadline).days if task.status == TaskStatus.OVERDUE else 0

    query = querystring(task_filter)
    return {
        "filter_form": form,
        "filter_errors": form.error_messages(),
        "is_filtered": task_filter != default,
        "status_day": day,
        "status_day_is_today": day == today,
        "filter_query": query,
        "page_query_prefix": f"{query}&" if query else "",
        "statuses": [(s.value, s.label) for s in TaskStatus],
        "summary": [SummaryRow.of(unit, task_filter) for unit in stats.units],
        "summary_overall": SummaryRow.of(stats.overall, task_filter),
        "tasks": page_obj,
        "page_obj": page_obj,
        "today": today,
    }


# --- the directives of one leader ---------------------------------------------------------------

_ID = re.compile(r"[0-9]{1,10}", re.ASCII)


def directive_listing_context(index_page, request) -> dict:
    """Context of the directives page: one page of directives, newest first; with ``?leader=<id>``
    only those the leader directed (``leader``: the ``Official``). A ``leader`` that names no leader
    is reported in ``filter_errors`` (the page is then answered 400) and the full list is shown."""
    directives = index_page.directives()
    raw = request.GET.get("leader", "").strip()
    leader, errors = None, []
    if raw:
        if _ID.fullmatch(raw) and int(raw) <= MAX_ID:
            leader = Official.objects.filter(pk=int(raw)).first()
        if leader is None:
            errors.append(_("Lãnh đạo chỉ đạo (leader): “%(value)s” không có trong danh sách.") % {"value": raw[:50]})
        else:
            directives = directives.filter(directing_leader=leader)
    page_obj = paginate(request, directives, index_page.per_page)
    return {
        "directives": page_obj,
        "page_obj": page_obj,
        "leader": leader,
        "filter_errors": errors,
        "page_query_prefix": f"leader={leader.pk}&" if leader else "",
    }
