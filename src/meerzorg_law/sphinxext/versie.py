"""The overview of versions and the page of one version: validity, basis, whether it is in force, what it
changes (each changed provision with its badge) and its contents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes

from .. import ir
from ..render.beslispad import beslispad_svg, hoofduitkomst
from ..render.rule_text import naam as label_van
from .basis import RegelingBasis, badge, bepaling_koppeling, datum, versie_soort
from .bouwstenen import Cel, koppeling, tabel, tekening
from .domain import bepaling_naam, volledige_naam
from .sitedata import SiteData

__all__ = ["BADGE", "RegelingDirective", "VersieDirective", "telling"]

# The renvooi's kinds of change as the badge names them.
BADGE = {"gewijzigd": "gewijzigd", "ingevoegd": "nieuw", "vervallen": "vervallen", "vernummerd": "vernummerd"}


def _soort(data: SiteData, vid: str) -> str:
    v = next(x for x in data.bundle.catalog if x.id == vid)
    soort = versie_soort(data, vid)
    if soort == "geldend":
        return "regeling (geldend)"
    return f"{soort} op {v.basis}" if v.basis else soort


def telling(data: SiteData, vid: str) -> str:
    runs = [data.runs[i, vid] for i in range(len(data.cases)) if (i, vid) in data.runs]
    met = [r for r in runs if r.result.verwacht]
    geslaagd = sum(r.status == "geslaagd" for r in met)
    text = f"{geslaagd} van {len(met)} geslaagd" if met else "geen verwachtingen"
    fouten = sum(r.status == "fout" for r in runs)
    return text + (f", {fouten} met een fout" if fouten else "")


class RegelingDirective(RegelingBasis):
    """``.. rlz:regeling::`` — every version found: validity, basis, kind, size, and how its cases fare."""

    has_content = False

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        return "regeling", ()

    def bouw(self) -> list[nodes.Node]:
        data = self.data()
        if data is None:
            return []
        rows: list[list[Cel]] = []
        for vid in data.versie_ids:
            reg = data.bundle.versions[vid]
            v = next(x for x in data.bundle.catalog if x.id == vid)
            soort = versie_soort(data, vid)
            rows.append([[koppeling("versie", vid, vid, literal=True)], datum(v.geldig_vanaf),
                         koppeling("versie", v.basis, v.basis, literal=True) if v.basis else "—",
                         [badge(soort)], str(len({r.id for r in reg.rules})), telling(data, vid)])
        intro = nodes.paragraph("", f"{len(rows)} versies van de {data.bundle.versions[data.versie_ids[0]].titel} "
                                    f"gevonden; {len(data.cases)} casussen." if rows else "Geen versies gevonden.")
        return [intro, tabel(["Versie", "Geldig vanaf", "Basis", "Soort", "Regels", "Casussen"], rows,
                             classes=["rlz-versies"])]


class VersieDirective(RegelingBasis):
    """``.. rlz:versie:: rlz-2027`` — validity, basis, what changed, case results and contents."""

    required_arguments = 1
    has_content = False

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        return "versie", (self.arguments[0],)

    def bouw(self) -> list[nodes.Node]:
        data = self.data()
        vid = self.versie(data, self.arguments[0]) if data is not None else None
        if data is None or vid is None:
            return []
        self.env.ref_context["rlz:versie"] = vid
        reg = data.bundle.versions[vid]
        v = next(x for x in data.bundle.catalog if x.id == vid)
        target = nodes.target()
        node_id = self.anker(target, f"versie-{vid}")
        self.domain.note_object("versie", vid, node_id, titel=f"versie {vid}", location=self.get_location())
        out: list[nodes.Node] = [target, *self.voorstel_banner(data, vid)]
        velden = nodes.field_list(classes=["rlz-versie"])
        for naam, waarde in self._velden(data, reg, v):
            body = nodes.field_body("", nodes.paragraph("", "", *waarde))
            velden += nodes.field("", nodes.field_name("", naam), body)
        out.append(velden)
        basis = data.basis_van(vid)
        if basis:
            out += self._wijzigingen(data, basis, vid)
        uitkomst = hoofduitkomst(reg)
        out.append(nodes.rubric("", "Beslispad"))
        out.append(nodes.paragraph("", f"Hoe {label_van(reg, uitkomst)} wordt bepaald: de regels in de volgorde waarin "
                                       "zij worden geprobeerd (uitzonderingen eerst, regels van gelijke rang naast "
                                       "elkaar); de eerste die van toepassing is, beslist. Op de pagina Casussen "
                                       "staat bij elke casus zijn pad door dit schema."))
        out.append(tekening(beslispad_svg(reg, uitkomst)))
        out += self._inhoud(reg, vid)
        return out

    def _velden(self, data: SiteData, reg: ir.Regeling, v: Any) -> Iterator[tuple[str, list[nodes.Node]]]:
        yield "Regeling", [nodes.Text(reg.titel)]
        yield "Versie", [nodes.literal("", v.id), nodes.Text(" "), badge(versie_soort(data, v.id))]
        yield "Geldig vanaf", [nodes.Text(datum(v.geldig_vanaf))]
        yield "Soort", [nodes.Text(_soort(data, v.id))]
        if v.basis:
            yield "Basis", [koppeling("versie", v.basis, v.basis, literal=True)]
            if v.id in data.bundle.documents and v.basis in data.bundle.documents:
                yield "Wijzigingsregeling", [koppeling("wijzigingsregeling", v.id,
                                                       "de tekst van de wijzigingsregeling")]
        if reg.bron:
            yield "Officiële tekst", [nodes.reference("", f"{reg.bron} op wetten.overheid.nl",
                                                      refuri=f"https://wetten.overheid.nl/{reg.bron}")]
        yield "Bestand", [nodes.literal("", data.toon_pad(v.file))]
        yield "Casussen", [nodes.Text(telling(data, v.id))]

    def _wijzigingen(self, data: SiteData, basis: str, vid: str) -> list[nodes.Node]:
        diffs = data.renvooi(basis, vid)
        kop = nodes.rubric("", f"Wat is er veranderd ten opzichte van {basis}")
        if not diffs:
            return [kop, nodes.paragraph("", "Geen bepaling is gewijzigd.")]
        lijst = nodes.bullet_list(classes=["rlz-wijzigingen"])
        for d in diffs.values():
            waar = basis if d.soort == "vervallen" else vid
            item = nodes.paragraph("", "", badge(BADGE.get(d.soort, d.soort)), nodes.Text(" "),
                                   bepaling_koppeling(d.ref, waar))
            if d.was is not None:
                item += nodes.Text(f" (was {d.was.citeer()})")
            lijst += nodes.list_item("", item)
        para = nodes.paragraph("", "Op de artikelpagina's van deze versie staat bij elke gewijzigde bepaling de "
                                   "renvooi (aan te zetten bovenaan de pagina); alles bij elkaar: ",
                               koppeling("renvooi", f"{basis}/{vid}", f"renvooi {basis} → {vid}"), nodes.Text("."))
        return [kop, lijst, para]

    def _inhoud(self, reg: ir.Regeling, vid: str) -> list[nodes.Node]:
        out: list[nodes.Node] = [nodes.rubric("", "Inhoud")]
        hoofdstuk = None
        lijst = nodes.bullet_list()
        for p in reg.provisions:
            if p.kind not in ("artikel", "bijlage"):
                continue
            if p.hoofdstuk != hoofdstuk and p.kind == "artikel":
                if lijst.children:
                    out.append(lijst)
                    lijst = nodes.bullet_list()
                hoofdstuk = p.hoofdstuk
                if hoofdstuk:
                    out.append(nodes.paragraph("", "", nodes.strong("", hoofdstuk)))
            if p.kind == "bijlage" and hoofdstuk is not None:
                if lijst.children:
                    out.append(lijst)
                    lijst = nodes.bullet_list()
                hoofdstuk = None
                out.append(nodes.paragraph("", "", nodes.strong("", "Bijlagen")))
            reftype = "bijlage" if p.kind == "bijlage" else "artikel"
            cite = p.ref.citeer()
            item = nodes.paragraph("", "", koppeling(reftype, volledige_naam(bepaling_naam(p.ref), vid),
                                                     cite[0].upper() + cite[1:]))
            if p.titel:
                item += nodes.Text(f" · {p.titel}")
            lijst += nodes.list_item("", item)
        if lijst.children:
            out.append(lijst)
        return out
