"""IR rules and begrippen -> text: the formal rule in the DSL's layout, and a plain Dutch reading of it.

A renderer over the IR only (never the parse tree): the formal text is laid out from the rule's
conditions and values; the Dutch reading is made from the typed expressions through ``ir.ExprVisitor``,
naming every fact, begrip, outcome, table and enumeration value by its label, so a reader never meets an
identifier ("recht op meer zorg: ja, als: ... en ..., tenzij ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir
from ..span import ProvisionRef
from .waarden import toon, toon_enum

__all__ = ["RegelTekst", "begrip_zin", "formele_tekst", "naam", "regel_tekst", "regels_van", "uitdrukking"]


@dataclass(frozen=True, slots=True)
class RegelTekst:
    """One rule in plain Dutch, in parts, so a renderer can lay it out as a sentence or as a list."""

    bepaling: ProvisionRef
    afwijking: tuple[ProvisionRef, ...]
    toekenningen: tuple[str, ...]
    voorwaarden: tuple[str, ...]
    tenzij: tuple[str, ...]

    def zin(self) -> str:
        """The whole rule as one sentence.

        >>> RegelTekst(ProvisionRef("2.2", "1"), (), ("recht op meer zorg: ja",), ("a", "b"), ("c",)).zin()
        'Recht op meer zorg: ja, als a en b, tenzij c.'
        """
        head = "; ".join(self.toekenningen)
        if self.afwijking:
            head = f"in afwijking van {' en '.join(r.citeer() for r in self.afwijking)} geldt: {head}"
        if self.voorwaarden:
            head += ", als " + " en ".join(self.voorwaarden)
        if self.tenzij:
            head += ", tenzij " + " en ".join(self.tenzij)
        return head[0].upper() + head[1:] + "."


def regels_van(regeling: ir.Regeling, bepaling: ProvisionRef) -> list[tuple[ir.Rule, ...]]:
    """The rules written in exactly this provision, each as its toekenningen (one Rule per outcome)."""
    grouped: dict[int, list[ir.Rule]] = {}
    for rule in regeling.rules:
        if rule.provision == bepaling:
            grouped.setdefault(rule.id, []).append(rule)
    return [tuple(rules) for rules in grouped.values()]


def formele_tekst(regeling: ir.Regeling, bepaling: ProvisionRef) -> str:
    """The begrippen, parameters and rules of exactly this provision, laid out as in a .rgl file."""
    lines: list[str] = []
    for d in regeling.definitions.values():
        if d.span.provision == bepaling:
            soort = "parameter" if d.is_parameter else "begrip"
            label = f' "{d.label}"' if d.label else ""
            lines.append(f"{soort} {d.name}{label}: {d.type} = {d.source}")
    for rules in regels_van(regeling, bepaling):
        first = rules[0]
        afwijking = ""
        if first.exception_to:
            afwijking = " in afwijking van " + " en ".join(r.citeer() for r in first.exception_to)
        head = f"regel{afwijking}: "
        toek = [f"{r.outcome} is {r.value_source}" for r in rules]
        lines.append(head + (",\n" + " " * len(head)).join(toek))
        gewoon = [c.source for c in first.conditions if not c.tenzij]
        if gewoon:
            lines.append("  indien " + "\n     en ".join(gewoon))
        lines += [f"  tenzij {c.source}" for c in first.conditions if c.tenzij]
    return "\n".join(lines)


def toekenning(regeling: ir.Regeling, rule: ir.Rule) -> str:
    """``reden van de beslissing: meer zorg toegekend`` — the outcome by its label, the value read aloud."""
    return f"{naam(regeling, rule.outcome)}: {_Zinnen(regeling).visit(rule.value)}"


def regel_tekst(regeling: ir.Regeling, rules: tuple[ir.Rule, ...]) -> RegelTekst:
    """One rule (all its toekenningen) in plain Dutch."""
    first = rules[0]
    toek = tuple(toekenning(regeling, r) for r in rules)
    voorwaarden = tuple(uitdrukking(regeling, c.expr) for c in first.conditions if not c.tenzij)
    tenzij = tuple(uitdrukking(regeling, c.expr) for c in first.conditions if c.tenzij)
    return RegelTekst(first.provision, first.exception_to, toek, voorwaarden, tenzij)


def begrip_zin(regeling: ir.Regeling, definition: ir.Definition) -> str:
    """``De telbare zorgbehoefte in uren per week is: uren directe zorg per week plus ...`` (no identifier)."""
    onderwerp = definition.label or definition.name.replace("_", " ")
    if definition.type.kind == "bool" and not isinstance(definition.expr, ir.Const):
        # A boolean begrip's label is a statement ("het zorgprofiel is ... aangeduid"): say when it holds.
        return f"Er is sprake van: {onderwerp}, als {uitdrukking(regeling, definition.expr)}."
    return f"{onderwerp[0].upper()}{onderwerp[1:]} is: {uitdrukking(regeling, definition.expr)}."


# --------------------------------------------------------------------------------------------------
# Expressions in Dutch
# --------------------------------------------------------------------------------------------------

_VERGELIJK = {"=": "is", "<>": "is niet", "≠": "is niet", "<": "is minder dan", "<=": "is ten hoogste",
              "≤": "is ten hoogste", ">": "is meer dan", ">=": "is ten minste", "≥": "is ten minste"}
_REKEN = {"+": "plus", "-": "min", "*": "maal", "×": "maal", "/": "gedeeld door"}
_FUNCTIE = {"minimum": "het minimum van", "maximum": "het maximum van", "afronden": "afgerond",
            "jaar_van": "het jaar van"}
# An enumeration value in a list is named by its label when that stays short, else by its code (the
# zorgprofielen: "VG7" is what a jurist knows, the label is a line long).
_KORT = 40


def naam(regeling: ir.Regeling, name: str, kind: str = "") -> str:
    """A fact, begrip, outcome or table by its label; the name with spaces if it has none."""
    label = ""
    if kind in ("", "invoer") and name in regeling.facts:
        label = regeling.facts[name].label
    elif name in regeling.definitions:
        label = regeling.definitions[name].label
    elif name in regeling.outcomes:
        label = regeling.outcomes[name].label
    elif name in regeling.tables:
        label = regeling.tables[name].label
    return label or name.replace("_", " ")


def uitdrukking(regeling: ir.Regeling, e: ir.Expr) -> str:
    """A typed IR expression read aloud in Dutch, with the labels of names where they have one."""
    return _Zinnen(regeling).visit(e)


class _Zinnen(ir.ExprVisitor[str]):
    """Each expression kind in Dutch words; logical subexpressions in brackets so "a en (b of c)" keeps its
    meaning."""

    def __init__(self, regeling: ir.Regeling) -> None:
        self.regeling = regeling

    def sub(self, e: ir.Expr) -> str:
        text = self.visit(e)
        if isinstance(e, ir.BinOp) and e.op in ("en", "of", "impliceert"):
            return f"({text})"
        return text

    def const(self, e: ir.Const) -> str:
        if e.type.kind == "enum" and isinstance(e.value, str):
            return toon_enum(self.regeling, e.type.enum, e.value)
        return toon(e.value)

    def var(self, e: ir.Var) -> str:
        return naam(self.regeling, e.name, e.kind)

    def unary(self, e: ir.Unary) -> str:
        if e.op == "niet":
            return f"niet: {self.sub(e.operand)}"
        if e.op == "-":
            return f"min {self.sub(e.operand)}"
        return self.visit(e.operand)

    def bin_op(self, e: ir.BinOp) -> str:
        left, right = self.sub(e.left), self.sub(e.right)
        if e.op in ("en", "of"):
            return f"{left} {e.op} {right}"
        if e.op == "impliceert":
            return f"als {left}, dan {right}"
        word = _VERGELIJK.get(e.op) or _REKEN.get(e.op) or e.op
        return f"{left} {word} {right}"

    def _item(self, item: ir.Expr) -> str:
        if isinstance(item, ir.Const) and item.type.kind == "enum" and isinstance(item.value, str):
            label = toon_enum(self.regeling, item.type.enum, item.value)
            return label if len(label) <= _KORT or "_" in item.value else item.value
        return self.visit(item)

    def in_set(self, e: ir.InSet) -> str:
        items = [self._item(i) for i in e.items]
        opsomming = ", ".join(items[:-1]) + f" of {items[-1]}" if len(items) > 1 else "".join(items)
        return f"{self.sub(e.element)} is {'geen' if e.negated else 'een'} van: {opsomming}"

    def in_table(self, e: ir.InTable) -> str:
        tabel = naam(self.regeling, e.table)
        return f"{self.sub(e.element)} staat {'niet ' if e.negated else ''}in de tabel {tabel}"

    def lookup(self, e: ir.Lookup) -> str:
        table = self.regeling.tables.get(e.table)
        key = self.sub(e.key)
        column = next((c for c in table.columns if c[0] == e.column), None) if table is not None else None
        label = (column[2] if column is not None else "") or e.column.replace("_", " ")
        tabel = naam(self.regeling, e.table)
        if column is not None and column[1].kind == "bool":
            return f"volgens de tabel {tabel} geldt voor {key}: {label}"
        return f"{label} volgens de tabel {tabel} bij {key}"

    def known(self, e: ir.Known) -> str:
        return f"{naam(self.regeling, e.fact, 'invoer')} is {'niet ' if e.negated else ''}bekend"

    def if_then_else(self, e: ir.IfThenElse) -> str:
        return f"als {self.sub(e.condition)}, dan {self.sub(e.then)}, anders {self.sub(e.otherwise)}"

    def call(self, e: ir.Call) -> str:
        args = " en ".join(self.sub(a) for a in e.args)
        return f"{_FUNCTIE.get(e.function, e.function.replace('_', ' '))} {args}"

    def volgens(self, e: ir.Volgens) -> str:
        return f"{self.sub(e.expr)} volgens versie {e.versie}"

    def met(self, e: ir.Met) -> str:
        return f"{self.sub(e.expr)} als {naam(self.regeling, e.fact, 'invoer')} {self.sub(e.value)} is"
