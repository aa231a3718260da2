"""The GitHub workflow files pass actionlint, and deploy only after the tests."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import ROOT

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


def _all_uses(workflow: dict) -> list[str]:
    return [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]


def test_every_action_is_pinned_to_a_full_commit_sha() -> None:
    # A tag such as @v4 can be moved to other code by whoever controls the action; a commit SHA cannot.
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        uses = _all_uses(yaml.safe_load(text))
        assert uses, path.name
        for use in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use), f"{path.name}: {use} is not pinned to a SHA"
        for line in text.splitlines():
            if "uses:" in line:
                assert re.search(r"@[0-9a-f]{40} # v\d+(\.\d+)*$", line), f"{path.name}: name the version: {line}"


def test_a_newer_push_never_cancels_a_deploy_that_is_publishing() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    cancel = str(workflow.get("concurrency", {}).get("cancel-in-progress", False))
    # Cancelling the run cancels its deploy job too, so on a push the run as a whole must not be cancelled.
    assert cancel in {"False", "false", "${{ github.event_name == 'pull_request' }}"}, cancel
    deploy = workflow["jobs"]["deploy"]["concurrency"]
    assert deploy["cancel-in-progress"] is False


def browser_rule_problems(text: str) -> list[str]:
    """What breaks the rule 'use the runner's Chromium': no apt or snap install of it, CHROMIUM names it."""
    workflow = yaml.safe_load(text)
    problems = []
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if re.search(r"(apt-get|apt|snap)\s+install[^\n]*chromium", step.get("run", "")):
                problems.append(f"{name}: installs Chromium ({step.get('name', '')})")
    if workflow["jobs"]["test"].get("env", {}).get("CHROMIUM") != "/usr/bin/chromium":
        problems.append("test: CHROMIUM does not name the runner's /usr/bin/chromium")
    return problems


def test_ci_uses_the_chromium_of_the_runner_image_and_installs_none() -> None:
    # On ubuntu-24.04 apt has no `chromium`, and `chromium-browser` pulls in a snap that fails under Playwright.
    assert browser_rule_problems((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")) == []


def test_the_makefile_takes_the_browser_from_chromium_and_installs_nothing() -> None:
    dry = subprocess.run(["make", "-n", "--no-print-directory", "chromium", "chromium-headless-shell",
                          "CHROMIUM=/usr/bin/true"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert dry.returncode == 0 and "apt-get" not in dry.stdout and "/usr/bin/true" in dry.stdout, dry.stdout
    missing = subprocess.run(["make", "--no-print-directory", "chromium", "CHROMIUM=/geen/chromium"], cwd=ROOT,
                             capture_output=True, text=True, check=False)
    assert missing.returncode != 0 and "CHROMIUM=/geen/chromium" in missing.stderr
