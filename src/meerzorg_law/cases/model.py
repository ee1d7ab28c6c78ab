"""Case and Expectation: what a drafter wrote, typed and with the line of every fact and expectation."""

from __future__ import annotations

from dataclasses import dataclass

from ..span import Span
from ..values import Value


@dataclass(frozen=True, slots=True)
class Expectation:
    versie: str
    values: dict[str, Value]
    spans: dict[str, Span]
    span: Span
    # Written as ``versie: te herzien``: the case runs on the version, and its outcomes wait for the drafter's
    # review (``meerzorg test --herzien``) instead of being copied from another version.
    te_herzien: bool = False


@dataclass(frozen=True, slots=True)
class Case:
    naam: str
    omschrijving: str
    feiten: dict[str, Value]
    feit_spans: dict[str, Span]
    verwacht: tuple[Expectation, ...]
    span: Span
    # The case file's own title (top-level ``titel:``), shown as the heading of its page on the site.
    bestandstitel: str = ""

    @property
    def file(self) -> str:
        return self.span.file
