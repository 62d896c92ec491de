"""What the fuzz run with an administrator's token found (issue 22; tests/test_api_fuzz.py), each
as an ordinary test: the server error fixed, the schema saying what the server answers."""

import json
from datetime import date

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    user = get_user_model().objects.create_superuser("quantri", "quantri@example.vn", "x")
    return {"HTTP_AUTHORIZATION": f"Bearer {f.api_token(user)}"}


@pytest.fixture
def openapi(client):
    return client.get("/api/v3/openapi.json").json()


@pytest.mark.parametrize("page_id", ["abc", "99999999999999999999999", "-1", "%C3%B2"])
def test_a_page_write_to_a_path_that_is_not_a_page_id_is_404_not_500(client, admin, page_id):
    """Patch 11: Wagtail looked the page's type up with the raw path value (ValueError → 500)."""
    f.news("Tin có thật")
    url = f"/api/v3/pages/{page_id}/"
    response = client.patch(url, json.dumps({"title": "x"}), content_type="application/json", **admin)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_limit_above_the_maximum_is_a_400_the_schema_announces(client, openapi):
    assert client.get("/api/v3/pages/?limit=51").status_code == 400
    for path, operations in openapi["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "limit" and parameter["in"] == "query":
                    assert parameter["schema"]["maximum"] == settings.WAGTAILAPI_LIMIT_MAX, path


def test_a_write_body_that_cannot_be_parsed_is_a_documented_400(client, admin, openapi):
    page = f.news("Tin để sao chép")
    url = f"/api/v3/pages/{page.pk}/actions/copy/"
    response = client.post(url, b"\xff\x1d\xfe", content_type="application/json", **admin)
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    for path, method in [
        ("/api/v3/pages/{page_id}/actions/copy/", "post"),
        ("/api/v3/redirects/", "post"),
        ("/api/v3/pages/{page_id}/actions/copy_for_translation/", "post"),
    ]:
        assert "400" in openapi["paths"][path][method]["responses"], path


def test_creating_a_page_under_a_parent_that_does_not_exist_is_a_documented_404(client, admin, openapi):
    body = {"meta": {"type": "news.NewsPage", "parent_id": 987654}, "title": "Không có mục cha"}
    response = client.post("/api/v3/pages/", json.dumps(body), content_type="application/json", **admin)
    assert response.status_code == 404
    assert "404" in openapi["paths"]["/api/v3/pages/"]["post"]["responses"]


def test_a_recursive_copy_that_would_repeat_a_legal_documents_number_is_409_not_500(client, admin, openapi):
    """Patch 12: the copies of the section's documents broke ``legal_document_identity`` (500)."""
    from wagtail.models import Page

    document = f.legal_document("43/2011/NĐ-CP")
    home = document.get_parent().get_parent()  # the section may not be copied beside itself (one a parent)
    pages = Page.objects.count()
    url = f"/api/v3/pages/{home.pk}/actions/copy/"
    body = {"recursive": True, "destination_id": home.get_parent().pk, "new_title": "Bản sao", "new_slug": "ban-sao"}
    response = client.post(url, json.dumps(body), content_type="application/json", **admin)
    assert response.status_code == 409, response.content
    problem = response.json()
    assert problem["errors"] == [{"type": "conflict", "constraint": "legal_document_identity"}]
    assert Page.objects.count() == pages  # the copy's transaction left nothing behind
    assert "409" in openapi["paths"]["/api/v3/pages/{page_id}/actions/copy/"]["post"]["responses"]


@pytest.mark.parametrize("body", ["false", "[]", "3", '"texte"'])
def test_a_typed_write_whose_body_is_not_an_object_is_422_not_500(client, admin, body):
    """Patch 11: Wagtail's type discriminator read ``type(value)._meta`` of the body (500)."""
    page = f.news("Tin có thật")
    response = client.patch(f"/api/v3/pages/{page.pk}/", body, content_type="application/json", **admin)
    assert response.status_code == 422, response.content
    assert client.patch("/api/v3/pages/null/", body, content_type="application/json", **admin).status_code in (404, 422)


@pytest.mark.parametrize("position", [None, "left", "right", "first-sibling", "last-sibling"])
def test_a_move_beside_the_root_page_is_422_not_500(client, admin, position):
    """Patch 13: Wagtail asked the root page for its parent (None → AttributeError, 500)."""
    from wagtail.models import Page

    task = f.task("NV-1")
    body = {"destination_id": Page.get_first_root_node().pk, "position": position}
    url = f"/api/v3/pages/{task.pk}/actions/move/"
    response = client.post(url, json.dumps(body), content_type="application/json", **admin)
    assert response.status_code == 422, response.content
    assert "root page has no siblings" in response.json()["detail"]
    task.refresh_from_db()
    assert task.get_parent().specific_class.__name__ == "TaskIndexPage"


def test_an_upload_that_looks_like_a_jpeg_but_is_not_an_image_is_422_not_500(client, admin):
    """``portal.images.PortalImageField`` read the size of a file Pillow cannot open (500)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("anh.jpg", b"\xff\xd8\xff", content_type="image/jpeg")
    response = client.post("/api/v3/images/", {"title": "Ảnh hỏng", "file": upload}, **admin)
    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["type"] == "invalid_image"


# --- the 300-example admin run after the token fix of the test (issue 22): invalid data accepted ---


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/legal-documents/?date_from=0.0",
        "/api/v3/statistics/?date_from=0.0",
        "/api/v3/tasks/?as_of=0.0",
        "/api/v3/tasks/?deadline_from=1700000000",
        "/api/v3/news/?date_to=2024-09-05T00:00",
        "/api/v3/schedule/?date_from=0",
        "/api/v3/search/?q=lễ&date_from=0.0",
    ],
)
def test_a_date_parameter_that_is_not_yyyy_mm_dd_is_a_400_naming_it(client, url):
    """``IsoDate``: pydantic read ``0.0`` as a Unix time (200, the 1st of January 1970)."""
    response = client.get(url)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    name = url.rsplit("&", 1)[-1].split("?")[-1].split("=")[0]
    assert response.json()["detail"].startswith(f"{name}:"), response.json()


def test_a_date_parameter_written_yyyy_mm_dd_is_still_read(client):
    f.legal_document("43/2011/NĐ-CP", issued_on=date(2011, 6, 13))
    assert client.get("/api/v3/legal-documents/?date_from=2011-06-13").json()["count"] == 1
    assert client.get("/api/v3/legal-documents/?date_from=2011-06-14").json()["count"] == 0


@pytest.mark.parametrize("value", ["-710", "0.0", "2024-09-05", "2024-09-05T08:00"])
def test_a_revision_filter_date_time_that_is_not_rfc_3339_is_a_400_naming_it(client, admin, value):
    """Patch 16: Wagtail's ``created_at_from`` read ``-710`` as a Unix time (200)."""
    page = f.news("Tin có bản sửa")
    response = client.get(f"/api/v3/pages/{page.pk}/revisions/", {"created_at_from": value}, **admin)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"].startswith("created_at_from:")
    valid = client.get(f"/api/v3/pages/{page.pk}/revisions/?created_at_from=2000-01-01T00:00:00%2B07:00", **admin)
    assert valid.status_code == 200 and valid.json()["count"] >= 1


def test_a_single_valued_parameter_given_twice_is_a_400_naming_it(client):
    """Patch 16: ``?category=a&category=b`` was read as ``b``, silently; an array parameter still repeats."""
    response = client.get("/api/v3/news/?category=a&category=b")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("category:")
    assert client.get("/api/v3/news/?tag=a&tag=b").status_code == 200


@pytest.mark.parametrize("kind", ["images", "documents"])
@pytest.mark.parametrize("body", [False, [], "x", 1, None])
def test_an_image_or_document_patch_whose_body_is_not_an_object_is_a_422(client, admin, kind, body):
    """Patch 14: django-ninja read ``false`` as an object without fields (200), and ``"x"``'s
    ``title`` as its bound method (the title became "X")."""
    obj = f.image() if kind == "images" else f.document_file()
    title = obj.title
    url = f"/api/v3/{kind}/{obj.pk}/"
    response = client.patch(url, json.dumps(body), content_type="application/json", **admin)
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "body: the body must be a JSON object"
    obj.refresh_from_db()
    assert obj.title == title


@pytest.mark.parametrize("value", [True, "1", "abc"])
def test_an_image_focal_point_that_is_not_a_json_integer_is_a_422_naming_it(client, admin, value):
    """Patch 15: pydantic's lax mode stored ``true`` and ``"1"`` as 1 (200)."""
    image = f.image()
    url = f"/api/v3/images/{image.pk}/"
    response = client.patch(url, json.dumps({"focal_point_x": value}), content_type="application/json", **admin)
    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["field"] == "focal_point_x"
    image.refresh_from_db()
    assert image.focal_point_x is None
    ok = client.patch(url, json.dumps({"focal_point_x": 3, "title": "Ảnh"}), content_type="application/json", **admin)
    assert ok.status_code == 200 and ok.json()["focal_point_x"] == 3


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_an_empty_number_in_a_multipart_upload_is_a_422_naming_it(client, admin, kind):
    """Form encoding has no ``null``; an empty ``focal_point_width`` (or ``collection_id``) is not an
    integer. (The fuzz run's 201 was its transport's: Werkzeug wrote the empty part without a body,
    which Django reads as no field; ``filter_body`` in tests/test_api_fuzz.py.)"""
    from django.core.files.uploadedfile import SimpleUploadedFile

    if kind == "images":
        upload = SimpleUploadedFile("a.png", f.image().file.read(), "image/png")
        field = "focal_point_width"
    else:
        upload = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
        field = "collection_id"
    response = client.post(f"/api/v3/{kind}/", {"file": upload, "title": "Tệp", field: ""}, **admin)
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == f"form.{field}"


@pytest.mark.parametrize("user_id", ["-2707233048259763109888", "99999999999999999999"])
def test_a_revision_filter_by_a_user_id_beyond_any_key_is_a_400_not_500(client, admin, user_id):
    """Patch 7: the number reached SQLite, which cannot hold it (OverflowError, a 500)."""
    page = f.news("Tin có bản sửa")
    response = client.get(f"/api/v3/pages/{page.pk}/revisions/?user_id={user_id}", **admin)
    assert response.status_code == 400, response.content
    assert response.json()["detail"].startswith("user_id:")


@pytest.mark.parametrize("name", ["object_str", "created_at_from"])
def test_a_null_character_in_a_query_parameter_is_a_400_naming_it(client, admin, name):
    """Patch 17: ``?object_str=a%00b`` was a 500 on PostgreSQL (psycopg2 cannot send a NUL)."""
    page = f.news("Tin có bản sửa")
    response = client.get(f"/api/v3/pages/{page.pk}/revisions/?{name}=a%00b", **admin)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == f"{name}: null characters are not allowed"
    assert client.get(f"/api/v3/pages/{page.pk}/revisions/?object_str=ab", **admin).status_code == 200


@pytest.mark.parametrize(
    "body, field",
    [({"title": "Ảnh\x00"}, "title"), ({"tags": ["a", "b\x00"]}, "tags.1"), ({"title\x00": "Ảnh"}, "title\x00")],
)
def test_a_null_character_in_a_json_body_is_a_422_naming_its_path_and_nothing_changes(client, admin, body, field):
    """Patch 17: PostgreSQL's text cannot hold U+0000; the write is refused before it is tried."""
    image = f.image()
    title = image.title
    url = f"/api/v3/images/{image.pk}/"
    response = client.patch(url, json.dumps(body), content_type="application/json", **admin)
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == field
    assert "null characters are not allowed" in response.content.decode()
    image.refresh_from_db()
    assert image.title == title


@pytest.mark.parametrize(
    "value", ["0451-09-02T00:49:26-19:36", "2024-01-01T00:00:00+15:00", "0001-01-01T00:00:00+01:00"]
)
def test_a_revision_filter_date_time_no_database_can_hold_is_a_400_naming_it(client, admin, value):
    """Patch 16: an offset of -19:36 is RFC 3339's but PostgreSQL refuses it ("time zone
    displacement out of range": a 500 on PostgreSQL); year 1 at +01:00 is year 0 in UTC."""
    page = f.news("Tin có bản sửa")
    url = f"/api/v3/pages/{page.pk}/revisions/"
    response = client.get(url, {"approved_go_live_at_to": value}, **admin)
    assert response.status_code == 400, response.content
    assert response.json()["detail"].startswith("approved_go_live_at_to: the time zone offset")
    assert client.get(url, {"approved_go_live_at_to": "2024-01-01T00:00:00-12:00"}, **admin).status_code == 200
