"""What operators see of each request: a request id, one access record, errors in JSON lines.

- ``RequestLogMiddleware`` (first in ``MIDDLEWARE``) gives each request an id — the client's
  ``X-Request-ID`` when it is a sane token (``SANE_ID``), else a new one — returns it in the
  ``X-Request-ID`` response header, keeps it in a context variable for the time of the request
  (``request_id()``), and logs one access record per request on the ``portal.request`` logger:
  method, path, status, duration and the user's id when it is known without a query. The record is
  INFO (``DEBUG`` for a load balancer's health check that passed, ``WARNING`` for a 5xx) and never
  carries a traceback: the traceback of an uncaught exception is in the one ``django.request``
  record Django writes for it, which carries the same request id.
- ``RequestContextFilter`` adds the request id (and what the record's own ``request`` says:
  method, path, user) to every record logged while a request is served, whatever the logger.
- ``JsonFormatter`` writes each record as one JSON object on one line (docs/deployment.md,
  "Logs, errors and health").
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from django.utils.functional import empty
from django.utils.log import AdminEmailHandler as DjangoAdminEmailHandler

logger = logging.getLogger("portal.request")

#: The header a request id is read from and answered in.
HEADER = "X-Request-ID"
#: A client's request id is kept when it looks like one (a UUID, a proxy's hex id…): letters,
#: digits and ``-_.:``, 8 to 128 characters. Anything else (spaces, quotes, a log line) is replaced.
SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")
#: Paths whose passing requests are logged at DEBUG (a load balancer asks every few seconds).
QUIET_PATHS = ("/healthz",)

_request_id: ContextVar[str | None] = ContextVar("portal_request_id", default=None)


def request_id() -> str | None:
    """The id of the request being served, None outside a request."""
    return _request_id.get()


def incoming_or_new_id(value: str | None) -> str:
    """The client's id when it is a sane token, else a new one (32 hex digits)."""
    if value and SANE_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def known_user_id(request) -> int | str | None:
    """The id of the request's user when it is known without a query: set by the API's token, or
    the admin's lazy user already read by a view. An anonymous user (or none) is None."""
    user = request.__dict__.get("user")
    if user is None:
        return None
    wrapped = getattr(user, "_wrapped", user)  # SimpleLazyObject: read only once evaluated
    if wrapped is empty or not getattr(wrapped, "is_authenticated", False):
        return None
    return wrapped.pk


class RequestLogMiddleware:
    """The request id and the access record of every request (the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        rid = incoming_or_new_id(request.headers.get(HEADER))
        request.request_id = rid
        token = _request_id.set(rid)
        try:
            response = self.get_response(request)
            response[HEADER] = rid
            self.log(request, response.status_code, started)
            return response
        finally:
            _request_id.reset(token)

    @staticmethod
    def log(request, status: int, started: float) -> None:
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        if status >= 500:
            level = logging.WARNING
        elif request.path in QUIET_PATHS:
            level = logging.DEBUG
        else:
            level = logging.INFO
        if not logger.isEnabledFor(level):
            return
        logger.log(
            level,
            "%s %s %s %.1fms",
            request.method,
            request.path,
            status,
            duration_ms,
            extra={
                "method": request.method,
                "path": request.path,
                "status": status,
                "duration_ms": duration_ms,
                "user_id": known_user_id(request),
            },
        )


class RequestContextFilter(logging.Filter):
    """Adds ``request_id`` to every record logged during a request, and the method, path and user
    of a record that carries its ``request`` (Django's ``django.request`` and ``django.security``
    records) and its ``status_code``. Lets every record through."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id()
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            if getattr(record, "request_id", None) is None:
                record.request_id = getattr(request, "request_id", None)
            record.__dict__.setdefault("method", request.method)
            record.__dict__.setdefault("path", request.path)
            record.__dict__.setdefault("user_id", known_user_id(request))
        if hasattr(record, "status_code"):
            record.__dict__.setdefault("status", record.status_code)
        return True


#: The fields of a record written when present, in this order, after time, level, logger, message.
FIELDS = ("request_id", "user_id", "method", "path", "status", "duration_ms")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ``time`` (UTC, ISO 8601, milliseconds), ``level``, ``logger``,
    ``message``, the request's ``FIELDS`` when known, and for a record with an exception
    ``error`` (its type and message) and ``traceback`` (the formatted traceback, one string)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"
            entry["traceback"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class AdminEmailHandler(DjangoAdminEmailHandler):
    """Django's mail of an error to ``ADMINS``, its subject ending with the request id (the key to
    the request's records in the logs)."""

    _request_id: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        # Handler.handle() holds the handler's lock around emit(): the id is this record's.
        self._request_id = getattr(record, "request_id", None)
        try:
            super().emit(record)
        finally:
            self._request_id = None

    def format_subject(self, subject: str) -> str:
        subject = super().format_subject(subject)
        return f"{subject} [{self._request_id}]" if self._request_id else subject


def logging_config(level: str = "INFO", fmt: str = "json") -> dict:
    """The ``LOGGING`` setting: every record to stderr (``fmt``: ``json`` lines or ``text`` for a
    terminal), at ``level`` and above; ``django.request`` keeps its 5xx records only (the access
    record says the rest) and mails them to ``ADMINS`` when set (``AdminEmailHandler``, not in
    DEBUG). ``django.security`` records (a 413, a disallowed host) are logged, never mailed."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_context": {"()": "portal.request_log.RequestContextFilter"},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {
            "json": {"()": "portal.request_log.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "filters": ["request_context"],
                "formatter": fmt if fmt in ("json", "text") else "json",
            },
            "mail_admins": {
                "class": "portal.request_log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false", "request_context"],
            },
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            # Django's default handlers (console in DEBUG, mail for every "django" error) replaced:
            # its records go to the root's stderr.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.request": {"handlers": ["mail_admins"], "level": "ERROR", "propagate": True},
            # runserver's own access line: ours says it
            "django.server": {"handlers": [], "level": "WARNING", "propagate": True},
            # a body too large is a 413 (portal.http_errors), in the access record: no ERROR with
            # a traceback for a client's mistake
            "django.security.RequestDataTooBig": {"level": "CRITICAL"},
            # libraries that log each request or their start at INFO: warnings and errors only
            **{name: {"level": "WARNING"} for name in QUIET_LIBRARIES},
        },
    }


#: Loggers of libraries kept to WARNING whatever ``LOG_LEVEL`` says.
QUIET_LIBRARIES = ("axes", "django_tasks", "elastic_transport", "opensearch", "urllib3", "PIL")


def parse_admins(value: str) -> list[tuple[str, str]]:
    """``ADMINS`` from ``"Name <a@b.vn>, c@d.vn"``: [(name, address)]; raises
    ``ImproperlyConfigured`` for an entry that is not an address."""
    from email.utils import getaddresses

    from django.core.exceptions import ImproperlyConfigured

    admins = []
    for name, address in getaddresses([value]):
        if not name and not address:
            continue
        if "@" not in address or " " in address:
            raise ImproperlyConfigured(f"ADMINS: {name or address!r} is not an e-mail address (Name <a@b.vn>, …)")
        admins.append((name, address))
    return admins
