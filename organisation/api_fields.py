"""The API shapes of the organisation: units (agencies with a kind) and leaders (officials), the
authority's contact and the map links. One shape for the typed listings
(``/api/v3/organisation/units/``, ``/leaders/``) and the pages' ``api_fields``. Public contact
data only: the official phone, e-mail and address of offices and leaders (Decree 42/2022)."""

from typing_extensions import TypedDict

from portal.api.fields import ImageOut, ReadOnlyField, image_out

from .structure import kind_label, text_in


class OrgUnitRef(TypedDict):
    id: int
    name: str


class UnitOut(TypedDict):
    id: int
    name: str
    short_code: str
    kind: str
    kind_label: str
    parent: OrgUnitRef | None
    display_order: int
    address: str
    phone: str
    email: str
    website: str
    functions: str


class LeaderOut(TypedDict):
    id: int
    name: str
    position: str
    unit: OrgUnitRef | None
    is_authority_leader: bool
    display_order: int
    phone: str
    email: str
    photo: ImageOut | None
    biography: str
    url: str | None


class AuthorityOut(TypedDict):
    name: str
    address: str
    phone: str
    email: str


class MapLinkOut(TypedDict):
    label: str
    url: str


def unit_ref(agency, language: str | None = None) -> OrgUnitRef | None:
    return {"id": agency.pk, "name": text_in(agency, "name", language)} if agency is not None else None


def unit_out(unit, language: str | None = None) -> UnitOut:
    """A unit, its words in ``language`` (its name and functions when it has them in that language,
    else the Vietnamese; the kind's label); its parent read from ``unit.parent`` (select it with the
    unit)."""
    return {
        "id": unit.pk,
        "name": text_in(unit, "name", language),
        "short_code": unit.short_code,
        "kind": unit.kind,
        "kind_label": kind_label(unit.kind, language),
        "parent": unit_ref(unit.parent, language) if unit.parent_id else None,
        "display_order": unit.display_order,
        "address": unit.address,
        "phone": unit.phone,
        "email": unit.email,
        "website": unit.website,
        "functions": text_in(unit, "functions", language),
    }


def leader_out(official, url: str | None, language: str | None = None) -> LeaderOut:
    """A leader, their position, unit and biography in ``language`` (else in Vietnamese); unit and
    photo read from the official (select or prefetch them with it)."""
    return {
        "id": official.pk,
        "name": official.name,
        "position": text_in(official, "position", language),
        "unit": unit_ref(official.agency, language) if official.agency_id else None,
        "is_authority_leader": official.is_authority_leader,
        "display_order": official.display_order,
        "phone": official.phone,
        "email": official.email,
        "photo": image_out(official.photo) if official.photo_id else None,
        "biography": text_in(official, "biography", language),
        "url": url,
    }


class UnitListField(ReadOnlyField):
    """The units of the organisation (``organisation.structure.UnitNode``s, in the page's language),
    in display order."""

    def to_representation(self, value) -> list[UnitOut]:
        return [unit_out(node.unit, node.language) for node in value]


class LeaderListField(ReadOnlyField):
    """Leaders (``organisation.structure.LeaderEntry``s: the official, the page's language, the URL
    of their page), in display order."""

    def to_representation(self, value) -> list[LeaderOut]:
        return [leader_out(entry.official, entry.url, entry.language) for entry in value]


class AuthorityField(ReadOnlyField):
    """The authority's name and public contact points (its profile)."""

    def to_representation(self, value) -> AuthorityOut:
        return {"name": value.name, "address": value.address, "phone": value.phone, "email": value.email}


class MapLinkListField(ReadOnlyField):
    """Links opening the place on a map (OpenStreetMap, Google Maps)."""

    def to_representation(self, value) -> list[MapLinkOut]:
        return [{"label": link.label, "url": link.url} for link in value]
