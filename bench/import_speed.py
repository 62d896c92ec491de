"""Import speed of ``import_content`` for generated legal documents, against stock Wagtail.

Usage: python bench/import_speed.py [N] [--databases sqlite,postgres] [--reimport K]

N legal documents (default 100,000: a province's archive) — mixed types and issuers, numbers
with and without a year (plans, ``12/KH-UBND``, repeat every year: their slugs collide), 2005 to
2026, statuses, fields, relations to earlier documents, bodies of 8–14 articles (~1.5 KB) — are
imported into a throw-away database of each kind: SQLite (a temporary file) and PostgreSQL
(``BENCH_POSTGRES_URL``, default ``postgres://postgres@127.0.0.1:5432/bench_import``, dropped and
re-created; skipped with a message when no server answers). Each database runs in its own process
and prints, from the same run:

- the baseline: stock Wagtail page creation, ``parent.add_child(instance=page)`` then
  ``page.save_revision().publish()``, the way Wagtail's documentation creates a page in code, for
  N/10 pages (at most 1,000) of the same model under the same section, and as many bare pages
  (``wagtailcore.Page``: a title and a slug, the plainest page there is);
- ``import_content`` of all N lines (``portal.importing.import_lines``, as the command runs it),
  with its rate per 10,000 lines (flat or not) and overall;
- that the search index is right afterwards: every document found by a phrase of every summary
  typed without marks (count = documents stored), and 20 evenly spread documents each first for
  its own number;
- the re-import of the first K lines (default 5,000): every record "unchanged".
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TYPES = [
    ("Nghị định", "NĐ-CP", "Chính phủ"),
    ("Thông tư", "TT-BTC", "Bộ Tài chính"),
    ("Thông tư", "TT-BTNMT", "Bộ Tài nguyên và Môi trường"),
    ("Quyết định", "QĐ-UBND", "UBND tỉnh Vĩnh Phúc"),
    ("Quyết định", "QĐ-UBND", "UBND huyện Vĩnh Tường"),
    ("Nghị quyết", "NQ-HĐND", "HĐND tỉnh Vĩnh Phúc"),
    ("Chỉ thị", "CT-UBND", "UBND tỉnh Vĩnh Phúc"),
    ("Kế hoạch", "KH-UBND", "UBND huyện Vĩnh Tường"),
    ("Công văn", "UBND-NN", "UBND tỉnh Vĩnh Phúc"),
]
STATUSES = ["con_hieu_luc", "het_hieu_luc_mot_phan", "het_hieu_luc_toan_bo", "ngung_hieu_luc"]
FIELDS = [
    "Tài chính",
    "Đất đai",
    "Giáo dục",
    "Y tế",
    "Công nghệ thông tin",
    "Xây dựng",
    "Nội vụ",
    "Nông nghiệp",
    "Giao thông vận tải",
    "Tài nguyên môi trường",
]
SUBJECTS = [
    "quản lý đất đai",
    "bồi thường hỗ trợ tái định cư",
    "thủ tục hành chính",
    "xây dựng nông thôn mới",
    "phòng chống thiên tai",
    "chuyển đổi số",
    "an toàn thực phẩm",
    "quản lý chất thải rắn",
    "giá dịch vụ khám chữa bệnh",
    "học phí giáo dục mầm non",
    "cải cách hành chính",
    "đầu tư công trung hạn",
]
WORDS = [
    "cơ",
    "quan",
    "đơn",
    "vị",
    "tổ",
    "chức",
    "cá",
    "nhân",
    "có",
    "trách",
    "nhiệm",
    "thực",
    "hiện",
    "theo",
    "quy",
    "định",
    "của",
    "pháp",
    "luật",
    "hiện",
    "hành",
    "ủy",
    "ban",
    "nhân",
    "dân",
    "các",
    "xã",
    "thị",
    "trấn",
    "phối",
    "hợp",
    "với",
    "các",
    "sở",
    "ban",
    "ngành",
    "hướng",
    "dẫn",
    "kiểm",
    "tra",
    "đôn",
    "đốc",
    "việc",
    "triển",
    "khai",
    "báo",
    "cáo",
    "kết",
    "quả",
    "định",
    "kỳ",
    "hằng",
    "năm",
    "kinh",
    "phí",
    "từ",
    "nguồn",
    "ngân",
    "sách",
    "nhà",
    "nước",
    "được",
    "giao",
    "dự",
    "toán",
    "trong",
    "trường",
    "hợp",
    "có",
    "vướng",
    "mắc",
    "phản",
    "ánh",
    "kịp",
    "thời",
    "để",
    "xem",
    "xét",
    "giải",
    "quyết",
    "điều",
    "chỉnh",
    "bổ",
    "sung",
    "cho",
    "phù",
    "hợp",
]


def body(rng: random.Random, subject: str) -> str:
    articles = []
    for n in range(1, rng.randrange(8, 15)):
        words = rng.choices(WORDS, k=rng.randrange(18, 34))
        if n == 1:
            words[3:3] = subject.split()
        articles.append(f"Điều {n}. " + " ".join(words).capitalize() + ".")
    return "\n\n".join(articles)


def records(n: int, seed: int = 1):
    rng = random.Random(seed)
    first_day, days = date(2005, 1, 1), (date(2026, 11, 30) - date(2005, 1, 1)).days
    numbers: list[str] = []
    for i in range(1, n + 1):
        kind, symbol, issuer = TYPES[i % len(TYPES)]
        issued = first_day + timedelta(days=rng.randrange(days))
        yearly = symbol not in {"KH-UBND", "UBND-NN"}  # plans and letters carry no year: slugs collide
        number = f"{i % 3000 + 1}/{issued.year}/{symbol}" if yearly else f"{i % 400 + 1}/{symbol}"
        subject = rng.choice(SUBJECTS)
        field = FIELDS[i % len(FIELDS)]
        record = {
            "type": "legal_document",
            "number": number,
            "document_type": kind,
            "issuing_body": issuer,
            "summary": f"Về việc ban hành quy định {subject} trên địa bàn, lĩnh vực {field.lower()} (đợt {i})",
            "issued_on": issued.isoformat(),
            "status": rng.choice(STATUSES),
            "fields": [field],
            "body": body(rng, subject),
        }
        if numbers and i % 5 == 0:
            kind = rng.choice(["amends", "replaces", "guides"])
            record["relations"] = [{"type": kind, "number": rng.choice(numbers)}]
        numbers.append(number)
        yield record


def unique_records(n: int, seed: int = 1):
    """``records`` without a second document of the same identity (number, issuer, year)."""
    seen = set()
    for record in records(n * 2, seed):
        key = (record["number"], record["issuing_body"], record["issued_on"][:4])
        if key in seen:
            continue
        seen.add(key)
        yield record
        if len(seen) == n:
            return


def one(database_url: str, n: int, reimport: int) -> None:
    """The measurements on one database, in this process."""
    tmp = tempfile.mkdtemp(prefix="bench-import-")
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DEBUG"] = "0"  # no query log: measure what production does
    os.environ["MEDIA_ROOT"] = tmp
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from directives.importing import get_or_create_named, legal_document_index
    from directives.models import Agency, DocumentType, LegalDocumentPage
    from portal.importing import import_lines
    from search.service import SearchQuery, search

    lines = [json.dumps(r, ensure_ascii=False) for r in unique_records(n)]

    # Baseline: stock Wagtail page creation of the same model, no import layer.
    baseline_n = max(50, min(n // 10, 1000))
    index = legal_document_index()
    agency = get_or_create_named(Agency, "Cơ quan đối chứng")
    doc_type = get_or_create_named(DocumentType, "Loại đối chứng")
    started = time.perf_counter()
    for i, record in enumerate(records(baseline_n, seed=2), start=1):
        page = LegalDocumentPage(
            title=f"Đối chứng {i}",
            slug=f"doi-chung-{i}",
            number=f"{i}/DC",
            summary=record["summary"],
            body=record["body"],
            document_type=doc_type,
            issuing_body=agency,
            issued_on=date.fromisoformat(record["issued_on"]),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    baseline_s = time.perf_counter() - started

    # And the plainest page Wagtail has (title and slug: wagtailcore's Page), the same way.
    from wagtail.models import Page

    bare_parent = index.get_parent()
    started = time.perf_counter()
    for i in range(1, baseline_n + 1):
        page = Page(title=f"Trang đối chứng {i}", slug=f"trang-doi-chung-{i}")
        bare_parent.add_child(instance=page)
        page.save_revision().publish()
    bare = baseline_n / (time.perf_counter() - started)

    marks = []
    done = 0
    started = time.perf_counter()

    def progress():
        nonlocal done
        done += 1
        if done % 10_000 == 0:
            marks.append((done, time.perf_counter() - started))

    report = import_lines(lines, progress=progress)
    elapsed = time.perf_counter() - started
    assert report.ok, report.errors[:5]
    assert report.created == len(lines), report

    stored = LegalDocumentPage.objects.count()
    found = search(SearchQuery(q="ve viec ban hanh quy dinh tren dia ban", types=("legal_document",))).count
    spread = [json.loads(lines[k]) for k in range(0, len(lines), max(1, len(lines) // 20))][:20]
    first = 0
    for record in spread:
        year = int(record["issued_on"][:4])
        hits = search(SearchQuery(q=record["number"], types=("legal_document",), year=year))
        # The same number of another issuer (QĐ-UBND of the province and of the district) ranks alike.
        same = LegalDocumentPage.objects.filter(number=record["number"], issued_on__year=year).count()
        first += record["summary"] in {hit.page.summary for hit in hits.results[:same]}

    k = min(reimport, len(lines))
    started = time.perf_counter()
    again = import_lines(lines[:k])
    reimport_s = time.perf_counter() - started
    assert again.unchanged == k, again

    from django.db import connection

    db = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[connection.vendor]
    rate = len(lines) / elapsed
    baseline = baseline_n / baseline_s
    print(f"\n== {db}: {len(lines):,} legal documents ==")
    print(f"stock Wagtail add_child + publish, {baseline_n:,} pages of the same model: {baseline:8.1f} pages/s")
    print(f"  the same for {baseline_n:,} bare pages (wagtailcore Page: title and slug): {bare:8.1f} pages/s")
    print(
        f"import_content, {len(lines):,} new documents: {rate:8.1f} records/s  "
        f"({elapsed:.0f} s; {rate / baseline:.1f}× stock, {rate / bare:.1f}× a bare page)"
    )
    previous = (0, 0.0)
    steps = []
    for count, at in marks:
        steps.append(f"{count // 1000}k {(count - previous[0]) / (at - previous[1]):.0f}/s")
        previous = (count, at)
    if steps:
        print("  per 10,000 lines: " + ", ".join(steps))
    print(f"search index: {found:,} of {stored:,} stored documents found by a phrase of every summary (no marks)")
    print(f"  {first} of {len(spread)} spread documents first for their own number (or after a namesake)")
    print(f"re-import of the first {k:,} lines (all unchanged): {k / reimport_s:8.1f} records/s")


def postgres_ready(url: str) -> bool:
    import psycopg2

    admin = url.rsplit("/", 1)[0] + "/postgres"
    try:
        conn = psycopg2.connect(admin, connect_timeout=3)
    except psycopg2.OperationalError as exc:
        print(f"\n== PostgreSQL: skipped, no server at {admin} ({str(exc).strip()}); `make postgres` starts one ==")
        return False
    conn.autocommit = True
    name = url.rsplit("/", 1)[1]
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--reimport", type=int, default=5000)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one, args.n, args.reimport)
        return
    failed = False
    for name in args.databases.split(","):
        if name == "sqlite":
            url = f"sqlite:///{tempfile.mkdtemp(prefix='bench-import-')}/bench.sqlite3"
        elif name == "postgres":
            url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/bench_import")
            if not postgres_ready(url):
                continue
        else:
            parser.error(f"unknown database {name!r} (sqlite, postgres)")
        command = [sys.executable, __file__, str(args.n), "--reimport", str(args.reimport), "--one", url]
        failed |= subprocess.run(command, check=False).returncode != 0  # noqa: S603 - our own script
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
