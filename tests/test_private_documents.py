"""A document in a login-restricted collection stays private (issue 22): Wagtail's document view
asks for a login, and its raw file is not served from MEDIA_ROOT — the development server (DEBUG)
answers 404 for /media/documents/… while it serves the other media."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls(settings):
    """cms.urls as the development server builds it (``DEBUG``), restored afterwards."""
    import cms.urls

    settings.DEBUG = True
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


def test_a_private_document_is_served_to_no_one_but_through_the_document_view(client, debug_urls, django_user_model):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Tài liệu nội bộ")
    restriction = CollectionViewRestriction.objects.create(collection=internal, restriction_type="groups")
    staff = Group.objects.create(name="Cán bộ")
    restriction.groups.add(staff)
    document = get_document_model().objects.create(
        title="Báo cáo mật", collection=internal, file=ContentFile(b"%PDF-1.4 noi bo", name="bao-cao-mat.pdf")
    )
    raw = f"/media/{document.file.name}"
    assert raw.startswith("/media/documents/")

    assert client.get(raw).status_code == 404
    viewed = client.get(document.url)
    assert viewed.status_code == 302 and "/login" in viewed["Location"]  # Wagtail asks for a login

    member = django_user_model.objects.create_user("canbo", password="x")
    member.groups.add(staff)
    client.force_login(member)
    assert client.get(raw).status_code == 404  # even signed in: only the view serves it
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"%PDF-1.4 noi bo"
    assert served["Content-Disposition"].startswith("attachment")


def test_the_development_server_still_serves_images(client, debug_urls):
    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    response = client.get(f"/media/{image.file.name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"
