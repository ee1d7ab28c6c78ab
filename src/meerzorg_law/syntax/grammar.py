"""Locate the .lark grammar (package data in a wheel, ``grammar/`` in a checkout) and build the parser once."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from lark import Lark

GRAMMAR_NAME = "meerzorg.lark"


def grammar_text() -> str:
    """The grammar: the copy shipped in the wheel, else the repository's ``grammar/`` (editable installs)."""
    packaged = resources.files("meerzorg_law").joinpath("_grammar").joinpath(GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return repo_grammar_path().read_text(encoding="utf-8")


def repo_grammar_path() -> Path:
    return Path(__file__).resolve().parents[3] / "grammar" / GRAMMAR_NAME


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    return Lark(grammar_text(), parser="lalr", lexer="contextual", propagate_positions=True,
                maybe_placeholders=False)
