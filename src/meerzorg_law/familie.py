"""The one shape of a traversal over a family of node classes, as ``ir.ExprVisitor`` is for expressions.

A family (amendment instructions, the provision tree, the items of a provision, declarations, the default-logic
tree of the IR) lists its node classes once, each with the name of its method (``KINDS``), next to the nodes.
Its traversal is a subclass of ``Traversal`` with one method per kind that raises ``NotImplementedError``; a
pass over the family subclasses it and overrides every method, and ``dispatch`` finds the method through the
table, so no isinstance chain has to be kept in step with the family. ``missing_handlers`` is what the
exhaustiveness tests (tests/test_families.py) ask of every subclass.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

__all__ = ["Traversal", "missing_handlers", "passes"]

A = TypeVar("A")
R = TypeVar("R")


class Traversal(Generic[A, R]):
    """Base of a family's traversal: ``KINDS`` maps each node class to its method; ``arg`` flows down."""

    KINDS: ClassVar[dict[type, str]] = {}
    # A family's own base class (and a test's deliberately partial class) sets this: it is not a pass.
    abstract_visitor: ClassVar[bool] = True

    def dispatch(self, node: object, arg: A) -> R:
        method: Callable[[Any, A], R] = getattr(self, self.KINDS[type(node)])
        return method(node, arg)


def missing_handlers(base: type[Traversal[Any, Any]], visitor: type) -> list[str]:
    """The kinds of ``base``'s family that ``visitor`` does not handle (its exhaustiveness, for tests)."""
    return [name for name in base.KINDS.values() if getattr(visitor, name) is getattr(base, name)]


def passes(base: type) -> list[type]:
    """Every pass over ``base``'s family: its subclasses at any depth, less those marked abstract."""
    found: list[type] = []
    todo: list[type] = list(base.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return [c for c in found if not c.__dict__.get("abstract_visitor", False)]
