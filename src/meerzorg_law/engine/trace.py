"""The trace: a value returned with the outcome, a small tree of frozen steps keyed by provision.

Renderers (Dutch explanation, JSON, Sphinx, version comparison) read it; nothing is logged globally.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..span import ProvisionRef
from ..values import Value


@dataclass(frozen=True, slots=True)
class ConditionStep:
    """One conjunct: ``value`` None means it was not looked at (an earlier one already failed)."""

    source: str
    value: bool | None
    tenzij: bool = False

    @property
    def held(self) -> bool | None:
        """Whether this conjunct let the rule through (a tenzij-condition does when it is false)."""
        return None if self.value is None else (self.value != self.tenzij)


@dataclass(frozen=True, slots=True)
class RuleStep:
    rule_id: int
    outcome: str
    provision: ProvisionRef
    exception_to: tuple[ProvisionRef, ...]
    applied: bool
    conditions: tuple[ConditionStep, ...]
    value: Value | None
    value_source: str


@dataclass(frozen=True, slots=True)
class DefinitionStep:
    name: str
    provision: ProvisionRef
    value: Value
    source: str


@dataclass(frozen=True, slots=True)
class OutcomeStep:
    """How one outcome was decided: the rules looked at, in order, and the one that gave the value.

    ``decided_by`` is None when the outcome's standaard applied.
    """

    name: str
    value: Value
    decided_by: RuleStep | None
    rules: tuple[RuleStep, ...]


@dataclass(frozen=True, slots=True)
class Trace:
    versie: str
    outcomes: tuple[OutcomeStep, ...]
    definitions: tuple[DefinitionStep, ...]
    facts_read: tuple[str, ...]

    def outcome(self, name: str) -> OutcomeStep:
        return next(o for o in self.outcomes if o.name == name)

    def provisions_applied(self) -> tuple[ProvisionRef, ...]:
        """Provisions whose rule decided an outcome, in order, without repeats."""
        seen: dict[ProvisionRef, None] = {}
        for o in self.outcomes:
            if o.decided_by is not None:
                seen[o.decided_by.provision] = None
        return tuple(seen)


class Recorder:
    """Collects steps during one evaluation; frozen into a ``Trace`` at the end. Local to that call."""

    __slots__ = ("definitions", "facts", "finished", "stack")

    def __init__(self) -> None:
        self.stack: list[list[RuleStep]] = []
        self.finished: list[OutcomeStep] = []
        self.definitions: list[DefinitionStep] = []
        self.facts: dict[str, None] = {}

    def begin(self) -> None:
        self.stack.append([])

    def rule(self, step: RuleStep) -> None:
        if self.stack:
            self.stack[-1].append(step)

    def end(self, name: str, value: Value, rule_id: int | None) -> None:
        steps = self.stack.pop()
        decided_by = next((s for s in steps if s.rule_id == rule_id and s.applied), None)
        self.finished.append(OutcomeStep(name, value, decided_by, tuple(steps)))

    def abort(self) -> None:
        if self.stack:
            self.stack.pop()

    def freeze(self, versie: str, order: list[str]) -> Trace:
        rank = {n: i for i, n in enumerate(order)}
        outcomes = sorted(self.finished, key=lambda o: rank.get(o.name, len(rank)))
        return Trace(versie, tuple(outcomes), tuple(self.definitions), tuple(self.facts))


@dataclass(frozen=True, slots=True)
class OutcomeChange:
    """How one outcome differs between two traces of the same case, and why (in Dutch)."""

    outcome: str
    oud: Value
    nieuw: Value
    oud_door: ProvisionRef | None
    nieuw_door: ProvisionRef | None
    redenen: tuple[str, ...]


def _fmt(value: Value | None) -> str:
    from ..values import format_value

    return "—" if value is None else format_value(value)


def _door(p: ProvisionRef | None) -> str:
    return p.citeer() if p is not None else "de standaardwaarde"


def trace_diff(old: Trace, new: Trace) -> tuple[OutcomeChange, ...]:
    """The outcomes whose value differs, each with the provisions that decided it before and after, the rules
    whose applicability changed and the begrippen whose value changed on the way."""
    old_defs = {d.name: d for d in old.definitions}
    new_defs = {d.name: d for d in new.definitions}
    # Begrippen both versions computed with a different value; new ones show up through the rules using them.
    changed_defs = [
        f"begrip {n} ({new_defs[n].provision.citeer()}): {_fmt(old_defs[n].value)} -> {_fmt(new_defs[n].value)}"
        for n in new_defs if n in old_defs and old_defs[n].value != new_defs[n].value]
    changes: list[OutcomeChange] = []
    for o_new in new.outcomes:
        o_old = next((o for o in old.outcomes if o.name == o_new.name), None)
        if o_old is None or o_old.value == o_new.value:
            continue
        before = o_old.decided_by.provision if o_old.decided_by else None
        after = o_new.decided_by.provision if o_new.decided_by else None
        reasons: list[str] = []
        if before != after:
            reasons.append(f"beslist door {_door(after)} (was {_door(before)})")
        old_rules = {r.provision: r.applied for r in o_old.rules}
        for r in o_new.rules:
            was = old_rules.get(r.provision)
            if was is None:
                if r.applied:
                    reasons.append(f"{r.provision.citeer()} is nieuw en van toepassing")
            elif was != r.applied:
                reasons.append(f"{r.provision.citeer()} is nu {'wel' if r.applied else 'niet'} van toepassing")
        new_provs = {r.provision for r in o_new.rules}
        reasons += [f"{p.citeer()} is niet meer van toepassing (vervallen of opzijgezet door een uitzondering)"
                    for p, applied in old_rules.items() if applied and p not in new_provs]
        reasons += changed_defs
        changes.append(OutcomeChange(o_new.name, o_old.value, o_new.value, before, after, tuple(reasons)))
    return tuple(changes)
