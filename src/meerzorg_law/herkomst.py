"""What a provision, table or rule rests on: one class for the AST and the IR (the IR carries the herkomst the
drafter wrote, as consolidation completed it). Here, below both, so that a command that reads only the IR does
not load the syntax tree's classes."""

from __future__ import annotations

from dataclasses import dataclass

from .span import Span

__all__ = ["Herkomst", "HerkomstDeel"]


@dataclass(frozen=True, slots=True)
class HerkomstDeel:
    """Words of a tekst with another herkomst than the provision: ``tekst[begin:eind]`` (``woorden``) was
    brought in by the instruction at ``span`` ("wordt 'drie jaar' vervangen door 'vijf jaar'"). Made by
    consolidation, never written: the printer leaves it out."""

    begin: int
    eind: int
    woorden: str
    soort: str
    span: Span


@dataclass(frozen=True, slots=True)
class Herkomst:
    """What kind of source a provision, table or rule rests on (``soort``: officieel, beleid, uitvoering,
    reconstructie, keuze, voorstel), the registered sources it cites, a note, and for a keuze the
    alternatives that were not chosen; a reader must be able to tell official text from our wording.
    ``delen``: words of the provision's tekst that a wijziging brought in, with their own herkomst."""

    soort: str
    bronnen: tuple[str, ...]
    noot: str
    alternatieven: tuple[str, ...]
    span: Span
    delen: tuple[HerkomstDeel, ...] = ()
