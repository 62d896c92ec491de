"""What a query says beyond its words (docs/search.md, "Query understanding").

A citizen types "luat dat dai 2024", "nghị định về xử phạt … đất đai", "kế hoạch phòng chống tham
nhũng năm 2015", "QĐ UBND giao dự toán": a document type, a year, an issuer, then the subject. The
subject words must match (softly: ``allowed_missing``); the rest become **boosts** — conditions on
the pages (type, year, issuer) that rank the pages meeting them first — instead of words every
match must hold ("năm", "số", "2024" and "luật" are not in every document that is the answer).

Generic here: a year ("2024", "năm 2024"; a bare year only when other words are left; not after
"số", not after next year) is a boost on each type's date; "số" before a number is no word to
match. Type-specific words come from the search documents (``SearchDocument.understand``: the
legal documents' types and issuers, the directives' kinds), which know their own vocabulary.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from .registry import SearchDocument

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBER = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Boost:
    """Query words (their positions in ``Understood.words``) that name a condition on the pages
    of one type: ``condition``, a ``Q`` on the type's model."""

    positions: tuple[int, ...]
    condition: Q
    label: str = ""


@dataclass
class Understood:
    """A query, understood: ``words`` (folded), ``required`` (the words matches hold, softly),
    ``years`` named, the type-specific ``boosts`` ({type code: [Boost]}) and ``variants``: the
    word sequences a heading equal to the query would hold (``search.ranking``)."""

    words: list[str]
    required: list[str]
    years: list[int] = field(default_factory=list)
    boosts: dict[str, list[Boost]] = field(default_factory=dict)
    variants: list[tuple[str, ...]] = field(default_factory=list)

    def conditions(self, spec: SearchDocument) -> list[Q]:
        """The type's own boosts of ``spec``'s pages (the year named is matched by the ranking,
        from the dates it has read)."""
        return [boost.condition for boost in self.boosts.get(spec.code, ())]


def allowed_missing(n: int) -> int:
    """How many of ``n`` required words a match may lack when no page holds them all: none of one
    or two, one of three to five, two of six to eleven (at least two thirds held), one of a longer
    text pasted in."""
    if n <= 2:
        return 0
    if n <= 5 or n >= 12:
        return 1
    return 2


def understand(words: list[str], specs: list[SearchDocument]) -> Understood:
    """``words``: the query's folded words (``search.service.backend_text``)."""
    consumed: set[int] = set()
    years: list[int] = []
    generic: set[int] = set()  # what the year and "số" took
    latest = date.today().year + 1  # "2078" is a document's sequence, not a year
    for i, word in enumerate(words):
        after_so = i > 0 and words[i - 1] == "so"
        if _YEAR.match(word) and not after_so and int(word) <= latest:
            years.append(int(word))
            generic.add(i)
            if i > 0 and words[i - 1] == "nam":
                generic.add(i - 1)
        elif word == "so" and i + 1 < len(words) and _NUMBER.match(words[i + 1]):
            generic.add(i)
    consumed |= generic
    boosts: dict[str, list[Boost]] = {}
    for spec in specs:
        if spec.understand is None:
            continue
        found = spec.understand(words)
        if found:
            boosts[spec.code] = found
            for boost in found:
                consumed.update(boost.positions)
    required = [word for i, word in enumerate(words) if i not in consumed]
    if not required:  # the query is only a type, a year…: those are its words
        required = list(words)
        years = [] if len(years) == len(words) else years
    variants = list(
        dict.fromkeys(
            [
                tuple(words),
                tuple(word for i, word in enumerate(words) if i not in generic),
                tuple(required),
            ]
        )
    )
    return Understood(words, required, sorted(set(years)), boosts, [v for v in variants if v])


def phrases_at(words: list[str], vocabulary: dict[str, object], longest: int = 4):
    """(positions, value) of the phrases of ``vocabulary`` ({folded phrase: value}) in ``words``,
    longest first at each place, not overlapping."""
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in vocabulary:
                yield tuple(range(i, i + size)), vocabulary[phrase]
                i += size
                break
        else:
            i += 1
