"""The test run itself: under `make test` (two xdist workers, --dist loadgroup) the tests of a file that
share a module-scoped fixture, such as a site built for that file, stay on one worker (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def shared_by_this_file() -> str:
    return "built once"


def test_tests_sharing_a_module_fixture_are_grouped_on_one_worker(request: pytest.FixtureRequest,
                                                                 shared_by_this_file: str) -> None:
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("only under pytest-xdist's --dist loadgroup")
    # xdist groups by the "@group" it appends to the node id; pytest 9.2 ignores that change
    # (pytest-xdist issue 1386), and then every worker builds each file's shared site again.
    assert request.node.nodeid.endswith("@test_test_run"), (
        "xdist lost its groups: pytest and pytest-xdist do not work together (see requirements-dev.txt)")
