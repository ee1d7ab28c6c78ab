"""Start-up: ``meerzorg --help`` and ``--version`` load no engine; Lark's parse tables come from a cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import meerzorg_law

HEAVY = ("meerzorg_law.engine", "meerzorg_law.semantics", "meerzorg_law.syntax", "meerzorg_law.columnar",
         "meerzorg_law.verify", "lark", "numpy", "z3", "catala", "sphinx", "hypothesis")


def _modules_after(code: str, env: dict[str, str] | None = None) -> list[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**os.environ, "MEERZORG_CACHE": "1", **(env or {})})
    return list(json.loads(out.stdout.strip().splitlines()[-1]))


def test_help_and_version_load_no_engine() -> None:
    for flag in ("--help", "--version"):
        loaded = _modules_after(f"from meerzorg_law.cli import main\ntry:\n    main(['{flag}'])\nexcept SystemExit:\n"
                                "    pass")
        assert [m for m in loaded if m.startswith(HEAVY)] == [], flag


def test_public_names_are_imported_on_first_use() -> None:
    loaded = _modules_after("import meerzorg_law")
    assert "meerzorg_law.engine.compile" not in loaded
    from meerzorg_law import Bundle, evaluate

    assert evaluate.__module__ == "meerzorg_law.engine.evaluate" and Bundle.__name__ == "Bundle"
    assert set(meerzorg_law.__all__) <= set(dir(meerzorg_law))


def test_version_flag_prints_the_package_version(capsys: object) -> None:
    out = subprocess.run([sys.executable, "-m", "meerzorg_law", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("meerzorg ")


def test_lark_tables_are_cached_per_grammar(tmp_path: Path) -> None:
    """Built once, then read; a parser read from the cache still has its grammar (from_lark needs it)."""
    code = "from meerzorg_law.syntax.grammar import parser\nassert parser().grammar is not None"
    _modules_after(code, {"MEERZORG_CACHE_DIR": str(tmp_path)})
    files = list(tmp_path.glob("grammar-*.lark-cache"))
    assert len(files) == 1 and files[0].stat().st_size > 10_000
    first = files[0].stat().st_mtime_ns
    _modules_after(code, {"MEERZORG_CACHE_DIR": str(tmp_path)})  # read, not rewritten
    assert files[0].stat().st_mtime_ns == first
    _modules_after(code, {"MEERZORG_CACHE_DIR": str(tmp_path / "x"), "MEERZORG_CACHE": "0"})
    assert not (tmp_path / "x").exists()


def test_shipped_lark_tables_fit_the_grammar(tmp_path: Path) -> None:
    """A new user's empty cache gets the parse tables shipped with the grammar and Lark uses them: building
    tables is made to fail here, so the parser can only come from the copy. Fails after a grammar change until
    ``python tools/lark_tabellen.py`` is run."""
    from meerzorg_law.syntax.grammar import shipped_tables

    assert shipped_tables() is not None, "grammar/meerzorg.lark-tabellen ontbreekt: python tools/lark_tabellen.py"
    code = ("import lark\n"
            "def gebouwd(self):\n"
            "    raise SystemExit('de meegeleverde parsetabellen passen niet: python tools/lark_tabellen.py')\n"
            "lark.Lark._build_parser = gebouwd\n"
            "from meerzorg_law.syntax.grammar import parser\n"
            "assert parser().grammar is not None")
    _modules_after(code, {"MEERZORG_CACHE_DIR": str(tmp_path)})
    assert len(list(tmp_path.glob("grammar-*.lark-cache"))) == 1


def test_bundle_cache_is_reused_and_safe_when_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from meerzorg_law.semantics.cache import cached

    monkeypatch.setenv("MEERZORG_CACHE", "1")
    monkeypatch.setenv("MEERZORG_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "regeling"
    src.mkdir()
    (src / "a.rgl").write_text("een\n", encoding="utf-8")
    other = tmp_path / "basis.rgl"  # a file the result was built from, outside the folder
    other.write_text("basis\n", encoding="utf-8")
    builds: list[int] = []

    def build() -> dict[str, object]:
        builds.append(1)
        return {"inhoud": (src / "a.rgl").read_text(encoding="utf-8"), "n": len(builds)}

    def load(grammar: str = "g") -> object:
        return cached(src, grammar, build, lambda _: [str(other)])

    assert load() == {"inhoud": "een\n", "n": 1}
    assert load() == {"inhoud": "een\n", "n": 1} and len(builds) == 1  # from the cache
    (src / "a.rgl").write_text("twee\n", encoding="utf-8")
    assert load() == {"inhoud": "twee\n", "n": 2}  # an input changed
    other.write_text("anders\n", encoding="utf-8")
    assert load()["n"] == 3  # type: ignore[index]  # a file the catalog brought in changed
    (src / "b.rgl").write_text("nieuw\n", encoding="utf-8")
    assert load()["n"] == 4  # type: ignore[index]  # a file was added
    assert load("andere grammatica")["n"] == 5  # type: ignore[index]  # other code: another key
    for entry in (tmp_path / "cache").glob("bundle-*.pickle"):
        entry.write_bytes(b"kapot")
    assert load()["n"] == 6  # type: ignore[index]  # an unreadable entry is rebuilt, never an error
    monkeypatch.setenv("MEERZORG_CACHE", "0")
    assert load()["n"] == 7 and load()["n"] == 8  # type: ignore[index]


def test_cached_bundled_regeling_equals_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from meerzorg_law.cases.project import bundled_paths
    from meerzorg_law.semantics.pipeline import _load_bundle, load_bundle

    monkeypatch.setenv("MEERZORG_CACHE", "1")
    monkeypatch.setenv("MEERZORG_CACHE_DIR", str(tmp_path))
    path = bundled_paths()[0]
    first, second, fresh = load_bundle(path), load_bundle(path), _load_bundle(path)
    assert list(tmp_path.glob("bundle-*.pickle"))
    assert second.versions == fresh.versions and second.diagnostics == fresh.diagnostics
    assert first.versions == second.versions


def test_cached_proofs_of_the_bundled_regeling_equal_fresh_ones(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """``meerzorg check`` proves the bundled regeling once; later runs read the findings from the cache, and the
    cache key covers the proofs' own code, so a change there proves again."""
    from meerzorg_law.cases.project import bundled_paths
    from meerzorg_law.semantics import cache
    from meerzorg_law.semantics.pipeline import load_bundle
    from meerzorg_law.verify import report

    monkeypatch.setenv("MEERZORG_CACHE", "1")
    monkeypatch.setenv("MEERZORG_CACHE_DIR", str(tmp_path))
    path = bundled_paths()[0]
    bundle = load_bundle(path)
    proved: list[int] = []
    real = report.verify_versions

    def counting(*args: object, **kwargs: object) -> object:
        proved.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "verify_versions", counting)
    first = report.verify_bundle(bundle, path)
    second = report.verify_bundle(bundle, path)
    assert len(proved) == 1 and list(tmp_path.glob("bewijzen-*.pickle"))
    assert [(f.versie, f.diagnostic) for f in second] == [(f.versie, f.diagnostic) for f in first]
    monkeypatch.setattr(cache, "_code_fingerprint", lambda grammar, code=(): f"ander {code}")
    report.verify_bundle(bundle, path)
    assert len(proved) == 2
