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

import functools
import operator

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When

from portal.text import query_text

from .backends.database import in_ids
from .indexing import heading_fields
from .registry import SearchDocument
from .understand import Understood

WINDOW = 200  # the best matches of each type whose headings are read


def boost_expression(spec: SearchDocument, understood: Understood):
    """An integer SQL expression: how many of the query's boosts a page of ``spec`` meets — each of
    the type's conditions (``understood.conditions``), and the year named, from the page's date
    (``search.matchset`` writes it with each match)."""
    conditions = list(understood.conditions(spec))
    if understood.years:  # ``__year`` equal to a year is a range of dates (``__year__in``: a function call a row)
        named = Q()
        for year in sorted(set(understood.years)):
            named |= Q(**{f"{spec.date_field}__year": year})
        conditions.append(named)
    terms = [Case(When(condition, then=1), default=0, output_field=IntegerField()) for condition in conditions]
    return functools.reduce(operator.add, terms) if terms else Value(0, output_field=IntegerField())


def first_key(held: int, boost: int, score: float, day) -> tuple:
    """The rank key of a match outside the refined ones (below every refined key: it begins with 0)."""
    return (0, False, held, boost, 0.0, False, False, 0, 0.0, score, day_number(day))


def refine(spec: SearchDocument, head: list[tuple], understood: Understood) -> list:
    """[(id, date, key)] of ``head``: the best ``WINDOW`` matches of a type in the first order (held,
    boosts, score, date, id: ``search.matchset.FIRST_ORDER``), each (id, date, words held, boosts,
    score, *facet columns as text), with their refined keys from their headings (one query)."""
    if not head:
        return []
    years = set(understood.years)
    headings = _headings(spec, [row[0] for row in head])
    required = understood.required
    every_word = set(understood.words)
    variants = set(understood.variants)
    standing = _standing(spec)
    named = {str(year) for year in years}
    out = []
    for pk, day, held, boost, score, *values in head:
        fields = headings.get(pk, [])
        words = set().union(*map(set, fields)) if fields else set()
        if named & words and year_of(day) not in years:  # the year named is the heading's
            boost += 1
        equal = any(tuple(field) in variants for field in fields)
        share = len(set(required) & words) / len(set(required))
        phrase = any(_holds_phrase(field, required) for field in fields)
        begins = phrase and any(field[: len(required)] == required for field in fields)
        share_all = len(every_word & words) / len(every_word)
        current = standing(values)
        key = (1, equal, held, boost, share, phrase, begins, current, share_all, score, day_number(day))
        out.append((pk, day, key))
    return out


def _standing(spec: SearchDocument):
    """``(facet values) -> int``: the type's ``standing`` of a match from its facet columns (as
    text, in ``spec.facet_columns``' order); 0 for every match of a type without one."""
    if spec.standing is None:
        return lambda values: 0
    names = spec.facet_columns
    return lambda values: spec.standing(dict(zip(names, values)))


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
