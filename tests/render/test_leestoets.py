"""The quality gate of the readings (``render.leestoets``): it passes on every reading of every bundled version,
fails on a planted bad reading for each of its rules, and the readings of rlz-2026 and rlz-2027 are golden files
a person reviewed (``pytest --update-golden`` rewrites them; read the diff)."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law import ir
from meerzorg_law.cases.project import load_project
from meerzorg_law.engine.compile import compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.render.leestoets import Lezingplek, alle_lezingen, lezingen_tekst, toets
from meerzorg_law.render.waarom import waarom
from meerzorg_law.render.zinnen import Lezing, Zin
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.span import ProvisionRef
from meerzorg_law.types import TypeKind

ROOT = Path(__file__).parents[2]
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def versies() -> dict[str, ir.Regeling]:
    bundle = load_bundle(ROOT / "regeling")
    assert bundle.ok, bundle.diagnostics
    return bundle.versions


def test_every_reading_of_every_version_passes(versies: dict[str, ir.Regeling]) -> None:
    plekken = list(alle_lezingen(versies))
    # every version, and every kind of reading in it
    assert {p.versie for p in plekken} == set(versies)
    assert {p.soort for p in plekken} == {"begrip", "regel", "redenen", "rangorde", "uitkomst", "eigenschap"}
    problemen = [f"{p.versie} {p.soort} {p.naam}: {pr}" for p in plekken for pr in toets(p)]
    assert not problemen, "\n".join(problemen)


def test_every_condition_and_outcome_declares_its_clause(versies: dict[str, ir.Regeling]) -> None:
    """A waar/onwaar name without a ``zin`` is read as "er is sprake van <label>": grammatical only by luck."""
    missing = [f"{vid}: {n}" for vid, reg in versies.items()
               for n, decl in [*reg.facts.items(), *reg.definitions.items(), *reg.outcomes.items()]
               if decl.type.kind is TypeKind.BOOL and (decl.zin is None or "[" not in decl.zin.tekst)]
    assert not missing


def _plek(*zinnen: Zin, plek: ProvisionRef | None = None, dit_lid: bool = False) -> Lezingplek:
    return Lezingplek("regel", "reden", "rlz-2027", plek, dit_lid, Lezing(zinnen))


# One bad reading per rule of the gate (the first ones are what the site printed before issue 22), and the
# start of the problem the gate must report.
PLANTED = {
    "lang": (_plek(Zin("De reden van de beslissing is ‘meer zorg toegekend’ als het zorgprofiel het best passende "
                       "zorgprofiel is en boven het zorgprofiel meer zorg mogelijk is en geen andere regeling "
                       "voorziet.")), "zin van 30 woorden"),
    "genest": (_plek(Zin("De verzekerde heeft recht op meer zorg als ((de verzekerde zorg thuis ontvangt en het "
                         "aantal uren meer dan 0 is) of de aanvraag oud is).")), "haakjes 2 niveaus diep"),
    "dubbele ontkenning": (_plek(Zin("Dit geldt als andere regeling die in de zorgbehoefte voorziet is niet geen "
                                     "andere regeling.")), "dubbele ontkenning"),
    "naam uit de code": (_plek(Zin("Dit geldt als uren_toezicht_per_week meer dan 0 is.")),
                         "naam uit de code “uren_toezicht_per_week”"),
    "versie-id": (_plek(Zin("De verzekerde heeft recht op meer zorg volgens rlz-2026.")),
                  "naam uit de code “rlz-2026”"),
    "teken": (_plek(Zin("Dit geldt als de telbare zorgbehoefte ≥ de drempel is.")), "teken “≥”"),
    "pijl": (_plek(Zin("Als de verzekerde thuis woont -> recht op meer zorg.")), "teken “->”"),
    "dit lid elders": (_plek(Zin("Dit geldt niet als dit lid recht op meer zorg geeft."),
                             plek=ProvisionRef("2.2a", "1")), "verwijzing “dit lid” buiten haar eigen bepaling"),
    "relatief lid": (_plek(Zin("Deze regel gaat voor het eerste lid.")),
                     "verwijzing “het eerste lid” buiten haar eigen bepaling"),
    "lange lijstregel": (_plek(Zin("Als aan elk van deze voorwaarden is voldaan:", (
        "de verzekerde een kind dat met voldoende zorg thuis kan opgroeien is, er geen passende plaats in een "
        "instelling beschikbaar is of de verzekerde zelfstandig woont", "de aanvraag oud is"))), "zin van 26 woorden"),
}


@pytest.mark.parametrize("naam", sorted(PLANTED))
def test_the_gate_fails_on_each_planted_bad_reading(naam: str) -> None:
    plek, verwacht = PLANTED[naam]
    problemen = toets(plek)
    assert any(p.startswith(verwacht) for p in problemen), problemen


def test_dit_lid_is_allowed_in_its_own_lid() -> None:
    """The one place "dit lid" may stand: the reading of a lid whose own begrip says it."""
    zin = Zin("De verzekerde heeft recht op meer zorg als dit lid recht op meer zorg geeft.")
    assert not toets(_plek(zin, plek=ProvisionRef("2.2", "2"), dit_lid=True))
    assert toets(_plek(zin, plek=ProvisionRef("2.2", "2"), dit_lid=False))


@pytest.mark.parametrize("versie", ["rlz-2026", "rlz-2027"])
def test_golden_readings(versie: str, versies: dict[str, ir.Regeling], update_golden: bool) -> None:
    text = lezingen_tekst(versies, versie)
    golden = GOLDEN / f"lezingen-{versie}.txt"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden.name} ontbreekt; draai pytest met --update-golden en bekijk het verschil"
    assert text == golden.read_text(encoding="utf-8")


def test_why_of_every_case_passes(versies: dict[str, ir.Regeling]) -> None:
    """The "why" the rekenhulp and uitleg show (``render.waarom``), for every case of the bundled case files
    under the 2026 rules and the 2027 proposal, holds to the same gate."""
    project = load_project()
    problemen = []
    for vid in ("rlz-2026", "rlz-2027"):
        reg = project.bundle.versions[vid]
        compiled = compile_regeling(reg, traced=True)
        for case in project.cases:
            outcome = evaluate(compiled, case.feiten)
            assert outcome.trace is not None
            lezing = waarom(reg, outcome.trace)
            problemen += [f"{vid} {case.naam}: {p}" for p in toets(Lezingplek("waarom", case.naam, vid, None, False,
                                                                                lezing))]
    assert not problemen, "\n".join(problemen)


def test_changed_begrippen_are_said_in_words(versies: dict[str, ir.Regeling]) -> None:
    """``begrip_redenen`` (the site's "Waarom" of a changed outcome): every begrip whose value differs between two
    versions as a sentence with its label and both values, never its code name or an arrow; the same begrippen
    ``engine.trace_diff`` lists."""
    from meerzorg_law.engine.compile import EvaluationFailure
    from meerzorg_law.engine.trace import trace_diff
    from meerzorg_law.render.lezingen import versienamen
    from meerzorg_law.render.waarom import begrip_redenen

    oud, nieuw = versies["rlz-2026"], versies["rlz-2027"]
    project = load_project(ROOT / "regeling")
    namen = versienamen({"rlz-2026": oud, "rlz-2027": nieuw})
    gezien = 0
    for case in project.cases:
        try:
            a = evaluate(compile_regeling(oud, traced=True), case.feiten).trace
            b = evaluate(compile_regeling(nieuw, traced=True), case.feiten).trace
        except EvaluationFailure:  # a case of another version's facts: not this comparison
            continue
        assert a is not None and b is not None
        zinnen = begrip_redenen(oud, nieuw, a, b, namen)
        regels = {x for w in trace_diff(a, b) for x in w.redenen if x.startswith("begrip ")}
        if trace_diff(a, b):
            assert len(zinnen) == len(regels), (case.naam, zinnen, regels)
        for z in zinnen:
            gezien += 1
            assert "_" not in z and "->" not in z and "rlz-" not in z, z
            assert z[:1].isupper() and z.endswith(")."), z
    assert gezien > 0
