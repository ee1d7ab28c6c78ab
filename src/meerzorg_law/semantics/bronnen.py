"""The source registry (regeling/bronnen.toml) -> ir.Bron values, and the provenance checks of one version.

Every provision, table and rule says what kind of source it rests on (``herkomst``); the sources it names
must be in the registry, so that a reader of the file or the site can look each one up. A regeling with a
registry beside it must state provenance everywhere: a provision without it gets a warning.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import ir
from ..diagnostics import Diagnostic, Severity
from ..span import Span
from ..tomlinvoer import InvoerFout, lees_toml

__all__ = ["BRONNEN_BESTAND", "SOORTEN", "check_herkomst", "find_registry", "load_bronnen"]

BRONNEN_BESTAND = "bronnen.toml"
# The kinds of source, in the order a reader trusts them; ``officieel`` is verbatim text of a consolidated
# official version (wetten.overheid.nl), ``voorstel`` is wording this project proposes.
SOORTEN = ("officieel", "beleid", "uitvoering", "reconstructie", "keuze", "voorstel")
_NEEDS_BRON = {"officieel", "beleid", "uitvoering"}
_FIELDS = {"titel", "datum", "uitgever", "url", "bwb", "geldend_vanaf", "opmerking", "uittreksel", "kopie"}
_REQUIRED = ("titel", "uitgever", "url")
_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)+")


def find_registry(paths: Iterable[Path]) -> Path | None:
    """``bronnen.toml`` in the first given folder (or beside the first given file) that has one."""
    for p in paths:
        folder = p if p.is_dir() else p.parent
        candidate = folder / BRONNEN_BESTAND
        if candidate.is_file():
            return candidate
    return None


def load_bronnen(path: Path) -> tuple[dict[str, ir.Bron], list[Diagnostic]]:
    """Read the registry; every problem is a diagnostic at the line of the entry it concerns."""
    file = str(path)
    try:  # encoding, empty file, depth, inf/nan and TOML errors in Dutch with a line (``tomlinvoer``)
        data, text = lees_toml(path, "het bronnenregister")
    except InvoerFout as err:
        line = max(1, err.regel)
        return {}, [Diagnostic("H010", Span(file, line, 1, line, 2), err.bericht)]
    lines = text.splitlines()
    diags: list[Diagnostic] = []
    bronnen: dict[str, ir.Bron] = {}
    for bid, entry in data.items():
        span = _entry_span(file, lines, bid)
        if not _ID.fullmatch(bid) or not isinstance(entry, dict):
            diags.append(Diagnostic("H011", span, f"'{bid}' is geen bron: een bron is een tabel [id] met een id "
                                                  "van kleine letters en cijfers met een streepje, zoals [rlz-2015]"))
            continue
        unknown = sorted(set(entry) - _FIELDS)
        missing = [f for f in _REQUIRED if not isinstance(entry.get(f), str) or not entry.get(f)]
        dates = {f: entry.get(f) for f in ("datum", "geldend_vanaf")}
        bad_dates = [f for f, v in dates.items() if v is not None and not isinstance(v, datetime.date)]
        if unknown or missing or bad_dates:
            problems = ([f"onbekend veld {', '.join(unknown)}"] if unknown else []) + (
                [f"ontbrekend veld {', '.join(missing)}"] if missing else []) + (
                [f"{', '.join(bad_dates)} is geen datum (schrijf 2025-07-01 zonder aanhalingstekens)"]
                if bad_dates else [])
            diags.append(Diagnostic("H012", span, f"bron {bid}: " + "; ".join(problems)))
            continue
        url = str(entry["url"])
        if not url.startswith("https://"):
            diags.append(Diagnostic("H013", span, f"bron {bid}: de vindplaats moet een openbaar adres zijn "
                                                  f"(https://...), niet '{url}'"))
            continue
        kopie = entry.get("kopie", "")
        if kopie and (not isinstance(kopie, str) or not kopie.startswith("https://") or kopie == url):
            diags.append(Diagnostic("H015", span, f"bron {bid}: kopie is het openbare adres (https://...) van de "
                                                  "kopie die is gelezen, naast de officiële vindplaats in url"))
            continue
        if bool(entry.get("bwb")) != bool(entry.get("geldend_vanaf")):
            diags.append(Diagnostic("H014", span, f"bron {bid}: een officiële geconsolideerde tekst heeft zowel "
                                                  "bwb als geldend_vanaf"))
            continue
        datum = dates["datum"]
        geldend = dates["geldend_vanaf"]
        bronnen[bid] = ir.Bron(bid, str(entry["titel"]), datum if isinstance(datum, datetime.date) else None,
                               str(entry["uitgever"]), url, str(entry.get("bwb", "")),
                               geldend if isinstance(geldend, datetime.date) else None, str(kopie))
    return bronnen, diags


def check_herkomst(reg: ir.Regeling, bronnen: dict[str, ir.Bron], required: bool) -> list[Diagnostic]:
    """Unknown source ids, an ``officieel`` without an official consolidated source, a keuze without
    alternatives are errors; with ``required``, a provision or table without herkomst is a warning."""
    diags: list[Diagnostic] = []
    found: list[ir.Herkomst] = []
    for p in reg.provisions:
        if p.herkomst is not None:
            found.append(p.herkomst)
        elif required and (p.tekst or p.kind == "bijlage"):
            diags.append(Diagnostic("H001", p.span, f"{p.ref.citeer()} zegt niet waar zij vandaan komt: schrijf "
                                                    "'herkomst officieel bron ...' (of beleid, uitvoering, "
                                                    "reconstructie, keuze, voorstel)", Severity.WAARSCHUWING))
    for t in reg.tables.values():
        if t.herkomst is not None:
            found.append(t.herkomst)
        elif required:
            diags.append(Diagnostic("H001", t.span, f"tabel {t.name} zegt niet waar zij vandaan komt",
                                    Severity.WAARSCHUWING))
    found += [r.herkomst for r in reg.rules if r.herkomst is not None]
    found += [d.herkomst for d in reg.definitions.values() if d.herkomst is not None]
    for h in dict.fromkeys(found):
        diags.extend(_check_one(h, bronnen))
    return diags


def _check_one(h: ir.Herkomst, bronnen: dict[str, ir.Bron]) -> Iterator[Diagnostic]:
    for bid in h.bronnen:
        if bid not in bronnen:
            close = tuple(difflib.get_close_matches(bid, list(bronnen), n=2, cutoff=0.6))
            hint = f"; bedoelde u {' of '.join(close)}?" if close else ""
            where = "het bronnenregister (bronnen.toml naast de regeling)" if bronnen else \
                "een bronnenregister (er is geen bronnen.toml naast de regeling)"
            yield Diagnostic("H002", h.span, f"onbekende bron '{bid}': die staat niet in {where}{hint}",
                             suggestions=close)
    if h.soort in _NEEDS_BRON and not h.bronnen:
        yield Diagnostic("H003", h.span, f"herkomst {h.soort} noemt geen bron: schrijf 'bron <id>'")
    if h.soort == "officieel" and h.bronnen and all(b in bronnen for b in h.bronnen) and not any(
            bronnen[b].bwb for b in h.bronnen):
        yield Diagnostic("H004", h.span, "officiële tekst komt uit een geconsolideerde tekst: noem een bron met "
                                         "bwb en geldend_vanaf in het register")
    if h.soort == "keuze" and not h.alternatieven:
        yield Diagnostic("H005", h.span, "een keuze noemt de alternatieven: schrijf 'alternatief \"...\"'")
    if h.soort != "keuze" and h.alternatieven:
        yield Diagnostic("H006", h.span, f"alleen een keuze heeft alternatieven, niet herkomst {h.soort}")


def _entry_span(file: str, lines: list[str], bid: str) -> Span:
    for i, line in enumerate(lines, 1):
        if line.strip() in (f"[{bid}]", f'["{bid}"]'):
            return Span(file, i, 1, i, len(line) + 1)
    return Span(file, 1, 1, 1, 1)


def officieel_per_datum(reg: ir.Regeling) -> dict[datetime.date | None, int]:
    """Official provisions per date of the consolidation they come from (the newest ``geldend_vanaf`` of their
    sources): official text of 2015 is not the text in force in 2026, and the count must say so."""
    out: dict[datetime.date | None, int] = {}
    for p in reg.provisions:
        if not p.tekst or p.herkomst is None or p.herkomst.soort != "officieel":
            continue
        datums = [b.geldend_vanaf for bid in p.herkomst.bronnen if (b := reg.bronnen.get(bid)) is not None
                  and b.geldend_vanaf is not None]
        d = max(datums) if datums else None
        out[d] = out.get(d, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (kv[0] is None, kv[0] or datetime.date.min)))


def herkomst_telling(reg: ir.Regeling) -> dict[str, tuple[int, int]]:
    """Per kind of source: (provisions, words of their text), over every provision and bijlage with a text;
    ``zonder`` counts those without provenance. Shows how much of a version is official text. Words that a
    wijziging substituted (``Herkomst.delen``) count for their own herkomst, not for the provision's."""
    out: dict[str, tuple[int, int]] = {}
    for p in reg.provisions:
        if not p.tekst:
            continue
        soort = p.herkomst.soort if p.herkomst is not None else "zonder"
        delen = p.herkomst.delen if p.herkomst is not None else ()
        n, w = out.get(soort, (0, 0))
        out[soort] = (n + 1, w)
        for m in re.finditer(r"\S+", p.tekst):
            van = next((d.soort for d in delen if d.begin <= m.start() < d.eind), soort)
            n, w = out.get(van, (0, 0))
            out[van] = (n, w + 1)
    return out
