"""Typed listings of the read API (/api/v3/news/, /legal-documents/, /directives/, /tasks/): what a
list view needs, filters per type, bad values → 400, and query budgets that do not depend on the
number of items (listings and details)."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import APIToken, PageViewRestriction

from directives.models import (
    DirectiveAttachment,
    Field,
    LegalDocumentAttachment,
    LegalDocumentRelation,
    TaskProgressReport,
)
from news.models import NewsGalleryImage
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
D = timedelta(days=1)
LISTINGS = ["/api/v3/news/", "/api/v3/legal-documents/", "/api/v3/directives/", "/api/v3/tasks/"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches renditions by image id in the default cache, which outlives a test; ids are
    reused after a rollback, so a later test would get this module's tiny renditions."""
    cache.clear()
    yield
    cache.clear()


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:800]
    return response.json()


def ids(client, url, **params):
    return [item["id"] for item in get(client, url, **params)["items"]]


def count_queries(client, url, **params) -> tuple[int, int]:
    """(queries, items) of one request, with Wagtail's rendition cache and the site cache cold."""
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        data = get(client, url, **params)
    return len(ctx.captured_queries), len(data.get("items", ()))


# --- what a list view needs ----------------------------------------------------------------------


def test_news_items_carry_date_lead_thumbnail_category_and_tags(client):
    category = factories.news_index("Văn hóa - Xã hội")
    page = factories.news(
        "Lễ hội đền Hùng",
        category=category,
        published_on=date(2025, 4, 7),
        lead="Hàng vạn người dân về dự lễ.",
        lead_image=factories.image("Rước kiệu", size=(1600, 900)),
    )
    page.tags.add("Lễ hội", "Văn hóa")
    page.save_revision().publish()
    factories.news("Tin không ảnh", category=category, published_on=date(2025, 4, 1))

    data = get(client, "/api/v3/news/")
    assert data["count"] == 2
    item, bare = data["items"]
    assert (item["id"], item["title"], item["published_on"]) == (page.pk, "Lễ hội đền Hùng", "2025-04-07")
    assert item["lead"] == "Hàng vạn người dân về dự lễ."
    assert item["meta"]["type"] == "news.NewsPage"
    assert item["meta"]["detail_url"].endswith(f"/api/v3/pages/{page.pk}/")
    assert item["category"] == {"id": category.pk, "title": "Văn hóa - Xã hội", "slug": category.slug}
    assert item["tags"] == ["Lễ hội", "Văn hóa"]
    image = item["lead_image"]
    assert image["title"] == "Rước kiệu" and image["alt"] == "Rước kiệu"
    assert (image["small"]["width"], image["small"]["height"]) == (320, 200)
    assert (image["large"]["width"], image["large"]["height"]) == (1200, 675)
    assert image["small"]["url"].startswith("http") and "fill-320x200" in image["small"]["url"]
    assert image["large"]["url"] != image["small"]["url"]
    assert bare["lead_image"] is None and bare["tags"] == []


def test_legal_document_items_carry_number_type_bodies_dates_status_fields_summary(client):
    lead = factories.agency("Bộ Tài chính", "BTC")
    co = factories.agency("Bộ Kế hoạch và Đầu tư", "BKHĐT")
    doc = factories.legal_document(
        "19/2012/TTLT-BTC-BKHĐT",
        document_type=factories.document_type("Thông tư liên tịch", "TTLT", True),
        issuing_body=lead,
        issued_on=date(2012, 2, 15),
        effective_on=date(2012, 4, 1),
        status="con_hieu_luc",
        summary="Hướng dẫn quản lý kinh phí",
    )
    doc.co_issuing_bodies = [co]
    doc.fields = [Field.objects.create(name="Tài chính")]
    doc.save_revision().publish()

    (item,) = get(client, "/api/v3/legal-documents/")["items"]
    assert item["number"] == "19/2012/TTLT-BTC-BKHĐT" and item["summary"] == "Hướng dẫn quản lý kinh phí"
    assert item["document_type"]["name"] == "Thông tư liên tịch" and item["document_type"]["is_normative"]
    assert [b["name"] for b in item["issuing_bodies"]] == ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"]
    assert (item["issued_on"], item["effective_on"]) == ("2012-02-15", "2012-04-01")
    assert (item["current_status"], item["current_status_label"]) == ("con_hieu_luc", "Còn hiệu lực")
    assert [f["name"] for f in item["fields"]] == ["Tài chính"]
    assert "body" not in item and "attachments" not in item  # details only


def test_directive_items_carry_number_kind_leader_date_summary(client):
    leader = factories.official("Trần Văn Lãnh", "Chủ tịch UBND huyện", phone="0210 3000 000")
    directive = factories.directive(
        "215/TB-UBND", kind="conclusion_notice", issued_on=date(2025, 5, 2), directing_leader=leader
    )
    (item,) = get(client, "/api/v3/directives/")["items"]
    assert (item["id"], item["number"], item["issued_on"]) == (directive.pk, "215/TB-UBND", "2025-05-02")
    assert (item["kind"], item["kind_label"]) == ("conclusion_notice", "Thông báo kết luận")
    assert item["directing_leader"]["name"] == "Trần Văn Lãnh"
    assert item["directing_leader"]["phone"] == "0210 3000 000"
    assert item["summary"] == directive.summary


def test_details_carry_attachment_urls(client):
    doc = factories.legal_document("5/2025/QĐ-UBND")
    doc.attachments = [LegalDocumentAttachment(document=factories.document_file("Toàn văn", "qd-5.pdf", 300))]
    doc.save_revision().publish()
    directive = factories.directive()
    directive.attachments = [DirectiveAttachment(document=factories.document_file("Thông báo", "tb.pdf", 200))]
    directive.save_revision().publish()
    for page, size in ((doc, 300), (directive, 200)):
        (attachment,) = get(client, f"/api/v3/pages/{page.pk}/")["attachments"]
        assert attachment["url"].endswith(".pdf") and attachment["size"] == size


# --- filters and ordering -------------------------------------------------------------------------


@pytest.fixture
def documents():
    nd, qd = factories.document_type("Nghị định", "NĐ", True), factories.document_type("Quyết định", "QĐ")
    cp, ubnd, bo = factories.agency("Chính phủ", "CP"), factories.agency(), factories.agency("Bộ Tư pháp", "BTP")
    finance = Field.objects.create(name="Tài chính")
    docs = {
        "nd43": factories.legal_document(
            "43/2011/NĐ-CP",
            document_type=nd,
            issuing_body=cp,
            issued_on=date(2011, 6, 13),
            status="het_hieu_luc_toan_bo",
        ),
        "nd42": factories.legal_document(
            "42/2022/NĐ-CP", document_type=nd, issuing_body=cp, issued_on=date(2022, 6, 24), status="con_hieu_luc"
        ),
        "qd1": factories.legal_document(
            "1/QĐ-UBND", document_type=qd, issuing_body=ubnd, issued_on=date(2024, 1, 5), status="con_hieu_luc"
        ),
        "qd2": factories.legal_document(
            "2/QĐ-UBND",
            document_type=qd,
            issuing_body=ubnd,
            issued_on=TODAY - D,
            effective_on=TODAY + 10 * D,  # stored "in force", but not yet in force today
            status="con_hieu_luc",
        ),
    }
    docs["qd1"].co_issuing_bodies = [bo]
    docs["qd1"].fields = [finance]
    docs["qd1"].save_revision().publish()
    docs["draft"] = factories.legal_document("43/2011/NĐ-CP", issuing_body=ubnd, issued_on=date(2011, 1, 1), live=False)
    return {**docs, "nd": nd, "qd": qd, "cp": cp, "ubnd": ubnd, "bo": bo, "finance": finance}


@pytest.mark.parametrize("typed", ["43/2011/ND-CP", "43/2011/nđ-cp", "43 / 2011 / NĐCP", "043/2011/NÐ-CP"])
def test_legal_documents_by_number_in_any_spelling(client, documents, typed):
    assert ids(client, "/api/v3/legal-documents/", number=typed) == [documents["nd43"].pk]


def test_legal_documents_by_type_body_field_status_and_period(client, documents):
    d = documents
    url = "/api/v3/legal-documents/"
    assert ids(client, url) == [d["qd2"].pk, d["qd1"].pk, d["nd42"].pk, d["nd43"].pk]  # newest first
    assert ids(client, url, order="date") == [d["nd43"].pk, d["nd42"].pk, d["qd1"].pk, d["qd2"].pk]
    assert ids(client, url, document_type=d["nd"].pk) == [d["nd42"].pk, d["nd43"].pk]
    assert ids(client, url, issuing_body=d["bo"].pk) == [d["qd1"].pk]  # a co-issuer
    assert ids(client, url, issuing_body=d["ubnd"].pk) == [d["qd2"].pk, d["qd1"].pk]
    assert ids(client, url, field=d["finance"].pk) == [d["qd1"].pk]
    assert ids(client, url, status="chua_co_hieu_luc") == [d["qd2"].pk]  # today's status, not the stored one
    assert ids(client, url, status=["con_hieu_luc", "het_hieu_luc_toan_bo"]) == [
        d["qd1"].pk,
        d["nd42"].pk,
        d["nd43"].pk,
    ]
    assert ids(client, url, date_from="2022-06-24", date_to="2024-01-05") == [d["qd1"].pk, d["nd42"].pk]
    assert ids(client, url, document_type=d["qd"].pk, date_to="2024-12-31") == [d["qd1"].pk]
    assert ids(client, url, document_type=999_999) == []


def test_news_by_category_tag_and_period(client):
    culture, economy = factories.news_index("Văn hóa"), factories.news_index("Kinh tế")
    a = factories.news("A", category=culture, published_on=date(2025, 1, 10))
    b = factories.news("B", category=culture, published_on=date(2025, 2, 10))
    c = factories.news("C", category=economy, published_on=date(2025, 3, 10))
    for page, tags in ((a, ["Lễ hội", "Tết"]), (b, ["Lễ hội"]), (c, ["Tết"])):
        page.tags.add(*tags)
        page.save_revision().publish()
    factories.news("Nháp", category=culture, published_on=date(2025, 2, 1), live=False)

    url = "/api/v3/news/"
    assert ids(client, url) == [c.pk, b.pk, a.pk]
    assert ids(client, url, order="date") == [a.pk, b.pk, c.pk]
    assert ids(client, url, category=culture.pk) == [b.pk, a.pk]
    assert ids(client, url, category=economy.slug) == [c.pk]
    assert ids(client, url, category="khong-co") == []
    assert ids(client, url, tag="Tết") == [c.pk, a.pk]
    assert ids(client, url, tag=["Lễ hội", "Tết"]) == [a.pk]  # all of them
    assert ids(client, url, date_from="2025-02-01", date_to="2025-03-10") == [c.pk, b.pk]
    assert ids(client, url, category=culture.pk, tag="Lễ hội", date_from="2025-02-01") == [b.pk]


def test_directives_by_number_kind_leader_and_period(client):
    chair, vice = factories.official("Chủ tịch A", "Chủ tịch"), factories.official("Phó B", "Phó Chủ tịch")
    d1 = factories.directive("10/TB-UBND", kind="conclusion_notice", issued_on=date(2025, 1, 5), directing_leader=chair)
    d2 = factories.directive("11/CT-UBND", kind="directive", issued_on=date(2025, 2, 5), directing_leader=vice)
    d3 = factories.directive("12/CĐ-UBND", kind="dispatch", issued_on=date(2025, 3, 5), directing_leader=chair)
    url = "/api/v3/directives/"
    assert ids(client, url) == [d3.pk, d2.pk, d1.pk]
    assert ids(client, url, kind="directive") == [d2.pk]
    assert ids(client, url, kind=["directive", "dispatch"], order="date") == [d2.pk, d3.pk]
    assert ids(client, url, leader=chair.pk) == [d3.pk, d1.pk]
    assert ids(client, url, date_from="2025-02-01", date_to="2025-02-28") == [d2.pk]
    assert ids(client, url, number="12/CD-UBND") == [d3.pk]


def test_tasks_by_unit_status_and_deadline_period_with_ordering(client):
    unit, other = factories.agency("Phòng Tài chính", "TC"), factories.agency("Phòng Y tế", "YT")
    t1 = factories.task("T1", lead_unit=unit, deadline=TODAY + 20 * D)
    t2 = factories.task("T2", lead_unit=unit, deadline=TODAY - 5 * D)
    t3 = factories.task("T3", lead_unit=other, deadline=TODAY + 40 * D)
    t4 = factories.task("T4", lead_unit=unit, deadline=None)
    url = "/api/v3/tasks/"
    assert ids(client, url) == [t2.pk, t1.pk, t3.pk, t4.pk]  # soonest deadline first, none last
    assert ids(client, url, order="-deadline") == [t3.pk, t1.pk, t2.pk, t4.pk]
    assert ids(client, url, deadline_from=str(TODAY), deadline_to=str(TODAY + 30 * D)) == [t1.pk]
    assert ids(client, url, unit=unit.pk, deadline_to=str(TODAY + 30 * D)) == [t2.pk, t1.pk]
    assert ids(client, url, status="overdue") == [t2.pk]


def test_drafts_and_private_pages_are_never_listed(client):
    public = factories.news("Công khai")
    factories.news("Bản nháp", live=False)
    private = factories.news("Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    live_doc = factories.legal_document("7/QĐ-UBND")
    factories.legal_document("8/QĐ-UBND", live=False)
    live_directive = factories.directive("9/TB-UBND")
    factories.directive("10/TB-UBND", live=False)
    assert ids(client, "/api/v3/news/") == [public.pk]
    assert ids(client, "/api/v3/legal-documents/") == [live_doc.pk]
    assert ids(client, "/api/v3/directives/") == [live_directive.pk]


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [
        ("/api/v3/news/", {"date_from": "10/01/2025"}, "date_from"),
        ("/api/v3/news/", {"date_from": "2025-02-01", "date_to": "2025-01-01"}, "'date_from' must not be after"),
        ("/api/v3/news/", {"order": "title"}, "order"),
        ("/api/v3/news/", {"category": "a\x00b"}, "null characters"),
        ("/api/v3/news/", {"limit": 51}, "limit cannot be higher than 50"),
        ("/api/v3/legal-documents/", {"document_type": "nghi-dinh"}, "document_type"),
        ("/api/v3/legal-documents/", {"issuing_body": 0}, "issuing_body"),
        ("/api/v3/legal-documents/", {"field": 10**20}, "field"),
        ("/api/v3/legal-documents/", {"status": "valid"}, "status"),
        ("/api/v3/legal-documents/", {"number": "//"}, "not a document number"),
        ("/api/v3/legal-documents/", {"number": "x" * 101}, "number"),
        ("/api/v3/directives/", {"kind": "letter"}, "kind"),
        ("/api/v3/directives/", {"leader": "-1"}, "leader"),
        ("/api/v3/tasks/", {"deadline_from": "2025-13-01"}, "deadline_from"),
        ("/api/v3/tasks/", {"deadline_from": "2025-02-01", "deadline_to": "2025-01-01"}, "'deadline_from'"),
        ("/api/v3/tasks/", {"order": "status"}, "order"),
        ("/api/v3/tasks/", {"unit": 10**12}, "unit"),
    ],
)
def test_bad_filter_values_get_400_with_a_message(client, url, params, message):
    response = client.get(url, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert message in response.json()["detail"]


@pytest.mark.parametrize("url", [*LISTINGS, "/api/v3/tasks/stats/"])
def test_the_400_is_documented_as_the_problem_it_is(client, url):
    """Found by fuzzing (tests/test_api_fuzz.py): the 400 was documented as application/json while a
    problem+json is sent."""
    documented = get(client, "/api/v3/openapi.json")["paths"][url]["get"]["responses"]["400"]["content"]
    response = client.get(url, {"date_from": "x", "from": "x"})
    assert response.status_code == 400
    assert list(documented) == [response["Content-Type"]] == ["application/problem+json"]
    assert set(documented["application/problem+json"]["schema"]["required"]) <= set(response.json())


def test_the_openapi_document_describes_every_listing_parameter(client):
    schema = get(client, "/api/v3/openapi.json")
    expected = {
        "/api/v3/news/": {"category", "tag", "date_from", "date_to", "order", "limit", "offset"},
        "/api/v3/legal-documents/": {
            "number",
            "document_type",
            "issuing_body",
            "field",
            "status",
            "date_from",
            "date_to",
            "order",
        },
        "/api/v3/directives/": {"number", "kind", "leader", "field", "date_from", "date_to", "order"},
        "/api/v3/tasks/": {"unit", "status", "from", "to", "deadline_from", "deadline_to", "order"},
    }
    for path, names in expected.items():
        operation = schema["paths"][path]["get"]
        parameters = {p["name"]: p for p in operation["parameters"]}
        assert names <= set(parameters), (path, names - set(parameters))
        assert all(parameters[name].get("description") for name in names - {"limit", "offset"}), path
        assert {"200", "400"} <= set(operation["responses"]), path
    items = schema["components"]["schemas"]["LegalDocumentPageListItem"]["properties"]
    assert {"number", "document_type", "issuing_bodies", "current_status", "fields", "summary"} <= set(items)
    image = schema["components"]["schemas"]["ImageOut"]["properties"]
    assert {"small", "large", "url", "width", "height"} <= set(image)


# --- query budgets ---------------------------------------------------------------------------------
# Each listing is measured at limit 1, 20 and 50 over 50 pages with the rendition cache cold: the
# count must be the same exact number each time. The numbers are the queries a listing needs:
# view restrictions, count, items, and one per prefetched relation; with the cache cold, the site
# and its root pages in every language (Wagtail's localisation: one query more than without it).


def _assert_constant(client, url, expected, django_assert_num_queries):
    get(client, url, limit=50)  # renditions are generated once, on the first request
    for limit in (1, 20, 50):
        cache.clear()
        with django_assert_num_queries(expected):
            data = get(client, url, limit=limit)
        assert len(data["items"]) == limit


def test_news_listing_query_budget(client, django_assert_num_queries):
    categories = [factories.news_index("Văn hóa"), factories.news_index("Kinh tế")]
    for i in range(50):
        image = factories.image(f"Ảnh {i}", size=(64, 40))
        page = factories.news(f"Tin {i}", category=categories[i % 2], lead_image=image, published_on=date(2025, 1, 1))
        page.gallery_images = [NewsGalleryImage(image=image, caption=f"Chú thích {i}")]
        page.tags.add(f"chủ đề {i % 5}", "chung")
        page.save_revision().publish()
    # restrictions, count, news (with their category), lead images, renditions, tags, site (for URLs)
    _assert_constant(client, "/api/v3/news/", 8, django_assert_num_queries)


def test_legal_document_listing_query_budget(client, django_assert_num_queries):
    fields = [Field.objects.create(name=f"Lĩnh vực {i}") for i in range(3)]
    bodies = [factories.agency(f"Sở {i}", f"S{i}") for i in range(3)]
    for i in range(50):
        doc = factories.legal_document(f"{i + 1}/QĐ-UBND", document_type=factories.document_type(f"Loại {i % 4}"))
        doc.co_issuing_bodies = bodies[: i % 3 + 1]
        doc.fields = fields[: i % 3 + 1]
        doc.relations = [LegalDocumentRelation(relation_type="amends", target_number=f"{i}/2020/NĐ-CP")]
        doc.save_revision().publish()
    # restrictions, count, documents with type and lead body, co-issuers, fields, site (for URLs)
    _assert_constant(client, "/api/v3/legal-documents/", 7, django_assert_num_queries)


def test_directive_listing_query_budget(client, django_assert_num_queries):
    leaders = [factories.official(f"Lãnh đạo {i}", "Phó Chủ tịch", agency=factories.agency()) for i in range(3)]
    field = Field.objects.create(name="Đất đai")
    for i in range(50):
        directive = factories.directive(directing_leader=leaders[i % 3])
        directive.fields = [field]
        directive.save_revision().publish()
    # restrictions, count, directives with leader and agency, fields, site (for URLs)
    _assert_constant(client, "/api/v3/directives/", 6, django_assert_num_queries)


def test_task_listing_query_budget(client, django_assert_num_queries):
    units = [factories.agency(f"Phòng {i}", f"P{i}") for i in range(3)]
    for i in range(50):
        factories.task(lead_unit=units[i % 3], deadline=TODAY + (i - 10) * D)
    # restrictions, count, tasks with lead unit and status, the request's site and the site root paths (URLs)
    _assert_constant(client, "/api/v3/tasks/", 6, django_assert_num_queries)


def _detail_queries(client, page) -> int:
    get(client, f"/api/v3/pages/{page.pk}/")  # renditions are generated once
    return count_queries(client, f"/api/v3/pages/{page.pk}/")[0]


def test_news_detail_queries_do_not_grow_with_the_gallery(client):
    category = factories.news_index()
    pages = []
    for photos in (1, 4, 12):
        page = factories.news(f"Album {photos}", category=category, lead_image=factories.image(size=(64, 40)))
        page.gallery_images = [NewsGalleryImage(image=factories.image(size=(64, 40))) for _ in range(photos)]
        page.save_revision().publish()
        pages.append(page)
    counts = [_detail_queries(client, page) for page in pages]
    assert counts[0] == counts[1] == counts[2], counts
    data = get(client, f"/api/v3/pages/{pages[1].pk}/")
    assert len(data["gallery_images"]) == 4
    assert all(g["image"]["small"]["width"] == 64 for g in data["gallery_images"])  # never upscaled


def test_document_and_task_details_do_not_grow_with_attachments_and_reports(client):
    counts = []
    for n in (1, 6):
        doc = factories.legal_document()
        doc.attachments = [LegalDocumentAttachment(document=factories.document_file(f"Tệp {i}")) for i in range(n)]
        doc.save_revision().publish()
        task = factories.task()
        task.progress_reports = [
            TaskProgressReport(
                date=date(2025, 1, i + 1),
                percent=10 * i,
                content=f"Báo cáo {i}",
                unit=factories.agency(f"Đơn vị {i}", f"DV{i}"),
                attachment=factories.document_file(f"Báo cáo {i}"),
            )
            for i in range(n)
        ]
        task.save_revision().publish()
        counts.append((_detail_queries(client, doc), _detail_queries(client, task)))
    assert counts[0] == counts[1], counts
    data = get(client, f"/api/v3/pages/{task.pk}/")
    assert [r["percent"] for r in data["progress_reports"]] == [0, 10, 20, 30, 40, 50]
    assert data["progress_reports"][5]["attachment"]["url"].endswith(".pdf")
    assert data["progress_reports"][5]["unit"]["name"] == "Đơn vị 5"


def test_an_editor_reads_the_draft_gallery_and_tags_of_a_page(client, django_user_model):
    page = factories.news("Tin có album", lead_image=factories.image(size=(64, 40)))
    page.gallery_images = [NewsGalleryImage(image=factories.image("Ảnh cũ", size=(64, 40)), caption="Cũ")]
    page.save_revision().publish()
    page.gallery_images = [NewsGalleryImage(image=factories.image("Ảnh mới", size=(64, 40)), caption="Mới")]
    page.tags.add("Bản nháp")
    page.save_revision()  # not published

    editor = django_user_model.objects.create_superuser("bientap", "bt@example.org", "x")
    _, token = APIToken.create_token(user=editor, name="Bản xem trước")
    response = client.get(f"/api/v3/pages/{page.pk}/", {"version": "draft"}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200, response.content[:500]
    draft = response.json()
    assert [g["caption"] for g in draft["gallery_images"]] == ["Mới"]
    assert draft["gallery_images"][0]["image"]["title"] == "Ảnh mới" and draft["tags"] == ["Bản nháp"]
    assert draft["category"]["id"] == page.get_parent().pk
    live = get(client, f"/api/v3/pages/{page.pk}/")
    assert [g["caption"] for g in live["gallery_images"]] == ["Cũ"] and live["tags"] == []


def test_a_response_that_breaks_its_own_schema_is_a_server_error_not_a_400(client, monkeypatch):
    from news.models import NewsPage

    page = factories.news("Tin")
    broken = {"id": "không phải số", "title": "", "slug": ""}
    monkeypatch.setattr(NewsPage, "category_ref", property(lambda self: broken))
    client.raise_request_exception = False
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 500
    assert client.get("/api/v3/news/", {"date_from": "hôm qua"}).status_code == 400
