"""AST -> DSL text, canonically formatted: used for traces, renvooi, counterexamples and round-trip tests."""

from __future__ import annotations

from . import ast

# Binding strength per operator, weakest first; used to add only the parentheses that are needed.
_PREC = {"impliceert": 1, "of": 2, "en": 3, "niet": 4, "cmp": 5, "+": 6, "-": 6, "*": 7, "/": 7, "neg": 8}
_CMP = {"=", "<>", "<", "<=", ">", ">="}


def _prec(e: ast.Expr) -> int:
    if isinstance(e, ast.BinOp):
        return _PREC["cmp"] if e.op in _CMP else _PREC[e.op]
    if isinstance(e, (ast.In, ast.Known)):
        return _PREC["cmp"]
    if isinstance(e, ast.Unary):
        return _PREC["niet"] if e.op == "niet" else _PREC["neg"]
    if isinstance(e, ast.IfThenElse):
        return 0
    return 9


def _wrap(e: ast.Expr, minimum: int) -> str:
    text = print_expr(e)
    return f"({text})" if _prec(e) < minimum else text


def print_expr(e: ast.Expr) -> str:
    """Canonical text of an expression.

    >>> from ..span import NO_SPAN
    >>> print_expr(ast.BinOp("en", ast.Name("a", NO_SPAN), ast.Unary("niet", ast.Name("b", NO_SPAN), NO_SPAN), NO_SPAN))
    'a en niet b'
    """
    if isinstance(e, ast.Name):
        return e.name
    if isinstance(e, ast.Literal):
        return e.text
    if isinstance(e, ast.SetLit):
        return "{" + ", ".join(print_expr(i) for i in e.items) + "}"
    if isinstance(e, ast.BinOp):
        p = _prec(e)
        # Comparisons do not chain and arithmetic is left-associative: the right side binds one tighter.
        left_min = p + 1 if e.op in _CMP else p
        return f"{_wrap(e.left, left_min)} {e.op} {_wrap(e.right, p + 1)}"
    if isinstance(e, ast.In):
        neg = "niet in" if e.negated else "in"
        return f"{_wrap(e.element, _PREC['+'])} {neg} {_wrap(e.collection, _PREC['+'])}"
    if isinstance(e, ast.Unary):
        if e.op == "niet":
            return f"niet {_wrap(e.operand, _PREC['niet'])}"
        return f"-{_wrap(e.operand, _PREC['neg'])}"
    if isinstance(e, ast.Known):
        return f"{_wrap(e.operand, _PREC['+'])} is {'niet ' if e.negated else ''}bekend"
    if isinstance(e, ast.Lookup):
        return f"{_wrap(e.table, 9)}[{print_expr(e.key)}]"
    if isinstance(e, ast.Column):
        return f"{_wrap(e.base, 9)}.{e.column}"
    if isinstance(e, ast.Call):
        return f"{e.function}({', '.join(print_expr(a) for a in e.args)})"
    if isinstance(e, ast.IfThenElse):
        return f"als {print_expr(e.condition)} dan {print_expr(e.then)} anders {print_expr(e.otherwise)}"
    if isinstance(e, ast.Volgens):
        return f"{_wrap(e.expr, 9)} volgens {e.versie}"
    if isinstance(e, ast.Met):
        return f"({print_expr(e.expr)} met {e.fact} als {print_expr(e.value)})"
    raise TypeError(f"geen expressie: {e!r}")
