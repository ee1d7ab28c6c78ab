"""Shared pytest options and fixtures."""

from __future__ import annotations

import os

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
