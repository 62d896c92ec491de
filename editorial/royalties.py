"""Royalty arithmetic, rules and the monthly report (editorial/models.py; docs/royalties.md).

Amount of an article = coefficient × unit value × site multiplier, where the unit value is the
scheme's unit ratio (10 %) of the base salary in force on the article's date. Each contributor
gets their share of it, **rounded to the đồng, half up** (ROUND_HALF_UP); the record's amount is
the sum of the rounded shares (shares may sum to less than 100 %: the rest is not paid out).
Everything is ``Decimal``.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.spreadsheets import inert_text, xlsx_text
from portal.text import fold

from .models import BaseSalary, Royalty, RoyaltyScheme, RoyaltyShare, RoyaltyStatus

HUNDRED = Decimal("100")
DONG = Decimal("1")
ROUNDING = ROUND_HALF_UP
#: Fields of a record that never change once it is approved.
FROZEN_FIELDS = ("page_id", "genre_id", "coefficient", "work_date", "reverses_id", "unit_value", "amount")


def scheme_on(day: date) -> RoyaltyScheme | None:
    return RoyaltyScheme.objects.filter(valid_from__lte=day).order_by("-valid_from").first()


def base_salary_on(day: date) -> BaseSalary | None:
    return BaseSalary.objects.filter(valid_from__lte=day).order_by("-valid_from").first()


def work_date_of(page) -> date:
    """The article's date: its publication date field, else when it first went live, else today."""
    specific = page.specific
    day = getattr(specific, "published_on", None)
    if day:
        return day
    if page.first_published_at:
        return timezone.localdate(page.first_published_at)
    return timezone.localdate()


def unit_value(scheme: RoyaltyScheme, salary: BaseSalary) -> Decimal:
    return salary.amount * scheme.unit_ratio / HUNDRED


def share_amount(article_amount: Decimal, share: Decimal) -> Decimal:
    return (article_amount * share / HUNDRED).quantize(DONG, rounding=ROUNDING)


@dataclass
class Computation:
    unit_value: Decimal
    site_multiplier: Decimal
    article_amount: Decimal
    share_amounts: list[Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.share_amounts, Decimal(0))


def compute(record: Royalty, shares: list[Decimal]) -> Computation:
    """The amounts of ``record`` with the given share percentages (not saved)."""
    scheme = scheme_on(record.work_date)
    salary = base_salary_on(record.work_date)
    if scheme is None or salary is None:
        raise ValidationError(
            _("Chưa có quy định nhuận bút hoặc mức lương cơ sở áp dụng cho ngày %(day)s.")
            % {"day": f"{record.work_date:%d/%m/%Y}"}
        )
    value = unit_value(scheme, salary)
    article = record.coefficient * value * scheme.site_multiplier / HUNDRED
    return Computation(value, scheme.site_multiplier, article, [share_amount(article, s) for s in shares])


def check_shares(shares: list[Decimal]) -> None:
    if not shares:
        raise ValidationError(_("Cần ít nhất một người hưởng nhuận bút."))
    if any(s is None or s <= 0 or s > HUNDRED for s in shares):
        raise ValidationError(_("Tỷ lệ hưởng của mỗi người phải lớn hơn 0% và không quá 100%."))
    total = sum(shares, Decimal(0))
    if total > HUNDRED:
        raise ValidationError(
            _("Tổng tỷ lệ hưởng là %(total)s%%, vượt quá 100%%.") % {"total": f"{total:g}".replace(".", ",")}
        )


def check_record(record: Royalty) -> None:
    """The rules of one record (without its shares): a scheme in force, the genre of that scheme,
    the coefficient within the genre's range."""
    if record.page_id and not record.work_date:
        record.work_date = work_date_of(record.page)
    if not record.work_date or not record.genre_id or record.coefficient is None:
        return  # the form reports the missing fields
    scheme = scheme_on(record.work_date)
    if scheme is None:
        raise ValidationError({"work_date": _("Chưa có quy định nhuận bút áp dụng cho ngày này.")})
    if base_salary_on(record.work_date) is None:
        raise ValidationError({"work_date": _("Chưa có mức lương cơ sở áp dụng cho ngày này.")})
    genre = record.genre
    if genre.scheme_id != scheme.pk:
        raise ValidationError(
            {"genre": _("Thể loại này không thuộc quy định đang áp dụng (%(scheme)s).") % {"scheme": scheme.name}}
        )
    if not genre.min_coefficient <= record.coefficient <= genre.max_coefficient:
        raise ValidationError(
            {
                "coefficient": _("Hệ số của thể loại “%(genre)s” phải từ %(low)s đến %(high)s.")
                % {"genre": genre.name, "low": _num(genre.min_coefficient), "high": _num(genre.max_coefficient)}
            }
        )


def _num(value: Decimal) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def guard_frozen(record: Royalty) -> None:
    """Refuse any change to an approved or paid record but approved → paid, and any status
    change that does not go through ``approve``/``mark_paid``/``reverse``."""
    through_service = getattr(record, "_through_service", False)
    if record.pk is None:
        if record.status != RoyaltyStatus.PROPOSED and not through_service:
            raise ValidationError(_("Bản ghi mới phải ở trạng thái đề xuất."))
        return
    stored = Royalty.objects.filter(pk=record.pk).values(*FROZEN_FIELDS, "status", "note").first()
    if stored is None:
        return
    if stored["status"] == RoyaltyStatus.PROPOSED:
        if record.status != RoyaltyStatus.PROPOSED and not through_service:
            raise ValidationError(_("Chỉ duyệt nhuận bút bằng thao tác “Duyệt”."))
        return
    changed = [name for name in (*FROZEN_FIELDS, "note") if getattr(record, name) != stored[name]]
    moving_to_paid = stored["status"] == RoyaltyStatus.APPROVED and record.status == RoyaltyStatus.PAID
    if changed or not (record.status == stored["status"] or (moving_to_paid and through_service)):
        raise ValidationError(_("Nhuận bút đã duyệt không thể sửa; hãy lập bản ghi hủy rồi đề xuất lại."))


def _require(user, permission: str) -> None:
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


@transaction.atomic
def approve(record: Royalty, user) -> Royalty:
    """Check the record and its shares, freeze the amounts, mark it approved."""
    _require(user, "editorial.approve_royalty")
    record = Royalty.objects.select_for_update().get(pk=record.pk)
    if record.status != RoyaltyStatus.PROPOSED:
        raise ValidationError(_("Chỉ duyệt được bản ghi đang đề xuất."))
    check_record(record)
    shares = list(record.shares.all())
    check_shares([s.share for s in shares])
    computed = compute(record, [s.share for s in shares])
    for share, amount in zip(shares, computed.share_amounts, strict=True):
        RoyaltyShare.objects.filter(pk=share.pk).update(amount=amount)
    record.unit_value = computed.unit_value
    record.site_multiplier = computed.site_multiplier
    record.amount = computed.total
    record.status = RoyaltyStatus.APPROVED
    record.approved_at = timezone.now()
    record.approved_by = user
    record._through_service = True
    record.save()
    return record


@transaction.atomic
def mark_paid(record: Royalty, user) -> Royalty:
    _require(user, "editorial.pay_royalty")
    record = Royalty.objects.select_for_update().get(pk=record.pk)
    if record.status != RoyaltyStatus.APPROVED:
        raise ValidationError(_("Chỉ xác nhận chi trả cho bản ghi đã duyệt."))
    record.status = RoyaltyStatus.PAID
    record.paid_at = timezone.now()
    record._through_service = True
    record.save()
    return record


@transaction.atomic
def reverse(record: Royalty, user, reason: str) -> Royalty:
    """A new approved record with the negated amounts of ``record`` (which stays as it was)."""
    _require(user, "editorial.approve_royalty")
    record = Royalty.objects.select_for_update().get(pk=record.pk)
    if record.status == RoyaltyStatus.PROPOSED:
        raise ValidationError(_("Bản ghi đang đề xuất thì sửa trực tiếp, không cần lập bản ghi hủy."))
    if record.reverses_id:
        raise ValidationError(_("Không thể hủy một bản ghi hủy."))
    if Royalty.objects.filter(reverses=record).exists():
        raise ValidationError(_("Bản ghi này đã được hủy."))
    if not (reason or "").strip():
        raise ValidationError(_("Hãy ghi lý do hủy."))
    reversal = Royalty(
        page_id=record.page_id,
        genre_id=record.genre_id,
        coefficient=record.coefficient,
        work_date=record.work_date,
        note=reason.strip(),
        reverses=record,
        status=RoyaltyStatus.APPROVED,
        unit_value=record.unit_value,
        site_multiplier=record.site_multiplier,
        amount=-record.amount,
        created_by=user,
        approved_at=timezone.now(),
        approved_by=user,
    )
    reversal._through_service = True
    reversal.save()
    RoyaltyShare.objects.bulk_create(
        RoyaltyShare(
            royalty=reversal,
            contributor=s.contributor,
            role=s.role,
            share=s.share,
            amount=-s.amount,
            sort_order=s.sort_order,
        )
        for s in record.shares.all()
    )
    return reversal


# --- monthly report ------------------------------------------------------------------------------


@dataclass
class ReportLine:
    title: str
    genre: str
    coefficient: Decimal
    share: Decimal
    amount: Decimal
    status: str
    reversal: bool


@dataclass
class ContributorLine:
    contributor: str
    lines: list[ReportLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def articles(self) -> int:
        return len({line.title for line in self.lines if not line.reversal})


@dataclass
class MonthlyReport:
    year: int
    month: int
    contributors: list[ContributorLine]

    @property
    def total(self) -> Decimal:
        return sum((c.total for c in self.contributors), Decimal(0))


def monthly_report(year: int, month: int) -> MonthlyReport:
    """Approved and paid royalties (reversals included, negative) of articles dated in the month,
    per contributor. Two queries."""
    shares = (
        RoyaltyShare.objects.filter(
            royalty__work_date__year=year,
            royalty__work_date__month=month,
            royalty__status__in=[RoyaltyStatus.APPROVED, RoyaltyStatus.PAID],
        )
        .select_related("royalty__page", "royalty__genre")
        .order_by("royalty__work_date", "royalty__pk", "sort_order")
    )
    labels = dict(RoyaltyStatus.choices)
    people: dict[str, ContributorLine] = defaultdict(lambda: ContributorLine(""))
    for share in shares:
        royalty = share.royalty
        key = " ".join(share.contributor.split())
        person = people[key]
        person.contributor = key
        person.lines.append(
            ReportLine(
                title=royalty.page.title,
                genre=royalty.genre.name,
                coefficient=royalty.coefficient,
                share=share.share,
                amount=share.amount,
                status=str(labels[royalty.status]),
                reversal=bool(royalty.reverses_id),
            )
        )
    ordered = sorted(people.values(), key=lambda p: (fold(p.contributor), p.contributor))
    return MonthlyReport(year, month, ordered)


def report_rows(report: MonthlyReport) -> list[list]:
    """The report as table rows (header first) for CSV and XLSX."""
    rows = [
        [
            _("Người hưởng"),
            _("Tin bài"),
            _("Thể loại"),
            _("Hệ số"),
            _("Tỷ lệ hưởng (%)"),
            _("Số tiền (đồng)"),
            _("Trạng thái"),
        ]
    ]
    for person in report.contributors:
        for line in person.lines:
            title = (_("Hủy: ") + line.title) if line.reversal else line.title
            rows.append([person.contributor, title, line.genre, line.coefficient, line.share, line.amount, line.status])
        rows.append(
            [person.contributor, _("Cộng (%(n)s tin bài)") % {"n": person.articles}, "", "", "", person.total, ""]
        )
    rows.append([_("Tổng cộng"), "", "", "", "", report.total, ""])
    return rows


def report_csv(report: MonthlyReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in report_rows(report):
        writer.writerow(
            ["" if v is None else (f"{v:f}" if isinstance(v, Decimal) else inert_text(str(v))) for v in row]
        )
    return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 CSV with Vietnamese correctly


def _csv_field(value) -> str:
    if value is None:
        return ""
    return f"{value:f}" if isinstance(value, Decimal) else inert_text(str(value))


def _cell(value):
    """Decimals as numbers a spreadsheet can add up: whole amounts as int, coefficients as float;
    any other value (lazy translations too) as its text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value if value is None or isinstance(value, int | float) else str(value)


def report_xlsx(report: MonthlyReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"{report.month:02d}-{report.year}"
    xlsx_text(
        sheet.cell(1, 1),
        str(_("Bảng kê nhuận bút tháng %(month)s/%(year)s") % {"month": f"{report.month:02d}", "year": report.year}),
    )
    for row_number, row in enumerate(report_rows(report), start=2):
        for column, value in enumerate(row, start=1):
            xlsx_text(sheet.cell(row_number, column), _cell(value))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", (28, 50, 24, 8, 14, 16, 14), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3, min_col=6, max_col=6):
        for cell in row:
            cell.number_format = "#,##0"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
