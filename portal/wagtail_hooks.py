"""The foundation's part of the admin: the login lockouts (Settings → "Đăng nhập bị khóa")."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import login_lockout


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
