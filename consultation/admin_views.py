"""Editors' side of comments on drafts (menu "Góp ý dự thảo").

- ``DraftCommentViewSet``: every comment, newest first, filtered by draft and status; a comment is
  opened to set its status (its text is read-only: editors moderate, they do not rewrite); approve,
  reject or mark as spam one or several at once (bulk actions). The menu shows how many wait.
  Nobody adds a comment here: they come from the public form.
- Email and phone appear (a comment's page, the export) only for users with
  ``consultation.view_commenter_contact`` (Decree 13/2023/NĐ-CP: restrict who sees contact data),
  and each such viewing or export is logged (``consultation.view_contact``,
  ``consultation.export_contact``).
- ``export_comments``: the XLSX of a draft's comments for the drafting unit (``consultation.export``).
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from .comments import moderate
from .export import CONTENT_TYPE, comments_xlsx, export_filename
from .models import CommentStatus, DraftComment, DraftPage

CONTACT_PERMISSION = "consultation.view_commenter_contact"
CONTACT_FIELDS = ("email", "phone")


def can_see_contact(user) -> bool:
    return bool(user and user.is_active and user.has_perm(CONTACT_PERMISSION))


def can_moderate(user) -> bool:
    return bool(user and user.is_active and user.has_perm("consultation.change_draftcomment"))


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds a comment in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# --- listing and form ---------------------------------------------------------------------------


class CommentIndexView(IndexView):
    @cached_property
    def columns(self):
        columns = super().columns
        if can_see_contact(self.request.user):
            return columns
        return [column for column in columns if getattr(column, "name", None) not in CONTACT_FIELDS]

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        draft_id = self.request.GET.get("draft", "")
        if draft_id.isdigit():
            buttons.append(
                HeaderButton(
                    _("Xuất Excel góp ý của dự thảo này"),
                    url=reverse("consultation_export_comments", args=[int(draft_id)]),
                    icon_name="download",
                )
            )
        return buttons

    def get_page_subtitle(self):
        pending = DraftComment.objects.filter(status=CommentStatus.PENDING).count()
        return ngettext("%(n)d góp ý chờ duyệt", "%(n)d góp ý chờ duyệt", pending) % {"n": pending}


class CommentEditView(EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if can_see_contact(request.user) and (self.object.email or self.object.phone):
            log(self.object, "consultation.view_contact", user=request.user)  # Decree 13/2023: access logged
        return response

    def save_instance(self):
        instance = self.form.instance
        if "status" in self.form.changed_data:
            instance.moderated_by = self.request.user
            instance.moderated_at = timezone.now()
        return super().save_instance()


def _comment_panels():
    contact = [FieldPanel(name, read_only=True, permission=CONTACT_PERMISSION) for name in CONTACT_FIELDS]
    return [
        MultiFieldPanel(
            [
                FieldPanel("draft", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("organisation", read_only=True),
                *contact,
                FieldPanel("submitted_at", read_only=True),
                FieldPanel("content", read_only=True),
            ],
            heading=_("Góp ý"),
        ),
        FieldPanel("status"),
    ]


class DraftCommentViewSet(SnippetViewSet):
    model = DraftComment
    icon = "comment"
    menu_label = _("Góp ý dự thảo")
    menu_name = "draft-comments"
    menu_order = 250
    add_to_admin_menu = True
    # No contact data in the list: a moderator with the permission sees it on a comment's own page,
    # where each viewing is logged.
    list_display = ["__str__", "draft", "name", "organisation", "submitted_at", "status"]
    list_filter = ["draft", "status"]
    ordering = ["-submitted_at", "-pk"]
    list_per_page = 50
    search_fields = ["name", "organisation", "content"]
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(_comment_panels()).bind_to_model(self.model)

    @cached_property
    def menu_item_class(self):
        base = super().menu_item_class

        class PendingCountMenuItem(base):
            """The menu item, with the number of comments waiting: "Góp ý dự thảo (3)"."""

            def render_component(self, request):
                component = super().render_component(request)
                pending = DraftComment.objects.filter(status=CommentStatus.PENDING).count()
                if pending:
                    component.label = f"{self.label} ({pending})"
                return component

        return PendingCountMenuItem


# --- bulk moderation ------------------------------------------------------------------------------


class ModerateBulkAction(SnippetBulkAction):
    """Set the status of the chosen comments (after a confirmation page)."""

    models = [DraftComment]
    template_name = "consultation/admin/confirm_bulk_moderate.html"
    status = ""
    action_priority = 10

    def check_perm(self, obj):
        return can_moderate(self.request.user)

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderate(objects, cls.status, user), 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Đã chuyển %(n)d góp ý sang “%(status)s”.", "Đã chuyển %(n)d góp ý sang “%(status)s”.", num_parent_objects
        ) % {"n": num_parent_objects, "status": CommentStatus(self.status).label}


class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Duyệt")
    action_type = "approve"
    aria_label = _("Duyệt các góp ý đã chọn")
    status = CommentStatus.APPROVED


class RejectBulkAction(ModerateBulkAction):
    display_name = _("Từ chối")
    action_type = "reject"
    aria_label = _("Từ chối các góp ý đã chọn")
    status = CommentStatus.REJECTED
    action_priority = 20


class SpamBulkAction(ModerateBulkAction):
    display_name = _("Đánh dấu thư rác")
    action_type = "spam"
    aria_label = _("Đánh dấu các góp ý đã chọn là thư rác")
    status = CommentStatus.SPAM
    action_priority = 25


BULK_ACTIONS = (ApproveBulkAction, RejectBulkAction, SpamBulkAction)


# --- export ---------------------------------------------------------------------------------------


def export_comments(request, draft_id: int):
    """The XLSX of a draft's comments; contact columns only with ``view_commenter_contact``."""
    user = request.user
    if not (user.has_perm("consultation.view_draftcomment") or can_moderate(user)):
        raise PermissionDenied
    draft = get_object_or_404(DraftPage.objects.select_related("drafting_unit"), pk=draft_id)
    today = timezone.localdate()
    contact = can_see_contact(user)
    response = HttpResponse(comments_xlsx(draft, include_contact=contact, today=today))
    if contact:
        log(draft, "consultation.export_contact", user=user)
    response["Content-Type"] = CONTENT_TYPE
    response["Content-Disposition"] = content_disposition_header(True, export_filename(draft, today))
    response["Cache-Control"] = "no-store"
    return response
