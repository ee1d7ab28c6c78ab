"""versions.consolidate: good/ wijzigingen give their golden regeling, bad/ ones the diagnostics written inline
(``# FOUT W003: <exact message>`` on the line the diagnostic is reported for)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from helpers import actual, inline_expectations
from meerzorg_law.span import ProvisionRef
from meerzorg_law.syntax import ast
from meerzorg_law.syntax.parse import parse_file, parse_text
from meerzorg_law.syntax.printer import print_document
from meerzorg_law.versions.consolidate import consolidate

HERE = Path(__file__).parent
BASIS = HERE / "good" / "basis.rgl"
GOOD = sorted(p for p in (HERE / "good").glob("*.rgl") if p != BASIS and not p.name.endswith(".expected.rgl"))
BAD = sorted((HERE / "bad").glob("*.rgl"))


def _parse(path: Path) -> ast.Document:
    doc, diagnostics = parse_file(str(path))
    assert doc is not None and not diagnostics, "\n".join(f"{d.span}: {d.message}" for d in diagnostics)
    return doc


def _basis() -> ast.Regeling:
    doc = _parse(BASIS)
    assert isinstance(doc, ast.Regeling)
    return doc


def _consolidate(name: str) -> ast.Regeling:
    wijziging = _parse(HERE / "good" / name)
    assert isinstance(wijziging, ast.Wijzigingsregeling)
    result, diagnostics = consolidate(_basis(), wijziging)
    assert result is not None and not diagnostics, "\n".join(f"{d.span}: {d.code} {d.message}" for d in diagnostics)
    return result


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good(path: Path, update_golden: bool) -> None:
    printed = print_document(_consolidate(path.name))
    golden = path.with_name(path.name.removesuffix(".rgl") + ".expected.rgl")
    if update_golden:
        golden.write_text(printed, encoding="utf-8")
    assert golden.exists(), f"{golden.name} ontbreekt; draai pytest met --update-golden"
    assert printed == golden.read_text(encoding="utf-8")
    again, diagnostics = parse_text(printed, golden.name)  # the consolidated text is itself a valid regeling
    assert again is not None and not diagnostics


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad(path: Path) -> None:
    expected = inline_expectations(path)
    assert expected, f"{path.name} noemt geen '# FOUT Wnnn: ...'"
    wijziging = _parse(path)
    assert isinstance(wijziging, ast.Wijzigingsregeling)
    result, diagnostics = consolidate(_basis(), wijziging)
    assert result is None
    assert len(diagnostics) == len(expected)
    assert actual(diagnostics, path) == expected


def test_conflict_names_the_earlier_instruction() -> None:
    wijziging = _parse(HERE / "bad" / "W002_conflict.rgl")
    assert isinstance(wijziging, ast.Wijzigingsregeling)
    _, diagnostics = consolidate(_basis(), wijziging)
    notes = [(d.span.line, [(s.line, note) for s, note in d.related]) for d in diagnostics]
    assert notes[0] == (12, [(8, "hier wijzigt onderdeel A artikel 2.2, tweede lid")])
    assert notes[2] == (16, [(15, "hier wijzigt onderdeel C artikel 2.6")])
    assert all(related for _, related in notes)


def test_result_takes_header_from_wijziging_and_title_from_base() -> None:
    base = _basis()
    result = _consolidate("samen.rgl")
    assert (result.versie, result.variant, result.basis, str(result.geldig_vanaf)) == (
        "rlz-2027-proef", True, "rlz-2026", "2027-01-01")
    assert (result.titel, result.bron) == (base.titel, base.bron)
    assert [e.name for e in result.eigenschappen] == ["volwassenen_behouden", "kinderen_niet_slechter"]


def _artikel(reg: ast.Regeling, nummer: str) -> ast.Artikel:
    return next(a for a in reg.alle_artikelen() if a.nummer == nummer)


def _regels(reg: ast.Regeling) -> list[ast.Regel]:
    bepalingen: list[ast.Artikel | ast.Lid | ast.Onderdeel] = []
    for a in reg.alle_artikelen():
        bepalingen += [a, *a.onderdelen]
        for lid in a.leden:
            bepalingen += [lid, *lid.onderdelen]
    return [r for b in bepalingen for r in b.items if isinstance(r, ast.Regel)]


def test_inserted_provisions_are_annotated_where_they_stand() -> None:
    result = _consolidate("ingevoegd.rgl")
    lid = next(x for x in _artikel(result, "2.2").leden if x.nummer == "2a")
    assert lid.span.provision == ProvisionRef("2.2", "2a")
    assert lid.items[0].span.provision == ProvisionRef("2.2", "2a")
    assert lid.onderdelen[0].items[0].span.provision == ProvisionRef("2.2", "2a", "a")
    regel = lid.onderdelen[0].items[0]
    assert isinstance(regel, ast.Regel) and regel.afwijking[0].ref == ProvisionRef("2.2", "1")
    assert _artikel(result, "2.5").leden[0].items[0].span.provision == ProvisionRef("2.5", "1")


def test_renumbered_provisions_are_annotated_and_cited_by_their_new_number() -> None:
    result = _consolidate("vernummerd.rgl")
    artikel = _artikel(result, "2.5")
    assert artikel.titel == "Hoge leeftijd"
    assert artikel.leden[1].items[0].span.provision == ProvisionRef("2.5", "2")
    citations = {v.ref for r in _regels(result) for v in r.afwijking}
    assert ProvisionRef("2.5", "1") in citations and ProvisionRef("2.4", "1") not in citations
    assert ProvisionRef("2.2", "4") in citations and ProvisionRef("2.2", "2", "c") in citations
    ond = next(o for o in _artikel(result, "2.2").leden[1].onderdelen if o.letter == "c")
    assert ond.items[0].span.provision == ProvisionRef("2.2", "2", "c")


def test_base_is_not_changed() -> None:
    base = _basis()
    before = print_document(base)
    wijziging = _parse(HERE / "good" / "samen.rgl")
    assert isinstance(wijziging, ast.Wijzigingsregeling)
    consolidate(base, wijziging)
    assert print_document(base) == before


WIJZIGINGEN = sorted([*GOOD, *BAD, *(HERE / "bundled").rglob("*.rgl"),
                      *(HERE.parent / "workflow" / "variant").glob("*.rgl")])


@pytest.mark.parametrize("path", WIJZIGINGEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_wijziging_prints_back_to_itself(path: Path) -> None:
    """The printer writes every instruction the parser reads: printing, reading and printing again is stable,
    and the reread document has the same instructions."""
    doc = _parse(path)
    printed = print_document(doc)
    again, diagnostics = parse_text(printed, path.name)
    assert again is not None and not diagnostics, [d.message for d in diagnostics]
    assert print_document(again) == printed
    assert isinstance(doc, ast.Wijzigingsregeling) and isinstance(again, ast.Wijzigingsregeling)
    kinds = [type(i).__name__ for wa in doc.artikelen for w in wa.wijzigingen for i in w.instructies]
    assert kinds == [type(i).__name__ for wa in again.artikelen for w in wa.wijzigingen for i in w.instructies]


def test_a_begrip_without_tekst_is_a_warning_like_an_onderdeel() -> None:
    """T010: in a regeling that carries its legal text, a begripsomschrijving without tekst is flagged at the
    begrip, by its term; the others are not."""
    from meerzorg_law.versions.references import check_teksten

    tekst = BASIS.read_text(encoding="utf-8").replace(
        '    begripsomschrijving "minderjarige"\n      tekst "een verzekerde jonger dan 18 jaar;"\n',
        '    begripsomschrijving "minderjarige"\n')
    reg, diagnostics = parse_text(tekst, "basis.rgl")
    assert isinstance(reg, ast.Regeling) and not diagnostics
    assert [(d.code, d.message) for d in check_teksten(reg)] == [
        ("T010", "artikel 1.1, begripsomschrijving van 'minderjarige' heeft geen tekst: schrijf de wettekst erbij "
                 "met 'tekst \"...\"'")]


def test_an_edit_may_follow_the_renumbering_that_brings_a_provision_to_its_number() -> None:
    """"Onderdeel a vervalt, onder verlettering van onderdeel b tot onderdeel a" and then "in onderdeel a wordt
    ... vervangen door ...": the edit names the provision by its new letter and applies to it; a lapse of it
    after a renumbering, or two edits, stay a W002 (tests/versions/bad/W002_conflict.rgl)."""
    wijziging, diags = parse_text("\n".join([
        'wijzigingsregeling "Verletterd en gewijzigd"', "versie rlz-2027", "basis rlz-2026",
        "geldig vanaf 2027-01-01", "", "Artikel I", "  A.",
        "    artikel 2.6, onderdeel a, vervalt onder verlettering van onderdeel b tot onderdeel a",
        '    in artikel 2.6, onderdeel a, wordt "heeft, heeft" vervangen door "heeft, behoudt het"',
        "  B.", "    artikel 2.2, derde lid komt te luiden:", "      lid 3",
        "        regel in afwijking van tweede lid, onderdeel a: meerzorg is onwaar",
        "          indien leeftijd = 16", "  C.",
        '    in artikel 2.2, derde lid, wordt "x" vervangen door "y"', ""]), "verletterd.rgl")
    assert isinstance(wijziging, ast.Wijzigingsregeling), diags
    result, found = consolidate(_basis(), wijziging)
    assert [d.code for d in found if d.is_error] == ["W002"]  # C after B: two edits of one lid
    assert "onderdeel C en onderdeel B wijzigen allebei artikel 2.2, derde lid" in found[0].message
    eerste = wijziging.artikelen[0]
    alleen_a = replace(wijziging, artikelen=(replace(eerste, wijzigingen=eerste.wijzigingen[:1]),))
    result, found = consolidate(_basis(), alleen_a)
    assert result is not None, [d.message for d in found]
    artikel = next(a for a in result.alle_artikelen() if a.nummer == "2.6")
    assert [(o.letter, o.tekst) for o in artikel.onderdelen] == [
        ("a", "wie 17 jaar is en zorgprofiel VG9 heeft, behoudt het recht op meer zorg.")]


@pytest.mark.parametrize(("oud", "nieuw"), [
    ("artikel 5.5", "artikel 5.6"),
    ("artikel 2.2, eerste lid, onderdeel e", "artikel 2.2, eerste lid, onderdeel f"),
])
def test_a_rangorde_cites_a_renumbered_provision_by_its_new_number(oud: str, nieuw: str) -> None:
    """The rangorde of artikel 2.2, eerste lid (rlz-2026) names artikel 5.5 and onderdeel e: renumbered, it
    names them by their new numbers, as an "in afwijking van" does (it used to keep the old ones)."""
    base = _parse(HERE.parents[1] / "regeling" / "rlz-2026.rgl")
    assert isinstance(base, ast.Regeling)
    wijziging, diags = parse_text("\n".join([
        'wijzigingsregeling "Vernummerd"', "versie rlz-2027", "basis rlz-2026", "geldig vanaf 2027-01-01", "",
        "Artikel I", "  A.", f"    {oud} wordt vernummerd tot {nieuw}", ""]), "vernummerd.rgl")
    assert isinstance(wijziging, ast.Wijzigingsregeling), diags
    result, found = consolidate(base, wijziging)
    assert result is not None and not found, [d.message for d in found]

    def volgorde(reg: ast.Regeling) -> list[str]:
        lid = _artikel(reg, "2.2").leden[0]
        return [v.ref.citeer() for x in lid.items if isinstance(x, ast.Rangorde) for v in x.volgorde]

    assert oud in volgorde(base)
    assert nieuw in volgorde(result) and oud not in volgorde(result)
