"""An outcome's rule tree -> a picture of the decision path (SVG, made here, no network, no Graphviz).

The default-logic tree is read in the order it decides: exceptions before the rules they deviate from, rules of
equal rank side by side. Each step is a box per rule (its provision and the value it gives); the first rule
that applies decides, so the path runs down through "niet van toepassing" until one does. With a trace, the
rules that case looked at are marked (✗ not applicable, ✓ the one that decided) and the rest is greyed out.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .. import ir
from ..engine.trace import OutcomeStep
from ..escape import xml as escape
from ..types import TypeKind
from .rule_text import naam, uitdrukking
from .waarden import toon_enum

__all__ = ["Stap", "beslispad_gebruik", "beslispad_svg", "beslispad_symbool", "hoofduitkomst", "stappen"]

_BREEDTE = 640
_MARGE = 12
_REGEL = 15  # line height of the text in a box
_TUSSEN = 30  # vertical room for the arrow between two steps
_TEKENS = 80  # characters per line in a full-width box (about 7 px per character at 12 px)


@dataclass(frozen=True, slots=True)
class Stap:
    """Rules of equal rank, looked at together; the first step that has an applicable rule decides."""

    regels: tuple[ir.Rule, ...]


def _vlak(node: ir.Node) -> list[Stap]:
    return _VLAK.visit(node, None)


class _Vlak(ir.NodeVisitor[None, list[Stap]]):
    """A rule is one step; a group its exceptions' steps before its members'."""

    def leaf(self, n: ir.Leaf, _: None) -> list[Stap]:
        return [Stap((n.rule,))]

    def group(self, n: ir.Group, _: None) -> list[Stap]:
        return _rij(n.exceptions) + _rij(n.members)


_VLAK = _Vlak()


def _rij(nodes: tuple[ir.Node, ...]) -> list[Stap]:
    """Siblings are of equal rank: leaves together in one step; a sub-tree keeps its own order."""
    if nodes and all(isinstance(n, ir.Leaf) for n in nodes):
        return [Stap(tuple(n.rule for n in nodes if isinstance(n, ir.Leaf)))]
    out: list[Stap] = []
    for n in nodes:
        out += _vlak(n)
    return out


def stappen(tree: ir.OutcomeTree) -> list[Stap]:
    """The rules of one outcome in the order they are tried."""
    return _rij(tree.nodes)


def hoofduitkomst(regeling: ir.Regeling) -> str:
    """The outcome with the richest tree (for the bundled regeling: the reason of the decision)."""
    return max(regeling.trees, key=lambda o: (sum(len(s.regels) for s in stappen(regeling.trees[o])), o))


def _waarde(regeling: ir.Regeling, rule: ir.Rule) -> str:
    if isinstance(rule.value, ir.Const) and rule.value.type.kind is TypeKind.ENUM and isinstance(rule.value.value, str):
        return toon_enum(regeling, rule.value.type.enum, rule.value.value)
    return uitdrukking(regeling, rule.value)


_STIJL = ("<style>.bp-titel{font:bold 13px sans-serif}.bp-bepaling{font:bold 12px sans-serif}"
          ".bp-waarde,.bp-label{font:12px sans-serif}.bp-label{fill:#555}"
          "rect{fill:#f6f8fa;stroke:#8c959f}.bp-beslist rect{fill:#dafbe1;stroke:#1a7f37;stroke-width:3}"
          ".bp-niet rect{fill:#fff;stroke:#cf222e;stroke-dasharray:4 2}.bp-overgeslagen{opacity:.4}"
          ".bp-pijl{stroke:#57606a;stroke-width:1.5}</style>")
# A case's marks as custom properties on <use>: they reach into the shared symbol's rules (one drawing per
# version on a page, a few hundred bytes per case instead of the whole picture again).
_VARS = {"beslist": "--bp-f{r}:#dafbe1;--bp-s{r}:#1a7f37;--bp-w{r}:3;--bp-j{r}:1",
         "niet": "--bp-f{r}:#fff;--bp-s{r}:#cf222e;--bp-n{r}:1", "overgeslagen": "--bp-o{r}:.4"}


def _stand(rule_id: int | None, spoor: OutcomeStep | None) -> str:
    if spoor is None:
        return "neutraal"
    beslist = spoor.decided_by.rule_id if spoor.decided_by is not None else None
    if rule_id == beslist:
        return "beslist"
    return "niet" if any(r.rule_id == rule_id for r in spoor.rules) else "overgeslagen"


def _teken(regeling: ir.Regeling, outcome: str, spoor: OutcomeStep | None, symbool: bool) -> tuple[str, int]:
    """The drawing's elements and its height. With ``symbool`` every rule is styled through custom properties
    (``--bp-f<id>`` …) so a ``<use>`` can mark a case's path; else through classes for ``spoor``."""
    tree = regeling.trees[outcome]
    alle = stappen(tree)
    delen: list[str] = []
    y = _MARGE + 22
    delen.append(f'<text x="{_MARGE}" y="{_MARGE + 10}" class="bp-titel">'
                 f'{escape(f"Beslispad: {naam(regeling, outcome)}")}</text>')

    def vak(rid: int | None, x: float, w: float, h: int, regels: list[str]) -> None:
        r = "s" if rid is None else str(rid)
        if symbool:
            delen.append(f'<g style="opacity:var(--bp-o{r},1)"><rect x="{x:.0f}" y="{y}" width="{w:.0f}" '
                         f'height="{h}" rx="5" style="fill:var(--bp-f{r},#f6f8fa);stroke:var(--bp-s{r},#8c959f);'
                         f'stroke-width:var(--bp-w{r},1)"/>'
                         f'<text x="{x + 6:.0f}" y="{y + 17}" class="bp-bepaling" style="opacity:var(--bp-j{r},0)">'
                         f'✓</text><text x="{x + 6:.0f}" y="{y + 17}" class="bp-bepaling" '
                         f'style="opacity:var(--bp-n{r},0)">✗</text>')
        else:
            delen.append(f'<g class="bp-{_stand(rid, spoor) if rid is not None or spoor is None else stand_s}">'
                         f'<rect x="{x:.0f}" y="{y}" width="{w:.0f}" height="{h}" rx="5"/>')
            merk = {"beslist": "✓", "niet": "✗"}.get(_stand(rid, spoor) if rid is not None else stand_s, "")
            if merk:
                delen.append(f'<text x="{x + 6:.0f}" y="{y + 17}" class="bp-bepaling">{merk}</text>')
        for k, tekst in enumerate(regels):
            cls = "bp-bepaling" if k == 0 else "bp-waarde"
            delen.append(f'<text x="{x + 20:.0f}" y="{y + 17 + k * _REGEL}" class="{cls}">{escape(tekst)}</text>')
        delen.append("</g>")

    stand_s = "beslist" if spoor is not None and spoor.decided_by is None else (
        "overgeslagen" if spoor is not None else "neutraal")
    for index, stap in enumerate(alle):
        n = len(stap.regels)
        w = (_BREEDTE - 2 * _MARGE - (n - 1) * 10) / n
        tekens = max(16, int(_TEKENS * w / (_BREEDTE - 2 * _MARGE)))
        inhoud = [[rule.provision.citeer(), *textwrap.wrap(f"→ {_waarde(regeling, rule)}", tekens)[:3]]
                  for rule in stap.regels]
        hoogte = max(len(regels) for regels in inhoud) * _REGEL + 12
        for i, (rule, regels) in enumerate(zip(stap.regels, inhoud, strict=True)):
            vak(rule.id, _MARGE + i * (w + 10), w, hoogte, regels)
        y += hoogte
        if index < len(alle) - 1 or tree.standaard is not None:
            midden = _BREEDTE / 2
            delen.append(f'<line x1="{midden}" y1="{y}" x2="{midden}" y2="{y + _TUSSEN - 4}" class="bp-pijl" '
                         f'marker-end="url(#bp-punt)"/>')
            delen.append(f'<text x="{midden + 8}" y="{y + 19}" class="bp-label">niet van toepassing</text>')
            y += _TUSSEN
    if tree.standaard is not None:
        vak(None, _MARGE, _BREEDTE - 2 * _MARGE, 28,
            [f"geen regel van toepassing: {uitdrukking(regeling, tree.standaard)}"])
        y += 28
    pijl = ('<defs><marker id="bp-punt" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto"><path d="M0 0L10 5L0 10z" fill="#57606a"/></marker></defs>')
    return _STIJL + pijl + "".join(delen), y + _MARGE


def _svg(inhoud: str, hoogte: int, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_BREEDTE} {hoogte}" width="{_BREEDTE}" '
            f'height="{hoogte}" role="img" aria-label="{escape(label)}">{inhoud}</svg>')


def _pad_tekst(regeling: ir.Regeling, spoor: OutcomeStep) -> str:
    d = spoor.decided_by
    return (f"beslist door {d.provision.citeer()}" if d is not None else "geen regel van toepassing") + (
        f"; niet van toepassing: {', '.join(r.provision.citeer() for r in spoor.rules if r is not d)}"
        if any(r is not d for r in spoor.rules) else "")


def beslispad_svg(regeling: ir.Regeling, outcome: str, spoor: OutcomeStep | None = None) -> str:
    """The SVG of the decision path of ``outcome``; with ``spoor`` (the case's trace of that outcome) its path."""
    inhoud, hoogte = _teken(regeling, outcome, spoor, symbool=False)
    label = f"Beslispad: {naam(regeling, outcome)}"
    return _svg(inhoud, hoogte, label + (f" ({_pad_tekst(regeling, spoor)})" if spoor is not None else ""))


def beslispad_symbool(regeling: ir.Regeling, outcome: str, sleutel: str) -> str:
    """The drawing once, as an invisible ``<symbol id=sleutel>`` that ``beslispad_gebruik`` shows per case."""
    inhoud, hoogte = _teken(regeling, outcome, None, symbool=True)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" style="position:absolute" '
            f'aria-hidden="true"><symbol id="{sleutel}" viewBox="0 0 {_BREEDTE} {hoogte}">{inhoud}</symbol></svg>')


def beslispad_gebruik(regeling: ir.Regeling, outcome: str, sleutel: str, spoor: OutcomeStep) -> str:
    """A case's path: the shared symbol with the rules it looked at marked (the deciding one green)."""
    _, hoogte = _teken(regeling, outcome, None, symbool=True)
    tree = regeling.trees[outcome]
    ids = [r.id for s in stappen(tree) for r in s.regels] + ([None] if tree.standaard is not None else [])
    stijl = ";".join(_VARS[st].format(r="s" if rid is None else rid) for rid in ids
                     if (st := _stand(rid, spoor) if rid is not None else
                         ("beslist" if spoor.decided_by is None else "overgeslagen")) in _VARS)
    label = f"Beslispad: {naam(regeling, outcome)} ({_pad_tekst(regeling, spoor)})"
    return _svg(f'<use href="#{sleutel}" style="{stijl}"/>', hoogte, label)
