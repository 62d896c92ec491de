"""Several application servers share their state through ``REDIS_URL`` (docs/deployment.md,
"Several servers"): the HTTP cache's content version (an edit on one server changes the ETags the
others hand out), the kept responses (bounded in time) and the forms' rate counts. Each "server" here
is another process started with the production-like settings and ``REDIS_URL``. Needs a Redis:
``REDIS_TEST_URL`` (``make test-redis``); skipped without it, except under CI."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.redis]
ROOT = Path(__file__).resolve().parent.parent

ALIASES = """
import json
import django
django.setup()
from django.conf import settings
print(json.dumps({alias: [c["BACKEND"].rsplit(".", 1)[-1], c.get("KEY_PREFIX", "")]
                  for alias, c in settings.CACHES.items()}
                 | {"timeout": settings.HTTP_RESPONSE_CACHE_TIMEOUT}))
"""
BUMP = """
import django
django.setup()
from http_cache.version import bump_content_version
print(bump_content_version().token)
"""
READ = """
import django
django.setup()
from http_cache.version import content_version
print(content_version().token)
"""
KEEP = """
import django
django.setup()
from django.http import HttpResponse
from django.test import RequestFactory
from django.core.cache import caches
from http_cache.response_cache import keep_response, _response_key
request = RequestFactory().get("/tin-tuc/")
assert keep_response(request, HttpResponse(b"<p>kept</p>"), 'W/"abc"')
key = caches["http_responses"].make_and_validate_key(_response_key('W/"abc"'))
print(caches["http_responses"]._cache.get_client(key).ttl(key))
"""
REPLAY = """
import django
django.setup()
from django.test import RequestFactory
from http_cache.response_cache import kept_response
print(kept_response(RequestFactory().get("/tin-tuc/"), 'W/"abc"').content.decode())
"""


@pytest.fixture
def server_env() -> dict:
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("REDIS_TEST_URL is not set: CI must run the Redis tests (make test-redis)", pytrace=False)
        pytest.skip("REDIS_TEST_URL not set: 'make test-redis' starts a Redis and runs these tests")
    env = {k: v for k, v in os.environ.items() if k not in ("RATELIMIT_CACHE_URL", "DATABASE_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        REDIS_URL=url.rstrip("/") + "/14",
        HTTP_CACHE_DIR="/nonexistent/not-used-with-redis",
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import redis; redis.Redis.from_url('{env['REDIS_URL']}').flushdb()"],
        check=True,
    )
    return env


def run(env: dict, code: str) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def test_with_redis_url_every_shared_cache_is_in_redis_under_its_own_prefix(server_env):
    aliases = json.loads(run(server_env, ALIASES))
    assert aliases["default"] == ["RedisCache", "default"]
    assert aliases["http_cache"] == ["RedisCache", "http-cache"]
    assert aliases["http_responses"] == ["RedisCache", "http-responses"]
    assert aliases["ratelimit"] == ["RedisCache", "ratelimit"]
    assert aliases["timeout"] == 3600


def test_an_edit_on_one_server_changes_the_version_the_other_hands_out(server_env):
    first = run(server_env, READ)
    bumped = run(server_env, BUMP)  # "server A": a page was published there
    assert bumped != first
    assert run(server_env, READ) == bumped  # "server B" sees it at once


def test_a_response_kept_by_one_server_is_replayed_by_another_and_expires(server_env):
    ttl = int(run(server_env, KEEP))
    assert 0 < ttl <= 3600
    assert run(server_env, REPLAY) == "<p>kept</p>"
