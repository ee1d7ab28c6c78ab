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


def test_expr_kinds_cover_the_expr_union() -> None:
    assert set(ir.EXPR_KINDS) == set(typing.get_args(ir.Expr))


def test_every_back_end_handles_every_kind() -> None:
    visitors = _all_visitors()
    problems = {f"{v.__module__}.{v.__qualname__}": ir.missing_handlers(v) for v in visitors}
    assert not {k: m for k, m in problems.items() if m}


def test_a_visitor_missing_a_kind_is_caught() -> None:
    """The check above is not vacuous: a visitor without ``met`` is reported."""

    class Partial(ir.ExprVisitor[int]):
        abstract_visitor = True

    for name in ir.EXPR_KINDS.values():
        if name != "met":
            setattr(Partial, name, lambda self, e: 0)
    assert ir.missing_handlers(Partial) == ["met"]
