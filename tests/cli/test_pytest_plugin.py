"""pytest collects case files through the plugin and reports a failing case in Dutch, without a traceback.

Run in-process with pytest's own ``pytester``: the plugin is loaded by its entry point as a user's pytest does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law.cases.project import load_project
from meerzorg_law.cases.run import versions_for

ROOT = Path(__file__).parents[2]
DREMPEL = ROOT / "tests" / "casussen" / "rlz-2026-drempel.yaml"


def _run(pytester: pytest.Pytester, name: str, text: str) -> pytest.RunResult:
    (pytester.path / "casussen").mkdir()
    target = pytester.path / "casussen" / name
    target.write_text(text, encoding="utf-8")
    return pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q", str(target))


def test_cases_are_collected_per_version(pytester: pytest.Pytester) -> None:
    project = load_project(None, [DREMPEL])
    pairs = sum(len(versions_for(c, project.bundle.in_force)) for c in project.cases)
    result = _run(pytester, "drempel.yaml", DREMPEL.read_text(encoding="utf-8"))
    # One item per (case, version).
    result.assert_outcomes(passed=pairs)
    assert pairs > len(project.cases)


def test_a_wrong_expectation_fails_in_dutch(pytester: pytest.Pytester) -> None:
    src = DREMPEL.read_text(encoding="utf-8")
    assert "reden: toegekend" in src
    result = _run(pytester, "fout.yaml", src.replace("reden: toegekend", "reden: onder_drempel", 1))
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*reden: verwacht onder_drempel, uitkomst toegekend*"])
    assert "Traceback" not in result.stdout.str()


def test_bad_case_file_is_one_failing_item(pytester: pytest.Pytester) -> None:
    bad = (ROOT / "tests" / "cases" / "bad" / "onbekend_profiel.yaml").read_text(encoding="utf-8")
    result = _run(pytester, "kapot.yaml", bad)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*fout[[]C032]: zorgprofiel: 'VG9' is geen waarde van zorgprofiel*"])
