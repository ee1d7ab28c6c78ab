"""A trace -> a Dutch explanation: per outcome the provision that decided it, the conditions that held,
the exceptions that did not apply and why, the begrippen and facts used."""

from __future__ import annotations

from collections.abc import Mapping

from .. import ir
from ..engine.trace import ConditionStep, RuleStep, Trace
from ..values import Value, format_value


def _condition(c: ConditionStep) -> str:
    if c.value is None:
        return f"      · {c.source}: niet meer bekeken"
    mark = "✓" if c.held else "✗"
    prefix = "tenzij " if c.tenzij else ""
    return f"      {mark} {prefix}{c.source}: {'waar' if c.value else 'onwaar'}"


def _rule_head(r: RuleStep) -> str:
    exc = f" (uitzondering op {' en '.join(t.citeer() for t in r.exception_to)})" if r.exception_to else ""
    return f"{r.provision.citeer()}{exc}"


def explain_rule(r: RuleStep) -> list[str]:
    """One rule as looked at: applied or not, with each condition."""
    if r.applied:
        lines = [f"    van toepassing: {_rule_head(r)}"]
        if r.conditions:
            lines.append("      omdat:")
        lines += [_condition(c) for c in r.conditions]
        return lines
    failed = next((c for c in r.conditions if c.held is False), None)
    why = f", want {'tenzij ' if failed and failed.tenzij else ''}{failed.source} is " \
          f"{'waar' if failed and failed.value else 'onwaar'}" if failed else ""
    return [f"    niet van toepassing: {_rule_head(r)}{why}"]


def explain(regeling: ir.Regeling, facts: Mapping[str, Value], trace: Trace, naam: str = "") -> str:
    """The whole explanation of one case under one version, in Dutch."""
    out: list[str] = []
    title = f"Casus: {naam}" if naam else "Casus"
    out.append(f"{title}\nVersie: {regeling.versie} ({regeling.titel}, geldig vanaf "
               f"{regeling.geldig_vanaf.isoformat()})")
    out.append("")
    out.append("Uitkomsten:")
    # A rule that sets several outcomes is explained once, at the first of them.
    explained: dict[int, str] = {}
    for o in trace.outcomes:
        label = regeling.outcomes[o.name].label if o.name in regeling.outcomes else ""
        out.append(f"  {o.name} = {format_value(o.value)}" + (f"  ({label})" if label else ""))
        d = o.decided_by
        if d is None:
            out.append("    geen regel van toepassing: de standaardwaarde geldt")
        else:
            out.append(f"    bepaald door {_rule_head(d)}: {o.name} is {d.value_source}")
            if d.rule_id in explained:
                out.append(f"      (dezelfde regel als bij {explained[d.rule_id]})")
            else:
                out += explain_rule(d)[1:]
        for r in o.rules:
            if r is not d and r.rule_id not in explained:
                out += explain_rule(r)
        for r in o.rules:
            explained.setdefault(r.rule_id, o.name)
    if trace.definitions:
        out.append("")
        out.append("Gebruikte begrippen:")
        for step in trace.definitions:
            out.append(f"  {step.name} = {format_value(step.value)}  ({step.provision.citeer()}: {step.source})")
    out.append("")
    out.append("Gebruikte feiten:")
    for name in trace.facts_read:
        if name in facts:
            out.append(f"  {name} = {format_value(facts[name])}")
    unused = [n for n in facts if n not in trace.facts_read]
    if unused:
        out.append(f"  (niet gebruikt: {', '.join(unused)})")
    applied = trace.provisions_applied()
    if applied:
        out.append("")
        out.append("Toegepaste bepalingen: " + "; ".join(p.citeer() for p in applied))
    return "\n".join(out)
