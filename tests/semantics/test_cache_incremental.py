"""The on-disk cache in the drafter's loop: a variant's folder of its own, warm from the run before the edit.

After an edit only the edited file is parsed again and only the versions built on it are proved again; the
results are those of a fresh run, and an edit always gives its new result (never a stale one from the cache).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from meerzorg_law.cli import main
from meerzorg_law.semantics import pipeline
from meerzorg_law.semantics.pipeline import _load_bundle, load_bundle
from meerzorg_law.syntax import parse
from meerzorg_law.verify import report

ROOT = Path(__file__).resolve().parents[2]
VARIANT = ROOT / "tests" / "workflow" / "variant"
DREMPEL = "mantelzorg_uren_per_week >= 20"


@pytest.fixture
def map_(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MEERZORG_CACHE", "1")
    monkeypatch.setenv("MEERZORG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "variant"
    shutil.copytree(VARIANT, folder)
    return folder


def _rgl(folder: Path) -> Path:
    return next(folder.glob("*.rgl"))


def _tel(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[list[str]]]:
    """Record every file parsed and every list of versions proved."""
    parsed: list[str] = []
    proved: list[list[str]] = []
    real_parse, real_verify = parse.parse_bytes, report.verify_versions

    def parse_bytes(raw: bytes, path: str) -> object:
        parsed.append(Path(path).name)
        return real_parse(raw, path)

    def verify_versions(versions: object, vids: list[str] | None = None) -> object:
        proved.append(list(vids if vids is not None else versions))  # type: ignore[call-overload]
        return real_verify(versions, vids)  # type: ignore[arg-type]

    monkeypatch.setattr(parse, "parse_bytes", parse_bytes)
    monkeypatch.setattr(report, "verify_versions", verify_versions)
    return parsed, proved


def test_an_edit_parses_and_proves_only_what_it_touches(map_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed, proved = _tel(monkeypatch)
    bundle = load_bundle(map_)
    report.verify_bundle(bundle, map_)
    assert "rlz-2026.rgl" in parsed and proved == [["rlz-2026", "rlz-2027-mantelzorg"]]  # cold: everything
    parsed.clear()
    proved.clear()
    report.verify_bundle(load_bundle(map_), map_)
    assert parsed == [] and proved == []  # warm, nothing changed: nothing parsed or proved
    rgl = _rgl(map_)
    rgl.write_text(rgl.read_text(encoding="utf-8").replace("uren mantelzorg per week", "uren mantelzorg  per week"),
                   encoding="utf-8")
    bundle = load_bundle(map_)
    findings = report.verify_bundle(bundle, map_)
    assert parsed == [rgl.name]  # not the bundled rlz-2026.rgl, nor the other bundled files
    assert proved == [["rlz-2027-mantelzorg"]]  # rlz-2026's proofs come from the cache
    fresh = _load_bundle(map_)
    assert bundle.versions == fresh.versions and bundle.diagnostics == fresh.diagnostics
    assert [(f.versie, f.diagnostic) for f in findings] == [
        (f.versie, f.diagnostic) for f in report.verify_versions(fresh.versions)]


def test_an_edit_gives_its_new_outcome_with_a_warm_cache(map_: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The loop as a drafter runs it: check and test green, then the threshold of the new rule raised from 20 to
    30 hours (a case with 25 hours now fails), then back (green again): each run answers for the text as it is."""
    test = ["--regeling", str(map_), "test", str(map_)]
    assert main(["check", str(map_)]) == 0 and main(test) == 0
    rgl = _rgl(map_)
    tekst = rgl.read_text(encoding="utf-8")
    assert tekst.count(DREMPEL) == 1
    rgl.write_text(tekst.replace(DREMPEL, DREMPEL.replace("20", "30")), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(map_)]) == 0
    assert main(test) == 1
    out = capsys.readouterr().out
    assert "MISLUKT" in out and "VG7 thuis, mantelzorger overbelast, 41 uur" in out
    rgl.write_text(tekst, encoding="utf-8")
    assert main(["check", str(map_)]) == 0 and main(test) == 0


def test_corrupt_entries_are_ignored(map_: Path, tmp_path: Path) -> None:
    first = load_bundle(map_)
    findings = report.verify_bundle(first, map_)
    entries = list((tmp_path / "cache").glob("*.pickle"))
    assert {e.name.split("-")[0] for e in entries} >= {"bundle", "ontleed", "bewijzen"}
    for entry in entries:
        entry.write_bytes(b"\x80\x05kapot")
    again = load_bundle(map_)
    assert again.versions == first.versions and again.diagnostics == first.diagnostics
    assert [f.diagnostic for f in report.verify_bundle(again, map_)] == [f.diagnostic for f in findings]


def test_a_parse_entry_is_keyed_by_the_bytes(map_: Path) -> None:
    """Two contents under one path: each gets its own document, never the other's."""
    rgl = _rgl(map_)
    tekst = rgl.read_text(encoding="utf-8")
    a, _ = pipeline.lees(str(rgl))
    rgl.write_text(tekst.replace(DREMPEL, DREMPEL.replace("20", "30")), encoding="utf-8")
    b, _ = pipeline.lees(str(rgl))
    assert a is not None and b is not None and a != b
    assert b == parse.parse_file(str(rgl))[0]
