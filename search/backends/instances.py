"""The search backend of a ``WAGTAILSEARCH_BACKENDS`` entry, built once and kept (``backend``).

modelsearch's ``get_search_backend(name)`` builds a new backend on every call; for Elasticsearch
and OpenSearch that is a new client with its own connection pool (a new TCP connection for the
next request) and a deep copy of the index settings. The search service asks for its backend
once per type searched and again for its capabilities: ~12 backends a search, 27 ms of a median
search's ~200 ms at 100,000 pages (cProfile of the 40 median judged queries on Elasticsearch 9;
docs/search.md, "Figures"). The clients are thread-safe (elasticsearch-py, opensearch-py); the
database backends hold no state between searches.

The kept backend is the one built from the entry as it is now: a changed entry (tests, the
benches) builds a new one, which replaces the old.
"""

from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config

# name → (its entry as text, the backend built from it). Two threads asking at once may both build
# one; the last kept wins, the other is used once and freed (a dict's item is set atomically).
_KEPT: dict[str, tuple[str, object]] = {}


def backend(name: str = "default"):
    """The backend of the entry ``name`` (or a backend's dotted path), built when first asked for
    or when its entry has changed since."""
    entry = repr(get_app_config().get_search_backend_config().get(name))
    kept = _KEPT.get(name)
    if kept is not None and kept[0] == entry:
        return kept[1]
    built = get_search_backend(name)
    _KEPT[name] = (entry, built)
    return built
