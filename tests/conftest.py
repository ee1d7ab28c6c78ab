"""Shared pytest options and fixtures."""

from __future__ import annotations

import os
from typing import Any

import pytest

# The on-disk caches (Lark's tables, the checked bundled regeling) must never make a test pass that would fail
# without them: off for the whole run, except in the tests of the caches themselves (tests/test_startup.py).
os.environ["MEERZORG_CACHE"] = "0"

# Sphinx's testing fixtures (app, make_app, ...) for tests/sphinxext; pytest only reads this in the top conftest.
# pytester: in-process runs of pytest for the tests of our pytest plugin.
pytest_plugins = ("sphinx.testing.fixtures", "pytester")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="schrijf de golden-bestanden opnieuw in plaats van ze te vergelijken")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden files are rewritten (``--update-golden``) instead of compared."""
    return bool(request.config.getoption("--update-golden"))


# The test files that read the real site built into docs/_build/html by the session fixture ``echte_site``: one
# worker must run them all, or two workers would build into the same folder at once.
_SHARED_SITE = ("tests/sphinxext/test_docs.py", "tests/sphinxext/test_browser.py")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """pytest-xdist's file-by-file scheduling, with the files of ``_SHARED_SITE`` as one unit."""
    from xdist.scheduler import LoadFileScheduling  # type: ignore[import-untyped]

    class _Scheduling(LoadFileScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith(_SHARED_SITE):
                return "echte_site"
            scope: str = super()._split_scope(nodeid)
            return scope

    return _Scheduling(config, log)
