"""CORS: origins listed in CORS_ALLOWED_ORIGINS may read /api/ and /feeds/; none by default."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = "https://portal.tinh.gov.vn"
ACAO = "Access-Control-Allow-Origin"


@pytest.fixture
def allowed(settings):
    settings.CORS_ALLOWED_ORIGINS = [ALLOWED, "http://localhost:3000"]


def preflight(client, url, origin):
    return client.options(url, HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")


@pytest.mark.parametrize("url", ["/api/v3/pages/", "/feeds/news.rss"])
def test_an_allowed_origin_may_read_the_api_and_feeds(client, allowed, url):
    response = client.get(url, HTTP_ORIGIN=ALLOWED)
    assert response.status_code == 200
    assert response[ACAO] == ALLOWED
    assert "origin" in response["Vary"].lower()
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_from_an_allowed_origin_is_answered(client, allowed):
    response = preflight(client, "/api/v3/pages/", ALLOWED)
    assert response.status_code == 200
    assert response[ACAO] == ALLOWED
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "ETag" not in response


def test_a_304_keeps_the_cors_headers(client, allowed):
    first = client.get("/api/v3/pages/", HTTP_ORIGIN=ALLOWED)
    again = client.get("/api/v3/pages/", HTTP_ORIGIN=ALLOWED, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again[ACAO] == ALLOWED


def test_another_origin_gets_no_cors_headers(client, allowed):
    response = client.get("/api/v3/pages/", HTTP_ORIGIN="https://ke-gia-mao.example")
    assert response.status_code == 200 and ACAO not in response
    response = preflight(client, "/api/v3/pages/", "https://ke-gia-mao.example")
    assert ACAO not in response and "Access-Control-Allow-Methods" not in response


def test_only_the_api_and_feeds_are_shared(client, allowed):
    for url in ("/", "/sitemap.xml", "/tim-kiem/", "/admin/login/"):
        response = client.get(url, HTTP_ORIGIN=ALLOWED, HTTP_HOST="localhost")
        assert ACAO not in response, url


def test_no_origin_is_allowed_by_default(client, settings):
    assert settings.CORS_ALLOWED_ORIGINS == []
    assert not getattr(settings, "CORS_ALLOW_ALL_ORIGINS", False)
    for origin in (ALLOWED, "http://localhost:3000"):
        assert ACAO not in client.get("/api/v3/pages/", HTTP_ORIGIN=origin)
        assert ACAO not in preflight(client, "/api/v3/pages/", origin)


def test_allowed_origins_come_from_the_environment():
    env = {k: v for k, v in os.environ.items() if k != "CORS_ALLOWED_ORIGINS"}
    code = "import cms.settings.test as s; print(s.CORS_ALLOWED_ORIGINS)"
    run = [sys.executable, "-c", code]
    default = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True)
    assert default.stdout.strip() == "[]"
    env["CORS_ALLOWED_ORIGINS"] = f"{ALLOWED}, http://localhost:3000 ,"
    listed = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True)
    assert listed.stdout.strip() == f"['{ALLOWED}', 'http://localhost:3000']"
