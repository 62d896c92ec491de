"""Which search backend the portal uses, and how each one treats Vietnamese (docs/search-backends.md).

``search_backends(os.environ, database_engine=...)`` builds ``WAGTAILSEARCH_BACKENDS``:

- no ``SEARCH_URL``: the database backend (``search.backends.database``); on PostgreSQL its
  ``SEARCH_CONFIG`` is the ``vietnamese_unaccent`` text search configuration that
  ``portal_search`` migration 0001 creates;
- ``SEARCH_URL`` (comma-separated node URLs) and ``SEARCH_ENGINE`` (``elasticsearch9`` by
  default, ``elasticsearch8``, ``opensearch3``, ``opensearch2``): that server
  (``search.backends.elasticsearch``), with indexes named ``INDEX_PREFIX`` + app + model
  (``portal_dev_wagtailcore_page``) and a Vietnamese analysis chain (``vietnamese_index_settings``).

Every page model also indexes its folded text (``search_folded``), so a folded query matches on
every backend; the configuration here makes the backends fold natively as well.

The settings import this module: it imports no backend, no search client and no model.
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

__all__ = [
    "DATABASE_BACKEND",
    "ENGINES",
    "FALLBACK_BACKEND",
    "POSTGRES_SEARCH_CONFIG",
    "VIETNAMESE_AUTOCOMPLETE_ANALYZER",
    "search_backends",
    "vietnamese_index_settings",
]

#: The text search configuration created by ``search/migrations/0001_vietnamese_unaccent.py``.
POSTGRES_SEARCH_CONFIG = "vietnamese_unaccent"

#: BACKEND of the database backend: SQLite FTS5 or PostgreSQL, by the connection's vendor.
DATABASE_BACKEND = "search.backends.database"

#: SEARCH_ENGINE value → the modelsearch module whose backend this project extends.
ENGINES = {
    "elasticsearch9": "modelsearch.backends.elasticsearch9",
    "elasticsearch8": "modelsearch.backends.elasticsearch8",
    "opensearch3": "modelsearch.backends.opensearch3",
    "opensearch2": "modelsearch.backends.opensearch2",
}
DEFAULT_ENGINE = "elasticsearch9"

#: SEARCH_RETRY_AFTER by default: seconds an engine that did not answer is not asked again
#: (search.resilience, docs/search-backends.md "Faults and failover, measured").
DEFAULT_RETRY_AFTER = 30

#: SEARCH_ENGINE value → the name of its backend class in ``search.backends.elasticsearch``.
BACKEND_CLASSES = {
    "elasticsearch9": "Elasticsearch9SearchBackend",
    "elasticsearch8": "Elasticsearch8SearchBackend",
    "opensearch3": "OpenSearch3SearchBackend",
    "opensearch2": "OpenSearch2SearchBackend",
}
#: The module that builds those classes (on first use: only the engine configured needs its client).
ENGINE_BACKENDS_MODULE = "search.backends.elasticsearch"

#: With SEARCH_URL, the name of the second backend: the database backend the search API and page
#: fall back to when the engine is unreachable.
FALLBACK_BACKEND = "fallback"

#: The analyzer autocomplete *queries* go through (indexing uses ``edgengram_analyzer``).
VIETNAMESE_AUTOCOMPLETE_ANALYZER = "vietnamese_autocomplete"

#: The combining marks of Vietnamese in decomposed (NFD) text: grave, acute, tilde, hook above,
#: dot below (tones), circumflex, breve, horn.
COMBINING_MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"

TOKENIZERS = {
    # Splits on Unicode word boundaries: one Vietnamese syllable per token. Built in.
    "standard": "standard",
    # ICU word segmentation; needs the analysis-icu plugin on the server.
    "icu": "icu_tokenizer",
}


def vietnamese_index_settings(tokenizer: str = "standard") -> dict:
    """INDEX_SETTINGS for Elasticsearch/OpenSearch: fold Vietnamese marks, keep the original too.

    ``vietnamese_folding`` is ``asciifolding`` with ``preserve_original``: "Vĩnh" is indexed as
    "vĩnh" *and* "vinh" at one position, so "vinh" finds it and "Vĩnh" (matching both) ranks the
    exact spelling first. asciifolding maps đ/Đ to d; the combining marks of decomposed (NFD) text are
    dropped before it (``vietnamese_marks``). ``default`` applies to every text field
    that names no analyzer (all SearchFields, ``_all_text``), and ``default_search`` to queries.
    The autocomplete analyzers keep modelsearch's names and edge n-grams, with the same folding.
    """
    try:
        tokenizer_name = TOKENIZERS[tokenizer]
    except KeyError:
        raise ImproperlyConfigured(f"SEARCH_TOKENIZER must be one of {sorted(TOKENIZERS)}, not {tokenizer!r}") from None

    def chain(*extra):
        return {
            "type": "custom",
            "char_filter": ["vietnamese_marks"],
            "tokenizer": tokenizer_name,
            "filter": ["lowercase", "vietnamese_folding", *extra],
        }

    return {
        "settings": {
            "analysis": {
                # Decomposed (NFD) text: asciifolding folds precomposed letters only, so the
                # combining marks are dropped first ("Đa\u0302\u0301t" → "Đat" → "dat").
                "char_filter": {
                    "vietnamese_marks": {
                        "type": "mapping",
                        "mappings": [f"\\u{ord(m):04x}=>" for m in COMBINING_MARKS],
                    },
                },
                "filter": {
                    "vietnamese_folding": {"type": "asciifolding", "preserve_original": True},
                },
                "analyzer": {
                    "vietnamese": chain(),
                    "default": chain(),
                    "default_search": chain(),
                    VIETNAMESE_AUTOCOMPLETE_ANALYZER: chain(),
                    # modelsearch's autocomplete analyzers, with the tokenizer and folding above.
                    "edgengram_analyzer": chain("edgengram"),
                    "ngram_analyzer": chain("ngram"),
                },
            }
        }
    }


def _environment_name(env: Mapping[str, str]) -> str:
    """'dev', 'test', 'production', … from DJANGO_SETTINGS_MODULE (cms.settings.<name>)."""
    module = env.get("DJANGO_SETTINGS_MODULE") or "cms.settings.dev"
    return module.rsplit(".", 1)[-1]


def _is_postgres(database_engine: str) -> bool:
    return "postgresql" in database_engine or "postgis" in database_engine


def search_backends(env: Mapping[str, str], *, database_engine: str = "") -> dict:
    """WAGTAILSEARCH_BACKENDS from environment values (``os.environ`` or a plain dict).

    SEARCH_URL          comma-separated server URLs (credentials in the URL); empty = database backend
    SEARCH_ENGINE       elasticsearch9 (default) | elasticsearch8 | opensearch3 | opensearch2
    INDEX_PREFIX        default ``portal_<environment>_`` (environment from DJANGO_SETTINGS_MODULE)
    SEARCH_TOKENIZER    standard (default) | icu (needs the analysis-icu plugin)
    SEARCH_TIMEOUT      seconds per request, default 10
    SEARCH_RETRY_AFTER  seconds the engine is not asked after it did not answer, default 30 (0: ask every time)
    """
    urls = [url.strip() for url in (env.get("SEARCH_URL") or "").split(",") if url.strip()]
    if not urls:
        backend = {"BACKEND": DATABASE_BACKEND}
        if _is_postgres(database_engine):
            backend["SEARCH_CONFIG"] = POSTGRES_SEARCH_CONFIG
        return {"default": backend}

    engine = (env.get("SEARCH_ENGINE") or DEFAULT_ENGINE).strip().lower()
    if engine not in ENGINES:
        raise ImproperlyConfigured(f"SEARCH_ENGINE must be one of {', '.join(ENGINES)}, not {engine!r}")
    prefix = env.get("INDEX_PREFIX")
    if prefix is None:
        prefix = f"portal_{_environment_name(env)}_"
    try:
        timeout = int(env.get("SEARCH_TIMEOUT") or 10)
    except ValueError:
        raise ImproperlyConfigured(
            f"SEARCH_TIMEOUT must be a number of seconds, not {env['SEARCH_TIMEOUT']!r}"
        ) from None
    try:
        retry_after = int(env.get("SEARCH_RETRY_AFTER") or DEFAULT_RETRY_AFTER)
        if retry_after < 0:
            raise ValueError
    except ValueError:
        raise ImproperlyConfigured(
            f"SEARCH_RETRY_AFTER must be a number of seconds (0 or more), not {env['SEARCH_RETRY_AFTER']!r}"
        ) from None
    # The database backend, configured as it would be without SEARCH_URL, kept current on every
    # save: what the search API and page answer from while the engine is unreachable
    # (search/resilience.py, docs/search-backends.md "When the engine is down").
    fallback = search_backends({**env, "SEARCH_URL": ""}, database_engine=database_engine)["default"]
    return {
        "default": {
            "BACKEND": f"{ENGINE_BACKENDS_MODULE}.{BACKEND_CLASSES[engine]}",
            "URLS": urls,
            "INDEX_PREFIX": prefix,
            "TIMEOUT": timeout,
            # search.resilience: after the engine did not answer, searches go to the fallback and
            # index updates are recorded without being sent, for this many seconds.
            "RETRY_AFTER": retry_after,
            "INDEX_SETTINGS": vietnamese_index_settings((env.get("SEARCH_TOKENIZER") or "standard").strip().lower()),
        },
        FALLBACK_BACKEND: fallback,
    }
