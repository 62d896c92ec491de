"""Search backends chosen by environment, and what each does natively with Vietnamese marks.

No Elasticsearch/OpenSearch server is needed: the configuration is tested as data (the settings
built from an environment, the index body and mappings the backend would send), like Wagtail's
own backend tests. PostgreSQL tests run where DATABASE_URL points at PostgreSQL (CI).
"""

import unicodedata
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from modelsearch.backends import import_backend

from search.backends.config import (
    ENGINES,
    POSTGRES_SEARCH_CONFIG,
    VIETNAMESE_AUTOCOMPLETE_ANALYZER,
    search_backends,
    vietnamese_index_settings,
)

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")

POSTGRES = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"
ES_URL = "http://search.internal:9200"

# The request body's analysis section, written out: folding that keeps the original form, on
# every analyzer, and modelsearch's edge n-gram/n-gram filters kept for autocomplete.
FOLDING_CHAIN = {
    "type": "custom",
    "char_filter": ["vietnamese_marks"],
    "tokenizer": "standard",
    "filter": ["lowercase", "vietnamese_folding"],
}
EXPECTED_ANALYSIS = {
    "char_filter": {
        "vietnamese_marks": {
            "type": "mapping",
            "mappings": [f"\\u{m}=>" for m in ("0300", "0301", "0303", "0309", "0323", "0302", "0306", "031b")],
        }
    },
    "analyzer": {
        "vietnamese": FOLDING_CHAIN,
        "default": FOLDING_CHAIN,
        "default_search": FOLDING_CHAIN,
        "vietnamese_autocomplete": FOLDING_CHAIN,
        "edgengram_analyzer": {**FOLDING_CHAIN, "filter": ["lowercase", "vietnamese_folding", "edgengram"]},
        "ngram_analyzer": {**FOLDING_CHAIN, "filter": ["lowercase", "vietnamese_folding", "ngram"]},
    },
    "filter": {
        "vietnamese_folding": {"type": "asciifolding", "preserve_original": True},
        "ngram": {"type": "ngram", "min_gram": 3, "max_gram": 15},
        "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15},
    },
    "tokenizer": {
        "ngram_tokenizer": {"type": "ngram", "min_gram": 3, "max_gram": 15},
        "edgengram_tokenizer": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15, "side": "front"},
    },
}


def engine_available(engine):
    client = "opensearchpy" if engine.startswith("opensearch") else "elasticsearch"
    pytest.importorskip(client, reason=f"the {client} client is not installed")


def backend_for(env):
    """The backend instance the settings built from ``env`` would give (no connection is made)."""
    params = search_backends(env)["default"].copy()
    return import_backend(params.pop("BACKEND"))(params)


# --- Settings from the environment ----------------------------------------------------------


def test_without_search_url_the_database_backend_is_used():
    assert search_backends({}, database_engine=SQLITE) == {"default": {"BACKEND": "search.backends.database"}}
    assert search_backends({"SEARCH_URL": " "}, database_engine=SQLITE)["default"] == {
        "BACKEND": "search.backends.database"
    }


@pytest.mark.parametrize("engine", [POSTGRES, "django.contrib.gis.db.backends.postgis"])
def test_on_postgresql_the_database_backend_uses_the_unaccent_configuration(engine):
    assert search_backends({}, database_engine=engine) == {
        "default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "vietnamese_unaccent"}
    }


def test_the_running_settings_match_the_database():
    from django.conf import settings

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert backend["BACKEND"] == "search.backends.database"
    assert backend.get("SEARCH_CONFIG") == (POSTGRES_SEARCH_CONFIG if connection.vendor == "postgresql" else None)


@pytest.mark.parametrize(
    ("engine", "backend"),
    [
        (None, "search.backends.elasticsearch.Elasticsearch9SearchBackend"),
        ("elasticsearch9", "search.backends.elasticsearch.Elasticsearch9SearchBackend"),
        ("Elasticsearch8", "search.backends.elasticsearch.Elasticsearch8SearchBackend"),
        ("opensearch3", "search.backends.elasticsearch.OpenSearch3SearchBackend"),
        ("opensearch2", "search.backends.elasticsearch.OpenSearch2SearchBackend"),
    ],
)
def test_search_url_and_engine_select_elasticsearch_or_opensearch(engine, backend):
    env = {"SEARCH_URL": f"{ES_URL}, http://search2.internal", "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    if engine:
        env["SEARCH_ENGINE"] = engine
    config = search_backends(env, database_engine=POSTGRES)["default"]
    assert config == {
        "BACKEND": backend,
        "URLS": [ES_URL, "http://search2.internal"],
        "INDEX_PREFIX": "portal_dev_",
        "TIMEOUT": 10,
        "RETRY_AFTER": 30,
        "INDEX_SETTINGS": vietnamese_index_settings(),
    }
    assert "SEARCH_CONFIG" not in config


@pytest.mark.parametrize(
    ("engine", "auth_option"),
    [("elasticsearch9", "basic_auth"), ("elasticsearch8", "basic_auth"), ("opensearch3", "http_auth")],
)
def test_credentials_leave_the_urls_for_the_client_options(engine, auth_option):
    """The settings keep URLs without secrets; the client gets the user and password (decoded)."""
    env = {
        "SEARCH_URL": "https://portal:p%40ss@search1.internal:9200, https://portal:p%40ss@search2.internal",
        "SEARCH_ENGINE": engine,
    }
    config = search_backends(env)["default"]
    assert config["URLS"] == ["https://search1.internal:9200", "https://search2.internal"]
    assert config["OPTIONS"] == {auth_option: ("portal", "p@ss"), "verify_certs": True}


@pytest.mark.parametrize(
    ("env", "prefix"),
    [
        ({}, "portal_dev_"),
        ({"DJANGO_SETTINGS_MODULE": "cms.settings.production"}, "portal_production_"),
        ({"DJANGO_SETTINGS_MODULE": "cms.settings.test"}, "portal_test_"),
        ({"DJANGO_SETTINGS_MODULE": "cms.settings.production", "INDEX_PREFIX": "vinhtuong_"}, "vinhtuong_"),
        ({"INDEX_PREFIX": ""}, ""),
    ],
)
def test_index_prefix_defaults_per_environment(env, prefix):
    assert search_backends({"SEARCH_URL": ES_URL, **env})["default"]["INDEX_PREFIX"] == prefix


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SEARCH_ENGINE": "solr"}, "SEARCH_ENGINE must be one of"),
        ({"SEARCH_ENGINE": "elasticsearch7"}, "SEARCH_ENGINE must be one of"),
        ({"SEARCH_TOKENIZER": "vi"}, "SEARCH_TOKENIZER must be one of"),
        ({"SEARCH_TIMEOUT": "ten"}, "SEARCH_TIMEOUT must be a number"),
        ({"SEARCH_RETRY_AFTER": "soon"}, "SEARCH_RETRY_AFTER must be a number"),
        ({"SEARCH_RETRY_AFTER": "-1"}, "SEARCH_RETRY_AFTER must be a number"),
    ],
)
def test_a_wrong_search_setting_is_refused_with_its_name(env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        search_backends({"SEARCH_URL": ES_URL, **env})


def test_the_icu_tokenizer_can_be_chosen_for_every_analyzer():
    analyzers = search_backends({"SEARCH_URL": ES_URL, "SEARCH_TOKENIZER": "icu"})["default"]["INDEX_SETTINGS"]
    analyzers = analyzers["settings"]["analysis"]["analyzer"]
    assert {analyzer["tokenizer"] for analyzer in analyzers.values()} == {"icu_tokenizer"}


def test_every_analyzer_lowercases_then_folds_keeping_the_original():
    analysis = vietnamese_index_settings()["settings"]["analysis"]
    assert analysis["filter"]["vietnamese_folding"] == {"type": "asciifolding", "preserve_original": True}
    for name, analyzer in analysis["analyzer"].items():
        assert analyzer["filter"][:2] == ["lowercase", "vietnamese_folding"], name


def test_settings_import_with_elasticsearch_configured_and_no_client_needed(tmp_path):
    """Settings only name the backend; nothing imports a search client until it is used."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, cms.settings.production as s; "
        "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], s.WAGTAILSEARCH_BACKENDS['default']['INDEX_PREFIX'], "
        "'elasticsearch' in sys.modules, 'opensearchpy' in sys.modules)"
    )
    env = os.environ | {
        "SECRET_KEY": "x" * 50,
        "SEARCH_URL": ES_URL,
        "SEARCH_ENGINE": "opensearch3",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "search.backends.elasticsearch.OpenSearch3SearchBackend",
        "portal_production_",
        "False",
        "False",
    ]


# --- What the Elasticsearch/OpenSearch backends would send -----------------------------------


@pytest.mark.parametrize("engine", list(ENGINES))
def test_the_index_is_created_with_the_vietnamese_analysis(engine):
    engine_available(engine)
    from wagtail.models import Page

    backend = backend_for({"SEARCH_URL": ES_URL, "SEARCH_ENGINE": engine, "INDEX_PREFIX": "portal_ci_"})
    index = backend.get_index_for_model(Page)
    assert index.name == "portal_ci_wagtailcore_page"

    with mock.patch.object(backend.es.indices, "create") as create:
        index.put()
    (call,) = create.call_args_list
    # The clients take the request differently: (name, body) for OpenSearch 2, index=, body= for
    # OpenSearch 3, index=, settings= (the body's keys as arguments) for Elasticsearch 8/9.
    name = call.kwargs.get("index") or call.args[0]
    body = call.kwargs.get("body") or (call.args[1] if len(call.args) > 1 else {"settings": call.kwargs["settings"]})
    assert name == "portal_ci_wagtailcore_page"
    assert body["settings"]["analysis"] == EXPECTED_ANALYSIS
    assert body["settings"]["index"] == {"max_ngram_diff": 12}


@pytest.mark.parametrize("engine", list(ENGINES))
def test_autocomplete_queries_are_folded_like_the_index(engine):
    """Stock modelsearch analyses autocomplete queries with ``standard`` (no folding), so "Vĩnh"
    would miss the folded n-grams; here every autocomplete field folds at search time too."""
    engine_available(engine)
    from news.models import NewsPage

    backend = backend_for({"SEARCH_URL": ES_URL, "SEARCH_ENGINE": engine})
    properties = backend.mapping_class(NewsPage).get_mapping()["properties"]
    autocomplete = {name: field for name, field in properties.items() if name.endswith("_edgengrams")}
    assert {"_edgengrams", "title_edgengrams"} <= set(autocomplete)
    for name, field in autocomplete.items():
        assert field["analyzer"] == "edgengram_analyzer", name
        assert field["search_analyzer"] == VIETNAMESE_AUTOCOMPLETE_ANALYZER, name
    # Text fields name no analyzer: they get the index's "default" (folding) analyzer.
    assert properties["news_newspage__search_folded"] == {"type": "text", "copy_to": "_all_text"}
    # Every analyzer the mapping names is defined in the index settings.
    named = {field.get(key) for field in properties.values() for key in ("analyzer", "search_analyzer")} - {None}
    assert named <= set(backend.settings["settings"]["analysis"]["analyzer"])
    # The query compilers share the mapping, so field names in queries match the index.
    assert backend.query_compiler_class.mapping_class is backend.mapping_class
    assert backend.autocomplete_query_compiler_class.mapping_class is backend.mapping_class


def test_index_settings_from_the_environment_are_merged_over_the_defaults():
    engine_available("elasticsearch9")
    backend = backend_for({"SEARCH_URL": ES_URL, "SEARCH_TOKENIZER": "icu"})
    analyzers = backend.settings["settings"]["analysis"]["analyzer"]
    assert analyzers["default"]["tokenizer"] == "icu_tokenizer"
    assert analyzers["edgengram_analyzer"]["filter"] == ["lowercase", "vietnamese_folding", "edgengram"]


@pytest.mark.django_db
def test_the_prepared_document_carries_the_folded_text():
    engine_available("elasticsearch9")
    from news.models import NewsPage
    from tests import factories

    page = factories.news("Khánh thành cầu Vĩnh Tường", lead="Đường mới nối hai xã")
    backend = backend_for({"SEARCH_URL": ES_URL})
    document = backend.mapping_class(NewsPage).get_document(page)
    assert document["title"] == "Khánh thành cầu Vĩnh Tường"
    assert "khanh thanh cau vinh tuong duong moi noi hai xa" in document["news_newspage__search_folded"]
    assert "Khánh thành cầu Vĩnh Tường" in document["_edgengrams"]


@pytest.mark.django_db
def test_a_search_request_goes_to_the_prefixed_index():
    engine_available("elasticsearch9")
    from news.models import NewsPage

    backend = backend_for({"SEARCH_URL": ES_URL, "INDEX_PREFIX": "portal_ci_"})
    hits = {"hits": {"hits": [], "total": {"value": 0}}}
    with mock.patch.object(backend.es, "search", return_value=hits) as search:
        assert list(backend.search("vinh tuong", NewsPage.objects.all())) == []
    assert search.call_args.kwargs["index"] == "portal_ci_wagtailcore_page"
    assert "vinh tuong" in str(search.call_args.kwargs["query"])


def test_collection_is_paused_while_engine_hits_are_read_and_restored_after():
    """The cyclic collector is off inside ``collection_paused`` and on again after, even when the
    block fails; a pause inside a pause (or with collection already off) leaves it as it was."""
    import gc

    from portal.memory import collection_paused

    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause did not turn it back on early
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("engine failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()


def test_engine_ids_are_read_as_the_models_ids():
    """The ``pk`` field's text becomes the model's id: ``int`` for integer ids (a page's, through
    its ``page_ptr``), the id field's own conversion otherwise."""
    import uuid

    from django.db import models
    from django.test.utils import isolate_apps

    from directives.models import Agency, LegalDocumentPage
    from search.backends.elasticsearch import _id_reader

    assert _id_reader(LegalDocumentPage)("9080") == 9080
    assert _id_reader(Agency)("12") == 12

    with isolate_apps("search"):

        class Token(models.Model):  # noqa: DJ008 - an id type, never shown
            id = models.UUIDField(primary_key=True)

            class Meta:
                app_label = "search"

    value = uuid.uuid4()
    assert _id_reader(Token)(str(value)) == value


# --- PostgreSQL: the vietnamese_unaccent configuration ---------------------------------------


def ts_query(sql, *params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


@on_postgres
@pytest.mark.django_db
def test_the_migration_created_the_configuration():
    assert ts_query("SELECT count(*) FROM pg_ts_config WHERE cfgname = %s", POSTGRES_SEARCH_CONFIG) == 1
    assert ts_query("SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'") == 1


@on_postgres
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Vĩnh Tường", "vinh & tuong"),
        ("Vĩnh Tường", "Vĩnh & Tường"),
        (unicodedata.normalize("NFD", "Vĩnh Tường"), "vinh & tuong"),
        ("Đường Đại Đồng", "duong & dai & dong"),  # unaccent.rules on PostgreSQL 15 map Đ/đ to D/d
        ("hoà hợp", "hoa & hop"),
        ("Nghị-định NĐ13", "nghi & dinh & nd13"),  # hyphenated words and words with digits fold too
    ],
)
def test_the_configuration_folds_vietnamese(text, query):
    assert ts_query(
        "SELECT to_tsvector(%s, %s) @@ to_tsquery(%s, %s)", POSTGRES_SEARCH_CONFIG, text, POSTGRES_SEARCH_CONFIG, query
    )


@on_postgres
@pytest.mark.django_db
def test_the_configuration_keeps_every_word():
    """Copied from 'simple': no stemming and no (English) stop words."""
    folded = ts_query("SELECT to_tsvector(%s, %s)::text", POSTGRES_SEARCH_CONFIG, "Cổng Thông tin điện tử và the")
    assert folded == ts_query("SELECT to_tsvector('simple', %s)::text", "cong thong tin dien tu va the")
    assert folded == "'cong':1 'dien':4 'the':7 'thong':2 'tin':3 'tu':5 'va':6"


@on_postgres
@pytest.mark.django_db
@pytest.mark.parametrize("query", ["vinh tuong", "VINH TUONG", "Vĩnh Tường"])
def test_wagtail_search_folds_natively_on_postgresql(query):
    """Searching the title field alone leaves out ``search_folded``: the configuration folds."""
    from news.models import NewsPage
    from tests import factories

    page = factories.news("Khánh thành cầu Vĩnh Tường")
    factories.news("Hội nghị tổng kết năm")
    assert list(NewsPage.objects.live().search(query, fields=["title"], operator="and")) == [page]
    assert list(NewsPage.objects.live().search(query, operator="and")) == [page]


@on_postgres
@pytest.mark.django_db
def test_without_the_configuration_postgresql_does_not_fold(settings):
    """The control for the test above: the stock configuration keeps the marks."""
    from news.models import NewsPage
    from tests import factories

    factories.news("Khánh thành cầu Vĩnh Tường")
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    assert list(NewsPage.objects.live().search("vinh tuong", fields=["title"], operator="and")) == []


@pytest.mark.parametrize("engine", list(ENGINES))
def test_at_least_compiles_to_minimum_should_match(engine):
    """``AtLeast`` (the service's soft matching) on the engines: an OR of the words with
    ``minimum_should_match``; a plain AND query is unchanged. Compiled without a node."""
    engine_available(engine)
    from news.models import NewsPage
    from search.backends.query import AtLeast

    backend = backend_for({"SEARCH_URL": ES_URL, "SEARCH_ENGINE": engine})
    compiler = backend.query_compiler_class
    assert compiler.supports_minimum is True
    soft = str(compiler(NewsPage.objects.all(), AtLeast("cai cach hanh chinh xyz", 4)).get_query())
    assert "'minimum_should_match': 4" in soft and "'operator'" not in soft
    strict = str(compiler(NewsPage.objects.all(), "cai cach hanh chinh", operator="and").get_query())
    assert "'operator': 'and'" in strict and "minimum_should_match" not in strict


@pytest.mark.django_db
def test_a_backend_is_built_once_and_again_only_when_its_entry_changes(settings, monkeypatch):
    """``search.backends.instances.backend``: the service's searches and type-ahead build no backend
    after the first (modelsearch's ``get_search_backend`` builds one a call: for an engine a new
    client and connection pool, ~12 a search); a changed entry builds a new one."""
    import modelsearch.backends

    from search import service
    from search.backends import instances
    from search.service import SearchQuery
    from tests import factories

    factories.news("Cải cách hành chính ở Vĩnh Tường")
    built = []
    real = modelsearch.backends.import_backend
    monkeypatch.setattr(modelsearch.backends, "import_backend", lambda path: built.append(path) or real(path))
    monkeypatch.setattr(instances, "_KEPT", {})
    assert service.search(SearchQuery(q="cai cach")).count == 1
    assert len(built) == 1
    assert service.search(SearchQuery(q="vinh tuong", sort="newest")).count == 1
    assert service.suggest("vinh t")
    assert len(built) == 1
    first = instances.backend("default")
    assert instances.backend("default") is first
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}
    assert instances.backend("default") is not first
    assert len(built) == 2
    assert service.search(SearchQuery(q="cai cach")).count == 1
    assert len(built) == 2
