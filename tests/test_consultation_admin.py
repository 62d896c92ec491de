"""Editors' side of comments on drafts: the "Góp ý dự thảo" listing (filters, newest first, pending
count), moderation one by one and in bulk, contact data only with
``consultation.view_commenter_contact``, and the XLSX export (formula injection guarded)."""

import io
import json
import zipfile
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry, PageLogEntry

from consultation.export import comments_workbook, comments_xlsx
from consultation.models import CommentStatus, DraftComment
from portal.spreadsheets import xlsx_text as text_cell
from tests import consultation_factories as cf

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/consultation/draftcomment/"
EMAIL, PHONE = "le.van.nam@example.vn", "0912 000 111"
TODAY = date(2026, 5, 20)


def moderator(username: str = "bientap", *, contact: bool = False):
    """A staff user who may moderate comments, and see their contact data when ``contact``."""
    user = get_user_model().objects.create_user(username=username, password="x", is_staff=True)  # noqa: S106
    group = Group.objects.create(name=f"Kiểm duyệt góp ý {username}")
    codenames = ["access_admin", "view_draftcomment", "change_draftcomment"]
    if contact:
        codenames.append("view_commenter_contact")
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


@pytest.fixture
def draft():
    return cf.draft("Dự thảo hỗ trợ bảo trì đường", opens_on=date(2026, 5, 1), closes_on=date(2026, 5, 31))


def test_the_listing_shows_comments_newest_first_with_filters_and_the_pending_count(client, draft):
    other = cf.draft("Dự thảo khác", opens_on=date(2026, 5, 1), closes_on=date(2026, 5, 31))
    older = cf.comment(draft, content="Góp ý gửi trước")
    newer = cf.comment(draft, content="Góp ý gửi sau")
    cf.comment(other, CommentStatus.APPROVED, content="Góp ý dự thảo khác")
    client.force_login(moderator())

    html = client.get(LIST_URL).content.decode()
    assert html.index("Góp ý gửi sau") < html.index("Góp ý gửi trước")
    assert "2 góp ý chờ duyệt" in html
    filtered = client.get(LIST_URL, {"draft": other.pk}).content.decode()
    assert "Góp ý dự thảo khác" in filtered and "Góp ý gửi sau" not in filtered
    assert reverse("consultation_export_comments", args=[other.pk]) in filtered
    pending = client.get(LIST_URL, {"status": "pending"}).content.decode()
    assert "Góp ý gửi sau" in pending and "Góp ý dự thảo khác" not in pending
    assert older.status == newer.status == CommentStatus.PENDING
    found = client.get(LIST_URL, {"q": "gửi trước"}).content.decode()
    assert "Góp ý gửi trước" in found and "Góp ý gửi sau" not in found

    menu = client.get("/admin/").content.decode()  # the sidebar comes as JSON (non-ASCII escaped)
    assert json.dumps("Góp ý dự thảo (2)")[1:-1] in menu


def test_contact_data_only_for_users_with_the_permission(client, draft):
    comment = cf.comment(draft, email=EMAIL, phone=PHONE)
    edit_url = f"{LIST_URL}edit/{comment.pk}/"

    client.force_login(moderator("khong-xem"))
    for url in (LIST_URL, edit_url):
        html = client.get(url).content.decode()
        assert comment.name in html, url
        assert EMAIL not in html and PHONE not in html, url

    assert not ModelLogEntry.objects.filter(action="consultation.view_contact").exists()

    allowed = moderator("duoc-xem", contact=True)
    client.force_login(allowed)
    html = client.get(LIST_URL).content.decode()
    assert comment.name in html and EMAIL not in html and PHONE not in html  # never in the list
    html = client.get(edit_url).content.decode()
    assert EMAIL in html and PHONE in html
    logged = ModelLogEntry.objects.get(action="consultation.view_contact")
    assert logged.user == allowed and logged.object_id == str(comment.pk)


def test_an_editor_moderates_one_comment_and_its_text_stays_as_written(client, draft):
    comment = cf.comment(draft, content="Nội dung gốc của người dân")
    user = moderator()
    client.force_login(user)
    response = client.post(
        f"{LIST_URL}edit/{comment.pk}/", {"status": "approved", "content": "Sửa nội dung", "name": "Tên khác"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert (comment.content, comment.moderated_by) == ("Nội dung gốc của người dân", user)
    assert comment.moderated_at is not None


def test_nobody_adds_a_comment_in_the_admin(admin_client):
    assert admin_client.get(f"{LIST_URL}add/").status_code in (302, 403)


@pytest.mark.parametrize("action, status", [("approve", "approved"), ("reject", "rejected"), ("spam", "spam")])
def test_bulk_actions_moderate_several_comments(client, draft, action, status):
    chosen = [cf.comment(draft), cf.comment(draft)]
    left = cf.comment(draft)
    user = moderator()
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["consultation", "draftcomment", action])
    query = "&".join(f"id={c.pk}" for c in chosen) + f"&next={LIST_URL}"
    confirm = client.get(f"{url}?{query}")
    assert confirm.status_code == 200
    assert chosen[0].name in confirm.content.decode()
    response = client.post(f"{url}?{query}")
    assert response.status_code == 302
    assert set(DraftComment.objects.filter(pk__in=[c.pk for c in chosen]).values_list("status", flat=True)) == {status}
    assert DraftComment.objects.get(pk=chosen[0].pk).moderated_by == user
    assert DraftComment.objects.get(pk=left.pk).status == CommentStatus.PENDING


def test_a_user_without_the_comment_permissions_cannot_moderate(client, draft):
    comment = cf.comment(draft)
    user = get_user_model().objects.create_user(username="phongvien", password="x", is_staff=True)  # noqa: S106
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["consultation", "draftcomment", "approve"])
    client.post(f"{url}?id={comment.pk}")
    assert DraftComment.objects.get().status == CommentStatus.PENDING
    assert client.get(reverse("consultation_export_comments", args=[draft.pk])).status_code in (302, 403)


# --- XLSX export ------------------------------------------------------------------------------


def _rows(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_export_has_a_summary_and_the_comments(draft):
    cf.comment(draft, CommentStatus.APPROVED, name="Lê Văn Nam", organisation="UBND xã Tân Lập", content="Đồng ý")
    cf.comment(draft, CommentStatus.PENDING)
    cf.comment(draft, CommentStatus.SPAM, content="Quảng cáo")
    book = load_workbook(io.BytesIO(comments_xlsx(draft, include_contact=False, today=TODAY)))
    assert book.sheetnames == ["Tổng hợp", "Góp ý"]
    summary = {row[0]: row[1] for row in _rows(book["Tổng hợp"])}
    assert summary["Dự thảo"] == "Dự thảo hỗ trợ bảo trì đường"
    assert summary["Cơ quan chủ trì soạn thảo"] == "Sở Giao thông vận tải"
    assert summary["Ngày bắt đầu lấy ý kiến"].date() == date(2026, 5, 1)
    assert summary["Ngày kết thúc lấy ý kiến"].date() == date(2026, 5, 31)
    assert summary["Tình trạng"] == "Đang lấy ý kiến"
    assert (summary["Tổng số góp ý"], summary["Số góp ý đã duyệt"], summary["Số góp ý chờ duyệt"]) == (3, 1, 1)
    assert (summary["Số góp ý thư rác"], summary["Số góp ý từ chối"]) == (1, 0)

    header, first, *rest = _rows(book["Góp ý"])
    assert header == ["Ngày gửi", "Họ và tên", "Cơ quan, tổ chức", "Nội dung góp ý", "Tình trạng"]
    assert first[1:] == ["Lê Văn Nam", "UBND xã Tân Lập", "Đồng ý", "Đã duyệt"]
    assert first[0].date() == date(2026, 5, 10)
    assert [row[-1] for row in rest] == ["Chờ duyệt", "Thư rác"]


def test_formulas_written_by_a_citizen_stay_text(draft):
    dangerous = ['=HYPERLINK("http://x.example","Bấm")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]
    for text in dangerous:
        cf.comment(draft, content=text, name=text, organisation="=cmd|' /C calc'!A0")
    data = comments_xlsx(draft, include_contact=True, today=TODAY)
    book = load_workbook(io.BytesIO(data))
    rows = _rows(book["Góp ý"])[1:]
    # Kept as written (XML reads a carriage return back as a line feed).
    as_read = [text.replace("\r", "\n") for text in dangerous]
    assert [row[5] for row in rows] == as_read
    assert [row[1] for row in rows] == as_read
    for row in book["Góp ý"].iter_rows(min_row=2):
        for cell in row[1:]:
            assert cell.data_type == "s", (cell.coordinate, cell.value)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode(), name  # no formula anywhere


def test_text_cell_makes_a_formula_a_string():
    from openpyxl import Workbook

    cell = Workbook().active["A1"]
    text_cell(cell, "=1+1")
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    text_cell(cell, 3)
    assert cell.data_type == "n"


def test_contact_columns_only_with_the_permission(client, draft):
    cf.comment(draft, email=EMAIL, phone=PHONE)
    url = reverse("consultation_export_comments", args=[draft.pk])

    client.force_login(moderator("khong-xem"))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    header, row = _rows(load_workbook(io.BytesIO(response.content))["Góp ý"])
    assert "Thư điện tử" not in header and EMAIL not in row and PHONE not in row

    assert not PageLogEntry.objects.filter(action="consultation.export_contact").exists()
    allowed = moderator("duoc-xem", contact=True)
    client.force_login(allowed)
    header, row = _rows(load_workbook(io.BytesIO(client.get(url).content))["Góp ý"])
    assert header[3:5] == ["Thư điện tử", "Điện thoại"]
    assert row[3:5] == [EMAIL, PHONE]
    assert PageLogEntry.objects.get(action="consultation.export_contact").user == allowed


def test_the_workbook_is_built_without_the_admin(draft):
    book = comments_workbook(draft, include_contact=False, today=TODAY + timedelta(days=30))
    assert {r[0]: r[1] for r in _rows(book["Tổng hợp"])}["Tình trạng"] == "Đã kết thúc"


# --- the draft pages in the admin ----------------------------------------------------------------


def test_draft_forms_open_and_link_to_their_comments(admin_client, draft):
    index = draft.get_parent()
    add = admin_client.get(f"/admin/pages/add/consultation/draftpage/{index.pk}/")
    assert add.status_code == 200
    assert "Cơ quan chủ trì soạn thảo" in add.content.decode()
    edit = admin_client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert "Hồ sơ dự thảo" in edit
    assert f"{LIST_URL}?draft={draft.pk}&amp;status=pending" in edit
    assert reverse("consultation_export_comments", args=[draft.pk]) in edit


def test_the_closing_date_may_not_precede_the_opening_date(draft):
    from django.core.exceptions import ValidationError

    draft.closes_on = draft.opens_on - timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "closes_on" in error.value.message_dict
