"""Renvooi: for every provision that differs between two consolidated versions, the old and the new wording
with deletions and insertions marked, for the legal text and for the formal rules (printer output)."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..span import ProvisionRef
from ..syntax import ast
from ..syntax.printer import print_bepaling, print_expr

__all__ = ["ProvisionDiff", "Segment", "renvooi"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text: ``soort`` is gelijk, weg (deleted) or nieuw (inserted)."""

    soort: str
    tekst: str


@dataclass(frozen=True, slots=True)
class ProvisionDiff:
    """One changed provision. ``soort``: gewijzigd, ingevoegd or vervallen."""

    ref: ProvisionRef
    soort: str
    tekst_oud: str
    tekst_nieuw: str
    tekst: tuple[Segment, ...]
    regels_oud: str
    regels_nieuw: str
    regels: tuple[Segment, ...]

    @property
    def tekst_gewijzigd(self) -> bool:
        return self.tekst_oud != self.tekst_nieuw


_WORD = re.compile(r"\S+")


def _diff(old: str, new: str, by_line: bool) -> tuple[Segment, ...]:
    """Word-level (legal text, whitespace normalised: line breaks there are layout) or line-level (rules) diff
    as segments; adjacent runs are merged."""
    a = old.splitlines(keepends=True) if by_line else [w + " " for w in _WORD.findall(old)]
    b = new.splitlines(keepends=True) if by_line else [w + " " for w in _WORD.findall(new)]
    out: list[Segment] = []

    def add(soort: str, parts: list[str]) -> None:
        text = "".join(parts)
        if not text:
            return
        if out and out[-1].soort == soort:
            out[-1] = Segment(soort, out[-1].tekst + text)
        else:
            out.append(Segment(soort, text))

    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            add("gelijk", a[i1:i2])
        else:
            add("weg", a[i1:i2])
            add("nieuw", b[j1:j2])
    if out and not by_line:
        out[-1] = Segment(out[-1].soort, out[-1].tekst.rstrip(" "))
    return tuple(out)


def _own(b: ast.Artikel | ast.Lid | ast.Onderdeel | ast.Subonderdeel) -> tuple[str, str]:
    """A provision's own legal text and its own rules, without its sub-provisions."""
    if isinstance(b, ast.Subonderdeel):
        shell: ast.Artikel | ast.Lid | ast.Onderdeel = ast.Onderdeel(b.nummer, "", "", b.items, (), b.span)
    elif isinstance(b, ast.Artikel):
        shell = dataclasses.replace(b, tekst="", toelichting="", leden=(), onderdelen=())
    elif isinstance(b, ast.Lid):
        shell = dataclasses.replace(b, tekst="", toelichting="", onderdelen=())
    else:
        shell = dataclasses.replace(b, tekst="", toelichting="", subonderdelen=())
    printed = print_bepaling(shell).splitlines()
    rules = "\n".join(line.strip() for line in printed[1:] if line.strip())
    return b.tekst, rules


def _provisions(reg: ast.Regeling) -> Iterator[tuple[ProvisionRef, tuple[str, str]]]:
    for a in reg.alle_artikelen():
        yield a.span.provision, _own(a)
        for o in a.onderdelen:
            yield o.span.provision, _own(o)
        for lid in a.leden:
            yield lid.span.provision, _own(lid)
            for o in lid.onderdelen:
                yield o.span.provision, _own(o)
                for s in o.subonderdelen:
                    yield s.span.provision, _own(s)
    for bijlage in reg.bijlagen:
        rows = []
        for t in bijlage.tabellen:
            rows.append(f"tabel {t.name}")
            rows += [f"rij {r.key}: {', '.join(print_expr(v) for v in r.values)}" for r in t.rijen]
        yield ProvisionRef(bijlage=bijlage.letter), (bijlage.tekst, "\n".join(rows))


def renvooi(base: ast.Regeling, new: ast.Regeling) -> tuple[ProvisionDiff, ...]:
    """Every provision whose text or rules differ, in the order of the new version (removed ones last)."""
    old = dict(_provisions(base))
    result: list[ProvisionDiff] = []
    seen: set[ProvisionRef] = set()
    for ref, (tekst, regels) in _provisions(new):
        seen.add(ref)
        if ref not in old:
            result.append(ProvisionDiff(ref, "ingevoegd", "", tekst, _diff("", tekst, False), "", regels,
                                        _diff("", regels, True)))
            continue
        o_tekst, o_regels = old[ref]
        if (o_tekst, o_regels) != (tekst, regels):
            result.append(ProvisionDiff(ref, "gewijzigd", o_tekst, tekst, _diff(o_tekst, tekst, False),
                                        o_regels, regels, _diff(o_regels + "\n", regels + "\n", True)))
    for ref, (tekst, regels) in old.items():
        if ref not in seen:
            result.append(ProvisionDiff(ref, "vervallen", tekst, "", _diff(tekst, "", False), regels, "",
                                        _diff(regels, "", True)))
    return tuple(result)
