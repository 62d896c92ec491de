"""Elasticsearch and OpenSearch backends: modelsearch's, with Vietnamese folding on both sides.

``search.backends.elasticsearch.Elasticsearch9SearchBackend`` (``Elasticsearch8SearchBackend``,
``OpenSearch3SearchBackend``, ``OpenSearch2SearchBackend``) is modelsearch's backend for that
engine with these changes:

- ``VietnameseMapping``: autocomplete queries are analysed by ``vietnamese_autocomplete`` (lower
  case + folding) instead of the stock ``standard`` analyzer, so "Vĩnh" finds the folded edge
  n-grams as "vinh" does; the index is created with the analysis of
  ``config.vietnamese_index_settings``;
- index updates the engine did not take are recorded for ``manage.py search_sync``
  (``search.resilience.RecordFailuresMixin``);
- its query compiler understands ``search.backends.query.AtLeast`` (``minimum_should_match``:
  the service's soft matching, ``AtLeastMixin``);
- its search results offer ``ranked_pks(limit)``: the ranked ids and scores in one request, no
  model objects (``RankedPksMixin``; the search service reads only the values it needs);
- the client's ``OPTIONS`` (TLS, credentials: ``config.client_options``) apply to every node
  (``ClientOptionsMixin``).

Each class is built when first named (module ``__getattr__``), from its engine's modelsearch
module: only the engine configured needs its client installed.
"""

from collections.abc import Mapping
from copy import deepcopy
from functools import cache
from importlib import import_module

from django.db.models import IntegerField

from portal.memory import collection_paused

from ..resilience import RecordFailuresMixin
from .config import BACKEND_CLASSES, ENGINES, VIETNAMESE_AUTOCOMPLETE_ANALYZER, vietnamese_index_settings

_ENGINE_OF_CLASS = {name: engine for engine, name in BACKEND_CLASSES.items()}


class RankedPksMixin:
    """Search results that can give their ids and scores alone.

    Iterating modelsearch's results past 100 hits pages through the scroll API, 100 hits per
    request, and loads every model object of each page from the database: for the service's
    every match of a type, thousands of requests and queries of whole pages. ``ranked_pks`` asks
    for the hits' ids and scores alone, ``PAGE_SIZE`` a request (``search_after``), and returns
    ``[(pk, score)]`` in the engine's order; the caller reads what it needs.

    The ids are read from the ``pk`` field's doc values (``docvalue_fields``, no stored field:
    ``stored_fields: _none_``), and the response holds only the scores, ids and sort keys
    (``filter_path``). modelsearch's ``stored_fields: pk`` made the engine read every hit's stored
    fields: 28,436 hits of "can bo cong chuc" at 100,000 pages took Elasticsearch 9 ~570 ms a
    10,000-hit page, ~90 ms from doc values (bench: docs/search.md, "Figures").
    """

    def ranked_pks(self, limit: int | None) -> list[tuple[object, float | None]]:
        """[(pk, score)] of the first ``limit`` hits (None: every hit), in the engine's order:
        pages of ``PAGE_SIZE`` hits, each after the last one's sort values (``search_after``: no
        ``max_result_window`` to reach). By relevance (the query sets no order of its own) the
        sort values are the hit's score and id, so the response leaves them out."""
        model = self.query_compiler.queryset.model
        body = self._get_es_body()
        by_score = "sort" not in body
        if by_score:
            body["sort"] = [{"_score": {"order": "desc"}}, {"pk": {"order": "asc"}}]
        body["track_scores"] = True
        body["track_total_hits"] = False  # the count is not read here
        body["stored_fields"] = "_none_"
        body["docvalue_fields"] = ["pk"]
        to_python = _id_reader(model)
        out: list[tuple[object, float | None]] = []
        after = None
        while limit is None or len(out) < limit:
            size = PAGE_SIZE if limit is None else min(PAGE_SIZE, limit - len(out))
            params = {
                "index": self.backend.get_index_for_model(model).name,
                "_source": False,
                "size": size,
                "filter_path": "hits.hits._score,hits.hits.fields" + ("" if by_score else ",hits.hits.sort"),
            }
            page = {**body, "search_after": after} if after is not None else body
            with collection_paused():
                hits = self._backend_do_search(page, **params).get("hits", {}).get("hits", [])
                out += [(to_python(hit["fields"]["pk"][0]), hit.get("_score")) for hit in hits]
            if len(hits) < size:
                break
            last = hits[-1]
            after = [last["_score"], last["fields"]["pk"][0]] if by_score else last["sort"]
        return out


def _id_reader(model):
    """The function turning the ``pk`` field's text into the model's id: ``int`` for an integer id
    (a page's id is its ``page_ptr``: the relation's ``to_python`` took ~2 µs a hit, ~80 ms for the
    40,000 hits of a broad query), else the id field's own ``to_python``."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return int if isinstance(field, IntegerField) else field.to_python


PAGE_SIZE = 10_000  # hits per request of ``ranked_pks``: the engines' default ``index.max_result_window``


class AtLeastMixin:
    """A query compiler that compiles ``search.backends.query.AtLeast`` (at least ``minimum`` of
    the words) as ``minimum_should_match`` on the match query."""

    supports_minimum = True

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        compiled = super()._compile_plaintext_query(query, fields, boost)
        minimum = getattr(query, "minimum", None)
        if minimum:
            ((kind, inner),) = compiled.items()
            target = inner if kind == "multi_match" else next(iter(inner.values()))
            target["minimum_should_match"] = int(minimum)
        return compiled


class ClientOptionsMixin:
    """``OPTIONS`` (``verify_certs``, ``ca_certs``, ``http_auth`` …) reach every node's connection.

    modelsearch's OpenSearch backends give each node ``verify_certs`` (true for https) and
    ``http_auth`` (from the URL, else None), and opensearch-py lets a node's values override the
    client's: ``SEARCH_VERIFY_CERTS=false`` and ``SEARCH_USER`` would be ignored. Both are left out
    of the nodes here (``http_auth`` kept if a URL gave one); opensearch-py verifies https
    certificates unless told not to. The Elasticsearch 8/9 backends give nodes neither.
    modelsearch also adds to the ``OPTIONS`` dict it is given: a copy is passed, so the settings
    stay as configured.
    """

    def __init__(self, params):
        super().__init__({**params, "OPTIONS": dict(params.get("OPTIONS") or {})})

    def _get_host_config_from_url(self, url):
        host = super()._get_host_config_from_url(url)
        host.pop("verify_certs", None)
        if host.get("http_auth", ...) is None:
            del host["http_auth"]
        return host


@cache  # one class per engine: resilience.backend_name() finds a backend's entry by its class
def _build_backend(engine: str) -> type:
    """Subclass modelsearch's backend for ``engine``: autocomplete queries fold like the index."""
    module = import_module(ENGINES[engine])
    base = module.SearchBackend

    class VietnameseMapping(base.mapping_class):
        edgengram_analyzer_config = {
            "analyzer": "edgengram_analyzer",
            "search_analyzer": VIETNAMESE_AUTOCOMPLETE_ANALYZER,
        }

    query_compiler = type(
        f"Vietnamese{base.query_compiler_class.__name__}",
        (AtLeastMixin, base.query_compiler_class),
        {"mapping_class": VietnameseMapping},
    )
    autocomplete_compiler = type(
        f"Vietnamese{base.autocomplete_query_compiler_class.__name__}",
        (base.autocomplete_query_compiler_class,),
        {"mapping_class": VietnameseMapping},
    )
    results = type(
        f"Vietnamese{base.results_class.__name__}",
        (RankedPksMixin, base.results_class),
        {},
    )
    # The analyzers the mapping names exist even without INDEX_SETTINGS; INDEX_SETTINGS
    # (e.g. the ICU tokenizer) is merged over these by the backend's __init__.
    settings = deepcopy(base.settings)
    _deep_update(settings, vietnamese_index_settings())
    return type(
        BACKEND_CLASSES[engine],
        (RecordFailuresMixin, ClientOptionsMixin, base),
        {
            "__module__": __name__,
            "__doc__": (
                f"{base.__name__} with Vietnamese folding on both sides of autocomplete; index updates "
                "that fail are recorded for ``manage.py search_sync``."
            ),
            "mapping_class": VietnameseMapping,
            "query_compiler_class": query_compiler,
            "autocomplete_query_compiler_class": autocomplete_compiler,
            "results_class": results,
            "settings": settings,
        },
    )


def _deep_update(target: dict, overrides: Mapping) -> dict:
    for key, value in overrides.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _deep_update(target[key], value)
        else:
            target[key] = deepcopy(value)
    return target


def __getattr__(name: str):
    if name in _ENGINE_OF_CLASS:
        return _build_backend(_ENGINE_OF_CLASS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
