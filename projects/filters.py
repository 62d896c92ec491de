"""The filters of projects and statistics: one function per filter, shared by the public list
(``projects.public``), the typed API listings (``projects.api``) and the search (``projects.search``).
Each takes a queryset and returns the pages it keeps; ``today`` is accepted for the search
registry's signature and unused (nothing here depends on the day)."""

from datetime import date

from django.db.models import Case, IntegerField, Max, Min, QuerySet, Value, When
from django.db.models.functions import Coalesce, ExtractYear


def _period(queryset: QuerySet) -> QuerySet:
    """Each project's period as years (``_start``, ``_end``): ``start_year``–``end_year``; without a
    start year it starts the year of ``decided_on``; an open end (a start year and no end year) runs
    on; without either year the period is the year of ``decided_on`` alone."""
    decided = ExtractYear("decided_on")
    start = Coalesce("start_year", decided, output_field=IntegerField())
    end = Coalesce(
        "end_year",
        Case(When(start_year__isnull=True, then=decided), default=Value(9999), output_field=IntegerField()),
        output_field=IntegerField(),
    )
    return queryset.alias(_start=start, _end=end)


def covering_year(queryset: QuerySet, year: int, today: date | None = None) -> QuerySet:
    """Projects whose period (``_period``) covers ``year``: "the projects of 2024" are those carried
    out, started or finished in 2024, and those decided in 2024 without a period."""
    return _period(queryset).filter(_start__lte=year, _end__gte=year)


def year_span(queryset: QuerySet) -> tuple[int, int] | None:
    """(first, last) year any project's period covers, an open end counting as its start; one query."""
    decided = ExtractYear("decided_on")
    found = queryset.order_by().aggregate(
        first=Min(Coalesce("start_year", decided, output_field=IntegerField())),
        last=Max(Coalesce("end_year", "start_year", decided, output_field=IntegerField())),
    )
    if found["first"] is None:
        return None
    return found["first"], max(found["first"], found["last"])


def by_kind(queryset: QuerySet, kinds: str | list[str], today: date | None = None) -> QuerySet:
    return queryset.filter(kind__in=[kinds] if isinstance(kinds, str) else list(kinds))


def by_status(queryset: QuerySet, statuses: str | list[str], today: date | None = None) -> QuerySet:
    return queryset.filter(status__in=[statuses] if isinstance(statuses, str) else list(statuses))


def by_investor(queryset: QuerySet, agency_id: int, today: date | None = None) -> QuerySet:
    return queryset.filter(investor_id=agency_id)
