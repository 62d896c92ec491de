"""Import speed of ``import_content`` for generated legal documents.

Usage: python bench/import_speed.py [N] (default 10000). Runs on a throw-away SQLite
file (or DATABASE_URL if set), prints records/s for our import and, as a baseline
measured in the same run, for the bare Wagtail page creation the import builds on
(``add_child`` + ``save_revision().publish()`` of the same documents) — the ratio is
the import layer's own cost (parsing, validation, look-ups, relations).
"""

import json
import os
import random
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
    ("Quyết định", "QĐ-UBND", "UBND tỉnh Vĩnh Phúc"),
    ("Kế hoạch", "KH-UBND", "UBND huyện Vĩnh Tường"),
]
STATUSES = ["con_hieu_luc", "het_hieu_luc_mot_phan", "het_hieu_luc_toan_bo", "ngung_hieu_luc"]
FIELDS = ["Tài chính", "Đất đai", "Giáo dục", "Y tế", "Công nghệ thông tin", "Xây dựng", "Nội vụ"]


def records(n: int, seed: int = 1):
    rng = random.Random(seed)
    for i in range(1, n + 1):
        kind, symbol, body = TYPES[i % len(TYPES)]
        issued = date(2010, 1, 1) + timedelta(days=rng.randrange(5000))
        number = f"{i}/{issued.year}/{symbol}" if kind != "Kế hoạch" else f"{i}/{symbol}"
        record = {
            "type": "legal_document",
            "number": number,
            "document_type": kind,
            "issuing_body": body,
            "summary": f"Về việc ban hành quy định quản lý lĩnh vực {FIELDS[i % len(FIELDS)].lower()} số {i}",
            "issued_on": issued.isoformat(),
            "status": rng.choice(STATUSES),
            "fields": [FIELDS[i % len(FIELDS)]],
            "body": "Điều 1. Phạm vi điều chỉnh.\n\nĐiều 2. Đối tượng áp dụng.",
        }
        if i > 1 and i % 5 == 0:
            record["relations"] = [{"type": "amends", "number": f"{i - 1}/2015/NĐ-CP"}]
        yield record


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    baseline_n = max(50, n // 10)
    tmp = tempfile.mkdtemp(prefix="bench-import-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ.setdefault("DEBUG", "0")  # no query log: measure what production does
    os.environ["MEDIA_ROOT"] = tmp
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from directives.importing import get_or_create_named, legal_document_index
    from directives.models import Agency, DocumentType, LegalDocumentPage
    from portal.importing import import_lines

    path = Path(tmp) / "docs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records(n)) + "\n", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()

    # Baseline: the same documents as bare Wagtail pages, no import layer.
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
            document_type=doc_type,
            issuing_body=agency,
            issued_on=date.fromisoformat(record["issued_on"]),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    baseline = baseline_n / (time.perf_counter() - started)

    started = time.perf_counter()
    report = import_lines(lines)
    elapsed = time.perf_counter() - started
    assert report.ok, report.errors[:5]
    rate = n / elapsed

    started = time.perf_counter()
    again = import_lines(lines)
    reimport = n / (time.perf_counter() - started)
    assert again.unchanged == n, again

    db = "SQLite" if "sqlite" in os.environ["DATABASE_URL"] else "PostgreSQL"
    print(f"database: {db}; documents: {n}")
    print(f"baseline (bare Wagtail add_child + publish, {baseline_n} pages): {baseline:8.1f} pages/s")
    print(f"import_content (new documents): {rate:8.1f} records/s  ({elapsed:.1f} s; {rate / baseline:.2f}× baseline)")
    print(f"import_content (re-import, unchanged): {reimport:8.1f} records/s")


if __name__ == "__main__":
    main()
