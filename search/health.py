"""The search part of ``/healthz`` (``portal.health``, registered by ``SearchConfig.ready()``).

The default backend answers: an Elasticsearch/OpenSearch backend (one that has a client, ``es``)
answers a ping within ``TIMEOUT`` seconds; the database backend runs a search of one word for one
result (one query on its index table).
"""

from modelsearch.backends import get_search_backend

#: Seconds the engine has to answer the ping: a load balancer's check has its own, short, timeout.
TIMEOUT = 2


def ping(client, timeout: float = TIMEOUT) -> bool:
    """``client.ping()`` with a timeout: Elasticsearch's clients take it through ``options()`` (with
    no retries: the load balancer asks again), opensearch-py's as a parameter of the call."""
    if hasattr(client, "options"):
        return bool(client.options(request_timeout=timeout, max_retries=0).ping())
    return bool(client.ping(request_timeout=timeout))


def check_search() -> None:
    """Raises when the default search backend does not answer."""
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is not None:
        if not ping(client):
            raise ConnectionError("the search engine did not answer its ping")
        return
    from wagtail.models import Page

    list(backend.search("healthz", Page)[:1])
