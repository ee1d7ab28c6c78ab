"""Provenance on the site: a badge per provision (officiële tekst, beleid, uitvoering, reconstructie, keuze,
voorstel; the wording of ``render.herkomst``) with links to its sources, and ``rlz:bronnen``, the page that
lists the source registry (``regeling/bronnen.toml``) with a link to each source."""

from __future__ import annotations

from urllib.parse import urlparse

from docutils import nodes

from .. import ir
from ..render.herkomst import badge as herkomst_tekst
from ..render.waarden import datum
from .basis import RegelingBasis
from .bouwstenen import koppeling

__all__ = ["BronnenDirective", "herkomst_badge", "herkomst_regel"]

def herkomst_badge(tekst: str, soort: str) -> nodes.inline:
    """An outlined badge for the kind of source (``rlz-herkomst-<soort>``): outlined where change marks are
    filled, and in colours no change mark uses, so provenance and change are never told apart by colour alone."""
    return nodes.inline("", tekst, classes=["rlz-badge", "rlz-badge-herkomst",
                                            f"rlz-herkomst-{soort}"])


def _anker(bron: str) -> str:
    return f"bron-{bron}"


def herkomst_regel(h: ir.Herkomst | None, bronnen: dict[str, ir.Bron]) -> nodes.paragraph:
    """``[reconstructie] Bronnen: Toetsingskader meerzorg 2026, ...`` — the badge and a link per source to its
    entry on the sources page."""
    para = nodes.paragraph(classes=["rlz-herkomst"])
    soort = h.soort if h is not None else "onbekend"
    para += herkomst_badge(herkomst_tekst(h, bronnen), soort)
    if h is None or not h.bronnen:
        return para
    para += nodes.Text(" Bronnen: ")
    for n, bid in enumerate(h.bronnen):
        if n:
            para += nodes.Text("; ")
        bron = bronnen.get(bid)
        para += koppeling("bron", bid, bron.titel if bron else bid)
    para += nodes.Text(".")
    if h.alternatieven:
        para += nodes.Text(" Niet gekozen: " + "; ".join(h.alternatieven) + ".")
    return para


class BronnenDirective(RegelingBasis):
    """``.. rlz:bronnen::`` — every source of the registry: title, publisher, date, where to find it."""

    has_content = False

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        return "bronnen", ()

    def bouw(self) -> list[nodes.Node]:
        data = self.data(bestanden="regeling")
        if data is None or not data.versie_ids:
            return []
        bronnen = data.bundle.versions[data.versie_ids[0]].bronnen
        if not bronnen:
            return [nodes.paragraph("", "Deze regeling heeft geen bronnenregister.")]
        gebruikt: dict[str, set[str]] = {}
        for vid in data.versie_ids:
            for p in data.bundle.versions[vid].provisions:
                if p.herkomst is not None:
                    for bid in p.herkomst.bronnen:
                        gebruikt.setdefault(bid, set()).add(p.ref.citeer())
        lijst = nodes.bullet_list(classes=["rlz-bronnen"])
        for bid, bron in bronnen.items():
            item = nodes.paragraph()
            item += nodes.strong("", bron.titel)
            details = [bron.uitgever] if bron.uitgever else []
            if bron.datum:
                details.append(datum(bron.datum))
            if bron.bwb:
                details.append(bron.bwb + (f", geldend vanaf {datum(bron.geldend_vanaf)}" if bron.geldend_vanaf
                                           else ""))
            if details:
                item += nodes.Text(" (" + ", ".join(details) + ")")
            if bron.url:
                item += nodes.Text(". ")
                # The host as the link's text (a full address is no prose); the printed page adds the address.
                item += nodes.reference("", urlparse(bron.url).netloc or bron.url, refuri=bron.url)
            if bron.kopie:
                item += nodes.Text("; gelezen in een kopie: ")
                item += nodes.reference("", urlparse(bron.kopie).netloc or bron.kopie, refuri=bron.kopie)
            waar = sorted(gebruikt.get(bid, ()))
            if waar:
                item += nodes.Text(". Genoemd bij " + ", ".join(waar[:8]) + (" en meer" if len(waar) > 8 else ""))
            item += nodes.Text(".")
            li = nodes.list_item("", item)
            node_id = self.anker(li, _anker(bid))
            self.domain.note_object("bron", bid, node_id, titel=bron.titel, location=self.get_location())
            lijst += li
        intro = nodes.paragraph("", f"{len(bronnen)} bronnen. Bij elke bepaling zegt een label waar zij vandaan "
                                    "komt: de officiële tekst, beleid of uitvoeringspraktijk, onze reconstructie "
                                    "daarvan, een keuze tussen lezingen, of een voorstel.")
        return [intro, lijst]
