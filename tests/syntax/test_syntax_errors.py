"""Syntax errors are explained in Dutch, at the right place; messages are tested word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from meerzorg_law.syntax._syntax_errors import _WOORDEN, _expected_words
from meerzorg_law.syntax.grammar import parser
from meerzorg_law.syntax.parse import parse_text

HEADER = 'regeling "x" versie a-1 geldig vanaf 2026-01-01\n'
CASES = []
for block in (Path(__file__).parent / "bad" / "fouten.txt").read_text(encoding="utf-8").split("=== ")[1:]:
    head, *rest = block.splitlines()
    name, pos, code = head.split()
    body = "\n".join(line for line in rest if not line.startswith("--- "))
    message = next(line[4:] for line in rest if line.startswith("--- "))
    CASES.append(pytest.param(body, pos, code, message, id=name))


@pytest.mark.parametrize(("body", "pos", "code", "message"), CASES)
def test_syntax_error_message(body: str, pos: str, code: str, message: str) -> None:
    text = HEADER + body + "\n" if body else HEADER.replace("2026-01-01", "2026-13-01")
    doc, diags = parse_text(text, "t.rgl")
    assert doc is None
    [d] = diags
    assert (f"{d.span.line}:{d.span.column}", d.code, d.message) == (pos, code, message)


def test_empty_and_binary_input() -> None:
    assert [d.code for d in parse_text("  \n\n", "leeg.rgl")[1]] == ["E002"]
    assert [d.code for d in parse_text("regeling\x00", "bin.rgl")[1]] == ["E001"]


def test_non_ascii_digits_are_not_numbers() -> None:
    doc, diags = parse_text(HEADER + "artikel 1\n  regel: x is 1,٠\n", "t.rgl")
    assert doc is None and diags[0].code.startswith("E1")


def _internal(message: str) -> list[str]:
    """The grammar's own terminal names in ``message`` (a word written exactly as a terminal is named)."""
    names = {t.name for t in parser().terminals} | {"$END", "_NL"}
    return [w for w in re.findall(r"[$\w]+", message) if w in names or w.startswith("__ANON")]


def test_every_parser_state_expects_in_the_languages_own_words() -> None:
    """For each LALR state, what the parser would say it expects there contains no internal token name
    (``__ANON_3``, ``REGEL``, ``$END``): every state an error can occur in is covered, not only the examples."""
    lark = parser()
    table = lark.parser.parser.parser.parse_table
    assert len(table.states) > 500
    for state, actions in table.states.items():
        expected = {name for name in actions if name.isupper()}  # terminals; lark reports these in an error
        words = _expected_words(expected)
        assert not _internal(words), f"toestand {state}: {words}"


def test_every_pattern_terminal_has_its_own_words() -> None:
    """A terminal defined by a pattern (a name, a number, a date ...) is described, not left to the fallback."""
    from lark.lexer import PatternRE

    missing = [t.name for t in parser().terminals if isinstance(t.pattern, PatternRE) and t.name not in _WOORDEN]
    assert not missing, f"beschrijf in _WOORDEN: {missing}"


def test_a_misplaced_construct_says_where_it_belongs() -> None:
    text = HEADER.replace("regeling \"x\" versie a-1", "wijzigingsregeling \"x\" versie a-1 basis b-1") \
        + "Artikel I\n  A.\n    regel: x is 1\n"
    _, [d] = parse_text(text, "w.rgl")
    assert "'regel' mag hier niet staan: regels staan in een artikel, lid of onderdeel" in d.message
    assert not _internal(d.message), d.message
