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
            for s in o.subonderdelen:
                yield s.span.provision, _own(s)
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


def _moves(old: dict[ProvisionRef, tuple[str, str]],
           new: dict[ProvisionRef, tuple[str, str]]) -> dict[ProvisionRef, ProvisionRef]:
    """new ref -> old ref for content that left its old number and now stands, unchanged, under another one
    (a renumbering, as after "wordt vernummerd"): pairing by number alone would show a change and an insertion."""
    left = {ref: content for ref, content in old.items() if new.get(ref) != content}
    moves: dict[ProvisionRef, ProvisionRef] = {}
    for ref, content in new.items():
        if old.get(ref) == content or not any(content):
            continue
        source = next((o for o, c in left.items() if c == content and o != ref and o not in moves.values()), None)
        if source is not None:
            moves[ref] = source
    return moves


def _item(ref: ProvisionRef, soort: str, old: tuple[str, str], new: tuple[str, str],
          was: ProvisionRef | None = None) -> ProvisionDiff:
    return ProvisionDiff(ref, soort, old[0], new[0], _diff(old[0], new[0], False), old[1], new[1],
                         _diff(old[1] + "\n" if old[1] else "", new[1] + "\n" if new[1] else "", True), was)


def renvooi(base: ast.Regeling, new: ast.Regeling) -> tuple[ProvisionDiff, ...]:
    """Every provision whose text or rules differ, in the order of the new version (removed ones last)."""
    old = dict(_provisions(base))
    now = dict(_provisions(new))
    moves = _moves(old, now)
    moved_away = set(moves.values())
    empty = ("", "")
    result: list[ProvisionDiff] = []
    for ref, content in now.items():
        if ref in moves:
            result.append(_item(ref, "vernummerd", old[moves[ref]], content, moves[ref]))
        elif ref not in old or ref in moved_away:
            result.append(_item(ref, "ingevoegd", empty, content))
        elif old[ref] != content:
            result.append(_item(ref, "gewijzigd", old[ref], content))
    for ref, content in old.items():
        if ref not in now and ref not in moved_away:
            result.append(_item(ref, "vervallen", content, empty))
    return tuple(result)
