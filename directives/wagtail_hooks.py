from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import TaskDashboardView, TaskDeadlinesPanel, TaskTrackingViewSet
from .models import Agency, DocumentType, Field, Official


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name", "short_code", "parent", "kind", "display_order"]
    list_filter = ["kind"]
    search_fields = ["name", "short_code"]


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    list_display = ["name", "abbreviation", "is_normative"]
    list_filter = ["is_normative"]


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    list_display = ["name"]


class OfficialViewSet(SnippetViewSet):
    model = Official
    icon = "user"
    list_display = ["name", "position", "agency", "phone", "email", "is_authority_leader", "display_order"]
    list_filter = ["is_authority_leader"]
    search_fields = ["name", "position"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Danh mục dùng chung")
    menu_icon = "folder-open-inverse"
    items = (AgencyViewSet, OfficialViewSet, DocumentTypeViewSet, FieldViewSet)


register_snippet(TaxonomyGroup)


@hooks.register("register_admin_viewset")
def register_task_tracking():
    """Menu "Theo dõi nhiệm vụ": the flat listing of tasks with their status."""
    return TaskTrackingViewSet()


@hooks.register("register_admin_urls")
def task_dashboard_urls():
    return [path("task_dashboard/", TaskDashboardView.as_view(), name="task_dashboard")]


@hooks.register("register_admin_menu_item")
def task_dashboard_menu_item():
    return MenuItem(_("Tổng hợp nhiệm vụ"), reverse("task_dashboard"), icon_name="tasks", order=301)


@hooks.register("construct_homepage_panels")
def add_task_deadlines_panel(request, panels):
    panels.append(TaskDeadlinesPanel())
