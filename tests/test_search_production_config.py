"""Production configuration of the search engine (issue 17; docs/search-backends.md, "Production
configuration"): several nodes, TLS, user/password or API key, an index prefix per portal.

Two levels:

- **the settings as data**: what ``search_backends`` refuses, with a message naming the variable
  and never a secret;
- **the requests**: no client is mocked. ``FakeEngine`` is an HTTP (or HTTPS) server in this process
  (``http.server`` in a thread) that records each request (method, path, headers, body) and answers
  as the engine would (Elasticsearch 8/9 clients need ``X-Elastic-Product: Elasticsearch`` on every
  response). The backend is configured through ``search_backends({...})`` exactly as the settings
  are, taken with ``get_search_backend`` as the site takes it, and made to create an index, index,
  bulk-index, search and delete; the assertions are on what reached the server. The HTTPS server's
  certificates are made for the test run with the ``openssl`` command (the tests skip without it).

Each request-level test runs for Elasticsearch 9 and OpenSearch 3 (skipped when the client is not
installed).
"""

import base64
import json
import logging
import secrets
import shutil
import ssl
import subprocess
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends import get_search_backend

from news.models import NewsPage
from search.backends.config import mask_url, search_backends
from search.models import PendingIndexUpdate
from search.resilience import BACKEND_HEADER, is_engine_error
from tests import factories
from tests.test_search_resilience import closed_port

ENGINES = ["elasticsearch9", "opensearch3"]
TITLE = "Khánh thành cầu Vĩnh Tường"
# Characters a URL must percent-encode in a password: the client must get them decoded.
PASSWORD = "p@ss:w/rd#1"


def engine_available(engine: str) -> None:
    client = "opensearchpy" if engine.startswith("opensearch") else "elasticsearch"
    pytest.importorskip(client, reason=f"the {client} client is not installed")


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


# --- The settings as data: what is refused, and how ---------------------------------------------


HTTPS = "https://search1.internal:9200"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SEARCH_URL": "ftp://search.internal"}, "SEARCH_URL: 'ftp://search.internal' must start with http"),
        ({"SEARCH_URL": "search.internal:9200"}, "SEARCH_URL: .* must start with http"),
        ({"SEARCH_URL": "https://"}, "SEARCH_URL: 'https://' has no host"),
        ({"SEARCH_URL": "https://search.internal:port"}, "SEARCH_URL: .* is not a valid URL"),
        ({"SEARCH_URL": "https://search.internal/?pretty"}, "SEARCH_URL: .* must not have a query"),
        ({"SEARCH_URL": f"{HTTPS},http://search2.internal"}, "SEARCH_URL mixes http:// and https://"),
        ({"SEARCH_URL": "https://portal@search.internal"}, "SEARCH_URL: .* both a user name and a password"),
        (
            {"SEARCH_URL": "https://a:x@search1.internal,https://b:y@search2.internal"},
            "SEARCH_URL: every node URL must carry the same user and password",
        ),
        (
            {"SEARCH_URL": f"https://a:x@search1.internal,{HTTPS}"},
            "SEARCH_URL: every node URL must carry the same user and password",
        ),
        ({"SEARCH_URL": HTTPS, "SEARCH_USER": "portal"}, "SEARCH_USER and SEARCH_PASSWORD must be set together"),
        ({"SEARCH_URL": HTTPS, "SEARCH_PASSWORD": "x"}, "SEARCH_USER and SEARCH_PASSWORD must be set together"),
        (
            {"SEARCH_URL": "https://a:x@search1.internal", "SEARCH_USER": "a", "SEARCH_PASSWORD": "x"},
            "SEARCH_URL carries a user and password and SEARCH_USER/SEARCH_PASSWORD are set too",
        ),
        (
            {"SEARCH_URL": HTTPS, "SEARCH_USER": "a", "SEARCH_PASSWORD": "x", "SEARCH_API_KEY": "k"},
            "SEARCH_API_KEY and a user/password",
        ),
        ({"SEARCH_URL": HTTPS, "SEARCH_API_KEY": "ApiKey abc"}, "SEARCH_API_KEY must be the key alone"),
        (
            {"SEARCH_URL": HTTPS, "SEARCH_ENGINE": "opensearch2", "SEARCH_API_KEY": "k"},
            "SEARCH_API_KEY: OpenSearch 2 has no API keys",
        ),
        ({"SEARCH_URL": HTTPS, "SEARCH_VERIFY_CERTS": "maybe"}, "SEARCH_VERIFY_CERTS must be true or false"),
        ({"SEARCH_URL": "http://search.internal", "SEARCH_VERIFY_CERTS": "false"}, "apply to https:// nodes"),
        ({"SEARCH_URL": "http://search.internal", "SEARCH_CA_CERTS": __file__}, "apply to https:// nodes"),
        ({"SEARCH_URL": HTTPS, "SEARCH_CA_CERTS": "/nonexistent/ca.pem"}, "SEARCH_CA_CERTS: cannot read"),
        ({"SEARCH_URL": HTTPS, "SEARCH_CA_CERTS": __file__}, "SEARCH_CA_CERTS: .* holds no PEM certificate"),
        ({"SEARCH_URL": HTTPS, "INDEX_PREFIX": "VinhTuong_"}, "INDEX_PREFIX must be lower-case"),
        ({"SEARCH_URL": HTTPS, "INDEX_PREFIX": "_vinhtuong"}, "INDEX_PREFIX must be lower-case"),
        ({"SEARCH_URL": HTTPS, "INDEX_PREFIX": "vinh tuong"}, "INDEX_PREFIX must be lower-case"),
        ({"SEARCH_URL": HTTPS, "INDEX_PREFIX": "vinh*"}, "INDEX_PREFIX must be lower-case"),
        ({"SEARCH_URL": HTTPS, "INDEX_PREFIX": "a" * 101}, "INDEX_PREFIX must be at most 100 characters"),
    ],
)
def test_a_wrong_production_setting_is_refused_with_its_name(env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        search_backends(env)


def test_a_ca_bundle_and_no_verification_contradict():
    env = {"SEARCH_URL": HTTPS, "SEARCH_CA_CERTS": __file__, "SEARCH_VERIFY_CERTS": "false"}
    with pytest.raises(ImproperlyConfigured, match="SEARCH_CA_CERTS is set and SEARCH_VERIFY_CERTS is false"):
        search_backends(env)


@pytest.mark.parametrize(
    "env",
    [
        {"SEARCH_URL": f"ftp://portal:{quote(PASSWORD, safe='')}@search.internal"},
        {"SEARCH_URL": f"https://portal:{PASSWORD}@search.internal:port"},
        {"SEARCH_URL": f"https://portal:{quote(PASSWORD, safe='')}@search.internal/?pretty"},
        {"SEARCH_URL": f"https://portal:{quote(PASSWORD, safe='')}@search.internal,http://search2.internal"},
        {"SEARCH_URL": f"https://portal:{quote(PASSWORD, safe='')}@search.internal,{HTTPS}"},
        {"SEARCH_URL": HTTPS, "SEARCH_USER": "portal", "SEARCH_PASSWORD": PASSWORD, "SEARCH_API_KEY": "k3y"},
        {"SEARCH_URL": HTTPS, "SEARCH_ENGINE": "opensearch2", "SEARCH_API_KEY": PASSWORD},
        {"SEARCH_URL": HTTPS, "SEARCH_API_KEY": f"ApiKey {PASSWORD}"},
    ],
)
def test_no_secret_is_shown_in_a_refusal(env):
    with pytest.raises(ImproperlyConfigured) as refused:
        search_backends(env)
    for secret in (PASSWORD, quote(PASSWORD, safe=""), "k3y"):
        assert secret not in str(refused.value)


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("https://portal:secret@search.internal:9200", "https://portal:***@search.internal:9200"),
        ("https://portal:se/cr@et@search.internal", "https://portal:***@search.internal"),
        ("https://token@search.internal", "https://***@search.internal"),
        ("portal:secret@search.internal", "portal:***@search.internal"),
        ("https://search.internal:9200/es", "https://search.internal:9200/es"),
    ],
)
def test_urls_are_masked_for_logs_and_errors(url, masked):
    assert mask_url(url) == masked


def test_credentials_over_plain_http_are_warned_about_without_the_password(caplog):
    env = {"SEARCH_URL": f"http://portal:{quote(PASSWORD, safe='')}@search.internal:9200"}
    with caplog.at_level(logging.WARNING, logger="search.backends.config"):
        search_backends(env)
    assert "Search credentials are sent unencrypted to http://portal:***@search.internal:9200" in caplog.text
    assert PASSWORD not in caplog.text
    assert quote(PASSWORD, safe="") not in caplog.text


def test_turning_certificate_verification_off_is_warned_about(caplog):
    with caplog.at_level(logging.WARNING, logger="search.backends.config"):
        config = search_backends({"SEARCH_URL": HTTPS, "SEARCH_VERIFY_CERTS": "false"})["default"]
    assert config["OPTIONS"] == {"verify_certs": False}
    assert "SEARCH_VERIFY_CERTS is false" in caplog.text


@pytest.mark.parametrize(
    ("engine", "api_key", "option"),
    [
        ("elasticsearch9", "a2V5LWlkOmtleS1zZWNyZXQ=", ("api_key", "a2V5LWlkOmtleS1zZWNyZXQ=")),
        ("elasticsearch8", "key-id:key-secret", ("api_key", ("key-id", "key-secret"))),
        ("opensearch3", "os_t0ken", ("headers", {"Authorization": "ApiKey os_t0ken"})),
    ],
)
def test_the_api_key_becomes_the_clients_option(engine, api_key, option):
    config = search_backends({"SEARCH_URL": HTTPS, "SEARCH_ENGINE": engine, "SEARCH_API_KEY": api_key})["default"]
    assert config["OPTIONS"] == {option[0]: option[1], "verify_certs": True}


@pytest.mark.parametrize(
    "env",
    [
        {"SEARCH_URL": f"https://portal:{quote(PASSWORD, safe='')}@search.internal"},
        {"SEARCH_URL": f"https://portal:{quote(PASSWORD, safe='')}@search.internal", "SEARCH_ENGINE": "opensearch3"},
        {"SEARCH_URL": HTTPS, "SEARCH_USER": "portal", "SEARCH_PASSWORD": PASSWORD},
        {"SEARCH_URL": HTTPS, "SEARCH_API_KEY": PASSWORD.replace(":", "")},
        {"SEARCH_URL": HTTPS, "SEARCH_API_KEY": PASSWORD.replace(":", ""), "SEARCH_ENGINE": "opensearch3"},
    ],
)
def test_the_settings_shown_on_error_pages_hide_every_secret(settings, env):
    """Django's error reports mask settings whose names say AUTH, KEY, PASS …: the credentials are
    under such names (``basic_auth``, ``http_auth``, ``api_key``, ``Authorization``), not in the URLs."""
    from django.views.debug import SafeExceptionReporterFilter

    settings.WAGTAILSEARCH_BACKENDS = search_backends(env)
    shown = str(SafeExceptionReporterFilter().get_safe_settings()["WAGTAILSEARCH_BACKENDS"])
    assert "internal" in shown  # the URLs are shown
    for secret in (PASSWORD, quote(PASSWORD, safe=""), PASSWORD.replace(":", "")):
        assert secret not in shown


@pytest.mark.parametrize("prefix", ["vinhtuong_", "yen-lac.", "portal2_", ""])
def test_an_index_prefix_within_the_index_name_rules_is_kept(prefix):
    assert search_backends({"SEARCH_URL": HTTPS, "INDEX_PREFIX": prefix})["default"]["INDEX_PREFIX"] == prefix


# --- A fake engine that records the requests ------------------------------------------------------


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes

    @property
    def indexes(self) -> set[str]:
        """The index names this request names: in its path, and in bulk action lines."""
        first = urlsplit(self.path).path.strip("/").split("/")[0]
        names = {name for name in first.split(",") if name and not name.startswith("_")}
        if self.path.split("?")[0].endswith("/_bulk"):
            for line in self.body.splitlines():
                action = json.loads(line)
                for meta in action.values():
                    if isinstance(meta, dict) and "_index" in meta:
                        names.add(meta["_index"])
        return names


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        self.server.engine.record(request)
        payload = self.server.engine.answer(request)
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if self.server.engine.engine.startswith("elasticsearch"):
            self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", "0" if self.command == "HEAD" else str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    engine: "FakeEngine"

    def finish_request(self, request, client_address):
        request.settimeout(5)
        if self.engine.tls is not None:
            try:
                request = self.engine.tls.wrap_socket(request, server_side=True)
            except OSError:  # ssl.SSLError included: the client refused our certificate
                self.engine.handshake_failures += 1
                return
        try:
            self.RequestHandlerClass(request, client_address, self)
        finally:
            request.close()

    def handle_error(self, request, client_address):  # a client closing early is no test failure
        pass


class FakeEngine:
    """An Elasticsearch 9 or OpenSearch 3 node as far as the portal's requests go; HTTPS with
    ``tls`` (a server ``ssl.SSLContext``). ``requests``: every request received, in order."""

    def __init__(self, engine: str, tls: ssl.SSLContext | None = None):
        self.engine = engine
        self.tls = tls
        self.requests: list[Request] = []
        self.handshake_failures = 0
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.engine = self
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def answer(self, request: Request) -> dict:
        path = urlsplit(request.path).path
        if path == "/":
            if self.engine.startswith("opensearch"):
                return {"version": {"distribution": "opensearch", "number": "3.3.2"}}
            return {"version": {"number": "9.2.4", "build_flavor": "default"}, "tagline": "You Know, for Search"}
        if path.endswith("/_search"):
            return {
                "took": 1,
                "timed_out": False,
                "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
            }
        if path.endswith("/_bulk"):
            actions = [json.loads(line) for line in request.body.splitlines() if line.strip()]
            items, position = [], 0
            while position < len(actions):
                ((action, meta),) = actions[position].items()
                items.append({action: {"_index": meta.get("_index"), "_id": meta.get("_id"), "status": 200}})
                position += 1 if action == "delete" else 2
            return {"took": 1, "errors": False, "items": items}
        if "/_doc/" in path:
            index, _doc, identifier = path.strip("/").split("/")[:3]
            result = "deleted" if request.method == "DELETE" else "updated"
            return {"_index": index, "_id": identifier, "_version": 1, "result": result}
        return {"acknowledged": True, "shards_acknowledged": True, "index": path.strip("/")}

    def index_names(self) -> set[str]:
        return {name for request in self.requests for name in request.indexes}


@pytest.fixture
def fake_engine():
    """``fake_engine(engine, tls=None)`` starts a FakeEngine; all are stopped after the test."""
    started: list[FakeEngine] = []

    def start(engine: str, tls: ssl.SSLContext | None = None) -> FakeEngine:
        started.append(FakeEngine(engine, tls))
        return started[-1]

    yield start
    for engine in started:
        engine.stop()


# --- Certificates: a CA trusted by the portal, and another one --------------------------------------


@dataclass
class Certificates:
    ca: Path  # the CA the portal is given (SEARCH_CA_CERTS)
    server: ssl.SSLContext  # a server certificate for 127.0.0.1 signed by that CA
    untrusted: ssl.SSLContext  # the same, signed by a CA the portal does not know


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run([shutil.which("openssl"), *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def _make_ca(directory: Path, name: str) -> tuple[Path, Path]:
    key, cert = directory / f"{name}.key", directory / f"{name}.pem"
    _openssl(
        "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", f"/CN=Portal test {name}",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=directory,
    )  # fmt: skip
    return key, cert


def _server_context(directory: Path, name: str, ca_key: Path, ca_cert: Path) -> ssl.SSLContext:
    key, request, cert = directory / f"{name}.key", directory / f"{name}.csr", directory / f"{name}.pem"
    extensions = directory / f"{name}.ext"
    extensions.write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
    )
    _openssl(
        "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", str(key), "-out", str(request), "-subj", "/CN=127.0.0.1",
        cwd=directory,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", str(request), "-CA", str(ca_cert), "-CAkey", str(ca_key),
        "-set_serial", str(secrets.randbits(63)), "-days", "2", "-out", str(cert), "-extfile", str(extensions),
        cwd=directory,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


@pytest.fixture(scope="session")
def certificates(tmp_path_factory) -> Certificates:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make the test certificates")
    directory = tmp_path_factory.mktemp("search-tls")
    ca_key, ca_cert = _make_ca(directory, "ca")
    other_key, other_cert = _make_ca(directory, "other-ca")
    return Certificates(
        ca=ca_cert,
        server=_server_context(directory, "server", ca_key, ca_cert),
        untrusted=_server_context(directory, "untrusted-server", other_key, other_cert),
    )


# --- Configuring the portal as the settings do, and using it --------------------------------------


def configure(settings, env: dict) -> dict:
    """WAGTAILSEARCH_BACKENDS from ``env`` as cms/settings/base.py builds it (SEARCH_TIMEOUT 3 s unless given)."""
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        {"SEARCH_TIMEOUT": "3", **env}, database_engine=settings.DATABASES["default"]["ENGINE"]
    )
    return settings.WAGTAILSEARCH_BACKENDS


def exercise(page: NewsPage) -> None:
    """What the portal asks of its engine: create an index, index (one, in bulk), search, delete."""
    backend = get_search_backend("default")
    backend.get_index_for_model(NewsPage).put()
    backend.add(page)
    backend.add_bulk(NewsPage, [page])
    assert list(backend.search("vinh tuong", NewsPage)) == []  # the fake engine finds nothing
    backend.delete(page)


@pytest.fixture
def page(db) -> NewsPage:
    """A news page, created while the database backend is configured (no engine requests)."""
    return factories.news(TITLE)


EXERCISED = {"PUT", "POST", "DELETE"}  # every method exercise() uses, at least


# --- Authentication -----------------------------------------------------------------------------------


def authentication_cases():
    encoded_key = base64.b64encode(b"key-id:key-secret").decode()
    for engine in ENGINES:
        yield pytest.param(engine, {}, None, id=f"{engine}-none")
        yield pytest.param(
            engine,
            {"userinfo": f"portal:{quote(PASSWORD, safe='')}@"},
            basic("portal", PASSWORD),
            id=f"{engine}-password-in-url",
        )
        yield pytest.param(
            engine,
            {"SEARCH_USER": "portal", "SEARCH_PASSWORD": PASSWORD},
            basic("portal", PASSWORD),
            id=f"{engine}-search-user",
        )
    yield pytest.param("elasticsearch9", {"SEARCH_API_KEY": encoded_key}, f"ApiKey {encoded_key}", id="es9-api-key")
    yield pytest.param(
        "elasticsearch9", {"SEARCH_API_KEY": "key-id:key-secret"}, f"ApiKey {encoded_key}", id="es9-api-key-id"
    )
    yield pytest.param("opensearch3", {"SEARCH_API_KEY": "os_t0ken"}, "ApiKey os_t0ken", id="os3-api-key")


@pytest.mark.parametrize(("engine", "env", "authorization"), list(authentication_cases()))
def test_every_request_carries_the_configured_credentials(settings, fake_engine, page, engine, env, authorization):
    engine_available(engine)
    server = fake_engine(engine)
    env = dict(env)
    userinfo = env.pop("userinfo", "")
    url = server.url.replace("://", f"://{userinfo}")
    configure(settings, {"SEARCH_URL": url, "SEARCH_ENGINE": engine, "INDEX_PREFIX": "portal_ci_", **env})

    exercise(page)

    assert {request.method for request in server.requests} >= EXERCISED
    assert [request.headers.get("authorization") for request in server.requests] == [authorization] * len(
        server.requests
    )


# --- Index prefix per portal ----------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_two_portals_sharing_a_cluster_never_touch_each_others_indexes(settings, fake_engine, page, engine):
    engine_available(engine)
    server = fake_engine(engine)
    portals = {"vinhtuong": "vinhtuong_", "yenlac": "yenlac_"}  # user → INDEX_PREFIX
    for user, prefix in portals.items():
        configure(
            settings,
            {
                "SEARCH_URL": server.url,
                "SEARCH_ENGINE": engine,
                "INDEX_PREFIX": prefix,
                "SEARCH_USER": user,
                "SEARCH_PASSWORD": PASSWORD,
            },
        )
        exercise(page)

    touched = {}
    for user, prefix in portals.items():
        requests = [r for r in server.requests if r.headers.get("authorization") == basic(user, PASSWORD)]
        assert {request.method for request in requests} >= EXERCISED
        assert all(request.indexes for request in requests if request.path != "/")
        touched[user] = {name for request in requests for name in request.indexes}
        assert touched[user]
        assert all(name.startswith(prefix) for name in touched[user]), touched[user]
    assert not touched["vinhtuong"] & touched["yenlac"]
    assert {r.headers.get("authorization") for r in server.requests} == {basic(u, PASSWORD) for u in portals}


# --- TLS --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_tls_is_verified_against_the_given_ca(settings, fake_engine, page, certificates, engine):
    engine_available(engine)
    server = fake_engine(engine, tls=certificates.server)
    configure(
        settings,
        {
            "SEARCH_URL": server.url,
            "SEARCH_ENGINE": engine,
            "SEARCH_CA_CERTS": str(certificates.ca),
            "SEARCH_USER": "portal",
            "SEARCH_PASSWORD": PASSWORD,
        },
    )

    exercise(page)

    assert server.url.startswith("https://")
    assert {request.method for request in server.requests} >= EXERCISED
    assert {request.headers["authorization"] for request in server.requests} == {basic("portal", PASSWORD)}
    assert server.handshake_failures == 0


@pytest.mark.parametrize("trust", ["the-given-ca", "the-system-cas"])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_certificate_the_portal_does_not_trust_is_refused(settings, fake_engine, page, certificates, engine, trust):
    """Signed by another CA than SEARCH_CA_CERTS (or, without it, than the system's): no request
    and no credentials reach the server."""
    engine_available(engine)
    server = fake_engine(engine, tls=certificates.untrusted)
    env = {"SEARCH_URL": server.url, "SEARCH_ENGINE": engine, "SEARCH_USER": "portal", "SEARCH_PASSWORD": PASSWORD}
    if trust == "the-given-ca":
        env["SEARCH_CA_CERTS"] = str(certificates.ca)
    configure(settings, env)

    with pytest.raises(Exception) as refused:
        list(get_search_backend("default").search("vinh tuong", NewsPage))

    assert is_engine_error(refused.value), refused.value
    assert "CERTIFICATE_VERIFY_FAILED" in str(refused.value) or "certificate verify failed" in str(refused.value)
    assert server.requests == []
    assert server.handshake_failures >= 1


@pytest.mark.parametrize("engine", ENGINES)
def test_without_verification_any_certificate_is_accepted(settings, fake_engine, page, certificates, engine):
    """SEARCH_VERIFY_CERTS=false (unsafe, documented as such) reaches the client: the untrusted
    server is used."""
    engine_available(engine)
    server = fake_engine(engine, tls=certificates.untrusted)
    configure(settings, {"SEARCH_URL": server.url, "SEARCH_ENGINE": engine, "SEARCH_VERIFY_CERTS": "false"})

    with pytest.warns(Warning, match="verify_certs=False|Unverified HTTPS request"):  # the clients' warnings
        exercise(page)

    assert {request.method for request in server.requests} >= EXERCISED


# --- Several nodes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_requests_go_to_every_node(settings, fake_engine, page, engine):
    engine_available(engine)
    nodes = [fake_engine(engine), fake_engine(engine)]
    configure(settings, {"SEARCH_URL": ", ".join(node.url for node in nodes), "SEARCH_ENGINE": engine})

    for _ in range(3):
        exercise(page)

    assert all(node.requests for node in nodes)


@pytest.mark.parametrize("engine", ENGINES)
def test_with_the_first_node_down_requests_succeed_on_the_second(settings, fake_engine, page, engine):
    engine_available(engine)
    down = f"http://127.0.0.1:{closed_port()}"
    node = fake_engine(engine)
    configure(settings, {"SEARCH_URL": f"{down},{node.url}", "SEARCH_ENGINE": engine, "INDEX_PREFIX": "ha_"})

    for _ in range(3):  # the nodes are shuffled, then taken in turn: the dead one is tried too
        exercise(page)

    assert {request.method for request in node.requests} >= EXERCISED


# --- Through the portal: a page saved, the search API --------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_the_portal_saves_and_searches_through_the_configured_engine(settings, fake_engine, client, db, engine):
    engine_available(engine)
    server = fake_engine(engine)
    key = "os_t0ken" if engine.startswith("opensearch") else base64.b64encode(b"key-id:key-secret").decode()
    configure(
        settings,
        {"SEARCH_URL": server.url, "SEARCH_ENGINE": engine, "SEARCH_API_KEY": key, "INDEX_PREFIX": "vinhtuong_"},
    )

    page = factories.news(TITLE)  # saved and published: indexed on save
    response = client.get("/api/v3/search/", {"q": "vinh tuong"})

    assert response.status_code == 200
    assert BACKEND_HEADER not in response.headers  # the engine answered, not the fallback
    saved = [r for r in server.requests if r.method == "PUT" and r.path.endswith(f"/_doc/{page.pk}")]
    searched = [r for r in server.requests if r.path.split("?")[0].endswith("/_search")]
    assert saved and searched
    assert {request.headers.get("authorization") for request in server.requests} == {f"ApiKey {key}"}
    assert server.index_names() == {"vinhtuong_wagtailcore_page"}


# --- Secrets stay out of the logs -----------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_no_secret_reaches_the_logs(settings, fake_engine, client, db, caplog, engine):
    """Everything logged, at every level, while the portal works with the engine and then without it
    (the fallback, the recorded failures): no password."""
    engine_available(engine)
    server = fake_engine(engine)
    userinfo = f"portal:{quote(PASSWORD, safe='')}@"
    caplog.set_level(logging.DEBUG)

    configure(settings, {"SEARCH_URL": server.url.replace("://", f"://{userinfo}"), "SEARCH_ENGINE": engine})
    page = factories.news(TITLE)
    exercise(page)
    client.get("/api/v3/search/", {"q": "vinh tuong"})
    down = f"http://{userinfo}127.0.0.1:{closed_port()}"
    configure(settings, {"SEARCH_URL": down, "SEARCH_ENGINE": engine, "SEARCH_TIMEOUT": "1"})
    page.save_revision().publish()
    response = client.get("/api/v3/search/", {"q": "vinh tuong"})

    assert server.requests and response.headers[BACKEND_HEADER]  # both paths were taken
    assert "Search credentials are sent unencrypted" in caplog.text  # what was logged includes the URLs
    recorded = " ".join(PendingIndexUpdate.objects.values_list("last_error", flat=True))
    assert recorded
    for secret in (PASSWORD, quote(PASSWORD, safe=""), base64.b64encode(f"portal:{PASSWORD}".encode()).decode()):
        assert secret not in caplog.text
        assert secret not in recorded
