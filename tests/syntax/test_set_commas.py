"""In a set a comma that follows '{' or another item's comma separates items: {1,2} is two integers.
Elsewhere 1,25 stays one decimal (docs/taal.rst, Expressies)."""

from __future__ import annotations

import pytest

from meerzorg_law.syntax import ast
from meerzorg_law.syntax.parse import parse_text
from meerzorg_law.syntax.printer import print_expr
from meerzorg_law.types import TypeKind

HEADER = 'regeling "x" versie a-1 geldig vanaf 2026-01-01\nartikel 1\n  regel: x is '


def _expr(text: str) -> ast.Expr:
    doc, diags = parse_text(HEADER + text + "\n", "t.rgl")
    assert doc is not None and not diags, diags
    assert isinstance(doc, ast.Regeling)
    item = doc.artikelen[0].items[0]
    assert isinstance(item, ast.Regel)
    return item.toekenningen[0].expr


@pytest.mark.parametrize(("text", "items"), [
    ("{1,2}", ["geheel 1", "geheel 2"]),
    ("{1,25}", ["geheel 1", "geheel 25"]),
    ("{1, 2,3}", ["geheel 1", "geheel 2", "geheel 3"]),
    ("{1.5, 2}", ["decimaal 1.5", "geheel 2"]),
    ("{(1,5), 2}", ["decimaal 1,5", "geheel 2"]),
])
def test_a_comma_in_a_set_separates_items(text: str, items: list[str]) -> None:
    e = _expr(text)
    assert isinstance(e, ast.SetLit)
    assert [f"{i.kind.value} {i.text}" for i in e.items if isinstance(i, ast.Literal)] == items
    assert _expr(print_expr(e)) == e or print_expr(_expr(print_expr(e))) == print_expr(e)


@pytest.mark.parametrize("text", ["1,25", "minimum(1,5, 2)", "{x * 1,25}"])
def test_elsewhere_a_comma_between_digits_is_a_decimal(text: str) -> None:
    e = _expr(text)
    assert [i.text for i in _literals(e) if i.kind is TypeKind.DECIMAAL] == ["1,25" if "1,25" in text else "1,5"]


def test_positions_of_split_numbers() -> None:
    e = _expr("{10,25}")
    assert isinstance(e, ast.SetLit)
    assert [(i.span.column, i.span.end_column) for i in e.items] == [(16, 18), (19, 21)]  # '{' stands in column 15


def test_printer_brackets_an_item_that_starts_with_a_decimal_comma() -> None:
    e = _expr("{(1,5), (2,5 + x)}")
    assert print_expr(e) == "{(1,5), (2,5 + x)}"


def _literals(e: ast.Expr) -> list[ast.Literal]:
    if isinstance(e, ast.Literal):
        return [e]
    out: list[ast.Literal] = []
    for value in (getattr(e, f) for f in e.__dataclass_fields__):
        for child in value if isinstance(value, tuple) else (value,):
            if isinstance(child, ast.Literal | ast.SetLit | ast.BinOp | ast.Call):
                out += _literals(child)
    return out
