"""The public read API (Wagtail API v3 at /api/v3/): every page type, never a draft."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction

from directives.models import Field, LegalDocumentAttachment, LegalDocumentRelation
from portal.importing import home_page
from tests import factories

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "home.HomePage",
    "news.NewsIndexPage",
    "news.NewsPage",
    "directives.LegalDocumentIndexPage",
    "directives.LegalDocumentPage",
]


@pytest.fixture
def portal():
    category = factories.news_index("Văn hóa - Xã hội")
    news = [
        factories.news(f"Lễ hội làng số {i}", category=category, published_on=date(2024, 1, i + 1), lead=f"Sapo {i}")
        for i in range(3)
    ]
    gov = factories.agency("Chính phủ", "CP")
    doc = factories.legal_document(
        "42/2022/NĐ-CP",
        issuing_body=gov,
        document_type=factories.document_type("Nghị định", "NĐ", True),
        issued_on=date(2022, 6, 24),
        status="con_hieu_luc",
    )
    return {"category": category, "news": news, "doc": doc}


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_each_page_type_is_listed_and_fetched(client, portal, page_type):
    listing = get(client, "/api/v3/pages/", type=page_type)
    assert listing["count"] >= 1
    item = listing["items"][0]
    assert item["meta"]["type"] == page_type
    detail = get(client, f"/api/v3/pages/{item['id']}/")
    assert detail["meta"]["type"] == page_type and detail["id"] == item["id"]


def test_legal_document_detail_has_every_field_with_names_resolved(client, portal):
    doc = portal["doc"]
    co = factories.agency("Bộ Thông tin và Truyền thông", "BTTTT")
    cntt = Field.objects.create(name="Công nghệ thông tin")
    document = Document.objects.create(title="Toàn văn 42/2022/NĐ-CP")
    document.file.save("42-2022-nd-cp.pdf", ContentFile(b"%PDF-1.4 x"))
    doc.co_issuing_bodies = [co]
    doc.fields = [cntt]
    doc.attachments = [LegalDocumentAttachment(document=document)]
    doc.relations = [LegalDocumentRelation(relation_type="replaces", target_number="43/2011/NĐ-CP")]
    doc.signer, doc.signer_title = "Lê Minh Khái", "Phó Thủ tướng"
    doc.save_revision().publish()

    data = get(client, f"/api/v3/pages/{doc.pk}/")
    assert data["number"] == "42/2022/NĐ-CP"
    assert data["document_type"] == {
        "id": doc.document_type_id,
        "name": "Nghị định",
        "abbreviation": "NĐ",
        "is_normative": True,
    }
    assert [b["name"] for b in data["issuing_bodies"]] == ["Chính phủ", "Bộ Thông tin và Truyền thông"]
    assert [f["name"] for f in data["fields"]] == ["Công nghệ thông tin"]
    assert (data["signer"], data["signer_title"]) == ("Lê Minh Khái", "Phó Thủ tướng")
    assert data["issued_on"] == "2022-06-24" and data["status"] == "con_hieu_luc"
    assert data["current_status_label"] == "Còn hiệu lực"
    (attachment,) = data["attachments"]
    assert attachment["url"].endswith(".pdf") and attachment["size"] == 10
    assert attachment["content_type"] == "application/pdf"
    assert data["related_documents"] == [
        {"type": "replaces", "label": "Thay thế", "number": "43/2011/NĐ-CP", "page": None}
    ]


def test_news_detail_has_related_news_of_the_same_category(client, portal, settings):
    settings.NEWS_RELATED_COUNT = 2
    other_category = factories.news_index("Giáo dục")
    factories.news("Tin giáo dục", category=other_category, published_on=date(2024, 6, 1))
    newest, middle, oldest = reversed(portal["news"])
    data = get(client, f"/api/v3/pages/{oldest.pk}/")
    category = portal["category"]
    assert data["category"] == {"id": category.pk, "title": "Văn hóa - Xã hội", "slug": category.slug}
    assert [r["title"] for r in data["related_news"]] == [newest.title, middle.title]
    assert data["published_on"] == "2024-01-01"


def test_drafts_and_private_pages_are_never_returned_to_anonymous_readers(client, portal):
    draft = factories.news("Bản nháp bí mật", category=portal["category"], live=False)
    private = factories.news("Tin nội bộ", category=portal["category"])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    group_only = factories.legal_document("99/QĐ-UBND", issued_on=date(2024, 1, 1))
    restriction = PageViewRestriction.objects.create(page=group_only, restriction_type="groups")
    restriction.groups.add(Group.objects.create(name="Nội bộ"))
    # A published page with a newer unpublished draft shows the published text only.
    live = portal["news"][0]
    live.title = "Tiêu đề nháp chưa duyệt"
    live.save_revision()

    hidden = {draft.pk, private.pk, group_only.pk}
    listing = get(client, "/api/v3/pages/", limit=50)
    assert hidden.isdisjoint({item["id"] for item in listing["items"]})
    for page_id in hidden:
        assert client.get(f"/api/v3/pages/{page_id}/").status_code == 404
        assert client.get(f"/api/v3/pages/{page_id}/", {"version": "draft"}).status_code == 404
    assert get(client, f"/api/v3/pages/{live.pk}/", version="draft")["title"] == "Lễ hội làng số 0"
    assert "Tiêu đề nháp" not in client.get("/api/v3/pages/", {"limit": 50}).content.decode()


def test_related_news_never_lists_a_draft(client, portal):
    draft = factories.news(
        "Tin nháp cùng chuyên mục", category=portal["category"], live=False, published_on=date(2030, 1, 1)
    )
    data = get(client, f"/api/v3/pages/{portal['news'][0].pk}/")
    assert draft.pk not in {r["id"] for r in data["related_news"]}


def test_listing_20_news_uses_a_constant_number_of_queries(client, django_assert_max_num_queries):
    category = factories.news_index("Kinh tế")
    factories.news(category=category)

    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            data = get(client, "/api/v3/pages/", type="news.NewsPage", limit=20)
        return len(ctx.captured_queries), len(data["items"])

    count_queries()  # warm the site cache (the first request of a process looks the site up)
    few, n_few = count_queries()
    for i in range(25):
        factories.news(f"Tin {i}", category=category)
    many, n_many = count_queries()
    assert (n_few, n_many) == (1, 20)
    assert many == few
    with django_assert_max_num_queries(8):
        get(client, "/api/v3/pages/", type="news.NewsPage", limit=20)


def test_openapi_document_describes_the_page_types(client):
    schema = get(client, "/api/v3/openapi.json")
    assert schema["info"]["title"] == "API Cổng Thông tin điện tử"
    names = set(schema["components"]["schemas"])
    assert {"LegalDocumentPageSchema", "NewsPageSchema"} <= names
    doc_props = schema["components"]["schemas"]["LegalDocumentPageSchema"]["properties"]
    assert {"number", "summary", "issuing_bodies", "attachments", "related_documents", "referenced_by"} <= set(
        doc_props
    )


def test_bad_page_id_and_type_get_client_errors(client):
    assert client.get("/api/v3/pages/999999/").status_code == 404
    response = client.get("/api/v3/pages/", {"type": "news.Nope"})
    assert 400 <= response.status_code < 500


def test_home_page_is_the_site_root(client):
    assert isinstance(home_page(), Page)


def test_news_images_come_with_rendition_urls_and_captions(client, portal):
    from news.models import NewsGalleryImage

    page = portal["news"][0]
    page.lead_image = factories.image("Toàn cảnh lễ hội", size=(1600, 900))
    page.gallery_images = [
        NewsGalleryImage(image=factories.image("Rước kiệu"), caption="Đoàn rước kiệu qua đình làng"),
        NewsGalleryImage(image=factories.image("Hát quan họ"), caption="Liền anh, liền chị hát đối"),
    ]
    page.save_revision().publish()
    data = get(client, f"/api/v3/pages/{page.pk}/")
    lead = data["lead_image"]
    assert lead["title"] == "Toàn cảnh lễ hội" and (lead["width"], lead["height"]) == (1200, 675)
    assert lead["url"].startswith("http") and "/media/images/" in lead["url"]
    assert [g["caption"] for g in data["gallery_images"]] == [
        "Đoàn rước kiệu qua đình làng",
        "Liền anh, liền chị hát đối",
    ]
    assert all(g["image"]["url"] for g in data["gallery_images"])
