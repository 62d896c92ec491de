"""What the search knows of content: the search documents apps register, and their filters and facets.

Search knows no content type. Each content app declares, in its own ``search.py``, a
``SearchDocument`` per searchable page model (its date, the text of its snippet, the filters it
supports, the facets it counts, the exact matches put first) and the ``SearchFilter`` and ``Facet``
it brings, and registers them from its ``AppConfig.ready()`` (``register``). The service, the
API's schema and the public page are built from this registry: a new content type needs no change
in ``search/``.

Generic to every type: the query, the type (``type``), the period on the type's date (``year``,
``date_from``, ``date_to``) and the facets ``type`` and ``year``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet

#: ``(queryset, value, today) -> queryset``: the pages of ``queryset`` the filter keeps.
FilterFunction = Callable[[QuerySet, object, date], QuerySet]


@dataclass(frozen=True)
class SearchFilter:
    """A filter parameter of the search (``/api/v3/search/``, ``/tim-kiem/``, the service).

    ``annotation`` and ``field`` are the API's (a Ninja/pydantic type and ``Field`` keyword
    arguments: bounds, description); ``choices`` (``() -> [(code, label)]``) the codes a text filter
    accepts, checked by the service; ``label`` and ``hint`` the public page's Vietnamese name and
    message for a bad value."""

    name: str
    annotation: object
    field: dict
    label: str
    hint: str
    choices: Callable[[], list[tuple[str, str]]] | None = None


@dataclass(frozen=True)
class Facet:
    """A facet of the search results, counted by the documents that name it in ``count_facets``.

    ``name`` is also the filter a facet item sets. ``kind``: ``"named"`` — objects counted as
    ``(id, name, n)`` triples, answered as ``[{id, name, count}]`` (the counts of every type summed
    per id), most first; ``"choice"`` — codes counted, answered as ``[{code, label, count}]`` with
    the labels of ``choices``. ``position``: the facet's place among the others (``type`` is 0,
    ``year`` ``YEAR_POSITION``); ``name_of``: ``id -> name`` for a chosen object no result holds
    (the page shows it, to be unchosen); ``title``: the page's heading."""

    name: str
    kind: str
    title: str
    position: int
    choices: Callable[[], list[tuple[str, str]]] | None = None
    name_of: Callable[[object], str | None] | None = None


YEAR_POSITION = 50


@dataclass(frozen=True)
class SearchDocument:
    """How one searchable page model is searched, filtered, dated, counted and shown.

    - ``code``: the type's code in the API (``type=…``); ``label``, ``date_label``: the page's words.
    - ``order``: types are listed, and win a tie in relevance, in this order (lowest first).
    - ``text_fields``: plain text for the snippet, in order (``"a.b"``: attribute ``b`` of ``a``).
    - ``filters``: {filter name: ``FilterFunction``} of the type-specific filters it supports; a
      request using any other type-specific filter leaves the type out.
    - ``related``: ``select_related`` when loading a result page.
    - ``facet_columns``: columns written with each match into the search's table of matches
      (``search.matchset``, at most ``SLOTS``, kept as text; ``values_list`` names: ``x_id`` and
      ``x__name`` pairs, or annotations of ``annotate_facets``), which ``count_facets`` counts.
    - ``annotate_facets``: ``(queryset, today) -> queryset`` adding the annotations those columns name.
    - ``count_facets``: ``(matches) -> {facet name: counts}``, ``matches`` a
      ``search.service.FacetRows`` (SQL over the matches: ``counts(column)``, ``pairs(relation)``,
      ``through(queryset, column)``); counts are ``(id, name, n)`` triples for a named facet, a
      mapping {code: n} (or codes, one per match) for a choice facet.
    - ``exact_matches``: ``(query text, candidates) -> [ids]``: pages the query names exactly (a
      document number, a task code), put first, newest first.
    - ``number_field``: the attribute shown as the hit's ``number`` (None: the type has none);
      ``number_prefix``: ``(typed) -> Q``, the pages whose number starts with what is being typed
      (type-ahead "4" → "43/2011/…"; the other typed words must then be in the title or summary).
    - ``understand``: ``(folded query words) -> [search.understand.Boost]``: the words that name a
      condition on the type's pages (a document type, an issuer, a kind), which rank the pages
      meeting it first instead of being words to match (docs/search.md, "Query understanding").
    - ``standing``: ``(facet values) -> int``: how current a match is (higher first; the facet
      columns by name, as text), which decides between matches the query fits equally well — the law in
      force before the one it replaced (docs/search.md, "How results are ranked").

    The field weights are the model's: its ``search_fields`` (``search.indexing.Heading``)."""

    code: str
    model: type
    date_field: str
    text_fields: tuple[str, ...]
    label: str
    date_label: str
    order: int = 100
    filters: dict[str, FilterFunction] = field(default_factory=dict)
    related: tuple[str, ...] = ()
    facet_columns: tuple[str, ...] = ()
    annotate_facets: Callable[[QuerySet, date], QuerySet] | None = None
    count_facets: Callable | None = None
    exact_matches: Callable[[str, QuerySet], list[int]] | None = None
    number_field: str | None = None
    number_prefix: Callable[[str], Q] | None = None
    understand: Callable[[list[str]], list] | None = None
    standing: Callable[[dict], int] | None = None

    def number(self, page) -> str | None:
        return getattr(page, self.number_field) if self.number_field else None


class Registry:
    """The registered documents, filters and facets (``documents()`` in ``order``)."""

    def __init__(self):
        self._documents: dict[str, SearchDocument] = {}
        self._filters: dict[str, SearchFilter] = {}
        self._facets: dict[str, Facet] = {}
        self._ordered: dict[str, SearchDocument] = {}
        self._ordered_facets: dict[str, Facet] = {}

    def register(
        self,
        documents: Iterable[SearchDocument] = (),
        filters: Iterable[SearchFilter] = (),
        facets: Iterable[Facet] = (),
    ) -> None:
        for item, table in [
            *((d, self._documents) for d in documents),
            *((f, self._filters) for f in filters),
            *((f, self._facets) for f in facets),
        ]:
            key = getattr(item, "code", None) or item.name
            if key in table and table[key] != item:
                raise ValueError(f"search: {key!r} is already registered")
            table[key] = item
        self._ordered = dict(sorted(self._documents.items(), key=lambda item: item[1].order))
        self._ordered_facets = dict(sorted(self._facets.items(), key=lambda item: item[1].position))
        for document in self._documents.values():
            unknown = set(document.filters) - set(self._filters)
            if unknown:
                raise ValueError(f"search document {document.code!r}: unregistered filter(s) {sorted(unknown)}")

    def documents(self) -> dict[str, SearchDocument]:
        """{code: document}, in ``order``."""
        return self._ordered

    def filters(self) -> dict[str, SearchFilter]:
        """The type-specific filters, in the order they were registered."""
        return dict(self._filters)

    def facets(self) -> dict[str, Facet]:
        """The facets documents count, by position."""
        return self._ordered_facets


registry = Registry()
register = registry.register
