"""The packages stand in layers (docs/architecture.md): no circle, and no import from a lower layer
up to a higher one (deferred imports included), as ``../shared/tools/app_layers.py`` reads them."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "app_layers.py"


def layer_order() -> list[str]:
    """The layer order docs/architecture.md states, lowest first (its line "Layers, lowest first: …")."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    match = re.search(r"^Layers, lowest first: (.+)$", text, re.MULTILINE)
    assert match, "docs/architecture.md states the layer order"
    return re.findall(r"`(\w+)/`", match.group(1))


def test_the_stated_layers_are_every_package():
    packages = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name not in ("tests", "bench")}
    assert set(layer_order()) == packages


@pytest.mark.skipif(
    not TOOL.exists() and not os.environ.get("CI"), reason="../shared/tools/app_layers.py is not beside this checkout"
)
def test_no_circle_and_no_upward_import():
    assert TOOL.exists(), f"CI has ../shared beside the clone: {TOOL} is missing"
    done = subprocess.run(
        [sys.executable, str(TOOL), "--order", ",".join(layer_order())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 circles, 0 upward imports" in done.stdout
