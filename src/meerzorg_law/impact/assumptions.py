"""The assumption file (``regeling/populatie.toml`` or ``--populatie``) -> Assumptions: shares, hours, ranges.

The numbers live in the data file, documented there, so a drafter can change them without touching code;
this module reads and checks them (a clear Dutch error naming the file and key) and knows which keys the
drawing in ``population.py`` uses.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["SECTIES", "Assumptions", "PopulatieFout", "bundled_assumptions", "check_sections", "load_assumptions"]

# The sections the drawing in population.py reads itself; every other section describes one fact by name.
SECTIES = frozenset({"populatie", "standaard", "zorgprofiel", "sector", "leveringsvorm", "leeftijd", "uren",
                     "best_passend_zorgprofiel", "bijzondere_zorgbehoefte", "andere_toeslag", "bijzondere_situatie",
                     "soort_aanvraag", "eerdere_meerzorg_thuis_tot"})


class PopulatieFout(ValueError):
    """The assumption file is missing, not TOML, or has a value of the wrong shape (message in Dutch)."""


@dataclass(frozen=True, slots=True)
class Assumptions:
    path: str
    data: dict[str, Any]
    text: str = ""  # the file's text, for the line of a key (``tomlinvoer.regel_van``)

    def section(self, *keys: str) -> dict[str, Any]:
        """A table of the file (empty when absent); a non-table is an error naming the key."""
        node: Any = self.data
        for k in keys:
            node = node.get(k, {}) if isinstance(node, dict) else None
            if not isinstance(node, dict):
                raise PopulatieFout(f"{self.path}: [{'.'.join(keys)}] moet een tabel zijn")
        return dict(node)

    def number(self, value: Any, where: str, lo: float = 0.0, hi: float | None = None) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise PopulatieFout(f"{self.path}: {where} moet een getal zijn, niet {value!r}")
        if value < lo or (hi is not None and value > hi):
            bound = f"van {lo} tot en met {hi}" if hi is not None else f"ten minste {lo}"
            raise PopulatieFout(f"{self.path}: {where} moet {bound} zijn, niet {value}")
        return float(value)

    def shares(self, table: dict[str, Any], where: str) -> dict[str, float]:
        """``{waarde: aandeel}`` with every aandeel a number >= 0 (nested tables are skipped)."""
        return {k: self.number(v, f"{where}.{k}") for k, v in table.items() if not isinstance(v, dict)}

    def numbers(self, value: Any, where: str, length: int) -> list[float]:
        if not isinstance(value, list) or len(value) != length:
            raise PopulatieFout(f"{self.path}: {where} moet een lijst van {length} getallen zijn")
        return [self.number(v, f"{where}[{i}]", lo=-1e9) for i, v in enumerate(value)]

    @property
    def peildatum(self) -> datetime.date:
        value = self.section("populatie").get("peildatum", datetime.date(2027, 1, 1))
        if not isinstance(value, datetime.date):
            raise PopulatieFout(f"{self.path}: populatie.peildatum moet een datum zijn (jjjj-mm-dd)")
        return value

    def frame(self, versie: str, basis_of: dict[str, str]) -> tuple[str, dict[str, list[float]]]:
        """The bijzondere_zorgbehoefte shares [laag, midden, hoog] per place for ``versie``'s reference frame:
        its own entry, else its basis's (and so on); the name of the entry used."""
        frames = self.section("bijzondere_zorgbehoefte")
        seen = versie
        while seen and seen not in frames:
            seen = basis_of.get(seen, "")
        if not seen:
            if not frames:
                return "", {"instelling": [0.85] * 3, "thuis": [0.70] * 3}
            seen = next(iter(frames))
        entry = self.section("bijzondere_zorgbehoefte", seen)
        out = {}
        for place in ("instelling", "thuis"):
            three = self.numbers(entry.get(place), f"bijzondere_zorgbehoefte.{seen}.{place}", 3)
            if not all(0 <= x <= 1 for x in three) or not three[0] <= three[1] <= three[2]:
                raise PopulatieFout(f"{self.path}: bijzondere_zorgbehoefte.{seen}.{place} moet drie aandelen "
                                    "laag <= midden <= hoog tussen 0 en 1 zijn")
            out[place] = three
        return seen, out


def check_sections(a: Assumptions, nodig: dict[str, str], bekend: Collection[str], standaard: bool) -> None:
    """Every fact in ``nodig`` (name -> its stated default) has a section, or ``standaard`` accepts the
    defaults; every section is one the drawing reads or a fact in ``bekend``. PopulatieFout otherwise, naming
    the fact or section and what to write."""
    onbekend = [k for k, v in a.data.items() if isinstance(v, dict) and k not in SECTIES and k not in bekend]
    if onbekend:
        k = onbekend[0]
        close = difflib.get_close_matches(k, [*SECTIES, *bekend], n=2, cutoff=0.6)
        raise PopulatieFout(f"{a.path}: onbekende sectie [{k}]: geen feit van deze versies en geen sectie die de "
                            "populatie gebruikt" + (f"; bedoelde u [{'] of ['.join(close)}]?" if close else "")
                            + " (zie docs/populatie.rst)")
    for naam, sectie in a.data.items():
        if naam not in SECTIES and isinstance(sectie, dict) and not isinstance(sectie.get("standaard", False), bool):
            raise PopulatieFout(f"{a.path}: {naam}.standaard moet true of false zijn")
    if standaard:
        return
    missing = [naam for naam in nodig if naam not in a.data]
    if missing:
        naam = missing[0]
        ook = f" (en {len(missing) - 1} andere: {', '.join(missing[1:])})" if len(missing) > 1 else ""
        raise PopulatieFout(f"{a.path}: het feit {naam} heeft geen aanname{ook}. Schrijf in {a.path} een sectie "
                            f"[{naam}] (zie docs/populatie.rst), of neem de standaard over met --standaard "
                            f"({nodig[naam].rsplit(': ', 1)[-1]})")


def load_assumptions(path: Path | str) -> Assumptions:
    """The file read and checked against its schema (``populatie_schema``): encoding, empty file, depth, inf
    and nan, types, ranges and unknown keys are each a Dutch ``PopulatieFout`` naming the key and line."""
    from ..tomlinvoer import InvoerFout, lees_toml

    p = Path(path)
    try:
        data, text = lees_toml(p, "het populatiebestand")
        _schema(data, text, str(p))
    except InvoerFout as e:
        raise PopulatieFout(str(e)) from None
    return Assumptions(_shown(p), data, text)


def _schema(data: dict[str, Any], text: str, bestand: str) -> None:
    """``controleer_populatie``, skipped for a text that passed it before (remembered in the on-disk cache by
    its content and the schema's code): validating loads pydantic, a fifth of a second of every ``impact``.
    Only a pass is remembered; a file with an error is checked (and its error given) every time."""
    from ..semantics.cache import MISSING, code_fingerprint, content_key, lookup, store

    key = content_key(code_fingerprint(("impact", "tomlinvoer.py")), text)
    if lookup("populatie", "schema", key) is MISSING:
        from .populatie_schema import controleer_populatie

        controleer_populatie(data, text, bestand)
        store("populatie", "schema", key, True)


def _shown(p: Path) -> str:
    """The path as the report names it: relative to the working directory when inside it."""
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def bundled_assumptions(regeling_dir: Path) -> Assumptions:
    """``populatie.toml`` beside the regeling."""
    return load_assumptions(regeling_dir / "populatie.toml")
