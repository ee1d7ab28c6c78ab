"""The columnar plan's nodes: array expressions, default-logic trees over them, and the plan of one version.

Pure data (no numpy): see ``plan.py`` for how values are represented and why no int64 can overflow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar, Union

from ..familie import Traversal
from ..types import TypeKind

__all__ = ["FACT_SCALE", "PLAN_KINDS", "Arr", "FactSpec", "PGroup", "PLeaf", "PNode", "Plan", "PlanVisitor"]

A = TypeVar("A")
R = TypeVar("R")

# Decimal facts come in as int64 units of 10^-FACT_SCALE (a ten-thousandth of an hour).
FACT_SCALE = 4

# How the columnar engine holds each type kind: one integer array (int, dec at a scale, geld in cents, date as a
# day number, uren in seconds, enum as an index) or a boolean array; "other" is not held in columns and is decided
# per case. The columnar engine's one mapping keyed by TypeKind (tests/test_typekind.py checks it is complete).
COLUMN_KINDS: dict[TypeKind, str] = {
    TypeKind.BOOL: "bool", TypeKind.ENUM: "enum", TypeKind.GEHEEL: "int", TypeKind.DECIMAAL: "dec",
    TypeKind.GELD: "geld", TypeKind.DATUM: "date", TypeKind.UREN: "uren",
    TypeKind.DUUR: "other", TypeKind.TABEL: "other", TypeKind.FOUT: "other",
}


@dataclass(frozen=True, eq=False, slots=True)
class Arr:
    """One array expression: ``op`` over ``args``; kind, decimal scale and bounds (in units) are static.

    ``param`` is op-specific: a fact or definition name, a literal, a tuple of codes, a table column, the
    reason of a fallback, or the default-logic tree of an outcome. Identity equality: a shared subexpression
    is the same node, so an executor computes it once per chunk.
    """

    op: str
    args: tuple[Arr, ...]
    kind: str
    scale: int = 0
    lo: int = 0
    hi: int = 0
    param: Any = None


@dataclass(frozen=True, eq=False, slots=True)
class PLeaf:
    """A rule: its conditions in order (with ``tenzij``) and its value; it applies when all hold."""

    conditions: tuple[tuple[Arr, bool], ...]
    value: Arr


@dataclass(frozen=True, eq=False, slots=True)
class PGroup:
    """Exceptions first: if one applies it wins; else the members decide."""

    exceptions: tuple[PLeaf | PGroup, ...]
    members: tuple[PLeaf | PGroup, ...]


# The default-logic tree of an outcome in the plan, a family of its own (familie.py, tests/test_families.py).
PNode = Union[PLeaf, PGroup]

PLAN_KINDS: dict[type, str] = {PLeaf: "leaf", PGroup: "group"}


class PlanVisitor(Traversal[A, R]):
    """The one traversal over the plan's default-logic tree (the executor, rescaling): one method per kind."""

    KINDS = PLAN_KINDS
    abstract_visitor = True

    def visit(self, node: PNode, arg: A) -> R:
        return self.dispatch(node, arg)

    def leaf(self, node: PLeaf, arg: A) -> R:
        raise NotImplementedError
    def group(self, node: PGroup, arg: A) -> R:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class FactSpec:
    """How a fact's column is read: its kind, scale, bounds (units) and enum values."""

    name: str
    kind: str
    scale: int
    lo: int
    hi: int
    optional: bool
    values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    """The columnar plan of one version: outcomes and definitions as array expressions."""

    versie: str
    facts: dict[str, FactSpec]
    definitions: dict[str, Arr]
    outcomes: dict[str, Arr]
    # (reason, where) of every construct that falls back to the per-case evaluator.
    fallbacks: tuple[tuple[str, str], ...] = field(default=())
