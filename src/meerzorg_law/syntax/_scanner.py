"""A cheaper scanner for Lark's contextual lexer: the same tokens, without compiling a regex per parser state.

Lark's contextual lexer gives each parser state a scanner for the terminals allowed there: one alternation of all
their patterns, compiled when the state is first reached. This grammar has 268 distinct sets, and a first parse
compiled about 120 of those alternations (0,1-0,2 s of CPU, in every process that parses). Here each terminal's
pattern is compiled once per process (a plain string is compared, not compiled) and a state's scanner tries its
terminals in Lark's order, taking the first that matches at the position: what an alternation does (Python's ``re``
takes the first alternative that matches, not the longest), so the tokens are the same. A state met often (more than
``ALTERNATIE_NA`` tokens) gets Lark's alternation after all, which matches faster per token. A keyword check on a
name (Lark's ``UnlessCallback``: is this NAAM really the keyword "regel"?) is a dictionary lookup where the keywords
are plain strings. ``install`` swaps the class of the lexers of one parser; Lark itself is not changed.
tests/syntax/test_scanner.py parses every .rgl file of the repository both ways.
"""

from __future__ import annotations

import re
from typing import Any

from ._lark import (
    BasicLexer,
    CallChain,
    PatternRE,
    PatternStr,
    Scanner,
    TerminalDef,
    UnlessCallback,
    _get_match,
    classify,
)

__all__ = ["install"]

_COMPILED: dict[tuple[str, int], re.Pattern[str]] = {}


def _compiled(regexp: str, flags: int) -> re.Pattern[str]:
    key = (regexp, flags)
    if key not in _COMPILED:
        _COMPILED[key] = re.compile(regexp, flags)
    return _COMPILED[key]


class _Scanner(Scanner):
    """Lark's ``Scanner`` (same attributes, same answers), terminal by terminal."""

    def __init__(self, terminals: list[TerminalDef], g_regex_flags: int, re_: Any, use_bytes: bool) -> None:
        self.terminals = terminals
        self.g_regex_flags = g_regex_flags
        self.re_ = re_
        self.use_bytes = use_bytes
        self.allowed_types = {t.name for t in terminals}
        # A plain string (a keyword, a sign) is matched as a string: the same as its escaped regex, and nothing
        # to compile (most of the 130 terminals; compiling them was half of a first parse's lexing).
        self._patterns: list[tuple[re.Pattern[str] | str, str]] = [
            (t.pattern.value if _plain(t, g_regex_flags) else _compiled(t.pattern.to_regexp(), g_regex_flags), t.name)
            for t in terminals]
        self._gebruikt = 0
        self._mres: list[Any] = []
        # Plain strings without flags: a fullmatch is an equality, the first terminal in order wins.
        self._strings: dict[str, str] | None = None
        if all(_plain(t, g_regex_flags) for t in terminals):
            self._strings = {}
            for t in terminals:
                self._strings.setdefault(t.pattern.value, t.name)

    # After this many tokens in one state, its alternation is compiled after all (as Lark does at once): a
    # state met often is matched with one regex, a state met a few times costs no compilation.
    ALTERNATIE_NA = 24

    def match(self, text: Any, pos: int) -> tuple[str, str] | None:
        self._gebruikt += 1
        if self._gebruikt > self.ALTERNATIE_NA:
            if self._gebruikt == self.ALTERNATIE_NA + 1:
                self._mres = self._build_mres(self.terminals, len(self.terminals))  # type: ignore[no-untyped-call]
            for mre in self._mres:
                m = mre.match(text.text, pos, text.end)
                if m:
                    return m.group(0), m.lastgroup
            return None
        for pattern, name in self._patterns:
            if isinstance(pattern, str):
                if text.text.startswith(pattern, pos, text.end):
                    return pattern, name
                continue
            m = pattern.match(text.text, pos, text.end)
            if m:
                return m.group(0), name
        return None

    def fullmatch(self, text: str) -> str | None:
        if self._strings is not None:
            return self._strings.get(text)
        for pattern, name in self._patterns:
            if pattern == text if isinstance(pattern, str) else pattern.fullmatch(text):
                return name
        return None


def _plain(t: TerminalDef, g_regex_flags: int) -> bool:
    """A terminal that is a plain string without flags: matched by comparing strings."""
    return isinstance(t.pattern, PatternStr) and not t.pattern.flags and not g_regex_flags


def _create_unless(terminals: list[TerminalDef], g_regex_flags: int, re_: Any,
                   use_bytes: bool) -> tuple[list[TerminalDef], dict[str, Any]]:
    """Lark's ``lexer._create_unless`` (1.3), building ``_Scanner``s."""
    tokens_by_type = classify(terminals, lambda t: type(t.pattern))
    embedded_strs = set()
    callback: dict[str, Any] = {}
    for retok in tokens_by_type.get(PatternRE, []):
        unless = []
        for strtok in tokens_by_type.get(PatternStr, []):
            if strtok.priority != retok.priority:
                continue
            s = strtok.pattern.value
            if s == _get_match(re_, retok.pattern.to_regexp(), s, g_regex_flags):  # type: ignore[no-untyped-call]
                unless.append(strtok)
                if strtok.pattern.flags <= retok.pattern.flags:
                    embedded_strs.add(strtok)
        if unless:
            callback[retok.name] = UnlessCallback(_Scanner(unless, g_regex_flags, re_, use_bytes))
    return [t for t in terminals if t not in embedded_strs], callback


class _BasicLexer(BasicLexer):
    def _build_scanner(self) -> Scanner:
        """Lark's ``BasicLexer._build_scanner`` (1.3) with ``_Scanner``."""
        terminals, self.callback = _create_unless(list(self.terminals), self.g_regex_flags, self.re, self.use_bytes)
        for type_, f in self.user_callbacks.items():
            if type_ in self.callback:
                self.callback[type_] = CallChain(  # type: ignore[no-untyped-call]
                    self.callback[type_], f, lambda t, type_=type_: t.type == type_)
            else:
                self.callback[type_] = f
        return _Scanner(terminals, self.g_regex_flags, self.re, self.use_bytes)


def install(contextual: Any) -> None:
    """Give every state's lexer of a ``ContextualLexer`` (and its root lexer, for error messages) the cheaper
    scanner; a lexer of another kind, or one that has already built its scanner, is left as it is."""
    for lexer in {id(x): x for x in (*contextual.lexers.values(), contextual.root_lexer)}.values():
        if type(lexer) is BasicLexer and lexer._scanner is None:
            lexer.__class__ = _BasicLexer
