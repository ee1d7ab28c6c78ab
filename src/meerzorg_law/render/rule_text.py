"""IR rules and begrippen -> text: the formal rule in the DSL's layout, and a plain Dutch reading of it.

A renderer over the IR only (never the parse tree): the formal text is laid out from the rule's
conditions and values, the Dutch reading from the typed expressions, using the labels of facts,
begrippen, outcomes and enumeration values ("meerzorg is waar als: ... en ..., tenzij ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir
from ..span import ProvisionRef
from ..values import format_value

__all__ = ["RegelTekst", "begrip_zin", "formele_tekst", "regel_tekst", "regels_van", "uitdrukking"]


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

        >>> RegelTekst(ProvisionRef("2.2", "1"), (), ("meerzorg is waar",), ("a", "b"), ("c",)).zin()
        'meerzorg is waar als: a en b, tenzij c.'
        """
        head = ", ".join(self.toekenningen)
        if self.afwijking:
            head = f"in afwijking van {' en '.join(r.citeer() for r in self.afwijking)}: {head}"
        if self.voorwaarden:
            head += " als: " + " en ".join(self.voorwaarden)
        if self.tenzij:
            head += ", tenzij " + " en ".join(self.tenzij)
        return head + "."


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


def regel_tekst(regeling: ir.Regeling, rules: tuple[ir.Rule, ...]) -> RegelTekst:
    """One rule (all its toekenningen) in plain Dutch."""
    first = rules[0]
    toek = tuple(f"{r.outcome} is {_waarde(regeling, r.value)}" for r in rules)
    voorwaarden = tuple(uitdrukking(regeling, c.expr) for c in first.conditions if not c.tenzij)
    tenzij = tuple(uitdrukking(regeling, c.expr) for c in first.conditions if c.tenzij)
    return RegelTekst(first.provision, first.exception_to, toek, voorwaarden, tenzij)


def begrip_zin(regeling: ir.Regeling, definition: ir.Definition) -> str:
    """``telbare_zorgbehoefte (de telbare zorgbehoefte in uren per week) is: uren directe zorg ... plus ...``."""
    soort = "Parameter" if definition.is_parameter else "Begrip"
    label = f" ({definition.label})" if definition.label else ""
    return f"{soort} {definition.name}{label} is: {uitdrukking(regeling, definition.expr)}."


# --------------------------------------------------------------------------------------------------
# Expressions in Dutch
# --------------------------------------------------------------------------------------------------

_VERGELIJK = {"=": "is", "<>": "is niet", "≠": "is niet", "<": "is minder dan", "<=": "is ten hoogste",
              "≤": "is ten hoogste", ">": "is meer dan", ">=": "is ten minste", "≥": "is ten minste"}
_REKEN = {"+": "plus", "-": "min", "*": "maal", "×": "maal", "/": "gedeeld door"}
_FUNCTIE = {"minimum": "het minimum van", "maximum": "het maximum van", "afronden": "afgerond",
            "jaar_van": "het jaar van"}


def _naam(regeling: ir.Regeling, name: str, kind: str) -> str:
    """A fact, begrip or outcome by its label; the bare name (with spaces) if it has none."""
    label = ""
    if kind == "invoer" and name in regeling.facts:
        label = regeling.facts[name].label
    elif name in regeling.definitions:
        label = regeling.definitions[name].label
    elif name in regeling.outcomes:
        label = regeling.outcomes[name].label
    return label or name.replace("_", " ")


def _waarde(regeling: ir.Regeling, e: ir.Expr) -> str:
    """The value of a toekenning: an enumeration value with its label, otherwise the expression."""
    if isinstance(e, ir.Const) and e.type.kind == "enum" and isinstance(e.value, str):
        label = _enum_label(regeling, e.type.enum, e.value)
        return f"{e.value} ({label})" if label else e.value
    return uitdrukking(regeling, e)


def _enum_label(regeling: ir.Regeling, enum: str, value: str) -> str:
    decl = regeling.enums.get(enum)
    if decl is None or value not in decl.values:
        return ""
    return decl.labels[decl.values.index(value)]


def _const(regeling: ir.Regeling, e: ir.Const) -> str:
    if e.type.kind == "enum" and isinstance(e.value, str):
        label = _enum_label(regeling, e.type.enum, e.value)
        return f"{e.value} ({label})" if label else e.value
    return format_value(e.value)


def _sub(regeling: ir.Regeling, e: ir.Expr) -> str:
    """A sub-expression; a logical one goes in brackets so "a en (b of c)" keeps its meaning."""
    text = uitdrukking(regeling, e)
    if isinstance(e, ir.BinOp) and e.op in ("en", "of", "impliceert"):
        return f"({text})"
    return text


def uitdrukking(regeling: ir.Regeling, e: ir.Expr) -> str:
    """A typed IR expression read aloud in Dutch, with the labels of names where they have one."""
    if isinstance(e, ir.Const):
        return _const(regeling, e)
    if isinstance(e, ir.Var):
        return _naam(regeling, e.name, e.kind)
    if isinstance(e, ir.Unary):
        if e.op == "niet":
            return f"niet: {_sub(regeling, e.operand)}"
        if e.op == "-":
            return f"min {_sub(regeling, e.operand)}"
        return uitdrukking(regeling, e.operand)
    if isinstance(e, ir.BinOp):
        left, right = _sub(regeling, e.left), _sub(regeling, e.right)
        if e.op in ("en", "of"):
            return f"{left} {e.op} {right}"
        if e.op == "impliceert":
            return f"als {left}, dan {right}"
        word = _VERGELIJK.get(e.op) or _REKEN.get(e.op) or e.op
        return f"{left} {word} {right}"
    if isinstance(e, ir.InSet):
        # Codes only: a list of labels would drown the sentence; the labels are on the Bijlage page.
        items = ", ".join(format_value(i.value) if isinstance(i, ir.Const) else uitdrukking(regeling, i)
                          for i in e.items)
        return f"{_sub(regeling, e.element)} is {'geen' if e.negated else 'een'} van: {items}"
    if isinstance(e, ir.InTable):
        return f"{_sub(regeling, e.element)} staat {'niet ' if e.negated else ''}in de tabel {e.table}"
    if isinstance(e, ir.Lookup):
        table = regeling.tables.get(e.table)
        key = _sub(regeling, e.key)
        column = next((c for c in table.columns if c[0] == e.column), None) if table is not None else None
        label = (column[2] if column is not None else "") or e.column.replace("_", " ")
        if column is not None and column[1].kind == "bool":
            return f"volgens de tabel {e.table} geldt voor {key}: {label}"
        if table is not None and len(table.columns) == 1:
            return f"de {e.table.replace('_', ' ')} ({label}) bij {key}"
        return f"{label} uit de tabel {e.table} bij {key}"
    if isinstance(e, ir.Known):
        return f"{_naam(regeling, e.fact, 'invoer')} is {'niet ' if e.negated else ''}bekend"
    if isinstance(e, ir.IfThenElse):
        return (f"als {_sub(regeling, e.condition)}, dan {_sub(regeling, e.then)}, "
                f"anders {_sub(regeling, e.otherwise)}")
    if isinstance(e, ir.Call):
        args = " en ".join(_sub(regeling, a) for a in e.args)
        return f"{_FUNCTIE.get(e.function, e.function)} {args}"
    if isinstance(e, ir.Volgens):
        return f"{_sub(regeling, e.expr)} volgens {e.versie}"
    return f"{_sub(regeling, e.expr)} als {e.fact.replace('_', ' ')} {_sub(regeling, e.value)} is"
