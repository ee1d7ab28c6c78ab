"""syntax._scanner: the cheaper scanner gives Lark's tokens, trees and syntax errors, for every .rgl file of the
repository and for each of them cut short (errors at many places)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
from lark import Lark
from lark.exceptions import UnexpectedInput

from meerzorg_law.grammatica import grammar_text
from meerzorg_law.syntax import _scanner, grammar

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p for p in ROOT.rglob("*.rgl") if ".venv" not in p.parts)


@pytest.fixture(scope="module")
def lark_alone() -> Lark:
    """The same parser with Lark's own scanners (from the tables in the cache, or built)."""
    text = grammar_text()
    return Lark(text, **grammar._opties(False), postlex=cast(Any, grammar.SetCommas()))  # type: ignore[arg-type]


def _outcome(p: Lark, text: str) -> object:
    try:
        return p.parse(text)
    except UnexpectedInput as e:  # what the error says, the expected terminals as a set (their order is a set's)
        token = getattr(e, "token", None)
        return (type(e).__name__, e.line, e.column, token and (token.type, str(token)),
                sorted(getattr(e, "expected", None) or getattr(e, "allowed", None) or ()))


def test_the_fast_scanner_is_installed() -> None:
    lexer = grammar.parser().parser.lexer
    lexer = getattr(lexer, "lexer", lexer)
    assert any(isinstance(x, _scanner._BasicLexer) for x in lexer.lexers.values())


def test_there_are_files() -> None:
    assert len(FILES) > 50


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_trees_and_errors(path: Path, lark_alone: Lark) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    ours = grammar.parser()
    assert _outcome(ours, text) == _outcome(lark_alone, text)
    for cut in (len(text) // 3, len(text) // 2, 2 * len(text) // 3):
        assert _outcome(ours, text[:cut]) == _outcome(lark_alone, text[:cut])
