"""The drafter's whole workflow on a second, complete variant (``variant/``), written against the unchanged
bundled rlz-2026: the folder holds only the wijzigingsregeling and its case file; the basis comes from the
bundled regeling/. Every usual amendment move is in it, its cases pass, and the one mistake a renumbering
invites (a reference to the old number) is caught with the wording it must get."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law.cases.project import bundled_paths, load_project
from meerzorg_law.cases.run import run_cases
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.span import ProvisionRef
from meerzorg_law.syntax import ast

VARIANT = Path(__file__).parent / "variant"
RGL = VARIANT / "rlz-2027-mantelzorg.rgl"
ID = "rlz-2027-mantelzorg"


def test_the_variant_builds_on_the_unchanged_bundled_regeling() -> None:
    assert sorted(p.name for p in VARIANT.glob("*.rgl")) == [RGL.name]
    bundle = load_bundle(VARIANT)
    mine = [d for d in bundle.diagnostics if d.span.file == str(RGL) or d.is_error]
    assert bundle.ok and not mine, "\n".join(f"{d.span}: {d.code} {d.message}" for d in mine)
    basis = next(v for v in bundle.catalog if v.id == "rlz-2026")
    assert Path(basis.file).resolve() == (bundled_paths()[0] / "rlz-2026.rgl").resolve()


def _instructies() -> list[ast.Instructie]:
    doc = load_bundle(VARIANT).documents[ID]
    assert isinstance(doc, ast.Wijzigingsregeling)
    return [i for wa in doc.artikelen for w in wa.wijzigingen for i in w.instructies]


def test_the_variant_uses_every_usual_move() -> None:
    instructies = _instructies()
    gegevens = [g for i in instructies if isinstance(i, ast.GegevensWijziging) for g in i.wijzigingen]
    assert any(g.soort == "waarde" and g.naam == "bijzondere_situatie" for g in gegevens)  # new enum value
    assert any(g.soort == "ingevoegd" and isinstance(g.declaratie, ast.Invoer) for g in gegevens)  # new fact
    assert any(isinstance(i, ast.Vervangen) and i.items for i in instructies)  # textual substitution
    assert any(isinstance(i, ast.Ingevoegd) and i.soort == "lid" for i in instructies)  # inserted lid
    assert any(isinstance(i, ast.AlfabetischIngevoegd) and len(i.begrippen[0].items) == 2
               for i in instructies)  # a begrip inserted in the alphabetical begrippenlijst, with two definitions
    assert any(isinstance(i, ast.Vervalt) and i.hernummering for i in instructies)  # lapse with renumbering

    reg = load_bundle(VARIANT).versions[ID]
    # A begrip defined in a begripsomschrijving of artikel 1.1, used by another one, in its alphabetical place.
    thuis = ProvisionRef("1.1", begrip="bijzondere situatie thuis")
    assert reg.definitions["mantelzorg_overbelast"].span.provision == thuis
    assert [p.ref.begrip for p in reg.provisions if p.kind == "begripsomschrijving"] == [
        "bekostigingsuren", "bijzondere situatie thuis", "opzichzelfstaand toezicht", "telbare zorgbehoefte",
        "zorg thuis"]
    assert "mantelzorg_overbelast" in reg.dependencies["bijzondere_situatie_thuis"]
    # The new value and fact are part of the version's case interface.
    assert "mantelzorg_overbelast" in reg.enums["bijzondere_situatie"].values
    assert "mantelzorg_uren_per_week" in reg.facts
    # The lapsed lid's successor carries the rule of the old third lid.
    assert not any(p.ref == ProvisionRef("5.5", "3") for p in reg.provisions)
    assert any(r.provision == ProvisionRef("5.5", "2") for r in reg.rules)


def test_the_variants_own_cases_pass() -> None:
    project = load_project(VARIANT, [VARIANT / "casussen.yaml"])
    assert project.ok, [d.message for d in project.diagnostics if d.is_error]
    results = run_cases(project.bundle.versions, project.cases, project.bundle.in_force)
    assert {r.versie for r in results} == {"rlz-2026", ID}
    assert len(results) == 10 and all(r.ok for r in results), [
        (r.case.naam, r.versie, r.mismatches, r.failure) for r in results if not r.ok]


@pytest.mark.parametrize(("fout", "code", "melding"), [
    ("Artikel 5.5, derde lid, blijft", "T002",
     "de tekst van artikel 2.2, lid 1a verwijst naar 'Artikel 5.5, derde lid', maar artikel 5.5, derde lid wordt "
     "in rlz-2027-mantelzorg vernummerd tot artikel 5.5, tweede lid: de verwijzing moet luiden "
     "'Artikel 5.5, tweede lid'"),
    ("lid, onderdeel g, 20 procent", "T001",
     "de tekst van artikel 2.2, lid 1a verwijst naar 'het eerste lid, onderdeel g' (bedoelde u artikel 2.2, eerste "
     "lid, onderdeel e of artikel 2.2, eerste lid, onderdeel d?), maar die bepaling bestaat niet in "
     "rlz-2027-mantelzorg"),
])
def test_one_wrong_reference_gives_one_error(tmp_path: Path, fout: str, code: str, melding: str) -> None:
    goed = {"T002": "Artikel 5.5, tweede lid, blijft", "T001": "lid, onderdeel e, 20 procent"}[code]
    tekst = RGL.read_text(encoding="utf-8")
    assert goed in tekst
    (tmp_path / RGL.name).write_text(tekst.replace(goed, fout), encoding="utf-8")
    bundle = load_bundle(tmp_path)
    errors = [d for d in bundle.diagnostics if d.is_error]
    assert [(d.code, d.message) for d in errors] == [(code, melding)]
    assert errors[0].span.file == str(tmp_path / RGL.name)


def test_the_site_is_built_from_the_drafters_own_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """meerzorg docs --regeling MAP --casussen MAP: the variant and its cases on the site, nothing bundled touched
    (a copy of docs/ is the source, so the bundled docs/_generated stays as it is)."""
    import shutil

    from meerzorg_law.cli import main

    bron = tmp_path / "docs"
    shutil.copytree(bundled_paths()[0].parent / "docs", bron, ignore=shutil.ignore_patterns("_build*", "_generated"))
    uit = tmp_path / "site"
    assert main(["--regeling", str(VARIANT), "docs", "--bron", str(bron), "--casussen", str(VARIANT),
                 "--uit", str(uit)]) == 0
    capsys.readouterr()
    # The drafter's own case file has its own page, linked from the overview.
    casussen = "".join(p.read_text(encoding="utf-8") for p in (uit / "_generated" / "casussen").glob("*.html"))
    assert "VG7 thuis, mantelzorger overbelast, 41 uur" in casussen
    assert "_generated/casussen/" in (uit / "casussen.html").read_text(encoding="utf-8")
    assert ID in (uit / "index.html").read_text(encoding="utf-8")


def test_generated_clients_cover_what_the_variant_adds() -> None:
    """The Hypothesis strategies of meerzorg eigenschappen come from the declarations of each version, so the
    variant's new enumeration value and new fact are drawn (with their declared range)."""
    from hypothesis import find, settings

    from meerzorg_law.cases.load import parse_value
    from meerzorg_law.properties.strategies import facts_strategy

    reg = load_bundle(VARIANT).versions[ID]
    decl = reg.facts["mantelzorg_uren_per_week"]
    twintig = parse_value("20", decl.type, reg.enums)
    gevonden = find(facts_strategy(reg), lambda f: f.get("bijzondere_situatie") == "mantelzorg_overbelast"
                    and "mantelzorg_uren_per_week" in f and f["mantelzorg_uren_per_week"] >= twintig,  # type: ignore[operator]
                    settings=settings(max_examples=300, database=None))
    assert decl.bereik is not None and gevonden["mantelzorg_uren_per_week"] <= decl.bereik[1]  # type: ignore[operator]


def test_the_variants_eigenschappen_hold_as_declared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The variant breaks an eigenschap of rlz-2026 on purpose and says so in its own file (an eigenschap with
    the same name replaces the inherited one); every other eigenschap is proved for the variant."""
    from meerzorg_law.cli import main

    code = main(["--regeling", str(VARIANT), "eigenschappen", "--versie", ID, "--uit", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "geschonden (verwacht)  thuis_dan_instelling" in out
    assert "0 geschonden, 1 geschonden (verwacht)" in out


def test_vergelijk_shows_the_gegevens_changes(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from meerzorg_law.cli import main

    assert main(["--regeling", str(VARIANT), "vergelijk", "rlz-2026", ID, str(VARIANT), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert {(g["soort"], g["nieuw"]) for g in payload["gegevens"]} == {
        ("nieuw", "– mantelzorg_overbelast: mantelzorger dreigt overbelast te raken"),
        ("nieuw", "invoer mantelzorg_uren_per_week: decimaal van 0 tot en met 168 – uren mantelzorg per week")}
    assert main(["--regeling", str(VARIANT), "vergelijk", "rlz-2026", ID, str(VARIANT)]) == 0
    assert "gegevens (2 gewijzigd)" in capsys.readouterr().out
