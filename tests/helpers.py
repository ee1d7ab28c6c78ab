"""Shared test helpers: inline expectations (``# FOUT CODE: message``) as in mypy's test data."""

from __future__ import annotations

import re
from pathlib import Path

from meerzorg_law.diagnostics import Diagnostic

_FOUT = re.compile(r"#\s*FOUT\s+(?P<code>[A-Z]\d{3}):\s*(?P<msg>.*?)\s*$")


def inline_expectations(path: Path) -> set[tuple[int, str, str]]:
    """(line, code, message) for every ``# FOUT CODE: message`` comment in the file."""
    found = set()
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = _FOUT.search(line)
        if m:
            found.add((i, m.group("code"), m.group("msg")))
    return found


def actual(diags: list[Diagnostic] | tuple[Diagnostic, ...], path: Path) -> set[tuple[int, str, str]]:
    return {(d.span.line, d.code, d.message) for d in diags if d.span.file == str(path)}
