from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import ActivityReportView


@hooks.register("register_admin_urls")
def report_urls():
    return [path("reports/activity/", ActivityReportView.as_view(), name="editorial_activity_report")]


@hooks.register("register_reports_menu_item")
def activity_report_menu_item():
    return MenuItem(_("Báo cáo hoạt động"), reverse("editorial_activity_report"), icon_name="table", order=50)
