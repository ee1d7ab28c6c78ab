"""Partial evaluation: a part of the rules that reads only few-valued facts becomes a dictionary lookup.

A definition, run of conditions, rule, group or outcome whose value depends only on facts with few possible
values (waar/onwaar, enumeraties) is evaluated ahead for every combination, through the same closures and the
same handle_default, and at run time becomes one lookup. A combination that raised an error raises the same
error; a missing fact or a value outside the declaration takes the general path. With ``partial``, a part
that also reads other facts (hours, dates) gets a table over its few-valued facts where that decides most
combinations: evaluated with only those facts known, a combination either gives its answer without looking
at any other fact (so it holds whatever they are) or says it needs one, and then the general closure runs.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from typing import Any

from .. import ir
from ..diagnostics import Diagnostic
from ..types import TypeKind
from ..values import Value
from .context import UNSET, Ctx, Decision, Fn, const
from .failure import EvaluationFailure

__all__ = ["MISS", "TABULATE_LIMIT", "Tabulator"]

# Partial evaluation is tried when the facts an expression reads have at most this many combinations.
TABULATE_LIMIT = 4096

MISS: Any = object()  # no value: a table key that is not there, a closure that is not a constant
_NEEDS: Any = object()  # a tabulated combination whose result needs a fact outside the table's key


class _Raise:
    """A tabulated combination that fails: raise the same diagnostic again."""

    __slots__ = ("diagnostic",)

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


class _NeedsFact(Exception):
    """Partial evaluation read a fact that is not part of the table's key."""


class _Partial(dict[str, Value]):
    """The facts during partial evaluation: reading or testing any other fact raises _NeedsFact."""

    __slots__ = ("known",)

    def __init__(self, facts: dict[str, Value], known: frozenset[str]) -> None:
        super().__init__(facts)
        self.known = known

    def __getitem__(self, name: str) -> Value:
        if name not in self.known:
            raise _NeedsFact(name)
        return dict.__getitem__(self, name)

    def __contains__(self, name: object) -> bool:
        if name not in self.known:
            raise _NeedsFact(name)
        return dict.__contains__(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        if name not in self.known:
            raise _NeedsFact(name)
        return dict.get(self, name, default)


class Tabulator:
    """Builds the lookups for one version; owns the slots that hold shared table keys during an evaluation."""

    def __init__(self, regeling: ir.Regeling, traced: bool, size: int) -> None:
        self.reg = regeling
        self.traced = traced
        self.size = size
        # Evaluating ahead needs a Decision with this many slots; replaced when a key slot is added.
        self.scratch = Decision(regeling, {}, traced, size)
        # Tables keyed on the same facts share one key per evaluation (several outcomes read the same ones).
        self.key_slot: dict[tuple[str, ...], int] = {}
        self.sealed = False  # once the Decision exists its slot layout is fixed (compile_expr adds no slots)

    def seal(self, decision: Decision) -> None:
        self.scratch = decision
        self.sealed = True

    def domain(self, fact: str) -> tuple[Value, ...] | None:
        decl = self.reg.facts.get(fact)
        if decl is None:
            return None
        if decl.type.kind is TypeKind.BOOL:
            return (False, True)
        if decl.type.kind is TypeKind.ENUM and decl.type.enum in self.reg.enums:
            return self.reg.enums[decl.type.enum].values
        return None

    def combinations(self, facts: frozenset[str]) -> int:
        n = 1
        for f in facts:
            d = self.domain(f)
            if d is None:
                return TABULATE_LIMIT + 1
            n *= len(d)
        return n

    def few(self, reads: frozenset[str] | None) -> bool:
        """Whether every fact read is few-valued and their combinations are within the limit."""
        return reads is not None and self.combinations(reads) <= TABULATE_LIMIT

    def tabulable(self, reads: frozenset[str] | None, partial: bool) -> bool:
        if reads is None:
            return False
        finite = frozenset(f for f in reads if self.domain(f) is not None)
        if len(finite) < len(reads) and not (partial and finite):
            return False
        return self.combinations(finite) <= TABULATE_LIMIT

    def tabulate(self, fn: Fn, reads: frozenset[str] | None, partial: bool = False) -> Fn | None:
        """``fn`` evaluated ahead for every combination of the few-valued facts it reads, or None.

        With ``partial``, ``fn`` may also read other facts: where a combination's result needs one, the
        entry says so and the general closure runs. A combination that needs nothing else gives the same
        result whatever the other facts are, because evaluation never looks at them.
        """
        if reads is None or not self.tabulable(reads, partial):
            return None
        names = sorted(f for f in reads if self.domain(f) is not None)
        domains = [self.domain(n) for n in names]
        known = frozenset(names)
        table: dict[Any, Any] = {}
        resolved = 0
        for combo in itertools.product(*domains):  # type: ignore[arg-type]
            facts = dict(zip(names, combo, strict=True))
            ctx = Ctx(self.scratch, _Partial(facts, known) if len(names) < len(reads) else facts, None)
            try:
                v = fn(ctx)
                resolved += 1
            except EvaluationFailure as f:
                v = _Raise(f.diagnostic)
                resolved += 1
            except _NeedsFact:
                v = _NEEDS
            except Exception:
                return None  # e.g. a type the expression cannot handle: keep the general path
            table[combo[0] if len(combo) == 1 else combo] = v
        # A table that mostly answers "needs another fact" would only add a lookup to most evaluations.
        if resolved * 2 < len(table):
            return None
        return _lookup(table, names, fn, self._key_slot(names))

    def _key_slot(self, names: list[str]) -> int | None:
        """A slot for the key tuple of these facts, or None for a single fact (its value is the key)."""
        if len(names) < 2:
            return None
        k = self.key_slot.get(tuple(names))
        if k is None and self.sealed:
            return None
        if k is None:
            k = self.key_slot[tuple(names)] = self.size
            self.size += 1
            self.scratch = Decision(self.reg, {}, self.traced, self.size)
        return k


def _lookup(table: dict[Any, Any], names: list[str], general: Fn, slot: int | None) -> Fn:
    """The runtime side of a tabulated part: one dictionary lookup, the general closure as fallback.

    With ``slot`` the key tuple is built once per evaluation and kept there for the other tables on it.
    """
    if len(table) == 1 and not names:
        (v,) = table.values()
        if not isinstance(v, _Raise):
            return const(v)
    key_of: Callable[[Ctx], Any]
    if not names:
        table = {(): next(iter(table.values()))}
        key_of = lambda ctx: ()  # noqa: E731
    elif slot is None:
        get = operator.itemgetter(*names)
        key_of = lambda ctx: get(ctx.facts)  # noqa: E731
    else:
        get = operator.itemgetter(*names)
        k = slot
        if any(isinstance(v, _Raise) or v is _NEEDS for v in table.values()):
            return _slot_lookup(table, get, k, general)

        def key_of(ctx: Ctx) -> Any:
            s = ctx.slots
            key = s[k]
            if key is UNSET:
                try:
                    key = get(ctx.facts)
                except KeyError:  # a fact is missing: no table entry, the general path every time
                    key = MISS
                s[k] = key
            return key

    if any(isinstance(v, _Raise) or v is _NEEDS for v in table.values()):
        def lookup_or_general(ctx: Ctx) -> Any:
            try:
                v = table[key_of(ctx)]
            except (KeyError, TypeError):  # a fact is missing, or its value is not a declared one
                return general(ctx)
            if v is _NEEDS:
                return general(ctx)
            if v.__class__ is _Raise:
                raise EvaluationFailure(v.diagnostic)
            return v
        return lookup_or_general

    def lookup(ctx: Ctx) -> Any:
        try:
            return table[key_of(ctx)]
        except (KeyError, TypeError):
            pass
        return general(ctx)
    lookup.cheap = True  # type: ignore[attr-defined]
    return lookup


def _slot_lookup(table: dict[Any, Any], get: Callable[[dict[str, Any]], Any], k: int, general: Fn) -> Fn:
    """``lookup_or_general`` of ``_lookup`` with a key slot, its ``key_of`` written out in it: one call fewer
    on the path every outcome of a per-case evaluation takes."""
    def slot_lookup_or_general(ctx: Ctx) -> Any:
        try:
            s = ctx.slots
            key = s[k]
            if key is UNSET:
                try:
                    key = get(ctx.facts)
                except KeyError:  # a fact is missing: no table entry, the general path every time
                    key = MISS
                s[k] = key
            v = table[key]
        except (KeyError, TypeError):  # a fact is missing, or its value is not a declared one
            return general(ctx)
        if v is _NEEDS:
            return general(ctx)
        if v.__class__ is _Raise:
            raise EvaluationFailure(v.diagnostic)
        return v
    return slot_lookup_or_general
