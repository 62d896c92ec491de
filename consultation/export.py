"""The comments of a draft as an Excel workbook (XLSX, openpyxl), for the drafting unit.

Two sheets: "Tổng hợp" (the draft, its period, the number of comments per status) and "Góp ý"
(date, name, organisation, content, status; email and phone only when ``include_contact`` — the
caller checks ``consultation.view_commenter_contact``).

Spreadsheet formula injection: citizens write the text, and a cell whose text begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return would be read by a spreadsheet as a formula. Every
text cell is therefore written as a string cell (``data_type = "s"``): the text is kept exactly as
written and never evaluated (``text_cell``).
"""

import io
from datetime import date, datetime

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from portal.spreadsheets import xlsx_text

from .comments import status_counts
from .models import CommentStatus, DraftComment, DraftPage
from .status import DraftStatus

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment).replace(tzinfo=None)  # Excel has no time zones


def comments_workbook(draft: DraftPage, include_contact: bool, today: date | None = None) -> Workbook:
    today = today or timezone.localdate()
    book = Workbook()
    summary = book.active
    summary.title = "Tổng hợp"
    counts = status_counts(draft)
    rows = [
        ("Dự thảo", draft.title),
        ("Trích yếu", draft.summary),
        ("Cơ quan chủ trì soạn thảo", draft.drafting_unit.name),
        ("Ngày bắt đầu lấy ý kiến", draft.opens_on),
        ("Ngày kết thúc lấy ý kiến", draft.closes_on),
        ("Tình trạng", str(DraftStatus(draft.status_on(today)).label)),
        ("Tổng số góp ý", sum(counts.values())),
        *((f"Số góp ý {str(label).lower()}", counts[code]) for code, label in CommentStatus.choices),
        ("Ngày xuất", today),
    ]
    for row_number, (label, value) in enumerate(rows, start=1):
        xlsx_text(summary.cell(row_number, 1), label)
        xlsx_text(summary.cell(row_number, 2), value)
        summary.cell(row_number, 1).font = Font(bold=True)
        if isinstance(value, date):
            summary.cell(row_number, 2).number_format = "DD/MM/YYYY"
    summary.column_dimensions["A"].width = 30
    summary.column_dimensions["B"].width = 80

    sheet = book.create_sheet("Góp ý")
    headers = ["Ngày gửi", "Họ và tên", "Cơ quan, tổ chức"]
    if include_contact:
        headers += ["Thư điện tử", "Điện thoại"]
    headers += ["Nội dung góp ý", "Tình trạng"]
    for column, header in enumerate(headers, start=1):
        xlsx_text(sheet.cell(1, column), header)
        sheet.cell(1, column).font = Font(bold=True)
    labels = dict(CommentStatus.choices)
    comments = DraftComment.objects.filter(draft=draft).order_by("submitted_at", "pk")
    for row_number, comment in enumerate(comments, start=2):
        values = [_local(comment.submitted_at), comment.name, comment.organisation]
        if include_contact:
            values += [comment.email, comment.phone]
        values += [comment.content, str(labels.get(comment.status, comment.status))]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row_number, column)
            xlsx_text(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row_number, 1).number_format = "DD/MM/YYYY HH:MM"
    widths = {"Ngày gửi": 17, "Nội dung góp ý": 80, "Tình trạng": 14}
    for column, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(header, 24)
    sheet.freeze_panes = "A2"
    return book


def comments_xlsx(draft: DraftPage, include_contact: bool, today: date | None = None) -> bytes:
    buffer = io.BytesIO()
    comments_workbook(draft, include_contact, today).save(buffer)
    return buffer.getvalue()


def export_filename(draft: DraftPage, today: date) -> str:
    return f"gop-y-{draft.slug}-{today:%Y%m%d}.xlsx"
