from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from .admin_views import BULK_ACTIONS, DraftCommentViewSet, can_moderate, export_comments
from .models import CommentStatus, DraftPage

register_snippet(DraftCommentViewSet)

for action in BULK_ACTIONS:
    hooks.register("register_bulk_action", action)


@hooks.register("register_admin_urls")
def consultation_admin_urls():
    return [
        path(
            "consultation/drafts/<int:draft_id>/comments.xlsx",
            export_comments,
            name="consultation_export_comments",
        )
    ]


@hooks.register("register_page_header_buttons")
def draft_comment_buttons(page, user, view_name, next_url=None):
    """On a draft's admin pages: its comments (pending first) and their XLSX export."""
    if not issubclass(page.specific_class or type(page), DraftPage) or not can_moderate(user):
        return
    listing = reverse("wagtailsnippets_consultation_draftcomment:list")
    yield Button(
        _("Góp ý của dự thảo"),
        url=f"{listing}?draft={page.pk}&status={CommentStatus.PENDING}",
        icon_name="comment",
        priority=80,
    )
    yield Button(
        _("Xuất Excel góp ý"),
        url=reverse("consultation_export_comments", args=[page.pk]),
        icon_name="download",
        priority=81,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "consultation.view_contact", _("Xem thông tin liên hệ người góp ý"), _("Xem thông tin liên hệ người góp ý")
    )
    actions.register_action(
        "consultation.export_contact",
        _("Xuất góp ý kèm thông tin liên hệ"),
        _("Xuất góp ý kèm thông tin liên hệ"),
    )
