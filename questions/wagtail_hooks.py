from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_views, handling
from .models import Question, Status

app_name = "questions_admin"
urlpatterns = [
    path("", admin_views.QueueView.as_view(), name="queue"),
    path("<int:pk>/", admin_views.HandleView.as_view(), name="handle"),
    path("<int:pk>/tep-dinh-kem/", admin_views.attachment, name="attachment"),
]


@hooks.register("register_admin_urls")
def question_urls():
    return [path("questions/", include((urlpatterns, "questions_admin"), namespace="questions_admin"))]


class QuestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_handle(request.user)

    def get_context(self, request):
        context = super().get_context(request)
        waiting = Question.objects.filter(status=Status.RECEIVED).count()
        if waiting:
            context["label"] = f"{self.label} ({waiting})"
        return context


@hooks.register("register_admin_menu_item")
def questions_menu_item():
    return QuestionsMenuItem(_("Hỏi đáp, phản ánh"), reverse("questions_admin:queue"), icon_name="help", order=260)


class OverduePanel(Component):
    """The dashboard's list of questions waiting for moderation and answers past their deadline."""

    name = "questions_overdue"
    order = 90
    template_name = "questions/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        overdue = handling.overdue(today)
        return {
            "overdue": list(overdue[:10]),
            "overdue_count": overdue.count(),
            "waiting": Question.objects.filter(status=Status.RECEIVED).count(),
            "today": today,
            "queue_url": reverse("questions_admin:queue"),
        }


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    if admin_views.may_handle(request.user):
        panels.append(OverduePanel(request))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "questions.view_contact", _("Xem thông tin liên hệ người gửi"), _("Xem thông tin liên hệ người gửi")
    )
    actions.register_action(
        "questions.view_attachment", _("Tải tệp đính kèm của người gửi"), _("Tải tệp đính kèm của người gửi")
    )
