"""Filters every content type shares, used by the typed API listings and the search alike."""

from datetime import date

from django.db.models import QuerySet


def in_period(queryset: QuerySet, field: str, start: date | None = None, end: date | None = None) -> QuerySet:
    """The rows whose date ``field`` is on or after ``start`` and on or before ``end`` (each optional)."""
    if start is not None:
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end is not None:
        queryset = queryset.filter(**{f"{field}__lte": end})
    return queryset
