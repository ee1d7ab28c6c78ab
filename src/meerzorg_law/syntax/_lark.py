"""Lark as the syntax stage uses it, imported in this one place.

Lark imports the third-party ``regex`` module when it is there (installed here for nltk, through textstat), only
to allow ``Lark(regex=True)``, which this grammar does not use: about 20 ms of CPU in every command that parses.
Lark is imported here first with ``regex`` hidden (``None`` in ``sys.modules`` makes ``import regex`` fail), and
``regex`` is importable again afterwards for whoever needs it. A module of the package that needs Lark imports
it from here, so that no other import reaches Lark first.
"""

from __future__ import annotations

import sys

if "lark" not in sys.modules and "regex" not in sys.modules:
    sys.modules["regex"] = None  # type: ignore[assignment]
    try:
        import lark  # noqa: F401  (imported for its side effect: Lark loaded without regex)
    finally:
        del sys.modules["regex"]

from lark import Lark, Token, Transformer, Tree, __version__, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError
from lark.lark import PostLex
from lark.lexer import BasicLexer, CallChain, PatternRE, PatternStr, Scanner, TerminalDef, UnlessCallback, _get_match
from lark.parsers import lalr_analysis
from lark.tree import Meta
from lark.utils import classify

__all__ = ["BasicLexer", "CallChain", "Lark", "Meta", "PatternRE", "PatternStr", "PostLex", "Scanner", "TerminalDef",
           "Token", "Transformer", "Tree", "UnexpectedCharacters", "UnexpectedEOF", "UnexpectedInput",
           "UnexpectedToken", "UnlessCallback", "VisitError", "__version__", "_get_match", "classify",
           "lalr_analysis", "v_args"]
