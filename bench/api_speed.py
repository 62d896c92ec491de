"""API speed under load: the seeded portal on PostgreSQL behind gunicorn, measured with wrk.

Usage: python bench/api_speed.py [--extra N] [--duration S] [--connections C] [--workers W] [--reuse]

Prepares a PostgreSQL database (``DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/bench_api``; dropped and created again unless ``--reuse``):
migrations, the demo portal (``seed_demo``) and N generated pages (``--extra``, default 2,000:
60 % legal documents, 40 % news, from ``bench/search_speed.py``), indexed for search. Then serves
it with gunicorn (``cms.wsgi``, ``--workers`` sync workers, production settings from
``bench/api_settings.py``, persistent database connections) and runs wrk (``-t2 -c<C>
-d<S>s``, a separate process) against each endpoint in turn:

- the **floor**: a bare Django view returning a small JSON through the same middleware
  (``/bench/floor/``, outside the HTTP cache), measured first and last;
- the news listing (20 items, ``/api/v3/news/?limit=20``);
- a legal-document detail (``/api/v3/pages/<id>/``);
- a filtered legal-document listing (type + validity status, 20 items);
- the search endpoint (``/api/v3/search/?q=quyet dinh``; validated by a hash of the body, never
  answered from kept responses);
- for scale, Wagtail's own v3 listing of 20 news (``/api/v3/pages/?type=news.NewsPage``).

Twice: with the rendered-response cache on (the default: a repeated anonymous GET under the same
content version is answered from the worker's memory) and off (``HTTP_RESPONSE_CACHE_ENTRIES=0``:
every request runs the view and its queries). Prints requests/s, p50/p95 latency, errors (socket
errors and non-2xx answers) and each endpoint's requests/s as a share of the floor's in the same
run. Needs ``wrk`` (Debian package ``wrk``; ``make bench-api`` installs it when missing).
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_api"
LUA = ROOT / "bench" / "wrk_report.lua"


def prepare(url: str, extra: int, reuse: bool) -> dict:
    """The database ready to serve; returns the URLs to measure."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import search_speed

    search_speed.prepare_database(url, reuse)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from directives.models import LegalDocumentPage

    if not (reuse and LegalDocumentPage.objects.exists()):
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("seed_demo", verbosity=0)
        if extra:
            pages = search_speed.generate(extra)
            search_speed.index("default", pages)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"prepared {url.rsplit('/', 1)[-1]}: demo + {extra} pages in {time.perf_counter() - started:.0f} s")
    return measured_urls()


def measured_urls() -> dict:
    from django.db.models import Count

    from directives.models import LegalDocumentPage

    live = LegalDocumentPage.objects.live().public()
    document = live.exclude(body="").order_by("-issued_on").first() or live.first()
    # the commonest (type, status) pair: its filtered listing has 20 items if any pair's has
    common = live.values("document_type", "status").annotate(n=Count("pk")).order_by("-n").first()
    return {
        "floor": ("floor", "/bench/floor/"),
        "news": ("news listing, 20 items", "/api/v3/news/?limit=20"),
        "detail": ("legal-document detail", f"/api/v3/pages/{document.pk}/"),
        "legal": (
            "legal documents, filtered (type, status), 20",
            f"/api/v3/legal-documents/?document_type={common['document_type']}&status={common['status']}&limit=20",
        ),
        "search": ("search endpoint (q=quyet dinh)", "/api/v3/search/?q=quyet+dinh"),
        "pages": ("Wagtail v3 pages listing, 20 news (scale)", "/api/v3/pages/?type=news.NewsPage&limit=20"),
    }


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(base: str, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def serve(url: str, workers: int, kept: bool, cache_dir: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.api_settings",
        "DATABASE_URL": url,
        "DB_CONN_MAX_AGE": "60",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "0",
        "HTTP_CACHE_DIR": cache_dir,
        "HTTP_RESPONSE_CACHE_ENTRIES": "500" if kept else "0",
    }
    env.pop("SEARCH_URL", None)
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "cms.wsgi:application",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if fetch(base, "/bench/floor/")[0] == 200:
                return server, base
        except OSError:
            pass
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}")
        time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 30 s")


def wrk(base: str, path: str, duration: int, connections: int) -> dict:
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        base + path,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in reversed(output.splitlines()) if line.startswith("{"))
    result = json.loads(line)
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["errors"] = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    return result


def check(base: str, label: str, path: str) -> None:
    """The endpoint answers 200 with what it should, before it is measured."""
    status, body = fetch(base, path)
    if status != 200:
        raise SystemExit(f"{label}: {path} answered {status}: {body[:300]!r}")
    data = json.loads(body)
    if "listing" in label and len(data.get("items", [])) < 20:
        raise SystemExit(f"{label}: {path} has {len(data.get('items', []))} items, not 20")
    if label.startswith("search") and not data.get("count"):
        raise SystemExit(f"{label}: {path} found nothing")


def measure(url: str, urls: dict, args, kept: bool) -> list[tuple[str, dict]]:
    cache_dir = tempfile.mkdtemp(prefix="bench-api-cache-")
    server, base = serve(url, args.workers, kept, cache_dir)
    try:
        for label, path in urls.values():
            check(base, label, path)
            for _ in range(args.workers * 2):  # each worker has rendered and kept it once
                fetch(base, path)
        floor = urls["floor"][1]
        rows = [("floor (first)", wrk(base, floor, args.duration, args.connections))]
        for key, (label, path) in urls.items():
            if key != "floor":
                rows.append((label, wrk(base, path, args.duration, args.connections)))
        rows.append(("floor (last)", wrk(base, floor, args.duration, args.connections)))
        return rows
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(cache_dir, ignore_errors=True)


def report(mode: str, rows: list[tuple[str, dict]]) -> None:
    floor = sum(r["rps"] for label, r in rows if label.startswith("floor")) / 2
    print(f"\n{mode}")
    print(f"{'endpoint':48} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} {'of floor':>9}")
    for label, r in rows:
        share = f"{100 * r['rps'] / floor:.0f} %"
        print(
            f"{label:48} {r['rps']:8.0f} {r['p50_us'] / 1000:8.1f} {r['p95_us'] / 1000:8.1f} "
            f"{r['errors']:7d} {share:>9}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extra", type=int, default=2000, help="generated pages besides the demo (default 2000)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per endpoint (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it holds the portal")
    parser.add_argument(
        "--only", default="", help="comma-separated endpoints of: news, detail, legal, search, pages (default all)"
    )
    parser.add_argument("--mode", choices=("both", "on", "off"), default="both", help="response cache on, off or both")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk; make bench-api does it)")
    url = os.environ.get("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        raise SystemExit("bench-api measures PostgreSQL: DATABASE_URL must be a postgres:// URL")
    urls = prepare(url, args.extra, args.reuse)
    if args.only:
        urls = {key: value for key, value in urls.items() if key == "floor" or key in args.only.split(",")}
    from django.db import connections

    connections.close_all()
    load = os.getloadavg()[0]
    print(
        f"gunicorn {args.workers} sync workers, wrk -t2 -c{args.connections} -d{args.duration}s, "
        f"load average before: {load:.2f} on {os.cpu_count()} CPUs"
    )
    for kept in {"both": (True, False), "on": (True,), "off": (False,)}[args.mode]:
        mode = "rendered-response cache ON (default)" if kept else "rendered-response cache OFF: every request renders"
        report(mode, measure(url, urls, args, kept))


if __name__ == "__main__":
    main()
