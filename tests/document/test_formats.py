"""Every instruction kind has one wording, and every registered format renders every kind.

The amendments are the good consolidation cases of tests/versions/good (one file per kind of instruction,
together every kind). Each is rendered through every format registered anywhere in the package (``FORMATS``
after importing every module); the text read back from the
output must hold each instruction's sentence and every provision it quotes. A format that lacks a node
class, or drops what a kind quotes, fails here by name.
"""

from __future__ import annotations

import html
import importlib
import pkgutil
import re
from pathlib import Path
from typing import get_args

import pytest

import meerzorg_law
from meerzorg_law.document import FORMATS, build_amendment
from meerzorg_law.document.model import NODE_CLASSES, Amendment, Provision, QuotedText, RowChange, zin_tekst
from meerzorg_law.document.wording import MOD_TYPES
from meerzorg_law.syntax import ast
from meerzorg_law.syntax.parse import parse_file
from meerzorg_law.versions.consolidate import consolidate

GOOD = Path(__file__).resolve().parents[1] / "versions" / "good"
BASIS = GOOD / "basis.rgl"
FILES = sorted(p for p in GOOD.glob("*.rgl") if p != BASIS and not p.name.endswith(".expected.rgl"))
KINDS = {t.__name__ for t in get_args(ast.Instructie)}
REQUIRED = {"tekst", "docx", "pdf", "akn", "site"}

# Every module is imported, so every format registered anywhere in the package is in FORMATS and rendered below.
for _info in pkgutil.walk_packages(meerzorg_law.__path__, "meerzorg_law."):
    if not _info.name.endswith("__main__"):
        importlib.import_module(_info.name)


def _amendment(path: Path) -> Amendment:
    basis, _ = parse_file(str(BASIS))
    doc, _ = parse_file(str(path))
    assert isinstance(basis, ast.Regeling) and isinstance(doc, ast.Wijzigingsregeling)
    nieuw, diags = consolidate(basis, doc)
    assert nieuw is not None and not diags
    return build_amendment(doc, {"rlz-2026": basis, "rlz-2027": nieuw}, {})


def _norm(s: str) -> str:
    """Whitespace normalised, quote marks dropped (in AKN they are attributes of quotedText)."""
    return " ".join(html.unescape(s).replace("“", "").replace("”", "").split())


def test_every_instruction_kind_has_an_akn_type() -> None:
    """Its one wording is a method of syntax.formules._Formule (tests/test_families.py)."""
    assert set(MOD_TYPES) == KINDS, "formules.MOD_TYPES mist of kent te veel soorten"


def test_every_required_format_is_registered_with_every_node_class() -> None:
    assert REQUIRED <= set(FORMATS), f"niet geregistreerd: {REQUIRED - set(FORMATS)}"
    for naam, fmt in FORMATS.items():
        missing = [c.__name__ for c in NODE_CLASSES if c not in fmt.TRANSFORMS]
        assert not missing, f"format {naam} mist {missing}"


def test_the_cases_cover_every_kind() -> None:
    seen = {m.soort for f in FILES for a in _amendment(f).artikelen for p in a.parts for m in p.mods}
    assert seen == KINDS


def _teksten(p: Provision) -> list[str]:
    return [t for t in (p.kop, p.tekst) if t] + [t for k in p.kinderen for t in _teksten(k)]


@pytest.mark.parametrize("naam", sorted(set(FORMATS) | REQUIRED))
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_format_renders_every_instruction(naam: str, path: Path) -> None:
    model = _amendment(path)
    fmt = FORMATS[naam]
    tekst = _norm(fmt.als_tekst(fmt().render(model)))
    for art in model.artikelen:
        for part in art.parts:
            for m in part.mods:
                zin = _norm(zin_tekst(m.zin))
                assert zin in tekst, f"{naam}: {m.soort}: {zin!r} ontbreekt"
                for q in m.quoted:
                    if isinstance(q, Provision):
                        for t in _teksten(q):
                            assert _norm(t) in tekst, f"{naam}: {m.soort}: geciteerde tekst {t[:60]!r} ontbreekt"
                    elif isinstance(q, RowChange):
                        assert q.key in tekst and all(_norm(c) in tekst for c in q.cellen), f"{naam}: rij {q.key}"
                    elif isinstance(q, QuotedText):
                        assert _norm(q.nieuw) in tekst
                    else:
                        assert all(_norm(z) in tekst for z in q.zinnen), f"{naam}: gegevens ontbreken"


def test_akn_ignores_no_marks_in_sentences() -> None:
    """The AKN text has no stray markup: a sentence with a citation reads as one line."""
    model = _amendment(GOOD / "vervangen.rgl")
    out = FORMATS["akn"]().render(model)
    assert re.search(rb"<mod eId=\"[^\"]+\">In <ref href=", out)


def test_the_begrippenlijst_instructions_read_as_the_aanwijzingen_write_them() -> None:
    """Inside an onderdeel on artikel 1.1 alone the begrip is cited without the artikel; the new begrippen are
    quoted as "term: omschrijving"; in the plain-text format the onderdeel reads as a drafter writes it."""
    a = _amendment(GOOD / "begrippen.rgl")
    [deel] = a.artikelen[0].parts
    assert [zin_tekst(m.zin) for m in deel.mods] == [
        "In de alfabetische volgorde wordt ingevoegd:",
        "De begripsomschrijving van ‘minderjarige’ komt te luiden:",
        "De begripsomschrijving van ‘bekostigingsuren’ vervalt.",
        "In de begripsomschrijving van ‘zorg thuis’ wordt “thuis” vervangen door “in de eigen woning”."]
    ingevoegd = [q for q in deel.mods[0].quoted if isinstance(q, Provision)]
    assert [(q.soort, q.nummer) for q in ingevoegd] == [("definition", "zorgaanbieder"), ("definition", "aanvraag"),
                                                        ("definition", "Mantelzorger")]
    tekst = FORMATS["tekst"]().render(a)
    assert "1. In de alfabetische volgorde wordt ingevoegd:" in tekst
    assert "aanvraag: een aanvraag om meer zorg;" in tekst and "Mantelzorger: degene die mantelzorg verleent;" in tekst
    # A single instruction on a begrip names the artikel first, as in "In artikel 1.1 vervalt ...".
    enkel = build_amendment(*_enkel("    artikel 1.1, begripsomschrijving van \"bekostigingsuren\" vervalt\n"))
    assert [zin_tekst(m.zin) for p in enkel.artikelen[0].parts for m in p.mods] == [
        "In artikel 1.1 vervalt de begripsomschrijving van ‘bekostigingsuren’."]


def _enkel(instructie: str) -> tuple[ast.Wijzigingsregeling, dict[str, ast.Regeling], dict[str, object]]:
    from meerzorg_law.syntax.parse import parse_text

    basis, _ = parse_file(str(BASIS))
    doc, diags = parse_text('wijzigingsregeling "W" versie rlz-2027 basis rlz-2026 geldig vanaf 2027-01-01\n'
                            "Artikel I\n  A.\n" + instructie, "enkel.rgl")
    assert isinstance(basis, ast.Regeling) and isinstance(doc, ast.Wijzigingsregeling) and not diags
    nieuw, found = consolidate(basis, doc)
    assert nieuw is not None and not found
    return doc, {"rlz-2026": basis, "rlz-2027": nieuw}, {}
