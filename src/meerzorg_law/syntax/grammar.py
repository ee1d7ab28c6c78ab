"""Locate the .lark grammar (package data in a wheel, ``grammar/`` in a checkout) and build the parser once."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # lark is loaded when a parser is built: grammar_text (a cache key) needs none of it
    from lark import Lark, Token
    from lark.lark import PostLex

GRAMMAR_NAME = "meerzorg.lark"
# Lark's parse tables for the grammar, in Lark's own cache format, shipped beside it (``tools/lark_tabellen.py``
# writes them; tests/test_startup.py fails when they no longer fit the grammar): a new user's first command
# copies them into the cache instead of building them (about 0,8 s of CPU). Lark checks the hash of grammar,
# options, Lark's version and Python's in their first line, and builds anew when any differs.
TABELLEN_NAME = "meerzorg.lark-tabellen"


def grammar_text() -> str:
    """The grammar: the copy shipped in the wheel, else the repository's ``grammar/`` (editable installs)."""
    packaged = resources.files("meerzorg_law").joinpath("_grammar").joinpath(GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return repo_grammar_path().read_text(encoding="utf-8")


def repo_grammar_path() -> Path:
    return Path(__file__).resolve().parents[3] / "grammar" / GRAMMAR_NAME


def shipped_tables() -> Path | None:
    """The parse tables shipped with the grammar (in the wheel, else in the repository's ``grammar/``)."""
    packaged = resources.files("meerzorg_law").joinpath("_grammar").joinpath(TABELLEN_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    repo = repo_grammar_path().with_name(TABELLEN_NAME)
    return repo if repo.is_file() else None


class SetCommas:
    """In a set, ``{1,2}`` is the set of 1 and 2, not the decimal 1,2.

    The lexer cannot see that context (a decimal comma and a separating comma look alike), so a DECIMAAL
    token with a comma that starts an item of a set (it follows the ``{`` or a comma between items) is split
    here into GEHEEL, COMMA, GEHEEL. Elsewhere ``1,25`` stays a decimal, also in ``minimum(1,5, x)`` and in
    ``{x * 1,25}``; a decimal that starts a set item is written ``{1.5, 2}`` or ``{(1,5), 2}``.
    A Lark ``PostLex`` by its two members (not by inheritance, so that this module loads without lark).
    """

    always_accept = ()
    _OPEN = {"LBRACE": "{", "LPAR": "(", "LSQB": "["}
    _CLOSE = frozenset({"RBRACE", "RPAR", "RSQB"})

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        open_brackets: list[str] = []
        item_starts = False  # the previous token was '{' or a comma between the items of a set
        for tok in stream:
            if tok.type == "DECIMAAL" and "," in tok and item_starts:
                yield from _split_at_comma(tok)
                item_starts = False  # the second number ends the item: the next token does not start one
                continue
            if tok.type in self._OPEN:
                open_brackets.append(self._OPEN[tok.type])
            elif tok.type in self._CLOSE and open_brackets:
                open_brackets.pop()
            item_starts = tok.type == "LBRACE" or (tok.type == "COMMA" and open_brackets[-1:] == ["{"])
            yield tok


def _split_at_comma(tok: Token) -> Iterator[Token]:
    from lark import Token

    left, _, right = str(tok).partition(",")
    line, col, pos = tok.line or 1, tok.column or 1, tok.start_pos or 0
    for kind, text, offset in (("GEHEEL", left, 0), ("COMMA", ",", len(left)), ("GEHEEL", right, len(left) + 1)):
        yield Token(kind, text, start_pos=pos + offset, line=line, column=col + offset, end_line=line,
                    end_column=col + offset + len(text), end_pos=pos + offset + len(text))


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser; its tables come from Lark's own cache after the first run (half a second saved).

    ``cache_grammar``: a parser read from the cache keeps ``.grammar`` too, so it is the same object to every
    caller (Hypothesis's ``from_lark`` reads it) as one built fresh.
    """
    from lark import Lark

    from ._scanner import install

    text = grammar_text()
    cache = _cache_file(text)
    lark = Lark(text, **_opties(cache), postlex=cast("PostLex", SetCommas()))
    install(getattr(lark.parser.lexer, "lexer", lark.parser.lexer))  # the same tokens, fewer regexes compiled
    return lark


def _opties(cache: str | bool) -> dict[str, object]:
    """Lark's options, in the order Lark hashes them (``lark_hash``)."""
    return {"parser": "lalr", "lexer": "contextual", "propagate_positions": True, "maybe_placeholders": False,
            "cache": cache, "cache_grammar": bool(cache)}


MEEGELEVERD = "<meegeleverd>"


def lark_hash(text: str, cache: str) -> bytes:
    """The first line Lark writes in (and expects of) the cache file ``cache`` for this grammar: a hash of the
    grammar, the options as passed (the cache path among them), Lark's version and Python's. The shipped
    tables carry the hash for ``MEEGELEVERD``; a copy gets the hash for its own path. Should Lark ever hash
    differently, it rejects the copy and builds the tables itself (slower, never wrong; a test notices)."""
    import sys

    from lark import __version__

    gehasht = "".join(k + str(v) for k, v in _opties(cache).items())
    return hashlib.sha256((text + gehasht + __version__ + str(sys.version_info[:2])).encode()).hexdigest().encode()


def _cache_file(text: str) -> str | bool:
    """Where Lark keeps the parse tables: the user cache directory, one file per grammar text (Lark also
    checks a hash of grammar, options and versions stored in the file, and rebuilds when they differ).
    ``MEERZORG_CACHE=0`` or an unwritable directory: no cache, the tables are built in memory."""
    if os.environ.get("MEERZORG_CACHE") == "0":
        return False
    from platformdirs import user_cache_dir

    folder = Path(os.environ.get("MEERZORG_CACHE_DIR") or user_cache_dir("meerzorg_law"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    target = folder / f"grammar-{digest}.lark-cache"
    shipped = shipped_tables()
    if not target.exists() and shipped is not None:
        from ..output import write_bytes_atomic

        with contextlib.suppress(Exception):  # no copy: Lark builds the tables and writes them there itself
            kop, rest = shipped.read_bytes().split(b"\n", 1)
            if kop == lark_hash(text, MEEGELEVERD):  # built for this grammar, this Lark and this Python
                write_bytes_atomic(target, lark_hash(text, str(target)) + b"\n" + rest)
    return str(target)
