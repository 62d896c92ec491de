"""The foundation's part of the admin: the login lockouts (Settings → "Đăng nhập bị khóa"); a page
that records protect (a royalty) is refused deletion with a message, not a server error."""

from django.contrib.auth.models import Permission
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from . import deletion, login_lockout


@hooks.register("register_admin_urls")
def lockout_urls():
    return [path("login-lockouts/", login_lockout.LockoutsView.as_view(), name="portal_lockouts")]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return login_lockout.may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(_("Đăng nhập bị khóa"), reverse("portal_lockouts"), icon_name="lock", order=900)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("portal.login_unlock", _("Mở khóa đăng nhập"), _("Mở khóa đăng nhập"))


@hooks.register("register_permissions")
def lockout_permissions():
    """The permission to unlock logins, grantable to a group in Wagtail's group editor."""
    app_label, codename = login_lockout.UNLOCK_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


def _refuse_protected_deletion(request, pages) -> HttpResponse | None:
    """A redirect back with a message naming what protects the first page that cannot be deleted
    (a royalty record, nhuận bút: ``on_delete=PROTECT``), None when all may go — instead of the
    500 Wagtail's delete view raised (``ProtectedError``; ``portal.wagtail_patches``, patch 8)."""
    for page in pages:
        protecting = deletion.protecting_objects(page.get_descendants(inclusive=True))
        if protecting:
            messages.error(
                request,
                _("Không thể xóa trang “%(title)s”: còn %(records)s gắn với trang này.")
                % {"title": page.get_admin_display_title(), "records": deletion.describe(protecting)},
            )
            return redirect(
                get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore", args=[page.get_parent().id])
            )
    return None


@hooks.register("before_delete_page")
def refuse_protected_page_deletion(request, page):
    return _refuse_protected_deletion(request, [page])


@hooks.register("before_bulk_action")
def refuse_protected_bulk_deletion(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return _refuse_protected_deletion(request, objects)
    return None
