"""The in-place patches of Wagtail 8.0's API, applied in one place (``apply``, called once by the
API's assembly, ``cms.api``), each with its upstream reason.

1. **400, not 422, for bad query parameters of a read.** Wagtail answers every validation error
   with 422 (right for a request body); a GET whose parameters cannot be read is a client error
   answered with 400 and a message naming the parameter (RFC 7807 problem+json).
2. **Bounded offsets.** Wagtail 8.0.1's ``WagtailLimitOffsetPagination`` bounds ``limit`` only; an
   offset beyond 64 bits reached the database as a literal it cannot read (HTTP 500 on SQLite and
   PostgreSQL, found by the fuzz test). Every v3 listing — Wagtail's and ours — paginates with it.
3. **Errors in the OpenAPI document.** Wagtail's own operations document their success response
   only; the document gets each operation's errors (``portal.api.errors.problem_responses``) and
   the ``maximum`` of every ``offset`` and ``limit`` (a ``limit`` above ``WAGTAILAPI_LIMIT_MAX`` is
   a 400 the schema did not announce: found by the admin fuzz run, issue 22).
4. **Every field of a page type written through the generic page endpoints** (``POST
   /api/v3/pages/``, ``PATCH /api/v3/pages/{id}/``). Wagtail 8.0.1 writes only ``api_fields`` marked
   ``writable=True`` and without a ``serializer`` (``InputSchemaGenerator._build_extra_fields``
   skips them), and ignores unknown keys: a client's ``lead`` was silently dropped (issue 21). The
   registry's create and patch schemas are replaced by ``portal.api.writes``' (``install_write_schemas``,
   from ``PortalConfig.ready()``, before Wagtail's page router is imported), and the router's
   ``build_page_form`` / ``build_page_update_form`` by theirs, which turn the body into the admin
   form's data; a write's 422 names the fields by their path in the body (``write_problem``).
5. **Failed token attempts limited per address.** Wagtail's ``BearerTokenAuth`` looks every
   presented token up, however many wrong ones an address sends, and on the public reads a wrong
   token silently falls back to an anonymous reader. A token matching no active token is counted
   per client address (``portal.security.count_failed_token``, ``API_TOKEN_FAILURE_RATE``); past the
   rate the request is answered 429 with a problem naming the reason. Valid tokens are not counted.
   The OpenAPI document states the 429 of every operation that reads a token (``token_limit_responses``).
6. **A site named with a port that is not a number.** ``/api/v3/pages/find/?site=host:abc`` reached
   the ORM with ``port="abc"`` (``SiteFilterValidator.query``): a 500. The port is checked first: 400
   naming ``site`` (issue 22; docs/wagtail-bugs.md).
7. **A revision filter by a user that is not an id.** ``/api/v3/pages/{id}/revisions/?user_id=abc``
   reached the ORM with ``"abc"`` for an integer key (``RevisionFilterSchema.user_id`` is
   ``int | str`` for custom user models): a 500. Checked against the user model's key first: 400
   naming ``user_id``; so is an integer beyond ``MAX_ID`` (``-2707233048259763109888`` overflowed
   SQLite's integer: a 500 found by the admin fuzz run).
8. **A deletion refused by a protecting record.** ``DELETE /api/v3/pages/{id}/`` of a page a
   record points at with ``on_delete=PROTECT`` (a royalty, nhuận bút) raised ``ProtectedError``
   through Wagtail's handler: a 500, after ``DeletePageAction`` had already written "deleted" log
   entries (outside any transaction) for a page that stays. The action runs in a transaction, and
   ``ProtectedError``/``RestrictedError`` are a 409 problem naming what protects the object
   (``portal.deletion``); a body too large read by an operation (``RequestDataTooBig``) is a 413
   problem, in DEBUG too (``portal.http_errors``). The admin's delete views refuse it first
   (``portal.wagtail_hooks``).
9. **A token holder reads what the public reads.** Wagtail's page reads
   (``wagtail.api.v3.querysets.get_pages_queryset``) give an authenticated request only the pages
   its user may change or publish: a reporter's token (may add only) listed 0 pages on
   ``/api/v3/pages/``, and ``pages/find/?html_path=`` resolved nothing, though the pages are public.
   An authenticated request reads those pages *and* every page the public reads (live, not
   restricted from this user, on the requested site); ``?version=draft`` of a page the user may
   neither edit nor publish is its live version, as for the public (a draft is not public)
   (issue 22; docs/wagtail-bugs.md).
10. **API tokens that do not depend on SECRET_KEY.** Wagtail stores an API token as an HMAC keyed
    with ``SECRET_KEY`` (``APIToken.hash_token``): a token made by ``manage.py api_tokens create``
    under another settings module (another ``SECRET_KEY``, e.g. the development default) was
    unknown to the production server — 401, with no hint why. A new token is stored as a SHA-256
    digest of the token (``token_digest``; a token is 160 random bits, a keyed digest adds nothing a
    leaked table could be attacked with); the digests under ``SECRET_KEY`` and
    ``SECRET_KEY_FALLBACKS`` are still looked up, so tokens made before stay valid, and such a token
    is rewritten to the new digest when it is next used (``install_token_digest``, from
    ``PortalConfig.ready()``, so the command makes new tokens too; docs/api.md).
11. **A page write whose path id is not a page id.** ``PATCH /api/v3/pages/abc/`` looked the page's
    type up (``PageTypeInjectingBodyModel.get_meta_type``) with ``pk="abc"`` before the path was
    validated: ``ValueError``, a 500 (found by the admin fuzz run). An id that is not a number
    within ``MAX_ID`` is a 404 problem, as a number naming no page is. A body that is not a JSON
    object (``false``, ``[]``) reached the type discriminator (``discriminate_meta_type``:
    ``type(value)._meta`` of a ``bool``), a 500 too: it is a 422 naming the body.
12. **A write that breaks a unique constraint.** ``POST /api/v3/pages/{id}/actions/copy/`` of the
    legal documents' section with ``recursive: true`` copies its documents without their
    ``clean()`` (``CopyPageAction`` validates the page it is given only): the copies repeat each
    document's number, issuer and year, and the database's constraint ``legal_document_identity``
    raised ``IntegrityError`` through Wagtail's handler, a 500 (found by the stateful admin fuzz
    run), after the copy of the pages above them had been saved (``CopyPageAction.execute`` runs in
    no transaction): half a copy stayed. The copy runs in a transaction, and an ``IntegrityError``
    of a write is a 409 problem naming the constraint.
13. **A move beside the root page.** ``POST /api/v3/pages/{id}/actions/move/`` with the root page as
    ``destination_id`` and a sibling ``position`` (or none, which means one) asked the root for its
    parent (``MovePageAction.execute``): ``None``, then ``AttributeError`` — a 500 (found by the
    admin fuzz run). It is a 422 naming ``destination_id``.
14. **A JSON body that is not an object, written to an image or a document.** ``PATCH
    /api/v3/images/{id}/`` (and ``documents``) with the body ``false``, ``[]`` or ``"x"`` answered 200:
    Wagtail's write schemas are django-ninja ``Schema`` classes, which read their input as an
    object's attributes (``DjangoGetter``), so a boolean has none of the fields (an empty patch) and
    a string's ``title`` is its bound method, called: ``"x"`` renamed the image "X" (found by the admin
    fuzz run, issue 22). Every JSON body whose documented schema is an object must be a JSON object:
    else a 422 naming the body, before validation (``_object_bodies``, on django-ninja's
    ``BodyModel``, which the page writes' body model extends too).
15. **A JSON integer that is not an integer.** ``PATCH /api/v3/images/{id}/`` with
    ``{"focal_point_x": true}`` (or ``"1"``) answered 200 and stored 1: pydantic's lax mode reads a
    boolean or a numeric string as an integer, which the documented ``"type": "integer"`` refuses
    (found by the admin fuzz run, issue 22). An integer field at the top of a JSON body takes a JSON
    number only: else a 422 naming it (``_json_integers``, with patch 14); the multipart bodies keep
    reading form text.
16. **Query parameters read as documented.** A date or date-time query parameter
    (``created_at_from`` of ``/api/v3/pages/{id}/revisions/``, our listings' ``date_from``) was read
    by pydantic's lax mode, which takes ``-710`` or ``0.0`` as a Unix time: 200 for a value the
    documented ``format: date``/``date-time`` refuses. A single-valued parameter given several times
    (``?category=a&category=b``) was read as its last value, silently. Both are a 400 naming the
    parameter (found by the admin fuzz run, issue 22): a date is ``YYYY-MM-DD``, a date-time RFC 3339
    (``2024-09-05T08:00:00Z``, ``…+07:00``); only a parameter documented as an array may repeat
    (``_query_as_documented``, on django-ninja's ``QueryModel``). Unknown parameters stay ignored.
    A date-time's offset must be within ±14:00 and the moment within years 1–9999 in UTC
    (``-19:36`` was a 500 on PostgreSQL, "time zone displacement out of range": the admin fuzz run
    on PostgreSQL).
17. **A NUL character in a parameter or a JSON body.** PostgreSQL's text cannot hold U+0000:
    ``/api/v3/pages/{id}/revisions/?object_str=a%00b`` raised ``ValueError`` in psycopg2 ("A string
    literal cannot contain NUL"), a 500 on PostgreSQL only (found by the stateful admin fuzz run on
    PostgreSQL, issue 22). A documented query parameter holding one is a 400 naming it (with patch
    16), a JSON body holding one in any key or value a 422 naming its path (with patch 14), on
    every database. Django's form fields refuse it already (``ProhibitNullCharactersValidator``).
"""

import datetime
import functools
import hashlib
import re
import types
import typing
from typing import Annotated

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.http import Http404
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.params.models import BodyModel, QueryModel
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas.params import RevisionFilterSchema
from wagtail.api.validators import SiteFilterValidator

from .api.errors import problem_responses
from .api.listings import MAX_ID
from .api.writes import write_problem
from .deletion import summary
from .http_errors import data_too_big
from .security import TooManyTokenAttempts, count_failed_token, too_many_token_attempts

#: Largest ``offset`` of a listing (patch 2).
MAX_OFFSET = MAX_ID

_applied = False


def _describe(error: dict) -> str:
    names = [p for p in error.get("loc", []) if isinstance(p, str) and p not in ("query", "filters", "body")]
    return f"{names[-1] if names else 'request'}: {error.get('msg', 'invalid')}"


def _validation_handler(wagtail_handler):
    """Patch 1: Wagtail's handler for writes, a 400 problem for reads."""

    def validation_error(request, exc):
        if request.method != "GET":
            return write_problem(request, exc)
        if isinstance(exc, NinjaValidationError):
            errors = exc.errors
        elif isinstance(exc, PydanticValidationError):
            errors = [{k: v for k, v in e.items() if k not in ("input", "ctx", "url")} for e in exc.errors()]
        else:
            errors = [{"msg": m} for m in exc.messages]
        if any(tuple(e.get("loc", ()))[:1] == ("response",) for e in errors):
            raise exc  # our response does not match its schema: a server error (500), not the client's
        return problem_response(status=400, detail="; ".join(_describe(e) for e in errors), errors=errors)

    return validation_error


def _bounded_paginate(wagtail_paginate):
    """Patch 2."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        if pagination.offset > MAX_OFFSET:
            raise HttpError(400, f"offset cannot be higher than {MAX_OFFSET}")
        return wagtail_paginate(self, queryset, pagination, request, **params)

    return paginate_queryset


def _limited_authenticate(wagtail_authenticate):
    """Patch 5 (and patch 10: a token found by its digest under a secret key is stored by the new one)."""

    def authenticate(self, request, token):
        api_token = wagtail_authenticate(self, request, token)
        if api_token is None:
            count_failed_token(request)  # raises TooManyTokenAttempts past the rate
        elif api_token.key_hash != token_digest(token):
            type(api_token).objects.filter(pk=api_token.pk).update(key_hash=token_digest(token))
        return api_token

    authenticate.limited = True
    return authenticate


#: The 429 of patch 5, as the OpenAPI document states it.
TOKEN_LIMIT_RESPONSE = {
    "description": "Too many requests from this address carried a wrong API token (API_TOKEN_FAILURE_RATE): "
    "a problem naming the reason; Retry-After says when a wrong token is answered again.",
    "headers": {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}},
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}},
}


def token_limit_responses(schema: dict) -> dict:
    """``schema`` with the 429 of patch 5 on every operation whose security reads a bearer token
    (a reference to ``components.responses.TooManyTokenAttempts``)."""
    components = schema.setdefault("components", {}).setdefault("responses", {})
    components.setdefault("TooManyTokenAttempts", TOKEN_LIMIT_RESPONSE)
    reference = {"$ref": "#/components/responses/TooManyTokenAttempts"}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if any("BearerTokenAuth" in entry for entry in operation.get("security") or []):
                operation.setdefault("responses", {}).setdefault(429, reference)
    return schema


def bounded_offsets(schema: dict) -> dict:
    """``schema`` with the ``maximum`` of every ``offset`` parameter (``MAX_OFFSET``) and of every
    ``limit`` (``WAGTAILAPI_LIMIT_MAX``, which every listing enforces with a 400) stated."""
    maxima = {"offset": MAX_OFFSET, "limit": getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] in maxima and parameter["in"] == "query":
                    parameter.setdefault("schema", {}).setdefault("maximum", maxima[parameter["name"]])
    return schema


def install_write_schemas() -> None:
    """Patch 4: our write schemas in Wagtail's registry, and the page router's form builders."""
    from .api import writes

    writes.install()
    from wagtail.api.v3.routers import pages

    pages.build_page_form = writes.build_page_form
    pages.build_page_update_form = writes.build_page_update_form


def _site_query(self) -> dict | None:
    """Patch 6: ``site`` as ``hostname`` or ``hostname:port``, the port a number (else 400)."""
    if not self.site:
        return None
    if ":" not in self.site:
        return {"hostname": self.site}
    hostname, port = self.site.split(":", 1)
    if not (port.isascii() and port.isdigit() and int(port) <= 65535):
        raise HttpError(400, f"site: the port of {self.site[:80]!r} must be a number (hostname:port)")
    return {"hostname": hostname, "port": int(port)}


def _checked_revision_filter(original):
    """Patch 7: ``user_id`` must be a value of the user model's key (else 400 naming it)."""

    def filter(self, queryset):  # noqa: A001 - the method it replaces
        if self.user_id is not None:
            from django.contrib.auth import get_user_model

            try:
                key = get_user_model()._meta.pk.to_python(self.user_id)
            except DjangoValidationError:
                key = None
            # An integer beyond MAX_ID names no user and overflows the database (SQLite: a 500).
            if key is None or (isinstance(key, int) and abs(key) > MAX_ID):
                raise HttpError(400, f"user_id: {str(self.user_id)[:40]!r} is not a user's id") from None
        return original(self, queryset)

    filter.checked = True
    return filter


def protected_problem(request, exc):
    """Patch 8: 409, naming the records that protect the object (their model, name and count)."""
    objects = getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", None) or []
    records = summary(objects)
    named = "; ".join(f"{r['count']} × {r['model']} ({r['name']})" for r in records) or "other records"
    detail = f"Cannot delete: records refer to it and protect it from deletion: {named}."
    return problem_response(status=409, detail=detail, errors=[{"type": "protected", **r} for r in records])


def _atomic(original):
    """Patch 12: ``original`` (an action's method) all or nothing."""

    @functools.wraps(original)
    def atomic(self, *args, **kwargs):
        with transaction.atomic():
            return original(self, *args, **kwargs)

    atomic.atomic = True
    return atomic


def _no_move_beside_the_root(original):
    """Patch 13: the root page has no siblings (422 naming ``destination_id``)."""

    def execute(self, *args, **kwargs):
        if self.pos not in ("first-child", "last-child", "sorted-child") and self.target.is_root():
            message = "the root page has no siblings: move a page under it (position first-child or last-child)"
            raise DjangoValidationError({"destination_id": [message]})
        return original(self, *args, **kwargs)

    execute.beside_root = True
    return execute


def _atomic_page_deletion(original):
    """Patch 8: the log entries and the deletion together, or neither."""

    def _delete_page(self, page, *args, **kwargs):
        with transaction.atomic():
            return original(self, page, *args, **kwargs)

    _delete_page.atomic = True
    return _delete_page


def _readable_pages(wagtail_get_pages_queryset):
    """Patch 9: the pages a token holder may change or publish, and every page the public reads."""

    def get_pages_queryset(request, model=None):
        from wagtail.models import Page

        model = model or Page
        queryset = wagtail_get_pages_queryset(request, model)
        if not request.user.is_authenticated:
            return queryset
        try:
            public = get_public_pages_queryset(request, model)
        except ValueError as exc:  # ?site= names several sites: as Wagtail answers the public
            raise HttpError(400, str(exc)) from exc
        return (queryset | public).select_related("content_type", "locale").order_by("pk")

    get_pages_queryset.public_too = True
    return get_pages_queryset


def _drafts_of_editable_pages(view_func):
    """Patch 9: ``?version=draft`` reads the draft of a page the user may edit or publish only."""

    @functools.wraps(view_func)
    def get_page(request, page_id, version="live", **kwargs):
        if version == "draft" and request.user.is_authenticated:
            from wagtail.models import Page

            page = Page.objects.filter(pk=page_id).first()
            permissions = page.permissions_for_user(request.user) if page else None
            if not (permissions and (permissions.can_edit() or permissions.can_publish())):
                version = "live"
        return view_func(request, page_id=page_id, version=version, **kwargs)

    get_page.drafts_checked = True
    return get_page


def _patch_page_reads() -> None:
    """Patch 9, on Wagtail's page router (which imported ``get_pages_queryset`` by name)."""
    from wagtail.api.v3 import querysets
    from wagtail.api.v3.routers import pages

    if getattr(pages.get_pages_queryset, "public_too", False):
        return
    pages.get_pages_queryset = querysets.get_pages_queryset = _readable_pages(querysets.get_pages_queryset)
    for path_view in pages.router.path_operations.values():
        for operation in path_view.operations:
            if operation.operation_id == "pages_detail" and "GET" in operation.methods:
                operation.view_func = _drafts_of_editable_pages(operation.view_func)


#: Prefix of the digested text (patch 10): the digest of a token is this API's, not a bare SHA-256.
TOKEN_DIGEST_CONTEXT = "wagtail.apitoken:"  # noqa: S105 - a label, not a credential


def token_digest(token: str) -> str:
    """Patch 10: the stored digest of a new API token, the same under every ``SECRET_KEY``."""
    return hashlib.sha256(f"{TOKEN_DIGEST_CONTEXT}{token}".encode()).hexdigest()


def install_token_digest() -> None:
    """Patch 10: ``APIToken`` stores ``token_digest``; the keyed digests of older tokens are still
    looked up (every ``SECRET_KEY`` and fallback)."""
    from wagtail.models import APIToken

    if getattr(APIToken.hash_token, "keyless", False):
        return
    keyed = APIToken.hash_token  # bound to the class

    def hash_token(cls, token, secret_key=None):
        return token_digest(token) if secret_key is None else keyed(token, secret_key=secret_key)

    def candidate_key_hashes(cls, token):
        keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
        return [token_digest(token), *(keyed(token, secret_key=key) for key in keys if key)]

    hash_token.keyless = True
    APIToken.hash_token = classmethod(hash_token)
    APIToken.candidate_key_hashes = classmethod(candidate_key_hashes)


def _checked_page_type_lookup(original):
    """Patch 11: the path's page id is a number within ``MAX_ID`` before the page is looked up."""

    def get_meta_type(cls, request, api, path_params):
        page_id = str(path_params.get(cls.page_id_param, ""))
        if not (page_id.isascii() and page_id.isdigit() and int(page_id) <= MAX_ID):
            raise Http404("No Page matches the given query.")
        return original.__func__(cls, request, api, path_params)

    get_meta_type.checked = True
    return classmethod(get_meta_type)


#: The constraint in a database's message: PostgreSQL ``constraint "name"``, SQLite ``index 'name'``
#: or ``UNIQUE constraint failed: table.column``.
_CONSTRAINT_NAME = re.compile(r"""(?:index|constraint)\s+["']([\w.]+)["']|constraint failed:\s+(?!index\b)([\w.]+)""")


def integrity_problem(request, exc):
    """Patch 12: 409, naming the constraint the write would break (not the database's whole message)."""
    match = _CONSTRAINT_NAME.search(str(exc))
    constraint = (match.group(1) or match.group(2)) if match else None
    detail = "The write conflicts with existing records"
    detail += f" (a value already used: constraint {constraint})." if constraint else "."
    errors = [{"type": "conflict", "constraint": constraint}] if constraint else None
    return problem_response(status=409, detail=detail, errors=errors)


def _object_bodies_only(original):
    """Patch 11: the body of a typed write is a JSON object (else 422, before the type discriminator)."""

    def get_request_data(cls, request, api, path_params):
        request_data = original.__func__(cls, request, api, path_params)
        if isinstance(request_data, dict) and "data" in request_data and not isinstance(request_data["data"], dict):
            error = {"loc": ["body"], "type": "model_type", "msg": "the body must be a JSON object"}
            raise NinjaValidationError([error])
        return request_data

    get_request_data.checked = True
    return classmethod(get_request_data)


def _is_object_schema(annotation) -> bool:
    """Whether a body parameter's type is an object: a model, a dict, or a union (optional) of them."""
    from pydantic import BaseModel

    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _is_object_schema(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        return bool(members) and all(_is_object_schema(member) for member in members)
    if origin is dict or annotation is dict:
        return True
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _json_integers(schema, body: dict, name: str) -> None:
    """Patch 15: each integer field of ``schema`` at the top of ``body`` is a JSON number."""
    fields = getattr(schema, "model_fields", None)
    if not isinstance(fields, dict):
        return
    errors = []
    for key, field in fields.items():
        value = body.get(field.alias or key)
        if isinstance(value, (bool, str)) and _without_none(field.annotation) is int:
            msg = "Input should be a valid integer, written as a JSON number"
            errors.append({"loc": ["body", name, field.alias or key], "type": "int_type", "msg": msg})
    if errors:
        raise NinjaValidationError(errors)


_NUL_MESSAGE = "null characters are not allowed"


def _null_character_path(value, path=()) -> list | None:
    """The path of the first string of a JSON value holding a NUL character (a key or a value), if any."""
    if isinstance(value, str):
        return list(path) if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and "\x00" in key:
                return [*path, key]
            found = _null_character_path(item, (*path, key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found = _null_character_path(item, (*path, n))
            if found is not None:
                return found
    return None


def _object_bodies(original):
    """Patch 14: a body whose schema is an object is a JSON object (else 422 naming the body)."""

    def get_request_data(cls, request, api, path_params):
        request_data = original.__func__(cls, request, api, path_params)
        name = getattr(cls, "__read_from_single_attr__", None)
        if request_data is None:
            return request_data
        if name:
            field = cls.model_fields.get(name)
            body = request_data.get(name) if isinstance(request_data, dict) else request_data
            refused = field is not None and _is_object_schema(field.annotation) and not isinstance(body, dict)
        else:
            refused = not isinstance(request_data, dict)  # several body parameters: the keys of an object
        if refused:
            error = {"loc": ["body"], "type": "model_type", "msg": "the body must be a JSON object"}
            raise NinjaValidationError([error])
        if name and field is not None and isinstance(body, dict):
            _json_integers(_without_none(field.annotation), body, name)
        nul = _null_character_path(body if name else request_data)
        if nul is not None:
            loc = ["body", *([name] if name else []), *nul]
            raise NinjaValidationError([{"loc": loc, "type": "string_null_character", "msg": _NUL_MESSAGE}])
        return request_data

    get_request_data.object_bodies = True
    return classmethod(get_request_data)


def _storable_date_time(text: str) -> bool:
    """Whether an RFC 3339 date-time is a moment every database takes: its offset within ±14:00 (the
    offsets in use; PostgreSQL refuses beyond ±15:59: "time zone displacement out of range", a 500
    found by the admin fuzz run on PostgreSQL) and the moment within years 1–9999 in UTC (which
    Django converts it to on SQLite)."""
    try:
        moment = datetime.datetime.fromisoformat(text.replace("z", "Z").replace("t", "T"))
        offset = moment.utcoffset()
        if offset is not None:
            moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        return False
    return offset is None or abs(offset) <= datetime.timedelta(hours=14)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII)


def _parameter_annotation(model, path: tuple[str, ...]):
    """The type of the field at ``path`` (names or aliases) in ``model``, ``None`` if not found."""
    annotation = model
    for name in path:
        annotation = _without_none(annotation)
        fields = getattr(annotation, "model_fields", None)
        if not isinstance(fields, dict):
            return None
        field = fields.get(name) or next((f for f in fields.values() if f.alias == name), None)
        if field is None:
            return None
        annotation = field.annotation
    return _without_none(annotation)


def _without_none(annotation):
    if typing.get_origin(annotation) is Annotated:
        return _without_none(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return _without_none(members[0])
    return annotation


def _query_as_documented(original):
    """Patch 16: a date is ``YYYY-MM-DD``, a date-time RFC 3339, and only an array parameter repeats."""

    def get_request_data(cls, request, api, path_params):
        data = original.__func__(cls, request, api, path_params)
        flatten = getattr(cls, "__ninja_flatten_map__", None) or {}
        lists = set(getattr(cls, "__ninja_collection_fields__", None) or ())
        errors = []
        for name in request.GET:
            if name not in flatten or name in lists:
                continue
            values = request.GET.getlist(name)
            if any("\x00" in value for value in values):
                errors.append({"loc": ["query", name], "type": "string_null_character", "msg": _NUL_MESSAGE})
                continue
            if len(values) > 1:
                msg = "given more than once; this parameter takes one value"
                errors.append({"loc": ["query", name], "type": "repeated_parameter", "msg": msg})
                continue
            annotation = _parameter_annotation(cls, flatten[name])
            if annotation is datetime.datetime and not _DATE_TIME.fullmatch(values[0]):
                msg = "a date-time is written as in RFC 3339, e.g. 2024-09-05T08:00:00+07:00"
                errors.append({"loc": ["query", name], "type": "datetime_format", "msg": msg})
            elif annotation is datetime.datetime and not _storable_date_time(values[0]):
                msg = "the time zone offset is between -14:00 and +14:00, the moment between years 1 and 9999 in UTC"
                errors.append({"loc": ["query", name], "type": "datetime_range", "msg": msg})
            elif annotation is datetime.date and not _DATE.fullmatch(values[0]):
                msg = "a date is written YYYY-MM-DD"
                errors.append({"loc": ["query", name], "type": "date_format", "msg": msg})
        if errors:
            raise NinjaValidationError(errors)
        return data

    get_request_data.as_documented = True
    return classmethod(get_request_data)


def _wrap_once(owner, name: str, wrapper, flag: str) -> None:
    """``owner.name = wrapper(owner.name)`` unless the attribute already carries ``flag`` (the
    wrappers mark what they return, so applying the patches twice wraps nothing twice)."""
    current = getattr(owner, name)
    if not getattr(current, flag, False):
        setattr(owner, name, wrapper(current))


def apply(api) -> None:
    """Apply the patches 1–3, 5–9 and 11–17 to Wagtail's v3 ``api`` (``wagtail.api.v3.urls.api``); once (patch
    4 is installed earlier, by ``install_write_schemas``)."""
    global _applied
    if _applied:
        return
    _applied = True
    handler = _validation_handler(api._exception_handlers[NinjaValidationError])
    for exc_class in (NinjaValidationError, PydanticValidationError, DjangoValidationError):
        api.add_exception_handler(exc_class, handler)
    WagtailLimitOffsetPagination.paginate_queryset = _bounded_paginate(WagtailLimitOffsetPagination.paginate_queryset)
    if not getattr(BearerTokenAuth.authenticate, "limited", False):
        BearerTokenAuth.authenticate = _limited_authenticate(BearerTokenAuth.authenticate)
    api.add_exception_handler(TooManyTokenAttempts, too_many_token_attempts)
    wagtail_schema = api.get_openapi_schema

    def get_openapi_schema(**kwargs):
        return token_limit_responses(problem_responses(bounded_offsets(wagtail_schema(**kwargs))))

    api.get_openapi_schema = get_openapi_schema
    SiteFilterValidator.query = property(_site_query)
    if not getattr(RevisionFilterSchema.filter, "checked", False):
        RevisionFilterSchema.filter = _checked_revision_filter(RevisionFilterSchema.filter)
    for exc_class in (ProtectedError, RestrictedError):
        api.add_exception_handler(exc_class, protected_problem)
    api.add_exception_handler(RequestDataTooBig, data_too_big)
    api.add_exception_handler(IntegrityError, integrity_problem)
    from wagtail.actions.delete_page import DeletePageAction

    _wrap_once(DeletePageAction, "_delete_page", _atomic_page_deletion, "atomic")
    _patch_page_reads()  # before the modules below are imported, as it always was
    from wagtail.actions.copy_page import CopyPageAction
    from wagtail.actions.move_page import MovePageAction
    from wagtail.api.v3.schemas.pages import PageTypeInjectingBodyModel
    from wagtail.api.v3.schemas.params import TypeInjectingBodyModel

    _wrap_once(PageTypeInjectingBodyModel, "get_meta_type", _checked_page_type_lookup, "checked")
    _wrap_once(CopyPageAction, "execute", _atomic, "atomic")
    _wrap_once(MovePageAction, "execute", _no_move_beside_the_root, "beside_root")
    _wrap_once(QueryModel, "get_request_data", _query_as_documented, "as_documented")
    _wrap_once(BodyModel, "get_request_data", _object_bodies, "object_bodies")
    _wrap_once(TypeInjectingBodyModel, "get_request_data", _object_bodies_only, "checked")
