"""Fixtures for the property checks: the test regelingen, the bundled one, and their reports (computed once)."""

from __future__ import annotations

import pytest

from meerzorg_law.cases.project import bundled_paths
from meerzorg_law.properties.model import Report
from meerzorg_law.properties.run import check_properties
from meerzorg_law.semantics.pipeline import Bundle

from .props_helpers import KAPOT, VERSIES, bundle_of


@pytest.fixture(scope="session")
def kapot() -> Bundle:
    return bundle_of(KAPOT)


@pytest.fixture(scope="session")
def versies() -> Bundle:
    return bundle_of(VERSIES)


@pytest.fixture(scope="session")
def bundled() -> Bundle:
    return bundle_of(bundled_paths()[0])


@pytest.fixture(scope="session")
def kapot_report(kapot: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Report:
    return check_properties(kapot.versions, profiel="ci", uit=tmp_path_factory.mktemp("kapot"))


@pytest.fixture(scope="session")
def versies_report(versies: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Report:
    return check_properties(versies.versions, profiel="ci", uit=tmp_path_factory.mktemp("versies"))


@pytest.fixture(scope="session")
def bundled_report(bundled: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Only rlz-2026: the later versions carry properties whose violation is the drafters' finding, not ours."""
    return check_properties(bundled.versions, "rlz-2026", profiel="ci", uit=tmp_path_factory.mktemp("bundled"))
