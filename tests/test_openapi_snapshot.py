"""The OpenAPI document is a contract: ``/api/v3/openapi.json`` must equal the committed snapshot.

A change to any endpoint, parameter or response shape fails this test with the changed JSON paths.
When the change is intended, regenerate the snapshot and commit it with the change::

    make openapi-snapshot
    # or: UPDATE_OPENAPI_SNAPSHOT=1 .venv/bin/pytest tests/test_openapi_snapshot.py
"""

import difflib
import json
import os
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"
UPDATE = os.environ.get("UPDATE_OPENAPI_SNAPSHOT") == "1"
MAX_DIFF_LINES = 120


def dump(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def flatten(value, path: str = "") -> list[str]:
    """One line per leaf, ``json.path = value``: a diff of these names what changed where."""
    if isinstance(value, dict) and value:
        return [line for key in sorted(value) for line in flatten(value[key], f"{path}.{key}" if path else key)]
    if isinstance(value, list) and value:
        return [line for i, item in enumerate(value) for line in flatten(item, f"{path}[{i}]")]
    return [f"{path} = {json.dumps(value, ensure_ascii=False, sort_keys=True)}"]


def schema_diff(expected: dict, actual: dict) -> str:
    lines = list(
        difflib.unified_diff(flatten(expected), flatten(actual), "snapshot", "/api/v3/openapi.json", n=0, lineterm="")
    )
    if len(lines) > MAX_DIFF_LINES:
        lines = lines[:MAX_DIFF_LINES] + [f"… {len(lines) - MAX_DIFF_LINES} more lines"]
    return "\n".join(lines)


@pytest.fixture
def openapi(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_document_matches_the_committed_snapshot(openapi):
    if UPDATE:
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(dump(openapi), encoding="utf-8")
    assert SNAPSHOT.exists(), f"No snapshot at {SNAPSHOT}: run `make openapi-snapshot` and commit the file."
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    if expected != openapi:
        pytest.fail(
            "The OpenAPI document changed. If the change is intended, run `make openapi-snapshot` "
            f"and commit {SNAPSHOT.relative_to(Path.cwd()) if SNAPSHOT.is_relative_to(Path.cwd()) else SNAPSHOT}.\n"
            + schema_diff(expected, openapi),
            pytrace=False,
        )


def test_the_snapshot_is_stored_in_its_canonical_form():
    """Sorted keys and two-space indents, so that a regenerated snapshot diffs cleanly in review."""
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert text == dump(json.loads(text))


def test_a_schema_change_is_reported_with_its_path():
    before = {"paths": {"/api/v3/news/": {"get": {"parameters": [{"name": "tag"}, {"name": "order"}]}}}}
    after = json.loads(json.dumps(before))
    after["paths"]["/api/v3/news/"]["get"]["parameters"][1]["name"] = "sort"
    diff = schema_diff(before, after)
    assert '-paths./api/v3/news/.get.parameters[1].name = "order"' in diff
    assert '+paths./api/v3/news/.get.parameters[1].name = "sort"' in diff
    assert "tag" not in diff
