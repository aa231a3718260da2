"""The GitHub workflow files pass actionlint, and deploy only after the tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def _actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    return str(found) if found.exists() else shutil.which("actionlint") or "actionlint"


def test_workflows_pass_actionlint() -> None:
    assert WORKFLOWS
    result = subprocess.run(
        [_actionlint(), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, WORKFLOWS)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_needs_the_tests_and_runs_only_on_main() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert "refs/heads/main" in deploy["if"]
    steps = workflow["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert runs.index("make test") < runs.index("make build")
    uses = [step.get("uses", "") for step in steps + deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
