"""A trace -> a Dutch explanation in sentences: per outcome its value and the provision that decided it, the
conditions that held, the exceptions that did not apply and why, the begrippen and facts used.

Every name is shown by its label and every condition is read aloud by ``render.rule_text`` (the same
sentences as "in gewone taal" on the site), so the explanation needs no knowledge of the rule language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .. import ir
from ..engine.trace import ConditionStep, RuleStep, Trace
from ..span import ProvisionRef
from ..types import TypeKind
from ..values import Value
from .herkomst import badge
from .lezingen import MAX_WOORDEN
from .rangorde import rangorde_regels
from .waarden import datum, toon, toon_enum, toon_feit
from .waarom import stelling, uitkomst_stelling
from .zinnen import Samen, clause, naam

__all__ = ["explain", "explain_rule"]


def _hoofd(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


class _Lezer:
    """Reads trace steps against the IR rules they came from (conditions in the same order)."""

    def __init__(self, regeling: ir.Regeling) -> None:
        self.regeling = regeling
        self.rules: dict[int, ir.Rule] = {}
        for r in regeling.rules:
            self.rules.setdefault(r.id, r)

    def delen(self, r: RuleStep, index: int, c: ConditionStep, neg: bool = False) -> list[str]:
        """Condition ``index`` of the rule as statements, negated when ``neg`` (so a line says what is so); a
        combination that holds with "en" is one statement per part, so no line nests deeper than one level."""
        rule = self.rules.get(r.rule_id)
        if rule is not None and len(rule.conditions) == len(r.conditions):
            c_ = clause(self.regeling, rule.conditions[index].expr, neg)
            if isinstance(c_, Samen) and c_.voegwoord == "en":
                return [d.hoofd() for d in c_.delen]
            return [c_.hoofd()]
        return [f"niet: {c.source}" if neg else c.source]

    def zin(self, r: RuleStep, index: int, c: ConditionStep, neg: bool = False) -> str:
        return " en ".join(self.delen(r, index, c, neg))

    def voorwaarde(self, r: RuleStep, index: int, c: ConditionStep) -> list[str]:
        if c.value is None:
            return [f"      · niet meer bekeken: {self.zin(r, index, c)}"]
        return [f"      {'✓' if c.held else '✗'} {d}" for d in self.delen(r, index, c, neg=not c.value)]

    def kop(self, r: RuleStep) -> str:
        exc = f" (uitzondering op {' en '.join(t.citeer() for t in r.exception_to)})" if r.exception_to else ""
        return f"{r.provision.citeer()}{exc}"

    def regel(self, r: RuleStep) -> list[str]:
        """One rule as looked at: applied or not, with each condition."""
        if r.applied:
            lines = [f"    Van toepassing: {self.kop(r)}"]
            if r.conditions:
                lines.append("      omdat:")
            lines += [line for i, c in enumerate(r.conditions) for line in self.voorwaarde(r, i, c)]
            return lines
        failed = next(((i, c) for i, c in enumerate(r.conditions) if c.held is False), None)
        why = ""
        if failed is not None:
            i, c = failed
            why = f", want {self.zin(r, i, c, neg=not c.value)}"
        # Without the "(uitzondering op ...)" of the applied rule: the reason, not the ranking, is what a reader
        # of a rule that did not apply needs (and the line stays a readable sentence).
        line = f"    Niet van toepassing: {r.provision.citeer()}{why}."
        rule = self.rules.get(r.rule_id)
        if failed is None or len(line.split()) <= MAX_WOORDEN or rule is None or \
                len(rule.conditions) != len(r.conditions):
            return [line]
        i, c = failed  # a long reason is a list: "want een van deze situaties doet zich voor:"
        c_ = clause(self.regeling, rule.conditions[i].expr, not c.value)
        if not isinstance(c_, Samen):
            return [line]
        kop = "een van deze situaties doet zich voor" if c_.voegwoord == "of" else "elk van deze uitspraken geldt"
        return [f"    Niet van toepassing: {r.provision.citeer()}, want {kop}:",
                *(f"      - {d.hoofd()}" for d in c_.delen)]


def explain_rule(regeling: ir.Regeling, r: RuleStep) -> list[str]:
    """One rule as looked at, in sentences."""
    return _Lezer(regeling).regel(r)


def explain(regeling: ir.Regeling, facts: Mapping[str, Value], trace: Trace, naam_casus: str = "") -> str:
    """The whole explanation of one case under one version, in Dutch sentences."""
    lezer = _Lezer(regeling)
    out: list[str] = []
    out.append(f"Casus ‘{naam_casus}’" if naam_casus else "Casus")
    out.append(f"Versie ‘{regeling.versie}’ van de {regeling.titel}, geldig vanaf {datum(regeling.geldig_vanaf)}.")
    out.append("")
    out.append("Uitkomsten:")
    # A rule that sets several outcomes is explained once, at the first of them.
    explained: dict[int, str] = {}
    for o in trace.outcomes:
        out.append(f"  {uitkomst_stelling(regeling, o.name, o.value)}.")
        d = o.decided_by
        if d is None:
            out.append("    Geen regel is van toepassing, dus geldt de standaardwaarde.")
        else:
            rule = lezer.rules.get(d.rule_id)
            herkomst = _badge(regeling, rule.herkomst if rule else None, d.provision)
            out.append(f"    Bepaald door {lezer.kop(d)}.")
            out += _herkomst_regels("Herkomst: ", herkomst, "    ")
            if d.rule_id in explained:
                out.append(f"      (Dezelfde regel als bij {naam(regeling, explained[d.rule_id])}.)")
            else:
                out += lezer.regel(d)[1:]
        for r in o.rules:
            if r is not d and r.rule_id not in explained:
                out += lezer.regel(r)
        for r in o.rules:
            explained.setdefault(r.rule_id, o.name)
    if regeling.rangorden:
        out += ["", "Volgorde van de toets:", *rangorde_regels(regeling)]
    if trace.definitions:
        out.append("")
        out.append("Gebruikte begrippen:")
        for step in trace.definitions:
            decl = regeling.definitions.get(step.name)
            waarde = toon(step.value) if decl is None else _waarde(regeling, decl, step.value)
            herkomst = _badge(regeling, decl.herkomst if decl else None, step.provision)
            out.append(f"  {stelling(regeling, step.name, 'begrip', step.value, _vast(waarde))} "
                       f"({step.provision.citeer()}).")
            out += _herkomst_regels("Herkomst: ", herkomst, "    ")
    out.append("")
    out.append("Gebruikte feiten:")
    for name in trace.facts_read:
        if name in facts:
            out.append(f"  {stelling(regeling, name, 'invoer', facts[name], toon_feit)}.")
    unused = [n for n in facts if n not in trace.facts_read]
    if unused:  # a list: a sentence of every unused fact ran to 70 words
        out.append("  Niet gebruikt:")
        out += [f"    - {naam(regeling, n, 'invoer')}" for n in unused]
    applied = trace.provisions_applied()
    if applied:
        out.append("")
        if regeling.bronnen:
            out.append("Toegepaste bepalingen en hun herkomst:")
            out += [r for ref in applied for r in _herkomst_regels(f"{ref.citeer()}: ", _badge(regeling, None, ref),
                                                                    "  ")]
        else:
            out.append("Toegepaste bepalingen: " + "; ".join(p.citeer() for p in applied) + ".")
    return "\n".join(out)


def _herkomst_regels(voor: str, herkomst: str, inspringen: str) -> list[str]:
    """Where a provision's text comes from, as lines of at most ``MAX_WOORDEN`` words where the note allows:
    a long note of a keuze ("keuze: bij een kind telt ...: het zorgkantoor trekt ...") a sentence per part."""
    if not herkomst:
        return []
    regel = f"{inspringen}{voor}{herkomst}."
    if len(regel.split()) <= MAX_WOORDEN:
        return [regel]
    eerste, *rest = [d.strip() for d in re.split(r": |; ", herkomst) if d.strip()]
    return [f"{inspringen}{voor}{eerste}.", *(f"{inspringen}  {_hoofd(d)}." for d in rest)]


def _vast(text: str) -> Callable[[ir.Regeling, str, Value], str]:
    """A value already shown, in the shape ``stelling`` asks for."""
    return lambda _r, _n, _v: text


def _badge(regeling: ir.Regeling, own: ir.Herkomst | None, ref: ProvisionRef) -> str:
    """A begrip or rule without its own herkomst has that of the nearest provision around it that states one;
    "" for a regeling without a source registry (nothing to say, and no "herkomst onbekend" on every line)."""
    if not regeling.bronnen:
        return ""
    if own is None:
        around = [p for p in regeling.provisions if p.herkomst is not None and p.ref.bevat(ref)]
        nearest = max(around, key=lambda p: sum(bool(x) for x in (p.ref.artikel, p.ref.lid, p.ref.onderdeel,
                                                                  p.ref.subonderdeel, p.ref.begrip)), default=None)
        own = nearest.herkomst if nearest else None
    return badge(own, regeling.bronnen)


def _waarde(regeling: ir.Regeling, decl: ir.Definition, value: Value) -> str:
    if decl.type.kind is TypeKind.ENUM and isinstance(value, str):
        return toon_enum(regeling, decl.type.enum, value)
    return toon(value)
