"""The ``beperking`` declarations of a version -> ir.Constraint: type-checked as waar/onwaar over facts only.

A constraint says which combinations of facts a case may not have (a week holds 168 hours); ``cases.load``
checks it, so breaking it is an input error at the facts, never an outcome of the regeling.
"""

from __future__ import annotations

from .. import ir
from .. import types as T
from ..diagnostics import Diagnostic
from ..syntax import ast
from ..syntax.printer import print_expr
from .check import Checker

__all__ = ["lower_beperkingen"]


def lower_beperkingen(gegevens: tuple[ast.Declaratie, ...], checker: Checker,
                      diags: list[Diagnostic]) -> tuple[ir.Constraint, ...]:
    """Each beperking checked; one that reads anything but facts is an error (E285), the others are kept."""
    out: list[ir.Constraint] = []
    for d in gegevens:
        if not isinstance(d, ast.Beperking):
            continue
        expr = checker.expect(d.expr, T.BOOL)
        others = sorted({x.name for x in ir.walk(expr) if isinstance(x, ir.Var) and x.kind != "invoer"})
        if others:
            diags.append(Diagnostic("E285", d.span, f"beperking {d.name} gaat alleen over feiten (invoer), niet "
                                                    f"over {', '.join(others)}"))
            continue
        facts = tuple(dict.fromkeys(x.name for x in ir.walk(expr) if isinstance(x, ir.Var)))
        out.append(ir.Constraint(d.name, d.label, expr, print_expr(d.expr), facts, d.span))
    return tuple(out)
