"""manage.py import_content: the JSON Lines contract of ../shared/import-format.md."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from directives.models import Agency, DocumentType, LegalDocumentIndexPage, LegalDocumentPage
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

# A copy of shared/data/sample-content.jsonl (one bad line on purpose), kept with the tests.
SAMPLE = Path(__file__).resolve().parent / "data" / "sample-content.jsonl"

DOC = {
    "type": "legal_document",
    "number": "42/2022/NĐ-CP",
    "document_type": "Nghị định",
    "issuing_body": ["Chính phủ", "Bộ Thông tin và Truyền thông"],
    "summary": "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
    "issued_on": "2022-06-24",
    "effective_on": "2022-08-15",
    "status": "con_hieu_luc",
    "signer": "Lê Minh Khái",
    "signer_title": "Phó Thủ tướng",
    "fields": ["Công nghệ thông tin", "Hành chính"],
    "body": "Nghị định này quy định về việc cung cấp thông tin.\n\nĐiều 1. Phạm vi điều chỉnh",
    "relations": [{"type": "replaces", "number": "43/2011/NĐ-CP"}],
}
NEWS = {
    "type": "news",
    "slug": "hoi-nghi-tong-ket",
    "title": "Hội nghị tổng kết công tác năm",
    "category": "Tin tức - Sự kiện",
    "published_on": "2024-12-20",
    "lead": "Sáng 20/12, UBND huyện tổ chức hội nghị tổng kết.",
    "body": "Đoạn một.\n\nĐoạn hai.",
    "author": "Minh Anh",
    "tags": ["Tổng kết", "UBND huyện"],
}


def write(tmp_path, *records, raw_lines=()):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(raw_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path, *args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_content", str(path), "--no-progress", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return 1, out.getvalue(), err.getvalue() + str(exc)
    return 0, out.getvalue(), err.getvalue()


def test_good_lines_create_pages_and_index_pages_on_a_fresh_database(tmp_path):
    code, out, err = run(write(tmp_path, DOC, NEWS))
    assert code == 0, err
    assert "created 2" in out
    doc = LegalDocumentPage.objects.get()
    assert doc.live and doc.number == "42/2022/NĐ-CP"
    assert [a.name for a in doc.issuing_bodies] == ["Chính phủ", "Bộ Thông tin và Truyền thông"]
    assert sorted(f.name for f in doc.fields.all()) == ["Công nghệ thông tin", "Hành chính"]
    assert doc.body.count("<p>") == 2
    (rel,) = doc.relations.all()
    assert (rel.relation_type, rel.target_number, rel.target_page) == ("replaces", "43/2011/NĐ-CP", None)
    assert LegalDocumentIndexPage.objects.count() == 1
    news = NewsPage.objects.get()
    assert news.get_parent().title == "Tin tức - Sự kiện"
    assert sorted(news.tags.names()) == ["Tổng kết", "UBND huyện"]
    assert [b.block_type for b in news.body] == ["paragraph", "paragraph"]


def test_reimport_is_a_no_op(tmp_path):
    path = write(tmp_path, DOC, NEWS)
    run(path)
    pages, revisions = Page.objects.count(), Revision.objects.count()
    code, out, _ = run(path)
    assert code == 0
    assert "created 0, updated 0, unchanged 2" in out
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_a_changed_record_updates_the_same_page(tmp_path):
    run(write(tmp_path, DOC))
    changed = {**DOC, "number": "42/2022/NĐCP", "summary": "Trích yếu đã sửa", "status": "het_hieu_luc_mot_phan"}
    code, out, _ = run(write(tmp_path, changed))
    assert code == 0 and "updated 1" in out
    doc = LegalDocumentPage.objects.get()
    assert (doc.summary, doc.status) == ("Trích yếu đã sửa", "het_hieu_luc_mot_phan")


def test_nfd_text_is_stored_as_nfc(tmp_path):
    import unicodedata

    record = {**NEWS, "title": unicodedata.normalize("NFD", NEWS["title"])}
    run(write(tmp_path, record))
    assert NewsPage.objects.get().title == NEWS["title"]


BAD_LINES = [
    ("{not json", "invalid JSON"),
    ('["a list"]', "must be a JSON object"),
    ('{"type": "recipe"}', 'unknown type "recipe"'),
    (json.dumps({**DOC, "colour": "red"}), "unknown key(s): colour"),
    (json.dumps({k: v for k, v in DOC.items() if k != "issued_on"}), "missing required key(s): issued_on"),
    (json.dumps({**DOC, "issued_on": "24/06/2022"}), "'issued_on' must be a date YYYY-MM-DD"),
    (json.dumps({**DOC, "status": "valid"}), "'status' 'valid' is not one of"),
    (json.dumps({**DOC, "fields": "CNTT"}), "'fields' must be a list"),
    (json.dumps({**DOC, "relations": [{"type": "loves", "number": "1/2020/QĐ-UBND"}]}), "relations[1].type"),
    (json.dumps({**DOC, "number": "ND CP 999"}), "is not a document number"),
    (json.dumps({**DOC, "issued_on": "2021-06-24"}), "not in the year written in the number (2022)"),
    (json.dumps({**DOC, "effective_on": "2022-01-01"}), "Ngày có hiệu lực không thể trước ngày ban hành"),
    (json.dumps({**NEWS, "slug": "Có dấu cách"}), "is not a valid slug"),
    (json.dumps({**NEWS, "published_on": 2024}), "'published_on' must be a date"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_LINES)
def test_each_bad_line_is_reported_with_its_number_and_reason(tmp_path, line, reason):
    good = {**NEWS, "slug": "tin-tot"}
    path = write(tmp_path, good, raw_lines=[line])
    code, out, err = run(path)
    assert code == 1
    assert f"{path}:2: " in err and reason in err, err
    assert "created 1" in err  # the good line was still imported
    assert NewsPage.objects.filter(slug="tin-tot").exists()


def test_a_failing_record_leaves_nothing_half_written(tmp_path):
    bad = {**DOC, "issuing_body": "Cơ quan mới tinh", "document_type": "Loại mới", "effective_on": "2022-01-01"}
    code, _, err = run(write(tmp_path, bad))
    assert code == 1
    assert not Agency.objects.filter(name="Cơ quan mới tinh").exists()
    assert not DocumentType.objects.filter(name="Loại mới").exists()
    assert not LegalDocumentPage.objects.exists()


def test_dry_run_validates_everything_and_writes_nothing(tmp_path):
    pages = Page.objects.count()
    path = write(tmp_path, DOC, NEWS, raw_lines=['{"type": "news"}'])
    code, out, err = run(path, "--dry-run")
    assert code == 1 and f"{path}:3: missing required key(s)" in err
    assert "[dry run, nothing written] created 2" in err
    assert Page.objects.count() == pages
    assert not Agency.objects.exists() and not NewsIndexPage.objects.exists()


def test_the_shared_sample_file(tmp_path):
    code, _, err = run(SAMPLE)
    assert code == 1
    assert f"{SAMPLE}:3: missing required key(s): issued_on" in err
    assert LegalDocumentPage.objects.filter(number__in=["22/2023/TT-BTTTT", "73/2024/NĐ-CP"]).count() == 2
    assert NewsPage.objects.filter(slug="khai-giang-nam-hoc-moi").exists()


def test_unreadable_file_is_a_clear_error(tmp_path):
    code, _, err = run(tmp_path / "missing.jsonl")
    assert code == 1 and "cannot read" in err
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"title": "Nghị định"}'.encode("utf-16"))
    code, _, err = run(latin)
    assert code == 1 and "not UTF-8" in err


def test_names_match_whatever_their_case_on_every_database(tmp_path):
    run(write(tmp_path, DOC))
    upper = {**DOC, "number": "43/2022/NĐ-CP", "issuing_body": "CHÍNH PHỦ", "document_type": "NGHỊ ĐỊNH"}
    code, _, err = run(write(tmp_path, upper))
    assert code == 0, err
    assert Agency.objects.filter(name__in=["Chính phủ", "CHÍNH PHỦ"]).count() == 1
    assert DocumentType.objects.count() == 1
