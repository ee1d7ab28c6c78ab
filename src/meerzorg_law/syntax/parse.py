"""Text -> AST: one Lark parse, one Transformer pass (``_to_ast``), then one pass that gives every item its
provision (``annotate``).

``parse_text`` never raises on bad input: it returns the AST (or None) and a list of diagnostics.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..output import reden
from ..span import Span
from . import ast
from ._lark import UnexpectedInput, VisitError
from ._syntax_errors import syntax_diagnostic
from ._to_ast import ToAst
from ._to_ast_expr import NodeError
from .annotate import annotate_bepaling, annotate_document, annotate_regeling
from .grammar import parser
from .limits import check_limits

__all__ = ["annotate_bepaling", "annotate_regeling", "parse_bytes", "parse_file", "parse_text"]


def parse_text(text: str, file: str = "<tekst>") -> tuple[ast.Document | None, list[Diagnostic]]:
    """Parse one DSL file. Returns (document, diagnostics); the document is None when it did not parse."""
    if "\x00" in text:
        return None, [Diagnostic("E001", Span(file, 1, 1, 1, 1), "dit is geen tekstbestand (het bevat NUL-tekens)")]
    if not text.strip():
        return None, [Diagnostic("E002", Span(file, 1, 1, 1, 1), "het bestand is leeg: een regeling of "
                                 "wijzigingsregeling begint met 'regeling \"...\"' of 'wijzigingsregeling \"...\"'")]
    try:
        tree = parser().parse(text)
    except UnexpectedInput as err:
        return None, [syntax_diagnostic(err, text, file)]
    limits = check_limits(tree, file)
    if limits:
        return None, limits
    try:
        doc: ast.Document = ToAst(file).transform(tree)
    except VisitError as err:
        if isinstance(err.orig_exc, NodeError):
            return None, [err.orig_exc.diagnostic]
        raise
    diagnostics: list[Diagnostic] = []
    return annotate_document(doc), diagnostics


def parse_file(path: str) -> tuple[ast.Document | None, list[Diagnostic]]:
    try:
        raw = open(path, "rb").read()
    except OSError as err:
        return None, [Diagnostic("E003", Span(path, 1, 1, 1, 1), f"kan het bestand niet lezen: {reden(err)}")]
    return parse_bytes(raw, path)


def parse_bytes(raw: bytes, path: str) -> tuple[ast.Document | None, list[Diagnostic]]:
    """``parse_text`` of a file's bytes as read (``path`` names it in spans): not UTF-8 is an E001."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Diagnostic("E001", Span(path, line, 1, line, 1),
                                 "dit is geen UTF-8-tekstbestand (binaire inhoud?)")]
    return parse_text(text, path)
