"""Errors that help (issue 22; docs/api.md, "Errors"): under /api/ every error is a problem
(``application/problem+json``) with the request id — an uncaught exception's 500 without its
internals, an unknown path's 404, a wrong method's 405, a body too large's 413, a protected
deletion's 409; elsewhere a page in Vietnamese."""

import io
import json
import os

import pytest
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from PIL import Image as PILImage
from wagtail.images.models import Image

from editorial import roles
from portal.http_errors import bad_request

from . import factories as f

pytestmark = pytest.mark.django_db


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"]
    assert body["request_id"] == response["X-Request-ID"]
    return body


@pytest.fixture
def failing_client():
    return Client(raise_request_exception=False)


@pytest.fixture
def admin_token(django_user_model):
    return f.api_token(django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "x"))


# --- 500 -------------------------------------------------------------------------------------------


@pytest.mark.urls("tests.urls_forced_errors")
def test_an_uncaught_api_error_is_a_problem_that_leaks_nothing(failing_client):
    body = problem(failing_client.get("/api/v3/forced-error/"), 500)
    assert body["title"] == "Internal Server Error"
    assert "request_id" in body["detail"]
    text = json.dumps(body)
    assert "RuntimeError" not in text and "forced failure" not in text and "Traceback" not in text


@pytest.mark.urls("tests.urls_forced_errors")
def test_an_uncaught_error_elsewhere_is_the_vietnamese_page(failing_client):
    response = failing_client.get("/forced-error/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="vi">' in html and "Lỗi máy chủ" in html
    assert "forced failure" not in html


# --- 404, 405, the API's own problems ---------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v3/khong-co/", "/api/v2/pages/", "/api/"])
def test_an_unknown_api_path_is_a_404_problem(client, path):
    body = problem(client.get(path), 404)
    assert body["detail"].startswith("No operation of the API at")


def test_a_wrong_method_is_a_405_problem_with_its_allow_header(client):
    response = client.put("/api/v3/search/", "{}", content_type="application/json")
    body = problem(response, 405)
    assert response["Allow"] == "GET"
    assert body["detail"] == "Method PUT not allowed here; allowed: GET."


def test_wagtails_problems_carry_the_request_id_too(client):
    response = client.get("/api/v3/pages/999999/", HTTP_X_REQUEST_ID="ho-tro-123456")
    body = problem(response, 404)
    assert body["request_id"] == "ho-tro-123456" and body["detail"]


def test_a_missing_public_page_is_still_the_vietnamese_404(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404 and "Không tìm thấy trang" in response.content.decode()


# --- 413 -------------------------------------------------------------------------------------------


@pytest.fixture
def small_limits(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000
    settings.UPLOAD_MAX_BODY_SIZE = 50_000
    return settings


def test_a_json_body_above_the_limit_is_a_413_problem_before_it_is_read(client, small_limits, admin_token):
    body = json.dumps({"title": "x" * 3_000})
    response = client.post(
        "/api/v3/news/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {admin_token}"
    )
    detail = problem(response, 413)
    assert detail["max_bytes"] == 2_000
    assert "at most 2000 bytes" in detail["detail"]
    documented = client.get("/api/v3/openapi.json").json()["paths"]["/api/v3/news/"]["post"]["responses"]
    assert "413" in documented


def test_the_default_limit_is_djangos_and_a_10_mb_body_gets_413(client, settings):
    assert int(2.5 * 1024 * 1024) == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client.generic(
        "POST", "/api/v3/news/", b"{}", content_type="application/json", CONTENT_LENGTH=str(10 * 1024 * 1024)
    )
    assert problem(response, 413)["max_bytes"] == settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_a_form_above_the_limit_elsewhere_is_the_vietnamese_413_page(client, small_limits):
    response = client.post("/tim-kiem/", "q=" + "x" * 3_000, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    html = response.content.decode()
    assert '<html lang="vi">' in html and "Dữ liệu gửi lên quá lớn" in html and "tối đa" in html


def noise_png(size: int) -> bytes:
    buffer = io.BytesIO()
    PILImage.frombytes("L", (size, size), os.urandom(size * size)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_allowed_upload_above_the_body_limit_still_works(client, small_limits):
    token = f.api_token(f.member("phongvien", roles.REPORTER))
    content = noise_png(100)  # ~10 KB: above DATA_UPLOAD_MAX_MEMORY_SIZE, a file within its own limit
    assert 2_000 < len(content) < 50_000
    response = client.post(
        "/api/v3/images/",
        {"title": "Ảnh thử", "file": SimpleUploadedFile("anh.png", content)},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201, response.content[:300]
    assert Image.objects.get().width == 100


def test_a_multipart_body_above_the_upload_limit_is_a_413(client, small_limits):
    token = f.api_token(f.member("phongvien", roles.REPORTER))
    response = client.post(
        "/api/v3/images/",
        {"title": "Ảnh thử", "file": SimpleUploadedFile("anh.png", noise_png(300))},  # ~90 KB
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert problem(response, 413)["max_bytes"] == 50_000
    assert not Image.objects.exists()


def test_form_fields_too_large_inside_a_multipart_body_are_a_413_too(client, small_limits):
    """Within the multipart limit but with fields above DATA_UPLOAD_MAX_MEMORY_SIZE: Django raises
    RequestDataTooBig while reading them (its 400) — under /api/ in the operation (patch 8)."""
    token = f.api_token(f.member("phongvien", roles.REPORTER))
    response = client.post(
        "/api/v3/images/",
        {"title": "x" * 5_000, "file": SimpleUploadedFile("anh.png", noise_png(20))},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert problem(response, 413)["max_bytes"] == 2_000


def test_djangos_400_for_a_body_too_large_is_a_413(settings):
    request = RequestFactory().post("/lien-he/")
    response = bad_request(request, RequestDataTooBig("Request body exceeded"))
    assert response.status_code == 413 and "Dữ liệu gửi lên quá lớn" in response.content.decode()
    api_request = RequestFactory().post("/api/v3/news/")
    assert bad_request(api_request, RequestDataTooBig("x")).status_code == 413
    assert bad_request(api_request, None).status_code == 400


# --- 409: a deletion refused by a protecting record ------------------------------------------------


def royalty_of(page):
    from datetime import date
    from decimal import Decimal

    from editorial.models import Genre, Royalty, RoyaltyScheme

    scheme = RoyaltyScheme.objects.create(
        name="Quy định thử", valid_from=date(2020, 1, 1), unit_ratio=Decimal("10"), site_multiplier=Decimal("20")
    )
    genre = Genre.objects.create(scheme=scheme, name="Tin", min_coefficient=Decimal("1"), max_coefficient=Decimal("1"))
    return Royalty.objects.create(page=page, genre=genre, coefficient=Decimal("1"), work_date=date(2024, 1, 1))


@pytest.mark.parametrize("route", ["/api/v3/pages/{id}/", "/api/v3/pages/{id}/actions/delete/"])
def test_deleting_a_page_with_a_royalty_through_the_api_is_a_409_naming_it(client, admin_token, route):
    from wagtail.models import Page, PageLogEntry

    news = f.news("Tin có nhuận bút")
    royalty_of(news)
    response = client.delete(route.format(id=news.pk), HTTP_AUTHORIZATION=f"Bearer {admin_token}")
    body = problem(response, 409)
    assert "editorial.royalty" in body["detail"] and "nhuận bút" in body["detail"]
    assert body["errors"] == [{"type": "protected", "model": "editorial.royalty", "name": "nhuận bút", "count": 1}]
    assert Page.objects.filter(pk=news.pk).exists()
    documented = client.get("/api/v3/openapi.json").json()["paths"]
    template = route.replace("{id}", "{page_id}")
    assert "problem+json" in str(documented[template]["delete"]["responses"]["409"]["content"])
    # Wagtail had logged the deletion before it failed: rolled back with it
    assert not PageLogEntry.objects.filter(page_id=news.pk, action="wagtail.delete").exists()


def test_a_page_without_a_protecting_record_is_deleted(client, admin_token):
    from wagtail.models import Page

    news = f.news("Tin không có nhuận bút")
    response = client.delete(f"/api/v3/pages/{news.pk}/", HTTP_AUTHORIZATION=f"Bearer {admin_token}")
    assert response.status_code == 204
    assert not Page.objects.filter(pk=news.pk).exists()


def test_a_section_whose_article_has_a_royalty_is_refused_too(client, admin_token):
    category = f.news_index("Chuyên mục có nhuận bút")
    royalty_of(f.news("Tin trong chuyên mục", category=category))
    response = client.delete(f"/api/v3/pages/{category.pk}/", HTTP_AUTHORIZATION=f"Bearer {admin_token}")
    assert problem(response, 409)["errors"][0]["model"] == "editorial.royalty"


def test_the_admin_refuses_the_deletion_with_a_message(admin_client):
    from django.contrib.messages import get_messages
    from django.urls import reverse
    from wagtail.models import Page

    news = f.news("Tin có nhuận bút")
    royalty_of(news)
    url = reverse("wagtailadmin_pages:delete", args=[news.pk])
    for response in (admin_client.get(url), admin_client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_explore", args=[news.get_parent().pk])
        message = [str(m).strip() for m in get_messages(response.wsgi_request)][-1]
        assert message == "Không thể xóa trang “Tin có nhuận bút”: còn 1 bản ghi nhuận bút gắn với trang này."
    assert Page.objects.filter(pk=news.pk).exists()


def test_the_admin_refuses_a_section_whose_article_has_a_royalty(admin_client):
    """Wagtail's usage count (its reference index) sees references to the page itself, not to its
    descendants, which the deletion takes too: it raised ProtectedError, a 500."""
    from django.contrib.messages import get_messages
    from django.urls import reverse
    from wagtail.models import Page

    category = f.news_index("Chuyên mục có nhuận bút")
    news = f.news("Tin trong chuyên mục", category=category)
    royalty_of(news)
    single = reverse("wagtailadmin_pages:delete", args=[category.pk])
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")) + f"?id={category.pk}"
    for url in (single, bulk):
        response = admin_client.post(url)
        assert response.status_code == 302
        message = [str(m).strip() for m in get_messages(response.wsgi_request)][-1]
        assert message.startswith("Không thể xóa trang “Chuyên mục có nhuận bút”: còn 1 bản ghi nhuận bút")
    assert Page.objects.filter(pk__in=[category.pk, news.pk]).count() == 2


def test_deleting_an_unprotected_page_in_the_admin_still_works(admin_client):
    from django.urls import reverse
    from wagtail.models import Page

    news = f.news("Tin xóa được")
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[news.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=news.pk).exists()
