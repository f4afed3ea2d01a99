"""The apps stay in their layers: `lint-imports` (import-linter) checks the contracts in
pyproject.toml, so `make test` fails on an upward import or a cycle, as CI does."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_breaks_the_contracts(tmp_path):
    """The check can fail: a core module that imports an app is reported."""
    probe = ROOT / "core" / "_layer_probe.py"
    probe.write_text("import accounts.roles  # noqa: F401\n")
    try:
        lint_imports = Path(sys.executable).with_name("lint-imports")
        result = subprocess.run(
            [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    finally:
        probe.unlink()
    assert result.returncode != 0
    assert "core._layer_probe -> accounts.roles" in result.stdout
