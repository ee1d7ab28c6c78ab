"""ir.Herkomst + the source registry -> the Dutch provenance badge and source line a reader sees beside a provision.

One wording for every renderer (``meerzorg uitleg``, the Sphinx site, exports), so that official text and our
own wording are told apart the same way everywhere.
"""

from __future__ import annotations

import datetime

from .. import ir

__all__ = ["badge", "bron_regel", "gewijzigd", "kader"]

_LABEL = {
    "officieel": "officiële tekst",
    "beleid": "beleid van de zorgkantoren",
    "uitvoering": "uitvoeringspraktijk",
    "reconstructie": "reconstructie",
    "keuze": "keuze",
    "voorstel": "voorstel",
}


def _kort(d: datetime.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def badge(herkomst: ir.Herkomst | None, bronnen: dict[str, ir.Bron]) -> str:
    """The short label: "officiële tekst, geldend 1-7-2025", "reconstructie", "keuze: lezing van de praktijk".

    >>> h = ir.Herkomst("officieel", ("rlz",), "", (), None)  # type: ignore[arg-type]
    >>> b = {"rlz": ir.Bron("rlz", "Rlz", None, "VWS", "https://wetten.overheid.nl/x", "BWBR0036014",
    ...                     datetime.date(2025, 7, 1))}
    >>> badge(h, b)
    'officiële tekst, geldend 1-7-2025'
    >>> badge(None, b)
    'herkomst onbekend'
    """
    if herkomst is None:
        return "herkomst onbekend"
    return _eigen(herkomst, bronnen) + gewijzigd(herkomst)


def _eigen(herkomst: ir.Herkomst, bronnen: dict[str, ir.Bron]) -> str:
    label = _LABEL.get(herkomst.soort, herkomst.soort)
    if herkomst.soort == "officieel":
        geldend = [bronnen[b].geldend_vanaf for b in herkomst.bronnen if b in bronnen and bronnen[b].geldend_vanaf]
        return f"{label}, geldend {_kort(geldend[0])}" if geldend and geldend[0] else label
    if herkomst.soort == "keuze" and herkomst.noot:
        return f"{label}: {herkomst.noot}"
    return label


def gewijzigd(herkomst: ir.Herkomst) -> str:
    """"; gewijzigd: “vijf jaar” (voorstel)": the words a wijziging substituted in the tekst, with their own
    herkomst, so official text and our wording stay apart inside one lid.

    >>> from ..span import NO_SPAN
    >>> h = ir.Herkomst("officieel", (), "", (), NO_SPAN, (ir.HerkomstDeel(3, 12, "vijf\\njaar", "voorstel", NO_SPAN),))
    >>> gewijzigd(h)
    '; gewijzigd: “vijf jaar” (voorstel)'
    """
    per_soort: dict[str, list[str]] = {}
    for d in herkomst.delen:
        per_soort.setdefault(d.soort, []).append(f"\u201c{' '.join(d.woorden.split())}\u201d")
    return "".join(f"; gewijzigd: {', '.join(w)} ({_LABEL.get(s, s)})" for s, w in per_soort.items())


def bron_regel(herkomst: ir.Herkomst | None, bronnen: dict[str, ir.Bron]) -> str:
    """The sources behind a badge, one line: "Bronnen: Regeling langdurige zorg (BWBR0036014, geldend vanaf
    27-7-2015) <https://...>; ...". A keuze adds its alternatives."""
    if herkomst is None:
        return ""
    parts = []
    for bid in herkomst.bronnen:
        b = bronnen.get(bid)
        if b is None:
            parts.append(bid)
            continue
        detail = f"{b.bwb}, geldend vanaf {_kort(b.geldend_vanaf)}" if b.bwb and b.geldend_vanaf else (
            f"{b.uitgever}, {_kort(b.datum)}" if b.datum else b.uitgever)
        parts.append(f"{b.titel} ({detail}) <{b.url}>")
    text = f"Bronnen: {'; '.join(parts)}." if parts else ""
    if herkomst.alternatieven:
        text += (" " if text else "") + "Niet gekozen: " + "; ".join(herkomst.alternatieven) + "."
    return text


_KADER = {
    "beleid": "beleid van de zorgkantoren, in onze woorden",
    "uitvoering": "hoe de uitvoering werkt, in onze woorden",
    "reconstructie": "onze reconstructie van de regels zoals zij worden toegepast",
    "keuze": "een keuze van dit model, met de andere lezing als variant",
    "voorstel": "voorgestelde tekst, nog niet vastgesteld",
}


def kader(herkomst: ir.Herkomst | None, bronnen: dict[str, ir.Bron]) -> str:
    """The line above a provision's text that says in words what the text is, so that a reconstruction never
    reads as law: "Officiële tekst: Regeling langdurige zorg, geldend vanaf 27-7-2015" or "Geen officiële
    tekst: onze reconstructie van de regels zoals zij worden toegepast".

    >>> kader(ir.Herkomst("reconstructie", (), "", (), None), {})  # type: ignore[arg-type]
    'Geen officiële tekst: onze reconstructie van de regels zoals zij worden toegepast'
    """
    if herkomst is None:
        return "Geen officiële tekst: herkomst onbekend"
    if herkomst.soort == "officieel":
        bron = next((bronnen[b] for b in herkomst.bronnen if b in bronnen), None)
        if bron is None:
            return "Officiële tekst"
        wanneer = f", geldend vanaf {_kort(bron.geldend_vanaf)}" if bron.geldend_vanaf else ""
        return f"Officiële tekst: {bron.titel}{wanneer}"
    return f"Geen officiële tekst: {_KADER.get(herkomst.soort, herkomst.soort)}"
