"""The quality gate of the readings over everything ``meerzorg uitleg`` prints, not only its readings: headers,
herkomst badges, provision lines, the facts used and not used. Every line for every case of the bundled case
files under every version passes (no identifier, no symbol, no double negation, at most 25 words a line or a
list, brackets one level deep, no "dit lid" outside its lid); each planted bad line (what uitleg printed before)
fails."""

from __future__ import annotations

import re

import pytest

from meerzorg_law.cases.project import bundled_paths, load_project
from meerzorg_law.cli import main
from meerzorg_law.engine.compile import EvaluationFailure, compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.render.explain import explain
from meerzorg_law.render.leestoets import Lezingplek, toets
from meerzorg_law.render.zinnen import Lezing, Zin

_MARK = re.compile(r"^(?:- |✓ |✗ |· |\d+\. )")


def _problemen(tekst: str, versie: str = "") -> list[str]:
    """Each printed line as a sentence of the gate (without its indent and its list mark)."""
    out = []
    for line in tekst.splitlines():
        zin = _MARK.sub("", line.strip())
        if zin:
            out += toets(Lezingplek("uitleg", "", versie, None, False, Lezing((Zin(zin),))))
    return out


def test_every_line_of_every_explanation_passes() -> None:
    project = load_project()
    assert project.ok
    problemen, regels = [], 0
    for vid, reg in project.bundle.versions.items():
        compiled = compile_regeling(reg, traced=True)
        for case in project.cases:
            try:
                outcome = evaluate(compiled, case.feiten)
            except EvaluationFailure:
                continue
            assert outcome.trace is not None
            tekst = explain(reg, case.feiten, outcome.trace, case.naam)
            regels += len(tekst.splitlines())
            problemen += [f"{vid} {case.naam}: {p}" for p in _problemen(tekst, vid)]
    assert len(project.bundle.versions) >= 8 and regels > 50_000
    assert not problemen, "\n".join(problemen[:40])


def test_every_line_the_command_prints_passes(capsys: pytest.CaptureFixture[str]) -> None:
    """The command itself: which version and why, per case, for every bundled case file."""
    casussen = sorted(bundled_paths()[1].glob("*.yaml"))
    assert casussen
    problemen = []
    for pad in casussen:
        assert main(["uitleg", str(pad)]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Versie ‘rlz-20")
        problemen += [f"{pad.name}: {p}" for p in _problemen(out)]
    assert not problemen, "\n".join(problemen[:40])


# What uitleg printed before, one line per rule of the gate.
PLANTED = {
    "badge in blokhaken": ("    Bepaald door artikel 2.2, eerste lid [reconstructie].", "teken “[”"),
    "versie-id": ("Versie rlz-2026 van de Regeling langdurige zorg, geldig vanaf 1 maart 2026.",
                  "naam uit de code “rlz-2026”"),
    "naam geciteerd": ("  De verzekerde heeft ‘uren_toezicht_per_week’ uur toezicht.", "naam uit de code"),
    "teken in de casusnaam": ("Casus: 6 GGZ-B (met * in bijlage A): bij beide lezingen meer zorg", "teken “*”"),
    "lange opsomming": ("  Niet gebruikt: datum waarop wordt beslist; leeftijd in jaren op de peildatum; uren "
                        "opzichzelfstaand toezicht per week; bijzondere situatie bij zorg thuis; soort aanvraag; "
                        "datum waarop een eerder besluit is genomen.", "zin van 31 woorden"),
    "lange herkomst": ("  De telbare zorgbehoefte is 40:00 uur (artikel 1.1, onderdeel c; keuze: bij een kind telt "
                       "als opzichzelfstaand toezicht alleen het toezicht boven de gebruikelijke zorg: het "
                       "zorgkantoor trekt de gebruikelijke zorg af voordat het de uren vaststelt).", "zin van 37"),
    "haakjes": ("    Bepaald door artikel 2.2 (officiële tekst; gewijzigd: “vijf jaar” (voorstel)).",
                "haakjes 2 niveaus diep"),
    "dubbele ontkenning": ("      ✗ niet geen andere regeling voorziet in de zorgbehoefte", "dubbele ontkenning"),
    "dit lid": ("    Niet van toepassing: artikel 2.2a, eerste lid, want dit lid geeft recht op meer zorg.",
                "verwijzing “dit lid”"),
}


@pytest.mark.parametrize("naam", sorted(PLANTED))
def test_the_gate_fails_on_each_planted_bad_line(naam: str) -> None:
    regel, verwacht = PLANTED[naam]
    problemen = _problemen(regel)
    assert any(p.startswith(verwacht) for p in problemen), problemen
