from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import TaskDeadlinesPanel, TaskTrackingViewSet
from .models import Agency, DocumentType, Field, Official


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name", "short_code", "parent"]
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
    list_display = ["name", "position", "agency", "phone", "email"]
    search_fields = ["name", "position"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Danh mục dùng chung"
    menu_icon = "folder-open-inverse"
    items = (AgencyViewSet, OfficialViewSet, DocumentTypeViewSet, FieldViewSet)


register_snippet(TaxonomyGroup)


@hooks.register("register_admin_viewset")
def register_task_tracking():
    """Menu "Theo dõi nhiệm vụ": the flat listing of tasks with their status."""
    return TaskTrackingViewSet()


@hooks.register("construct_homepage_panels")
def add_task_deadlines_panel(request, panels):
    panels.append(TaskDeadlinesPanel())
