"""Numbers are found through the index on ``number_folded`` (``portal.filters.starts_with``): the
same rows as ``__startswith``, and on SQLite a plan that searches the index instead of walking every
live page (issue 18: "27/2012/QH13" read 60,000 rows at 100k, 118 ms). SQLite and PostgreSQL."""

import pytest
from django.db import connection

from directives.models import LegalDocumentPage
from portal.filters import starts_with
from search import service
from search.service import SearchQuery
from tests import factories

pytestmark = pytest.mark.django_db

NUMBERS = ["27/2012/QH13", "27/2012/QH13-BS", "27/2012/QH130", "27/2012", "27/20120/QĐ-UBND", "127/2012/NĐ-CP"]


@pytest.fixture
def documents():
    return {number: factories.legal_document(number) for number in NUMBERS}


@pytest.mark.parametrize("prefix", ["27/2012/", "27/2012/QH13", "27/2012/QH13/", "27/", "1", "", "Z"])
def test_starts_with_is_startswith(documents, prefix):
    found = set(LegalDocumentPage.objects.filter(starts_with("number_folded", prefix)).values_list("pk", flat=True))
    expected = {p.pk for p in LegalDocumentPage.objects.all() if p.number_folded.startswith(prefix)}
    assert found == expected
    assert found or prefix in ("Z", "27/2012/QH13/")


def legal_numbers(q):
    from directives.search import DOCUMENTS

    spec = DOCUMENTS[0]
    return [LegalDocumentPage.objects.get(pk=pk).number for pk in spec.exact_matches(q, spec.model.objects.live())]


def test_a_number_typed_names_its_document_and_its_family_only(documents):
    assert set(legal_numbers("27/2012")) == {"27/2012", "27/2012/QH13", "27/2012/QH13-BS", "27/2012/QH130"}
    assert legal_numbers("27/2012/QH13") == ["27/2012/QH13"]
    assert service.search(SearchQuery(q="27/2012/QH13")).results[0].page.number == "27/2012/QH13"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan")
def test_on_sqlite_the_number_match_searches_the_numbers_index(documents):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert legal_numbers("27/2012/QH13") == ["27/2012/QH13"]
    (sql,) = [q["sql"] for q in queries.captured_queries if "ORDER BY" in q["sql"] and 'number_folded" >=' in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        plan = [row[-1] for row in cursor.fetchall()]
    assert any("SEARCH" in step and "number_folded" in step for step in plan), plan
    assert not any(step.startswith("SCAN") for step in plan), plan
