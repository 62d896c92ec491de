"""The server-rendered pages (editors' preview and fallback public site): what a reader sees."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directives.models import Field, LegalDocumentAttachment, LegalDocumentPage, LegalDocumentRelation
from news.models import NewsGalleryImage, NewsPage
from portal.importing import home_page

from . import factories as f

pytestmark = pytest.mark.django_db

PRINT_CSS = '<link rel="stylesheet" href="/static/css/print.css" media="print">'


def get(client, page_or_url):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url, HTTP_HOST="localhost")
    return response, response.content.decode()


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def count_queries(client, url: str) -> int:
    client.get(url, HTTP_HOST="localhost")  # warm caches (renditions, site root paths)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, HTTP_HOST="localhost").status_code == 200
    return len(ctx.captured_queries)


# --- base layout -------------------------------------------------------------------------


def test_base_layout_is_vietnamese_accessible_and_printable(client):
    f.authority_profile(
        authority_name="Ủy ban nhân dân xã Tân Tiến",
        address="Thôn Đông, xã Tân Tiến",
        phone="0211 3838 123",
        email="vanphong@tantien.gov.vn",
        editorial_board_head="Nguyễn Văn An",
        license_note="Giấy phép số 12/GP-TTĐT",
    )
    response, html = get(client, "/")
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert PRINT_CSS in html
    assert '<a class="skip-link" href="#main">Chuyển đến nội dung chính</a>' in html
    assert '<main id="main"' in html
    assert html.count("Ủy ban nhân dân xã Tân Tiến") >= 3  # <title>, header, footer
    for text in ("Thôn Đông, xã Tân Tiến", 'href="tel:02113838123"', "mailto:vanphong@tantien.gov.vn"):
        assert text in html
    assert "<dt>Trưởng Ban biên tập</dt><dd>Nguyễn Văn An</dd>" in html
    assert "Giấy phép số 12/GP-TTĐT" in html
    assert "<script" not in html


def test_header_falls_back_to_the_site_name_without_an_authority_profile(client, settings):
    settings.WAGTAIL_SITE_NAME = "Cổng Thông tin điện tử thử nghiệm"
    _, html = get(client, "/")
    assert '<p class="site-name"><a href="/">Cổng Thông tin điện tử thử nghiệm</a></p>' in html


def test_navigation_lists_only_live_public_children_of_the_home_page(client):
    f.legal_index()
    news = f.news_index("Văn hóa - Xã hội")
    draft = f.news_index("Chuyên mục nháp")
    draft.unpublish()
    private = f.news_index("Chuyên mục nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="bimat")

    _, html = get(client, news)
    nav = html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert "Trang chủ" in nav
    assert "Văn bản" in nav
    assert f'<a href="{news.url}" aria-current="page">Văn hóa - Xã hội</a>' in nav
    assert "Chuyên mục nháp" not in nav
    assert "Chuyên mục nội bộ" not in nav


def test_breadcrumb_shows_the_path_from_the_home_page(client):
    category = f.news_index("Giáo dục")
    item = f.news("Khai giảng năm học mới", category=category)
    _, html = get(client, item)
    crumb = html.split('<nav class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert re.search(rf'<a href="/">Trang chủ</a>.*<a href="{re.escape(category.url)}">Giáo dục</a>', crumb, re.S)
    assert '<span aria-current="page">Khai giảng năm học mới</span>' in crumb


def test_missing_page_gets_a_vietnamese_404(client):
    response, html = get(client, "/khong-co-trang-nay/")
    assert response.status_code == 404
    assert '<html lang="vi">' in html
    assert "<h1>Không tìm thấy trang</h1>" in html


def test_server_error_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert '<html lang="vi">' in html
    assert "Lỗi máy chủ" in html
    assert 'media="print"' in html


# --- home ----------------------------------------------------------------------------------


def test_home_page_shows_latest_news_documents_and_categories(client):
    category = f.news_index("Kinh tế")
    f.news("Thu hoạch lúa vụ mùa", category=category, published_on=date(2024, 10, 2))
    f.news("Bản nháp chưa đăng", category=category, live=False)
    f.legal_document("959/QĐ-UBND", summary="Về việc phê duyệt kế hoạch", status="con_hieu_luc")

    response, html = get(client, home_page())
    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "Thu hoạch lúa vụ mùa" in html
    assert '<time datetime="2024-10-02">02/10/2024</time>' in html
    assert "Bản nháp chưa đăng" not in html
    assert "959/QĐ-UBND" in html
    assert "Về việc phê duyệt kế hoạch" in html
    assert "Còn hiệu lực" in html
    assert f'<a href="{category.url}">Kinh tế</a>' in html


# --- news ------------------------------------------------------------------------------------


def test_news_index_lists_live_items_with_date_lead_and_thumbnail(client):
    category = f.news_index("Văn hóa - Xã hội")
    photo = f.image("Lễ hội", description="Đoàn rước kiệu trong lễ hội làng")
    f.news(
        "Lễ hội truyền thống làng Đông",
        category=category,
        published_on=date(2024, 2, 9),
        lead="Lễ hội diễn ra trong ba ngày.",
        lead_image=photo,
    )
    f.news("Tin nháp không được hiện", category=category, live=False)

    response, html = get(client, category)
    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "<h1>Văn hóa - Xã hội</h1>" in html
    assert "Lễ hội truyền thống làng Đông" in html
    assert '<time datetime="2024-02-09">09/02/2024</time>' in html
    assert "Lễ hội diễn ra trong ba ngày." in html
    assert re.search(r'<img alt="Đoàn rước kiệu trong lễ hội làng"[^>]*fill-320x200', html)
    assert "Tin nháp không được hiện" not in html


def test_news_index_queries_do_not_grow_with_items(client):
    category = f.news_index()
    for _ in range(2):
        f.news(category=category, lead_image=f.image())
    few = count_queries(client, category.url)
    for _ in range(4):
        f.news(category=category, lead_image=f.image())
    assert count_queries(client, category.url) == few


def test_news_page_shows_article_metadata_body_gallery_and_related(client):
    category = f.news_index("Giáo dục")
    older = f.news("Hội nghị tổng kết năm học", category=category, published_on=date(2023, 8, 20))
    f.news("Tin nháp cùng chuyên mục", category=category, live=False)
    attachment = f.document_file("Kế hoạch năm học", "ke-hoach.pdf", size=2048)
    item = f.news(
        "Khai giảng năm học mới",
        category=category,
        published_on=date(2023, 9, 5),
        lead="Hơn 20 nghìn học sinh bước vào năm học mới.",
        lead_image=f.image("Khai giảng", description="Học sinh dự lễ khai giảng"),
        author="Phòng Giáo dục",
        photographer="Trần Thị Bình",
        source="Báo địa phương",
        body=[
            ("paragraph", "<p>Sáng 5/9 các trường tổ chức lễ khai giảng.</p>"),
            ("image", {"image": f.image(), "caption": "Chào cờ đầu năm", "alt": "Học sinh xếp hàng chào cờ"}),
            ("quote", {"text": "Dạy tốt, học tốt.", "attribution": "Chủ tịch UBND"}),
            ("document", {"document": attachment, "title": "Kế hoạch thực hiện"}),
        ],
    )
    item.tags.add("khai giảng")
    item.gallery_images.add(NewsGalleryImage(image=f.image(), caption="Đánh trống khai giảng"))
    item.save_revision().publish()

    response, html = get(client, item)
    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "<h1>Khai giảng năm học mới</h1>" in html
    assert 'Ngày đăng: <time datetime="2023-09-05">05/09/2023</time>' in html
    assert f'<a href="{category.url}">Giáo dục</a>' in html
    assert '<p class="lead">Hơn 20 nghìn học sinh bước vào năm học mới.</p>' in html
    assert 'alt="Học sinh dự lễ khai giảng"' in html
    assert "<p>Sáng 5/9 các trường tổ chức lễ khai giảng.</p>" in html
    assert 'alt="Học sinh xếp hàng chào cờ"' in html
    assert "<figcaption>Chào cờ đầu năm</figcaption>" in html
    assert "<blockquote><p>Dạy tốt, học tốt.</p></blockquote>" in html
    assert f'<a href="{attachment.url}">Kế hoạch thực hiện</a>' in html
    assert "(PDF, 2,0\xa0KB)" in html
    assert "<figcaption>Đánh trống khai giảng</figcaption>" in html
    for text in ("Phòng Giáo dục", "Trần Thị Bình", "Báo địa phương", "<li>khai giảng</li>"):
        assert text in html
    assert "Các tin cùng chuyên mục" in html
    assert f'<a href="{older.url}">Hội nghị tổng kết năm học</a>' in html
    assert "Tin nháp cùng chuyên mục" not in html
    assert PRINT_CSS in html
    assert "print-only" in html and "http://localhost" + item.url in html


# --- legal documents ------------------------------------------------------------------------


def test_legal_document_index_is_an_accessible_table(client):
    index = f.legal_index()
    doc = f.legal_document(
        "18/2016/QĐ-UBND",
        summary="Ban hành quy chế quản lý cổng thông tin",
        issued_on=date(2016, 5, 12),
        status="het_hieu_luc_toan_bo",
        issuing_body=f.agency("Ủy ban nhân dân tỉnh"),
    )
    f.legal_document("99/QĐ-UBND", summary="Văn bản nháp", live=False)

    response, html = get(client, index)
    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "<caption>" in html
    assert html.count('<th scope="col">') == 6
    assert '<span class="number">18/2016/QĐ-UBND</span>' in html
    assert '<time datetime="2016-05-12">12/05/2016</time>' in html
    assert f'<a href="{doc.url}">Ban hành quy chế quản lý cổng thông tin</a>' in html
    assert "Quyết định" in html
    assert "Ủy ban nhân dân tỉnh" in html
    assert "Hết hiệu lực toàn bộ" in html
    assert "99/QĐ-UBND" not in html


def test_legal_document_index_queries_do_not_grow_with_documents(client):
    index = f.legal_index()
    for _ in range(2):
        f.legal_document()
    few = count_queries(client, index.url)
    for _ in range(5):
        f.legal_document()
    assert count_queries(client, index.url) == few


def test_legal_document_page_shows_every_field(client):
    joint = f.agency("Bộ Tài chính", "BTC")
    doc = f.legal_document(
        "19/2012/TTLT-BTC-BKHĐT",
        summary="Hướng dẫn quản lý kinh phí ứng dụng công nghệ thông tin",
        document_type=f.document_type("Thông tư liên tịch", "TTLT", True),
        issuing_body=f.agency("Bộ Kế hoạch và Đầu tư", "BKHĐT"),
        signer="Nguyễn Văn B",
        signer_title="Thứ trưởng",
        issued_on=date(2012, 2, 15),
        effective_on=date(2012, 4, 1),
        expires_on=date(2030, 1, 1),
        status="con_hieu_luc",
        gazette_number="245+246",
        gazette_date=date(2012, 3, 1),
        body="<p>Điều 1. Phạm vi điều chỉnh.</p>",
    )
    doc.co_issuing_bodies.add(joint)
    doc.fields.add(Field.objects.create(name="Tài chính"), Field.objects.create(name="Công nghệ thông tin"))
    pdf = f.document_file("19-2012", "19_2012_TTLT.pdf", size=2048)
    doc.attachments.add(LegalDocumentAttachment(document=pdf, title="Toàn văn Thông tư liên tịch"))
    doc.save_revision().publish()

    response, html = get(client, doc)
    assert response.status_code == 200
    assert h1_count(html) == 1
    expected = {
        "Số ký hiệu": "19/2012/TTLT-BTC-BKHĐT",
        "Trích yếu": "Hướng dẫn quản lý kinh phí ứng dụng công nghệ thông tin",
        "Loại văn bản": "Thông tư liên tịch",
        "Cơ quan ban hành": "Bộ Kế hoạch và Đầu tư; Bộ Tài chính",
        "Người ký": "Nguyễn Văn B – Thứ trưởng",
        "Ngày ban hành": '<time datetime="2012-02-15">15/02/2012</time>',
        "Ngày có hiệu lực": '<time datetime="2012-04-01">01/04/2012</time>',
        "Ngày hết hiệu lực": '<time datetime="2030-01-01">01/01/2030</time>',
        "Tình trạng hiệu lực": "Còn hiệu lực",
        "Lĩnh vực": "Công nghệ thông tin; Tài chính",
        "Số/ngày công báo": '245+246, ngày <time datetime="2012-03-01">01/03/2012</time>',
    }
    for term, value in expected.items():
        assert re.search(rf"<dt>{re.escape(term)}</dt>\s*<dd[^>]*>{re.escape(value)}</dd>", html), term
    assert f'<a href="{pdf.url}">Tải về: Toàn văn Thông tư liên tịch</a>' in html
    assert "(PDF, 2,0\xa0KB)" in html
    assert "<p>Điều 1. Phạm vi điều chỉnh.</p>" in html
    assert PRINT_CSS in html


def test_effective_from_signing_and_not_yet_in_force(client):
    from_signing = f.legal_document(status="con_hieu_luc", effective_on=None)
    _, html = get(client, from_signing)
    assert re.search(r"<dt>Ngày có hiệu lực</dt>\s*<dd>Từ ngày ký</dd>", html)

    starts = timezone.localdate() + timedelta(days=30)
    upcoming = f.legal_document(status="con_hieu_luc", effective_on=starts)
    _, html = get(client, upcoming)
    assert re.search(r'<dt>Tình trạng hiệu lực</dt>\s*<dd class="status">Chưa có hiệu lực</dd>', html)
    assert f'<time datetime="{starts:%Y-%m-%d}">{starts:%d/%m/%Y}</time>' in html


def test_amended_document_shows_the_inverse_relation(client):
    target = f.legal_document("10/2020/QĐ-UBND", summary="Quy chế gốc")
    source = f.legal_document("25/2024/QĐ-UBND", summary="Sửa đổi quy chế", issued_on=date(2024, 6, 3))
    LegalDocumentRelation(source=source, relation_type="amends", target_page=target).save()
    source.save_revision().publish()

    _, html = get(client, target)
    assert "Văn bản liên quan" in html
    assert '<span class="relation-label">Được sửa đổi, bổ sung bởi:</span>' in html
    assert f'<a href="{source.url}">25/2024/QĐ-UBND</a>' in html
    assert '<time datetime="2024-06-03">03/06/2024</time>' in html

    _, html = get(client, source)
    assert '<span class="relation-label">Sửa đổi, bổ sung:</span>' in html
    assert f'<a href="{target.url}">10/2020/QĐ-UBND</a>' in html


def test_relation_to_a_draft_or_absent_document_shows_the_number_without_a_link(client):
    draft = f.legal_document("77/QĐ-UBND", summary="Dự thảo chưa ban hành", live=False)
    source = f.legal_document()
    LegalDocumentRelation(source=source, relation_type="replaces", target_page=draft).save()
    LegalDocumentRelation(source=source, relation_type="based_on", target_number="43/2011/NĐ-CP").save()
    source.save_revision().publish()

    _, html = get(client, source)
    assert '<span class="number">77/QĐ-UBND</span>' in html
    assert '<span class="number">43/2011/NĐ-CP</span>' in html
    assert draft.url not in html
    assert "Dự thảo chưa ban hành" not in html


# --- editors' preview -------------------------------------------------------------------------


def _unsaved_child(parent, page):
    """Place an unsaved page under ``parent`` the way Wagtail's "preview on create" does."""
    page.depth = parent.depth + 1
    last = parent.get_last_child()
    page.path = last._inc_path() if last else page._get_path(parent.path, page.depth, 1)
    page.set_url_path(parent)
    return page


def test_preview_of_a_new_legal_document_renders(client):
    f.legal_document("5/QĐ-UBND")
    page = LegalDocumentPage(
        title="Quyết định mới",
        slug="quyet-dinh-moi",
        number="6/QĐ-UBND",
        summary="Dự thảo quyết định",
        document_type=f.document_type(),
        issuing_body=f.agency(),
        issued_on=date(2024, 1, 1),
    )
    response = _unsaved_child(f.legal_index(), page).make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "6/QĐ-UBND" in html and "Dự thảo quyết định" in html


def test_preview_of_a_new_news_item_renders(client):
    category = f.news_index()
    f.news("Tin đã đăng", category=category)
    page = NewsPage(title="Tin đang soạn", slug="tin-dang-soan", lead="Sapo")
    response = _unsaved_child(category, page).make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Tin đang soạn</h1>" in html
    assert "Tin đã đăng" in html  # related news of the same category


def test_long_listings_are_paginated(client):
    category = f.news_index("Tin phân trang")
    for i in range(21):
        f.news(f"Tin phân trang {i:02d}", category=category, published_on=date(2024, 1, 1 + i))
    first = client.get(category.url).content.decode()
    assert "Tin phân trang 20" in first and "Tin phân trang 00" not in first
    assert 'rel="next"' in first and "Trang 1 / 2" in first
    second = client.get(category.url, {"page": 2}).content.decode()
    assert "Tin phân trang 00" in second and "Tin phân trang 20" not in second
    assert client.get(category.url, {"page": "abc"}).status_code == 200


def test_the_menu_groups_sections_and_marks_the_current_group(client):
    from consultation.models import DraftIndexPage
    from questions.models import QuestionIndexPage

    documents = f.legal_index()
    news = f.news_index("Văn hóa - Xã hội")
    other_news = f.news_index("Kinh tế")
    questions = f.section(QuestionIndexPage, "Hỏi đáp", "hoi-dap")
    drafts = f.section(DraftIndexPage, "Lấy ý kiến dự thảo", "lay-y-kien")

    _, html = get(client, news)
    nav = html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert '<summary class="menu-toggle">Danh mục</summary>' in nav

    def group(label):
        start = nav.index(f"<summary>{label}</summary>")
        return nav[nav.rindex("<details", 0, start) : nav.index("</details>", start)]

    news_group = group("Tin tức – Sự kiện")
    assert news.url in news_group and other_news.url in news_group and "data-current" in news_group
    assert documents.url in group("Văn bản – Chỉ đạo điều hành")
    citizens = group("Hỏi đáp – Góp ý")
    assert questions.url in citizens and drafts.url in citizens and "data-current" not in citizens
    # groups in their order, whatever the order of the pages
    assert nav.index("Tin tức – Sự kiện") < nav.index("Văn bản – Chỉ đạo điều hành") < nav.index("Hỏi đáp – Góp ý")


def test_the_html_site_map_lists_sections_grouped_feeds_and_links(client, django_assert_num_queries):
    from home.models import WebLink

    documents = f.legal_index()
    news = f.news_index("Văn hóa - Xã hội")
    f.news("Tin không thuộc sơ đồ", category=news)
    WebLink.objects.create(name="Cổng Dịch vụ công quốc gia", url="https://dichvucong.gov.vn/", group="Trung ương")
    response = client.get("/so-do-trang/")
    html = response.content.decode()
    assert response.status_code == 200
    main = html.split('<main id="main"', 1)[1]
    assert f'<a href="{news.url}">Văn hóa - Xã hội</a>' in main and f'<a href="{documents.url}">' in main
    assert main.index("Tin tức – Sự kiện") < main.index("Văn bản – Chỉ đạo điều hành")
    assert "Tin không thuộc sơ đồ" not in main  # items are in /sitemap.xml, not here
    assert "https://dichvucong.gov.vn/" in main and '<a href="/sitemap.xml">' in main
    assert 'href="/so-do-trang/"' in html  # the footer links to it on every page
    assert "https://dichvucong.gov.vn/" in html.split('<footer class="site-footer">', 1)[1]


def test_the_home_page_shows_every_section_grouped_and_the_latest_answers(client):
    from questions.models import QuestionIndexPage

    documents = f.legal_index()
    news = f.news_index("Kinh tế")
    questions = f.section(QuestionIndexPage, "Hỏi đáp", "hoi-dap")
    answer = f.question_page("Cấp đổi giấy chứng nhận quyền sử dụng đất")
    html = client.get("/").content.decode()
    block = html.split('aria-labelledby="sections-title"', 1)[1].split("</section>", 1)[0]
    for page in (documents, news, questions):
        assert f'href="{page.url}"' in block
    assert (
        block.index("Tin tức – Sự kiện") < block.index("Văn bản – Chỉ đạo điều hành") < block.index("Hỏi đáp – Góp ý")
    )
    answers = html.split('aria-labelledby="latest-answers-title"', 1)[1].split("</section>", 1)[0]
    assert f'href="{answer.url}"' in answers
