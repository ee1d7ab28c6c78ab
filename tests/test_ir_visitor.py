"""Every back end handles every expression kind: adding a kind to the IR without a handler fails here."""

from __future__ import annotations

import importlib
import pkgutil
import typing
from typing import Any

import meerzorg_law
from meerzorg_law import ir


def _all_visitors() -> list[type[ir.ExprVisitor[Any]]]:
    for info in pkgutil.walk_packages(meerzorg_law.__path__, "meerzorg_law."):
        if info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)
    found, todo = [], list(ir.ExprVisitor.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return [c for c in found if not getattr(c, "abstract_visitor", False)]


# The back ends that must exist, each a subclass of ir.ExprVisitor. A back end that stops using the one
# traversal (or is renamed without updating this list) fails here, as does one missing a kind above.
REQUIRED = {
    "meerzorg_law.ir_expr._Children",  # the structure every generic walk (ir.children, ir.walk) uses
    "meerzorg_law.engine.closures.Closures",  # per-case closures
    "meerzorg_law.engine.interpret._Values",  # the reference interpreter
    "meerzorg_law.engine.reads.FactsRead",  # facts read, for partial evaluation
    "meerzorg_law.render.zinnen._Termen",  # values read aloud in Dutch
    "meerzorg_law.render.zinnen._Clauses",  # conditions read aloud as Dutch clauses
    "meerzorg_law.properties.strategies._Pins",  # facts a condition pins, for case generation
    "meerzorg_law.verify.smt.Translator",  # SMT terms for the proofs (z3)
    "meerzorg_law.verify.symbolic._Text",  # conditions of a symbolic comparison, as the drafter writes them
    "meerzorg_law.columnar.plan._Planner",  # array expressions over a batch of cases
    "meerzorg_law.javascript.expr.Expressies",  # JavaScript for the rekenhulp in the browser
}


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def test_required_back_ends_exist() -> None:
    assert REQUIRED <= {_name(v) for v in _all_visitors()}


def test_expr_kinds_cover_the_expr_union() -> None:
    assert set(ir.EXPR_KINDS) == set(typing.get_args(ir.Expr))


def test_every_back_end_handles_every_kind() -> None:
    visitors = _all_visitors()
    problems = {_name(v): ir.missing_handlers(v) for v in visitors}
    missing = sorted(f"{k} has no method for: {', '.join(m)}" for k, m in problems.items() if m)
    assert not missing, "\n".join(missing)


def test_a_visitor_missing_a_kind_is_caught() -> None:
    """The check above is not vacuous: a visitor without ``met`` is reported."""

    class Partial(ir.ExprVisitor[int]):
        abstract_visitor = True

    for name in ir.EXPR_KINDS.values():
        if name != "met":
            setattr(Partial, name, lambda self, e: 0)
    assert ir.missing_handlers(Partial) == ["met"]
