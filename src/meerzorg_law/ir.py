"""The IR: one resolved, type-checked, consolidated version of the regeling. THE contract downstream.

Everything after ``semantics`` (engine, cases, compare, properties, impact, render, sphinxext) reads
this and never the parse tree. Expressions are typed; each outcome has its rules arranged as a
default-logic tree (``Group``/``Leaf``) as Catala's ``EDefault``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, Union

from .span import ProvisionRef, Span
from .types import Type
from .values import Value

# --------------------------------------------------------------------------------------------------
# Expressions (typed)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Const:
    value: Value
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Var:
    """A fact (``invoer``), a definition (``begrip``/``parameter``) or an outcome."""

    name: str
    kind: str
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Unary:
    """``niet``, ``-`` (negation), ``promote`` (geheel -> decimaal)."""

    op: str
    operand: Expr
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class BinOp:
    """Arithmetic, comparison, and the short-circuit ``en``/``of``/``impliceert``."""

    op: str
    left: Expr
    right: Expr
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class InSet:
    element: Expr
    items: tuple[Expr, ...]
    negated: bool
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class InTable:
    element: Expr
    table: str
    negated: bool
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Lookup:
    table: str
    key: Expr
    column: str
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Known:
    fact: str
    negated: bool
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class IfThenElse:
    condition: Expr
    then: Expr
    otherwise: Expr
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    args: tuple[Expr, ...]
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Volgens:
    """An outcome under another version (eigenschappen only)."""

    expr: Expr
    versie: str
    type: Type
    span: Span


@dataclass(frozen=True, slots=True)
class Met:
    """The same case with one fact changed (eigenschappen only)."""

    expr: Expr
    fact: str
    value: Expr
    type: Type
    span: Span


Expr = Union[Const, Var, Unary, BinOp, InSet, InTable, Lookup, Known, IfThenElse, Call, Volgens, Met]


R = TypeVar("R")

# Every expression kind, each with the name of its method on ExprVisitor. Adding a kind to ``Expr`` means
# adding it here; tests/test_ir_visitor.py then fails for every back end that has no method for it.
EXPR_KINDS: dict[type, str] = {
    Const: "const", Var: "var", Unary: "unary", BinOp: "bin_op", InSet: "in_set", InTable: "in_table",
    Lookup: "lookup", Known: "known", IfThenElse: "if_then_else", Call: "call", Volgens: "volgens", Met: "met",
}


class ExprVisitor(Generic[R]):
    """The one traversal over IR expressions that every back end uses: one method per expression kind.

    A back end (closures, interpreter, columnar plan, SMT terms, rule text) subclasses this and overrides
    every method; ``visit`` dispatches on the node's class through one table, so there is no isinstance
    chain to keep in step with ``Expr``. A back end that cannot translate a kind overrides its method to
    say so (for example by raising its own "not supported" error), never by leaving it out.
    """

    def visit(self, e: Expr) -> R:
        method: Callable[[Any], R] = getattr(self, EXPR_KINDS[type(e)])
        return method(e)

    def const(self, e: Const) -> R:
        raise NotImplementedError
    def var(self, e: Var) -> R:
        raise NotImplementedError
    def unary(self, e: Unary) -> R:
        raise NotImplementedError
    def bin_op(self, e: BinOp) -> R:
        raise NotImplementedError
    def in_set(self, e: InSet) -> R:
        raise NotImplementedError
    def in_table(self, e: InTable) -> R:
        raise NotImplementedError
    def lookup(self, e: Lookup) -> R:
        raise NotImplementedError
    def known(self, e: Known) -> R:
        raise NotImplementedError
    def if_then_else(self, e: IfThenElse) -> R:
        raise NotImplementedError
    def call(self, e: Call) -> R:
        raise NotImplementedError
    def volgens(self, e: Volgens) -> R:
        raise NotImplementedError
    def met(self, e: Met) -> R:
        raise NotImplementedError


class _Children(ExprVisitor[tuple[Expr, ...]]):
    """The direct subexpressions of each kind: the structure ``children`` and ``walk`` are built on."""

    def const(self, e: Const) -> tuple[Expr, ...]:
        return ()
    def var(self, e: Var) -> tuple[Expr, ...]:
        return ()
    def unary(self, e: Unary) -> tuple[Expr, ...]:
        return (e.operand,)
    def bin_op(self, e: BinOp) -> tuple[Expr, ...]:
        return (e.left, e.right)
    def in_set(self, e: InSet) -> tuple[Expr, ...]:
        return (e.element, *e.items)
    def in_table(self, e: InTable) -> tuple[Expr, ...]:
        return (e.element,)
    def lookup(self, e: Lookup) -> tuple[Expr, ...]:
        return (e.key,)
    def known(self, e: Known) -> tuple[Expr, ...]:
        return ()
    def if_then_else(self, e: IfThenElse) -> tuple[Expr, ...]:
        return (e.condition, e.then, e.otherwise)
    def call(self, e: Call) -> tuple[Expr, ...]:
        return e.args
    def volgens(self, e: Volgens) -> tuple[Expr, ...]:
        return (e.expr,)
    def met(self, e: Met) -> tuple[Expr, ...]:
        return (e.expr, e.value)


_CHILDREN = _Children()


def children(e: Expr) -> tuple[Expr, ...]:
    """The direct subexpressions of ``e``, for passes that treat every kind alike (collect, search)."""
    return _CHILDREN.visit(e)


def walk(e: Expr) -> Iterator[Expr]:
    """``e`` and all its subexpressions, depth first, without recursion (expressions may nest deeply)."""
    stack = [e]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def missing_handlers(visitor: type[ExprVisitor[Any]]) -> list[str]:
    """The expression kinds a back end's visitor class does not handle (its exhaustiveness, for tests)."""
    return [name for name in EXPR_KINDS.values() if getattr(visitor, name) is getattr(ExprVisitor, name)]

# --------------------------------------------------------------------------------------------------
# Declarations
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EnumDecl:
    name: str
    label: str
    values: tuple[str, ...]
    labels: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class FactDecl:
    name: str
    type: Type
    optioneel: bool
    bereik: tuple[Value, Value] | None
    label: str
    span: Span


@dataclass(frozen=True, slots=True)
class OutcomeDecl:
    name: str
    type: Type
    standaard: Expr | None
    label: str
    span: Span


@dataclass(frozen=True, slots=True)
class Definition:
    """A begrip or parameter: one value, defined in the provision ``span.provision``."""

    name: str
    label: str
    type: Type
    expr: Expr
    source: str
    is_parameter: bool
    span: Span
    herkomst: Herkomst | None = None


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    label: str
    key_type: Type
    columns: tuple[tuple[str, Type, str], ...]
    rows: dict[str, tuple[Value, ...]]
    row_labels: dict[str, str]
    span: Span
    herkomst: Herkomst | None = None

    def column_index(self, column: str) -> int:
        return [c[0] for c in self.columns].index(column)


# --------------------------------------------------------------------------------------------------
# Rules and their default-logic arrangement
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Condition:
    """One conjunct of a rule's condition, kept apart so a trace can say which held and which failed."""

    expr: Expr
    source: str
    tenzij: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """One ``toekenning`` of one rule: a rule setting three outcomes becomes three Rules with one id."""

    id: int
    outcome: str
    value: Expr
    value_source: str
    conditions: tuple[Condition, ...]
    exception_to: tuple[ProvisionRef, ...]
    span: Span
    herkomst: Herkomst | None = None

    @property
    def provision(self) -> ProvisionRef:
        return self.span.provision


@dataclass(frozen=True, slots=True)
class Leaf:
    rule: Rule


@dataclass(frozen=True, slots=True)
class Group:
    """Exceptions first: if one applies it wins; else the members decide (Catala's nested default)."""

    exceptions: tuple[Node, ...]
    members: tuple[Node, ...]


Node = Union[Leaf, Group]


@dataclass(frozen=True, slots=True)
class OutcomeTree:
    outcome: str
    nodes: tuple[Node, ...]
    standaard: Expr | None


# --------------------------------------------------------------------------------------------------
# Provisions (for explanations and docs) and properties
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Herkomst:
    """The kind of source a provision, table or rule rests on (officieel, beleid, uitvoering, reconstructie,
    keuze, voorstel), the ids of its sources in the registry (``Regeling.bronnen``), a note, and for a
    keuze the alternatives not chosen; renderers show it as a badge (``render.herkomst``)."""

    soort: str
    bronnen: tuple[str, ...]
    noot: str
    alternatieven: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Bron:
    """One entry of the source registry (regeling/bronnen.toml); ``bwb`` and ``geldend_vanaf`` are set for
    consolidated official texts (wetten.overheid.nl), ``datum`` is the date of publication or consultation."""

    id: str
    titel: str
    datum: datetime.date | None
    uitgever: str
    url: str
    bwb: str = ""
    geldend_vanaf: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class Provision:
    """A provision's text as the renderers show it; ``kind`` is artikel, lid, onderdeel, subonderdeel or bijlage."""

    ref: ProvisionRef
    kind: str
    titel: str
    tekst: str
    toelichting: str
    hoofdstuk: str
    span: Span
    herkomst: Herkomst | None = None


@dataclass(frozen=True, slots=True)
class Property:
    """A drafter's eigenschap: ``kind`` geldt (``expr``) or monotoon (``uitkomst`` in ``invoer``)."""

    name: str
    label: str
    versies: tuple[str, str] | None
    waarvoor: Expr | None
    kind: str
    expr: Expr | None
    uitkomst: str
    invoer: str
    source: str
    span: Span
    # (versie, reden) for each version in which the drafter declares the property violated by design.
    verwacht_geschonden: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Regeling:
    versie: str
    titel: str
    geldig_vanaf: datetime.date
    variant: bool
    basis: str
    bron: str
    enums: dict[str, EnumDecl]
    facts: dict[str, FactDecl]
    outcomes: dict[str, OutcomeDecl]
    definitions: dict[str, Definition]
    tables: dict[str, Table]
    rules: tuple[Rule, ...]
    trees: dict[str, OutcomeTree]
    provisions: tuple[Provision, ...]
    properties: tuple[Property, ...]
    span: Span
    # Names each outcome and definition reads, for dependency order and "inputs read" in explanations.
    dependencies: dict[str, frozenset[str]] = field(default_factory=dict)
    # The source registry every Herkomst cites by id (the same for every version).
    bronnen: dict[str, Bron] = field(default_factory=dict)

    def provision(self, ref: ProvisionRef) -> Provision | None:
        return next((p for p in self.provisions if p.ref == ref), None)
