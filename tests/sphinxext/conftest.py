"""Fixtures of the Sphinx extension's tests: Sphinx's own testing fixtures over the roots in ``roots/``.

The plugin ``sphinx.testing.fixtures`` is loaded by ``tests/conftest.py`` (pytest allows ``pytest_plugins``
only in the top-level conftest); ``rootdir`` here points it at this folder's roots.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# The roots are Sphinx projects, not tests (their conf.py files would clash under --doctest-modules).
collect_ignore = ["roots"]

@pytest.fixture(scope="session")
def rootdir() -> Path:
    """``@pytest.mark.sphinx(testroot="basic")`` builds ``roots/test-basic``."""
    return Path(__file__).resolve().parent / "roots"


DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="session")
def echte_site() -> tuple[int, Path]:
    """The real ``docs/`` built once, as ``meerzorg docs`` does (-W, fresh), into ``docs/_build/html``.

    Returns the exit code and the output folder; the browser test saves its screenshot there.
    """
    import shutil

    from meerzorg_law.cli import main

    out = DOCS / "_build" / "html"
    # Fresh, as on a new checkout: files of earlier builds must not count (size) or hide a warning.
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / f"{out.name}.doctrees", ignore_errors=True)
    return main(["docs", "--uit", str(out)]), out


@pytest.fixture(autouse=True)
def _collector_daarna() -> Iterator[None]:
    """Python's collector as it was after every test. An app made over a kept environment lets the collector
    rest until its build (``config-inited``), and only the build puts it back; a test that makes an app to look
    at its environment and never builds would leave the rest of the worker's tests without one."""
    import gc

    voor = gc.isenabled(), gc.get_threshold()
    yield
    from meerzorg_law.sphinxext import collector_als_eerder

    collector_als_eerder()
    assert (gc.isenabled(), gc.get_threshold()) == voor
