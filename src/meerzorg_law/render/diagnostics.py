"""The one place diagnostics become text: caret form for people, GNU one-liners for editors, JSON for tools."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from ..diagnostics import Diagnostic
from ..span import GEGEVENS, Span


@functools.lru_cache(maxsize=64)
def _lines(file: str) -> tuple[str, ...]:
    try:
        with open(file, encoding="utf-8", errors="replace") as fh:
            return tuple(fh.read().splitlines())
    except OSError:
        return ()


def _snippet(span: Span, sources: dict[str, str] | None) -> list[str]:
    text = sources.get(span.file) if sources else None
    lines = tuple(text.splitlines()) if text is not None else _lines(span.file)
    if not (1 <= span.line <= len(lines)):
        return []
    line = lines[span.line - 1].replace("\t", " ")
    width = len(str(span.line))
    end = span.end_column if span.end_line == span.line and span.end_column > span.column else span.column + 1
    line, column, end = _window(line, span.column, end)
    carets = "^" * max(1, min(end, len(line) + 1) - column)
    pad = " " * width
    return [f"{pad} |", f"{span.line} | {line}", f"{pad} | {' ' * (column - 1)}{carets}"]


_WIDTH = 160


def _window(line: str, column: int, end: int) -> tuple[str, int, int]:
    """A line longer than _WIDTH (thousands of nested brackets, a 5000-digit number) cut to _WIDTH characters
    around the marked part, '…' where it was cut; the columns are moved to match, the header keeps the real one."""
    if len(line) <= _WIDTH:
        return line, column, end
    left = max(0, min(column - 1 - _WIDTH // 4, len(line) - _WIDTH))
    right = left + _WIDTH
    shift = left - (1 if left else 0)  # the leading '…' takes one column
    cut = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
    return cut, column - shift, min(end, right + 1) - shift


def render_caret(d: Diagnostic, sources: dict[str, str] | None = None) -> str:
    """fout[E211]: message / --> file:line:col / the line with a caret under the offending part."""
    out = [f"{d.severity.value}[{d.code}]: {d.message}", f"  --> {d.span.file}:{d.span.line}:{d.span.column}"]
    out += ["  " + s for s in _snippet(d.span, sources)]
    if d.span.provision != GEGEVENS:
        out.append(f"   = in {d.span.provision.citeer()}")
    for span, note in d.related:
        out.append(f"   = {note}: {span.file}:{span.line}:{span.column}"
                   + (f" ({span.provision.citeer()})" if span.provision != GEGEVENS else ""))
    return "\n".join(out)


def render_gnu(d: Diagnostic) -> str:
    return f"{d.span.file}:{d.span.line}:{d.span.column}: {d.severity.value}: {d.message} [{d.code}]"


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code, "ernst": d.severity.value, "bericht": d.message, "bestand": d.span.file,
        "regel": d.span.line, "kolom": d.span.column, "bepaling": d.span.provision.citeer(),
        "gerelateerd": [{"bestand": s.file, "regel": s.line, "kolom": s.column, "notitie": n} for s, n in d.related],
        "suggesties": list(d.suggestions),
    }


def render_all(diags: Iterable[Diagnostic], sources: dict[str, str] | None = None) -> str:
    items = list(diags)
    body = "\n\n".join(render_caret(d, sources) for d in items)
    errors = sum(d.is_error for d in items)
    return f"{body}\n\n{errors} fout(en) gevonden." if items else ""
