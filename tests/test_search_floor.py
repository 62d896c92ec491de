"""The floor of ``make bench-search`` (bench/eval_search.py ``floor``): the exact count of the live
matches in the language, the least work any exact answer does, against which the service's latency
is set (issue 18, docs/search.md "Figures"). It must count what the service counts, or the figure
says nothing. SQLite and PostgreSQL."""

from datetime import date

import pytest

from bench.eval_search import floor
from search import service
from search.service import SearchQuery
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


@pytest.fixture
def pages():
    docs = [
        factories.legal_document(f"{n}/QĐ-UBND", summary=f"Về việc cải cách hành chính đợt {n}") for n in range(1, 5)
    ]
    news = [
        factories.news("Cải cách hành chính ở Vĩnh Tường", lead="Kết quả năm 2024"),
        factories.news("Khánh thành cầu", lead="Cây cầu mới"),
    ]
    factories.news("Cải cách hành chính: bản nháp", lead="Chưa đăng", live=False)  # a draft is no match
    return docs, news


@pytest.mark.parametrize(("q", "expected"), [("cai cach hanh chinh", 5), ("Cải cách hành chính đợt", 4), ("cau", 1)])
def test_the_floor_counts_the_matches_the_service_counts(pages, q, expected):
    ms, count = floor("default", q)
    assert ms >= 0
    assert count == expected == service.search(SearchQuery(q=q), today=TODAY).count


def test_the_floor_of_a_query_without_words_is_nothing(pages):
    assert floor("default", "!!!")[1] == 0
