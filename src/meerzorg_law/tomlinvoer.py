"""A TOML input file (populatie.toml, bronnen.toml) read so that nothing in it gives a traceback: every problem
is an ``InvoerFout`` in Dutch naming the file, the key and the line.

tomllib knows no lines once it has parsed, so ``regel_van`` finds the line of a key by a small scan of the text
(table headers and ``key =`` lines); the schemas (``impact/populatie_schema.py``, ``semantics/bronnen.py``)
use it to point at the key they refuse.
"""

from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path
from typing import Any

from .output import reden

__all__ = ["MAX_DIEPTE", "InvoerFout", "lees_toml", "regel_van", "sleutelpad"]

MAX_DIEPTE = 20  # tables and arrays in each other; the files need 3


class InvoerFout(ValueError):
    """A problem with an input file: the Dutch message, and where (line 0: the file as a whole)."""

    def __init__(self, bestand: str, regel: int, bericht: str) -> None:
        super().__init__(f"{bestand}:{regel}: {bericht}" if regel else f"{bestand}: {bericht}")
        self.bestand, self.regel, self.bericht = bestand, regel, bericht


def sleutelpad(pad: tuple[str | int, ...]) -> str:
    """``("uren", "banden", 2)`` -> ``uren.banden[2]``."""
    out = ""
    for deel in pad:
        out += f"[{deel}]" if isinstance(deel, int) else (f".{deel}" if out else str(deel))
    return out


def _regel_van_offset(tekst: str, offset: int) -> int:
    return tekst.count("\n", 0, offset) + 1


def _diepte(tekst: str, bestand: str) -> None:
    """Refuse nesting deeper than MAX_DIEPTE before tomllib recurses into it (3,000 levels: RecursionError)."""
    diepte, in_tekst, i = 0, "", 0
    while i < len(tekst):
        c = tekst[i]
        if in_tekst:
            if c == "\\" and in_tekst == '"':
                i += 1
            elif c == in_tekst:
                in_tekst = ""
        elif c in "\"'":
            in_tekst = c
        elif c == "#":
            while i < len(tekst) and tekst[i] != "\n":
                i += 1
        elif c in "[{":
            diepte += 1
            if diepte > MAX_DIEPTE:
                raise InvoerFout(bestand, _regel_van_offset(tekst, i),
                                 f"te diep genest: meer dan {MAX_DIEPTE} lijsten of tabellen in elkaar")
        elif c in "]}":
            diepte = max(0, diepte - 1)
        i += 1


def _eindig(data: Any, pad: tuple[str | int, ...], tekst: str, bestand: str) -> None:
    """No ``inf`` or ``nan`` anywhere: no share, age or hour is infinite."""
    if isinstance(data, float) and not math.isfinite(data):
        raise InvoerFout(bestand, regel_van(tekst, pad), f"{sleutelpad(pad)} moet een eindig getal zijn, niet {data}")
    if isinstance(data, dict):
        for k, v in data.items():
            _eindig(v, (*pad, k), tekst, bestand)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            _eindig(v, (*pad, i), tekst, bestand)


_TOML_FOUT = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def lees_toml(path: Path, soort: str) -> tuple[dict[str, Any], str]:
    """The data and text of a TOML file (``soort`` names it in messages: "het populatiebestand")."""
    bestand = str(path)
    try:
        ruw = path.read_bytes()
    except OSError as err:
        raise InvoerFout(bestand, 0, f"kan {soort} niet lezen: {reden(err)}") from None
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError as err:
        regel = ruw.count(b"\n", 0, err.start) + 1
        raise InvoerFout(bestand, regel, f"{soort} is geen UTF-8: byte 0x{ruw[err.start]:02x} op regel {regel} "
                                         "(sla het bestand op als UTF-8)") from None
    if not any(r.strip() and not r.strip().startswith("#") for r in tekst.splitlines()):
        raise InvoerFout(bestand, 0, f"{soort} is leeg")
    _diepte(tekst, bestand)
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as err:
        m = _TOML_FOUT.search(str(err))
        regel = int(m.group(1)) if m and m.group(1) else tekst.count("\n") + 1
        wat = _TOML_FOUT.sub("", str(err)).strip()
        raise InvoerFout(bestand, regel, f"{soort} is geen geldige TOML op regel {regel} ({wat})") from None
    except RecursionError:
        raise InvoerFout(bestand, 0, f"{soort} is te diep genest") from None
    _eindig(data, (), tekst, bestand)
    return data, tekst


def _sleutel(s: str) -> str:
    s = s.strip()
    return s[1:-1] if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'" else s


def regel_van(tekst: str, pad: tuple[str | int, ...]) -> int:
    """The line of the key ``pad`` (the deepest part of it that the text names), or 1."""
    namen = [p for p in pad if isinstance(p, str)]
    beste, beste_diepte = 1, 0
    kop: list[str] = []
    for nr, regel in enumerate(tekst.splitlines(), 1):
        r = regel.strip()
        if r.startswith("[") and not r.startswith("[["):
            kop = [_sleutel(d) for d in re.split(r"\.(?=(?:[^\"']|[\"'][^\"']*[\"'])*$)", r.strip("[]").split("]")[0])]
            if kop == namen[: len(kop)] and len(kop) > beste_diepte:
                beste, beste_diepte = nr, len(kop)
            continue
        m = re.match(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""", regel)
        if m:
            volledig = [*kop, _sleutel(m.group(1))]
            if volledig == namen[: len(volledig)] and len(volledig) > beste_diepte:
                beste, beste_diepte = nr, len(volledig)
    return beste
