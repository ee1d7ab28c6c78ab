"""Parse tree -> diagnostics: the stated limits of the language, checked before anything recurses over the tree.

Every later stage (Transformer, checker, lowering, engine, explanations, printer) walks expressions
recursively; a limit on the depth of the parse tree, checked here with an explicit stack, protects all of
them at once. Numbers are bounded here too, so no stage meets a literal with thousands of digits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lark is loaded by the parser; a case loader reading MAX_DIGITS needs none of it
    from ._lark import Token, Tree

from ..diagnostics import Diagnostic
from ..span import Span

MAX_DEPTH = 100
"""Deepest nesting of the parse tree; the bundled regeling needs 22, a rule nested deeper is unreadable."""

MAX_DIGITS = 15
"""Most digits of a number before (and, separately, after) its decimal comma: amounts up to € 10**13."""

_NUMBER_TOKENS = frozenset({"GEHEEL", "DECIMAAL", "GELD", "DUURGETAL", "UREN"})


def check_limits(tree: Tree[Token], file: str) -> list[Diagnostic]:
    """The first place where the tree is nested too deeply, and every number with too many digits."""
    diagnostics: list[Diagnostic] = []
    deep_reported = False
    from ._lark import Token

    stack: list[tuple[Tree[Token] | Token, int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, Token):
            if node.type in _NUMBER_TOKENS and _too_many_digits(node):
                diagnostics.append(Diagnostic("E006", _token_span(node, file), (
                    f"het getal '{_shorten(str(node))}' heeft te veel cijfers: ten hoogste {MAX_DIGITS} cijfers "
                    "vóór en na de komma")))
            continue
        if depth > MAX_DEPTH and not deep_reported:
            deep_reported = True
            diagnostics.append(Diagnostic("E005", _tree_span(node, file), (
                f"de tekst is hier te diep genest (meer dan {MAX_DEPTH} niveaus); "
                "splits de uitdrukking op met begrippen")))
            continue
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return diagnostics


def _too_many_digits(tok: Token) -> bool:
    text = str(tok).replace("€", "").strip()
    if tok.type == "GELD":  # "1.683,05": points group thousands, the comma starts the cents
        whole, _, fraction = text.replace(".", "").partition(",")
    elif tok.type == "UREN":  # "26:05": only the hours can grow
        whole, fraction = text.partition(":")[0], ""
    else:  # DECIMAAL "1,25" or "1.25"; GEHEEL and DUURGETAL have no separator
        whole, _, fraction = text.replace(",", ".").partition(".")
    return len(whole) > MAX_DIGITS or len(fraction) > MAX_DIGITS


def _shorten(text: str) -> str:
    return text if len(text) <= 30 else f"{text[:12]}…{text[-12:]} ({len(text)} tekens)"


def _token_span(tok: Token, file: str) -> Span:
    return Span(file, tok.line or 1, tok.column or 1, tok.end_line or tok.line or 1,
                tok.end_column or tok.column or 1)


def _tree_span(node: Tree[Token], file: str) -> Span:
    meta = node.meta
    if getattr(meta, "empty", True):
        return Span(file, 1, 1, 1, 1)
    return Span(file, meta.line, meta.column, meta.line, meta.column + 1)
