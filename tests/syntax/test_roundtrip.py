"""Printer and parser agree: parse(print(doc)) equals doc ignoring spans, on files and on drawn expressions."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meerzorg_law import values
from meerzorg_law.span import NO_SPAN, Span
from meerzorg_law.syntax import ast
from meerzorg_law.syntax.parse import parse_file, parse_text
from meerzorg_law.syntax.printer import print_bepaling, print_document, print_expr
from meerzorg_law.types import TypeKind

ROOT = Path(__file__).resolve().parents[2]
GOOD = Path(__file__).parent / "good"
GOOD_FILES = sorted(p for p in GOOD.glob("*.rgl") if not p.name.endswith(".printed.rgl"))
REGELING_FILES = sorted((ROOT / "regeling").rglob("*.rgl"))


def strip_spans(node: Any) -> Any:
    """The node with every Span replaced by NO_SPAN, recursively over dataclasses and tuples."""
    if isinstance(node, Span):
        return NO_SPAN
    if isinstance(node, tuple):
        return tuple(strip_spans(x) for x in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        return dataclasses.replace(node, **{f.name: strip_spans(getattr(node, f.name))
                                            for f in dataclasses.fields(node) if f.init})
    return node


def _parse(path: Path) -> ast.Document:
    doc, diagnostics = parse_file(str(path))
    assert doc is not None and not diagnostics, "\n".join(f"{d.span}: {d.message}" for d in diagnostics)
    return doc


def _assert_roundtrip(doc: ast.Document) -> str:
    printed = print_document(doc)
    again, diagnostics = parse_text(printed, "<afgedrukt>")
    assert again is not None and not diagnostics, (
        "\n".join(f"{d.span}: {d.message}" for d in diagnostics) + "\n" + printed)
    assert strip_spans(again) == strip_spans(doc)
    assert print_document(again) == printed  # canonical: printing is idempotent
    return printed


def test_strip_spans_reaches_nested_spans() -> None:
    span = Span("f", 1, 2, 3, 4)
    node = ast.BinOp("+", ast.Name("a", span), ast.SetLit((ast.Name("b", span),), span), span)
    assert strip_spans(node) == ast.BinOp("+", ast.Name("a", NO_SPAN), ast.SetLit((ast.Name("b", NO_SPAN),),
                                                                                  NO_SPAN), NO_SPAN)


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: p.name)
def test_good_file_roundtrips(path: Path) -> None:
    _assert_roundtrip(_parse(path))


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: p.name)
def test_good_file_golden(path: Path, update_golden: bool) -> None:
    printed = print_document(_parse(path))
    golden = path.with_name(path.name.removesuffix(".rgl") + ".printed.rgl")
    if update_golden:
        golden.write_text(printed, encoding="utf-8")
    assert golden.exists(), f"{golden.name} ontbreekt; draai pytest met --update-golden"
    assert printed == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", REGELING_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_regeling_roundtrips(path: Path) -> None:
    _assert_roundtrip(_parse(path))


def test_regeling_folder_present() -> None:
    """The parametrised round-trip above is not vacuous: the bundled regeling is there to be printed."""
    assert len(REGELING_FILES) >= 2, "regeling/ bevat geen .rgl-bestanden om rond te sturen"


def test_print_bepaling_is_the_indented_block_of_print_document() -> None:
    doc = _parse(GOOD / "artikelen.rgl")
    assert isinstance(doc, ast.Regeling)
    artikel = doc.artikelen[1]
    text = print_bepaling(artikel)
    assert text.startswith('artikel 2.2 "Meer zorg"\n  lid 1\n')
    assert text in print_document(doc)
    assert print_bepaling(artikel.leden[1].onderdelen[0]) == (
        'onderdeel a\n  tekst "eerste onderdeel"\n'
        "  regel in afwijking van artikel 2.2, tweede lid, onderdeel b en artikel 2.2, eerste lid: aantal is 1\n"
        "    indien leeftijd < 18\n")


@pytest.mark.parametrize("text", [
    "één regel", 'met "aanhalingstekens" erin', '"begint en eindigt met aanhalingstekens"',
    "twee\nregels", 'twee\nregels, de laatste eindigt op "', "", "   spaties   ",
])
def test_texts_roundtrip(text: str) -> None:
    doc = _parse(GOOD / "hoofdstukken.rgl")
    assert isinstance(doc, ast.Regeling)
    changed = dataclasses.replace(doc, titel=text)
    _assert_roundtrip(changed)


def test_text_with_triple_quotes_is_refused() -> None:
    doc = _parse(GOOD / "hoofdstukken.rgl")
    with pytest.raises(ValueError, match='"""'):
        print_document(dataclasses.replace(doc, titel='a """ b'))


# --------------------------------------------------------------------------------------------------
# Hypothesis: drawn expressions survive print -> parse.
# --------------------------------------------------------------------------------------------------

_WRAPPER = 'regeling "t" versie t-1 geldig vanaf 2026-01-01 artikel 1 regel: uitkomst is '
_NAMES = ["a", "b", "leeftijd", "zorgprofiel", "uren_per_week", "VG7", "x1"]
_OPS = ["impliceert", "of", "en", "=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/"]


def _lit(kind: str, text: str, value: values.Value) -> ast.Literal:
    return ast.Literal(value, TypeKind(kind), text, NO_SPAN)


_literals = st.one_of(
    st.integers(0, 10_000).map(lambda n: _lit("geheel", str(n), values.integer(n))),
    st.tuples(st.integers(0, 999), st.from_regex(r"[0-9]{1,3}", fullmatch=True), st.sampled_from(",.")).map(
        lambda t: _lit("decimaal", f"{t[0]}{t[2]}{t[1]}", values.decimal_of_text(f"{t[0]}{t[2]}{t[1]}"))),
    st.sampled_from(["€ 0,00", "€12", "€ 1.683,05", "€ 3,50", "€ 1.000.000"]).map(
        lambda s: _lit("geld", s, values.money_of_text(s))),
    st.dates().map(lambda d: _lit("datum", d.isoformat(), values.date_of_python(d))),
    st.tuples(st.integers(0, 99), st.sampled_from(["jaar", "jaren", "maand", "maanden", "week", "weken",
                                                    "dag", "dagen"])).map(
        lambda t: _lit("duur", f"{t[0]} {t[1]}", values.duration(t[0], t[1]))),
    st.booleans().map(lambda b: _lit("bool", "waar" if b else "onwaar", b)),
)
_leaves = st.one_of(st.sampled_from(_NAMES).map(lambda n: ast.Name(n, NO_SPAN)), _literals)


def _compound(sub: st.SearchStrategy[ast.Expr]) -> st.SearchStrategy[ast.Expr]:
    return st.one_of(
        st.builds(ast.BinOp, st.sampled_from(_OPS), sub, sub, st.just(NO_SPAN)),
        st.builds(ast.In, sub, sub, st.booleans(), st.just(NO_SPAN)),
        st.builds(ast.Unary, st.sampled_from(["niet", "-"]), sub, st.just(NO_SPAN)),
        st.builds(ast.Known, sub, st.booleans(), st.just(NO_SPAN)),
        st.builds(ast.Lookup, sub, sub, st.just(NO_SPAN)),
        st.builds(ast.Column, sub, st.sampled_from(["uren", "kolom_a"]), st.just(NO_SPAN)),
        st.builds(ast.Call, st.sampled_from(["minimum", "maximum", "afronden", "jaar_van"]),
                  st.lists(sub, min_size=1, max_size=3).map(tuple), st.just(NO_SPAN)),
        st.builds(ast.IfThenElse, sub, sub, sub, st.just(NO_SPAN)),
        st.builds(ast.SetLit, st.lists(sub, max_size=3).map(tuple), st.just(NO_SPAN)),
        st.builds(ast.Volgens, sub, st.sampled_from(["rlz-2026", "rlz-2027-b"]), st.just(NO_SPAN)),
        st.builds(ast.Met, sub, st.sampled_from(_NAMES), sub, st.just(NO_SPAN)),
    )


expressions = st.recursive(_leaves, _compound, max_leaves=12)


def _roundtrip_expr(expr: ast.Expr) -> None:
    text = print_expr(expr)
    doc, diagnostics = parse_text(_WRAPPER + text)
    assert doc is not None and not diagnostics, f"{text!r}: {diagnostics[0].message}"
    assert isinstance(doc, ast.Regeling)
    item = doc.artikelen[0].items[0]
    assert isinstance(item, ast.Regel)
    assert strip_spans(item.toekenningen[0].expr) == expr, text


@settings(max_examples=300, deadline=None)
@given(expressions)
def test_drawn_expression_roundtrips(expr: ast.Expr) -> None:
    _roundtrip_expr(expr)


# Random trees rarely nest two particular operators (say impliceert inside impliceert), so every pair of
# expression forms is also tried once: each form, with each of its operands replaced by each form.
_A, _B, _C = (ast.Name(n, NO_SPAN) for n in ("a", "b", "c"))
_FORMS: dict[str, tuple[int, Callable[..., ast.Expr]]] = {
    **{op: (2, lambda x, y, op=op: ast.BinOp(op, x, y, NO_SPAN)) for op in _OPS},
    **{name: (2, lambda x, y, neg=neg: ast.In(x, y, neg, NO_SPAN)) for name, neg in (("in", False),
                                                                                     ("niet in", True))},
    **{name: (1, lambda x, op=op: ast.Unary(op, x, NO_SPAN)) for name, op in (("niet", "niet"), ("-x", "-"))},
    **{name: (1, lambda x, neg=neg: ast.Known(x, neg, NO_SPAN)) for name, neg in (("is bekend", False),
                                                                                  ("is niet bekend", True))},
    "opzoeken": (2, lambda x, y: ast.Lookup(x, y, NO_SPAN)),
    "kolom": (1, lambda x: ast.Column(x, "uren", NO_SPAN)),
    "aanroep": (2, lambda x, y: ast.Call("minimum", (x, y), NO_SPAN)),
    "als-dan-anders": (3, lambda x, y, z: ast.IfThenElse(x, y, z, NO_SPAN)),
    "verzameling": (2, lambda x, y: ast.SetLit((x, y), NO_SPAN)),
    "volgens": (1, lambda x: ast.Volgens(x, "rlz-2027", NO_SPAN)),
    "met": (2, lambda x, y: ast.Met(x, "leeftijd", y, NO_SPAN)),
}
_INNER = [f(*(_A, _B, _C)[:n]) for n, f in _FORMS.values()] + [
    _lit("decimaal", "1,5", values.decimal_of_text("1,5")), _lit("geheel", "7", values.integer(7)),
    _lit("geld", "€ 1.683,05", values.money_of_text("€ 1.683,05")), _lit("duur", "3 jaar", values.duration(3, "jaar")),
    _lit("datum", "2027-01-01", values.date_of_text("2027-01-01")), _lit("bool", "waar", True)]


@pytest.mark.parametrize("name", _FORMS)
def test_every_form_inside_every_operand(name: str) -> None:
    arity, form = _FORMS[name]
    for slot in range(arity):
        for inner in _INNER:
            operands = [_A, _B, _C][:arity]
            operands[slot] = inner
            _roundtrip_expr(form(*operands))
