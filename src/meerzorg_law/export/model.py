"""Consolidated ASTs -> the documents as paragraphs: what the .docx, the HTML for the PDF and the tests share.

A document is a list of ``Alinea`` (a style and its text). The renvooi is a list of ``RenvooiAlinea``: runs
marked gelijk, weg (deleted) or nieuw (inserted), and whether the whole paragraph is new or gone; accepting
every change gives the new version's text, rejecting every change the old one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..syntax import ast
from ..syntax.printer import print_expr

__all__ = ["Alinea", "RenvooiAlinea", "Run", "gegevens_renvooi", "regeling_alineas", "renvooi_alineas", "tekst"]


@dataclass(frozen=True, slots=True)
class Alinea:
    """``stijl``: titel, kop (Artikel, Hoofdstuk, onderdeel-letter), tekst, citaat (new wording of a provision;
    citaat2 for its subonderdelen), klein (notes), ondertekening, tabelrij (cells split by tabs)."""

    stijl: str
    tekst: str


@dataclass(frozen=True, slots=True)
class Run:
    soort: str  # gelijk, weg, nieuw
    tekst: str


@dataclass(frozen=True, slots=True)
class RenvooiAlinea:
    stijl: str
    runs: tuple[Run, ...]
    soort: str = "gelijk"  # gelijk, gewijzigd, nieuw (inserted paragraph), weg (deleted paragraph)

    def oud(self) -> str:
        return "".join(r.tekst for r in self.runs if r.soort != "nieuw")

    def nieuw(self) -> str:
        return "".join(r.tekst for r in self.runs if r.soort != "weg")


def tekst(s: str) -> str:
    """Legal text as one line: the DSL's line breaks inside a tekst are layout."""
    return " ".join(s.split())


# --------------------------------------------------------------------------------------------------
# A regeling as paragraphs
# --------------------------------------------------------------------------------------------------


def bepaling_alineas(b: ast.Artikel | ast.Lid | ast.Onderdeel | ast.Subonderdeel, stijl: str = "tekst"
                     ) -> Iterator[Alinea]:
    """One provision and its parts as they read in the regeling: "Artikel 2.2. Meer zorg", "1. ...", "a. ..."."""
    if isinstance(b, ast.Artikel):
        yield Alinea("kop" if stijl == "tekst" else stijl, f"Artikel {b.nummer}. {b.titel}" if b.titel
                     else f"Artikel {b.nummer}")
        if b.tekst:
            yield Alinea(stijl, tekst(b.tekst))
        for lid in b.leden:
            yield from bepaling_alineas(lid, stijl)
        for o in b.onderdelen:
            yield from bepaling_alineas(o, stijl)
    elif isinstance(b, ast.Lid):
        yield Alinea(stijl, f"{b.nummer}. {tekst(b.tekst)}".rstrip())
        for o in b.onderdelen:
            yield from bepaling_alineas(o, stijl)
    elif isinstance(b, ast.Onderdeel):
        yield Alinea(stijl, f"{b.letter}. {tekst(b.tekst)}".rstrip())
        for s in b.subonderdelen:
            yield from bepaling_alineas(s, stijl)
    else:  # a subonderdeel stands one step further in when quoted
        yield Alinea("citaat2" if stijl == "citaat" else stijl, f"{b.nummer}. {tekst(b.tekst)}".rstrip())


def _artikelen(artikelen: tuple[ast.Artikel, ...]) -> Iterator[Alinea]:
    for a in artikelen:
        yield from bepaling_alineas(a)


def structuur_alineas(x: ast.Hoofdstuk | ast.Paragraaf) -> Iterator[Alinea]:
    if isinstance(x, ast.Hoofdstuk):
        yield Alinea("kop", f"Hoofdstuk {x.nummer}. {x.titel}".strip())
        yield from _artikelen(x.artikelen)
        for p in x.paragrafen:
            yield from structuur_alineas(p)
    else:
        yield Alinea("kop", f"§ {x.nummer}. {x.titel}".strip())
        yield from _artikelen(x.artikelen)


def declaratie_alineas(d: ast.Declaratie) -> Iterator[Alinea]:
    """The case interface, one paragraph per declaration or value (the renvooi shows gegevens changes too)."""
    if isinstance(d, ast.Enumeratie):
        yield Alinea("tekst", f"enumeratie {d.name}: {d.label}".rstrip(": "))
        for w in d.values:
            yield Alinea("tekst", f"– {w.name}: {w.label}".rstrip(": "))
    elif isinstance(d, ast.Invoer):
        bereik = f" van {d.bereik[0].text} tot en met {d.bereik[1].text}" if d.bereik else ""
        soort = " (optioneel)" if d.optioneel else ""
        yield Alinea("tekst", f"invoer {d.name}: {_type(d.type)}{bereik}{soort} – {d.label}".rstrip(" –"))
    elif isinstance(d, ast.Uitkomst):
        standaard = f", standaard {print_expr(d.standaard)}" if d.standaard is not None else ""
        yield Alinea("tekst", f"uitkomst {d.name}: {_type(d.type)}{standaard} – {d.label}".rstrip(" –"))
    else:
        yield Alinea("tekst", f"beperking {d.name}: {print_expr(d.expr)} – {d.label}".rstrip(" –"))


def _type(t: ast.TypeExpr) -> str:
    return t.name if t.kind == "enum" else {"bool": "waar/onwaar", "geheel": "geheel getal"}.get(t.kind, t.kind)


def regeling_alineas(reg: ast.Regeling) -> list[Alinea]:
    """The whole regeling: title, gegevens, structure with every provision, bijlagen with their tables."""
    out = [Alinea("titel", reg.titel), Alinea("kop", "Gegevens")]
    for d in reg.gegevens:
        out += declaratie_alineas(d)
    out += _artikelen(reg.artikelen)
    for h in reg.hoofdstukken:
        out += structuur_alineas(h)
    for b in reg.bijlagen:
        out.append(Alinea("kop", f"Bijlage {b.letter}. {tekst(b.titel)}".strip()))
        if b.tekst:
            out.append(Alinea("tekst", tekst(b.tekst)))
        for t in b.tabellen:
            out.append(Alinea("klein", f"Tabel {t.name}: {tekst(t.label)}".rstrip(": ")))
            for r in t.rijen:
                waarden = ", ".join(print_expr(v) for v in r.values)
                out.append(Alinea("klein", f"{r.key}: {waarden}" + (f" – {tekst(r.label)}" if r.label else "")))
    return out


# --------------------------------------------------------------------------------------------------
# Renvooi: the new version with the changes against the old one marked
# --------------------------------------------------------------------------------------------------

_WORD = re.compile(r"\S+\s*")


def _woorden(oud: str, nieuw: str) -> tuple[Run, ...]:
    a, b = _WORD.findall(oud), _WORD.findall(nieuw)
    runs: list[Run] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(Run("gelijk", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Run("weg", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(Run("nieuw", "".join(b[j1:j2])))
    return tuple(runs)


def renvooi_alineas(oud: ast.Regeling, nieuw: ast.Regeling) -> list[RenvooiAlinea]:
    """Every paragraph of both versions in order: unchanged, changed word by word, inserted or deleted."""
    return _renvooi(regeling_alineas(oud), regeling_alineas(nieuw))


def gegevens_renvooi(oud: ast.Regeling, nieuw: ast.Regeling) -> list[RenvooiAlinea]:
    """Only the changes to the gegevens (the case interface): what ``meerzorg vergelijk`` adds to its renvooi."""
    a = [x for d in oud.gegevens for x in declaratie_alineas(d)]
    b = [x for d in nieuw.gegevens for x in declaratie_alineas(d)]
    return [r for r in _renvooi(a, b) if r.soort != "gelijk"]


def _renvooi(a: list[Alinea], b: list[Alinea]) -> list[RenvooiAlinea]:
    ka, kb = [f"{x.stijl}\t{x.tekst}" for x in a], [f"{x.stijl}\t{x.tekst}" for x in b]
    out: list[RenvooiAlinea] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes():
        if op == "equal":
            out += [RenvooiAlinea(x.stijl, (Run("gelijk", x.tekst),)) for x in b[j1:j2]]
            continue
        paren = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paren):
            x, y = a[i1 + k], b[j1 + k]
            out.append(RenvooiAlinea(y.stijl, _woorden(x.tekst, y.tekst), "gewijzigd"))
        out += [RenvooiAlinea(x.stijl, (Run("weg", x.tekst),), "weg") for x in a[i1 + paren:i2]]
        out += [RenvooiAlinea(y.stijl, (Run("nieuw", y.tekst),), "nieuw") for y in b[j1 + paren:j2]]
    return out
