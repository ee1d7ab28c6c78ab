"""versions.afleiden: an edited copy of a version -> the wijzigingsregeling between them.

good/: edited copies of ``good/basis.rgl`` whose derived wijzigingsregeling is golden (``*.afgeleid.rgl``) and
consolidates back to the edited copy; bad/: edits no instruction can express, with the A001 diagnostics written
inline. The round trip runs over every bundled variant: deriving from its consolidated text and consolidating
again gives the same version.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import actual, inline_expectations
from meerzorg_law.semantics.pipeline import Bundle, load_bundle
from meerzorg_law.span import ProvisionRef
from meerzorg_law.syntax import ast
from meerzorg_law.syntax.parse import parse_file, parse_text
from meerzorg_law.syntax.printer import print_document
from meerzorg_law.versions._afleiden_delen import substitutie
from meerzorg_law.versions.afleiden import afleiden, zelfde_versie
from meerzorg_law.versions.consolidate import consolidate

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
BASIS = HERE / "good" / "basis.rgl"
GOOD = sorted((HERE / "afleiden" / "good").glob("*.bewerkt.rgl"))
BAD = sorted((HERE / "afleiden" / "bad").glob("*.bewerkt.rgl"))


def _regeling(path: Path) -> ast.Regeling:
    doc, diagnostics = parse_file(str(path))
    assert isinstance(doc, ast.Regeling) and not diagnostics, [d.message for d in diagnostics]
    return doc


def _afleiden(base: ast.Regeling, bewerkt: ast.Regeling) -> tuple[ast.Wijzigingsregeling | None, list[str]]:
    w, diags = afleiden(base, bewerkt, bewerkt.versie, bewerkt.geldig_vanaf, bewerkt.variant)
    return w, [f"{d.code} {d.message}" for d in diags]


def _terug(base: ast.Regeling, printed: str) -> ast.Regeling:
    """The derived file as written, parsed and consolidated onto ``base`` again."""
    w, diags = parse_text(printed, "afgeleid.rgl")
    assert isinstance(w, ast.Wijzigingsregeling) and not diags, [d.message for d in diags]
    result, found = consolidate(base, w)
    assert result is not None, [f"{d.code} {d.message}" for d in found]
    return result


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good(path: Path, update_golden: bool) -> None:
    base, bewerkt = _regeling(BASIS), _regeling(path)
    w, fouten = _afleiden(base, bewerkt)
    assert w is not None, fouten
    printed = print_document(w)
    golden = path.with_name(path.name.replace(".bewerkt.", ".afgeleid."))
    if update_golden:
        golden.write_text(printed, encoding="utf-8")
    assert golden.exists(), f"{golden.name} ontbreekt; draai pytest met --update-golden"
    assert printed == golden.read_text(encoding="utf-8")
    assert zelfde_versie(_zonder_voorstel(_terug(base, printed)), _zonder_voorstel(bewerkt))


def _zonder_voorstel(x: Any) -> Any:
    """``x`` with every bare "herkomst voorstel" taken away: what an instruction brings in without a herkomst of
    its own becomes a voorstel in the consolidated text (versions.herkomst), the copy says nothing."""
    if isinstance(x, tuple):
        return tuple(_zonder_voorstel(v) for v in x)
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        changes = {f.name: _zonder_voorstel(getattr(x, f.name)) for f in dataclasses.fields(x)}
        if isinstance(x, ast.Herkomst) and x.soort == "voorstel" and not x.bronnen and not x.noot:
            return None
        return dataclasses.replace(x, **changes)
    return x


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad(path: Path) -> None:
    expected = inline_expectations(path)
    assert expected, f"{path.name} noemt geen '# FOUT Annn: ...'"
    w, diags = afleiden(_regeling(BASIS), _regeling(path), "rlz-2027", datetime.date(2027, 1, 1), True)
    assert w is None
    assert actual(diags, path) == expected


def test_the_smallest_instruction_per_change() -> None:
    """What each good file is about, said once more in words (so a golden file cannot drift unnoticed)."""
    def instructies(name: str) -> list[ast.Instructie]:
        w, fouten = _afleiden(_regeling(BASIS), _regeling(HERE / "afleiden" / "good" / f"{name}.bewerkt.rgl"))
        assert w is not None, fouten
        return [i for a in w.artikelen for o in a.wijzigingen for i in o.instructies]

    [vervangen] = instructies("vervangen")
    assert isinstance(vervangen, ast.Vervangen) and (vervangen.oud, vervangen.nieuw) == ("VG7", "VG7 of VG9")
    assert vervangen.items is not None  # the rule changed with the words: "met regels:"
    [luidt] = instructies("komt_te_luiden")
    assert isinstance(luidt, ast.KomtTeLuiden)
    vervalt = instructies("vervalt_verlettering")
    assert [type(i) for i in vervalt] == [ast.Vervalt]
    assert isinstance(vervalt[0], ast.Vervalt) and len(vervalt[0].hernummering) == 1
    assert [type(i) for i in instructies("vernummerd")] == [ast.Vernummerd, ast.Ingevoegd]
    # Renumbered and edited: the verlettering, then the smallest instruction on the new letter (was: onderdeel
    # b vervalt and onderdeel a komt te luiden with b's edited text).
    vervalt, vervangen = instructies("vervalt_verlettering_gewijzigd")
    assert isinstance(vervalt, ast.Vervalt) and vervalt.doel.ref.citeer() == "artikel 2.6, onderdeel a"
    assert [(a.citeer(), b.citeer()) for a, b in vervalt.hernummering] == [
        ("artikel 2.6, onderdeel b", "artikel 2.6, onderdeel a")]
    assert isinstance(vervangen, ast.Vervangen) and vervangen.doel.ref.citeer() == "artikel 2.6, onderdeel a"
    assert (vervangen.oud, vervangen.nieuw) == ("heeft, heeft", "heeft, behoudt het")
    assert [type(i) for i in instructies("ingevoegd")] == [ast.Ingevoegd, ast.Ingevoegd]
    assert {type(i) for i in instructies("tabel_gegevens")} == {ast.GegevensWijziging, ast.TabelWijziging}


def test_substitution_takes_whole_words_found_once() -> None:
    assert substitutie("van ten hoogste drie jaar.", "van ten hoogste vijf jaar.") == ("drie", "vijf")
    # "jaar" twice: the passage grows until it is found once.
    assert substitutie("een jaar of drie jaar", "een jaar of vijf jaar") == ("drie", "vijf")
    assert substitutie("een jaar en een jaar", "een jaar en twee jaar") == ("en een", "en twee")
    # A pure insertion takes in the word before it.
    assert substitutie("met zorgprofiel VG7 heeft", "met zorgprofiel VG7 of VG9 heeft") == ("VG7", "VG7 of VG9")
    assert substitutie(" ".join(["woord"] * 3 + [f"w{n}" for n in range(20)]), "iets heel anders") is None


# --------------------------------------------------------------------------------------------------
# The round trip over every bundled variant
# --------------------------------------------------------------------------------------------------

_BUNDELS: dict[str, Bundle] = {}


def _bundel(pad: str) -> Bundle:
    if pad not in _BUNDELS:
        _BUNDELS[pad] = load_bundle(ROOT / pad)
    return _BUNDELS[pad]


def _wijziging(f: Path) -> bool:
    return any(line.startswith("wijzigingsregeling ") for line in f.read_text(encoding="utf-8").splitlines())


VARIANTEN = [("regeling", f.stem) for f in sorted((ROOT / "regeling").glob("*.rgl")) if _wijziging(f)] + [
    ("tests/workflow/variant", "rlz-2027-mantelzorg"), ("tests/versions/zelfstandig", "rlz-2027-termijn")]


def test_every_bundled_variant_is_in_the_round_trip() -> None:
    ids = {v for _, v in VARIANTEN}
    assert {"rlz-2027", "rlz-2026-ggzw-tekst", "rlz-2027-variant-a", "rlz-2027-variant-d"} <= ids
    for pad in ("regeling", "tests/workflow/variant", "tests/versions/zelfstandig"):
        assert {v.id for v in _bundel(pad).catalog if v.basis} <= ids


@pytest.mark.parametrize(("pad", "versie"), VARIANTEN, ids=[v for _, v in VARIANTEN])
def test_round_trip(pad: str, versie: str) -> None:
    """The consolidated text of a variant, printed as the drafter's copy, derived against its basis and
    consolidated again: the same version, printed the same."""
    bundle = _bundel(pad)
    catalog = {v.id: v for v in bundle.catalog}
    base, doel = bundle.consolidated[catalog[versie].basis], bundle.consolidated[versie]
    kopie, diags = parse_text(print_document(doel), "kopie.rgl")
    assert isinstance(kopie, ast.Regeling) and not diags
    # Rules in Artikel II (overgangsrecht) stand outside the consolidated text: the drafter writes them in the
    # derived file, as they were in the variant.
    kopie = dataclasses.replace(kopie, zelfstandig=doel.zelfstandig)
    w, fouten = _afleiden(base, kopie)
    assert w is not None, fouten
    terug = _terug(base, print_document(w))
    assert zelfde_versie(terug, doel)
    assert print_document(terug) == print_document(doel)


def test_new_wording_of_official_text_is_a_voorstel() -> None:
    """An officieel provision of the bundled rlz-2026 edited in the copy: a few words give a substitution (the
    provision stays officieel, the words are a voorstel); a new wording "komt te luiden" as a voorstel, even
    when the copy left "herkomst officieel" standing."""
    base = _bundel("regeling").consolidated["rlz-2026"]
    oud = "De zorgprofielen, bedoeld in artikel 3.1.1, eerste lid, van het Besluit, zijn opgenomen in bijlage A"
    for nieuw, soort in ((oud.replace("zijn opgenomen", "staan"), ast.Vervangen),
                         ("Meer zorg is mogelijk boven elk zorgprofiel dat in bijlage A is genoemd", ast.KomtTeLuiden)):
        tekst = print_document(base)
        assert " ".join(tekst.split()).count(oud) == 1
        kopie, _ = parse_text(re.sub(r"\s+".join(map(re.escape, oud.split())), nieuw, tekst, count=1)
                              .replace("versie rlz-2026\n", "versie rlz-2028\n"), "kopie.rgl")
        assert isinstance(kopie, ast.Regeling)
        w, fouten = _afleiden(base, kopie)
        assert w is not None, fouten
        [instructie] = [i for a in w.artikelen for o in a.wijzigingen for i in o.instructies]
        assert isinstance(instructie, soort)
        artikel = next(p for p in _terug(base, print_document(w)).alle_artikelen() if p.nummer == "2.1")
        assert artikel.herkomst is not None
        if soort is ast.Vervangen:
            assert artikel.herkomst.soort == "officieel"
            assert [d.woorden for d in artikel.herkomst.delen] == ["staan"]
        else:
            assert artikel.herkomst.soort == "voorstel"


def test_a_changed_rangorde_comes_to_read_anew() -> None:
    """A rangorde (the order of the toets, no text) changed in the copy: the lid that holds it komt te luiden,
    and consolidating that gives the copy again."""
    base = _bundel("regeling").consolidated["rlz-2026"]
    c, d = "artikel 2.2, eerste lid, onderdeel c", "artikel 2.2, eerste lid, onderdeel d"
    tekst = print_document(base)
    assert tekst.count(f"{c}; {d}") == 1
    kopie, _ = parse_text(tekst.replace(f"{c}; {d}", f"{d}; {c}")
                          .replace("versie rlz-2026\n", "versie rlz-2028\n"), "kopie.rgl")
    assert isinstance(kopie, ast.Regeling)
    w, fouten = _afleiden(base, kopie)
    assert w is not None, fouten
    [instructie] = [i for a in w.artikelen for o in a.wijzigingen for i in o.instructies]
    assert isinstance(instructie, ast.KomtTeLuiden) and instructie.doel.ref.citeer() == "artikel 2.2, eerste lid"
    assert zelfde_versie(_zonder_voorstel(_terug(base, print_document(w))), _zonder_voorstel(kopie))


def test_changes_in_the_begrippenlijst_are_derived_by_term() -> None:
    """rlz-2027 against rlz-2026: the begrippen of artikel 1.1 change by their term: "komt te luiden" for the
    telbare zorgbehoefte, one "in de alfabetische volgorde ingevoegd" for the three new begrippen (in the
    order of the list), and a begrip the copy leaves out lapses; never a renumbering or an onderdeel."""
    bundle = _bundel("regeling")
    base, doel = bundle.consolidated["rlz-2026"], bundle.consolidated["rlz-2027"]
    kopie, diags = parse_text(print_document(doel), "kopie.rgl")
    assert isinstance(kopie, ast.Regeling) and not diags
    artikel = next(a for a in kopie.alle_artikelen() if a.nummer == "1.1")
    zonder = dataclasses.replace(artikel, begrippen=tuple(b for b in artikel.begrippen
                                                          if b.term != "opzichzelfstaand toezicht"))
    kopie = dataclasses.replace(kopie, zelfstandig=doel.zelfstandig, hoofdstukken=tuple(
        dataclasses.replace(h, artikelen=tuple(zonder if a is artikel else a for a in h.artikelen))
        for h in kopie.hoofdstukken))
    w, fouten = _afleiden(base, kopie)
    assert w is not None, fouten
    alle = [i for wa in w.artikelen for wz in wa.wijzigingen for i in wz.instructies]
    op_11 = [i for i in alle if (i.artikel.ref if isinstance(i, ast.AlfabetischIngevoegd)
                                 else getattr(getattr(i, "doel", None), "ref", None)) in
             (ProvisionRef("1.1"), *(ProvisionRef("1.1", begrip=b.term) for b in artikel.begrippen))]
    soorten = sorted((type(i).__name__, i.doel.ref.begrip if hasattr(i, "doel") else
                      tuple(b.term for b in i.begrippen)) for i in op_11)
    assert soorten == [
        ("AlfabetischIngevoegd", ("aard en inhoud van het zorgprofiel", "bijzondere situatie", "zorgbehoefte thuis")),
        ("KomtTeLuiden", "telbare zorgbehoefte"),
        ("Vervalt", "opzichzelfstaand toezicht")]
    terug = _terug(base, print_document(w))
    assert [b.term for b in next(a for a in terug.alle_artikelen() if a.nummer == "1.1").begrippen] == [
        b.term for b in zonder.begrippen]


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_the_derived_onderdelen_read_as_the_document_renders_them(path: Path) -> None:
    """One wording (syntax/formules.py): the tekst the derivation writes in each onderdeel is the sentence the
    document model (the .docx, the site, Akoma Ntoso) renders for its instructions, numbered when several."""
    from meerzorg_law.document import build_amendment
    from meerzorg_law.document.model import zin_tekst

    base, bewerkt = _regeling(BASIS), _regeling(path)
    w, fouten = _afleiden(base, bewerkt)
    assert w is not None, fouten
    nieuw, found = consolidate(base, w)
    assert nieuw is not None, found
    model = build_amendment(w, {w.basis: base, w.versie: nieuw}, {})
    for wijziging, part in zip(w.artikelen[0].wijzigingen, model.artikelen[0].parts, strict=True):
        zinnen = [zin_tekst(m.zin) for m in part.mods]
        verwacht = zinnen[0] if len(zinnen) == 1 else [f"{n}. {z}" for n, z in enumerate(zinnen, 1)]
        gelezen = wijziging.tekst if len(zinnen) == 1 else wijziging.tekst.splitlines()[1:]
        assert gelezen == verwacht, wijziging.letter
        if len(zinnen) > 1:  # the lead is the first line only: the numbered sentences are not shown twice
            assert part.tekst == wijziging.tekst.splitlines()[0], wijziging.letter
