"""Royalties (nhuận bút): scheme, base salary, per-article records, rules, monthly report.

The amounts are computed by hand here (Decree 18/2014 applied by a provincial scheme: one unit
= 10 % of the base salary, the district site paid 20 % of the provincial rate).
"""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial import roles, royalties
from editorial.models import Genre, Royalty, RoyaltyScheme, RoyaltyShare, RoyaltyStatus

from . import factories as f

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def scheme():
    s = RoyaltyScheme.objects.create(
        name="Quy định nhuận bút Cổng TTĐT tỉnh (thử)",
        legal_basis="Quyết định số 12/2020/QĐ-UBND",
        valid_from=date(2020, 1, 1),
        unit_ratio=D("10"),
        site_multiplier=D("20"),
    )
    for order, (name, low, high) in enumerate(
        [
            ("Tin không ảnh", "1.0", "1.0"),
            ("Tin có ảnh", "1.5", "1.5"),
            ("Ảnh", "1.2", "1.5"),
            ("Bình luận", "2.5", "3.0"),
        ]
    ):
        Genre.objects.create(scheme=s, name=name, min_coefficient=D(low), max_coefficient=D(high), sort_order=order)
    return s


def genre(name):
    return Genre.objects.get(name=name)


@pytest.fixture
def users(db):
    return {"editor": f.member("btv", roles.EDITOR), "chief": f.member("tbbt", roles.CHIEF_EDITOR)}


def record(page, genre_name, coefficient, shares, **fields):
    r = Royalty(page=page, genre=genre(genre_name), coefficient=D(coefficient), **fields)
    r.full_clean()
    r.save()
    for order, (who, share) in enumerate(shares):
        RoyaltyShare.objects.create(royalty=r, contributor=who, share=D(share), sort_order=order)
    return r


def test_the_amounts_of_a_month_computed_by_hand(scheme, users):
    chief = users["chief"]
    november = [f.news(f"Tin {n}", published_on=date(2026, 11, n)) for n in (3, 10, 20)]
    a = record(november[0], "Tin có ảnh", "1.5", [("Nguyễn Văn A", "70"), ("Trần Thị B", "30")])
    b = record(november[1], "Bình luận", "2.75", [("Nguyễn Văn A", "100")])
    c = record(november[2], "Ảnh", "1.2", [("Nguyễn Văn A", "33.33"), ("Trần Thị B", "33.33"), ("Lê C", "33.33")])
    proposed_only = record(f.news(published_on=date(2026, 11, 25)), "Tin không ảnh", "1.0", [("Lê C", "100")])
    october = record(f.news(published_on=date(2026, 10, 31)), "Tin không ảnh", "1.0", [("Lê C", "100")])
    for r in (a, b, c, october):
        royalties.approve(r, chief)

    # unit = 10 % × 2,340,000 = 234,000 đ; the district pays 20 %.
    # a: 1.5 × 234,000 × 20 % = 70,200 → A 70 % = 49,140; B 30 % = 21,060
    # b: 2.75 × 234,000 × 20 % = 128,700 → A 128,700
    # c: 1.2 × 234,000 × 20 % = 56,160 → 33.33 % each = 18,718.128 → 18,718 (×3 = 56,154)
    a.refresh_from_db()
    assert (a.unit_value, a.amount) == (D("234000"), D("70200"))
    assert [s.amount for s in a.shares.all()] == [D("49140"), D("21060")]
    report = royalties.monthly_report(2026, 11)
    per_person = {p.contributor: (p.articles, p.total) for p in report.contributors}
    assert per_person == {
        "Lê C": (1, D("18718")),
        "Nguyễn Văn A": (3, D("49140") + D("128700") + D("18718")),
        "Trần Thị B": (2, D("21060") + D("18718")),
    }
    assert report.total == D("70200") + D("128700") + D("56154") == D("255054")
    assert proposed_only.status == RoyaltyStatus.PROPOSED  # not in the report until approved
    assert [p.contributor for p in report.contributors] == ["Lê C", "Nguyễn Văn A", "Trần Thị B"]


def test_the_base_salary_and_scheme_in_force_on_the_articles_date(scheme, users):
    page = f.news(published_on=date(2023, 8, 15))  # base salary 1,800,000 from 01/07/2023
    r = record(page, "Tin không ảnh", "1.0", [("A", "100")])
    royalties.approve(r, users["chief"])
    r.refresh_from_db()
    assert r.work_date == date(2023, 8, 15)
    assert r.amount == D("36000")  # 1.0 × 180,000 × 20 %
    older = f.news(published_on=date(2019, 12, 31))  # before the scheme
    with pytest.raises(ValidationError) as error:
        record(older, "Tin không ảnh", "1.0", [("A", "100")])
    assert "work_date" in error.value.message_dict


@pytest.mark.parametrize("coefficient", ["1.1", "3.5", "2.49"])
def test_a_coefficient_outside_the_genres_range_is_refused(scheme, coefficient):
    genre_name = "Bình luận" if coefficient != "1.1" else "Tin không ảnh"
    with pytest.raises(ValidationError) as error:
        record(f.news(published_on=date(2026, 11, 2)), genre_name, coefficient, [])
    assert "coefficient" in error.value.message_dict
    assert not Royalty.objects.exists()


def test_a_genre_of_another_scheme_is_refused(scheme):
    newer = RoyaltyScheme.objects.create(name="Quy định mới", legal_basis="QĐ 2026", valid_from=date(2026, 1, 1))
    Genre.objects.create(scheme=newer, name="Tin", min_coefficient=1, max_coefficient=1)
    with pytest.raises(ValidationError) as error:
        record(f.news(published_on=date(2026, 11, 2)), "Tin không ảnh", "1.0", [])  # the 2020 scheme's genre
    assert "genre" in error.value.message_dict


def test_shares_over_100_percent_are_refused(scheme, users):
    r = record(f.news(published_on=date(2026, 11, 2)), "Tin có ảnh", "1.5", [("A", "60"), ("B", "50")])
    with pytest.raises(ValidationError, match="110"):
        royalties.approve(r, users["chief"])
    r.refresh_from_db()
    assert r.status == RoyaltyStatus.PROPOSED and r.amount is None


def test_an_approved_record_cannot_be_edited_or_deleted_only_reversed(scheme, users):
    chief = users["chief"]
    r = royalties.approve(record(f.news(published_on=date(2026, 11, 2)), "Bình luận", "3.0", [("A", "100")]), chief)
    r.coefficient = D("2.5")
    with pytest.raises(ValidationError):
        r.save()
    r.refresh_from_db()
    r.note = "sửa"
    with pytest.raises(ValidationError):
        r.save()
    with pytest.raises(ValidationError):
        Royalty.objects.get(pk=r.pk).delete()
    with pytest.raises(ValidationError):  # status moves only through the service
        Royalty.objects.filter(pk=r.pk).first().__class__(pk=r.pk, status="paid").save()

    reversal = royalties.reverse(r, chief, "Sai thể loại")
    assert reversal.amount == -r.amount and reversal.reverses_id == r.pk
    assert royalties.monthly_report(2026, 11).total == 0
    with pytest.raises(ValidationError):
        royalties.reverse(r, chief, "lần nữa")
    with pytest.raises(ValidationError):
        royalties.reverse(reversal, chief, "hủy bản hủy")
    corrected = royalties.approve(record(r.page, "Bình luận", "2.5", [("A", "100")]), chief)
    assert royalties.monthly_report(2026, 11).total == corrected.amount == D("117000")

    paid = royalties.mark_paid(corrected, chief)
    assert paid.status == RoyaltyStatus.PAID and paid.paid_at
    with pytest.raises(ValidationError):
        royalties.mark_paid(paid, chief)


def test_only_the_chief_editor_approves(scheme, users):
    r = record(f.news(published_on=date(2026, 11, 2)), "Tin không ảnh", "1.0", [("A", "100")])
    with pytest.raises(PermissionDenied):
        royalties.approve(r, users["editor"])
    assert Royalty.objects.get(pk=r.pk).status == RoyaltyStatus.PROPOSED


def royalty_form(page, genre_name, coefficient, shares, note=""):
    return nested_form_data(
        {
            "page": page.pk,
            "genre": genre(genre_name).pk,
            "coefficient": coefficient,
            "work_date": "",
            "note": note,
            "shares": inline_formset([{"contributor": who, "role": "", "share": share} for who, share in shares]),
        }
    )


def test_editors_propose_in_the_admin_and_the_rules_apply_there(client, scheme, users):
    page = f.news(published_on=date(2026, 11, 5))
    client.force_login(users["editor"])
    add = reverse("wagtailsnippets_editorial_royalty:add")
    over = client.post(add, royalty_form(page, "Tin có ảnh", "1.5", [("A", "80"), ("B", "30")]))
    assert over.status_code == 200 and "vượt quá 100%" in over.content.decode()
    out_of_range = client.post(add, royalty_form(page, "Tin có ảnh", "2.0", [("A", "100")]))
    assert out_of_range.status_code == 200 and "phải từ 1,5 đến 1,5" in out_of_range.content.decode()
    assert not Royalty.objects.exists()

    ok = client.post(add, royalty_form(page, "Tin có ảnh", "1.5", [("A", "70"), ("B", "30")]))
    assert ok.status_code == 302
    r = Royalty.objects.get()
    assert r.status == RoyaltyStatus.PROPOSED and r.created_by == users["editor"] and r.work_date == date(2026, 11, 5)

    # the editor cannot approve; the chief can, through the action page
    action = reverse("editorial_royalty_action", args=(r.pk, "approve"))
    assert client.post(action).status_code in (302, 403)
    assert Royalty.objects.get().status == RoyaltyStatus.PROPOSED
    client.force_login(users["chief"])
    assert client.get(action).status_code == 200
    assert client.post(action).status_code == 302
    assert Royalty.objects.get().status == RoyaltyStatus.APPROVED

    # an approved record's edit form refuses any change
    edit = reverse("wagtailsnippets_editorial_royalty:edit", args=(r.pk,))
    response = client.post(edit, royalty_form(page, "Tin có ảnh", "1.5", [("A", "100")], note="sửa"))
    assert response.status_code == 200 and "không thể sửa" in response.content.decode()
    assert [s.share for s in Royalty.objects.get().shares.all()] == [D("70"), D("30")]

    reverse_url = reverse("editorial_royalty_action", args=(r.pk, "reverse"))
    assert client.post(reverse_url, {"reason": ""}).status_code == 400
    assert client.post(reverse_url, {"reason": "Tin bị gỡ"}).status_code == 302
    assert Royalty.objects.filter(reverses=r).exists()


def test_the_monthly_report_page_and_its_exports(client, scheme, users):
    r = record(
        f.news("Hội nghị tổng kết", published_on=date(2026, 11, 5)), "Tin có ảnh", "1.5", [("Phạm Thị Hòa", "100")]
    )
    royalties.approve(r, users["chief"])
    client.force_login(users["chief"])
    url = reverse("editorial_royalty_report")
    page = client.get(url, {"month": "11/2026"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Phạm Thị Hòa" in html and "70.200" in html
    assert client.get(url, {"month": "13/2026"}).status_code == 400

    rows = list(
        csv.reader(io.StringIO(client.get(url, {"month": "11/2026", "export": "csv"}).content.decode("utf-8-sig")))
    )
    assert rows[0][0] == "Người hưởng" and rows[1][:2] == ["Phạm Thị Hòa", "Hội nghị tổng kết"]
    assert rows[-1][0] == "Tổng cộng" and rows[-1][5] == "70200"
    book = load_workbook(io.BytesIO(client.get(url, {"month": "11/2026", "export": "xlsx"}).content))
    sheet = book.active
    assert sheet.cell(row=3, column=1).value == "Phạm Thị Hòa" and sheet.cell(row=3, column=6).value == 70200
    assert sheet.cell(row=sheet.max_row, column=6).value == 70200


def test_the_article_editor_shows_its_royalties_and_proposes_one(client, scheme, users):
    page = f.news("Tin có nhuận bút", published_on=date(2026, 11, 6))
    royalties.approve(record(page, "Tin có ảnh", "1.5", [("Đỗ Văn D", "100")]), users["chief"])
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "Nhuận bút" in html and "Đỗ Văn D (100" in html and "70.200" in html
    add_url = f"{reverse('wagtailsnippets_editorial_royalty:add')}?page={page.pk}"
    assert add_url in html
    form = client.get(add_url).context["form"]
    assert form.initial.get("page") == page.pk or form.instance.page_id == page.pk


def test_the_exports_hold_no_formula_from_content(client, scheme, users):
    """Formula injection (issue 22): a byline or a title beginning with "=", "+", "-" or "@" is
    written as text — an apostrophe before it in the CSV, a text cell with a quote prefix in the
    XLSX — and no cell of the workbook is a formula."""
    r = record(
        f.news("+84 tỉnh thành dự hội nghị", published_on=date(2026, 11, 5)),
        "Tin có ảnh",
        "1.5",
        [('=HYPERLINK("http://x.example/","Bấm")', "60"), ("@Phạm Thị Hòa", "40")],
    )
    royalties.approve(r, users["chief"])
    client.force_login(users["chief"])
    url = reverse("editorial_royalty_report")

    text = client.get(url, {"month": "11/2026", "export": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    cells = {cell for row in rows for cell in row}
    assert '\'=HYPERLINK("http://x.example/","Bấm")' in cells and "'@Phạm Thị Hòa" in cells
    assert "'+84 tỉnh thành dự hội nghị" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert rows[-1][5] == "70200"  # the amounts are still numbers

    book = load_workbook(io.BytesIO(client.get(url, {"month": "11/2026", "export": "xlsx"}).content))
    sheet = book.active
    written = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in written if cell.data_type == "f"]
    risky = [cell for cell in written if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "@"))]
    assert {cell.value for cell in risky} == {
        '=HYPERLINK("http://x.example/","Bấm")',
        "@Phạm Thị Hòa",
        "+84 tỉnh thành dự hội nghị",
    }
    assert all(cell.quotePrefix and cell.data_type == "s" for cell in risky)
    assert sheet.cell(row=sheet.max_row, column=6).value == 70200
