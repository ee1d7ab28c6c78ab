"""An outcome's rule tree -> a picture of the decision path (SVG, made here, no network, no Graphviz).

The default-logic tree is read in the order it decides: exceptions before the rules they deviate from, rules of
equal rank side by side. Each step is a box per rule (its provision and the value it gives); the first rule
that applies decides, so the path runs down through "niet van toepassing" until one does. With a trace, the
rules that case looked at are marked (✗ not applicable, ✓ the one that decided) and the rest is greyed out.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .. import ir
from ..engine.trace import OutcomeStep
from .rule_text import naam, uitdrukking
from .waarden import toon_enum

__all__ = ["Stap", "beslispad_svg", "hoofduitkomst", "stappen"]

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
    if isinstance(node, ir.Leaf):
        return [Stap((node.rule,))]
    return _rij(node.exceptions) + _rij(node.members)


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
    if isinstance(rule.value, ir.Const) and rule.value.type.kind == "enum" and isinstance(rule.value.value, str):
        return toon_enum(regeling, rule.value.type.enum, rule.value.value)
    return uitdrukking(regeling, rule.value)


def beslispad_svg(regeling: ir.Regeling, outcome: str, spoor: OutcomeStep | None = None) -> str:
    """The SVG of the decision path of ``outcome``; with ``spoor`` (the case's trace of that outcome) its path."""
    tree = regeling.trees[outcome]
    alle = stappen(tree)
    bekeken = {r.rule_id: r for r in spoor.rules} if spoor is not None else {}
    beslist = spoor.decided_by.rule_id if spoor is not None and spoor.decided_by is not None else None
    delen: list[str] = []
    y = _MARGE + 22
    titel = f"Beslispad: {naam(regeling, outcome)}"
    delen.append(f'<text x="{_MARGE}" y="{_MARGE + 10}" class="bp-titel">{escape(titel)}</text>')
    for index, stap in enumerate(alle):
        n = len(stap.regels)
        w = (_BREEDTE - 2 * _MARGE - (n - 1) * 10) / n
        hoogte = 0
        vakken: list[tuple[float, list[str], str]] = []
        for i, rule in enumerate(stap.regels):
            tekens = max(16, int(_TEKENS * w / (_BREEDTE - 2 * _MARGE)))
            regels = [rule.provision.citeer(), *textwrap.wrap(f"→ {_waarde(regeling, rule)}", tekens)[:3]]
            stand = "neutraal"
            if spoor is not None:
                stand = ("beslist" if rule.id == beslist else "niet" if rule.id in bekeken else "overgeslagen")
            vakken.append((_MARGE + i * (w + 10), regels, stand))
            hoogte = max(hoogte, len(regels) * _REGEL + 12)
        for x, regels, stand in vakken:
            merk = {"beslist": "✓ ", "niet": "✗ "}.get(stand, "")
            delen.append(f'<g class="bp-{stand}"><rect x="{x:.0f}" y="{y}" width="{w:.0f}" height="{hoogte}" '
                         f'rx="5"/>')
            for k, tekst in enumerate(regels):
                cls = "bp-bepaling" if k == 0 else "bp-waarde"
                delen.append(f'<text x="{x + 8:.0f}" y="{y + 17 + k * _REGEL}" class="{cls}">'
                             f'{escape((merk if k == 0 else "") + tekst)}</text>')
            delen.append("</g>")
        y += hoogte
        if index < len(alle) - 1 or tree.standaard is not None:
            midden = _BREEDTE / 2
            delen.append(f'<line x1="{midden}" y1="{y}" x2="{midden}" y2="{y + _TUSSEN - 4}" class="bp-pijl" '
                         f'marker-end="url(#bp-punt)"/>')
            delen.append(f'<text x="{midden + 8}" y="{y + 19}" class="bp-label">niet van toepassing</text>')
            y += _TUSSEN
    if tree.standaard is not None:
        stand = "beslist" if spoor is not None and spoor.decided_by is None else (
            "overgeslagen" if spoor is not None else "neutraal")
        merk = "✓ " if stand == "beslist" else ""
        tekst = f"{merk}geen regel van toepassing: {uitdrukking(regeling, tree.standaard)}"
        delen.append(f'<g class="bp-{stand}"><rect x="{_MARGE}" y="{y}" width="{_BREEDTE - 2 * _MARGE}" '
                     f'height="28" rx="5"/><text x="{_MARGE + 8}" y="{y + 18}" class="bp-waarde">'
                     f'{escape(tekst)}</text></g>')
        y += 28
    hoogte_svg = y + _MARGE
    stijl = ("<style>.bp-titel{font:bold 13px sans-serif}.bp-bepaling{font:bold 12px sans-serif}"
             ".bp-waarde,.bp-label{font:12px sans-serif}.bp-label{fill:#555}"
             "rect{fill:#f6f8fa;stroke:#8c959f}.bp-beslist rect{fill:#dafbe1;stroke:#1a7f37;stroke-width:3}"
             ".bp-niet rect{fill:#fff;stroke:#cf222e;stroke-dasharray:4 2}.bp-overgeslagen{opacity:.4}"
             ".bp-pijl{stroke:#57606a;stroke-width:1.5}</style>")
    pijl = ('<defs><marker id="bp-punt" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto"><path d="M0 0L10 5L0 10z" fill="#57606a"/></marker></defs>')
    label = escape(titel + (" (het pad van deze casus gemarkeerd)" if spoor is not None else ""))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_BREEDTE} {hoogte_svg}" width="{_BREEDTE}" '
            f'height="{hoogte_svg}" role="img" aria-label="{label}">{stijl}{pijl}{"".join(delen)}</svg>')
