"""Wagtail's generic endpoints take ``?search=``, ``pages/find/``'s ``site`` and the revisions'
``user_id`` straight from the reader (issue 22): text that is the full-text engine's own syntax — a
quote, ``" OR 1=1 --``, a lone space — is read as words; a site whose port is not a number and a
user id that is not one are 400s naming the parameter, never a 500; an ordinary search still finds
the page, with or without marks."""

import pytest

from . import factories as f

pytestmark = pytest.mark.django_db

HOSTILE = ['"', '" OR 1=1 --', 'a"b', " ", "(", ")", "NEAR(a b)", "a:b", "*", "^x", "_", "-", "'; DROP TABLE x; --"]


@pytest.fixture
def page():
    return f.news(title="Vĩnh Tường khánh thành cầu Bến Gạo")


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("listing", ["/api/v3/pages/", "/api/v3/documents/", "/api/v3/images/"])
def test_the_engines_syntax_in_search_is_read_as_words(client, page, listing, text):
    response = client.get(listing, {"search": text})
    assert response.status_code == 200, response.content[:300]
    assert isinstance(response.json()["items"], list)


@pytest.mark.parametrize("text", ["vinh tuong", "Vĩnh Tường", '"ben gao"', "cầu: Bến Gạo!"])
def test_an_ordinary_search_still_finds_the_page(client, page, text):
    ids = [item["id"] for item in client.get("/api/v3/pages/", {"search": text}).json()["items"]]
    assert page.pk in ids


@pytest.mark.parametrize("site", ["localhost:abc", "localhost:", "localhost:99999999999", "localhost:８０"])
def test_a_site_whose_port_is_not_a_number_is_a_400_naming_site(client, page, site):
    response = client.get("/api/v3/pages/find/", {"html_path": "/", "site": site})
    assert response.status_code == 400, response.content[:300]
    assert response.json()["detail"].startswith("site: ")


def test_a_site_with_its_port_or_none_still_finds_the_page(client, page):
    for site in ("localhost:80", "localhost"):
        response = client.get("/api/v3/pages/find/", {"html_path": "/", "site": site})
        assert response.status_code == 302, (site, response.content[:300])


def test_a_revision_filter_by_a_user_that_is_not_an_id_is_a_400_naming_user_id(client, page, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", password="x")  # noqa: S106
    headers = {"HTTP_AUTHORIZATION": f"Bearer {f.api_token(admin)}"}
    url = f"/api/v3/pages/{page.pk}/revisions/"
    page.save_revision(user=admin)
    for value in ("abc", "1.5", "' OR 1=1"):
        response = client.get(url, {"user_id": value}, **headers)
        assert response.status_code == 400, (value, response.content[:300])
        assert response.json()["detail"].startswith("user_id: ")
    mine = client.get(url, {"user_id": admin.pk}, **headers)
    assert mine.status_code == 200 and mine.json()["items"]
