"""The public pages of the section pages (thin: the filters are ``projects.filters``, the tables
``projects.tables``).

- ``/du-an-dau-thau/?loai=…&trang_thai=…&chu_dau_tu=…&nam=…``: the projects, filtered by kind,
  status, investor (agency id) and year (the period covers it). A value that cannot be read is
  answered with the page, status 400 and a message naming the filter; the other filters still
  apply.
- ``/thong-ke/?nam=…``: the statistics pages of a year, the same way.
- ``<statistics page>/bang-<n>.csv``: the page's table ``n`` as CSV (``statistics_csv``); a URL
  of the site's own (Wagtail does not serve page URLs with a dot), found by the page's path.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from directives.models import Agency
from portal.pagination import paginate

from .filters import by_investor, by_kind, by_status, covering_year, year_span
from .models import ProjectKind, ProjectPage, ProjectStatus, StatisticsPage
from .tables import csv_bytes

MIN_YEAR, MAX_YEAR = 1975, 2100
_YEAR_ERRORS = {
    "invalid": _("Hãy chọn một năm, ví dụ 2024."),
    "min_value": _("Năm phải từ %(limit_value)s trở đi."),
    "max_value": _("Năm phải đến %(limit_value)s trở về trước."),
}


class FilterForm(forms.Form):
    """A filter form whose errors are reported by the label of the filter."""

    def error_messages(self) -> list[str]:
        if not self.is_bound or self.is_valid():
            return []
        return [
            f"{self.fields[name].label}: {message}" if name in self.fields else str(message)
            for name, errors in self.errors.items()
            for message in errors
        ]

    def valid(self, name: str):
        """The cleaned value of filter ``name``, or None when absent or not valid."""
        if not self.is_bound:
            return None
        self.is_valid()
        return None if name in self.errors else self.cleaned_data.get(name) or None


def _year_field(years: tuple[int, int] | None) -> forms.IntegerField:
    choices = [("", _("Tất cả các năm"))]
    if years:
        choices += [(str(y), str(y)) for y in range(years[1], years[0] - 1, -1)]
    return forms.IntegerField(
        label=_("Năm"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.Select(choices=choices),
        error_messages=_YEAR_ERRORS,
    )


class ProjectFilterForm(FilterForm):
    loai = forms.ChoiceField(
        label=_("Loại"),
        required=False,
        choices=[("", _("Tất cả các loại")), *ProjectKind.choices],
        error_messages={"invalid_choice": _("“%(value)s” không phải là một loại dự án, gói thầu.")},
    )
    trang_thai = forms.ChoiceField(
        label=_("Tình trạng"),
        required=False,
        choices=[("", _("Tất cả tình trạng")), *ProjectStatus.choices],
        error_messages={"invalid_choice": _("“%(value)s” không phải là một tình trạng.")},
    )
    chu_dau_tu = forms.ModelChoiceField(
        label=_("Chủ đầu tư"),
        required=False,
        queryset=Agency.objects.none(),
        empty_label=_("Tất cả chủ đầu tư"),
        error_messages={"invalid_choice": _("Chủ đầu tư không có trong danh sách.")},
    )

    def __init__(self, data=None, *, investors, years, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["chu_dau_tu"].queryset = investors
        self.fields["nam"] = _year_field(years)


@dataclass(frozen=True)
class ProjectCriteria:
    """The valid criteria of a request: what the list is filtered by."""

    kind: str | None = None
    status: str | None = None
    investor: int | None = None
    year: int | None = None

    def apply(self, queryset):
        if self.kind:
            queryset = by_kind(queryset, self.kind)
        if self.status:
            queryset = by_status(queryset, self.status)
        if self.investor:
            queryset = by_investor(queryset, self.investor)
        if self.year:
            queryset = covering_year(queryset, self.year)
        return queryset

    def querystring(self) -> str:
        """``loai=…&`` for the pagination links (``page_query_prefix``), "" without criteria."""
        pairs = [
            (name, str(value))
            for name, value in (
                ("loai", self.kind),
                ("trang_thai", self.status),
                ("chu_dau_tu", self.investor),
                ("nam", self.year),
            )
            if value
        ]
        return urlencode(pairs) + "&" if pairs else ""


def project_criteria(form: ProjectFilterForm) -> ProjectCriteria:
    investor = form.valid("chu_dau_tu")
    return ProjectCriteria(
        kind=form.valid("loai"),
        status=form.valid("trang_thai"),
        investor=investor.pk if investor else None,
        year=form.valid("nam"),
    )


def project_listing_context(index, request) -> dict:
    """The filter form and the page of projects for ``request`` (a constant number of queries)."""
    projects = index.projects()
    everything = ProjectPage.objects.child_of(index).live()
    investors = Agency.objects.filter(pk__in=everything.values("investor_id")).order_by("name")
    form = ProjectFilterForm(request.GET or None, investors=investors, years=year_span(everything))
    criteria = project_criteria(form)
    page = paginate(request, criteria.apply(projects), index.per_page)
    return {
        "projects": page,
        "page_obj": page,
        "filter_form": form,
        "filter_errors": form.error_messages(),
        "filtered": criteria != ProjectCriteria(),
        "page_query_prefix": criteria.querystring(),
    }


# --- statistics ---------------------------------------------------------------------------------


class StatisticsFilterForm(FilterForm):
    def __init__(self, data=None, *, years, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["nam"] = _year_field(years)


@dataclass(frozen=True)
class StatisticsCriteria:
    year: int | None = None

    def apply(self, queryset):
        return queryset.filter(year=self.year) if self.year else queryset

    def querystring(self) -> str:
        return f"nam={self.year}&" if self.year else ""


def statistics_listing_context(index, request) -> dict:
    from django.db.models import Max, Min

    reports = index.statistics()
    span = StatisticsPage.objects.child_of(index).live().order_by().aggregate(first=Min("year"), last=Max("year"))
    years = (span["first"], span["last"]) if span["first"] is not None else None
    form = StatisticsFilterForm(request.GET or None, years=years)
    criteria = StatisticsCriteria(year=form.valid("nam"))
    page = paginate(request, criteria.apply(reports), index.per_page)
    return {
        "reports": page,
        "page_obj": page,
        "filter_form": form,
        "filter_errors": form.error_messages(),
        "filtered": criteria.year is not None,
        "page_query_prefix": criteria.querystring(),
    }


def _page_at(request, page_path: str):
    """The live page of the request's site at ``page_path`` ("thong-ke/dan-so-2024/"), or 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [part for part in page_path.split("/") if part]
    route = site.root_page.localized.specific.route(request, components)
    return route[0].specific


def statistics_csv(request, page_path: str, number: str):
    """``<statistics page>/bang-<n>.csv``: table ``n`` of the page (from 1) as a CSV file
    (``projects.tables``); 404 if the page or the table does not exist, 403 if the page is private
    and the request may not see it."""
    page = _page_at(request, page_path)
    if not isinstance(page, StatisticsPage) or not page.live:
        raise Http404(gettext("Không có trang thống kê này."))
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise PermissionDenied
    table = page.data_table(int(number)) if len(number) < 4 else None
    if table is None:
        raise Http404(gettext("Trang thống kê không có bảng số %(number)s.") % {"number": number})
    response = HttpResponse(csv_bytes(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{page.slug}-{table.filename}")
    return response
