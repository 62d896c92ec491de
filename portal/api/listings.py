"""Typed listings (``GET /api/v3/<type>/``) and the parameters every listing shares.

Wagtail 8.0's v3 page listing always answers ``{id, title, meta}`` (there is no ``fields=``
parameter in v3). A page type that declares ``api_listing_fields`` (names taken from its
``api_fields``) gets a typed listing item built here from Wagtail's own read schema of that
type (``listing_item_schema``), so a listing field has exactly the shape it has in the
detail; ``api_listing_queryset`` on the model loads what those fields need in a constant
number of queries. ``docs/api.md`` describes the listings.
"""

import re
from copy import copy
from datetime import date
from typing import Annotated, Literal

from django.db.models import QuerySet
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator, model_validator

from ..filters import in_period
from .errors import bad_request_doc

DateOrder = Literal["-date", "date"]
#: The content languages (settings.WAGTAIL_CONTENT_LANGUAGES).
Locale = Literal["vi", "en"]
#: Largest id a filter accepts: larger numbers cannot be a primary key and would overflow the database.
MAX_ID = 2**31 - 1


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("null characters are not allowed")
    return value


#: A text parameter; NUL characters are refused (PostgreSQL cannot compare them).
Text = Annotated[str, AfterValidator(_no_nul)]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _iso_date(value):
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


#: A date parameter (OpenAPI ``format: date``), written ``YYYY-MM-DD`` and nothing else: pydantic's
#: ``date`` also reads ``0.0`` or ``1700000000`` as a Unix time, and ``2024-09-05T00:00`` as a day,
#: which the documented format does not allow (found by the admin fuzz run, issue 22).
IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class ListingQuery(Schema):
    """Parameters every typed listing has: a period on the type's date and the order by date.

    A subclass adds the type's filters in ``filter()``; a value that cannot be read is a
    validation error, answered with HTTP 400 and a message (``portal.wagtail_patches``).
    """

    date_from: IsoDate | None = Field(
        None, description="On or after this date (YYYY-MM-DD): publication date of news, issue date otherwise."
    )
    date_to: IsoDate | None = Field(None, description="On or before this date (YYYY-MM-DD).")
    order: DateOrder = Field("-date", description="`-date`: newest first (default); `date`: oldest first.")
    locale: Locale = Field(
        "vi",
        description="The pages' language: `vi` (default: the portal's own pages) or `en` (their English "
        "translations, under /en/). Each item's `meta.locale` says it too.",
    )

    @model_validator(mode="after")
    def period_in_order(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("'date_from' must not be after 'date_to'")
        return self

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = queryset.filter(locale__language_code=self.locale)
        return in_period(queryset, queryset.model.api_date_field, self.date_from, self.date_to)

    def order_queryset(self, queryset: QuerySet) -> QuerySet:
        field = queryset.model.api_date_field
        return queryset.order_by(f"-{field}", "-pk") if self.order == "-date" else queryset.order_by(field, "pk")


def add_listing(router, model, query_class: type[ListingQuery], *, operation_id: str, summary: str, doc: str):
    """Add ``GET /`` to ``router``: the live, public pages of ``model``, filtered by
    ``query_class``, ordered by date, paginated like Wagtail's listings (``limit`` ≤
    ``WAGTAILAPI_LIMIT_MAX``, ``offset``; ``{"count", "items"}``), items from
    ``listing_item_schema(model)`` loaded by ``model.api_listing_queryset``."""
    from django.utils import timezone
    from ninja import Query
    from ninja.pagination import paginate
    from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
    from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

    def listing(request, filters: query_class = Query(...)):  # noqa: B008
        queryset = filters.filter(model.objects.live().public(), timezone.localdate())
        return model.api_listing_queryset(filters.order_queryset(queryset))

    listing.__name__ = operation_id
    listing.__doc__ = doc
    router.get(
        "/",
        response={200: list[listing_item_schema(model)]},
        summary=summary,
        operation_id=operation_id,
        auth=[BearerTokenAuth(), AllowAnonymous()],
        openapi_extra=bad_request_doc(),
    )(paginate(WagtailLimitOffsetPagination)(listing))
    return listing


def listing_item_schema(model):
    """The item of ``model``'s typed listing: Wagtail's listing item (``id``, ``title``,
    ``meta``) plus the fields named in ``model.api_listing_fields``, each with the type and
    resolver it has in Wagtail's read (detail) schema of ``model``."""
    from wagtail.api.v3.registry import registry
    from wagtail.api.v3.schemas import BasePageSchema
    from wagtail.api.v3.schemas.generators import read_generator
    from wagtail.api.v3.schemas.pages import BasePageMetaSchema

    detail = registry.get(model._meta.label).read_schema
    name = model._meta.object_name
    meta = type(BasePageMetaSchema)(
        f"{name}ListingMetaSchema",
        (BasePageMetaSchema,),
        {"__annotations__": {"type": Literal[model._meta.label]}},
    )
    extra = {"meta": (meta, ..., None)}
    for field_name in model.api_listing_fields:
        info = detail.model_fields[field_name]
        resolver = getattr(detail, f"resolve_{field_name}", None)
        extra[field_name] = (info.annotation, copy(info), staticmethod(resolver) if resolver else None)
    return read_generator.extend_schema(BasePageSchema, f"{name}ListItem", extra)
