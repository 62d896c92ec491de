"""What every form a citizen sends to the portal needs (questions, feedback, comments on drafts).

No account is needed to write to the authority, so each public form is protected the same way:

- ``HoneypotForm``: a field people do not see (hidden by the stylesheet, labelled "leave empty");
  a robot that fills every field gets a form error, nothing is stored;
- ``rate_limited``: at most ``rate`` sendings per client address and form (django-ratelimit;
  the rates are settings: ``CITIZEN_FORM_RATES``); past it the view answers ``too_many_requests``
  (HTTP 429, a Vietnamese page, ``Retry-After``);
- ``validate_attachment``: an attached file of an allowed type, checked by its extension *and* its
  first bytes, and within ``CITIZEN_UPLOAD_MAX_BYTES``;
- ``private_storage``: attachments and other personal files live outside ``MEDIA_ROOT``, under
  ``PRIVATE_MEDIA_ROOT``, with no public URL: only views that check permissions serve them;
- ``new_tracking_code``: the code (mã tra cứu) a citizen looks the sending up with.

CSRF protection is Django's (the form pages are rendered with ``{% csrf_token %}``), and the form
pages are never cached (``never_cache``: a cached form would carry another visitor's token).
"""

from __future__ import annotations

import os
import secrets
from functools import cache
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .authority import authority_for_request

HONEYPOT_FIELD = "website"

# Extension → the first bytes a real file of that type begins with.
_SIGNATURES = {
    "pdf": (b"%PDF",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
}
DEFAULT_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "odt", "jpg", "jpeg", "png")

# Tracking codes: no 0/O, 1/I/L — read aloud over the phone or copied from a letter.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


class HoneypotForm(forms.Form):
    """A form with a trap field: people leave it empty (it is hidden), robots fill it."""

    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-field"}),
    )

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise ValidationError(_("Không gửi được: biểu mẫu có ô lẽ ra phải để trống."), code="honeypot")
        return ""


def allowed_extensions() -> tuple[str, ...]:
    return tuple(getattr(settings, "CITIZEN_UPLOAD_EXTENSIONS", DEFAULT_EXTENSIONS))


def max_upload_bytes() -> int:
    return int(getattr(settings, "CITIZEN_UPLOAD_MAX_BYTES", 5 * 1024 * 1024))


def validate_attachment(upload) -> None:
    """Refuse a file of a type not allowed (by name and by content) or larger than the limit."""
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = allowed_extensions()
    if extension not in allowed:
        raise ValidationError(
            _("Tệp đính kèm phải có định dạng: %(types)s.") % {"types": ", ".join(allowed)},
            code="file_type",
        )
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("Tệp đính kèm quá lớn (%(size)s MB); tối đa %(limit)s MB.")
            % {"size": f"{upload.size / 1048576:.1f}", "limit": f"{limit / 1048576:g}"},
            code="file_size",
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    signatures = _SIGNATURES.get(extension)
    if signatures and not head.startswith(signatures):
        raise ValidationError(
            _("Nội dung tệp đính kèm không phải tệp .%(ext)s.") % {"ext": extension}, code="file_content"
        )


class PrivateStorage(FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT`` (read when used, so a changed setting applies), no URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(getattr(settings, "PRIVATE_MEDIA_ROOT", Path(settings.BASE_DIR) / "private-media"))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("private files have no public URL")


@cache
def private_storage() -> FileSystemStorage:
    """Files with personal data: outside ``MEDIA_ROOT``, no URL (``PRIVATE_MEDIA_ROOT``)."""
    return PrivateStorage()


def new_tracking_code(prefix: str, exists) -> str:
    """A fresh tracking code ``PREFIX-XXXX-XXXX`` (40 bits of chance); ``exists(code)`` says
    whether one is taken."""
    while True:
        body = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
        code = f"{prefix}-{body[:4]}-{body[4:]}"
        if not exists(code):
            return code


def normalise_tracking_code(text: str | None) -> str:
    """What a citizen typed as a code, as stored: upper case, without spaces."""
    return "".join((text or "").split()).upper()[:40]


def form_rate(name: str) -> str:
    """The rate (django-ratelimit syntax: ``"5/h"``) of the public form ``name``
    (``CITIZEN_FORM_RATES``; ``"default"`` for a form not named)."""
    rates = getattr(settings, "CITIZEN_FORM_RATES", {})
    return rates.get(name) or rates.get("default") or "5/h"


def closed_authority_day(request):
    """The closing day of the authority owning the site, when it closed before today (an archive
    portal takes no submissions); ``None`` for a working authority."""
    authority = authority_for_request(request)
    return authority.closed_on if authority.is_closed(timezone.localdate()) else None


def rate_limited(request, name: str) -> bool:
    """Count one sending of form ``name`` from the request's address; True when past its rate."""
    from django_ratelimit.core import is_ratelimited

    return is_ratelimited(
        request, group=f"citizen-form:{name}", key="ip", rate=form_rate(name), method="POST", increment=True
    )


def _period_seconds(rate: str) -> int:
    from django_ratelimit.core import _split_rate

    return _split_rate(rate)[1]


def too_many_requests(request, name: str) -> TemplateResponse:
    """HTTP 429: the Vietnamese page saying how long to wait before sending again."""
    seconds = _period_seconds(form_rate(name))
    minutes = max(1, round(seconds / 60))
    message = ngettext(
        "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau %(n)d phút.",
        "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau %(n)d phút.",
        minutes,
    ) % {"n": minutes}
    response = TemplateResponse(request, "portal/too_many_requests.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


# --- personal data: retention ---------------------------------------------------------------------

_ERASERS: dict[str, object] = {}


def register_personal_data(name: str, erase) -> None:
    """Register ``erase(today, dry_run) -> int``: it erases the personal data of ``name``'s
    sendings kept past their retention period (``PERSONAL_DATA_RETENTION_DAYS``) and returns how
    many sendings it erased (or would erase). ``manage.py purge_personal_data`` runs them all."""
    _ERASERS[name] = erase


def personal_data_erasers() -> dict[str, object]:
    return dict(_ERASERS)


def retention_days() -> int:
    """Days the contact data of a closed sending is kept (Decree 13/2023/NĐ-CP: no longer than
    the purpose needs): ``PERSONAL_DATA_RETENTION_DAYS``."""
    return int(getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", 365))
