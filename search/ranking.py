"""The order of the matches of one type: every match ranked (docs/search.md, "How results are ranked").

The backend scores every match with the field weights (the headings — number, title, summary,
signer: ``search.indexing.Heading`` — far above the body). Then, for each match:

1. how many of the required words it holds (a soft match lacks some: ``search.understand``);
2. how many of the query's boosts it meets (the document type, year, issuer named);
3. the backend's score.

The best ``WINDOW`` of each type by these are looked at closer, from their headings (one query
per type): a year named that a heading holds ("… năm 2022" in a summary) counts as met even when
the page is dated in another year; a heading equal to the query (its folded words, with or
without the year or the type named) comes first of all; then all-words matches, boosts, the share
of the required words the headings hold, whether they hold them as one phrase, whether a heading
begins with that phrase, the match's standing (``SearchDocument.standing``: a law in force before
the one it replaced), the share of every query word, the score and the date (newer first). The
other matches follow in the first order. Every key compares across types.
"""

import heapq

from django.db import connection
from django.db.models import Q

from portal.text import query_text

from .backends.database import in_ids
from .indexing import heading_fields
from .registry import SearchDocument
from .understand import Understood

WINDOW = 200  # the best matches of each type whose headings are read


def rank(spec: SearchDocument, scored: dict[int, tuple], rows: dict[int, tuple], understood: Understood) -> list:
    """[(id, date, key)] of the matches ``scored`` ({id: (score higher-is-better, number of the
    required words held)}, every one among ``rows``: {id: (id, date, title, …)}): the best
    ``WINDOW``, best first, as a ``Ranked`` list whose ``rest()`` gives the others, unordered
    (their keys order them: the service sorts only as far as the page it shows)."""
    if not scored:
        return Ranked([], list, {}.keys())
    years = set(understood.years)
    met = _boosts(spec, list(scored), understood.conditions(spec))
    boosts = {pk: len(conditions) for pk, conditions in met.items()}
    if years:  # the year named, from the rows' dates (no query)
        for pk in scored:
            if year_of(rows[pk][1]) in years:
                boosts[pk] = boosts.get(pk, 0) + 1
    coarse = {pk: (held, boosts.get(pk, 0), score, day_number(rows[pk][1]), pk) for pk, (score, held) in scored.items()}
    head = heapq.nlargest(WINDOW, coarse, key=coarse.__getitem__)
    headings = _headings(spec, head)
    required = understood.required
    every_word = set(understood.words)
    variants = set(understood.variants)
    standing = _standing(spec)
    named = {str(year) for year in years}
    out = []
    for pk in head:
        score, held = scored[pk]
        fields = headings.get(pk, [])
        words = set().union(*map(set, fields)) if fields else set()
        if named & words and year_of(rows[pk][1]) not in years:  # the year named is the heading's
            boosts[pk] = boosts.get(pk, 0) + 1
        equal = any(tuple(field) in variants for field in fields)
        share = len(set(required) & words) / len(set(required))
        phrase = any(_holds_phrase(field, required) for field in fields)
        begins = phrase and any(field[: len(required)] == required for field in fields)
        share_all = len(every_word & words) / len(every_word)
        current = standing(rows[pk])
        key = (1, equal, held, boosts.get(pk, 0), share, phrase, begins, current, share_all, score, coarse[pk][3])
        out.append((pk, rows[pk][1], key))
    chosen = set(head)

    def rest() -> list:
        return [
            (pk, rows[pk][1], (0, False, held, boost, 0.0, False, False, 0, 0.0, score, day))
            for pk, (held, boost, score, day, _pk) in coarse.items()
            if pk not in chosen
        ]

    return Ranked(out, rest, coarse.keys())


class Ranked(list):
    """``rank``'s result: the best ``WINDOW`` matches with their refined keys (this list), best
    first, and ``rest()``, the others with their first-order keys — every one of which is below
    every refined key (they begin with 0, the refined with 1). Built only when a page reaches past
    the refined matches (at 100,000 pages a common word has tens of thousands: ~80 ms of keys
    and sorting a search did not need); ``matched``: the ids of every match."""

    def __init__(self, refined: list, rest, matched):
        super().__init__(refined)
        self.rest = rest
        self.matched = matched


def _standing(spec: SearchDocument):
    """``(row) -> int``: the type's ``standing`` of a match from its row (id, date, title, *facet
    columns); 0 for every match of a type without one."""
    if spec.standing is None:
        return lambda row: 0
    names = spec.facet_columns
    return lambda row: spec.standing(dict(zip(names, row[3:])))


def day_number(value) -> int:
    """A date as YYYYMMDD (0 for none), ordered as the dates: from a ``date`` or the ISO text a
    raw SQLite row holds."""
    if not value:
        return 0
    if isinstance(value, str):
        return int(value[:10].replace("-", ""))
    return value.year * 10000 + value.month * 100 + value.day


def year_of(value) -> int | None:
    """The year of a ``date`` or of the ISO text a raw SQLite row holds."""
    if not value:
        return None
    return int(value[:4]) if isinstance(value, str) else value.year


def _boosts(spec: SearchDocument, ids: list[int], conditions: list[Q]) -> dict[int, set[int]]:
    """{id: the positions of the ``conditions`` it meets} among ``ids``: one query per condition."""
    met: dict[int, set[int]] = {}
    if not conditions:
        return met
    quote = connection.ops.quote_name
    where = in_ids(f"{quote(spec.model._meta.db_table)}.{quote(spec.model._meta.pk.column)}", ids)
    for n, condition in enumerate(conditions):
        pages = spec.model._base_manager.filter(condition).extra(where=[where])  # noqa: S610 - integers
        for pk in pages.order_by().values_list("pk", flat=True):
            met.setdefault(pk, set()).add(n)
    return met


_APART = "\ue000"  # a private-use character: no heading holds it, folding keeps it


def _headings(spec: SearchDocument, ids: list[int]) -> dict[int, list[list[str]]]:
    """{id: [folded words of each heading field]} of ``ids``: one query; every value folded in one
    call (``query_text`` of the values joined by a character no text holds, then split: ~30 µs a
    call, a few hundred values per search)."""
    if not ids:
        return {}
    fields = spec.model._meta.concrete_fields
    concrete = {f.name for f in fields} | {f.attname for f in fields}
    names = [name for name in heading_fields(spec.model) if name in concrete]
    quote = connection.ops.quote_name
    where = in_ids(f"{quote(spec.model._meta.db_table)}.{quote(spec.model._meta.pk.column)}", ids)
    pages = spec.model._base_manager.extra(where=[where]).order_by()  # noqa: S610 - integers
    rows = list(pages.values_list("pk", *names))
    values = [str(value).replace(_APART, " ") if value else "" for row in rows for value in row[1:]]
    folded = iter(query_text(_APART.join(values)).split(_APART)) if values else iter(())
    out = {}
    for row in rows:
        out[row[0]] = [words for words in (next(folded).split() for _value in row[1:]) if words]
    return out


def _holds_phrase(words: list[str], phrase: list[str]) -> bool:
    """Whether ``phrase`` is a run of ``words``."""
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1)) if n else False
