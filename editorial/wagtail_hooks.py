from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from .forms import RoyaltyForm
from .models import BaseSalary, Royalty, RoyaltyScheme
from .views import RoyaltyActionView, RoyaltyReportView


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("reports/royalties/", RoyaltyReportView.as_view(), name="editorial_royalty_report"),
        path("royalties/<int:pk>/<str:action>/", RoyaltyActionView.as_view(), name="editorial_royalty_action"),
    ]


@hooks.register("register_reports_menu_item")
def royalty_report_menu_item():
    return MenuItem(_("Bảng kê nhuận bút"), reverse("editorial_royalty_report"), icon_name="table", order=51)


class RoyaltyActionsColumn(Column):
    cell_template_name = "editorial/royalty_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        user = parent_context["request"].user
        context["actions"] = [
            (reverse("editorial_royalty_action", args=(instance.pk, action)), label)
            for action, label, allowed in (
                ("approve", _("Duyệt"), instance.status == "proposed" and user.has_perm("editorial.approve_royalty")),
                ("pay", _("Đã chi trả"), instance.status == "approved" and user.has_perm("editorial.pay_royalty")),
                (
                    "reverse",
                    _("Hủy"),
                    instance.status != "proposed"
                    and not instance.reverses_id
                    and not hasattr(instance, "reversed_by")
                    and user.has_perm("editorial.approve_royalty"),
                ),
            )
            if allowed
        ]
        return context


class RoyaltyCreateView(CreateView):
    """ "Đề xuất nhuận bút" from the article editor arrives with ``?page=<id>``: start from it."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        page_id = self.request.GET.get("page", "")
        if page_id.isdigit() and Page.objects.filter(pk=page_id).exists():
            instance.page_id = int(page_id)
        return instance


class RoyaltyViewSet(SnippetViewSet):
    model = Royalty
    add_view_class = RoyaltyCreateView
    icon = "pick"
    menu_label = _("Nhuận bút tin bài")
    list_display = [
        "__str__",
        "coefficient",
        "work_date",
        "status",
        "amount",
        RoyaltyActionsColumn("actions", label=""),
    ]
    list_filter = ["status", "work_date"]
    search_fields = ["note"]

    edit_handler = ObjectList(Royalty.panels, base_form_class=RoyaltyForm)

    def get_queryset(self, request):
        return Royalty.objects.select_related("page", "genre", "reversed_by")


class RoyaltySchemeViewSet(SnippetViewSet):
    model = RoyaltyScheme
    icon = "doc-full"
    list_display = ["name", "valid_from", "unit_ratio", "site_multiplier"]


class BaseSalaryViewSet(SnippetViewSet):
    model = BaseSalary
    icon = "doc-full"
    list_display = ["valid_from", "amount", "legal_basis"]


class RoyaltyGroup(SnippetViewSetGroup):
    menu_label = _("Nhuận bút")
    menu_icon = "pick"
    items = (RoyaltyViewSet, RoyaltySchemeViewSet, BaseSalaryViewSet)


register_snippet(RoyaltyGroup)
