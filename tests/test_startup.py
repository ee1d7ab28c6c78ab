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


def test_parsing_loads_neither_regex_nor_importlib_metadata() -> None:
    """Lark looks for ``regex`` and gmpy2 2.3 reads its version through importlib.metadata (with the email
    package): 20-30 ms of CPU each in every command. A bundled file parsed loads neither, and ``regex`` is
    importable afterwards."""
    loaded = _modules_after("from meerzorg_law.syntax.parse import parse_file\n"
                            "import catala.runtime\n"
                            "assert parse_file('regeling/rlz-2026.rgl')[0] is not None")
    assert "regex" not in loaded and "importlib.metadata" not in loaded and "lark" in loaded
    assert "regex" in _modules_after("import meerzorg_law.syntax, regex")


def test_the_site_extension_and_the_rekenhulp_load_no_numpy() -> None:
    """The JavaScript back end reads the columnar plan (pure data); numpy comes only with the parts that run a
    plan, so a ``meerzorg docs`` that evaluates no population does not import it (0,1 s a process)."""
    loaded = _modules_after("import meerzorg_law.sphinxext, meerzorg_law.javascript")
    assert "meerzorg_law.columnar.plan" in loaded and "numpy" not in loaded
    assert "numpy" in _modules_after("from meerzorg_law.columnar import evaluate_columns")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads counted in /proc (Linux)")
def test_impact_starts_one_blas_thread_unless_the_user_chose() -> None:
    """numpy's OpenBLAS starts a thread per core as numpy is imported (0,1 s of CPU a command, for matrix routines
    never called): the command asks for one; a user's own number is kept."""
    script = ("import contextlib, io, os\nfrom meerzorg_law.cli import main\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              "    assert main(['impact', 'rlz-2026', 'rlz-2027', '--n', '10', '--json']) == 0\n"
              "import numpy\nprint(os.environ.get('OPENBLAS_NUM_THREADS'), len(os.listdir('/proc/self/task')))")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    for given, expected in ((None, "1"), ("2", "2")):
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                             env={**env, **({"OPENBLAS_NUM_THREADS": given} if given else {})}).stdout.split()
        assert out[0] == expected
        if given is None:
            assert out[1] == "1"  # the main thread alone


def test_version_flag_prints_the_package_version(capsys: object) -> None:
    out = subprocess.run([sys.executable, "-m", "meerzorg_law", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("meerzorg ")


def test_without_the_shipped_parser_lark_builds_and_both_are_cached(tmp_path: Path) -> None:
    """When the shipped parser does not fit (here: absent), Lark builds the tables once (its own cache) and the
    parser is pickled in the user cache; the next command reads the pickle and rewrites nothing. A parser read
    from a pickle still has its grammar (from_lark needs it)."""
    code = ("from meerzorg_law.syntax import grammar\n"
            "grammar.shipped_tables = lambda: None\n"
            "assert grammar.parser().grammar is not None")
    _modules_after(code, {"MEERZORG_CACHE_DIR": str(tmp_path)})
    tables, pickled = list(tmp_path.glob("grammar-*.lark-cache")), list(tmp_path.glob("parser-*.pickle"))
    assert len(tables) == 1 and tables[0].stat().st_size > 10_000
    assert len(pickled) == 1 and pickled[0].stat().st_size > 10_000
    first = (tables[0].stat().st_mtime_ns, pickled[0].stat().st_mtime_ns)
    _modules_after("import lark\n"
                   "def gebouwd(self):\n"
                   "    raise SystemExit('de parser uit de cache is niet gebruikt')\n"
                   "lark.Lark.__init__ = gebouwd\n" + code, {"MEERZORG_CACHE_DIR": str(tmp_path)})
    assert (tables[0].stat().st_mtime_ns, pickled[0].stat().st_mtime_ns) == first
    _modules_after(code, {"MEERZORG_CACHE_DIR": str(tmp_path / "x"), "MEERZORG_CACHE": "0"})
    assert not (tmp_path / "x").exists()


def test_shipped_parser_fits_the_grammar(tmp_path: Path) -> None:
    """A new user's empty cache: the parser shipped with the grammar is used, Lark builds nothing (its
    constructor is made to fail here) and nothing is written. Fails after a change of the grammar, of Lark, of
    Python or of ``syntax/grammar.py`` or ``syntax/_scanner.py`` until ``python tools/lark_tabellen.py`` is
    run."""
    from meerzorg_law.syntax.grammar import shipped_tables

    assert shipped_tables() is not None, "grammar/meerzorg.lark-tabellen ontbreekt: python tools/lark_tabellen.py"
    code = ("import lark\n"
            "def gebouwd(self, *a, **k):\n"
            "    raise SystemExit('de meegeleverde parser past niet: python tools/lark_tabellen.py')\n"
            "lark.Lark.__init__ = gebouwd\n"
            "from meerzorg_law.syntax.grammar import parser\n"
            "assert parser().grammar is not None")
    _modules_after(code, {"MEERZORG_CACHE_DIR": str(tmp_path)})
    assert list(tmp_path.iterdir()) == []


def _tokens(tree: object) -> list[tuple[object, ...]]:
    from lark import Token, Tree

    out: list[tuple[object, ...]] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, Token):
            out.append((node.type, str(node), node.line, node.column, node.end_line, node.end_column))
        elif isinstance(node, Tree):
            meta = node.meta
            out.append((node.data, *(getattr(meta, k, None) for k in ("line", "column", "end_line", "end_column"))))
            todo.extend(reversed(node.children))
    return out


def test_the_pickled_parser_parses_as_one_built_by_lark() -> None:
    """Every .rgl file of the repository (and a file cut short, for the error) gives the same tree, tokens and
    positions from the shipped parser as from one Lark builds now. Not vacuous: Lark's two parse actions, pickled
    as copies instead of by reference, made parsing fail."""
    from lark.exceptions import UnexpectedInput

    from meerzorg_law.grammatica import grammar_text
    from meerzorg_law.syntax.grammar import bouw_parser, laad_parser, parser_sleutel, shipped_tables

    text = grammar_text()
    loaded, fresh = laad_parser(shipped_tables(), parser_sleutel(text)), bouw_parser(text, False)
    assert loaded is not None
    root = Path(__file__).resolve().parents[1]
    files = sorted(f for d in ("regeling", "tests") for f in (root / d).rglob("*.rgl"))
    assert len(files) > 50
    for f in files:
        source = f.read_text(encoding="utf-8", errors="replace")
        for tekst in (source, source[: len(source) // 2]):
            results = []
            for p in (loaded, fresh):
                try:
                    results.append(_tokens(p.parse(tekst)))
                except UnexpectedInput as err:
                    # what was expected as a set: Lark lists it in hash order, which differs per process
                    results.append([type(err).__name__, err.line, err.column, repr(getattr(err, "token", None)),
                                    sorted(getattr(err, "expected", None) or ())])
            assert results[0] == results[1], f


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


def test_a_reworded_lid_is_not_proved_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit that changes the words of a lid and no rule finds the findings of its version by what the proofs
    read (from the version's second edit on: the first keeps that werking); a rule that changes is proved again,
    and so is a rule moved to another line (a finding points at its line)."""
    import shutil

    from meerzorg_law.semantics.pipeline import load_bundle
    from meerzorg_law.verify import report

    monkeypatch.setenv("MEERZORG_CACHE", "1")
    monkeypatch.setenv("MEERZORG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "variant"
    shutil.copytree(Path(__file__).parent / "workflow" / "variant", folder)
    [rgl] = folder.glob("*.rgl")
    origineel = rgl.read_text(encoding="utf-8")
    proved: list[tuple[str, ...]] = []
    real = report.verify_versions

    def counting(versions: object, vids: list[str] | None = None) -> object:
        proved.append(tuple(vids or ()))
        return real(versions, vids)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "verify_versions", counting)

    def check(tekst: str) -> list[tuple[str, object]]:
        rgl.write_text(tekst, encoding="utf-8")
        bundle = load_bundle(folder)
        assert bundle.ok, bundle.diagnostics
        return [(f.versie, f.diagnostic) for f in report.verify_bundle(bundle, folder)]

    lid = "zorg verleent en dreigt overbelast te"
    eerst = check(origineel)
    assert proved == [("rlz-2026", "rlz-2027-mantelzorg")]
    assert check(origineel.replace(lid, lid.replace("dreigt", "dreigt ernstig"))) == eerst
    assert proved[1:] == [("rlz-2027-mantelzorg",)]  # the first edit: proved, and its werking kept
    assert check(origineel.replace(lid, lid.replace("dreigt", "dreigt zwaar"))) == eerst
    assert len(proved) == 2  # reworded again: not proved
    check(origineel.replace("mantelzorg_uren_per_week >= 20", "mantelzorg_uren_per_week >= 21"))
    assert len(proved) == 3  # a rule changed
    check(origineel.replace(lid, lid.replace("dreigt", "dreigt\n         ")))
    assert len(proved) == 4  # every rule below moved a line down


def test_node_classes_pickle_as_their_fields_and_come_back_equal() -> None:
    """The cache pickles the frozen slotted dataclasses of the package as class and field values (rebuilt by
    ``__init__``): the IR, the syntax trees and the findings of the bundled regeling come back equal, and
    the classes with a ``__post_init__`` or a field outside ``__init__`` are left to Python's own way."""
    import copyreg
    import dataclasses
    import pickle

    from meerzorg_law.cases.project import bundled_paths
    from meerzorg_law.semantics import cache
    from meerzorg_law.semantics.pipeline import _load_bundle
    from meerzorg_law.verify.report import verify_versions

    bundle = _load_bundle(bundled_paths()[0])
    findings = verify_versions({v: bundle.versions[v] for v in ("rlz-2027-variant-d",)})
    cache._snel_pickelen()
    eigen = [c for c in copyreg.dispatch_table if c.__module__.startswith("meerzorg_law")]
    assert len(eigen) > 100
    assert not [c for c in eigen if hasattr(c, "__post_init__") or not all(f.init for f in dataclasses.fields(c))]
    for value in (bundle.versions, bundle.documents, bundle.consolidated, findings):
        assert pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) == value
