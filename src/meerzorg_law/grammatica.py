"""Where the .lark grammar is (package data in a wheel, ``grammar/`` in a checkout), below the syntax: its text
is part of every cache key, and a command that reads only cached results must not load Lark to get it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["GRAMMAR_NAME", "grammar_text", "repo_grammar_path"]

GRAMMAR_NAME = "meerzorg.lark"


def grammar_text() -> str:
    """The grammar: the copy shipped in the wheel, else the repository's ``grammar/`` (editable installs)."""
    packaged = resources.files("meerzorg_law").joinpath("_grammar").joinpath(GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return repo_grammar_path().read_text(encoding="utf-8")


def repo_grammar_path() -> Path:
    return Path(__file__).resolve().parents[2] / "grammar" / GRAMMAR_NAME
