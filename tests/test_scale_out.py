"""The scale-out layout of ``make bench-load`` without its servers: the database connection settings
several servers rely on, the environment the instances get, and nginx's config (docs/deployment.md,
"Reference layout")."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.scale_out import nginx_config, server_env

ROOT = Path(__file__).resolve().parents[1]

RELOAD_BASE = """
import importlib, json, os, sys
import cms.settings.base as base
answers = []
for env in json.loads(sys.argv[1]):
    for name in ("DB_CONN_MAX_AGE", "DB_CONN_HEALTH_CHECKS"):
        os.environ.pop(name, None)
    os.environ.update(env)
    importlib.reload(base)
    database = base.DATABASES["default"]
    answers.append([database["CONN_MAX_AGE"], database["CONN_HEALTH_CHECKS"]])
print(json.dumps(answers))
"""


def run_settings(code: str, env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_kept_connections_are_health_checked_unless_turned_off():
    cases = [{}, {"DB_CONN_MAX_AGE": "60"}, {"DB_CONN_MAX_AGE": "60", "DB_CONN_HEALTH_CHECKS": "0"}]
    env = {**os.environ, "DATABASE_URL": "postgres://portal@db.example/portal"}
    answers = json.loads(run_settings(RELOAD_BASE, env, json.dumps(cases)))
    # one connection per request: nothing kept, nothing to check; kept: checked; turned off: not
    assert answers == [[0, False], [60, True], [60, False]]


def test_the_bench_instances_get_a_complete_production_environment(tmp_path):
    env = server_env(
        database_url="postgres://postgres@127.0.0.1:5432/bench_load",
        redis_url="redis://127.0.0.1:6379/5",
        workdir=tmp_path,
        public_port=8080,
    )
    code = (
        "import json; import cms.settings.production as s; print(json.dumps([s.DATABASES['default']"
        "['CONN_HEALTH_CHECKS'], s.SECURE_SSL_REDIRECT, list(getattr(s, 'SECURE_PROXY_SSL_HEADER', ())), "
        "sorted({c['BACKEND'].rsplit('.', 1)[-1] for c in s.CACHES.values()}), str(s.MEDIA_ROOT), s.PUBLIC_BASE_URL]))"
    )
    answers = json.loads(run_settings(code, env))
    assert answers == [
        True,
        False,  # plain HTTP on loopback
        ["HTTP_X_FORWARDED_PROTO", "https"],
        ["RedisCache"],  # every cache the instances share
        str(tmp_path / "media"),
        "http://127.0.0.1:8080",
    ]


def test_the_generated_nginx_config_balances_and_is_valid(tmp_path):
    config = nginx_config(
        listen=8080,
        upstreams=[8001, 8002],
        static_root=tmp_path / "static",
        media_root=tmp_path / "media",
        workdir=tmp_path,
    )
    assert "server 127.0.0.1:8001 max_fails=1 fail_timeout=10s;" in config
    assert "server 127.0.0.1:8002 max_fails=1 fail_timeout=10s;" in config
    assert "proxy_next_upstream error timeout;" in config
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in config
    if shutil.which("nginx") is None:
        pytest.skip("nginx is not installed (Debian package nginx; make bench-load installs it)")
    (tmp_path / "nginx-temp").mkdir()
    path = tmp_path / "nginx.conf"
    path.write_text(config)
    command = ["nginx", "-t", "-q", "-c", str(path), "-e", str(tmp_path / "error.log"), "-p", str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)  # noqa: S607
    assert result.returncode == 0, result.stderr
    broken = tmp_path / "broken.conf"
    broken.write_text(config.replace("proxy_next_upstream error timeout;", "proxy_next_upstream sometimes;"))
    command[command.index(str(path))] = str(broken)
    assert subprocess.run(command, capture_output=True, timeout=30).returncode != 0  # noqa: S607
