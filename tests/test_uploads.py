"""Uploads (docs/deployment.md, "Uploads"): images are raster files within a size and a pixel
limit — SVG and decompression bombs refused with a Vietnamese message, in the admin and the API —
and documents are never shown inline by the browser: served as attachments with a known type or
application/octet-stream, whatever their extension."""

import io
import json
import struct
import zlib

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from editorial import roles
from portal.documents import DOCUMENT_CONTENT_TYPES

from . import factories as f

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">'
    b'<script>alert(document.cookie)</script><rect width="120" height="80"/></svg>'
)
HTML = b"<!doctype html><title>x</title><script>alert(document.cookie)</script>"


def png(width: int, height: int) -> bytes:
    """A real PNG of ``width`` × ``height`` (one colour, so a few hundred bytes)."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (30, 80, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def declared_png(width: int, height: int) -> bytes:
    """A decompression bomb's header: a PNG of a hundred bytes that declares ``width`` × ``height``
    pixels (its one row of data never decodes to that)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    row = zlib.compress(b"\x00" * (width + 1), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", row) + chunk(b"IEND", b"")


# --- settings ---------------------------------------------------------------------------------------


def test_no_format_that_can_carry_a_script_may_be_uploaded():
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    for extension in ("html", "htm", "xhtml", "svg", "svgz", "xml", "js", "mht"):
        assert extension not in settings.WAGTAILDOCS_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 60_000_000


def test_every_document_extension_editors_may_upload_has_its_own_type():
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(DOCUMENT_CONTENT_TYPES)
    assert not any(t.startswith(("text/html", "image/svg")) for t in DOCUMENT_CONTENT_TYPES.values())


# --- images in the admin ----------------------------------------------------------------------------


def upload_image(client, name: str, content: bytes):
    return client.post(reverse("wagtailimages:add"), {"title": "Ảnh thử", "file": SimpleUploadedFile(name, content)})


def form_errors(response) -> str:
    assert response.status_code == 200  # the form again, with its errors: not a 500
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


def test_an_svg_image_is_refused(admin_client):
    assert "Định dạng ảnh không được hỗ trợ" in form_errors(upload_image(admin_client, "logo.svg", SVG))
    # renamed: the format is read from the content, not the name
    assert "định dạng tệp (svg)" in form_errors(upload_image(admin_client, "logo.png", SVG))
    assert not Image.objects.exists()


def test_a_decompression_bomb_is_refused_with_a_clear_vietnamese_message(admin_client):
    bomb = declared_png(30000, 30000)
    assert len(bomb) < 2000
    errors = form_errors(upload_image(admin_client, "bom.png", bomb))
    assert "Tệp ảnh khai báo kích thước quá lớn để mở an toàn" in errors
    assert "triệu điểm ảnh" in errors
    assert not Image.objects.exists()


def test_an_image_over_the_pixel_limit_is_refused_with_its_size(admin_client):
    errors = form_errors(upload_image(admin_client, "lon.png", declared_png(9000, 7000)))
    assert "Ảnh có kích thước 9.000 × 7.000 điểm ảnh (63 triệu điểm ảnh)" in errors
    assert "vượt quá mức tối đa 60 triệu điểm ảnh" in errors
    assert not Image.objects.exists()


def test_the_limits_follow_the_settings_and_a_file_too_big_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    errors = form_errors(upload_image(admin_client, "anh.png", png(1200, 1000)))
    assert "1.200 × 1.000 điểm ảnh (1,2 triệu điểm ảnh)" in errors and "tối đa 1 triệu" in errors
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    assert "Tệp này quá lớn" in form_errors(upload_image(admin_client, "anh.png", png(200, 100)))
    assert not Image.objects.exists()


def test_the_upload_form_states_the_limits(admin_client):
    html = admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert "Dung lượng tệp tối đa: 10,0" in html and "Kích thước tối đa: 60 triệu điểm ảnh." in html


def test_a_good_image_is_still_accepted(admin_client):
    response = upload_image(admin_client, "anh.png", png(1600, 900))
    assert response.status_code == 302
    assert Image.objects.get().width == 1600


def test_the_multiple_upload_refuses_them_too(admin_client):
    url = reverse("wagtailimages:add_multiple")
    for name, content, message in (
        ("bom.png", declared_png(30000, 30000), "quá lớn để mở an toàn"),
        ("logo.svg", SVG, "Định dạng ảnh không được hỗ trợ"),
    ):
        response = admin_client.post(url, {"files[]": SimpleUploadedFile(name, content)})
        assert response.status_code == 200
        data = json.loads(response.content)
        assert data["success"] is False and message in data["error_message"]
    assert not Image.objects.exists()


# --- images through the API --------------------------------------------------------------------------


@pytest.fixture
def token():
    return f.api_token(f.member("phongvien", roles.REPORTER))  # may add images and documents


def api_upload(client, url, token, name, content, title="Ảnh thử"):
    return client.post(
        url, {"title": title, "file": SimpleUploadedFile(name, content)}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def refused_file(response) -> str:
    """A 422 problem whose errors name the field ``file``; their message."""
    assert response.status_code == 422, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    problem = json.loads(response.content)
    fields = [e for e in problem.get("errors", []) if "file" in [str(p) for p in e.get("loc", [])]]
    assert fields, problem
    return " ".join(e.get("msg", "") for e in fields)


def test_the_api_refuses_an_svg_and_a_bomb_naming_the_file_field(client, token):
    url = "/api/v3/images/"
    assert "Định dạng ảnh không được hỗ trợ" in refused_file(api_upload(client, url, token, "logo.svg", SVG))
    message = refused_file(api_upload(client, url, token, "bom.png", declared_png(30000, 30000)))
    assert "quá lớn để mở an toàn" in message
    message = refused_file(api_upload(client, url, token, "lon.png", declared_png(9000, 7000)))
    assert "9.000 × 7.000" in message
    assert not Image.objects.exists()
    assert api_upload(client, url, token, "anh.png", png(640, 400)).status_code == 201
    assert Image.objects.get().width == 640


# --- documents -----------------------------------------------------------------------------------------


def test_html_and_svg_documents_are_refused_in_the_admin_and_the_api(admin_client, client, token):
    for name, content in (("trang.html", HTML), ("hinh.svg", SVG)):
        response = admin_client.post(
            reverse("wagtaildocs:add"), {"title": "Tệp thử", "file": SimpleUploadedFile(name, content)}
        )
        assert response.status_code == 200 and response.context["form"].errors["file"]
        refused_file(api_upload(client, "/api/v3/documents/", token, name, content, title="Tệp thử"))
    assert not Document.objects.exists()


def stored_document(name: str, content: bytes) -> Document:
    """A document stored without the upload form (a shell, an older portal's data)."""
    return Document.objects.create(title="Tệp cũ", file=ContentFile(content, name=name))


@pytest.mark.parametrize("name, content", [("trang.html", HTML), ("hinh.svg", SVG), ("trang.htm", HTML)])
def test_a_stored_html_or_svg_document_is_served_as_bytes_to_download(client, name, content):
    document = stored_document(name, content)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert document.filename in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == content


def test_a_pdf_is_an_attachment_with_its_own_type(client):
    document = f.document_file("Quyết định", "quyet-dinh.pdf")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert document.url.startswith("/documents/")  # through Wagtail's view, never straight from /media/
