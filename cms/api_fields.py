"""Typed read-only API fields for Wagtail API v3.

Wagtail's v3 schema generator exposes a foreign key as ``{"id", "meta"}`` only, and a
plain property as an untyped value. A consumer needs names (agency, document type,
field), attachment URLs with size and type, and a documented schema. These fields
are DRF fields because that is the hook Wagtail 8.0's generator offers
(``APIField(serializer=...)``): it types the schema from ``to_representation``'s return
annotation, so every shape below is a ``TypedDict`` and appears in the OpenAPI document.
"""

from datetime import date

from rest_framework import fields
from typing_extensions import TypedDict


class NamedRef(TypedDict):
    id: int
    name: str
    short_code: str | None


class DocumentTypeRef(TypedDict):
    id: int
    name: str
    abbreviation: str
    is_normative: bool


class AttachmentOut(TypedDict):
    id: int
    title: str
    url: str
    filename: str
    size: int | None
    content_type: str


class PageRef(TypedDict):
    id: int
    title: str
    url: str | None
    date: date | None
    summary: str


class RelationOut(TypedDict):
    type: str
    label: str
    number: str
    page: PageRef | None


class ImageOut(TypedDict):
    id: int
    title: str
    alt: str
    width: int
    height: int
    url: str


def _ref(obj) -> NamedRef:
    return {"id": obj.pk, "name": obj.name, "short_code": getattr(obj, "short_code", None) or None}


class ReadOnlyField(fields.Field):
    """Base of the fields below: read-only, typed by ``to_representation``'s annotation."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class NamedRefField(ReadOnlyField):
    """A foreign key to a snippet with a ``name``: id, name, short code."""

    def to_representation(self, value) -> NamedRef:
        return _ref(value)


class NamedRefListField(NamedRefField):
    """A list (or many-to-many manager) of named snippets."""

    def to_representation(self, value) -> list[NamedRef]:
        items = value.all() if hasattr(value, "all") else value
        return [_ref(item) for item in items]


class DocumentTypeField(ReadOnlyField):
    def to_representation(self, value) -> DocumentTypeRef:
        return {
            "id": value.pk,
            "name": value.name,
            "abbreviation": value.abbreviation,
            "is_normative": value.is_normative,
        }


def attachment_out(document, title: str = "") -> AttachmentOut:
    return {
        "id": document.pk,
        "title": title or document.title,
        "url": document.url,
        "filename": document.filename,
        "size": document.get_file_size(),
        "content_type": document.content_type,
    }


class AttachmentListField(ReadOnlyField):
    """Inline attachment rows (each with ``document`` and optional ``title``)."""

    def to_representation(self, value) -> list[AttachmentOut]:
        rows = value.all() if hasattr(value, "all") else value
        return [attachment_out(row.document, row.title) for row in rows if row.document]


class PageRefListField(ReadOnlyField):
    """A list of pages shown as links (id, title, url, date, summary)."""

    def to_representation(self, value) -> list[PageRef]:
        return [page.as_ref() for page in value]


class PageRefField(ReadOnlyField):
    """One page shown as a link (id, title, url, date, summary); nothing if draft or private."""

    def to_representation(self, value) -> PageRef | None:
        if not value.live or value.get_view_restrictions().exists():
            return None
        return value.as_ref()


class OfficialOut(TypedDict):
    id: int
    name: str
    position: str
    agency: str | None
    phone: str
    email: str


class OfficialField(ReadOnlyField):
    """A leader with public contact details."""

    def to_representation(self, value) -> OfficialOut:
        return {
            "id": value.pk,
            "name": value.name,
            "position": value.position,
            "agency": value.agency.name if value.agency_id else None,
            "phone": value.phone,
            "email": value.email,
        }


class RelationListField(ReadOnlyField):
    """Typed relations between legal documents, outgoing or incoming."""

    def to_representation(self, value) -> list[RelationOut]:
        return list(value)


class ImageField(ReadOnlyField):
    """An image with the URL of a rendition sized for the web."""

    def __init__(self, spec: str = "max-1200x1200", **kwargs):
        self.spec = spec
        super().__init__(**kwargs)

    def to_representation(self, value) -> ImageOut:
        rendition = value.get_rendition(self.spec)
        return {
            "id": value.pk,
            "title": value.title,
            "alt": value.default_alt_text or value.title,
            "width": rendition.width,
            "height": rendition.height,
            "url": rendition.full_url,
        }
