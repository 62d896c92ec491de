"""Admin views of the editorial board (thin: the figures come from ``editorial.reports``)."""

from datetime import date

from django import forms
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from directives.admin_views import stacked_bars, status_legend

from .forms import ReverseForm
from .reports import Tally, activity_report, report_workbook

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
    template_name = "editorial/activity_report.html"
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


# --- royalties ---------------------------------------------------------------------------------

ROYALTY_ACTIONS = {
    "approve": (_("Duyệt nhuận bút"), "editorial.approve_royalty"),
    "pay": (_("Xác nhận đã chi trả"), "editorial.pay_royalty"),
    "reverse": (_("Lập bản ghi hủy"), "editorial.approve_royalty"),
}


class RoyaltyActionView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET) and carry out (POST) approve / pay / reverse on one royalty record."""

    template_name = "editorial/royalty_action.html"
    header_icon = "tick"

    def dispatch(self, request, pk, action):
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import get_object_or_404

        from .models import Royalty

        if action not in ROYALTY_ACTIONS:
            raise Http404
        self.action = action
        self.page_title, permission = ROYALTY_ACTIONS[action]
        if not request.user.has_perm(permission):
            raise PermissionDenied
        self.record = get_object_or_404(Royalty.objects.select_related("page", "genre"), pk=pk)
        return super().dispatch(request, pk=pk, action=action)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_editorial_royalty:list"), "label": _("Nhuận bút")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, action=self.action, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ReverseForm() if self.action == "reverse" else None))

    def post(self, request, *args, **kwargs):
        from django.contrib import messages
        from django.core.exceptions import ValidationError
        from django.shortcuts import redirect

        from . import royalties

        form = ReverseForm(request.POST) if self.action == "reverse" else None
        if form is not None and not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            if self.action == "approve":
                royalties.approve(self.record, request.user)
            elif self.action == "pay":
                royalties.mark_paid(self.record, request.user)
            else:
                royalties.reverse(self.record, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(form=form, errors=error.messages), status=400)
        messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": self.page_title})
        return redirect("wagtailsnippets_editorial_royalty:list")


class MonthForm(forms.Form):
    month = forms.DateField(label=_("Tháng"), input_formats=["%m/%Y", "%Y-%m"], required=False)


class RoyaltyReportView(WagtailAdminTemplateMixin, TemplateView):
    """Monthly royalties per contributor, with CSV and XLSX export."""

    template_name = "editorial/royalty_report.html"
    page_title = _("Bảng kê nhuận bút")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        from .royalties import monthly_report, report_csv, report_xlsx

        today = timezone.localdate()
        form = MonthForm({"month": request.GET["month"]} if request.GET.get("month") else None)
        if form.is_bound and not form.is_valid():
            form.add_error("month", _("Nhập tháng dạng mm/yyyy, ví dụ 11/2026."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        month = form.cleaned_data["month"] if form.is_bound else today.replace(day=1)
        report = monthly_report(month.year, month.month)
        name = f"nhuan-but_{month:%Y-%m}"
        export = request.GET.get("export")
        if export == "xlsx":
            response = HttpResponse(report_xlsx(report), content_type=XLSX)
            response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
            return response
        if export == "csv":
            response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
            return response
        base = f"{reverse('editorial_royalty_report')}?month={month:%m/%Y}"
        context = self.get_context_data(
            form=MonthForm(initial={"month": f"{month:%m/%Y}"}),
            report=report,
            month=month,
            xlsx_url=f"{base}&export=xlsx",
            csv_url=f"{base}&export=csv",
        )
        return self.render_to_response(context)
