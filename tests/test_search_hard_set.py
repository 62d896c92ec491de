"""The hard judged set's generator (``bench/relevance/corpus.py``, run by ``make eval-search``):
deterministic, its judgments naming items it generates, the shares of its query classes (issue 18)
— all from the query spec, which is the same at every size, so the full 5,000 items are not built."""

import hashlib

import pytest

from bench.relevance import corpus as gen
from portal.text import strip_marks

SMALL = 900  # the core (~810 items) and a little filler: a few directives too


def fingerprint(corpus) -> str:
    parts = [
        *(repr((d.key, d.number, d.kind, d.issuer, d.signer, d.issued_on, d.summary, d.body)) for d in corpus.docs),
        *(repr((n.key, n.title, n.lead, n.body, n.published_on)) for n in corpus.news),
        *(repr((d.key, d.number, d.kind, d.issued_on, d.summary, d.leader)) for d in corpus.directives),
        *(repr((j.q, j.cls, sorted(j.relevant.items()), j.holdout, j.unmarked)) for j in corpus.queries),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@pytest.fixture(scope="module")
def small():
    return gen.build(SMALL)


def test_the_generator_is_deterministic(small):
    assert fingerprint(gen.build(SMALL)) == fingerprint(small)
    assert fingerprint(gen.build(SMALL, seed=gen.SEED + 1)) != fingerprint(small)
    assert len(small.items()) == SMALL


def test_the_queries_are_the_same_at_every_size(small):
    """Targets are core items, which do not depend on the size: the shares below hold at 5,000."""
    core_only = gen.build(0)
    assert [(j.q, j.cls, j.target, j.holdout, j.unmarked) for j in core_only.queries] == [
        (j.q, j.cls, j.target, j.holdout, j.unmarked) for j in small.queries
    ]
    assert len(core_only.items()) < SMALL < gen.DEFAULT_SIZE


def test_judgments_name_generated_items(small):
    keys = small.keys()
    by_key = {item.key: item for item in small.items()}
    for j in small.queries:
        assert set(j.relevant) <= keys, j.q
        assert j.relevant[j.target] == 2, j.q
        assert set(j.relevant.values()) <= {1, 2}
        assert by_key[j.target].day == j.target_day
        assert 0 < len(j.q) <= 200
    numbers = [(gen.number_key(d.number), d.issuer, d.issued_on.year) for d in small.docs]
    assert len(numbers) == len(set(numbers))  # the identity a legal document has in the database


def test_class_shares_meet_the_minimums(small):
    queries = small.queries
    shares = gen.shares(queries)
    assert gen.DEFAULT_SIZE >= 5000
    assert len(queries) >= 150
    assert len({j.q for j in queries}) == len(queries)
    assert {j.cls for j in queries} == set(gen.CLASSES)
    assert shares["unmarked"] >= 0.30
    assert shares["spoken"] >= 0.20
    assert shares["topic"] >= 0.20
    assert shares["old targets"] >= 0.20
    assert 0.25 <= shares["held out"] <= 0.40
    for cls in gen.CLASSES:  # every class has tuning and held-out queries
        assert {j.holdout for j in queries if j.cls == cls} == {True, False}
    unmarked = [j.q for j in queries if j.unmarked]
    assert all(q == strip_marks(q) for q in unmarked)  # typed without marks: no diacritics at all


def test_dates_issuers_and_signers_are_real_world_shaped(small):
    days = [item.day for item in small.items()]
    assert min(days) >= gen.FIRST_DAY and max(days) <= gen.LAST_DAY
    land = {d.number: d for d in small.docs if d.family == "dat_dai" and d.level == "central"}
    assert land["45/2013/QH13"].signer == "Nguyễn Sinh Hùng"
    assert land["31/2024/QH15"].signer == "Vương Đình Huệ"
    assert land["45/2013/QH13"].status == "het_hieu_luc_toan_bo"  # replaced by the 2024 law
    assert land["31/2024/QH15"].status == "het_hieu_luc_mot_phan"  # amended by 43/2024/QH15
    local = [d for d in small.docs if d.level in ("tinh", "huyen")]
    assert all(("Phú Thọ" in d.issuer) == (d.issued_on >= gen.data.TWO_TIER_DAY) for d in local if "tỉnh" in d.issuer)


@pytest.mark.django_db
def test_load_writes_every_judged_item(small):
    from directives.models import DirectivePage, LegalDocumentPage
    from news.models import NewsPage

    pages = gen.load(small)
    assert {model: len(objs) for model, objs in pages.items()} == {
        LegalDocumentPage: len(small.docs),
        NewsPage: len(small.news),
        DirectivePage: len(small.directives),
    }
    live = set()
    for model in (LegalDocumentPage, NewsPage, DirectivePage):
        live |= set(model.objects.live().values_list("slug", flat=True))
    assert {key for j in small.queries for key in j.relevant} <= live
    doc = small.docs[0]
    page = LegalDocumentPage.objects.get(slug=doc.key)
    assert (page.number, page.summary, page.issued_on, page.signer) == (
        doc.number,
        doc.summary,
        doc.issued_on,
        doc.signer,
    )
