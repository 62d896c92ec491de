"""Which search backend the portal uses, and how each one treats Vietnamese (docs/search-backends.md).

``search_backends(os.environ, database_engine=...)`` builds ``WAGTAILSEARCH_BACKENDS``:

- no ``SEARCH_URL``: the database backend (``search.backends.database``); on PostgreSQL its
  ``SEARCH_CONFIG`` is the ``vietnamese_unaccent`` text search configuration that
  ``portal_search`` migration 0001 creates;
- ``SEARCH_URL`` (comma-separated node URLs) and ``SEARCH_ENGINE`` (``elasticsearch9`` by
  default, ``elasticsearch8``, ``opensearch3``, ``opensearch2``): that server
  (``search.backends.elasticsearch``), with indexes named ``INDEX_PREFIX`` + app + model
  (``portal_dev_wagtailcore_page``) and a Vietnamese analysis chain (``vietnamese_index_settings``);
  TLS (``SEARCH_CA_CERTS``, ``SEARCH_VERIFY_CERTS``) and credentials (in the URLs,
  ``SEARCH_USER``/``SEARCH_PASSWORD`` or ``SEARCH_API_KEY``) become the client's ``OPTIONS``
  (``client_options``); the URLs kept in the settings carry no credentials.

Every page model also indexes its folded text (``search_folded``), so a folded query matches on
every backend; the configuration here makes the backends fold natively as well.

The settings import this module: it imports no backend, no search client and no model. No
secret (password, API key) is ever written into an error message or a log line: URLs are shown
through ``mask_url``.
"""

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

__all__ = [
    "DATABASE_BACKEND",
    "ENGINES",
    "FALLBACK_BACKEND",
    "POSTGRES_SEARCH_CONFIG",
    "VIETNAMESE_AUTOCOMPLETE_ANALYZER",
    "client_options",
    "mask_url",
    "search_backends",
    "vietnamese_index_settings",
]

logger = logging.getLogger(__name__)

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


# --- Production settings: nodes, TLS, credentials, index prefix ------------------------------------

#: INDEX_PREFIX: what an Elasticsearch/OpenSearch index name allows (lower case; none of
#: ``\\ / * ? " < > | , # :`` or spaces; not starting with ``-``, ``_``, ``+`` or ``.``), narrowed to
#: letters, digits, ``_``, ``-`` and ``.``, starting with a letter or a digit. Empty is allowed.
INDEX_PREFIX_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]*")
#: Index names are at most 255 bytes; the prefix leaves room for app + model and the suffix of
#: modelsearch's atomic rebuild (``_`` + 7 characters).
INDEX_PREFIX_MAX_LENGTH = 100

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def mask_url(url: str) -> str:
    """``url`` with its password replaced by ``***`` (the user name kept): safe for logs and errors.

    Works on text that is not a valid URL too: everything before the last ``@`` is credentials.
    A user name without a password is masked as well (it may be a token).
    """
    scheme, separator, rest = url.partition("://")
    if not separator:
        scheme, rest = "", url
    userinfo, at, host = rest.rpartition("@")
    if not at:
        return url
    user, colon, _password = userinfo.partition(":")
    masked = f"{user}:***" if colon else "***"
    return f"{scheme}{separator}{masked}@{host}"


@dataclass(frozen=True)
class _Node:
    url: str  # without credentials
    scheme: str
    user: str | None
    password: str | None
    masked: str  # the URL as given, password masked


def _parse_node(url: str) -> _Node:
    masked = mask_url(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        raise ImproperlyConfigured(f"SEARCH_URL: {masked!r} is not a valid URL") from None
    if parts.scheme not in ("http", "https"):
        raise ImproperlyConfigured(f"SEARCH_URL: {masked!r} must start with http:// or https://")
    if not parts.hostname:
        raise ImproperlyConfigured(f"SEARCH_URL: {masked!r} has no host")
    if parts.query or parts.fragment:
        raise ImproperlyConfigured(f"SEARCH_URL: {masked!r} must not have a query (?…) or a fragment (#…)")
    user = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password) if parts.password is not None else None
    if user is not None and (password is None or not user):
        raise ImproperlyConfigured(f"SEARCH_URL: {masked!r} must give both a user name and a password (user:password@)")
    host = parts.netloc.rpartition("@")[2]
    return _Node(urlunsplit((parts.scheme, host, parts.path, "", "")), parts.scheme, user, password, masked)


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = (env.get(name) or "").strip().lower()
    if not value:
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {env[name]!r}")


def _index_prefix(env: Mapping[str, str]) -> str:
    prefix = env.get("INDEX_PREFIX")
    if prefix is None:
        return f"portal_{_environment_name(env)}_"
    if prefix and not INDEX_PREFIX_PATTERN.fullmatch(prefix):
        raise ImproperlyConfigured(
            "INDEX_PREFIX must be lower-case letters, digits, '_', '-' or '.', starting with a letter or "
            f"a digit (it begins every index name), not {prefix!r}"
        )
    if len(prefix) > INDEX_PREFIX_MAX_LENGTH:
        raise ImproperlyConfigured(
            f"INDEX_PREFIX must be at most {INDEX_PREFIX_MAX_LENGTH} characters, not {len(prefix)}"
        )
    return prefix


def _credentials(env: Mapping[str, str], nodes: list[_Node]) -> tuple[str, str] | None:
    """User and password, from the URLs or SEARCH_USER/SEARCH_PASSWORD (never both)."""
    in_urls = {(node.user, node.password) for node in nodes}
    if len(in_urls) > 1:
        raise ImproperlyConfigured(
            "SEARCH_URL: every node URL must carry the same user and password, or none (the client "
            "sends one set to the whole cluster); or leave them out and set SEARCH_USER and SEARCH_PASSWORD"
        )
    from_url = next(iter(in_urls))
    user = env.get("SEARCH_USER") or ""
    password = env.get("SEARCH_PASSWORD") or ""
    if bool(user) != bool(password):
        raise ImproperlyConfigured("SEARCH_USER and SEARCH_PASSWORD must be set together")
    if user and from_url[0] is not None:
        raise ImproperlyConfigured(
            "SEARCH_URL carries a user and password and SEARCH_USER/SEARCH_PASSWORD are set too: give them once"
        )
    if user:
        return user, password
    return from_url if from_url[0] is not None else None


def _api_key(env: Mapping[str, str], engine: str) -> str | None:
    key = (env.get("SEARCH_API_KEY") or "").strip()
    if not key:
        return None
    if engine == "opensearch2":
        raise ImproperlyConfigured(
            "SEARCH_API_KEY: OpenSearch 2 has no API keys (the Security plugin has them from OpenSearch "
            "3.7); use SEARCH_USER and SEARCH_PASSWORD"
        )
    if any(character.isspace() for character in key):
        raise ImproperlyConfigured(
            "SEARCH_API_KEY must be the key alone, without spaces or an 'ApiKey ' scheme in front "
            "(Elasticsearch: the 'encoded' value, or id:api_key; OpenSearch: the os_… token)"
        )
    return key


def client_options(env: Mapping[str, str], engine: str, nodes: list[_Node]) -> dict:
    """The client's keyword arguments (``OPTIONS``) for TLS and authentication, validated.

    Elasticsearch 8/9 (``elasticsearch-py``): ``basic_auth``, ``api_key``, ``verify_certs``,
    ``ca_certs``. OpenSearch 2/3 (``opensearch-py``): ``http_auth``, an ``Authorization: ApiKey``
    header (3.x only), ``verify_certs``, ``ca_certs``.
    """
    opensearch = engine.startswith("opensearch")
    options: dict = {}
    schemes = {node.scheme for node in nodes}
    if len(schemes) > 1:
        raise ImproperlyConfigured("SEARCH_URL mixes http:// and https:// nodes: use https:// for every node")
    tls = schemes == {"https"}

    ca_certs = (env.get("SEARCH_CA_CERTS") or "").strip()
    verify = _flag(env, "SEARCH_VERIFY_CERTS", True)
    if not tls and (ca_certs or (env.get("SEARCH_VERIFY_CERTS") or "").strip()):
        raise ImproperlyConfigured(
            "SEARCH_CA_CERTS and SEARCH_VERIFY_CERTS apply to https:// nodes; SEARCH_URL has http:// ones"
        )
    if tls:
        if ca_certs:
            if not verify:
                raise ImproperlyConfigured(
                    "SEARCH_CA_CERTS is set and SEARCH_VERIFY_CERTS is false: certificates are either "
                    "verified against that CA or not at all; unset one of them"
                )
            _check_ca_bundle(ca_certs)
            options["ca_certs"] = ca_certs
        options["verify_certs"] = verify
        if not verify:
            logger.warning(
                "SEARCH_VERIFY_CERTS is false: the search nodes' TLS certificates are not verified, so "
                "anyone on the network path can pose as the cluster and read its credentials; set "
                "SEARCH_CA_CERTS to the cluster's CA instead"
            )

    credentials = _credentials(env, nodes)
    api_key = _api_key(env, engine)
    if credentials and api_key:
        raise ImproperlyConfigured(
            "SEARCH_API_KEY and a user/password (SEARCH_USER/SEARCH_PASSWORD or SEARCH_URL) are both set: use one"
        )
    if (credentials or api_key) and not tls:
        logger.warning(
            "Search credentials are sent unencrypted to %s: use https:// node URLs",
            ", ".join(node.masked for node in nodes),
        )
    if credentials:
        options["http_auth" if opensearch else "basic_auth"] = credentials
    if api_key:
        if opensearch:
            options["headers"] = {"Authorization": f"ApiKey {api_key}"}
        else:
            identifier, colon, secret = api_key.partition(":")
            options["api_key"] = (identifier, secret) if colon else api_key
    return options


def _check_ca_bundle(path: str) -> None:
    try:
        with open(path, "rb") as file:
            pem = file.read()
    except OSError as error:
        raise ImproperlyConfigured(f"SEARCH_CA_CERTS: cannot read {path!r} ({error.strerror or error})") from None
    if b"-----BEGIN CERTIFICATE-----" not in pem:
        raise ImproperlyConfigured(f"SEARCH_CA_CERTS: {path!r} holds no PEM certificate (-----BEGIN CERTIFICATE-----)")


def search_backends(env: Mapping[str, str], *, database_engine: str = "") -> dict:
    """WAGTAILSEARCH_BACKENDS from environment values (``os.environ`` or a plain dict).

    SEARCH_URL          comma-separated node URLs (http:// or https://, all alike); empty = database backend
    SEARCH_ENGINE       elasticsearch9 (default) | elasticsearch8 | opensearch3 | opensearch2
    INDEX_PREFIX        default ``portal_<environment>_`` (environment from DJANGO_SETTINGS_MODULE);
                        lower case, one per portal when several share a cluster
    SEARCH_USER         with SEARCH_PASSWORD: basic authentication (or user:password@ in SEARCH_URL)
    SEARCH_PASSWORD
    SEARCH_API_KEY      Elasticsearch API key (encoded, or id:api_key); OpenSearch 3.7+ API key
    SEARCH_CA_CERTS     path of the PEM CA bundle the nodes' certificates are verified against
    SEARCH_VERIFY_CERTS true (default) | false (unsafe: certificates not verified)
    SEARCH_TOKENIZER    standard (default) | icu (needs the analysis-icu plugin)
    SEARCH_TIMEOUT      seconds per request, default 10
    SEARCH_RETRY_AFTER  seconds the engine is not asked after it did not answer, default 30 (0: ask every time)

    Refused (``ImproperlyConfigured`` naming the variable, no secret in the message): see
    docs/search-backends.md, "Production configuration".
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
    nodes = [_parse_node(url) for url in urls]
    prefix = _index_prefix(env)
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
    options = client_options(env, engine, nodes)
    # The database backend, configured as it would be without SEARCH_URL, kept current on every
    # save: what the search API and page answer from while the engine is unreachable
    # (search/resilience.py, docs/search-backends.md "When the engine is down").
    fallback = search_backends({**env, "SEARCH_URL": ""}, database_engine=database_engine)["default"]
    default = {
        "BACKEND": f"{ENGINE_BACKENDS_MODULE}.{BACKEND_CLASSES[engine]}",
        "URLS": [node.url for node in nodes],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": timeout,
        "INDEX_SETTINGS": vietnamese_index_settings((env.get("SEARCH_TOKENIZER") or "standard").strip().lower()),
        # search.resilience: after the engine did not answer, searches go to the fallback and
        # index updates are recorded without being sent, for this many seconds.
        "RETRY_AFTER": retry_after,
    }
    if options:
        default["OPTIONS"] = options
    return {"default": default, FALLBACK_BACKEND: fallback}
