"""Citizens' questions, feedback and petitions (questions/): the public form, the tracking page,
the handling in the admin, the reviewed answer, and personal data that never leaks."""

import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page

from directives.models import Field
from editorial import roles
from portal.importing import import_lines
from questions import handling
from questions.access import UNIT_STAFF
from questions.models import Question, QuestionIndexPage, QuestionPage, Status

from . import factories as f

pytestmark = pytest.mark.django_db

EMAIL = "nguoi.hoi@example.com"
PHONE = "0987 654 321"
ADDRESS = "Thôn Đông, xã Tân Tiến"


@pytest.fixture(autouse=True)
def _fresh_rates():
    caches["ratelimit"].clear()


@pytest.fixture
def section():
    return f.section(QuestionIndexPage, "Hỏi đáp", "hoi-dap")


@pytest.fixture
def land():
    return Field.objects.create(name="Đất đai")


@pytest.fixture
def people(db):
    return {
        "editor": f.member("bientapvien", roles.EDITOR),
        "chief": f.member("truongban", roles.CHIEF_EDITOR),
        "reporter": f.member("phongvien", roles.REPORTER),
        "unit": f.member("canbo", UNIT_STAFF),
    }


def form_data(field, **overrides) -> dict:
    data = {
        "kind": "hoi-dap",
        "field": field.pk,
        "title": "Thủ tục tách thửa đất ở",
        "body": "Gia đình tôi muốn tách thửa đất ở để tặng cho con. Hồ sơ gồm những gì?",
        "name": "Nguyễn Văn Hỏi",
        "email": EMAIL,
        "phone": PHONE,
        "address": ADDRESS,
        "agree": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def denied(response) -> bool:
    """Refused by the Wagtail admin: a permission error sends the user to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def send(client, section, data, **extra):
    return client.post(section.url + "gui-cau-hoi/", data, **extra)


def public_outputs(client, section) -> str:
    """Everything public about Q&A: the section, the API listings, the feed, the sitemap, search,
    suggestions — JSON decoded, so that no text hides behind \\u escapes."""

    def text(url, params=None) -> str:
        response = client.get(url, params or {})
        if response["Content-Type"].startswith("application/json"):
            return json.dumps(json.loads(response.content), ensure_ascii=False)
        return response.content.decode()

    parts = [
        text(section.url),
        text("/api/v3/questions/"),
        text("/feeds/questions.rss"),
        text("/sitemap.xml"),
        text("/api/v3/search/", {"q": "tach thua dat o"}),
        text("/tim-kiem/", {"q": "tach thua"}),
        text("/api/v3/search/suggest/", {"q": "thu tuc tach"}),
        text("/api/v3/pages/", {"type": "questions.QuestionPage"}),
        text("/api/v3/pages/", {"search": "tách thửa"}),
    ]
    for page in QuestionPage.objects.live():
        parts.append(text(page.url))
        parts.append(text(f"/api/v3/pages/{page.pk}/"))
    return "\n".join(parts)


# --- the form ------------------------------------------------------------------------------------


def test_the_form_states_its_purpose_carries_a_trap_and_a_csrf_token_and_is_never_cached(client, section, land):
    response = client.get(section.url + "gui-cau-hoi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nghị định 13/2023/NĐ-CP" in html
    assert 'name="website"' in html and "hp-field-row" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert "Đất đai" in html  # the fields to choose from


def test_a_sending_is_stored_received_with_a_code_shown_and_emailed_and_nothing_is_public(
    client, section, land, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, section, form_data(land))
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.status == Status.RECEIVED and question.email == EMAIL
    assert question.code.startswith("HD-")
    shown = client.get(response.url).content.decode()
    assert question.code in shown
    assert len(mail.outbox) == 1 and question.code in mail.outbox[0].body and mail.outbox[0].to == [EMAIL]
    assert f"tra-cuu/?ma={question.code}" in mail.outbox[0].body

    everything = public_outputs(client, section)
    assert "tách thửa" not in everything.lower() and "tach-thua" not in everything
    assert json.loads(client.get("/api/v3/questions/").content)["count"] == 0


def test_a_mail_server_that_fails_loses_nothing_and_the_code_is_still_shown(
    client, section, land, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, section, form_data(land))
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.code in client.get(response.url).content.decode()
    assert any("could not e-mail" in record.message for record in caplog.records)


def test_the_sending_is_checked_field_by_field_and_nothing_is_stored_when_wrong(client, section, land):
    response = send(client, section, form_data(land, email="not-an-address", title="", agree=""))
    assert response.status_code == 400
    html = response.content.decode()
    for label in ("Thư điện tử", "Tiêu đề", "Hãy đánh dấu đồng ý để gửi."):
        assert label in html
    assert Question.objects.count() == 0


def test_the_portal_of_an_authority_that_has_closed_takes_no_question(client, section, land):
    """An archive portal (a district after 1 July 2025): the form is replaced by where to write now,
    and a sending is refused (403) with nothing stored or mailed."""
    from wagtail.models import Site

    from home.models import AuthorityProfile

    profile = AuthorityProfile.for_site(Site.objects.get(is_default_site=True))
    profile.closed_on = timezone.localdate() - timedelta(days=1)
    profile.save()
    page = client.get(section.url + "gui-cau-hoi/")
    html = page.content.decode()
    assert page.status_code == 200 and 'class="citizen-form"' not in html
    assert "không nhận câu hỏi" in html and profile.closed_on.strftime("%d/%m/%Y") in html
    response = send(client, section, form_data(land))
    assert response.status_code == 403 and "không nhận câu hỏi" in response.content.decode()
    assert Question.objects.count() == 0 and not mail.outbox
    # Closing on a day still to come changes nothing yet.
    profile.closed_on = timezone.localdate()
    profile.save()
    assert send(client, section, form_data(land)).status_code == 302
    assert Question.objects.count() == 1


def test_a_robot_filling_the_trap_field_stores_nothing(client, section, land):
    response = send(client, section, form_data(land, website="http://spam.example"))
    assert response.status_code == 400
    assert Question.objects.count() == 0 and not mail.outbox


def test_csrf_is_required(section, land):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert send(strict, section, form_data(land)).status_code == 403
    assert Question.objects.count() == 0


def test_thirty_rapid_sendings_from_one_address_are_refused_with_429_before_the_thirtieth(client, section, land):
    statuses = [
        send(client, section, form_data(land, title=f"Câu hỏi số {i}"), REMOTE_ADDR="203.0.113.7").status_code
        for i in range(30)
    ]
    first_refused = statuses.index(429)
    assert first_refused < 29
    assert set(statuses[:first_refused]) == {302} and set(statuses[first_refused:]) == {429}
    assert Question.objects.count() == first_refused  # refused sendings store nothing
    refused = send(client, section, form_data(land), REMOTE_ADDR="203.0.113.7")
    assert "Vui lòng thử lại sau" in refused.content.decode() and int(refused["Retry-After"]) > 0
    # another address is not affected
    assert send(client, section, form_data(land), REMOTE_ADDR="203.0.113.8").status_code == 302


def test_an_attachment_is_checked_and_kept_out_of_the_public_media(client, section, land, settings, tmp_path, people):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    bad = SimpleUploadedFile("script.pdf", b"<script>alert(1)</script>", content_type="application/pdf")
    response = send(client, section, {**form_data(land), "attachment": bad})
    assert response.status_code == 400 and "Tệp đính kèm" in response.content.decode()
    assert Question.objects.count() == 0

    good = SimpleUploadedFile("giay-to.pdf", b"%PDF-1.4 ho so", content_type="application/pdf")
    assert send(client, section, {**form_data(land), "attachment": good}).status_code == 302
    question = Question.objects.get()
    stored = settings.PRIVATE_MEDIA_ROOT / question.attachment.name
    assert stored.read_bytes() == b"%PDF-1.4 ho so"
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    url = reverse("questions_admin:attachment", args=[question.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(people["reporter"])
    assert denied(client.get(url))
    client.force_login(people["editor"])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 ho so"
    assert "attachment" in response["Content-Disposition"]
    assert ModelLogEntry.objects.filter(action="questions.view_attachment", user=people["editor"]).count() == 1


# --- tracking --------------------------------------------------------------------------------------


def test_tracking_shows_the_status_and_nothing_else(client, section, land):
    send(client, section, form_data(land))
    question = Question.objects.get()
    response = client.get(section.url + "tra-cuu/", {"ma": question.code.lower()})
    html = response.content.decode()
    assert response.status_code == 200 and "Đã tiếp nhận" in html
    for private in (EMAIL, PHONE, ADDRESS, "Nguyễn Văn Hỏi", "tặng cho con"):
        assert private not in html
    missing = client.get(section.url + "tra-cuu/", {"ma": "HD-XXXX-XXXX"})
    assert missing.status_code == 404 and "Không tìm thấy mã tra cứu" in missing.content.decode()


# --- the editors' side -----------------------------------------------------------------------------


def test_only_those_who_handle_questions_reach_the_queue_and_only_the_chief_sees_contacts(
    client, section, land, people
):
    send(client, section, form_data(land))
    question = Question.objects.get()
    queue = reverse("questions_admin:queue")
    handle = reverse("questions_admin:handle", args=[question.pk])
    client.force_login(people["reporter"])
    assert denied(client.get(queue)) and denied(client.get(handle))

    client.force_login(people["editor"])
    assert question.code in client.get(queue).content.decode()
    html = client.get(handle).content.decode()
    assert "tặng cho con" in html and EMAIL not in html and PHONE not in html and ADDRESS not in html
    assert not ModelLogEntry.objects.filter(action="questions.view_contact").exists()

    client.force_login(people["chief"])
    html = client.get(handle).content.decode()
    assert EMAIL in html and PHONE in html and ADDRESS in html
    logged = ModelLogEntry.objects.get(action="questions.view_contact")
    assert logged.user == people["chief"] and logged.object_id == str(question.pk)


def test_refusing_needs_a_reason_which_the_sender_is_told(client, section, land, people):
    send(client, section, form_data(land))
    question = Question.objects.get()
    mail.outbox.clear()
    client.force_login(people["editor"])
    handle = reverse("questions_admin:handle", args=[question.pk])
    assert client.post(handle, {"action": "refuse", "refusal_reason": " "}).status_code == 400
    question.refresh_from_db()
    assert question.status == Status.RECEIVED
    response = client.post(handle, {"action": "refuse", "refusal_reason": "Không thuộc thẩm quyền của huyện."})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.REFUSED and question.handled_by == people["editor"]
    tracked = client.get(section.url + "tra-cuu/", {"ma": question.code}).content.decode()
    assert "Không tiếp nhận" in tracked and "Không thuộc thẩm quyền của huyện." in tracked


def test_accepting_assigns_a_unit_and_deadline_and_makes_a_draft_that_is_not_public(client, section, land, people):
    unit = f.agency("Phòng Tài nguyên và Môi trường", "")
    send(client, section, form_data(land))
    question = Question.objects.get()
    client.force_login(people["editor"])
    handle = reverse("questions_admin:handle", args=[question.pk])
    past = (timezone.localdate() - timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(handle, {"action": "accept", "unit": unit.pk, "deadline": past})
    assert response.status_code == 400 and "Hạn trả lời không được trước ngày hôm nay." in response.content.decode()
    deadline = timezone.localdate() + timedelta(days=15)
    response = client.post(handle, {"action": "accept", "unit": unit.pk, "deadline": deadline.strftime("%d/%m/%Y")})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.PROCESSING and question.unit == unit and question.deadline == deadline
    page = question.page
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.get_parent().pk == section.pk
    assert page.asker == "Công dân"  # the sender did not agree to publish the name
    assert page.answering_unit == unit
    client.logout()
    assert client.get(page.url or f"{section.url}{page.slug}/").status_code == 404
    assert "tách thửa" not in public_outputs(client, section).lower()
    tracked = client.get(section.url + "tra-cuu/", {"ma": question.code}).content.decode()
    assert "Đang xử lý" in tracked


def test_an_answer_is_published_only_through_the_review_workflow_then_everything_shows_it_but_no_contact(
    client, section, land, people, django_capture_on_commit_callbacks
):
    from tests.test_editorial_workflow import approve

    unit = f.agency("Phòng Tài nguyên và Môi trường", "")
    send(client, section, form_data(land, publish_name="on"))
    question = Question.objects.get()
    page = handling.accept(question, unit=unit, deadline=timezone.localdate() + timedelta(days=10))
    assert page.get_workflow().name == roles.REVIEW_WORKFLOW
    assert page.asker == "Nguyễn Văn Hỏi"  # agreed to publish the name

    # the unit's staff write the answer and submit it; they cannot publish
    staff = people["unit"]
    assert page.permissions_for_user(staff).can_edit() and not page.permissions_for_user(staff).can_publish()
    page.answer = "<p>Hồ sơ gồm đơn đề nghị tách thửa và giấy chứng nhận quyền sử dụng đất.</p>"
    page.save_revision(user=staff)
    page.get_workflow().start(page, staff)
    mail.outbox.clear()
    client.force_login(people["editor"])
    approve(client, page)
    page.refresh_from_db()
    assert not page.live
    assert Question.objects.get().status == Status.PROCESSING
    client.force_login(people["chief"])
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, page)
    page.refresh_from_db()
    assert page.live and page.answered_on == timezone.localdate()
    question.refresh_from_db()
    assert question.status == Status.ANSWERED and question.answered_at is not None
    to_sender = [message for message in mail.outbox if message.to == [EMAIL]]
    assert len(to_sender) == 1 and question.code in to_sender[0].body and page.url in to_sender[0].body

    client.logout()
    everything = public_outputs(client, section)
    assert "Thủ tục tách thửa đất ở" in everything
    assert "giấy chứng nhận quyền sử dụng đất" in everything
    for private in (EMAIL, PHONE, ADDRESS, question.code):
        assert private not in everything
    assert json.loads(client.get("/api/v3/questions/").content)["count"] == 1
    found = json.loads(client.get("/api/v3/search/", {"q": "tach thua dat", "type": "question"}).content)
    assert [hit["id"] for hit in found["results"]] == [page.pk]
    tracked = client.get(section.url + "tra-cuu/", {"ma": question.code}).content.decode()
    assert "Đã trả lời" in tracked and page.url in tracked


def test_the_page_editor_refuses_an_empty_answer(section, land, people, client):
    page = handling.accept(
        Question.objects.create(code="HD-TEST-0001", title="Câu hỏi", body="Hỏi gì?", name="A"),
        unit=f.agency("Phòng Tư pháp", ""),
        deadline=timezone.localdate(),
    )
    client.force_login(people["chief"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(url).context["form"]
    data = {name: field.value() for name, field in ((n, form[n]) for n in form.fields) if field.value() is not None}
    empty = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": " ",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
                "data": {},
            }
        ],
        "entityMap": {},
    }
    data.update({"answer": json.dumps(empty), "action-publish": "action-publish"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Hãy viết nội dung trả lời." in response.content.decode()
    page.refresh_from_db()
    assert not page.live


def test_overdue_answers_show_on_the_dashboard(client, section, land, people):
    unit = f.agency("Phòng Tư pháp", "")
    send(client, section, form_data(land))
    question = Question.objects.get()
    handling.accept(question, unit=unit, deadline=timezone.localdate())
    client.force_login(people["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-overdue="0"' in html
    Question.objects.filter(pk=question.pk).update(deadline=timezone.localdate() - timedelta(days=3))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-overdue="1"' in html and question.title in html and "Phòng Tư pháp" in html
    assert question.code in client.get(reverse("questions_admin:queue"), {"status": "overdue"}).content.decode()
    client.force_login(people["reporter"])
    assert "questions-dashboard" not in client.get(reverse("wagtailadmin_home")).content.decode()


# --- personal data retention ----------------------------------------------------------------------


def test_contact_data_is_erased_after_the_retention_period(client, section, land, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    send(client, section, form_data(land))
    send(client, section, form_data(land, title="Câu hỏi thứ hai"))
    old, recent = Question.objects.order_by("pk")
    handling.refuse(old, reason="Trùng lặp.", notify=False)
    handling.refuse(recent, reason="Trùng lặp.", notify=False)
    Question.objects.filter(pk=old.pk).update(handled_at=timezone.now() - timedelta(days=31))
    out = io.StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "would erase the personal data of 1 sendings" in out.getvalue()
    assert Question.objects.get(pk=old.pk).email == EMAIL
    call_command("purge_personal_data", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.email, old.phone, old.address, old.name) == ("", "", "", "")
    assert old.contact_erased_at is not None and old.body  # the question itself is kept
    assert recent.email == EMAIL
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "erased the personal data of 0 sendings" in out.getvalue()


# --- import, API -----------------------------------------------------------------------------------


def record(**overrides) -> str:
    line = {
        "type": "question",
        "slug": "cap-lai-giay-khai-sinh",
        "title": "Cấp lại giấy khai sinh bị mất",
        "kind": "hoi-dap",
        "field": "Hộ tịch",
        "asker": "Công dân",
        "asked_on": "2024-04-01",
        "question": "Tôi bị mất giấy khai sinh bản chính, xin cấp lại thế nào?",
        "answer": "Ông/Bà đến UBND cấp xã nơi đã đăng ký khai sinh để được cấp bản sao trích lục.",
        "unit": "Phòng Tư pháp",
        "answered_on": "2024-04-08",
    }
    line.update(overrides)
    return json.dumps(line, ensure_ascii=False)


def test_answered_questions_of_an_earlier_portal_import_once(client):
    report = import_lines([record(), record(slug="x", answered_on="2024-03-01"), record(slug="y", kind="hoi")])
    assert report.created == 1
    assert [lineno for lineno, _message in report.errors] == [2, 3]
    assert "'answered_on' is before 'asked_on'" in report.errors[0][1] and "'kind'" in report.errors[1][1]
    page = QuestionPage.objects.get()
    assert page.live and page.field.name == "Hộ tịch" and page.answering_unit.name == "Phòng Tư pháp"
    assert import_lines([record()]).unchanged == 1
    listed = json.loads(client.get("/api/v3/questions/", {"kind": "hoi-dap"}).content)
    assert listed["count"] == 1
    item = listed["items"][0]
    assert item["field_name"] == "Hộ tịch" and item["answered_on"] == "2024-04-08" and item["asker"] == "Công dân"
    assert json.loads(client.get("/api/v3/questions/", {"kind": "phan-anh"}).content)["count"] == 0
    assert client.get("/api/v3/questions/", {"kind": "nonsense"}).status_code in (400, 422)


def test_the_listing_reads_a_fixed_number_of_queries(client, django_assert_num_queries):
    import_lines([record(slug="a")])
    client.get("/api/v3/questions/")  # warm caches (site, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get("/api/v3/questions/")
    import_lines(
        [record(slug=f"b{i}", title=f"Câu hỏi {i}", field=f"Lĩnh vực {i}", unit=f"Đơn vị {i}") for i in range(5)]
    )
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get("/api/v3/questions/")
    assert json.loads(response.content)["count"] == 6


def test_the_unit_staff_group_may_edit_answers_in_the_section_only(section, people):
    staff = people["unit"]
    assert Group.objects.get(name=UNIT_STAFF).page_permissions.filter(page=section).count() == 2
    news = f.news_index()
    assert not news.permissions_for_user(staff).can_add_subpage()
    assert section.permissions_for_user(staff).can_add_subpage()
    assert not section.permissions_for_user(staff).can_publish_subpage()
    assert Page.objects.get(pk=section.pk).get_workflow().name == roles.REVIEW_WORKFLOW


@override_settings(QUESTION_ANSWER_DAYS=20)
def test_the_default_deadline_follows_the_setting():
    from questions.models import default_deadline

    today = timezone.localdate()
    assert default_deadline(today) == today + timedelta(days=20)


# --- the activity report -----------------------------------------------------------------------------


def test_the_report_counts_received_answered_late_and_overdue_per_unit_with_the_average_time(
    client, section, land, django_assert_num_queries
):
    from datetime import date, datetime, time

    from questions.reporting import questions_section

    today = date(2025, 6, 30)
    land_unit = f.agency("Phòng Tài nguyên và Môi trường", "")

    def sending(title, day, **fields):
        moment = timezone.make_aware(datetime.combine(day, time(9)))
        return Question.objects.create(
            code=f"HD-{title[:4].upper()}-{day:%m%d}", title=title, body="…", name="A", submitted_at=moment, **fields
        )

    refused = sending("Từ chối", date(2025, 6, 2))
    handling.refuse(refused, reason="Trùng.", notify=False)
    overdue = sending("Quá hạn", date(2025, 6, 3), kind="phan-anh")
    handling.accept(overdue, unit=land_unit, deadline=date(2025, 6, 20), today=date(2025, 6, 3))
    late = sending("Trễ hạn", date(2025, 6, 1))
    page = handling.accept(late, unit=land_unit, deadline=date(2025, 6, 5), today=date(2025, 6, 1))
    page.answer = "<p>Trả lời.</p>"
    page.answered_on = date(2025, 6, 11)  # 10 days after it was asked, 6 past the deadline
    page.save_revision().publish()
    sending("Năm trước", date(2024, 6, 1))  # outside the period
    import_lines([record(slug="nhap", asked_on="2025-06-02", answered_on="2025-06-06")])  # Phòng Tư pháp, 4 days

    with django_assert_num_queries(2):
        figures = questions_section(date(2025, 6, 1), date(2025, 6, 30), today)
    assert dict(figures.summary) == {
        "Câu hỏi, phản ánh, kiến nghị tiếp nhận": 3,
        "Không tiếp nhận": 1,
        "Câu trả lời đã đăng": 2,
        "Trả lời trễ hạn": 1,
        "Quá hạn chưa trả lời": 1,
        "Thời gian trả lời trung bình (ngày)": "7,0",
    }
    assert dict(figures.table("Hỏi đáp tiếp nhận theo loại").rows) == {"Hỏi đáp": 2, "Phản ánh": 1}
    assert figures.table("Hỏi đáp theo đơn vị trả lời").rows == [
        ["Phòng Tài nguyên và Môi trường", 2, 1, 1, 1, "10,0"],
        ["Phòng Tư pháp", 0, 1, 0, 0, "4,0"],
    ]


def test_the_queue_finds_a_sending_by_its_code_or_its_words(client, section, land, people):
    send(client, section, form_data(land))
    send(client, section, form_data(land, title="Cấp lại thẻ bảo hiểm y tế", body="Bị mất thẻ."))
    first, second = Question.objects.order_by("pk")
    client.force_login(people["editor"])
    queue = reverse("questions_admin:queue")
    found = client.get(queue, {"q": f" {first.code.lower()} "}).content.decode()
    assert first.title in found and second.title not in found
    found = client.get(queue, {"q": "bảo hiểm"}).content.decode()
    assert second.title in found and first.title not in found
    assert "Không có mục nào." in client.get(queue, {"q": "không có từ này"}).content.decode()


def test_the_public_list_reads_the_same_queries_for_more_answers(client, section):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import_lines([record(slug="mot")])
    client.get(section.url)  # warm caches (site, content types)
    with CaptureQueriesContext(connection) as one:
        assert client.get(section.url).status_code == 200
    lines = [record(slug=f"q{i}", title=f"Câu hỏi {i}", field=f"Lĩnh vực {i}", unit=f"Đơn vị {i}") for i in range(8)]
    import_lines(lines)
    with CaptureQueriesContext(connection) as nine:
        html = client.get(section.url).content.decode()
    assert html.count('class="qa-item"') == 9
    assert len(nine.captured_queries) == len(one.captured_queries)
