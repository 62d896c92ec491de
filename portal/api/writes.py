"""Writing pages through Wagtail's generic endpoints (``POST /api/v3/pages/``, ``PATCH
/api/v3/pages/{id}/``): every field a page type shows in its read schema is written there when an
editor writes it in the admin, and anything else in a body is refused (422), never dropped.

Wagtail 8.0 builds a page type's create and patch schemas from the ``api_fields`` marked
``APIField(name, writable=True)``, skips every field that has a ``serializer`` (our typed read
fields, ``portal.api.fields``), and ignores unknown keys. Our pages declare their fields once, for
reading; the write side is **derived** here from two things each type already declares:

* its ``api_fields``: the read schema. Each field gets a *writer* (``Writer``): a plain model field
  from its model field (text, number, date, choice, rich text, StreamField, foreign key, many to
  many, tags); a typed field from its serializer's ``writer(model, name)`` (a reference by id, the
  rows of an inline panel, or an app's own mapping, e.g. a document's ``issuing_bodies`` onto its
  lead and co-issuing bodies). A serializer without ``writer`` is computed, hence read-only.
* its edit panels: a writer is kept only if every admin form field it fills is in the page type's
  edit handler (``Writer.form_fields``). What the admin does not let an editor write stays read-only.

The write schema of a type (``create_schema``, ``patch_schema``) has Wagtail's page fields (``title``,
``slug``, ``seo_title``, ``search_description``, ``show_in_menus``), a field per writer, and every
other field of the read schema declared ``readOnly``: sending one is a 422 naming it. Unknown keys are
422 too (``extra="forbid"``), at every level. The body then becomes the admin form's data
(Wagtail's ``build_form_data``) and is bound to the page type's own admin form, restricted to the
fields the body names (plus, on create, the required ones): rich text through the editor's
converter, blocks through their own ``clean()``, rows through the inline formsets, the model's
``clean()`` — the admin's validation, answered as a 422 whose locations are the API's field paths
(``WriteLocations``).
"""

import types
import typing
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PrivateAttr,
    WithJsonSchema,
    create_model,
    model_validator,
)
from pydantic import Field as PydanticField
from pydantic_core import PydanticCustomError

#: The page's own fields Wagtail's generic endpoints write (``wagtail.api.v3.schemas.pages.BASE_PAGE_FIELDS``).
PAGE_FIELDS = ("title", "slug", "seo_title", "search_description", "show_in_menus")

#: The keys of the write ``meta`` (Wagtail's): everything else of the read ``meta`` is read-only.
WRITE_META_KEYS = ("type", "parent_id", "action")

READ_ONLY_MESSAGE = "read-only field: the API shows it but it cannot be written; leave it out of the body"


def _refuse(message: str):
    def refuse(value):
        raise PydanticCustomError("read_only", message)

    return refuse


def read_only_field(message: str = READ_ONLY_MESSAGE) -> tuple[Any, Any]:
    """A field of the write schema that is only there to be refused by name: present at all (even
    ``null``) is a 422 ``read_only`` error; documented ``readOnly`` in the schema."""
    return (
        Annotated[Any, AfterValidator(_refuse(message))],
        PydanticField(None, json_schema_extra={"readOnly": True, "description": message}),
    )


def _reference(value):
    """``{"id": 12}`` → ``12``; any other key of the object is refused (it describes the object referred to)."""
    if isinstance(value, dict):
        extra = sorted(k for k in value if k != "id")
        if extra:
            raise PydanticCustomError(
                "read_only",
                "a reference is written by its id alone; {keys}: read-only here (they describe the object "
                "it refers to)",
                {"keys": ", ".join(repr(k) for k in extra)},
            )
        if "id" not in value:
            raise PydanticCustomError("missing", "a reference needs its 'id'")
        return value["id"]
    return value


#: What a reference accepts: the id, or ``{"id": …}`` (the read shape's ``id`` alone).
RefInput = Annotated[
    int,
    PydanticField(ge=1),
    BeforeValidator(_reference),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {
                    "type": "object",
                    "properties": {"id": {"type": "integer", "minimum": 1}},
                    "required": ["id"],
                    "additionalProperties": False,
                },
            ],
            "description": 'The id of the object referred to, or {"id": …}.',
        }
    ),
]


def ref_id(value) -> int | None:
    return value


@dataclass
class WriteLocations:
    """The API path of each admin-form location a write filled: an error of the form (``("issuing_body",)``,
    ``("relations", 2, "target_page")``) is answered at the API field the client sent
    (``("issuing_bodies", 0)``, ``("related_documents", 1, "page")``)."""

    paths: dict[tuple, tuple] = field(default_factory=dict)

    def add(self, form_path: tuple, api_path: tuple) -> None:
        self.paths.setdefault(form_path, api_path)

    def api_path(self, form_path: tuple) -> tuple:
        for size in range(len(form_path), 0, -1):
            found = self.paths.get(tuple(form_path[:size]))
            if found is not None:
                return (*found, *form_path[size:])
        return tuple(form_path)


class Writer:
    """How one API field is written: its input type, the admin form fields it fills
    (``form_fields``: the field is writable only if the page type's panels have them all) and the
    form data it gives (``form_values``: Wagtail's ``build_form_data`` conventions — a value per form
    field, a list of dicts per inline formset)."""

    form_fields: tuple[str, ...] = ()
    description: str | None = None

    def field_info(self):
        """The field's default (absent: not written) and its description in the schema."""
        return PydanticField(None, description=self.description)

    def input_type(self) -> Any:
        raise NotImplementedError

    def form_values(self, value, instance, locations: WriteLocations, api_path: tuple) -> dict[str, Any]:
        raise NotImplementedError


class ValueWriter(Writer):
    """A plain value written to one form field."""

    def __init__(self, form_field: str, annotation: Any, description: str | None = None):
        self.form_fields = (form_field,)
        self.annotation = annotation
        self.description = description

    def input_type(self):
        return self.annotation | None

    def form_values(self, value, instance, locations, api_path):
        locations.add(self.form_fields, api_path)
        return {self.form_fields[0]: value}


class RichTextWriter(Writer):
    """A rich text field: HTML (Wagtail's database HTML) or Wagtail's envelope
    ``{"format": "db_html"|"db_markdown", "content": …}``, sanitised to the field's features
    (Wagtail's ``APIRichText.convert_input``) and then through the admin editor's converter, the
    normalisation every editor's text gets (``news.api``'s typed write does the same)."""

    def __init__(self, model_field):
        from wagtail.api.v3.schemas.generators.write import create_generator, rich_text_schema

        self.form_fields = (model_field.name,)
        self.annotation, _default = rich_text_schema(create_generator, model_field)

    def input_type(self):
        return self.annotation | None

    def form_values(self, value, instance, locations, api_path):
        locations.add(self.form_fields, api_path)
        return {self.form_fields[0]: value.model_dump() if isinstance(value, BaseModel) else (value or "")}


class BlockInput(BaseModel):
    """One block of a StreamField, as the read schema gives it."""

    model_config = ConfigDict(extra="forbid")
    type: str
    value: Any = None
    id: str | None = None


class StreamWriter(Writer):
    """A StreamField: the list of blocks the read schema shows (``type``, ``value``, ``id``), each
    bound to its block's form and cleaned by it. Where the stream has a rich text block
    ``paragraph``, an HTML string (or rich text envelope) is also taken, as one paragraph — what
    ``--field body:…`` sends."""

    def __init__(self, model_field):
        from wagtail.blocks import RichTextBlock

        self.form_fields = (model_field.name,)
        self.paragraph = isinstance(model_field.stream_block.child_blocks.get("paragraph"), RichTextBlock)

    def input_type(self):
        from wagtail.api.v3.schemas.generators.write import RichTextInputSchema

        if self.paragraph:
            return list[BlockInput] | str | RichTextInputSchema | None
        return list[BlockInput] | None

    def form_values(self, value, instance, locations, api_path):
        locations.add(self.form_fields, api_path)
        if value is None:
            blocks = []
        elif isinstance(value, list):
            blocks = [block.model_dump(exclude_none=True) for block in value]
            for block in blocks:
                block.setdefault("value", None)
        else:
            content = value.model_dump() if isinstance(value, BaseModel) else value
            blocks = [{"type": "paragraph", "value": content}] if content else []
        return {self.form_fields[0]: blocks}


class ReferenceWriter(Writer):
    """A foreign key (a snippet, image, document or page chooser): the id, or ``{"id": …}``."""

    def __init__(self, form_field: str):
        self.form_fields = (form_field,)

    def input_type(self):
        return RefInput | None

    def form_values(self, value, instance, locations, api_path):
        locations.add(self.form_fields, api_path)
        return {self.form_fields[0]: ref_id(value)}


class ReferenceListWriter(Writer):
    """A many-to-many (``ParentalManyToManyField``): the list of ids (or ``{"id": …}``s)."""

    def __init__(self, form_field: str):
        self.form_fields = (form_field,)

    def input_type(self):
        return list[RefInput] | None

    def form_values(self, value, instance, locations, api_path):
        locations.add(self.form_fields, api_path)
        return {self.form_fields[0]: [ref_id(item) for item in value or []]}


class TagsWriter(Writer):
    """Tags: the list of names."""

    def __init__(self, form_field: str):
        self.form_fields = (form_field,)

    def input_type(self):
        return list[Annotated[str, PydanticField(min_length=1, max_length=100)]] | None

    def form_values(self, value, instance, locations, api_path):
        locations.add(self.form_fields, api_path)
        return {self.form_fields[0]: [name.strip() for name in value or [] if name.strip()]}


class FlagsWriter(Writer):
    """A list of codes shown for several boolean form fields (``flags``: code → form field): each
    flag is set when its code is in the list."""

    def __init__(self, flags: dict[str, str]):
        self.flags = flags
        self.form_fields = tuple(flags.values())

    def input_type(self):
        return list[Literal[tuple(self.flags)]] | None

    def form_values(self, value, instance, locations, api_path):
        codes = set(value or ())
        for form_field in self.form_fields:
            locations.add((form_field,), api_path)
        return {form_field: code in codes for code, form_field in self.flags.items()}


class RowsWriter(Writer):
    """The rows of an inline panel (``InlinePanel``: a ``ParentalKey`` relation), written whole: the
    list replaces the page's rows, in its order. ``columns`` maps each key of a row (as the read
    schema shows it) to the writer of the child form's field(s); ``pk`` names the key that holds an
    existing row's id (a row sent with it is that row, edited in place); ``read_only`` names the
    keys the read schema shows in a row that are not written (refused by name); ``scalar`` makes
    each row a plain value written to that one column (steps as strings)."""

    def __init__(
        self,
        relation: str,
        columns: dict[str, Writer],
        *,
        pk: str | None = None,
        read_only: tuple[str, ...] = (),
        scalar: str | None = None,
        name: str = "",
    ):
        self.form_fields = (relation,)
        self.relation = relation
        self.columns = columns
        self.pk = pk
        self.read_only = read_only
        self.scalar = scalar
        self.name = name or relation

    def row_model(self):
        if self.scalar:
            return self.columns[self.scalar].input_type()
        fields = {key: (writer.input_type(), None) for key, writer in self.columns.items()}
        if self.pk:
            fields[self.pk] = (int | None, None)
        for key in self.read_only:
            fields[key] = read_only_field()
        title = "".join(part.title() for part in self.name.split("_"))
        return create_model(f"{title}RowInput", __config__=ConfigDict(extra="forbid"), **fields)

    def input_type(self):
        return list[self.row_model()] | None

    def form_values(self, value, instance, locations, api_path):
        rows = value or []
        existing = list(getattr(instance, self.relation).all()) if instance is not None and instance.pk else []
        existing_index = {row.pk: i for i, row in enumerate(existing)}
        items, new_positions = [], []
        for position, row in enumerate(rows):
            item = {}
            if self.scalar:
                sent = {self.scalar: row}
            else:
                sent = {key: getattr(row, key) for key in row.model_fields_set}
                if self.pk and sent.get(self.pk) is not None:
                    item["id"] = sent.pop(self.pk)
            # Wagtail's build_form_data numbers an edited row by its place among the existing rows,
            # a new row after them: the same numbering, to answer each error at the row sent.
            if item.get("id") in existing_index:
                index = existing_index[item["id"]]
            else:
                index = len(existing) + len(new_positions)
                new_positions.append(position)
            row_path = (*api_path, position)
            locations.add((self.relation, index), row_path)
            for key, writer in self.columns.items():
                if key not in sent:
                    continue
                child = WriteLocations()
                path = row_path if self.scalar else (*row_path, key)
                item.update(writer.form_values(sent[key], None, child, path))
                for form_path, path in child.paths.items():
                    locations.add((self.relation, index, *form_path), path)
            items.append(item)
        locations.add((self.relation,), api_path)
        return {self.relation: items}


@dataclass
class PageWriters:
    """The writers of one page type, by API field name, and what its read schema shows."""

    model: type
    writers: dict[str, Writer]
    read_only: tuple[str, ...]


def model_field_writer(model, name: str) -> Writer | None:
    """The writer of the plain (serializer-less) API field ``name``: from its model field; ``None``
    for a property or a field an editor never fills (``editable=False``)."""
    from ninja.orm.fields import get_schema_field
    from taggit.managers import TaggableManager
    from wagtail.api.conf import get_model_field
    from wagtail.fields import RichTextField, StreamField

    try:
        model_field = get_model_field(model, name)
    except FieldDoesNotExist:
        return None
    if isinstance(model_field, TaggableManager):
        return TagsWriter(name)
    if not getattr(model_field, "concrete", False) or not model_field.editable:
        return None
    if isinstance(model_field, RichTextField):
        return RichTextWriter(model_field)
    if isinstance(model_field, StreamField):
        return StreamWriter(model_field)
    if isinstance(model_field, models.ForeignKey):
        return ReferenceWriter(name)
    if isinstance(model_field, models.ManyToManyField):
        return ReferenceListWriter(name)
    annotation, info = get_schema_field(model_field)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if model_field.choices:
        codes = [code for code, _label in model_field.flatchoices]
        annotation = Literal[tuple(["", *codes] if model_field.blank and "" not in codes else codes)]
    elif info.metadata:
        annotation = Annotated[annotation, *info.metadata]
    description = str(model_field.help_text or model_field.verbose_name or "") or None
    return ValueWriter(name, annotation, description)


def panel_form_fields(model) -> set[str]:
    """The form fields and inline formsets of ``model``'s edit panels: what an editor writes.

    Read from the panels themselves (``edit_handler``, else the content, promote and settings
    panels), as Wagtail's ``_get_page_edit_handler`` assembles them: this runs from
    ``PortalConfig.ready()``, before ``wagtail.admin`` gives pages ``get_edit_handler`` (and caches it)."""
    from wagtail.admin.panels import ObjectList

    if hasattr(model, "edit_handler"):
        handler = model.edit_handler.bind_to_model(model)
    else:
        panels = [*model.content_panels, *model.promote_panels, *model.settings_panels]
        handler = ObjectList(panels).bind_to_model(model)
    options = handler.get_form_options()
    return set(options.get("fields") or ()) | set(options.get("formsets") or ())


def page_writers(model) -> PageWriters:
    """Derive ``model``'s writers from its ``api_fields`` and its panels (module docstring)."""
    from wagtail.api import APIField

    editable = panel_form_fields(model)
    writers, read_only = {}, []
    for api_field in APIField.get_fields_for_model(model):
        name = api_field.name
        serializer = api_field.serializer
        if serializer is None:
            writer = model_field_writer(model, name)
        else:
            make = getattr(serializer, "writer", None)
            writer = make(model, name) if make is not None else None
        if writer is not None and set(writer.form_fields) <= editable:
            writers[name] = writer
        else:
            read_only.append(name)
    return PageWriters(model, writers, tuple(read_only))


# --- the schemas ---------------------------------------------------------------------------------


def _remember_request(self, info):
    """Keep the request (Ninja validates the body with it in the context) for the form's error paths."""
    self._request = (info.context or {}).get("request")
    return self


def _write_meta_schema(wagtail_meta, read_meta_fields: set[str]):
    """Wagtail's write ``meta`` of the type, forbidding unknown keys and naming the read ``meta``'s keys read-only."""
    optional = typing.get_origin(wagtail_meta) in (typing.Union, types.UnionType)
    meta = next(a for a in typing.get_args(wagtail_meta) if isinstance(a, type)) if optional else wagtail_meta
    namespace: dict[str, Any] = {"__annotations__": {}, "model_config": ConfigDict(extra="forbid")}
    for key in sorted(read_meta_fields - set(meta.model_fields)):
        if key in PAGE_FIELDS:
            message = f"read-only in meta: write '{key}' at the top level of the body"
        else:
            message = "read-only field: the server sets it; leave it out of the body"
        annotation, default = read_only_field(message)
        namespace["__annotations__"][key] = annotation
        namespace[key] = default
    schema = type(meta)(meta.__name__, (meta,), namespace)
    return (schema | None) if optional else schema


def write_schema(wagtail_schema, page: PageWriters, read_schema, *, create: bool):
    """``wagtail_schema`` (Wagtail's create or patch schema of the type) with a field per writer,
    the rest of the read schema read-only, and unknown keys refused."""
    meta_field = wagtail_schema.model_fields["meta"]
    read_meta = read_schema.model_fields["meta"].annotation
    meta_schema = _write_meta_schema(meta_field.annotation, set(read_meta.model_fields))
    namespace: dict[str, Any] = {
        "__annotations__": {"meta": meta_schema},
        "model_config": ConfigDict(extra="forbid"),
        "_request": PrivateAttr(None),
        "_remember_request": model_validator(mode="after")(_remember_request),
    }
    if not meta_field.is_required():
        namespace["meta"] = meta_field.default
    for name, writer in page.writers.items():
        namespace["__annotations__"][name] = writer.input_type()
        namespace[name] = writer.field_info()
    for name in ("id", *page.read_only):
        if name in read_schema.model_fields:
            annotation, default = read_only_field()
            namespace["__annotations__"][name] = annotation
            namespace[name] = default
    return type(wagtail_schema)(wagtail_schema.__name__, (wagtail_schema,), namespace)


#: The writers of every page type whose schemas ``install`` replaced, by model.
WRITERS: dict[type, PageWriters] = {}


def install() -> None:
    """Replace the create and patch schemas of every page type in Wagtail's v3 registry with ours
    (``write_schema``). Must run before ``wagtail.api.v3.routers.pages`` is imported: that module
    builds its request bodies from the registry when it is imported (``PortalConfig.ready()``)."""
    import sys

    from django.core.exceptions import ImproperlyConfigured
    from wagtail.api.v3.registry import registry
    from wagtail.models import get_page_models

    if "wagtail.api.v3.routers.pages" in sys.modules:
        raise ImproperlyConfigured(
            "wagtail.api.v3.routers.pages was imported before the portal's write schemas were installed: "
            "its request bodies would be Wagtail's (which drop our fields). Keep 'portal' before "
            "'wagtail.locales' and 'wagtail.api.v3' in INSTALLED_APPS."
        )
    for model in get_page_models():
        registration = registry.get(model._meta.label)
        if registration is None or registration.create_schema is None:
            continue
        page = page_writers(model)
        WRITERS[model] = page
        read = registration.read_schema
        registration.create_schema = write_schema(registration.create_schema, page, read, create=True)
        registration.patch_schema = write_schema(registration.patch_schema, page, read, create=False)


# --- from the body to the admin form -------------------------------------------------------------


def _form_class(model, names: set[str]):
    """The page type's admin form (its edit handler's, as Wagtail's ``get_api_form_class``), with
    only the form fields and formsets in ``names``."""
    from wagtail.admin.forms.models import WagtailAdminModelForm
    from wagtail.admin.panels import get_form_for_model

    edit_handler = model.get_edit_handler()
    options = edit_handler.get_form_options()
    options["fields"] = [name for name in options.get("fields") or () if name in names]
    options["formsets"] = {name: o for name, o in (options.get("formsets") or {}).items() if name in names}
    base = (
        getattr(model, "api_base_form_class", None)
        or edit_handler.base_form_class
        or getattr(model, "base_form_class", None)
        or WagtailAdminModelForm
    )
    return get_form_for_model(model, form_class=base, **options)


def form_payload(page: PageWriters, data, instance) -> tuple[dict[str, Any], WriteLocations]:
    """The admin form's payload of a validated body (only the fields it sets) and where each form
    location is in the API."""
    locations = WriteLocations()
    payload: dict[str, Any] = {}
    for name in data.model_fields_set:
        if name == "meta":
            continue
        value = getattr(data, name)
        if name in PAGE_FIELDS:
            payload[name] = value
            locations.add((name,), (name,))
        else:
            payload.update(page.writers[name].form_values(value, instance, locations, (name,)))
    return payload, locations


def _empty_rich_text_as_the_editor_sends_it(page: PageWriters, payload: dict, form_data) -> None:
    """An empty rich text field stored empty, as the admin stores it: Wagtail 8.0.1's
    ``build_form_data`` turns ``""`` into an empty editor document, which its converter saves as
    ``<p data-block-key="…"></p>``; the admin's editor sends ``null`` for an empty field, saved as
    ``""`` (docs/wagtail-bugs.md)."""
    for writer in page.writers.values():
        if not isinstance(writer, RichTextWriter):
            continue
        name = writer.form_fields[0]
        value = payload.get(name)
        content = value.get("content", "") if isinstance(value, dict) else value
        if name in payload and not (content or "").strip():
            form_data[name] = "null"


def _refuse_unbound(form, payload: dict, locations: WriteLocations) -> None:
    """A field the body writes that this account's form lacks (a panel with a permission): 422, never dropped."""
    from wagtail.utils.forms import FormValidationError

    formsets = getattr(form, "formsets", {})
    missing = [name for name in payload if name not in form.fields and name not in formsets]
    if missing:
        message = "read-only for this account: its editor does not show this field"
        raise FormValidationError({(name,): [(message, "read_only")] for name in missing})


def _with_locations(data, locations: WriteLocations) -> None:
    request = getattr(data, "_request", None)
    if request is not None:
        request.api_write_locations = locations


def build_page_form(model, parent, data, user):
    """Wagtail's ``build_page_form`` for our schemas: a new page of ``model`` under ``parent``."""
    from wagtail.api.v3.form_data import build_form_data, get_warnings

    page_info = WRITERS[model]
    page = model(owner=user, locale=parent.locale)
    payload, locations = form_payload(page_info, data, None)
    _with_locations(data, locations)

    # Wagtail's own trick: the slug from the title (``minimal_clean``), then made unique under the
    # parent (Wagtail 8.0.1 leaves it as is: a second page of the same title was a 422 on ``slug``).
    page._cached_parent_obj = parent
    if not payload.get("slug") and payload.get("title"):
        from wagtail.coreutils import find_available_slug

        page.title = payload["title"]
        page.minimal_clean()
        payload["slug"] = find_available_slug(parent, page.slug) if page.slug else page.slug
        page._cached_parent_obj = None

    # The fields the body sets, and the admin form's required fields without a model default (so
    # that a page is never published without them); a field left out keeps the model's default.
    full = _form_class(model, set(PAGE_FIELDS) | {f for w in page_info.writers.values() for f in w.form_fields})
    required = set()
    for name, form_field in full.base_fields.items():
        try:
            has_default = model._meta.get_field(name).has_default()
        except FieldDoesNotExist:
            has_default = False
        if form_field.required and not has_default:
            required.add(name)
    form_class = _form_class(model, set(payload) | required)
    form_data = build_form_data(form_class, payload)
    _empty_rich_text_as_the_editor_sends_it(page_info, payload, form_data)
    page._meta_warnings = get_warnings(form_data)
    form = form_class(data=form_data, instance=page, parent_page=parent, for_user=user)
    _refuse_unbound(form, payload, locations)
    return form


def build_page_update_form(page, data, user):
    """Wagtail's ``build_page_update_form`` for our schemas: only the fields the body names change."""
    from wagtail.api.v3.form_data import build_form_data, get_warnings

    model = type(page)
    payload, locations = form_payload(WRITERS[model], data, page)
    _with_locations(data, locations)
    form_class = _form_class(model, set(payload))
    form_data = build_form_data(form_class, payload, instance=page)
    _empty_rich_text_as_the_editor_sends_it(WRITERS[model], payload, form_data)
    page._meta_warnings = get_warnings(form_data)
    form = form_class(data=form_data, instance=page, parent_page=page.get_parent(), for_user=user)
    _refuse_unbound(form, payload, locations)
    return form


# --- errors ---------------------------------------------------------------------------------------


def unknown_message(page_type: str | None) -> str:
    schema = f"GET /api/v3/schema/{page_type}/" if page_type else "GET /api/v3/schema/<type>/"
    return f"unknown field: not in the write schema of {page_type or 'this page type'} ({schema})"


def body_path(loc) -> tuple[tuple, str | None]:
    """The path in the request body of a validation error's ``loc`` — without Ninja's ``body`` and
    ``data``, nor the page type the body's union was resolved to — and that page type."""
    from wagtail.api.v3.registry import registry

    path = list(loc or ())
    while path and path[0] in ("body", "data"):
        path.pop(0)
    page_type = None
    if path and isinstance(path[0], str) and registry.has(path[0]):
        page_type = path.pop(0)
    return tuple(path), page_type


def dotted(path: tuple) -> str:
    return ".".join(str(part) for part in path) or "body"


def write_problem(request, exc):
    """The 422 problem of a write (``application/problem+json``): one error per field, each with
    ``loc`` (the path in the body, e.g. ``["related_documents", 1, "page"]``), ``field`` (the same
    path dotted), ``type`` and ``msg``; ``detail`` lists them as ``field: msg``."""
    from django.core.exceptions import ValidationError as DjangoValidationError
    from ninja.errors import ValidationError as NinjaValidationError
    from wagtail.api.v3.errors import problem_response
    from wagtail.utils.forms import FormValidationError

    errors = []
    if isinstance(exc, FormValidationError):
        locations = getattr(request, "api_write_locations", None) or WriteLocations()
        for form_path, coded in exc.loc_errors:
            path = tuple(part for part in locations.api_path(tuple(form_path)) if part != "__all__")
            errors += [{"loc": list(path), "type": code, "msg": message} for message, code in coded]
    elif isinstance(exc, DjangoValidationError):
        errors = [{"loc": [], "type": "invalid", "msg": message} for message in exc.messages]
    else:
        raw = exc.errors if isinstance(exc, NinjaValidationError) else exc.errors()
        if any(tuple(error.get("loc", ()))[:1] == ("response",) for error in raw):
            raise exc  # our answer does not match its schema: a server error (500), not the client's
        for error in raw:
            kind = error.get("type", "invalid")
            path, page_type = body_path(error.get("loc"))
            message = unknown_message(page_type) if kind == "extra_forbidden" else error.get("msg", "invalid")
            errors.append({"loc": list(path), "type": kind, "msg": message})
    for error in errors:
        error["field"] = dotted(tuple(error["loc"]))
    detail = "; ".join(f"{e['field']}: {e['msg']}" for e in errors) or "invalid request"
    return problem_response(status=422, detail=detail, errors=errors)


__all__ = [
    "PAGE_FIELDS",
    "WRITERS",
    "ref_id",
    "BlockInput",
    "FlagsWriter",
    "PageWriters",
    "ReferenceListWriter",
    "ReferenceWriter",
    "RefInput",
    "RichTextWriter",
    "RowsWriter",
    "StreamWriter",
    "TagsWriter",
    "ValueWriter",
    "WriteLocations",
    "Writer",
    "build_page_form",
    "build_page_update_form",
    "install",
    "page_writers",
    "read_only_field",
    "write_problem",
]
