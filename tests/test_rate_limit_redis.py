"""The citizens' forms count sendings per address in Redis when ``RATELIMIT_CACHE_URL`` is set, so
that every worker process shares the count (docs/citizens.md). Needs a Redis server:
``REDIS_TEST_URL`` (``make test-redis`` starts Debian's and sets it); skipped without it, except
under CI, where it must run. The test database of Redis (``/15``) is emptied."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from portal.submissions import rate_limited

pytestmark = [pytest.mark.redis, pytest.mark.django_db]
ROOT = Path(__file__).resolve().parent.parent
ADDRESS = "198.51.100.9"
OTHER_PROCESS = f"""
import django
django.setup()
from django.test import RequestFactory
from portal.submissions import rate_limited
print([rate_limited(RequestFactory().post("/", REMOTE_ADDR="{ADDRESS}"), "question") for _ in range(3)])
"""


@pytest.fixture
def redis_url(settings) -> str:
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("REDIS_TEST_URL is not set: CI must run the Redis tests (make test-redis)", pytrace=False)
        pytest.skip("REDIS_TEST_URL not set: 'make test-redis' starts a Redis and runs these tests")
    url = url.rstrip("/") + "/15"
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url},
    }
    settings.CITIZEN_FORM_RATES = {"question": "5/h"}
    caches["ratelimit"].clear()
    yield url
    caches["ratelimit"].clear()


def test_two_processes_share_the_count_of_one_address(redis_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "RATELIMIT_CACHE_URL": redis_url,
        "CITIZEN_QUESTION_RATE": "5/h",
    }
    other = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert other.stdout.strip() == "[False, False, False]"
    here = [rate_limited(RequestFactory().post("/", REMOTE_ADDR=ADDRESS), "question") for _ in range(3)]
    assert here == [False, False, True]  # 3 there + 2 here = the 5 allowed; the 6th is refused
    assert rate_limited(RequestFactory().post("/", REMOTE_ADDR="198.51.100.10"), "question") is False


def test_the_form_answers_429_from_the_shared_count(client, redis_url):
    from directives.models import Field
    from questions.models import Question, QuestionIndexPage

    from . import factories as f

    section = f.section(QuestionIndexPage, "Hỏi đáp", "hoi-dap")
    field = Field.objects.create(name="Đất đai")
    data = {
        "kind": "hoi-dap",
        "field": field.pk,
        "title": "Câu hỏi",
        "body": "Nội dung",
        "name": "A",
        "email": "a@example.com",
        "agree": "on",
        "website": "",
    }
    statuses = [client.post(section.url + "gui-cau-hoi/", data, REMOTE_ADDR=ADDRESS).status_code for _ in range(7)]
    assert statuses == [302] * 5 + [429] * 2
    assert Question.objects.count() == 5
