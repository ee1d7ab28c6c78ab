"""The page of one artikel in one version: a section (h2/h3) per lid and onderdeel with its legal text, the
formal rule, the rule in plain Dutch and its cases; in a version that amends another, a badge on each part
that differs and a page-wide switch between the new text and the renvooi."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging

from .. import ir
from ..compare.renvooi import ProvisionDiff, Segment
from ..render.herkomst import kader as herkomst_kader
from ..render.rangorde import rangorde_zin
from ..render.rule_text import formele_tekst
from ..span import ProvisionRef, citeer
from .basis import RegelingBasis, badge, bepaling_koppeling, datum, versie_kort, versie_soort, wetten_url
from .bouwstenen import alineas, koppeling, uitklapblok
from .domain import bepaling_naam, volledige_naam
from .herkomst import herkomst_regel
from .nodes import geschrapt, ingevoegd, schakelaar
from .regelblok import RegelBlok
from .sitedata import SiteData
from .versie import BADGE
from .werking import werking_gewijzigd

__all__ = ["ArtikelDirective", "kop_van", "segmenten", "tekst_of_renvooi"]

logger = logging.getLogger(__name__)


def kop_van(ref: ProvisionRef) -> str:
    """``Eerste lid``, ``Eerste lid, onderdeel a``, ``Onderdeel b`` within an artikel page; a begrip of a
    begrippenlijst by its term (``Begrip ‘zorg thuis’``), as the list shows it."""
    if ref.begrip:
        return f"Begrip ‘{ref.begrip}’"
    text = citeer(ref, ref.artikel).removeprefix("het ")  # relative to its own artikel, as a heading
    return text[0].upper() + text[1:]


def segmenten(segs: tuple[Segment, ...]) -> list[nodes.Node]:
    """Renvooi runs as nodes: deleted text struck through, inserted text underlined."""
    out: list[nodes.Node] = []
    for s in segs:
        if s.soort == "weg":
            out.append(geschrapt("", s.tekst))
        elif s.soort == "nieuw":
            out.append(ingevoegd("", s.tekst))
        else:
            out.append(nodes.Text(s.tekst))
    return out


def tekst_of_renvooi(nieuw: Sequence[nodes.Node], renvooi: Sequence[nodes.Node]) -> list[nodes.Node]:
    """Two views of one piece of text; the page's switch shows one of them (the stylesheet hides the other)."""
    a = nodes.container(classes=["rlz-nieuw"])
    a += list(nieuw)
    b = nodes.container(classes=["rlz-renvooi-weergave"])
    b += list(renvooi)
    return [a, b]


def _officieel_telling(officieel: int, totaal: int) -> str:
    """How much of a page is official text, in words (the banner above every artikel).

    >>> _officieel_telling(0, 8)
    'Officiële tekst op deze pagina: geen van de 8 bepalingen; de andere zeggen bij hun tekst wat zij zijn.'
    >>> _officieel_telling(2, 2)
    'Officiële tekst op deze pagina: alle bepalingen.'
    """
    if officieel == totaal:
        return "Officiële tekst op deze pagina: alle bepalingen."
    deel = "geen" if officieel == 0 else str(officieel)
    return (f"Officiële tekst op deze pagina: {deel} van de {totaal} bepalingen; de andere zeggen bij hun tekst wat "
            "zij zijn.")


def _artikel_inhoud(reg: ir.Regeling, artikel: str) -> list[tuple[str, str]]:
    """The texts and formal rules of an artikel and its parts, to see whether two versions differ."""
    return [(p.tekst, formele_tekst(reg, p.ref)) for p in reg.provisions
            if p.ref.artikel == artikel and not p.ref.bijlage]


class ArtikelDirective(RegelBlok, RegelingBasis):
    """``.. rlz:artikel:: 2.2`` with ``:versie:`` — the page of one artikel in one version."""

    _dubbel = False  # this artikel was already described: do not warn again for each lid and begrip

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "versie": directives.unchanged_required,
        "geen-voorbeeld": directives.flag,
    }

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        # The main outcomes of conf.py choose which cases its tables show first (``SiteData.casussen_bij``).
        return "artikel", (self.options.get("versie") or "", self.arguments[0],
                           *self.config.meerzorg_hoofduitkomsten)

    def bouw(self) -> list[nodes.Node]:
        data = self.data()
        vid = self.versie(data, self.options.get("versie")) if data is not None else None
        if data is None or vid is None:
            return []
        reg = data.bundle.versions[vid]
        nummer = self.arguments[0]
        artikel = reg.provision(ProvisionRef(artikel=nummer))
        if artikel is None:
            bestaand = ", ".join(p.ref.artikel for p in reg.provisions if p.kind == "artikel")
            logger.warning("artikel %s bestaat niet in versie %s (artikelen: %s)", nummer, vid, bestaand,
                           location=self.get_location(), type="rlz", subtype="artikel")
            return []
        self.env.ref_context["rlz:versie"] = vid
        target = nodes.target()
        node_id = self.anker(target, f"{vid}-artikel-{nummer}")
        titel = f"{artikel.ref.citeer()} · {artikel.titel}" if artikel.titel else artikel.ref.citeer()
        self._dubbel = self.domain.note_object("artikel", nummer, node_id, versie=vid, rang=self.rang(data, vid),
                                               titel=f"{titel} ({vid})", omschrijving=artikel.titel,
                                               location=self.get_location())
        basis = data.basis_van(vid)
        diffs = {ref: d for ref, d in data.renvooi(basis, vid).items() if ref.artikel == nummer
                 and not ref.bijlage} if basis else {}
        delen = [p for p in reg.provisions if p.ref.artikel == nummer and not p.ref.bijlage]
        out: list[nodes.Node] = [target, *self.voorstel_banner(data, vid), self._banner(data, reg, artikel, diffs),
                                 *self.zie_ook(reg, vid, delen)]
        if diffs:
            out.append(schakelaar(label="Renvooi tonen: wat deze versie wijzigt ten opzichte van "
                                        + versie_kort(data, basis)))
        secties: dict[ProvisionRef, nodes.Element] = {}
        for p in delen:
            if p is artikel and not (p.tekst or p.toelichting or formele_tekst(reg, p.ref)):
                continue  # an artikel that is only its leden: no empty block above the first lid
            blok = self._bepaling(data, reg, vid, p, diffs.get(p.ref), kop=p is not artikel)
            ouder = ProvisionRef(p.ref.artikel, p.ref.lid) if p.ref.onderdeel and p.ref.lid else None
            if ouder in secties and isinstance(blok, nodes.section):
                secties[ouder] += blok  # an onderdeel of a lid is a subsection (h3) of the lid (h2)
            else:
                out.append(blok)
            if isinstance(blok, nodes.section):
                secties[p.ref] = blok
        out += self._vervallen([d for d in data.vervallen(basis, vid) if d.ref.artikel == nummer
                                and not d.ref.bijlage] if basis else [], basis)
        return out

    def _banner(self, data: SiteData, reg: ir.Regeling, artikel: ir.Provision,
                diffs: dict[ProvisionRef, ProvisionDiff]) -> nodes.Element:
        """Version, validity and chapter, the official text, and the same artikel in the other versions."""
        vid = reg.versie
        para = nodes.paragraph(classes=["rlz-banner"])
        if diffs:
            eigen = diffs.get(artikel.ref)
            soort = BADGE.get(eigen.soort, eigen.soort) if eigen is not None and eigen.soort != "gewijzigd" \
                else "gewijzigd"
            para += badge(soort)
            para += nodes.Text(" ")
        para += nodes.Text("Versie ")
        para += koppeling("versie", vid, vid, literal=True)
        para += nodes.Text(f", geldig vanaf {datum(reg.geldig_vanaf)}")
        if artikel.hoofdstuk:
            para += nodes.Text(f" · {artikel.hoofdstuk}")
        andere = [v for v in data.versie_ids if v != vid]
        if andere:
            para += nodes.Text(". In andere versies: ")
            eigen_inhoud = _artikel_inhoud(reg, artikel.ref.artikel)
            for n, other in enumerate(andere):
                if n:
                    para += nodes.Text(", ")
                oreg = data.bundle.versions[other]
                if oreg.provision(artikel.ref) is None:
                    para += nodes.literal("", other)
                    para += nodes.Text(" (bestaat niet)")
                    continue
                para += koppeling("artikel", volledige_naam(artikel.ref.artikel, other), other, literal=True)
                gelijk = _artikel_inhoud(oreg, artikel.ref.artikel) == eigen_inhoud
                para += nodes.Text(" (ongewijzigd)" if gelijk else " (anders)")
        para += nodes.Text(".")
        met_tekst = [p for p in reg.provisions if p.ref.artikel == artikel.ref.artikel and not p.ref.bijlage
                     and p.tekst]
        officieel = sum(p.herkomst is not None and p.herkomst.soort == "officieel" for p in met_tekst)
        if met_tekst:
            para += nodes.Text(" " + _officieel_telling(officieel, len(met_tekst)))
        geldend = versie_soort(data, vid) == "geldend"
        root = data.bundle.versions[data.versie_ids[0]]
        url = wetten_url(reg, artikel.ref.artikel, geldend) if root.provision(artikel.ref) is not None else ""
        if url:
            para += nodes.Text(" ")
            tekst = ("Dit artikel op wetten.overheid.nl" if geldend else
                     "De geldende tekst van dit artikel op wetten.overheid.nl")
            para += nodes.reference("", tekst, refuri=url, classes=["rlz-wetten"])
            para += nodes.Text(".")
        return para

    def _bepaling(self, data: SiteData, reg: ir.Regeling, vid: str, p: ir.Provision, diff: ProvisionDiff | None,
                  kop: bool) -> nodes.Element:
        # A part with a heading is a section (h2, or h3 under its lid), so it is in the page's outline.
        blok = cast(nodes.Element, nodes.section(classes=["rlz-bepaling", f"rlz-{p.kind}"]) if kop else
                    nodes.container(classes=["rlz-bepaling", f"rlz-{p.kind}"]))
        if kop:
            node_id = self.anker(blok, f"{vid}-{bepaling_naam(p.ref)}")
            self.domain.note_object("lid", bepaling_naam(p.ref), node_id, versie=vid, rang=self.rang(data, vid),
                                    titel=f"{p.ref.citeer()} ({vid})", location=self.get_location(),
                                    waarschuw=not self._dubbel)
            blok += nodes.title("", kop_van(p.ref))
        if diff is not None:
            mark = nodes.paragraph("", "", badge(BADGE.get(diff.soort, diff.soort)), classes=["rlz-mark"])
            if diff.was is not None:
                mark += nodes.Text(f" was {diff.was.citeer()}")
            blok.append(mark)
        basis = data.basis_van(vid)
        oorzaken = werking_gewijzigd(data.bundle.versions[basis], reg, p.ref) if basis and diff is None else ()
        if oorzaken:
            # Its own text and rules are the same, but a begrip, parameter or table it reads is not.
            mark = nodes.paragraph("", "", badge("werking gewijzigd", "werking"),
                                   nodes.Text(" de tekst is gelijk, maar wat deze bepaling gebruikt is gewijzigd in "),
                                   classes=["rlz-mark"])
            for n, oorzaak in enumerate(oorzaken):
                if n:
                    mark += nodes.Text(" en ")
                mark += bepaling_koppeling(oorzaak, vid)
            mark += nodes.Text(".")
            blok.append(mark)
        if p.herkomst is not None or reg.bronnen:
            blok.append(herkomst_regel(p.herkomst, reg.bronnen))
        if p.tekst:
            # Each kind of source in its own frame, and said in words above the text: official text reads as a
            # quotation of its source, everything else says it is not official text.
            soort = p.herkomst.soort if p.herkomst is not None else "onbekend"
            wettekst = nodes.container(classes=["rlz-wettekst", f"rlz-wettekst-{soort}"])
            wettekst += nodes.paragraph("", herkomst_kader(p.herkomst, reg.bronnen), classes=["rlz-kader"])
            if diff is not None and diff.tekst_gewijzigd:
                wettekst += tekst_of_renvooi(alineas(p.tekst),
                                             [nodes.paragraph("", "", *segmenten(diff.tekst))])
            else:
                wettekst += alineas(p.tekst)
            blok += wettekst
        if p.toelichting:
            blok += uitklapblok("Toelichting", alineas(p.toelichting, code=True), classes=["rlz-toelichting"])
        formeel = formele_tekst(reg, p.ref)
        if formeel:
            blok += nodes.paragraph("", "", nodes.strong("", "Formele regel"), classes=["rlz-label"])
            code = nodes.literal_block(formeel, formeel, classes=["rlz-regel"])
            code["language"] = "meerzorg"
            if diff is not None and diff.regels_oud != diff.regels_nieuw:
                # Children that are not the raw text make the HTML writer treat this as a parsed literal, so the
                # marks survive; the rawsource must differ from the text, or Sphinx highlights it.
                rv = nodes.literal_block("rlz:renvooi", "", *segmenten(diff.regels), classes=["rlz-regel-renvooi"])
                blok += tekst_of_renvooi([code], [rv])
            else:
                blok += code
            blok += self.gewone_taal(data, reg, vid, p.ref)
        blok += _rangorden(reg, p.ref)
        if formeel and data.cases:
            blok += self.casussen(data, reg, vid, p.ref)
        return blok

    def _vervallen(self, diffs: list[ProvisionDiff], basis: str) -> list[nodes.Node]:
        """Parts of the artikel that lapse: their old text, struck through, with a link to the old version."""
        weg = [d for d in diffs if d.ref.lid or d.ref.onderdeel or d.ref.begrip]
        if not weg:
            return []
        sectie = nodes.section(classes=["rlz-vervallen"])
        self.anker(sectie, f"vervallen-{basis}")
        sectie += nodes.title("", "Vervallen")
        for d in weg:
            para = nodes.paragraph("", "", badge("vervallen"), nodes.Text(" "),
                                   koppeling("lid", volledige_naam(bepaling_naam(d.ref), basis), d.ref.citeer()),
                                   nodes.Text(": "), geschrapt("", " ".join(d.tekst_oud.split())))
            sectie += para
        return [sectie]


def _rangorden(reg: ir.Regeling, ref: ProvisionRef) -> list[nodes.Node]:
    """A declared test order standing in this provision, as a numbered list (an order, not a derogation)."""
    out: list[nodes.Node] = []
    for r in reg.rangorden:
        if r.span.provision != ref:
            continue
        out.append(nodes.paragraph("", "", nodes.strong("", rangorde_zin(r) + ":"), classes=["rlz-label"]))
        lijst = nodes.enumerated_list(classes=["rlz-rangorde"], enumtype="arabic")
        for doel in r.volgorde:
            lijst += nodes.list_item("", nodes.paragraph("", doel.citeer()))
        out.append(lijst)
        out.append(nodes.paragraph("", "Dit is de volgorde waarin de voorwaarden worden getoetst (reconstructie), "
                                       "geen afwijking die de tekst van de regeling maakt."))
    return out
