"""Syntax errors are explained in Dutch, at the right place; messages are tested word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

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
