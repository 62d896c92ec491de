"""Admin views of the editorial board: royalties (thin: the figures come from ``editorial.royalties``)."""

from django import forms
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ReverseForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
