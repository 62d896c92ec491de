"""Every error the API answers is documented in ``/api/v3/openapi.json`` (cms/api.py ``problem_responses``).

Wagtail 8.0 documents the success response of its own operations only; the portal adds the
errors its handlers answer (400, 401, 403, 404, 422 as ``application/problem+json``) and the
redirect of the ``find`` operations. The fuzz test (tests/test_api_fuzz.py) checks reads against
the document; here real requests — reads and writes, anonymous and with tokens — meet a
documented status with a problem body, and the rules are checked one by one.
"""

import json

import pytest
from django.test import Client

from editorial import roles
from portal.api.errors import error_statuses

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def assert_documented(schema, method, template, response):
    documented = schema["paths"][template][method]["responses"]
    assert str(response.status_code) in documented, (method, template, response.status_code, sorted(documented))
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == response.status_code and body["title"]
        content = documented[str(response.status_code)]["content"]
        assert list(content) == ["application/problem+json"]


def call(client, method, url, body=None, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if body is None:
        return getattr(client, method)(url, **headers)
    return getattr(client, method)(url, json.dumps(body), content_type="application/json", **headers)


def test_wagtails_own_errors_are_documented_reads_and_writes(schema):
    client = Client()
    news = f.news("Tin đã đăng")
    news.title = "Bản nháp chưa duyệt"
    news.save_revision()
    token = f.api_token(f.member("pv", roles.REPORTER))
    cases = [
        # (method, URL, OpenAPI path, body, token, expected status)
        ("get", "/api/v3/whoami/", "/api/v3/whoami/", None, None, 401),
        ("get", "/api/v3/whoami/", "/api/v3/whoami/", None, "not-a-token", 401),
        ("get", "/api/v3/sites/", "/api/v3/sites/", None, token, 403),
        ("get", "/api/v3/pages/999999/", "/api/v3/pages/{page_id}/", None, None, 404),
        ("get", "/api/v3/pages/abc/", "/api/v3/pages/{page_id}/", None, None, 400),
        ("get", "/api/v3/pages/?limit=abc", "/api/v3/pages/", None, None, 400),
        ("get", "/api/v3/pages/?locale=xx", "/api/v3/pages/", None, None, 404),
        # Offsets beyond 64 bits were a 500 (the database cannot read the literal): now bounded.
        ("get", f"/api/v3/images/?offset={10**24}", "/api/v3/images/", None, None, 400),
        ("get", f"/api/v3/documents/?offset={2**31}", "/api/v3/documents/", None, None, 400),
        ("get", f"/api/v3/tasks/?offset={10**24}", "/api/v3/tasks/", None, None, 400),
        ("get", f"/api/v3/pages/?offset={2**31 - 1}", "/api/v3/pages/", None, None, 200),
        ("get", f"/api/v3/pages/{news.pk}/?version=draft", "/api/v3/pages/{page_id}/", None, None, 200),
        ("get", f"/api/v3/pages/{news.pk}/revisions/", "/api/v3/pages/{page_id}/revisions/", None, None, 401),
        ("get", f"/api/v3/pages/find/?html_path={news.url}", "/api/v3/pages/find/", None, None, 302),
        ("get", "/api/v3/pages/find/?html_path=/khong-co/", "/api/v3/pages/find/", None, None, 404),
        ("post", "/api/v3/pages/", "/api/v3/pages/", {"title": "x"}, None, 401),
        ("patch", f"/api/v3/pages/{news.pk}/", "/api/v3/pages/{page_id}/", {"title": "x"}, None, 401),
        ("delete", f"/api/v3/pages/{news.pk}/", "/api/v3/pages/{page_id}/", None, token, 403),
        (
            "post",
            f"/api/v3/pages/{news.pk}/actions/publish/",
            "/api/v3/pages/{page_id}/actions/publish/",
            None,
            token,
            403,
        ),
        ("post", "/api/v3/news/", "/api/v3/news/", {"title": 5}, token, 422),
        ("post", "/api/v3/sites/", "/api/v3/sites/", {"hostname": []}, token, 422),
    ]
    for method, url, template, body, bearer, expected in cases:
        response = call(client, method, url, body, bearer)
        assert response.status_code == expected, (method, url, response.status_code, response.content[:300])
        assert_documented(schema, method, template, response)
        assert "Bản nháp" not in response.content.decode()  # an anonymous "draft" read is the live page


def test_the_rules_give_each_kind_of_operation_its_errors():
    listing = {
        "parameters": [{"in": "query", "name": "limit"}],
        "security": [{"BearerTokenAuth": []}, {"AllowAnonymous": []}],
    }
    assert error_statuses("get", "/api/v3/news/", listing) == {400}
    detail = {
        "parameters": [{"in": "path", "name": "page_id"}, {"in": "query", "name": "version"}],
        "security": listing["security"],
    }
    assert error_statuses("get", "/api/v3/pages/{page_id}/", detail) == {400, 404}
    secured = {"security": [{"BearerTokenAuth": []}]}
    assert error_statuses("get", "/api/v3/whoami/", secured) == {401, 403}
    write = {"parameters": [{"in": "path", "name": "page_id"}], "requestBody": {}, "security": secured["security"]}
    # a body: 400 when it cannot be parsed, 409 when it would repeat a unique value (issue 22)
    assert error_statuses("patch", "/api/v3/redirects/{redirect_id}/", write) == {400, 401, 403, 404, 409, 413, 422}
    rich = {**write, "parameters": [*write["parameters"], {"in": "query", "name": "rich_text_format"}]}
    assert error_statuses("patch", "/api/v3/pages/{page_id}/", rich) == {400, 401, 403, 404, 409, 413, 422}
    create = {"requestBody": {}, "security": secured["security"]}
    assert error_statuses("post", "/api/v3/pages/", create) == {400, 401, 403, 404, 409, 413, 422}
    delete = {"parameters": [{"in": "path", "name": "page_id"}], "security": secured["security"]}
    assert error_statuses("delete", "/api/v3/pages/{page_id}/", delete) == {401, 403, 404, 409, 422}
    assert error_statuses("get", "/api/v3/redirects/find/", {"parameters": [{"in": "query", "name": "id"}]}) == {
        400,
        404,
    }
    assert error_statuses("get", "/api/v3/pages/", {"parameters": [{"in": "query", "name": "locale"}]}) == {400, 404}


def test_every_offset_states_its_maximum(schema):
    offsets = [
        parameter["schema"]
        for operations in schema["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["name"] == "offset"
    ]
    assert len(offsets) >= 10
    assert all(offset["maximum"] == 2**31 - 1 for offset in offsets)


def test_documented_errors_refer_to_the_problem_schema(schema):
    problem = schema["components"]["schemas"]["ProblemDetail"]
    assert problem["required"] == ["type", "title", "status"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            errors = {code for code in operation["responses"] if code.startswith(("4", "5"))}
            assert errors, (method, path)  # every operation can at least fail one way
            assert not {code for code in operation["responses"] if code.startswith("5")}, (method, path)
            for code in errors:
                response = operation["responses"][code]
                if "$ref" in response:  # a shared response: the 429 of too many wrong tokens
                    response = schema["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
                assert list(response["content"]) == ["application/problem+json"], (method, path, code)
    # 429: too many wrong API tokens from the address (portal.wagtail_patches, patch 4)
    assert set(schema["paths"]["/api/v3/pages/find/"]["get"]["responses"]) == {"200", "302", "400", "404", "429"}
    assert schema["components"]["responses"]["TooManyTokenAttempts"]["headers"]["Retry-After"]
