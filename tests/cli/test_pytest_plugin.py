"""pytest collects case files through the plugin and reports a failing case in Dutch, without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _pytest(path: Path) -> subprocess.CompletedProcess[str]:
    # Load the plugin by module name whether or not the package's entry point is installed.
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:meerzorg_law", "-p", "meerzorg_law.pytest_plugin",
                           "-p", "no:cacheprovider", "-q", "--rootdir", str(path.parent), str(path)],
                          capture_output=True, text=True, cwd=path.parent,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"),
                                                                           os.environ.get("PYTHONPATH", "")])})


def test_cases_are_collected_per_version(tmp_path: Path) -> None:
    (tmp_path / "casussen").mkdir()
    src = (ROOT / "tests" / "casussen" / "rlz-2026-drempel.yaml").read_text(encoding="utf-8")
    target = tmp_path / "casussen" / "drempel.yaml"
    target.write_text(src, encoding="utf-8")
    proc = _pytest(target)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # One item per (case, version): every case here has expectations for the four bundled versions.
    assert f"{src.count('- naam:') * 4} passed" in proc.stdout


def test_a_wrong_expectation_fails_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "casussen").mkdir()
    src = (ROOT / "tests" / "casussen" / "rlz-2026-drempel.yaml").read_text(encoding="utf-8")
    target = tmp_path / "casussen" / "fout.yaml"
    target.write_text(src.replace("reden: toegekend", "reden: onder_drempel", 1), encoding="utf-8")
    proc = _pytest(target)
    assert proc.returncode == 1
    assert "reden: verwacht onder_drempel, uitkomst toegekend" in proc.stdout
    assert "Traceback" not in proc.stdout


def test_bad_case_file_is_one_failing_item(tmp_path: Path) -> None:
    (tmp_path / "casussen").mkdir()
    target = tmp_path / "casussen" / "kapot.yaml"
    target.write_text((ROOT / "tests" / "cases" / "bad" / "onbekend_profiel.yaml").read_text(encoding="utf-8"))
    proc = _pytest(target)
    assert proc.returncode == 1
    assert "fout[C032]: zorgprofiel: 'VG9' is geen waarde van zorgprofiel" in proc.stdout
