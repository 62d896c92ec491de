"""Property-based fuzzing of the read API with schemathesis (issue 5, item 2).

Every GET operation of ``/api/v3/openapi.json`` is called in-process (WSGI, no server) with
requests generated from its own schema, against a small seeded portal so that detail endpoints
meet real ids. Each response must not be a server error and must match the schema: a documented
status code, the documented content type, a body valid against the documented response schema.

The run is reproducible (Hypothesis ``derandomize``, no example database) and bounded by
``FUZZ_EXAMPLES`` examples per operation (default below; ``FUZZ_EXAMPLES=500`` for a long local run)::

    .venv/bin/pytest tests/test_api_fuzz.py -q -p no:cacheprovider
"""

import os
from datetime import date

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode, checks
from wagtail.models import Site

from tests import factories

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))


@pytest.fixture
def keep_connection():
    """As Django's test client does: a request must not close the test's connection (and transaction),
    which Django's WSGI handler does at its end (``close_old_connections``); on PostgreSQL the next
    request would fail."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def seeded(db, keep_connection):
    """A few pages of every type, with the related objects the serialisers resolve."""
    leader = factories.official()
    news = factories.news(
        "Lễ hội đền Hùng", published_on=date(2025, 4, 7), lead="Dân về dự lễ.", lead_image=factories.image()
    )
    news.tags.add("Lễ hội")
    news.save_revision().publish()
    document = factories.legal_document("43/2011/NĐ-CP", issued_on=date(2011, 6, 13))
    directive = factories.directive("12/TB-UBND", directing_leader=leader)
    task = factories.task("NV-1", deadline=date(2024, 6, 30))
    SEEDED.clear()
    SEEDED["page_id"] = [news.pk, document.pk, directive.pk, task.pk, news.get_parent().pk]
    SEEDED["image_id"] = [news.lead_image_id]
    SEEDED["document_id"] = [factories.document_file().pk]
    SEEDED["site_id"] = list(Site.objects.values_list("pk", flat=True))
    yield SEEDED
    SEEDED.clear()


#: Ids of the seeded objects, by path parameter; filled by ``seeded`` (they differ between databases).
SEEDED: dict[str, list[int]] = {}

# Snippets: no snippet type is exposed, so Wagtail documents ``{type}`` as the empty string and no
# request can be generated for these operations.
schema = (
    schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())
    .include(method="GET")
    .exclude(path_regex="^/api/v3/snippets/")
)


@schema.hook
def map_path_parameters(context, path_parameters):
    """Three generated ids in four become the id of a seeded object, so details are really read."""
    for name, value in (path_parameters or {}).items():
        ids = SEEDED.get(name)
        if ids and isinstance(value, int) and value % 4 != 3:
            path_parameters[name] = ids[value % len(ids)]
    return path_parameters


#: One test per operation, each with its own node id: schemathesis' ``@schema.parametrize()`` gives all
#: its items one node id, and under pytest-xdist (``make test``) only the first operation would run.
OPERATIONS = [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_every_get_operation_answers_within_its_schema(operation, seeded):
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE, hooks=schema.hooks),
        operation.as_strategy(GenerationMode.NEGATIVE, hooks=schema.hooks),
    )

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def call(case):
        case.validate_response(case.call(), checks=CHECKS)

    call()
