"""Typed read-only API fields for Wagtail API v3: the shapes any content type can use.

Wagtail's v3 schema generator exposes a foreign key as ``{"id", "meta"}`` only, and a
plain property as an untyped value. A consumer needs names, attachment URLs with size and
type, images with renditions, and a documented schema. These fields are DRF fields because
that is the hook Wagtail 8.0's generator offers (``APIField(serializer=...)``): it types the
schema from ``to_representation``'s return annotation, so every shape is a ``TypedDict`` and
appears in the OpenAPI document. An app's own shapes live in that app (``directives.api_fields``).

A field an editor writes also says how it is written: ``writer(model, name)`` returns its writer
(``portal.api.writes``) — a reference by id, a list of them, the rows of an inline panel — and the
generic page endpoints derive the page type's write schema from it (``portal.api.writes``). A field
without ``writer`` (a computed value, a label) is read-only.
"""

from datetime import date

from django.db.models import Prefetch, QuerySet
from rest_framework import fields
from typing_extensions import TypedDict

from ..absolute_urls import absolute_url

#: The two sizes of every image in the API: a list thumbnail and a large picture for a detail.
SMALL_IMAGE = "fill-320x200"
LARGE_IMAGE = "max-1200x1200"
IMAGE_SPECS = (SMALL_IMAGE, LARGE_IMAGE)


class NamedRef(TypedDict):
    id: int
    name: str
    short_code: str | None


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


def named_ref(obj) -> NamedRef:
    return {"id": obj.pk, "name": obj.name, "short_code": getattr(obj, "short_code", None) or None}


class ReadOnlyField(fields.Field):
    """Base of the fields below: read-only, typed by ``to_representation``'s annotation."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class ReferenceField(ReadOnlyField):
    """Base of a field showing one related object (a foreign key): written by the object's id."""

    def writer(self, model, name):
        from .writes import ReferenceWriter

        return ReferenceWriter(name)


class NamedRefField(ReferenceField):
    """A foreign key to a snippet with a ``name``: id, name, short code."""

    def to_representation(self, value) -> NamedRef:
        return named_ref(value)


class NamedRefListField(NamedRefField):
    """A list (or many-to-many manager) of named snippets; written as the list of their ids."""

    def to_representation(self, value) -> list[NamedRef]:
        items = value.all() if hasattr(value, "all") else value
        return [named_ref(item) for item in items]

    def writer(self, model, name):
        from .writes import ReferenceListWriter

        return ReferenceListWriter(name)


def attachment_out(document, title: str = "") -> AttachmentOut:
    return {
        "id": document.pk,
        "title": title or document.title,
        "url": document.url,
        "filename": document.filename,
        "size": document.get_file_size(),
        "content_type": document.content_type,
    }


def related_rows(value, *related: str, prefetch: tuple = ()):
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


#: The keys of an attachment the API shows but does not write (they describe the document).
ATTACHMENT_READ_ONLY = ("url", "filename", "size", "content_type")


def attachment_rows_writer(relation: str, title_field: str = "title"):
    """The writer of inline attachment rows shown as ``AttachmentOut``: each row written as
    ``{"id": <document id>, "title": …}`` (``title`` to the row's ``title_field``)."""
    from .writes import ReferenceWriter, RowsWriter, ValueWriter

    return RowsWriter(
        relation,
        {"id": ReferenceWriter("document"), "title": ValueWriter(title_field, str)},
        read_only=ATTACHMENT_READ_ONLY,
        name=relation,
    )


class AttachmentListField(ReadOnlyField):
    """Inline attachment rows (each with ``document`` and optional ``title``); written as
    ``[{"id": <document id>, "title": …}]``."""

    def to_representation(self, value) -> list[AttachmentOut]:
        return [attachment_out(row.document, row.title) for row in related_rows(value, "document") if row.document_id]

    def writer(self, model, name):
        return attachment_rows_writer(name)


class PageRefListField(ReadOnlyField):
    """A list of pages shown as links (id, title, url, date, summary)."""

    def to_representation(self, value) -> list[PageRef]:
        return [page.as_ref() for page in value]


class PageRefField(ReferenceField):
    """One page shown as a link (id, title, url, date, summary); nothing if draft or private.
    Written by the page's id."""

    def to_representation(self, value) -> PageRef | None:
        if not value.live or value.get_view_restrictions().exists():
            return None
        return value.as_ref()


def images_with_renditions() -> QuerySet:
    """Images with their two API renditions prefetched (``prefetch_renditions``): no query per image."""
    from wagtail.images import get_image_model

    return get_image_model().objects.prefetch_renditions(*IMAGE_SPECS)


def _rendition_out(rendition) -> RenditionOut:
    """A rendition's absolute URL: ``PUBLIC_BASE_URL``, else the host of the API request being
    served (Wagtail's ``full_url`` writes ``WAGTAILADMIN_BASE_URL``, the admin's address)."""
    return {"url": absolute_url(rendition.url), "width": rendition.width, "height": rendition.height}


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


class ImageField(ReferenceField):
    """An image with renditions in two sizes: ``small`` (list thumbnail) and ``large`` (URL, width,
    height). Written by the image's id."""

    def to_representation(self, value) -> ImageOut:
        return image_out(value)


class GalleryField(ReadOnlyField):
    """Photos of an album (rows with ``image`` and ``caption``), in order, in three queries whatever
    their number. Written as ``[{"id": <row id, to keep a photo>, "image": <image id>, "caption": …}]``."""

    def writer(self, model, name):
        from .writes import ReferenceWriter, RowsWriter, ValueWriter

        return RowsWriter(
            name, {"image": ReferenceWriter("image"), "caption": ValueWriter("caption", str)}, pk="id", name=name
        )

    def to_representation(self, value) -> list[GalleryImageOut]:
        rows = related_rows(value, prefetch=(Prefetch("image", queryset=images_with_renditions()),))
        return [
            {"id": row.pk, "image": image_out(row.image) if row.image_id else None, "caption": row.caption}
            for row in rows
        ]


class TagListField(ReadOnlyField):
    """Tag names; read from the prefetched tags of a listing when there are any. Written as names."""

    def writer(self, model, name):
        from .writes import TagsWriter

        return TagsWriter(name)

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
