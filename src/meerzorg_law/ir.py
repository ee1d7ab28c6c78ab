"""The IR: one resolved, type-checked, consolidated version of the regeling. THE contract downstream.

Everything after ``semantics`` (engine, cases, compare, properties, impact, render, sphinxext) reads
this and never the parse tree. Expressions are typed; each outcome has its rules arranged as a
default-logic tree (``Group``/``Leaf``) as Catala's ``EDefault``. The expression nodes and their visitor
live in ``ir_expr`` and are re-exported here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TypeVar, Union

from .familie import Traversal

# One Herkomst for the AST and the IR: the IR carries the one the drafter wrote (and consolidation completed);
# renderers show it as a badge (``render.herkomst``), its ``bronnen`` are ids in ``Regeling.bronnen``.
from .herkomst import Herkomst, HerkomstDeel
from .ir_expr import (
    EXPR_KINDS,
    BinOp,
    Call,
    Const,
    Expr,
    ExprVisitor,
    IfThenElse,
    InSet,
    InTable,
    Known,
    Lookup,
    Met,
    Unary,
    Var,
    Volgens,
    children,
    missing_handlers,
    walk,
)
from .span import ProvisionRef, Span
from .types import Type
from .values import Value

A = TypeVar("A")
R = TypeVar("R")

__all__ = [
    "EXPR_KINDS", "NODE_KINDS", "BinOp", "Bron", "Call", "Condition", "Const", "Constraint", "Definition", "EnumDecl",
    "Expr", "ExprVisitor",
    "FactDecl", "Group", "Herkomst", "HerkomstDeel",
    "IfThenElse", "InSet", "InTable", "Known", "Leaf", "Lookup", "Met", "Node", "NodeVisitor",
    "OutcomeDecl", "OutcomeTree", "Property", "Provision", "Regeling", "Rule", "Table", "Unary", "Var", "Volgens",
    "Zin", "children", "missing_handlers", "regels", "walk",
]

# --------------------------------------------------------------------------------------------------
# Declarations
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Zin:
    """The clause that states a fact, begrip or enumeration value in a reading (``render.zinnen``): for
    waar/onwaar a main clause with the finite verb in brackets and its negation (given, or "niet" after the
    verb); else the noun phrase with its article. Checked in ``semantics.lower``."""

    tekst: str
    ontkend: str
    span: Span


@dataclass(frozen=True, slots=True)
class EnumDecl:
    name: str
    label: str
    values: tuple[str, ...]
    labels: tuple[str, ...]
    span: Span
    zinnen: tuple[Zin | None, ...] = ()


@dataclass(frozen=True, slots=True)
class FactDecl:
    name: str
    type: Type
    optioneel: bool
    bereik: tuple[Value, Value] | None
    label: str
    span: Span
    zin: Zin | None = None


@dataclass(frozen=True, slots=True)
class Constraint:
    """A ``beperking`` on the facts of a case: ``expr`` (waar/onwaar, over facts only) must hold, or the case is
    an input error when it is loaded; ``source`` is the text as written, for the message."""

    name: str
    label: str
    expr: Expr
    source: str
    facts: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class OutcomeDecl:
    name: str
    type: Type
    standaard: Expr | None
    label: str
    span: Span
    zin: Zin | None = None


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
    zin: Zin | None = None


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
class Rangorde:
    """A declared test order (``rangorde``) standing in ``span.provision``: each rule in an earlier provision
    of ``volgorde`` goes before the rules for the same outcome in every later one. No derogation: the
    renderers show it as a numbered order, and ``Rule.exception_to`` keeps only what the text derogates from."""

    label: str
    volgorde: tuple[ProvisionRef, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Leaf:
    rule: Rule


@dataclass(frozen=True, slots=True)
class Group:
    """Exceptions first: if one applies it wins; else the members decide (Catala's nested default)."""

    exceptions: tuple[Node, ...]
    members: tuple[Node, ...]


Node = Union[Leaf, Group]

# The default-logic tree's node kinds with their methods on NodeVisitor (tests/test_families.py checks every pass).
NODE_KINDS: dict[type, str] = {Leaf: "leaf", Group: "group"}


class NodeVisitor(Traversal[A, R]):
    """The one traversal over the default-logic tree of an outcome: a rule (``Leaf``) or a ``Group`` of
    exceptions before members. Evaluation, compilation, proofs, the columnar plan, the rekenhulp and the
    renderers subclass it and override both methods, as for ``ExprVisitor``."""

    KINDS = NODE_KINDS
    abstract_visitor = True

    def visit(self, n: Node, arg: A) -> R:
        return self.dispatch(n, arg)

    def leaf(self, n: Leaf, arg: A) -> R:
        raise NotImplementedError
    def group(self, n: Group, arg: A) -> R:
        raise NotImplementedError


class _Regels(NodeVisitor[None, tuple["Rule", ...]]):
    """The rules of a tree, exceptions before members: the structure generic passes use."""

    def leaf(self, n: Leaf, arg: None) -> tuple[Rule, ...]:
        return (n.rule,)
    def group(self, n: Group, arg: None) -> tuple[Rule, ...]:
        return tuple(r for m in (*n.exceptions, *n.members) for r in self.visit(m, None))


_REGELS = _Regels()


def regels(n: Node) -> tuple[Rule, ...]:
    """Every rule in ``n``, depth first, a group's exceptions before its members."""
    return _REGELS.visit(n, None)


@dataclass(frozen=True, slots=True)
class OutcomeTree:
    outcome: str
    nodes: tuple[Node, ...]
    standaard: Expr | None


# --------------------------------------------------------------------------------------------------
# Provisions (for explanations and docs) and properties
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bron:
    """One entry of the source registry (regeling/bronnen.toml); ``bwb`` and ``geldend_vanaf`` are set for
    consolidated official texts (wetten.overheid.nl), ``datum`` is the date of publication or consultation.
    ``url`` is the official address; ``kopie`` the public copy that was actually read, when that was another."""

    id: str
    titel: str
    datum: datetime.date | None
    uitgever: str
    url: str
    bwb: str = ""
    geldend_vanaf: datetime.date | None = None
    kopie: str = ""


@dataclass(frozen=True, slots=True)
class Provision:
    """A provision's text as the renderers show it; ``kind`` is artikel, lid, onderdeel, subonderdeel,
    begripsomschrijving (``titel`` is its term) or bijlage."""

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
    # Constraints on the facts of a case, checked when a case is loaded (cases.load).
    beperkingen: tuple[Constraint, ...] = ()
    # Declared test orders (rangorde), in document order.
    rangorden: tuple[Rangorde, ...] = ()

    def provision(self, ref: ProvisionRef) -> Provision | None:
        return next((p for p in self.provisions if p.ref == ref), None)
