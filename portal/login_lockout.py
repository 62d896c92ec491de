"""The login lockout (django-axes; docs/deployment.md, "Security"): the page a locked-out editor
sees, and what the admin shows of the lockouts.

Axes counts the failed logins of one account from one address (``AXES_LOCKOUT_PARAMETERS``); at
``AXES_FAILURE_LIMIT`` that account is locked on that address for ``AXES_COOLOFF_TIME`` — the
right password is refused too — and every login answers ``lockout_response`` (HTTP 429, in
Vietnamese, saying when to try again and whom to ask). Each further attempt during the lockout
starts the cool-off again. An administrator unlocks it in the admin (Settings → "Đăng nhập bị
khóa": ``portal.wagtail_hooks``) or with ``manage.py axes_reset_username <account>``.
"""

import math
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log


def cool_off() -> timedelta:
    from axes.helpers import get_cool_off

    return get_cool_off() or timedelta(0)


def is_locked(attempt, now=None) -> bool:
    """Whether the axes ``AccessAttempt`` ``attempt`` locks its account on its address now."""
    now = now or timezone.now()
    return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT and attempt.attempt_time + cool_off() > now


def locked_until(attempt):
    """When the lockout of ``attempt`` ends (if no further attempt starts it again)."""
    return attempt.attempt_time + cool_off()


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """``AXES_LOCKOUT_CALLABLE``: HTTP 429 with the Vietnamese lockout page and ``Retry-After``.

    The lockout has just been (re)started by this attempt, so it ends one cool-off from now."""
    from axes.helpers import get_client_username

    wait = cool_off()
    seconds = max(60, math.ceil(wait.total_seconds()))
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": math.ceil(seconds / 60),
        "until": timezone.localtime() + timedelta(seconds=seconds),
        "contact": getattr(settings, "LOGIN_LOCKOUT_CONTACT", ""),
    }
    # rendered now: axes' middleware returns it after the template responses were rendered
    response = render(request, "portal/admin/login_locked.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


# --- the admin: Settings → "Đăng nhập bị khóa" ---------------------------------------------------

UNLOCK_PERMISSION = "axes.delete_accessattempt"  # superusers have it; a group may be given it


def may_unlock(user) -> bool:
    return user.has_perm(UNLOCK_PERMISSION)


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """The failed logins axes keeps (one row per account, address and browser), the locked ones
    first, each with a button that unlocks it (deletes the row: its count starts again at 0)."""

    template_name = "portal/admin/lockouts.html"
    page_title = _("Đăng nhập bị khóa")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not may_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from axes.models import AccessAttempt

        now = timezone.now()
        rows = [
            {"attempt": attempt, "locked": is_locked(attempt, now), "until": locked_until(attempt)}
            for attempt in AccessAttempt.objects.order_by("-attempt_time")[:500]
        ]
        rows.sort(key=lambda row: not row["locked"])  # stable: the locked first, each part newest first
        return super().get_context_data(
            rows=rows,
            failure_limit=settings.AXES_FAILURE_LIMIT,
            cool_off_minutes=math.ceil(cool_off().total_seconds() / 60),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        from axes.models import AccessAttempt

        attempt = get_object_or_404(AccessAttempt, pk=request.POST.get("attempt"))
        log(instance=attempt, action="portal.login_unlock", user=request.user)
        attempt.delete()
        messages.success(
            request,
            _("Đã mở khóa đăng nhập của tài khoản “%(username)s” từ địa chỉ %(address)s.")
            % {"username": attempt.username or "", "address": attempt.ip_address or ""},
        )
        return redirect("portal_lockouts")
