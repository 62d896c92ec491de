"""The activity report's admin view (thin: the figures come from ``reports.activity``)."""

from datetime import date

from django import forms
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from directives.admin_views import stacked_bars, status_legend

from .activity import Tally, activity_report, report_workbook

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PeriodForm(forms.Form):
    date_from = forms.DateField(label=_("Từ ngày"), input_formats=DATE_FORMATS, required=False)
    date_to = forms.DateField(label=_("Đến ngày"), input_formats=DATE_FORMATS, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        return data


def bars(tally: Tally) -> list[dict]:
    """Rows of a horizontal bar chart: label, count and width in % of the largest."""
    top = max((n for _, n in tally.rows), default=0)
    if not top:
        return []  # nothing to draw: the template says there are no figures
    return [{"label": label, "count": n, "width": round(100 * n / top, 1) if top else 0} for label, n in tally.rows]


class ActivityReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/activity_report.html"
    page_title = _("Báo cáo hoạt động")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        params = request.GET.copy()
        params.pop("export", None)
        form = PeriodForm(params or None)
        if form.is_bound and not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data if form.is_bound else {}
        start = data.get("date_from") or date(today.year, 1, 1)  # default: this year
        end = data.get("date_to") or today
        if not form.is_bound:
            form = PeriodForm(initial={"date_from": f"{start:%d/%m/%Y}", "date_to": f"{end:%d/%m/%Y}"})
        report = activity_report(start, end, today)
        if request.GET.get("export") == "xlsx":
            response = HttpResponse(report_workbook(report), content_type=XLSX)
            name = f"bao-cao-hoat-dong_{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        context = self.get_context_data(
            form=form,
            report=report,
            charts=[
                (_("Tin bài theo chuyên mục"), bars(report.news_by_category)),
                (_("Văn bản theo loại"), bars(report.legal_documents_by_type)),
                (_("Ý kiến chỉ đạo theo hình thức"), bars(report.directives_by_kind)),
                (_("Nhiệm vụ theo trạng thái"), bars(report.tasks_by_status)),
            ],
            authors=report.news_by_author.rows,
            units=stacked_bars(report.tasks.units),
            legend=status_legend(),
            export_url=f"{reverse('editorial_activity_report')}?date_from={start:%d/%m/%Y}"
            f"&date_to={end:%d/%m/%Y}&export=xlsx",
        )
        return self.render_to_response(context)
