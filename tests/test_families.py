"""Every pass over a node family handles every node of it: the instruction, provision-tree, item, declaration
and default-logic families and the columnar plan's tree, under the same kind of test as the expression visitors
(tests/test_ir_visitor.py).

Each family's node classes are found by introspection of the module that defines them: every dataclass there
is either a node of one of its families (it is in the family's union and in its ``KINDS`` table) or one of the
named containers. A new node class that is in no family, a union without its table entry, or a pass
without a method for a kind fails here by name.
"""

from __future__ import annotations

import ast as pyast
import dataclasses
import importlib
import inspect
import pkgutil
import typing
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import pytest

import meerzorg_law
from meerzorg_law import familie, herkomst, ir
from meerzorg_law.columnar import nodes as plan_nodes
from meerzorg_law.syntax import ast, ast_regeling, ast_wijziging


class Family(NamedTuple):
    name: str
    base: type[familie.Traversal[Any, Any]]
    union: object  # the typing.Union of the family's node classes
    module: ModuleType  # where they are defined, next to their traversal
    required: frozenset[str]  # the passes that must exist (and so use the traversal)


FAMILIES = [
    Family("instructies", ast.InstructieVisitor, ast.Instructie, ast_wijziging, frozenset({
        "meerzorg_law.syntax.ast_wijziging._Delen",  # what each kind is about and carries (annotate, eIds)
        "meerzorg_law.syntax._instructies._Dsl",  # the DSL line of each kind (syntax/printer.py)
        "meerzorg_law.versions.consolidate._Toepassing",  # each kind's effect on the version
        "meerzorg_law.syntax.formules._Formule",  # each kind's one Dutch sentence and what it quotes
        "meerzorg_law.syntax.formules._Groep",  # the onderdeel each kind belongs in (derivation)
    })),
    Family("bepalingen", ast.BepalingVisitor, ast.Bepaling, ast_regeling, frozenset({
        "meerzorg_law.syntax.ast_regeling._Plaats",  # level, number, children: every generic walk
        "meerzorg_law.syntax._dsl._Bepaling",  # the printer
        "meerzorg_law.syntax.annotate._Bepaling",  # references and absolute citations
        "meerzorg_law.document.build._Bepaling",  # the document model's provisions
        "meerzorg_law.versions._gelijk._Eigen",  # a provision without its children, for comparison
        "meerzorg_law.semantics.lower._Boom",  # the IR's provisions and the order rules are numbered in
        "meerzorg_law.versions.afleiden._Kind",  # the reference of a child provision, for the derivation
    })),
    Family("items", ast.ItemVisitor, ast.Item, ast_regeling, frozenset({
        "meerzorg_law.syntax._dsl._Item",
        "meerzorg_law.syntax.annotate._Item",
        "meerzorg_law.versions._tree._Verwijzingen",  # citations rewritten when a provision is renumbered
    })),
    Family("declaraties", ast.DeclaratieVisitor, ast.Declaratie, ast_regeling, frozenset({
        "meerzorg_law.syntax._dsl._Declaratie",  # the printer
        "meerzorg_law.document.tekst._Zin",  # the document model's words for the gegevens
        "meerzorg_law.semantics.lower._Declaratie",  # lowering to the IR's declarations
    })),
    Family("beslisboom", ir.NodeVisitor, ir.Node, ir, frozenset({
        "meerzorg_law.ir._Regels",  # the rules of a tree, exceptions first (ir.regels)
        "meerzorg_law.engine.interpret._Knoop",  # the reference interpreter
        "meerzorg_law.engine.compile._Knoop",  # the closures
        "meerzorg_law.engine.reads._Knoop",  # facts read, for tables
        "meerzorg_law.columnar.plan._Knoop",  # the plan over a batch of cases
        "meerzorg_law.verify.smt._Knoop",  # the proofs' terms
        "meerzorg_law.javascript.program._Knoop",  # the rekenhulp
        "meerzorg_law.render.beslispad._Vlak",  # the decision path's steps
    })),
    Family("planboom", plan_nodes.PlanVisitor, plan_nodes.PNode, plan_nodes, frozenset({
        "meerzorg_law.columnar.execute._Kies",  # the columnar executor: where a rule or group applies
        "meerzorg_law.columnar.plan._Rescale",  # the values of a tree at one decimal scale
    })),
]

# Dataclasses of those modules that are no node of a family: documents, containers and parts of nodes.
NO_FAMILY = {
    ast_wijziging: {"Wijzigingsregeling", "WijzigingsArtikel", "Wijziging", "RijWijziging", "GegevensInstructie"},
    ast_regeling: {"Regeling", "Hoofdstuk", "Paragraaf", "Bijlage", "Tabel", "Kolom", "Rij", "TypeExpr", "Zin",
                   "EnumWaarde", "Verwijzing", "Toekenning", "Eigenschap", "Geldt", "Monotoon"},
    ir: {"Zin", "EnumDecl", "FactDecl", "Constraint", "OutcomeDecl", "Definition", "Table", "Condition", "Rule",
         "Rangorde", "OutcomeTree", "Bron", "Provision", "Property", "Regeling"},
    plan_nodes: {"Arr", "FactSpec", "Plan"},
    herkomst: {"Herkomst", "HerkomstDeel"},  # of a provision, table or rule, in the AST and the IR alike
}


def _passes(base: type) -> list[type]:
    for info in pkgutil.walk_packages(meerzorg_law.__path__, "meerzorg_law."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    return familie.passes(base)


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _node_classes(module: ModuleType) -> set[type]:
    return {c for _, c in inspect.getmembers(module, inspect.isclass)
            if c.__module__ == module.__name__ and dataclasses.is_dataclass(c)}


def test_every_node_class_is_in_a_family_or_named_as_none() -> None:
    for module, none in NO_FAMILY.items():
        in_families = {c for f in FAMILIES if f.module is module for c in typing.get_args(f.union)}
        stray = sorted(c.__name__ for c in _node_classes(module) - in_families if c.__name__ not in none)
        assert not stray, f"{module.__name__}: klassen in geen familie (voeg ze toe aan een unie en KINDS): {stray}"


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_kinds_cover_the_union(family: Family) -> None:
    assert set(family.base.KINDS) == set(typing.get_args(family.union))
    for name in family.base.KINDS.values():
        assert getattr(family.base, name) is not None


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_required_passes_exist(family: Family) -> None:
    assert family.required <= {_name(c) for c in _passes(family.base)}


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_every_pass_handles_every_kind(family: Family) -> None:
    problems = {_name(c): familie.missing_handlers(family.base, c) for c in _passes(family.base)}
    missing = sorted(f"{k} mist: {', '.join(m)}" for k, m in problems.items() if m)
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_a_pass_missing_a_kind_is_caught(family: Family, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not vacuous: a pass without the family's last kind is reported, and a class left out of every family
    is found."""
    kinds = list(family.base.KINDS.values())
    partial = type("Partial", (family.base,), {k: (lambda self, n, a: None) for k in kinds[:-1]})
    assert familie.missing_handlers(family.base, partial) == [kinds[-1]]
    assert partial in familie.passes(family.base)
    partial.abstract_visitor = True  # type: ignore[attr-defined]  (no pass: the tests above must not see it)

    @dataclasses.dataclass
    class Planted:
        x: int

    Planted.__module__ = family.module.__name__
    monkeypatch.setattr(family.module, "Planted", Planted, raising=False)
    with pytest.raises(AssertionError, match="Planted"):
        test_every_node_class_is_in_a_family_or_named_as_none()


# Where an instruction kind may be named. A new kind is written in the first four (with its grammar rule in
# grammar/meerzorg.lark: five files, see docs/architectuur.rst); consolidation may keep a large kind's work in
# a helper module of its own, and the derivation of a wijzigingsregeling from an edited copy (afleiden) builds the
# kinds it can find. Anywhere else a named kind is a walk that the next kind would have to be added to by hand.
INSTRUCTIE_BESTANDEN = {
    "syntax/ast_wijziging.py",  # the node, in Instructie and INSTRUCTIE_KINDS, and what it carries (_Delen)
    "syntax/_instructies.py",  # its parse callback and its DSL line
    "syntax/formules.py",  # its one Dutch sentence, what it quotes, its onderdeel and its Akoma Ntoso type
    "versions/consolidate.py",  # its effect on the version
    "versions/_structuur.py", "versions/gegevens.py",  # consolidation of structures and of the gegevens
    "versions/afleiden.py",  # derivation, which builds the kinds it knows
}


def _namen(path: Path) -> set[str]:
    tree = pyast.parse(path.read_text(encoding="utf-8"))
    return {n.attr if isinstance(n, pyast.Attribute) else n.id for n in pyast.walk(tree)
            if isinstance(n, (pyast.Attribute, pyast.Name))}


def test_instruction_kinds_are_named_only_where_a_new_kind_is_written() -> None:
    soorten = {c.__name__ for c in typing.get_args(ast.Instructie)}
    package = Path(meerzorg_law.__file__).parent
    waar = {str(p.relative_to(package)): sorted(soorten & _namen(p)) for p in sorted(package.rglob("*.py"))}
    buiten = {p: s for p, s in waar.items() if s and p not in INSTRUCTIE_BESTANDEN}
    assert not buiten, f"deze modules noemen soorten opdrachten; laat ze ast.InstructieVisitor gebruiken: {buiten}"
    assert {p for p, s in waar.items() if s} >= {"syntax/ast_wijziging.py", "syntax/_instructies.py",
                                                  "syntax/formules.py", "versions/consolidate.py"}
