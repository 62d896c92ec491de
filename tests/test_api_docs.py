"""/api/v3/docs/ works without the internet: Swagger UI comes from our static files (django-ninja's
copy of swagger-ui-dist), and nothing on the page or in its settings names another host."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

#: The swagger-ui-dist version whose licence files are in cms/static/ninja/ (a django-ninja upgrade
#: that ships another version must bring that version's licence files).
SWAGGER_UI_VERSION = "5.31.0"


class References(HTMLParser):
    """Every ``src`` and ``href`` of a page, and the text of its scripts by id."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.scripts: dict[str, str] = {}
        self._script_id = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.urls += [value for name, value in attrs.items() if name in ("src", "href") and value is not None]
        if tag == "script":
            self._script_id = attrs.get("id")

    def handle_data(self, data):
        if self._script_id:
            self.scripts[self._script_id] = self.scripts.get(self._script_id, "") + data

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_id = None


def static_text(name: str) -> str:
    """The text of the static file ``name`` as the finders (collectstatic) find it."""
    found = finders.find(name)
    assert found, f"{name} is not found by the static files finders"
    return Path(found).read_text(encoding="utf-8")


@pytest.fixture
def docs_page(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    page = References()
    page.feed(response.content.decode())
    return page


def test_the_docs_page_references_no_other_host(docs_page):
    assert docs_page.urls, "the page loads its scripts and styles"
    for url in docs_page.urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, url
        assert url.startswith("/"), url
    assert "cdn" not in " ".join(docs_page.urls)


def test_the_static_files_it_names_exist(docs_page):
    static = [url for url in docs_page.urls if url.startswith(settings.STATIC_URL)]
    names = {urlsplit(url).path[len(settings.STATIC_URL) :] for url in static}
    assert {"ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"} <= names
    for name in names:
        assert finders.find(name), f"{name} is not found by the static files finders (collectstatic)"
    bundle = static_text("ninja/swagger-ui-bundle.js")
    assert "SwaggerUIBundle" in bundle
    assert "https://cdn" not in static_text("ninja/swagger-ui-init.js")


def test_swagger_ui_reads_our_openapi_document_and_asks_no_validator(docs_page, client):
    config = json.loads(docs_page.scripts["swagger-settings"])
    assert config["url"] == "/api/v3/openapi.json"
    assert config["validatorUrl"] is None  # else a badge image from validator.swagger.io
    assert client.get(config["url"]).status_code == 200


def test_the_licences_of_the_served_swagger_ui_are_served_beside_it():
    bundle = static_text("ninja/swagger-ui-bundle.js")
    assert bundle.startswith("/*! For license information please see swagger-ui-bundle.js.LICENSE.txt */")
    version = re.search(r'PACKAGE_VERSION:"([0-9.]+)"', bundle)
    assert version and version.group(1) == SWAGGER_UI_VERSION
    assert finders.find("ninja/swagger-ui-bundle.js.LICENSE.txt")
    assert "Apache License" in static_text("ninja/swagger-ui-LICENSE.txt")
    assert "SmartBear" in static_text("ninja/swagger-ui-NOTICE.txt")
