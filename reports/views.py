"""The activity report's admin view (thin: the figures come from ``reports.activity``).

Every section is drawn the same way, whatever app registered it: its summary rows, then each
table as bars, stacked bars or a plain table (``portal.reporting.ReportTable.chart``)."""

from datetime import date

from django import forms
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.reporting import Cell, ReportSection, ReportTable

from .activity import activity_report, report_workbook

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


def display(value: Cell, percent: bool = False):
    """A cell as the page shows it: a fraction as a whole percentage, nothing as a dash."""
    if value is None:
        return "—"
    if percent and isinstance(value, int | float):
        return f"{round(100 * value)}%"
    return value


def bars(table: ReportTable) -> list[dict]:
    """Rows of a horizontal bar chart: label, count (second column) and width in % of the largest."""
    top = max((row[1] or 0 for row in table.rows), default=0)
    if not top:
        return []  # nothing to draw: the template says there are no figures
    return [{"label": row[0], "count": row[1] or 0, "width": round(100 * (row[1] or 0) / top, 1)} for row in table.rows]


def stacked_bars(table: ReportTable) -> list[dict]:
    """Rows of stacked bars: per label, a segment per legend entry (the counts in the columns
    after the label) with x offset and width in % of the largest total, and the remaining cells."""
    n = len(table.legend)
    totals = [sum(c or 0 for c in row[1 : 1 + n]) for row in table.rows]
    top = max(totals, default=0)
    if not top:
        return []
    drawn = []
    for row in table.rows:
        x, segments = 0.0, []
        for (label, colour), count in zip(table.legend, row[1 : 1 + n], strict=True):
            if count:
                width = 100 * count / top
                segments.append({"x": round(x, 2), "width": round(width, 2), "count": count, "colour": colour,
                                 "label": label})  # fmt: skip
                x += width
        rest = [display(c, 1 + n + i in table.percent_columns) for i, c in enumerate(row[1 + n :])]
        drawn.append({"label": display(row[0]), "segments": segments, "cells": rest})
    return drawn


def drawn_table(table: ReportTable) -> dict:
    """What the template needs to draw ``table``: its kind and rows ready to show (empty: nothing
    to draw, the template shows ``empty``)."""
    if table.chart == "bars":
        rows = bars(table)
    elif table.chart == "stacked":
        rows = stacked_bars(table)
    else:
        rows = [[display(c, i in table.percent_columns) for i, c in enumerate(row)] for row in table.rows]
    return {
        "table": table,
        "kind": table.chart or "table",
        "rows": rows,
        "after_legend": table.columns[1 + len(table.legend) :],
        "empty": table.empty or _("Không có số liệu trong khoảng thời gian này."),
    }


def drawn_sections(sections: list[ReportSection]) -> list[dict]:
    return [{"section": s, "tables": [drawn_table(t) for t in s.tables]} for s in sections]


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
            sections=drawn_sections(report.sections),
            export_url=f"{reverse('editorial_activity_report')}?date_from={start:%d/%m/%Y}"
            f"&date_to={end:%d/%m/%Y}&export=xlsx",
        )
        return self.render_to_response(context)
