"""Locate the .lark grammar (package data in a wheel, ``grammar/`` in a checkout) and build the parser once."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..grammatica import grammar_text, repo_grammar_path

if TYPE_CHECKING:  # lark is loaded when a parser is built: grammar_text (a cache key) needs none of it
    from ._lark import Lark, PostLex, Token

# The parser for the grammar, built and pickled whole (parse tables, lexers, callbacks), shipped beside it
# (``tools/lark_tabellen.py`` writes it; tests/test_startup.py fails when it no longer fits): a command loads it
# in 0,03 s of CPU, where Lark builds its tables in 0,8 s and makes a parser of its own cache in 0,13 s. Its first
# line is ``parser_sleutel``: grammar, Lark's version, Python's, and this module's and the scanner's code; when
# any differs it is not used, and the parser is built by Lark (with Lark's cache) and pickled in the user cache.
TABELLEN_NAME = "meerzorg.lark-tabellen"


def shipped_tables() -> Path | None:
    """The parser shipped with the grammar (in the wheel, else in the repository's ``grammar/``)."""
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
    from ._lark import Token

    left, _, right = str(tok).partition(",")
    line, col, pos = tok.line or 1, tok.column or 1, tok.start_pos or 0
    for kind, text, offset in (("GEHEEL", left, 0), ("COMMA", ",", len(left)), ("GEHEEL", right, len(left) + 1)):
        yield Token(kind, text, start_pos=pos + offset, line=line, column=col + offset, end_line=line,
                    end_column=col + offset + len(text), end_pos=pos + offset + len(text))


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser: the one shipped with the grammar, else the one pickled in the user cache, else built by
    Lark (its tables from Lark's own cache after the first run) and pickled there for the next command."""
    text = grammar_text()
    sleutel = parser_sleutel(text)
    eigen = _cache_dir(f"parser-{sleutel[:16]}.pickle")
    for bestand in (shipped_tables(), eigen):
        geladen = laad_parser(bestand, sleutel)
        if geladen is not None:
            return geladen
    lark = bouw_parser(text, _cache_file(text))
    if eigen is not None:
        from ..output import write_bytes_atomic

        with contextlib.suppress(Exception):  # not kept: the next command builds it again
            write_bytes_atomic(eigen, pickle_parser(lark, sleutel))
    return lark


def bouw_parser(text: str, cache: str | bool) -> Lark:
    """Lark's parser for ``text`` with our scanner; ``cache``: Lark's own cache file, or False.

    ``cache_grammar``: a parser read from Lark's cache keeps ``.grammar`` too, so it is the same object to every
    caller (Hypothesis's ``from_lark`` reads it) as one built fresh.
    """
    from ._lark import Lark
    from ._scanner import install

    lark = Lark(text, **_opties(cache), postlex=cast("PostLex", SetCommas()))
    install(getattr(lark.parser.lexer, "lexer", lark.parser.lexer))  # the same tokens, fewer regexes compiled
    return lark


def parser_sleutel(text: str) -> str:
    """What a pickled parser was made from: the grammar, Lark's and Python's versions, and the code of this
    module and the scanner (their classes are in the pickle)."""
    import sys

    from ._lark import __version__

    h = hashlib.sha256(f"{text}\0{__version__}\0{sys.version_info[:2]}\0".encode())
    for module in ("grammar.py", "_scanner.py"):
        h.update(Path(__file__).with_name(module).read_bytes())
    return h.hexdigest()


def pickle_parser(lark: Lark, sleutel: str) -> bytes:
    """``sleutel``, a newline and the parser, pickled before its first parse (a state's scanner is built on its
    first token, and compiled patterns are not pickled but compiled again on loading). A module it holds
    (Lark keeps ``re``) is pickled by name, and so are Lark's two parse actions, which its parser tells apart
    by identity (``action is Shift``). Lark's own cache file name is left out (a path on this machine)."""
    import copy
    import importlib
    import io
    import pickle
    import types

    from ._lark import lalr_analysis

    class _Pickler(pickle.Pickler):
        def reducer_override(self, obj: object) -> Any:
            if isinstance(obj, types.ModuleType):
                return importlib.import_module, (obj.__name__,)
            if isinstance(obj, lalr_analysis.Action):
                return getattr, (lalr_analysis, obj.name)
            return NotImplemented

    lark = copy.copy(lark)
    lark.options = copy.copy(lark.options)
    lark.options.cache = False
    uit = io.BytesIO()
    uit.write(sleutel.encode() + b"\n")
    _Pickler(uit, protocol=pickle.HIGHEST_PROTOCOL).dump(lark)
    return uit.getvalue()


def laad_parser(bestand: Path | None, sleutel: str) -> Lark | None:
    """The parser pickled in ``bestand`` when it was made from ``sleutel``; None when absent, for other code,
    or unreadable."""
    if bestand is None:
        return None
    import pickle

    with contextlib.suppress(Exception):
        kop, rest = bestand.read_bytes().split(b"\n", 1)
        if kop == sleutel.encode():
            lark: Lark = pickle.loads(rest)
            return lark
    return None


def _opties(cache: str | bool) -> dict[str, object]:
    """Lark's options."""
    return {"parser": "lalr", "lexer": "contextual", "propagate_positions": True, "maybe_placeholders": False,
            "cache": cache, "cache_grammar": bool(cache)}


def _cache_dir(name: str) -> Path | None:
    """``name`` in the user cache directory; None with ``MEERZORG_CACHE=0`` or an unwritable directory."""
    if os.environ.get("MEERZORG_CACHE") == "0":
        return None
    from platformdirs import user_cache_dir

    folder = Path(os.environ.get("MEERZORG_CACHE_DIR") or user_cache_dir("meerzorg_law"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder / name if os.access(folder, os.W_OK) else None


def _cache_file(text: str) -> str | bool:
    """Where Lark keeps the parse tables it built: the user cache directory, one file per grammar text (Lark
    also checks a hash of grammar, options and versions stored in the file, and rebuilds when they differ).
    ``MEERZORG_CACHE=0`` or an unwritable directory: no cache, the tables are built in memory."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    target = _cache_dir(f"grammar-{digest}.lark-cache")
    return False if target is None else str(target)
