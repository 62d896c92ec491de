"""Writing pages through Wagtail's generic endpoints, ``POST /api/v3/pages/`` and ``PATCH
/api/v3/pages/{id}/`` (portal/api/writes.py; docs/api.md, "Writing through the generic page
endpoints"; issue 21: a client's ``lead`` was dropped with a 201).

Every field a page type's read schema shows is written there when its edit panels let an editor
write it, in the read schema's shape (references by id); everything else a body holds — an unknown
key, a read-only field, a key describing a referenced object — is a 422 naming it, never dropped.
A body read back from the API is a read body: its read-only fields are refused, listed by path.
"""

import json
import re
from datetime import date

import pytest
from wagtail.api.v3.registry import registry
from wagtail.models import Page, Revision

from directives.models import Field as DocumentField
from editorial import roles
from news.models import NewsPage
from portal.api.writes import PAGE_FIELDS, WRITERS
from portal.importing import home_page

from . import consultation_factories as cf
from . import factories as f
from . import procedures_factories as pf
from . import projects_factories as prf

pytestmark = pytest.mark.django_db

PAGES = "/api/v3/pages/"


def send(client, method, url, body, token):
    return getattr(client, method)(
        url, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def read(client, page_id, token):
    response = client.get(f"{PAGES}{page_id}/?version=draft", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200, response.content
    return response.json()


def plain_html(html: str) -> str:
    return re.sub(r' data-block-key="[^"]*"', "", html)


def as_written(shown, sent):
    """The value the API shows (``shown``) in the shape the client wrote (``sent``): a reference
    written as an id is compared by the shown object's ``id``, a row by the keys written, rich text
    without the editor's block keys."""
    if isinstance(sent, dict):
        assert isinstance(shown, dict), (shown, sent)
        return {key: as_written(shown.get(key), value) for key, value in sent.items()}
    if isinstance(sent, list):
        assert isinstance(shown, list) and len(shown) == len(sent), (shown, sent)
        return [as_written(s, v) for s, v in zip(shown, sent, strict=True)]
    if isinstance(sent, int) and not isinstance(sent, bool) and isinstance(shown, dict):
        return shown["id"]
    if isinstance(sent, str) and isinstance(shown, str):
        return plain_html(shown)
    return shown


@pytest.fixture
def admin_token(django_user_model):
    return f.api_token(django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "x"))


@pytest.fixture
def reporter_token():
    return f.api_token(f.member("phongvien", roles.REPORTER))


# --- a body with every writable field, per page type ----------------------------------------------


def news_body():
    return {
        "published_on": "2025-06-01",
        "lead": "Sáng 28/11, UBND huyện tổ chức hội nghị.",
        "body": [
            {"type": "paragraph", "value": "<p>Nội dung <b>chính</b>, <i>phụ</i>.</p>"},
            {"type": "paragraph", "value": "<h2>Tiêu đề nhỏ</h2>"},
        ],
        "lead_image": f.image("Ảnh đại diện").pk,
        "gallery_images": [
            {"image": {"id": f.image("Ảnh 1").pk}, "caption": "Chú thích 1"},
            {"image": f.image("Ảnh 2").pk, "caption": ""},
        ],
        "author": "Phóng viên A",
        "photographer": "Nhiếp ảnh B",
        "source": "Báo Vĩnh Phúc",
        "tags": ["hội nghị", "kinh tế"],
    }


def legal_document_body():
    based_on = f.legal_document("5/2020/NĐ-CP")
    return {
        "number": "12/2025/QĐ-UBND",
        "summary": "Ban hành quy chế phối hợp",
        "document_type": f.document_type().pk,
        "issuing_bodies": [f.agency().pk, {"id": f.agency("Phòng Tư pháp", "TP").pk}],
        "signer": "Nguyễn Văn A",
        "signer_title": "Chủ tịch",
        "issued_on": "2025-01-10",
        "effective_on": "2025-01-20",
        "expires_on": "2030-01-20",
        "status": "con_hieu_luc",
        "fields": [DocumentField.objects.create(name="Tư pháp").pk],
        "gazette_number": "12",
        "gazette_date": "2025-01-15",
        "body": "<p>Điều 1. <b>Ban hành</b> kèm theo Quyết định này.</p>",
        "attachments": [{"id": f.document_file().pk, "title": "Toàn văn (PDF)"}],
        "related_documents": [
            {"type": "based_on", "page": based_on.pk},
            {"type": "amends", "number": "9/2019/QĐ-UBND"},
        ],
    }


def directive_body():
    return {
        "kind": "directive",
        "number": "3/CT-UBND",
        "issued_on": "2025-03-01",
        "summary": "Về tăng cường quản lý đất đai",
        "directing_leader": f.official().pk,
        "meeting_subject": "Họp giao ban",
        "meeting_date": "2025-02-27",
        "meeting_place": "Phòng họp số 1",
        "body": "<p>Yêu cầu các phòng <i>khẩn trương</i> thực hiện.</p>",
        "fields": [DocumentField.objects.create(name="Đất đai").pk],
        "attachments": [{"id": f.document_file("Chỉ thị", "chi-thi.pdf").pk, "title": "Chỉ thị"}],
    }


def task_body():
    unit, other = f.agency(), f.agency("Phòng Tài chính", "TC")
    return {
        "code": "NV-2025-010",
        "manual_state": "paused",
        "source_directive": f.directive().pk,
        "details": "<p>Rà soát hồ sơ tồn đọng.</p>",
        "lead_unit": unit.pk,
        "coordinating_units": [other.pk],
        "assigned_on": "2025-01-05",
        "deadline": "2025-06-30",
        "original_deadline": "2025-03-31",
        "extension_reason": "Chờ số liệu",
        "extended_on": "2025-03-20",
        "expected_output": "Báo cáo",
        "completed_on": None,
        "completion_report": "",
        "progress_reports": [
            {
                "date": "2025-02-01",
                "unit": unit.pk,
                "percent": 40,
                "content": "Đã rà soát 40%",
                "attachment": f.document_file("Báo cáo", "bao-cao.pdf").pk,
            },
            {"date": "2025-03-01", "unit": None, "percent": 60, "content": "Tiếp tục", "attachment": None},
        ],
    }


def draft_body():
    return {
        "summary": "Dự thảo quy định mức hỗ trợ",
        "drafting_unit": f.agency("Phòng Kinh tế", "KT").pk,
        "opens_on": "2025-05-01",
        "closes_on": "2025-06-15",
        "body": "<p>Nội dung dự thảo.</p>",
        "files": [{"id": f.document_file("Dự thảo", "du-thao.pdf").pk, "title": "Toàn văn dự thảo"}],
        "contact": "Phòng Kinh tế, 0211 3838 000",
    }


def question_body():
    return {
        "kind": "phan-anh",
        "asker": "Nguyễn Văn B",
        "asked_on": "2025-04-01",
        "question": "Xin hỏi thủ tục cấp đổi?",
        "answer": "<p>Hồ sơ gồm <b>đơn đề nghị</b>.</p>",
        "answered_on": "2025-04-10",
    }


def procedure_body():
    factories = f
    return {
        "code": "1.001234",
        "field": pf.field().pk,
        "level": "huyen",
        "agency": factories.agency().pk,
        "processing_time": "5 ngày làm việc",
        "processing_days": 5,
        "fee": "Không",
        "charge": "",
        "subjects": "Công dân",
        "result": "Giấy chứng nhận",
        "conditions": "",
        "channels": ["truc_tiep", "buu_chinh"],
        "steps": ["Nộp hồ sơ", "Nhận kết quả"],
        "dossier": [
            {"name": "Đơn đề nghị", "originals": 1, "copies": 0, "required": True, "form": None},
            {
                "name": "Bản sao CCCD",
                "originals": 0,
                "copies": 1,
                "required": False,
                "form": factories.document_file("Mẫu đơn", "mau.pdf").pk,
            },
        ],
        "legal_basis": [{"citation": "Luật Hộ tịch 2014", "number": "60/2014/QH13", "document": None}],
        "online_level": "mot_phan",
        "service_url": "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1",
        "announced_on": "2025-02-01",
    }


def project_body():
    return {
        "code": "DA-2025-01",
        "kind": "dau-tu-cong",
        "status": "chuan-bi",
        "investor": f.agency("Ban Quản lý dự án", "BQLDA").pk,
        "field": DocumentField.objects.create(name="Giao thông").pk,
        "location": "Xã Tứ Trưng",
        "decided_on": "2025-01-15",
        "total_investment": 12_500_000_000,
        "capital_source": "Ngân sách huyện",
        "start_year": 2025,
        "end_year": 2026,
        "summary": "Cải tạo tuyến đường",
        "body": "<p>Quy mô: 2 km.</p>",
        "bid_package": "Gói thầu số 1",
        "selection_method": "chi-dinh-thau",
        "bid_opening_on": "2025-02-01",
        "winning_bidder": "Công ty A",
        "contract_value": 11_000_000_000,
        "files": [{"id": f.document_file("Quyết định", "qd.pdf").pk, "title": "Quyết định phê duyệt"}],
        "legal_documents": [{"label": "Căn cứ", "document": f.legal_document("7/QĐ-UBND").pk}],
    }


def statistics_body():
    return {
        "period_kind": "quy",
        "year": 2025,
        "quarter": 2,
        "month": None,
        "publishing_unit": f.agency("Chi cục Thống kê", "CCTK").pk,
        "published_on": "2025-07-01",
        "intro": "<p>Số liệu quý II.</p>",
        "note": "Số liệu sơ bộ.",
    }


def introduction_body():
    return {
        "intro": "<p>Huyện Vĩnh Tường.</p>",
        "functions": "<p>Chức năng, nhiệm vụ.</p>",
        "history": "<p>Lịch sử.</p>",
        "organisation_note": "<p>Ghi chú.</p>",
        "updated_on": "2025-06-30",
    }


def contact_body():
    return {
        "intro": "<p>Liên hệ.</p>",
        "working_hours": "<p>Sáng 7h30.</p>",
        "reception": "<p>Tiếp công dân thứ Năm.</p>",
        "latitude": "21.234567",
        "longitude": "105.501234",
    }


def index_body():
    return {"intro": "<p>Giới thiệu chuyên mục.</p>"}


def schedule_index_body():
    return {"intro": "<p>Lịch công tác.</p>", "default_week": "2025-06-23"}


#: Each page type a test creates: (parent, body with every writable field).
CREATED = {
    "news.NewsPage": (lambda: f.news_index(), news_body),
    "directives.LegalDocumentPage": (f.legal_index, legal_document_body),
    "directives.DirectivePage": (f.directive_index, directive_body),
    "directives.TaskPage": (f.task_index, task_body),
    "consultation.DraftPage": (cf.draft_index, draft_body),
    "questions.QuestionPage": (lambda: f.question_page().get_parent(), question_body),
    "procedures.ProcedurePage": (pf.section, procedure_body),
    "projects.ProjectPage": (prf.project_index, project_body),
    "projects.StatisticsPage": (prf.statistics_index, statistics_body),
    "organisation.IntroductionPage": (home_page, introduction_body),
    "organisation.ContactPage": (home_page, contact_body),
    "schedule.ScheduleIndexPage": (home_page, schedule_index_body),
    "news.NewsIndexPage": (home_page, index_body),
    "directives.LegalDocumentIndexPage": (home_page, index_body),
    "directives.DirectiveIndexPage": (home_page, index_body),
    "directives.TaskIndexPage": (home_page, index_body),
    "consultation.DraftIndexPage": (home_page, index_body),
    "questions.QuestionIndexPage": (home_page, index_body),
    "procedures.ProcedureIndexPage": (home_page, index_body),
    "projects.ProjectIndexPage": (home_page, index_body),
    "projects.StatisticsIndexPage": (home_page, index_body),
}
#: The home page exists once per site: it is written by PATCH.
PATCHED = {"home.HomePage": (home_page, index_body)}

#: What the read schema shows and no editor writes (computed, or derived from the page's place).
READ_ONLY = {
    "news.NewsPage": {"category", "related_news"},
    "directives.LegalDocumentPage": {"number_key", "current_status", "current_status_label", "referenced_by"},
    "directives.DirectivePage": {"kind_label", "number_key", "assigned_tasks"},
    "directives.TaskPage": {"status", "status_label", "latest_percent"},
    "consultation.DraftPage": {"status", "status_label", "approved_comment_count", "approved_comments"},
    "questions.QuestionPage": {"field_name", "answering_unit_name", "section"},
    "procedures.ProcedurePage": {"level_label", "online_level_label", "section"},
    "organisation.IntroductionPage": {"units", "leaders"},
    "organisation.ContactPage": {"authority", "map_links", "units"},
    "projects.ProjectPage": {"kind_label", "status_label", "selection_method_label"},
    "projects.StatisticsPage": {"period_label", "tables"},
}


def our_page_types():
    return sorted(m._meta.label for m in WRITERS if m._meta.app_label != "wagtailcore")


def test_every_page_type_is_written_by_a_test_here():
    assert sorted([*CREATED, *PATCHED]) == our_page_types()


@pytest.mark.parametrize("label", our_page_types())
def test_every_field_of_the_read_schema_is_in_the_write_schemas_writable_or_read_only(label):
    registration = registry.get(label)
    read = set(registration.read_schema.model_fields) - {"meta"}
    for schema in (registration.create_schema, registration.patch_schema):
        properties = schema.model_json_schema()["properties"]
        assert read <= set(properties), read - set(properties)
        read_only = {name for name, spec in properties.items() if spec.get("readOnly")}
        assert read_only == {"id", *READ_ONLY.get(label, ())}
        writable = set(properties) - read_only - {"meta"}
        model = next(m for m in WRITERS if m._meta.label == label)
        assert writable == set(PAGE_FIELDS) | set(WRITERS[model].writers)
        assert schema.model_config["extra"] == "forbid"


@pytest.mark.parametrize("label", sorted(CREATED))
def test_create_with_every_writable_field_and_read_it_back(client, admin_token, label):
    parent_of, body_of = CREATED[label]
    parent = parent_of()
    fields = body_of()
    model = next(m for m in WRITERS if m._meta.label == label)
    assert set(fields) == set(WRITERS[model].writers), "the body must hold every writable field"
    body = {"meta": {"type": label, "parent_id": parent.pk}, "title": f"Trang {label}", **fields}

    response = send(client, "post", PAGES, body, admin_token)
    assert response.status_code == 201, response.content
    created = response.json()
    shown = read(client, created["id"], admin_token)
    assert shown["meta"]["type"] == label and shown["title"] == body["title"]
    for name, value in fields.items():
        assert as_written(shown[name], value) == as_written(value, value), name
    assert not shown["meta"].get("warnings")


@pytest.mark.parametrize("label", sorted(PATCHED))
def test_patch_every_writable_field_of_the_home_page(client, admin_token, label):
    parent_of, body_of = PATCHED[label]
    page = parent_of()
    fields = body_of()
    response = send(client, "patch", f"{PAGES}{page.pk}/", fields, admin_token)
    assert response.status_code == 200, response.content
    shown = read(client, page.pk, admin_token)
    for name, value in fields.items():
        assert as_written(shown[name], value) == value, name


def test_generic_and_typed_writes_normalise_rich_text_alike(client, reporter_token):
    category = f.news_index()
    html = "<p>Xin <b>chào</b><br> <i>bạn</i></p><h2>Mục</h2><p>a</b></p>"
    typed = send(
        client, "post", "/api/v3/news/", {"category": category.pk, "title": "Tin 1", "body": html}, reporter_token
    )
    generic = send(
        client,
        "post",
        PAGES,
        {"meta": {"type": "news.NewsPage", "parent_id": category.pk}, "title": "Tin 2", "body": html},
        reporter_token,
    )
    assert typed.status_code == 201 and generic.status_code == 201, generic.content

    def stored(page_id):
        return plain_html(str(NewsPage.objects.get(pk=page_id).get_latest_revision_as_object().body[0].value))

    assert stored(generic.json()["id"]) == stored(typed.json()["id"])

    # What a news body may not hold: the typed endpoint refuses it (422 naming it); Wagtail's generic
    # endpoint stores the rest and lists what it removed in meta.warnings — said, never silently lost.
    hostile = "<p>Xin <b>chào</b><script>alert(1)</script></p><h5>Nhỏ</h5>"
    refused = send(
        client, "post", "/api/v3/news/", {"category": category.pk, "title": "Tin 3", "body": hostile}, reporter_token
    )
    assert refused.status_code == 422 and "script" in refused.json()["detail"]
    generic = send(
        client,
        "post",
        PAGES,
        {"meta": {"type": "news.NewsPage", "parent_id": category.pk}, "title": "Tin 4", "body": hostile},
        reporter_token,
    )
    assert generic.status_code == 201 and "script" not in stored(generic.json()["id"])
    removed = [w["tag"] for w in generic.json()["meta"]["warnings"]]
    assert "script" in removed and "h5" in removed


@pytest.fixture
def news_page(client, reporter_token):
    category = f.news_index()
    body = {"meta": {"type": "news.NewsPage", "parent_id": category.pk}, "title": "Tin gốc", **news_body()}
    response = send(client, "post", PAGES, body, reporter_token)
    assert response.status_code == 201, response.content
    return response.json()["id"]


def test_patch_one_field_changes_only_it(client, reporter_token, news_page):
    before = read(client, news_page, reporter_token)
    response = send(client, "patch", f"{PAGES}{news_page}/", {"lead": "Sapo mới"}, reporter_token)
    assert response.status_code == 200, response.content
    after = read(client, news_page, reporter_token)
    assert after["lead"] == "Sapo mới"
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {"lead"}


def test_patch_rows_edits_the_row_sent_with_its_id_and_drops_the_others(client, reporter_token, news_page):
    photos = read(client, news_page, reporter_token)["gallery_images"]
    keep = photos[1]
    body = {"gallery_images": [{"id": keep["id"], "image": keep["image"]["id"], "caption": "Đã sửa"}]}
    response = send(client, "patch", f"{PAGES}{news_page}/", body, reporter_token)
    assert response.status_code == 200, response.content
    after = read(client, news_page, reporter_token)["gallery_images"]
    assert [(p["id"], p["caption"]) for p in after] == [(keep["id"], "Đã sửa")]


@pytest.mark.parametrize("method", ["post", "patch"])
def test_an_unknown_field_is_refused_by_name_and_nothing_is_saved(client, reporter_token, news_page, method):
    category = f.news_index()
    url, body = (PAGES, {"meta": {"type": "news.NewsPage", "parent_id": category.pk}, "title": "Tin"})
    if method == "patch":
        url, body = f"{PAGES}{news_page}/", {}
    body.update({"lead": "Sapo", "leed": "gõ nhầm", "gallery_images": [{"image": f.image().pk, "caption_x": "?"}]})
    before = Page.objects.count(), Revision.objects.count()
    response = send(client, method, url, body, reporter_token)
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert {(e["field"], e["type"]) for e in problem["errors"]} == {
        ("leed", "extra_forbidden"),
        ("gallery_images.0.caption_x", "extra_forbidden"),
    }
    assert "leed: unknown field" in problem["detail"] and "news.NewsPage" in problem["detail"]
    assert (Page.objects.count(), Revision.objects.count()) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", 1),
        ("category", {"id": 4, "title": "Khác", "slug": "khac"}),
        ("related_news", []),
    ],
)
def test_a_read_only_field_is_refused_by_name(client, reporter_token, news_page, field, value):
    response = send(client, "patch", f"{PAGES}{news_page}/", {"lead": "Đổi", field: value}, reporter_token)
    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert [(e["field"], e["type"]) for e in errors] == [(field, "read_only")]
    assert read(client, news_page, reporter_token)["lead"] != "Đổi"


@pytest.mark.parametrize(
    ("label", "field", "value"),
    [
        ("directives.TaskPage", "status", "done"),
        ("directives.TaskPage", "latest_percent", 100),
        ("directives.LegalDocumentPage", "current_status", "con_hieu_luc"),
        ("directives.LegalDocumentPage", "referenced_by", []),
        ("consultation.DraftPage", "approved_comments", []),
        ("projects.ProjectPage", "kind_label", "Đầu tư công"),
    ],
)
def test_computed_fields_of_each_type_are_refused_on_create(client, admin_token, label, field, value):
    parent_of, body_of = CREATED[label]
    body = {"meta": {"type": label, "parent_id": parent_of().pk}, "title": "Trang", **body_of(), field: value}
    before = Page.objects.count()
    response = send(client, "post", PAGES, body, admin_token)
    assert response.status_code == 422, response.content
    assert [(e["field"], e["type"]) for e in response.json()["errors"]] == [(field, "read_only")]
    assert Page.objects.count() == before


def test_a_reference_written_with_what_describes_its_object_is_refused(client, reporter_token, news_page):
    image = read(client, news_page, reporter_token)["lead_image"]
    response = send(client, "patch", f"{PAGES}{news_page}/", {"lead_image": image}, reporter_token)
    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error["field"] == "lead_image" and error["type"] == "read_only"
    assert "'url'" in error["msg"] and "'small'" in error["msg"]
    response = send(client, "patch", f"{PAGES}{news_page}/", {"lead_image": {"id": image["id"]}}, reporter_token)
    assert response.status_code == 200, response.content


def test_a_read_body_sent_back_is_refused_listing_its_read_only_fields(client, reporter_token, news_page):
    """The decision (docs/api.md): a body read from the API is not a write body. Sent back whole
    (PATCH; Wagtail has no PUT), it is a 422 listing every read-only field by its path — ``id``,
    ``meta``'s keys, the computed fields, what describes a referenced image — and nothing changes."""
    shown = read(client, news_page, reporter_token)
    revisions = Revision.objects.count()
    shown["lead"] = "Sửa trong bản đọc"
    response = send(client, "patch", f"{PAGES}{news_page}/", shown, reporter_token)
    assert response.status_code == 422, response.content
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"id", "category", "related_news", "lead_image", "gallery_images.0.image"} <= fields
    assert {"meta.detail_url", "meta.html_url", "meta.parent", "meta.slug", "meta.first_published_at"} <= fields
    assert {e["type"] for e in response.json()["errors"]} == {"read_only"}
    assert "lead" not in fields and "body" not in fields  # writable fields pass in their read shape
    assert Revision.objects.count() == revisions
    assert read(client, news_page, reporter_token)["lead"] != "Sửa trong bản đọc"


def test_the_writable_part_of_a_read_body_writes_back_unchanged(client, reporter_token, news_page):
    """What a client keeps of a read body — the writable fields, references reduced to their id —
    is a valid PATCH that changes nothing."""
    shown = read(client, news_page, reporter_token)
    model_writers = WRITERS[NewsPage].writers
    body = {name: shown[name] for name in (*PAGE_FIELDS, *model_writers) if name in shown}
    body.update({name: shown["meta"][name] for name in PAGE_FIELDS if name in shown["meta"]})
    body["lead_image"] = shown["lead_image"]["id"]
    body["gallery_images"] = [
        {"id": p["id"], "image": p["image"]["id"], "caption": p["caption"]} for p in shown["gallery_images"]
    ]
    response = send(client, "patch", f"{PAGES}{news_page}/", body, reporter_token)
    assert response.status_code == 200, response.content
    after = read(client, news_page, reporter_token)

    def content(page):  # the editor's converter gives each paragraph a new block key on every save
        text = json.dumps({k: v for k, v in page.items() if k != "meta"}, ensure_ascii=False)
        return json.loads(re.sub(r' data-block-key=\\"[^\\"]*\\"', "", text))

    assert content(after) == content(shown)
    assert after["meta"]["slug"] == shown["meta"]["slug"]


def test_the_admins_validation_answers_at_the_field_sent(client, admin_token):
    parent = f.legal_index()
    meta = {"type": "directives.LegalDocumentPage", "parent_id": parent.pk}
    body = {"meta": meta, "title": "VB", **legal_document_body()}
    body["effective_on"] = "2025-01-01"  # before issued_on: LegalDocumentPage.clean()
    body["issuing_bodies"] = [99999]
    body["related_documents"] = [{"type": "amends"}, {"type": "based_on", "page": 99999}]
    before = Page.objects.count()
    response = send(client, "post", PAGES, body, admin_token)
    assert response.status_code == 422, response.content
    fields = {e["field"] for e in response.json()["errors"]}
    # every error at once, each at the path sent: the lead issuing body (issuing_bodies[0] is the
    # admin's issuing_body), a relation without target (the row's clean()), an unknown target
    assert fields == {
        "effective_on",
        "issuing_bodies.0",
        "related_documents.0",
        "related_documents.1",
        "related_documents.1.page",
    }
    assert Page.objects.count() == before
    body["issuing_bodies"] = [f.agency().pk]
    body["related_documents"] = []
    response = send(client, "post", PAGES, body, admin_token)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["effective_on"]


def test_a_bad_block_type_is_a_422_naming_the_body(client, reporter_token, news_page):
    body = {"body": [{"type": "no_such_block", "value": "x"}]}
    response = send(client, "patch", f"{PAGES}{news_page}/", body, reporter_token)
    assert response.status_code == 422, response.content
    assert "body" in response.json()["detail"]


def test_a_reporters_permissions_are_unchanged(client, reporter_token, news_page):
    category = f.news_index()
    other = f.news(category=category, title="Bài của người khác")
    body = {"meta": {"type": "news.NewsPage", "parent_id": category.pk, "action": "publish"}, "title": "T", "lead": "S"}
    before = Page.objects.count(), Revision.objects.count()
    assert send(client, "post", PAGES, body, reporter_token).status_code == 403
    meta_publish = {"meta": {"action": "publish"}, "lead": "Đăng"}
    assert send(client, "patch", f"{PAGES}{news_page}/", meta_publish, reporter_token).status_code == 403
    others = send(client, "patch", f"{PAGES}{other.pk}/", {"lead": "Sửa bài người khác"}, reporter_token)
    assert others.status_code == 403
    headers = {"HTTP_AUTHORIZATION": f"Bearer {reporter_token}"}
    assert client.post(f"{PAGES}{news_page}/actions/publish/", **headers).status_code == 403
    assert client.delete(f"{PAGES}{other.pk}/", **headers).status_code == 403
    unpublish = send(client, "post", f"{PAGES}{other.pk}/actions/unpublish/", {}, reporter_token)
    assert unpublish.status_code == 403
    assert (Page.objects.count(), Revision.objects.count()) == before
    assert not NewsPage.objects.filter(pk=news_page, live=True).exists()
    # anonymous writes are refused too
    response = client.patch(f"{PAGES}{news_page}/", json.dumps({"lead": "x"}), content_type="application/json")
    assert response.status_code == 401


def test_a_wagtail_cli_style_create_stores_the_lead(client, reporter_token):
    """``wt api pages create news.NewsPage --parent 4 --title … --field lead:… --field body:…
    --field lead_image:12`` (wagtail-cli 0.4.0's ``build_page_payload``: fields as strings at the
    top level of the body)."""
    category = f.news_index()
    image = f.image()
    body = {
        "meta": {"type": "news.NewsPage", "parent_id": category.pk},
        "title": "Tin qua dòng lệnh",
        "lead": "Sapo gửi bằng --field",
        "body": {"format": "db_markdown", "content": "Đoạn **đậm**."},
        "lead_image": str(image.pk),
        "published_on": "2025-06-02",
    }
    response = send(client, "post", PAGES, body, reporter_token)
    assert response.status_code == 201, response.content
    page = NewsPage.objects.get(pk=response.json()["id"]).get_latest_revision_as_object()
    assert page.lead == "Sapo gửi bằng --field"
    assert page.lead_image_id == image.pk and page.published_on == date(2025, 6, 2)
    assert "<b>đậm</b>" in str(page.body[0].value)


def test_a_title_used_twice_gets_a_slug_of_its_own(client, reporter_token):
    category = f.news_index()
    body = {"meta": {"type": "news.NewsPage", "parent_id": category.pk}, "title": "Hội nghị", "lead": "S"}
    first = send(client, "post", PAGES, body, reporter_token)
    second = send(client, "post", PAGES, body, reporter_token)
    assert first.status_code == 201 and second.status_code == 201, second.content
    assert first.json()["meta"]["slug"] != second.json()["meta"]["slug"]


def test_html_the_features_do_not_allow_is_removed_and_said(client, reporter_token):
    category = f.news_index()
    body = {"meta": {"type": "news.NewsPage", "parent_id": category.pk}, "title": "Ảnh", "body": "<p>a<img src=x></p>"}
    response = send(client, "post", PAGES, body, reporter_token)
    assert response.status_code == 201, response.content
    assert [w["tag"] for w in response.json()["meta"]["warnings"]] == ["img"]
