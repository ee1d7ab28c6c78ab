"""Every pass over AST expressions handles every kind: adding a kind to the AST without a handler fails here."""

from __future__ import annotations

import importlib
import pkgutil
import typing
from typing import Any

import meerzorg_law
from meerzorg_law.syntax import ast, ast_expr

# The passes that must walk AST expressions through ast.ExprVisitor.
REQUIRED = {
    "meerzorg_law.syntax._dsl._Printer",  # AST -> canonical DSL text
    "meerzorg_law.semantics.check.Checker",  # AST -> typed IR, with the expected type flowing down
}


def _all_visitors() -> list[type[ast.ExprVisitor[Any, Any]]]:
    for info in pkgutil.walk_packages(meerzorg_law.__path__, "meerzorg_law."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    found, todo = [], list(ast.ExprVisitor.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return [c for c in found if not getattr(c, "abstract_visitor", False)]


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def test_expr_kinds_cover_the_expr_union() -> None:
    assert set(ast_expr.EXPR_KINDS) == set(typing.get_args(ast.Expr))


def test_required_passes_exist() -> None:
    assert REQUIRED <= {_name(v) for v in _all_visitors()}


def test_every_pass_handles_every_kind() -> None:
    problems = {_name(v): ast_expr.missing_handlers(v) for v in _all_visitors()}
    missing = sorted(f"{k} has no method for: {', '.join(m)}" for k, m in problems.items() if m)
    assert not missing, "\n".join(missing)


def test_a_visitor_missing_a_kind_is_caught() -> None:
    """The check above is not vacuous: a visitor without ``met`` is reported."""

    class Partial(ast.ExprVisitor[None, int]):
        abstract_visitor = True

    for name in ast_expr.EXPR_KINDS.values():
        if name != "met":
            setattr(Partial, name, lambda self, e, arg: 0)
    assert ast_expr.missing_handlers(Partial) == ["met"]
