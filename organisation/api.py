"""``/api/v3/organisation/``: the units of the authority's organisation and its leaders, with their
public contacts (official phone, e-mail and address: Decree 42/2022 asks the portal to publish
them). Typed listings paginated like Wagtail's (``limit``, ``offset``; ``{"count", "items"}``), in
a fixed number of queries whatever the number of items. ``locale`` (``vi``, ``en``) chooses the
language of their words (names of units, positions, functions, biographies, kinds) and of the
leaders' pages; a word without a translation is given in Vietnamese."""

from typing import Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from directives.models import UnitKind
from portal.api.errors import bad_request_doc
from portal.api.fields import images_with_renditions
from portal.api.listings import MAX_ID, Locale

from .api_fields import LeaderOut, UnitOut, leader_out, unit_out
from .links import leader_url
from .structure import leaders, units

KindCode = Literal[tuple(UnitKind.values)]  # type: ignore[valid-type]

router = Router(tags=["organisation"])


class Rows:
    """A queryset seen as the API's items: sliced by the pagination (``build`` turns each row into
    its item), counted in SQL."""

    def __init__(self, queryset: QuerySet, build):
        self.queryset, self.build = queryset, build

    def all(self) -> "Rows":
        return self

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, window: slice) -> list:
        return [self.build(row) for row in self.queryset[window]]


def _locale_field():
    return Field(
        "vi",
        description="The language of the words: `vi` (default) or `en` (the English names of units, "
        "positions, functions and biographies where they have one, else the Vietnamese; the English "
        "kinds' labels; the leaders' pages under the English introduction, where there is one).",
    )


class UnitQuery(Schema):
    kind: KindCode | None = Field(
        None,
        description="Unit kind: `authority` (the authority itself), `specialised_agency` (cơ quan chuyên "
        "môn), `public_service_unit` (đơn vị sự nghiệp), `commune` (UBND cấp xã), `other`.",
    )
    parent: int | None = Field(None, ge=1, le=MAX_ID, description="Only the units directly under this unit (its id).")
    locale: Locale = _locale_field()

    def filter(self, queryset: QuerySet) -> QuerySet:
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.parent is not None:
            queryset = queryset.filter(parent_id=self.parent)
        return queryset


class LeaderQuery(Schema):
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Only the leaders of this unit (agency id).")
    authority_leaders: bool | None = Field(
        None,
        description="`true`: only the authority's leaders (shown on the introduction page); `false`: only "
        "the others (former leaders, heads of units). Absent: every leader.",
    )
    locale: Locale = _locale_field()

    def filter(self, queryset: QuerySet) -> QuerySet:
        if self.unit is not None:
            queryset = queryset.filter(agency_id=self.unit)
        if self.authority_leaders is not None:
            queryset = queryset.filter(is_authority_leader=self.authority_leaders)
        return queryset


@router.get(
    "/units/",
    response={200: list[UnitOut]},
    summary="List the units of the authority's organisation with their public contacts",
    operation_id="organisation_units_list",
    auth=[BearerTokenAuth(), AllowAnonymous()],
    openapi_extra=bad_request_doc(),
)
@paginate(WagtailLimitOffsetPagination)
def list_units(request: HttpRequest, query: UnitQuery = Query(...)):  # noqa: B008
    """Agencies that are units of the authority's organisation (those with a kind), in display order
    then by name: kind, parent unit (to draw the chart), office address, phone, e-mail, website and
    functions, in the language `locale`. Filters: kind, parent."""
    return Rows(query.filter(units()), lambda unit: unit_out(unit, query.locale))


@router.get(
    "/leaders/",
    response={200: list[LeaderOut]},
    summary="List leaders with their public contacts and the URL of their page",
    operation_id="organisation_leaders_list",
    auth=[BearerTokenAuth(), AllowAnonymous()],
    openapi_extra=bad_request_doc(),
)
@paginate(WagtailLimitOffsetPagination)
def list_leaders(request: HttpRequest, query: LeaderQuery = Query(...)):  # noqa: B008
    """Leaders (officials), the authority's leaders first, then in display order and by name: position,
    unit, official phone and e-mail, portrait (two sizes), biography and `url`, their page on the site
    (`/gioi-thieu/lanh-dao/<id>/`, under the English introduction with `locale=en` when there is one;
    null when the portal has no introduction page), in the language `locale`. Filters: unit,
    authority_leaders."""
    queryset = query.filter(leaders(authority_only=False, photos=images_with_renditions()))
    return Rows(
        queryset,
        lambda official: leader_out(official, leader_url(official, request, query.locale), query.locale),
    )
