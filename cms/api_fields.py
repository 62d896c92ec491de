"""Typed read-only API fields for Wagtail API v3, and the typed listings built from them.

Wagtail's v3 schema generator exposes a foreign key as ``{"id", "meta"}`` only, and a
plain property as an untyped value. A consumer needs names (agency, document type,
field), attachment URLs with size and type, and a documented schema. These fields
are DRF fields because that is the hook Wagtail 8.0's generator offers
(``APIField(serializer=...)``): it types the schema from ``to_representation``'s return
annotation, so every shape below is a ``TypedDict`` and appears in the OpenAPI document.

Wagtail 8.0's v3 page listing always answers ``{id, title, meta}`` (there is no ``fields=``
parameter in v3). A page type that declares ``api_listing_fields`` (names taken from its
``api_fields``) gets a typed listing item built here from Wagtail's own read schema of that
type (``listing_item_schema``), so a listing field has exactly the shape it has in the
detail; ``api_listing_queryset`` on the model loads what those fields need in a constant
number of queries. ``docs/api.md`` describes the listings.
"""

from copy import copy
from datetime import date
from typing import Annotated, Literal

from django.db.models import Prefetch, QuerySet
from ninja import Field, Schema
from pydantic import AfterValidator, model_validator
from rest_framework import fields
from typing_extensions import TypedDict

#: The two sizes of every image in the API: a list thumbnail and a large picture for a detail.
SMALL_IMAGE = "fill-320x200"
LARGE_IMAGE = "max-1200x1200"
IMAGE_SPECS = (SMALL_IMAGE, LARGE_IMAGE)


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


class RenditionOut(TypedDict):
    url: str
    width: int
    height: int


class ImageOut(TypedDict):
    id: int
    title: str
    alt: str
    width: int
    height: int
    url: str
    small: RenditionOut
    large: RenditionOut


class GalleryImageOut(TypedDict):
    id: int | None  # None in a draft that adds the photo
    image: ImageOut | None
    caption: str


class SectionRef(TypedDict):
    id: int
    title: str
    slug: str


class ProgressReportOut(TypedDict):
    id: int | None  # None in a draft that adds the report
    date: date
    unit: NamedRef | None
    percent: int
    content: str
    attachment: AttachmentOut | None


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


def _rows(value, *related: str, prefetch: tuple = ()):
    """The rows of a relation, with ``related`` joined when they still have to be read.

    A page read from the database gives a manager (one query here, whatever the number
    of rows); a draft revision gives in-memory rows; rows prefetched by a listing are used
    as they are.
    """
    rows = value.all() if hasattr(value, "all") else value
    if isinstance(rows, QuerySet) and rows._result_cache is None:
        if related:
            rows = rows.select_related(*related)
        if prefetch:
            rows = rows.prefetch_related(*prefetch)
    return rows


class AttachmentListField(ReadOnlyField):
    """Inline attachment rows (each with ``document`` and optional ``title``)."""

    def to_representation(self, value) -> list[AttachmentOut]:
        return [attachment_out(row.document, row.title) for row in _rows(value, "document") if row.document_id]


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


def images_with_renditions() -> QuerySet:
    """Images with their two API renditions prefetched (``prefetch_renditions``): no query per image."""
    from wagtail.images import get_image_model

    return get_image_model().objects.prefetch_renditions(*IMAGE_SPECS)


def _rendition_out(rendition) -> RenditionOut:
    return {"url": rendition.full_url, "width": rendition.width, "height": rendition.height}


def image_out(image) -> ImageOut:
    """An image in its two sizes; ``url``/``width``/``height`` repeat the large one.

    Renditions come from the image's prefetched renditions when a queryset of
    ``images_with_renditions()`` loaded it, else from Wagtail's rendition cache or one query
    for both; a missing rendition is generated once.
    """
    renditions = image.get_renditions(*IMAGE_SPECS)
    small, large = renditions[SMALL_IMAGE], renditions[LARGE_IMAGE]
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text or image.title,
        **_rendition_out(large),
        "small": _rendition_out(small),
        "large": _rendition_out(large),
    }


class ImageField(ReadOnlyField):
    """An image with renditions in two sizes: ``small`` (list thumbnail) and ``large`` (URL, width, height)."""

    def to_representation(self, value) -> ImageOut:
        return image_out(value)


class GalleryField(ReadOnlyField):
    """Photos of an album (rows with ``image`` and ``caption``), in order, in three queries whatever their number."""

    def to_representation(self, value) -> list[GalleryImageOut]:
        rows = _rows(value, prefetch=(Prefetch("image", queryset=images_with_renditions()),))
        return [
            {"id": row.pk, "image": image_out(row.image) if row.image_id else None, "caption": row.caption}
            for row in rows
        ]


class TagListField(ReadOnlyField):
    """Tag names; read from the prefetched tags of a listing when there are any."""

    def to_representation(self, value) -> list[str]:
        return sorted(tag.name for tag in value.all())


class SectionRefField(ReadOnlyField):
    """The index page a page sits in (a news category): id, title, slug."""

    def to_representation(self, value) -> SectionRef:
        return {"id": value["id"], "title": value["title"], "slug": value["slug"]}


class TextField(ReadOnlyField):
    """A computed text value (a status code, a label), typed as a string in the schema."""

    def to_representation(self, value) -> str:
        return str(value)


class ProgressReportListField(ReadOnlyField):
    """Progress reports of a task, in the editor's order, with the reporting unit and the attached file."""

    def to_representation(self, value) -> list[ProgressReportOut]:
        return [
            {
                "id": row.pk,
                "date": row.date,
                "unit": _ref(row.unit) if row.unit_id else None,
                "percent": row.percent,
                "content": row.content,
                "attachment": attachment_out(row.attachment) if row.attachment_id else None,
            }
            for row in _rows(value, "unit", "attachment")
        ]


# --- typed listings ---------------------------------------------------------------------

DateOrder = Literal["-date", "date"]
#: Largest id a filter accepts: larger numbers cannot be a primary key and would overflow the database.
MAX_ID = 2**31 - 1


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("null characters are not allowed")
    return value


#: A text parameter; NUL characters are refused (PostgreSQL cannot compare them).
Text = Annotated[str, AfterValidator(_no_nul)]


class ListingQuery(Schema):
    """Parameters every typed listing has: a period on the type's date and the order by date.

    A subclass adds the type's filters in ``filter()``; a value that cannot be read is a
    validation error, answered with HTTP 400 and a message by ``cms.api``.
    """

    date_from: date | None = Field(
        None, description="On or after this date (YYYY-MM-DD): publication date of news, issue date otherwise."
    )
    date_to: date | None = Field(None, description="On or before this date (YYYY-MM-DD).")
    order: DateOrder = Field("-date", description="`-date`: newest first (default); `date`: oldest first.")

    @model_validator(mode="after")
    def period_in_order(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("'date_from' must not be after 'date_to'")
        return self

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        field = queryset.model.api_date_field
        if self.date_from is not None:
            queryset = queryset.filter(**{f"{field}__gte": self.date_from})
        if self.date_to is not None:
            queryset = queryset.filter(**{f"{field}__lte": self.date_to})
        return queryset

    def order_queryset(self, queryset: QuerySet) -> QuerySet:
        field = queryset.model.api_date_field
        return queryset.order_by(f"-{field}", "-pk") if self.order == "-date" else queryset.order_by(field, "pk")


def bad_request_doc(description: str = "Bad parameters: a problem (RFC 7807) naming them.") -> dict:
    """``openapi_extra`` documenting the HTTP 400 of a read as ``application/problem+json`` (what
    ``cms.api``'s handler sends), not as the ``application/json`` that ``response={400: …}`` would say."""
    from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail

    schema = ProblemDetail.model_json_schema()
    return {"responses": {400: {"description": description, "content": {PROBLEM_JSON: {"schema": schema}}}}}


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
