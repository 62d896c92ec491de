"""The bulk path of ``import_content`` for legal documents (portal/bulk_pages.py, issue 21):
new documents stored together must be what the page-by-page path stores — tree, slugs,
revisions, history, relations, reference index, search — and every record keeps its own outcome."""

import json

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from directives import importing as directive_importing
from directives.importing import import_legal_document, legal_document_index
from directives.models import Agency, DocumentType, Field, LegalDocumentPage, LegalDocumentRelation
from portal.importing import import_lines, import_one
from search.service import SearchQuery, search

pytestmark = pytest.mark.django_db(transaction=False)


def doc(n: int, year: int = 2020, **extra) -> dict:
    record = {
        "type": "legal_document",
        "number": f"{n}/{year}/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": "UBND tỉnh Vĩnh Phúc",
        "summary": f"Về việc ban hành quy chế quản lý cụm công nghiệp đợt {n}",
        "issued_on": f"{year}-03-{n % 28 + 1:02d}",
        "fields": ["Công thương"],
        "body": f"Điều 1. Ban hành quy chế đợt {n}.\n\nĐiều 2. Hiệu lực thi hành.",
    }
    record.update(extra)
    return record


def lines(*records) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def test_new_documents_are_stored_as_the_page_by_page_path_stores_them():
    single = LegalDocumentPage.objects.get(pk=_single_import(doc(1)))
    report = import_lines(
        lines(
            doc(2, relations=[{"type": "amends", "number": "1/2020/QĐ-UBND"}]),
            doc(3, issuing_body=["UBND tỉnh Vĩnh Phúc", "Sở Công Thương"], fields=["Công thương", "Đầu tư"]),
            doc(4, relations=[{"type": "replaces", "number": "3/2020/QĐ-UBND"}]),  # a target in the same run
        )
    )
    assert report.ok and report.created == 3

    index = legal_document_index()
    assert Page.find_problems() == ([], [], [], [], [])  # treebeard: paths, depth, numchild all right
    index.refresh_from_db()
    assert index.numchild == 4
    bulk = LegalDocumentPage.objects.get(number="3/2020/QĐ-UBND")
    for page in (single, bulk):
        assert page.live and not page.has_unpublished_changes
        assert page.get_parent().pk == index.pk
        assert page.url_path == f"{index.url_path}{page.slug}/"
        assert page.latest_revision_id == page.live_revision_id is not None
        assert page.latest_revision.content["summary"] == page.summary
        assert (
            PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision=page.live_revision).count() == 1
        )
        assert page.first_published_at and page.last_published_at
        assert page.title == f"Quyết định số {page.number}"
        assert page.number_key and page.number_folded
    assert bulk.slug == "3-2020-qd-ubnd"
    assert [a.name for a in bulk.issuing_bodies] == ["UBND tỉnh Vĩnh Phúc", "Sở Công Thương"]
    assert sorted(f.name for f in bulk.fields.all()) == ["Công thương", "Đầu tư"]
    assert bulk.latest_revision.content["fields"] == sorted(bulk.fields.values_list("pk", flat=True))

    amends = LegalDocumentRelation.objects.get(source__number="2/2020/QĐ-UBND")
    assert (amends.target_page_id, amends.target_number_key) == (single.pk, single.number_key)
    replaces = LegalDocumentRelation.objects.get(source__number="4/2020/QĐ-UBND")
    assert replaces.target_page_id == bulk.pk and replaces.relation_type == "replaces"

    # The reference index knows what each page uses, as after a save: the type, the body, a relation's target.
    type_usage = ReferenceIndex.get_references_to(DocumentType.objects.get(name="Quyết định")).group_by_source_object()
    assert {obj.pk for obj, _refs in type_usage} == set(LegalDocumentPage.objects.values_list("pk", flat=True))
    target_usage = ReferenceIndex.get_references_to(bulk).group_by_source_object()
    assert [obj.specific.number for obj, _refs in target_usage] == ["4/2020/QĐ-UBND"]

    # Searchable at once, by number and by words of the summary typed without marks.
    hits = search(SearchQuery(q="3/2020/QĐ-UBND")).results
    assert hits and hits[0].page.pk == bulk.pk
    assert search(SearchQuery(q="quy che quan ly cum cong nghiep")).count == 4

    # The tree goes on: a page added the usual way after the bulk gets the next path.
    later = LegalDocumentPage.objects.get(pk=_single_import(doc(5)))
    assert later.path > LegalDocumentPage.objects.exclude(pk=later.pk).order_by("-path").first().path
    assert Page.find_problems() == ([], [], [], [], [])


def reference_rows() -> set[tuple]:
    return set(
        ReferenceIndex.objects.values_list(
            "content_type_id", "base_content_type_id", "object_id", "to_content_type_id", "to_object_id", "content_path"
        )
    )


def test_the_reference_index_is_wagtail_s_own_after_creates_and_updates():
    """``portal.tasks._reference_index_in_bulk`` stores what ``ReferenceIndex.create_or_update_for_object``
    stores, object by object: after new documents, and after an update that drops a relation."""
    report = import_lines(
        lines(
            doc(1),
            doc(2, relations=[{"type": "amends", "number": "1/2020/QĐ-UBND"}]),
            doc(
                3,
                relations=[
                    {"type": "replaces", "number": "2/2020/QĐ-UBND"},
                    {"type": "guides", "number": "1/2020/QĐ-UBND"},
                ],
            ),
        )
    )
    assert report.created == 3
    import_lines(lines(doc(3, relations=[{"type": "guides", "number": "1/2020/QĐ-UBND"}], fields=["Đầu tư"])))
    ours = reference_rows()
    ReferenceIndex.objects.all().delete()
    for page in LegalDocumentPage.objects.all():
        ReferenceIndex.create_or_update_for_object(page)
    assert ours == reference_rows()
    assert len(ours) == 3 * 2 + 2  # each one's type and issuing body; the two relations left


def _single_import(record: dict) -> int:
    assert import_one(import_legal_document, dict(record)) == "created"
    return LegalDocumentPage.objects.get(number=record["number"]).pk


def test_each_record_keeps_its_outcome_and_line_number():
    import_lines(lines(doc(1)))
    report = import_lines(
        lines(
            doc(2),
            doc(3, effective_on="2019-01-01"),  # before it was issued
            doc(1, summary="Về việc sửa quy chế quản lý cụm công nghiệp"),  # stored already: updated
            doc(4, number="abc"),
            doc(2),  # the same document again in the run: unchanged
            doc(5, status="con_hieu_luc_mai_mai"),
            doc(6),
        )
    )
    assert (report.created, report.updated, report.unchanged) == (2, 1, 1)
    assert [line for line, _msg in report.errors] == [2, 4, 6]
    assert "effective_on" in report.errors[0][1] and "ban hành" in report.errors[0][1]
    assert "'number'" in report.errors[1][1]
    assert "'status'" in report.errors[2][1]
    assert LegalDocumentPage.objects.get(number="1/2020/QĐ-UBND").summary.startswith("Về việc sửa")
    assert sorted(LegalDocumentPage.objects.values_list("number", flat=True)) == [
        "1/2020/QĐ-UBND",
        "2/2020/QĐ-UBND",
        "6/2020/QĐ-UBND",
    ]


def test_a_refused_record_leaves_no_new_names_behind():
    report = import_lines(lines(doc(1, issuing_body="Ban Quản lý dự án mới", effective_on="2019-01-01")))
    assert not report.ok
    assert not Agency.objects.filter(name="Ban Quản lý dự án mới").exists()


def test_slugs_are_free_among_the_siblings_and_each_other():
    plan = {"document_type": "Kế hoạch", "issuing_body": "UBND huyện Vĩnh Tường"}
    import_lines(lines(doc(1, number="1/KH-UBND", issued_on="2015-01-05", **plan)))
    report = import_lines(
        lines(
            doc(2, number="1/KH-UBND", issued_on="2016-01-05", **plan),
            doc(3, number="1/KH-UBND", issued_on="2017-01-05", **plan),
            doc(4, number="2/KH-UBND", issued_on="2017-01-05", **plan),
        )
    )
    assert report.ok and report.created == 3
    slugs = dict(LegalDocumentPage.objects.values_list("issued_on__year", "slug").filter(number="1/KH-UBND"))
    assert slugs == {2015: "1-kh-ubnd", 2016: "1-kh-ubnd-1", 2017: "1-kh-ubnd-2"}
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_failed_group_insert_falls_back_to_one_record_at_a_time(monkeypatch):
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        raise IntegrityError("simulated")

    monkeypatch.setattr(directive_importing, "publish_new_children", failing)
    report = import_lines(lines(doc(1), doc(2)))
    assert len(calls) == 1
    assert report.ok and report.created == 2
    assert LegalDocumentPage.objects.count() == 2
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_dry_run_stores_nothing():
    report = import_lines(lines(doc(1), doc(2)), dry_run=True)
    assert report.created == 2
    assert not LegalDocumentPage.objects.exists()
    assert not Field.objects.filter(name="Công thương").exists()


def test_the_statements_of_a_run_of_new_documents_do_not_grow_with_it():
    """A fixed number of statements per run of new documents: look-ups, the inserts of each table,
    revisions, history, the reference index, the search index."""
    import_lines(lines(doc(1)))  # the section and the names exist

    def statements(first: int, count: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            report = import_lines(lines(*(doc(n) for n in range(first, first + count))))
        assert report.created == count
        return len(queries)

    statements(50, 10)  # the first run caches the content types
    assert (statements(100, 10), statements(200, 20)) == (FIXED_STATEMENTS[connection.vendor],) * 2


FIXED_STATEMENTS = {"sqlite": 38, "postgresql": 39}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index writer")
@pytest.mark.parametrize("config", [None, "simple", "english"])
def test_the_index_writer_s_vectors_are_the_stock_expression_s(config):
    from django.db.models import TextField, Value
    from modelsearch.backends.database.postgres.postgres import ADD, SearchVector

    from search.backends.database.postgres import WeightedVector

    texts = [("Quyết định số 12/2020/QĐ-UBND", "A"), ("quyet dinh so 12 2020 qd ubnd", "B"), ("đất đai", "D")]
    stock = ADD([SearchVector(Value(t, output_field=TextField()), weight=w, config=config) for t, w in texts])
    ours = WeightedVector(texts, config)
    row = Page.objects.annotate(stock=stock, ours=ours).values("stock", "ours").first()
    assert row["stock"] == row["ours"] != ""


def test_free_slugs_pick_what_find_available_slug_picks_past_any_number_of_namesakes():
    from wagtail.coreutils import find_available_slug

    from portal.bulk_pages import free_slugs

    index = legal_document_index()
    for slug in ["1-kh-ubnd", "1-kh-ubnd-2", *(f"2-kh-ubnd-{n}" for n in range(0, 30)), "2-kh-ubnd"]:
        index.add_child(instance=Page(title=slug, slug=slug))
    assert free_slugs(index, ["1-kh-ubnd"]) == [find_available_slug(index, "1-kh-ubnd")] == ["1-kh-ubnd-1"]
    assert free_slugs(index, ["1-kh-ubnd", "3-kh-ubnd", "1-kh-ubnd", "3-kh-ubnd", "1-kh-ubnd"]) == [
        "1-kh-ubnd-1",
        "3-kh-ubnd",
        "1-kh-ubnd-3",
        "3-kh-ubnd-1",
        "1-kh-ubnd-4",
    ]
    assert free_slugs(index, ["2-kh-ubnd", "2-kh-ubnd"]) == ["2-kh-ubnd-30", "2-kh-ubnd-31"]
    assert find_available_slug(index, "2-kh-ubnd") == "2-kh-ubnd-30"
