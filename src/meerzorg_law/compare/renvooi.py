"""Renvooi: for every provision that differs between two consolidated versions, the old and the new wording
with deletions and insertions marked, for the legal text and for the formal rules (printer output).

A reader of the document model (``document.act_against``): the status of each provision (new, changed,
lapsed, renumbered) comes from there, so a lid that lapses "onder vernummering" is reported as lapsed with
its whole text, and the lid that takes its number as renumbered from its old number."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document.build import act_against
from ..document.model import Provision, Table
from ..span import ProvisionRef
from ..syntax import ast

__all__ = ["ProvisionDiff", "Segment", "renvooi"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text: ``soort`` is gelijk, weg (deleted) or nieuw (inserted)."""

    soort: str
    tekst: str


@dataclass(frozen=True, slots=True)
class ProvisionDiff:
    """One changed provision. ``soort``: gewijzigd, ingevoegd, vervallen or vernummerd (then ``was`` is the old
    number; the content may also have changed)."""

    ref: ProvisionRef
    soort: str
    tekst_oud: str
    tekst_nieuw: str
    tekst: tuple[Segment, ...]
    regels_oud: str
    regels_nieuw: str
    regels: tuple[Segment, ...]
    was: ProvisionRef | None = None

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


_SOORT = {"changed": "gewijzigd", "new": "ingevoegd", "lapsed": "vervallen", "renumbered": "vernummerd"}


def _item(ref: ProvisionRef, soort: str, old: tuple[str, str], new: tuple[str, str],
          was: ProvisionRef | None = None) -> ProvisionDiff:
    return ProvisionDiff(ref, soort, old[0], new[0], _diff(old[0], new[0], False), old[1], new[1],
                         _diff(old[1] + "\n" if old[1] else "", new[1] + "\n" if new[1] else "", True), was)


def _walk(ps: tuple[Provision, ...]) -> Iterator[Provision]:
    for p in ps:
        yield p
        yield from _walk(p.kinderen)


def _rows(tabellen: tuple[Table, ...], oud: bool) -> str:
    """The tables of a bijlage row by row, values only (as the renvooi of a bijlage shows them)."""
    out = []
    for t in tabellen:
        eerst = 2 if len(t.kolommen) > 1 and t.kolommen[1] == "Omschrijving" else 1
        out.append(f"tabel {t.naam}")
        rijen = t.rijen_oud if oud and t.rijen_oud is not None else t.rijen
        out += [f"rij {r[0]}: {', '.join(r[eerst:])}" for r in rijen]
    return "\n".join(out)


def renvooi(base: ast.Regeling, new: ast.Regeling) -> tuple[ProvisionDiff, ...]:
    """Every provision whose text or rules differ, in the order of the new version, a lapsed one where it
    stood."""
    act = act_against(new, base)
    result: list[ProvisionDiff] = []
    for p in _walk(act.kinderen):
        if p.ref is None or p.status == "unchanged":
            continue
        # A begrip of a begrippenlijst reads "term: omschrijving", in the renvooi too.
        term = f"{p.was or p.nummer}: " if p.soort == "definition" else ""
        oud = (term + p.tekst_oud if p.tekst_oud else "", p.regels_oud) if p.status != "new" else ("", "")
        term = f"{p.nummer}: " if p.soort == "definition" else ""
        nieuw = (term + p.tekst if p.tekst else "", p.regels) if p.status != "lapsed" else ("", "")
        result.append(_item(p.ref, _SOORT[p.status], oud, nieuw, p.ref_oud))
    for b in act.bijlagen:
        if b.status == "unchanged" or b.ref is None:
            continue
        oud = (b.tekst_oud, _rows(b.tabellen, True)) if b.status != "new" else ("", "")
        nieuw = (b.tekst, _rows(b.tabellen, False)) if b.status != "lapsed" else ("", "")
        result.append(_item(b.ref, _SOORT[b.status], oud, nieuw))
    return tuple(result)
