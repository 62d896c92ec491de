"""Settings come from the environment; production refuses to start without a real key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import formats, translation

ROOT = Path(__file__).resolve().parents[1]


def load_production(**env):
    environ = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}} | env
    code = "import cms.settings.production as s; print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("key", [None, "short", "dev-only-insecure-key-do-not-use-in-production"])
def test_production_refuses_a_missing_or_weak_secret_key(key):
    result = load_production(**({"SECRET_KEY": key} if key else {}))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_reads_the_environment():
    result = load_production(
        SECRET_KEY="x" * 50, ALLOWED_HOSTS="cong.vinhtuong.gov.vn, www.example.vn", DATABASE_URL="postgres://u@h/db"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 1)[0] == "False"
    assert "'cong.vinhtuong.gov.vn', 'www.example.vn'" in result.stdout
    assert "postgresql" in result.stdout


def test_vietnamese_dates_are_day_first(settings):
    from datetime import date

    assert settings.LANGUAGE_CODE == "vi" and settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    with translation.override("vi"):
        assert formats.date_format(date(2019, 10, 5), "SHORT_DATE_FORMAT") == "05/10/2019"
        assert formats.date_format(date(2019, 10, 5)) == "05/10/2019"
