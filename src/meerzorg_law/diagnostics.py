"""Diagnostics as values: every stage returns them in a list; only ``render.diagnostics`` formats them."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from .span import Span


class Severity(enum.Enum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. ``code`` is stable (tests and --json use it); ``message`` is Dutch prose."""

    code: str
    span: Span
    message: str
    severity: Severity = Severity.FOUT
    related: tuple[tuple[Span, str], ...] = ()
    suggestions: tuple[str, ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.FOUT


class MeerzorgError(Exception):
    """Raised at the edge of a stage that found errors; carries all of them, never just the first."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        first = self.diagnostics[0] if self.diagnostics else None
        super().__init__(f"{first.span}: {first.message}" if first else "onbekende fout")


def raise_if_errors(diagnostics: Iterable[Diagnostic]) -> None:
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        raise MeerzorgError(errors)
