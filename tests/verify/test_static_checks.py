"""The proved checks of ``meerzorg check`` (V001-V004): each bad file gives exactly its finding with a witness
the engine confirms, the good file and the bundled regeling give none, and the CLI reports and writes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meerzorg_law.cases.load import load_cases
from meerzorg_law.cases.project import bundled_paths
from meerzorg_law.cli import main
from meerzorg_law.engine.compile import EvaluationFailure
from meerzorg_law.engine.interpret import interpret
from meerzorg_law.semantics.pipeline import Bundle, load_bundle
from meerzorg_law.values import decimal_of_text
from meerzorg_law.verify.report import verify_versions, write_witnesses

DATA = Path(__file__).parent / "data"


def _bundle(*paths: Path) -> Bundle:
    bundle = load_bundle(*paths)
    assert bundle.ok, bundle.diagnostics
    return bundle


def _codes(bundle: Bundle) -> list[str]:
    return [f.diagnostic.code for f in verify_versions(bundle.versions)]


def test_good_file_is_proved() -> None:
    assert _codes(_bundle(DATA / "goed")) == []


def test_bundled_regeling_is_proved() -> None:
    bundle = _bundle(bundled_paths()[0])
    findings = verify_versions(bundle.versions)
    assert not [f for f in findings if f.diagnostic.is_error]
    assert not [f for f in findings if f.versie in ("rlz-2026", "rlz-2027")]


@pytest.mark.parametrize(("name", "code"), [("conflict", "V001"), ("gat", "V002"), ("dood", "V003"),
                                            ("nutteloos", "V004")])
def test_each_bad_file_gives_its_finding(name: str, code: str) -> None:
    assert _codes(_bundle(DATA / "fout" / f"{name}.rgl")) == [code]


def test_conflict_names_both_provisions_and_the_engine_agrees() -> None:
    bundle = _bundle(DATA / "fout" / "conflict.rgl")
    [f] = verify_versions(bundle.versions)
    assert "artikel 1, tweede lid (onwaar) en artikel 1, derde lid (waar)" in f.diagnostic.message
    assert f.diagnostic.related[0][1] == "artikel 1, derde lid is ook van toepassing"
    assert f.getuige is not None
    with pytest.raises(EvaluationFailure) as err:
        interpret(bundle.versions["conflict-2026"], f.getuige)
    assert err.value.diagnostic.code == "R010"


def test_gap_witness_is_undecided_by_the_engine() -> None:
    bundle = _bundle(DATA / "fout" / "gat.rgl")
    [f] = verify_versions(bundle.versions)
    assert f.getuige is not None and f.getuige["inkomen"] == decimal_of_text("20")  # the one gap, exactly
    with pytest.raises(EvaluationFailure) as err:
        interpret(bundle.versions["gat-2026"], f.getuige)
    assert err.value.diagnostic.code == "R001"


def test_a_broken_variant_is_caught_without_any_case() -> None:
    bundle = _bundle(bundled_paths()[0] / "rlz-2026.rgl", DATA / "variant")
    findings = verify_versions(bundle.versions, ["rlz-2027-kapot"])
    assert [f.diagnostic.code for f in findings] == ["V001"]
    message = findings[0].diagnostic.message
    assert "artikel 2.2, vijfde lid (10:00) en artikel 2.2, zesde lid (20:00)" in message
    assert findings[0].getuige is not None and findings[0].getuige["bijzondere_situatie"] == "kind_thuis"


def test_witnesses_are_loadable_case_files(tmp_path: Path) -> None:
    bundle = _bundle(DATA / "fout" / "conflict.rgl")
    paths = write_witnesses(verify_versions(bundle.versions), tmp_path)
    assert [p.name for p in paths] == ["conflict-2026-V001-1.yaml"]
    cases, diagnostics = load_cases(paths, bundle.versions)
    assert not diagnostics
    assert cases[0].verwacht[0].versie == "conflict-2026" and cases[0].verwacht[0].values == {}


def test_cli_reports_proofs_and_writes_witnesses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(DATA / "fout" / "gat.rgl"), "--getuigen", str(tmp_path), "--json"])
    assert code == 1
    payload = json.loads(capsys.readouterr().out)
    assert [b["code"] for b in payload["bewijzen"]] == ["V002"]
    assert payload["getuigen"] == [str(tmp_path / "gat-2026-V002-1.yaml")]
    assert main(["check", str(DATA / "goed")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Bewezen voor elke geldige cliënt (z3):" in lines
    assert ("  goed-2026: geen conflict, elke uitkomst bepaald, geen dode bepaling, geen nutteloze uitzondering"
            in lines)
    assert payload["bewezen"] == {"gat-2026": ["V001", "V003", "V004"]}


def test_live_rules_reuse_clients_z3_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """V003 asks z3 only for rules no client found so far meets (a first check made one call per rule), and
    still finds a dead rule (``test_each_bad_file_gives_its_finding`` with ``dood``)."""
    from meerzorg_law.verify import checks
    from meerzorg_law.verify.smt import Universe

    bundle = _bundle(bundled_paths()[0])
    reg = bundle.versions["rlz-2026"]
    calls = []
    echt = checks.beslis
    monkeypatch.setattr(checks, "beslis", lambda *a: calls.append(a) or echt(*a))
    verifier = checks._Verifier(Universe(bundle.versions), "rlz-2026", reg)
    assert verifier.dead() == []
    regels = {r.id for r in reg.rules if r.id in verifier.outcomes[r.outcome].leaves}
    assert 0 < len(calls) < len(regels), (len(calls), len(regels))


@pytest.mark.parametrize("name", ["conflict", "gat", "dood", "nutteloos"])
def test_a_question_asked_again_for_another_version_is_not_put_to_z3(name: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Two versions with the same rules (a variant and its base, mostly) put each question to z3 once
    (``universe.Antwoorden``) and get the same findings as each proved alone. Not vacuous: without the kept
    answers the second version asks z3 everything again."""
    from dataclasses import replace

    from meerzorg_law.verify import checks, universe

    [(vid, reg)] = _bundle(DATA / "fout" / f"{name}.rgl").versions.items()
    tweede = replace(reg, versie="tweede")
    calls: list[object] = []
    echt = checks.beslis
    monkeypatch.setattr(checks, "beslis", lambda *a: calls.append(a) or echt(*a))

    def gevonden(findings: list[checks.Finding]) -> list[tuple[object, ...]]:
        return [(f.diagnostic.code, f.diagnostic.span, f.getuige, f.open) for f in findings]

    alleen = verify_versions({vid: reg})
    n = len(calls)
    calls.clear()
    beide = verify_versions({vid: reg, "tweede": tweede})
    assert gevonden([f for f in beide if f.versie == "tweede"]) == gevonden(alleen) != []
    # Not every question: a conflict's applying rule is looked up per version with a solver of its own, and a
    # term with a fresh constant (an outcome without a value) differs per translation.
    assert len(calls) < 2 * n, (len(calls), n)
    calls.clear()
    monkeypatch.setattr(universe.Antwoorden, "get", lambda self, terms, extra=(): None)
    verify_versions({vid: reg, "tweede": tweede})
    assert len(calls) == 2 * n


def test_a_rule_repeated_in_another_version_is_translated_once_into_the_same_terms(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``Translator._shared_leaf``: a rule that reads the same in two versions (the same conditions, the same
    terms for the begrippen and outcomes it reads, equal tables) is translated once. Every outcome's terms are the
    ones translated rule by rule, node for node, and so are the findings; fewer than half the rules are
    translated. Fails when the key leaves out what a rule reads (a begrip a variant changes)."""
    from meerzorg_law.verify import smt

    bundle = _bundle(*bundled_paths(), DATA / "variant")
    vertaald: list[object] = []
    echt = smt.Translator._translate_leaf
    monkeypatch.setattr(smt.Translator, "_translate_leaf", lambda self, rule: vertaald.append(rule) or echt(self, rule))

    def termen() -> dict[tuple[str, str], smt.Term]:
        u = smt.Universe(bundle.versions)
        return {(vid, name): smt.Translator(u, reg).outcome(name).term
                for vid, reg in bundle.versions.items() for name in reg.trees}

    def gevonden() -> list[tuple[object, ...]]:
        return [(f.versie, f.diagnostic.code, f.diagnostic.span, f.diagnostic.message, f.getuige, f.open)
                for f in verify_versions(bundle.versions)]

    gedeeld = termen()
    n = len(vertaald)
    bevindingen = gevonden()
    vertaald.clear()
    monkeypatch.setattr(smt.Translator, "_shared_leaf", lambda self, rule, nodes: self._translate_leaf(rule))
    apart = termen()
    assert 0 < n < len(vertaald) / 2, (n, len(vertaald))
    assert gedeeld.keys() == apart.keys()
    for k, t in apart.items():
        assert gedeeld[k].val.eq(t.val) and gedeeld[k].ok.eq(t.ok), k
    assert bevindingen == gevonden() != []
