"""Fixtures only: the real site built once per session, served on 127.0.0.1 under a sub-path (as GitHub
Pages does), and Debian's Chromium driven by Playwright. Shared helpers live in tests/helpers.py."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import CHROMIUM_ARGS, ROOT, new_context, run_build, served


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups (it adds them to the node ids)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium is marked `browser`, so `pytest -m "not browser"` is the fast layer.

    The fixture closure holds `browser` for `page`, `context`, `offline_context` and any fixture built
    on them, so no test needs (or can forget) the marker."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        # make test runs on two workers (pytest-xdist, --dist loadgroup): the tests of a file that shares a
        # module- or class-scoped fixture (a site built once for the file) stay on one worker, so it is built
        # once; every other test goes wherever a worker is free.
        info = getattr(item, "_fixtureinfo", None)
        shared = info and any(
            d.scope in ("module", "class") for defs in info.name2fixturedefs.values() for d in defs
        )
        if shared:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built once per run: the xdist workers share one build (the first one builds it,
    under a lock, the other waits and reads it). Tests only read it; those that change a site copy it."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's folder sits in the run's folder, which is the same for all of them.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out = shared / "site"
    with (shared / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "site.ok").exists():
            shutil.rmtree(out, ignore_errors=True)
            result = run_build(ROOT, out)
            assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
            (shared / "site.ok").touch()
    return out


@pytest.fixture(scope="session")
def base_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served at http://127.0.0.1:<port>/intervisiehandboek/."""
    with served(site_dir, tmp_path_factory.mktemp("www")) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    # Debian's headless build of Chromium (package chromium-headless-shell) when it is there: the same
    # engine without the browser around it, which needs less than half the CPU per page load. Else the
    # full browser, as on a machine without that package. CHROMIUM=/path names the browser outright (CI: the
    # runner image's own Chromium).
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium-headless-shell") or shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium ontbreekt: installeer het met 'sudo apt-get install chromium' of draai 'make test'.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh browser profile (empty localStorage) whose relative URLs resolve under the site.

    Service workers are blocked: otherwise every test would install one that downloads the whole
    site. Tests of offline use take `offline_context`. Search does nothing, except in tests
    marked `search`."""
    ctx = new_context(browser, base_url, search=request.node.get_closest_marker("search") is not None)
    yield ctx
    ctx.close()


@pytest.fixture
def offline_context(browser, base_url: str) -> Iterator[object]:
    """Like `context`, but the site's service worker may install (for tests of offline use)."""
    ctx = new_context(browser, base_url, "allow")
    yield ctx
    ctx.close()


@pytest.fixture
def console_errors() -> list[str]:
    return []


@pytest.fixture
def page(context, console_errors: list[str]) -> Iterator[object]:
    """A page that records console errors and uncaught exceptions into `console_errors`."""
    pg = context.new_page()
    pg.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: console_errors.append(str(exc)))
    yield pg
