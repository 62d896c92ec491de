"""Operators see failures (issue 22; docs/deployment.md, "Logs, errors and health"): every request
has an id and one access record, records are JSON lines on stderr, an uncaught exception is ONE
record with its traceback and the request id (mailed to ADMINS when set), and ``/healthz`` tells
the load balancer whether the database, the search backend and the cache answer."""

import io
import json
import logging
import re

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from portal import health
from portal.request_log import JsonFormatter, parse_admins
from search import health as search_health

from . import factories as f
from .test_security import production_settings

pytestmark = pytest.mark.django_db

CLIENT_ID = "6f1c1e0a-1b2c-4d5e-8f90-123456789abc"


@pytest.fixture
def log_lines():
    """The JSON lines the configured stderr handler writes (LOGGING of cms/settings/base.py), read
    from the handler itself: its filter and formatter as production runs them."""
    handler = next(h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonFormatter))
    buffer = io.StringIO()
    previous = handler.setStream(buffer)

    def lines() -> list[dict]:
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    yield lines
    handler.setStream(previous)


@pytest.fixture
def failing_client():
    return Client(raise_request_exception=False)


# --- one record with the traceback ----------------------------------------------------------------


@pytest.mark.urls("tests.urls_forced_errors")
def test_a_forced_error_is_one_record_with_its_traceback_and_the_request_id(failing_client, log_lines):
    response = failing_client.get("/forced-error/", HTTP_X_REQUEST_ID=CLIENT_ID)

    assert response.status_code == 500
    assert response["X-Request-ID"] == CLIENT_ID
    records = log_lines()
    with_traceback = [r for r in records if "traceback" in r]
    assert len(with_traceback) == 1, records
    error = with_traceback[0]
    assert error["level"] == "ERROR" and error["logger"] == "django.request"
    assert error["request_id"] == CLIENT_ID
    assert (error["method"], error["path"], error["status"]) == ("GET", "/forced-error/", 500)
    assert error["error"] == "RuntimeError: forced failure for the test"
    assert error["traceback"].startswith("Traceback (most recent call last):")
    assert "in fail" in error["traceback"] and error["traceback"].count("\n") > 3
    # the access record of the same request: its id, status and duration, no second traceback
    [access] = [r for r in records if r["logger"] == "portal.request"]
    assert access["request_id"] == CLIENT_ID and access["status"] == 500 and access["level"] == "WARNING"
    assert isinstance(access["duration_ms"], float) and "traceback" not in access
    assert len(records) == 2, records  # nothing else said the error again


@pytest.mark.urls("tests.urls_forced_errors")
def test_an_api_error_is_one_record_too(failing_client, log_lines):
    response = failing_client.get("/api/v3/forced-error/")
    assert response.status_code == 500
    records = log_lines()
    assert [r["logger"] for r in records if "traceback" in r] == ["django.request"]
    assert {r["request_id"] for r in records} == {response["X-Request-ID"]}
    assert response.json()["request_id"] == response["X-Request-ID"]


def test_every_request_gets_an_id_and_one_access_record(client, log_lines):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    records = log_lines()
    assert len(records) == 1, records  # a 404 is the access record's business, not django.request's
    [access] = records
    assert access["logger"] == "portal.request" and access["level"] == "INFO"
    assert (access["method"], access["path"], access["status"]) == ("GET", "/khong-co-trang-nay/", 404)
    assert access["request_id"] == request_id and "user_id" not in access
    assert access["message"].startswith("GET /khong-co-trang-nay/ 404 ")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", access["time"])


@pytest.mark.parametrize(
    "sent, kept",
    [
        (CLIENT_ID, True),
        ("req.2026-05-01:abc_1", True),
        ("short", False),
        ("x" * 129, False),
        ('a b"c <script>', False),
        ('abc\n{"level": "ERROR"}', False),
    ],
)
def test_a_clients_request_id_is_kept_only_when_it_is_a_sane_token(client, sent, kept):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID=sent)
    assert (response["X-Request-ID"] == sent) is kept
    if not kept:
        assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_the_access_record_names_the_user_of_an_api_token(client, django_user_model, log_lines):
    user = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "x")
    token = f.api_token(user)
    log_lines()  # the token's creation logged nothing to keep
    response = client.get("/api/v3/whoami/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    [access] = [r for r in log_lines() if r["logger"] == "portal.request"]
    assert access["user_id"] == user.pk


def test_query_strings_are_not_logged(client, log_lines):
    """A token in a query (the preview's) stays out of the logs: the path alone is written."""
    client.get("/khong-co/?token=secret-preview-token")
    assert "secret-preview-token" not in json.dumps(log_lines())


# --- mail to ADMINS -------------------------------------------------------------------------------


@pytest.mark.urls("tests.urls_forced_errors")
def test_a_server_error_is_mailed_to_the_admins_when_set(failing_client, settings):
    settings.ADMINS = [("Phòng CNTT", "cntt@example.vn")]
    failing_client.get("/forced-error/", HTTP_X_REQUEST_ID=CLIENT_ID)
    failing_client.get("/khong-co-trang-nay/")  # a 404: no mail
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["cntt@example.vn"]
    assert message.subject.startswith(settings.EMAIL_SUBJECT_PREFIX + "ERROR")
    assert "/forced-error/" in message.subject and message.subject.endswith(f"[{CLIENT_ID}]")
    assert "RuntimeError at /forced-error/" in message.body
    assert 'raise RuntimeError("forced failure for the test")' in message.body


@pytest.mark.urls("tests.urls_forced_errors")
def test_no_mail_without_admins(failing_client, settings):
    settings.ADMINS = []
    failing_client.get("/forced-error/")
    assert mail.outbox == []


def test_admins_are_read_from_the_environment():
    assert parse_admins("Phòng CNTT <cntt@vinhtuong.gov.vn>, truc@vinhtuong.gov.vn") == [
        ("Phòng CNTT", "cntt@vinhtuong.gov.vn"),
        ("", "truc@vinhtuong.gov.vn"),
    ]
    assert parse_admins("") == [] and parse_admins(" , ") == []
    with pytest.raises(ImproperlyConfigured, match="ADMINS"):
        parse_admins("Phòng CNTT")


def test_production_logs_json_to_stderr_and_mails_the_admins():
    values = production_settings(
        "LOGGING", "ADMINS", "MIDDLEWARE", "SECURE_REDIRECT_EXEMPT", "SECURE_SSL_REDIRECT", ADMINS="Trực <a@b.vn>"
    )
    logging_setting = values["LOGGING"]
    assert logging_setting["handlers"]["stderr"]["formatter"] == "json"
    assert logging_setting["handlers"]["stderr"]["stream"] == "ext://sys.stderr"
    assert logging_setting["loggers"]["django.request"]["handlers"] == ["mail_admins"]
    assert values["ADMINS"] == [["Trực", "a@b.vn"]]
    middleware = values["MIDDLEWARE"]
    assert middleware[0] == "portal.request_log.RequestLogMiddleware"
    assert middleware[1:3] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    assert values["SECURE_SSL_REDIRECT"] is True and values["SECURE_REDIRECT_EXEMPT"] == ["^healthz$"]


def test_the_formatter_writes_one_json_line_per_record():
    formatter = JsonFormatter()
    try:
        raise ValueError("dòng một\ndòng hai")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "Lỗi %s", ("ở đây",), exc_info=True)
        import sys

        record.exc_info = sys.exc_info()
    line = formatter.format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Lỗi ở đây" and "Lỗi" in line  # not \u-escaped
    assert entry["error"] == "ValueError: dòng một\ndòng hai"
    assert "ValueError" in entry["traceback"]


# --- /healthz -------------------------------------------------------------------------------------


def test_healthz_answers_ok_with_each_check(client, log_lines, django_assert_num_queries):
    client.get("/healthz")  # a warm process: the index's table and the page types' content types are known
    # SELECT 1, and a search of one word on the database backend's index
    with django_assert_num_queries(2):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "search": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"] and not response.has_header("ETag")
    assert log_lines() == []  # a passing check is not an access record at INFO (the balancer asks often)


def test_healthz_answers_503_naming_the_failing_check(client, monkeypatch, settings, log_lines):
    settings.ADMINS = [("Phòng CNTT", "cntt@example.vn")]

    def unreachable():
        raise ConnectionError("Connection refused: search.internal:9200")

    monkeypatch.setitem(health._checks, "search", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "fail", "checks": {"database": "ok", "search": "fail", "cache": "ok"}}
    assert "search.internal" not in response.content.decode()  # no internals to anyone who asks
    records = log_lines()
    assert [(r["logger"], r["level"]) for r in records] == [("portal.health", "WARNING"), ("portal.request", "WARNING")]
    assert "Connection refused" in records[0]["message"] and "traceback" not in records[0]
    assert mail.outbox == []  # not a server error


@pytest.mark.parametrize("broken", ["database", "cache"])
def test_healthz_fails_when_the_database_or_the_cache_does_not_answer(client, monkeypatch, broken):
    if broken == "database":

        def cursor(*args, **kwargs):
            raise OSError("could not connect to server")

        monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", cursor)
    else:
        monkeypatch.setattr("django.core.cache.backends.locmem.LocMemCache.get", lambda *a, **k: None)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"][broken] == "fail"


def test_healthz_is_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/robots.txt").status_code == 301
    assert client.get("/healthz").status_code == 200


class FakeElasticsearch:
    def __init__(self, answers):
        self.answers, self.timeouts = answers, []

    def options(self, request_timeout, max_retries):
        self.timeouts.append(request_timeout)
        assert max_retries == 0
        return self

    def ping(self):
        return self.answers


class FakeOpenSearch:
    def __init__(self, answers):
        self.answers, self.timeouts = answers, []

    def ping(self, request_timeout):
        self.timeouts.append(request_timeout)
        return self.answers


@pytest.mark.parametrize("client_class", [FakeElasticsearch, FakeOpenSearch])
def test_the_search_check_pings_an_engine_with_a_short_timeout(monkeypatch, client_class):
    engine = client_class(answers=True)
    monkeypatch.setattr(search_health, "get_search_backend", lambda: type("Backend", (), {"es": engine})())
    search_health.check_search()
    assert engine.timeouts == [search_health.TIMEOUT]
    engine.answers = False
    with pytest.raises(ConnectionError):
        search_health.check_search()
