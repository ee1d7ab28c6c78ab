"""Directives that render the regeling from the library: overview, versie, artikel and bijlage pages.

Each reads the IR, the case results and the traces (``sitedata``) and builds docutils nodes; the legal
text, the formal rule (``render.rule_text``), a plain Dutch reading of it, the cases that exercise each
provision per version and a worked explanation (``render.explain``) of one of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from .. import ir
from ..render.diagnostics import render_all
from ..render.explain import explain
from ..render.rule_text import formele_tekst, regel_tekst, regels_van, uitdrukking
from ..span import ProvisionRef, rangtelwoord
from .bouwstenen import LEGENDA, Cel, alineas, koppeling, status, tabel, uitklapblok
from .domain import RegelingDomain, bepaling_naam, volledige_naam
from .sitedata import SiteData, laad

__all__ = ["ArtikelDirective", "BijlageDirective", "RegelingBasis", "RegelingDirective", "VersieDirective",
           "bepaling_koppeling", "datum"]

logger = logging.getLogger(__name__)

_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december")


# Case rows shown before the rest is folded away, so the structure of an artikel stays visible.
_ZICHTBAAR = 8


def datum(d: Any) -> str:
    """``1 maart 2026``."""
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


class RegelingBasis(SphinxDirective):
    """What every directive of the extension shares: the site data, version checks, object notes."""

    def bouw(self) -> list[nodes.Node]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        result = self.bouw()
        for node in result:
            if isinstance(node, nodes.Element):
                # Legal text, case names and rules are shown exactly as written: no typographic quotes.
                node["support_smartquotes"] = False
        return result

    def data(self) -> SiteData | None:
        """The regeling and cases, with a dependency on every file, or None (and a warning) on errors."""
        data = laad(self.config.meerzorg_regeling, self.config.meerzorg_casussen)
        for f in data.files:
            self.env.note_dependency(str(f))
        if data.errors:
            logger.warning("de regeling of de casussen bevatten fouten:\n%s", render_all(data.errors),
                           location=self.get_location(), type="rlz", subtype="invoer")
            return None
        return data

    def versie(self, data: SiteData, vid: str | None) -> str | None:
        """The version asked for (default: the first), or None and a warning if it does not exist."""
        ids = data.versie_ids
        if vid is None:
            return ids[0] if ids else None
        if vid not in ids:
            logger.warning("versie %s bestaat niet (versies: %s)", vid, ", ".join(ids),
                           location=self.get_location(), type="rlz", subtype="versie")
            return None
        return vid

    @property
    def domain(self) -> RegelingDomain:
        domain = self.env.domains["rlz"]
        assert isinstance(domain, RegelingDomain)
        return domain

    def rang(self, data: SiteData, vid: str) -> tuple[int, int, str]:
        """Sort key of a version for unversioned references: base regeling, other versions, variants."""
        v = next(x for x in data.bundle.catalog if x.id == vid)
        return (int(v.variant), int(bool(v.basis)), v.geldig_vanaf.isoformat())

    def anker(self, node: nodes.Element, term: str) -> str:
        """Give ``node`` a unique id made from ``term`` and register it with the document."""
        node_id = make_id(self.env, self.state.document, "rlz", term)
        node["ids"].append(node_id)
        self.state.document.set_id(node)
        return node_id

    def hoofduitkomsten(self, reg: ir.Regeling) -> list[str]:
        """The outcomes shown in compact tables: ``meerzorg_hoofduitkomsten``, else the first two."""
        chosen = [o for o in self.config.meerzorg_hoofduitkomsten if o in reg.outcomes]
        return chosen or list(reg.outcomes)[:2]


# --------------------------------------------------------------------------------------------------
# Overview and versions
# --------------------------------------------------------------------------------------------------


def _soort(data: SiteData, vid: str) -> str:
    v = next(x for x in data.bundle.catalog if x.id == vid)
    if v.variant:
        return f"variant op {v.basis}" if v.basis else "variant"
    return f"wijziging op {v.basis}" if v.basis else "regeling"


def _telling(data: SiteData, vid: str) -> str:
    runs = [data.runs[i, vid] for i in range(len(data.cases)) if (i, vid) in data.runs]
    met = [r for r in runs if r.result.verwacht]
    geslaagd = sum(r.status == "geslaagd" for r in met)
    text = f"{geslaagd} van {len(met)} geslaagd" if met else "geen verwachtingen"
    fouten = sum(r.status == "fout" for r in runs)
    return text + (f", {fouten} met een fout" if fouten else "")


class RegelingDirective(RegelingBasis):
    """``.. rlz:regeling::`` — every version found: validity, basis, size, and how its cases fare."""

    has_content = False

    def bouw(self) -> list[nodes.Node]:
        data = self.data()
        if data is None:
            return []
        rows: list[list[Cel]] = []
        for vid in data.versie_ids:
            reg = data.bundle.versions[vid]
            v = next(x for x in data.bundle.catalog if x.id == vid)
            rows.append([koppeling("versie", vid, vid, literal=True), datum(v.geldig_vanaf),
                         koppeling("versie", v.basis, v.basis, literal=True) if v.basis else "—",
                         _soort(data, vid), str(len({r.id for r in reg.rules})), _telling(data, vid)])
        intro = nodes.paragraph("", f"{len(rows)} versies van de {data.bundle.versions[data.versie_ids[0]].titel} "
                                    f"gevonden; {len(data.cases)} casussen." if rows else "Geen versies gevonden.")
        return [intro, tabel(["Versie", "Geldig vanaf", "Basis", "Soort", "Regels", "Casussen"], rows,
                             classes=["rlz-versies"])]


class VersieDirective(RegelingBasis):
    """``.. rlz:versie:: rlz-2027`` — validity, basis, what changed, case results and contents."""

    required_arguments = 1
    has_content = False

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
        out: list[nodes.Node] = [target]
        velden = nodes.field_list(classes=["rlz-versie"])
        for naam, waarde in self._velden(data, reg, v):
            body = nodes.field_body("", nodes.paragraph("", "", *waarde))
            velden += nodes.field("", nodes.field_name("", naam), body)
        out.append(velden)
        if v.basis and v.basis in data.bundle.consolidated:
            out += self._wijzigingen(data, v.basis, vid)
        out += self._inhoud(reg, vid)
        return out

    def _velden(self, data: SiteData, reg: ir.Regeling, v: Any) -> Iterator[tuple[str, list[nodes.Node]]]:
        yield "Regeling", [nodes.Text(reg.titel)]
        yield "Versie", [nodes.literal("", v.id)]
        yield "Geldig vanaf", [nodes.Text(datum(v.geldig_vanaf))]
        yield "Soort", [nodes.Text(_soort(data, v.id))]
        if v.basis:
            yield "Basis", [koppeling("versie", v.basis, v.basis, literal=True)]
        if reg.bron:
            yield "Bron", [nodes.Text(reg.bron)]
        yield "Bestand", [nodes.literal("", data.toon_pad(v.file))]
        yield "Casussen", [nodes.Text(_telling(data, v.id))]

    def _wijzigingen(self, data: SiteData, basis: str, vid: str) -> list[nodes.Node]:
        from ..compare.renvooi import renvooi

        diffs = renvooi(data.bundle.consolidated[basis], data.bundle.consolidated[vid])
        kop = nodes.rubric("", f"Wat is er veranderd ten opzichte van {basis}")
        if not diffs:
            return [kop, nodes.paragraph("", "Geen bepaling is gewijzigd.")]
        lijst = nodes.bullet_list()
        for d in diffs:
            reftype = "bijlage" if d.ref.bijlage else ("artikel" if not d.ref.lid and not d.ref.onderdeel else "lid")
            waar = basis if d.soort == "vervallen" else vid
            target = volledige_naam(bepaling_naam(d.ref), waar)
            lijst += nodes.list_item("", nodes.paragraph("", "", koppeling(reftype, target, d.ref.citeer()),
                                                         nodes.Text(f": {d.soort}")))
        para = nodes.paragraph("", "De wijzigingen woord voor woord: ",
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


# --------------------------------------------------------------------------------------------------
# Artikel pages
# --------------------------------------------------------------------------------------------------


def _kop(ref: ProvisionRef) -> str:
    """``Eerste lid``, ``Eerste lid, onderdeel a``, ``Onderdeel b`` within an artikel page."""
    parts = []
    if ref.lid:
        word = rangtelwoord(ref.lid)
        parts.append(f"{word} lid" if word != ref.lid else f"lid {ref.lid}")
    if ref.onderdeel:
        parts.append(f"onderdeel {ref.onderdeel}")
    if ref.subonderdeel:
        parts.append(f"subonderdeel {ref.subonderdeel}")
    text = ", ".join(parts) or ref.citeer()
    return text[0].upper() + text[1:]


def _tabellen_in(e: ir.Expr) -> Iterator[str]:
    """Names of the tables an expression reads."""
    if isinstance(e, (ir.Lookup, ir.InTable)):
        yield e.table
    for child in ir.children(e):
        yield from _tabellen_in(child)



def _artikel_inhoud(reg: ir.Regeling, artikel: str) -> list[tuple[str, str]]:
    """The texts and formal rules of an artikel and its parts, to see whether two versions differ."""
    return [(p.tekst, formele_tekst(reg, p.ref)) for p in reg.provisions
            if p.ref.artikel == artikel and not p.ref.bijlage]


class ArtikelDirective(RegelingBasis):
    """``.. rlz:artikel:: 2.2`` with ``:versie:`` — the page of one artikel in one version."""

    _dubbel = False  # this artikel was already described: do not warn again for each lid and begrip

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "versie": directives.unchanged_required,
        "geen-voorbeeld": directives.flag,
    }

    def bouw(self) -> list[nodes.Node]:
        data = self.data()
        vid = self.versie(data, self.options.get("versie")) if data is not None else None
        if data is None or vid is None:
            return []
        reg = data.bundle.versions[vid]
        nummer = self.arguments[0]
        artikel_ref = ProvisionRef(artikel=nummer)
        artikel = reg.provision(artikel_ref)
        if artikel is None:
            bestaand = ", ".join(p.ref.artikel for p in reg.provisions if p.kind == "artikel")
            logger.warning("artikel %s bestaat niet in versie %s (artikelen: %s)", nummer, vid, bestaand,
                           location=self.get_location(), type="rlz", subtype="artikel")
            return []
        self.env.ref_context["rlz:versie"] = vid
        rang = self.rang(data, vid)
        target = nodes.target()
        node_id = self.anker(target, f"{vid}-artikel-{nummer}")
        titel = f"{artikel.ref.citeer()} · {artikel.titel}" if artikel.titel else artikel.ref.citeer()
        self._dubbel = self.domain.note_object("artikel", nummer, node_id, versie=vid, rang=rang,
                                               titel=f"{titel} ({vid})", omschrijving=artikel.titel,
                                               location=self.get_location())
        out: list[nodes.Node] = [target, self._banner(data, reg, artikel)]
        delen = [p for p in reg.provisions if p.ref.artikel == nummer and not p.ref.bijlage]
        for p in delen:
            if p is artikel and not (p.tekst or p.toelichting or formele_tekst(reg, p.ref)):
                continue  # an artikel that is only its leden: no empty block above the first lid
            out += self._bepaling(data, reg, vid, p, kop=p is not artikel)
        out += self._zie_ook(reg, vid, delen)
        return out

    def _banner(self, data: SiteData, reg: ir.Regeling, artikel: ir.Provision) -> nodes.Element:
        """Version, validity and chapter, and the same artikel in the other versions."""
        vid = reg.versie
        para = nodes.paragraph(classes=["rlz-banner"])
        para += nodes.Text("Versie ")
        para += koppeling("versie", vid, vid, literal=True)
        para += nodes.Text(f", geldig vanaf {datum(reg.geldig_vanaf)}")
        if artikel.hoofdstuk:
            para += nodes.Text(f" · {artikel.hoofdstuk}")
        andere = [v for v in data.versie_ids if v != vid]
        if andere:
            para += nodes.Text(". In andere versies: ")
            eigen = _artikel_inhoud(reg, artikel.ref.artikel)
            for n, other in enumerate(andere):
                if n:
                    para += nodes.Text(", ")
                oreg = data.bundle.versions[other]
                if oreg.provision(artikel.ref) is None:
                    para += nodes.literal("", other)
                    para += nodes.Text(" (bestaat niet)")
                    continue
                para += koppeling("artikel", volledige_naam(artikel.ref.artikel, other), other, literal=True)
                gelijk = _artikel_inhoud(oreg, artikel.ref.artikel) == eigen
                para += nodes.Text(" (ongewijzigd)" if gelijk else " (anders)")
            para += nodes.Text(".")
        return para

    def _bepaling(self, data: SiteData, reg: ir.Regeling, vid: str, p: ir.Provision, kop: bool) -> list[nodes.Node]:
        blok = nodes.container(classes=["rlz-bepaling", f"rlz-{p.kind}"])
        if kop:
            node_id = self.anker(blok, f"{vid}-{bepaling_naam(p.ref)}")
            self.domain.note_object("lid", bepaling_naam(p.ref), node_id, versie=vid, rang=self.rang(data, vid),
                                    titel=f"{p.ref.citeer()} ({vid})", location=self.get_location(),
                                    waarschuw=not self._dubbel)
            blok += nodes.rubric("", _kop(p.ref), classes=["rlz-kop"])
        if p.tekst:
            wettekst = nodes.container(classes=["rlz-wettekst"])
            wettekst += alineas(p.tekst)
            blok += wettekst
        if p.toelichting:
            blok += uitklapblok("Toelichting", alineas(p.toelichting), classes=["rlz-toelichting"])
        formeel = formele_tekst(reg, p.ref)
        if formeel:
            blok += nodes.paragraph("", "", nodes.strong("", "Formele regel"), classes=["rlz-label"])
            code = nodes.literal_block(formeel, formeel, classes=["rlz-regel"])
            code["language"] = "meerzorg"
            blok += code
            blok += self._gewone_taal(data, reg, vid, p.ref)
        if formeel and data.cases:
            blok += self._casussen(data, reg, vid, p.ref)
        return [blok]

    def _gewone_taal(self, data: SiteData, reg: ir.Regeling, vid: str, ref: ProvisionRef) -> list[nodes.Node]:
        out: list[nodes.Node] = [nodes.paragraph("", "", nodes.strong("", "In gewone taal"), classes=["rlz-label"])]
        uitleg = nodes.container(classes=["rlz-uitleg"])
        for d in reg.definitions.values():
            if d.span.provision != ref:
                continue
            soort = "parameter" if d.is_parameter else "begrip"
            para = nodes.paragraph("", "", nodes.Text(f"{soort.capitalize()} "), nodes.literal("", d.name),
                                   classes=["rlz-begrip"])
            if d.label:
                para += nodes.Text(f" ({d.label})")
            para += nodes.Text(f" is: {uitdrukking(reg, d.expr)}.")
            node_id = self.anker(para, f"{vid}-begrip-{d.name}")
            self.domain.note_object("begrip", d.name, node_id, versie=vid, rang=self.rang(data, vid),
                                    titel=f"{d.name} ({ref.citeer()}, {vid})", omschrijving=d.label,
                                    location=self.get_location(), waarschuw=not self._dubbel)
            uitleg += para
        for rules in regels_van(reg, ref):
            tekst = regel_tekst(reg, rules)
            para = nodes.paragraph(classes=["rlz-regelzin"])
            if tekst.afwijking:
                para += nodes.Text("In afwijking van ")
                for n, target in enumerate(tekst.afwijking):
                    if n:
                        para += nodes.Text(" en ")
                    para += bepaling_koppeling(target, vid)
                para += nodes.Text(": ")
            para += nodes.strong("", ", ".join(tekst.toekenningen))
            para += nodes.Text(" als:" if tekst.voorwaarden else " (zonder voorwaarde).")
            uitleg += para
            if tekst.voorwaarden:
                lijst = nodes.bullet_list(classes=["rlz-voorwaarden"])
                for n, v in enumerate(tekst.voorwaarden):
                    last = n == len(tekst.voorwaarden) - 1
                    lijst += nodes.list_item("", nodes.paragraph("", v + ("" if last else ", en")))
                uitleg += lijst
            if tekst.tenzij:
                uitleg += nodes.paragraph("", "", nodes.strong("", "tenzij "),
                                          nodes.Text(" en ".join(tekst.tenzij) + "."))
        out.append(uitleg)
        return out

    def _casussen(self, data: SiteData, reg: ir.Regeling, vid: str, ref: ProvisionRef) -> list[nodes.Node]:
        geraakt = data.geraakt_door(vid, ref)
        out: list[nodes.Node] = [nodes.paragraph("", "", nodes.strong("", "Casussen"), classes=["rlz-label"])]
        if not geraakt:
            out.append(nodes.paragraph("", f"Geen casus raakt deze bepaling in versie {vid}.",
                                       classes=["rlz-onbedekt"]))
            return out
        eigen = sorted({r.outcome for r in reg.rules if r.provision == ref}, key=list(reg.outcomes).index)
        toon = [o for o in self.hoofduitkomsten(reg) if o in eigen] or eigen or self.hoofduitkomsten(reg)
        versies = data.versie_ids

        def verschilt(i: int) -> bool:
            uitkomsten = {data.runs[i, v].waarden(toon) if (i, v) in data.runs else "" for v in versies}
            return len(uitkomsten) > 1 or any(data.runs[i, v].status in ("mislukt", "fout")
                                              for v in versies if (i, v) in data.runs)

        # Cases whose outcome differs between versions (or that fail) first: those are what a drafter looks for.
        geraakt = sorted(geraakt, key=lambda i: not verschilt(i))
        rows: list[list[Cel]] = []
        for i in geraakt:
            case = data.cases[i]
            row: list[Cel] = [[koppeling("casus", case.naam, case.naam)]]
            for other in versies:
                run = data.runs.get((i, other))
                if run is None:
                    row.append("—")
                    continue
                cel: list[nodes.Node] = [status(run.status), nodes.Text(" " + run.waarden(toon))]
                # Same outcome, but reached through another provision in that version: worth a note. (When the
                # outcome differs, the difference itself says enough.)
                eigen_run = data.runs[i, vid]
                if other != vid and run.waarden(toon) == eigen_run.waarden(toon) and not data.raakt(i, other, ref):
                    cel.append(nodes.emphasis("", " (via andere bepaling)"))
                row.append(cel)
            rows.append(row)
        aantal = "1 casus raakt" if len(rows) == 1 else f"{len(rows)} casussen raken"
        uitleg = nodes.paragraph("", f"{aantal} deze bepaling in versie {vid}; per versie "
                                     f"{', '.join(toon)} ({LEGENDA}).",
                                 classes=["rlz-toelichting-tabel"])
        koppen, breedtes = ["Casus", *versies], [3] + [2] * len(versies)
        out += [uitleg, tabel(koppen, rows[:_ZICHTBAAR], classes=["rlz-casussen"], breedtes=breedtes)]
        if len(rows) > _ZICHTBAAR:
            rest = tabel(koppen, rows[_ZICHTBAAR:], classes=["rlz-casussen"], breedtes=breedtes)
            out.append(uitklapblok(f"Nog {len(rows) - _ZICHTBAAR} casussen", [rest], classes=["rlz-meer"]))
        if "geen-voorbeeld" not in self.options:
            out.append(self._voorbeeld(data, reg, vid, geraakt[0]))
        return out

    def _voorbeeld(self, data: SiteData, reg: ir.Regeling, vid: str, index: int) -> nodes.Node:
        case = data.cases[index]
        run = data.runs[index, vid]
        assert run.trace is not None
        tekst = explain(reg, case.feiten, run.trace, case.naam)
        code = nodes.literal_block(tekst, tekst, classes=["rlz-uitwerking"])
        code["language"] = "none"
        return uitklapblok(f"Uitgewerkt voorbeeld: {case.naam}", [code], classes=["rlz-voorbeeld"])

    def _zie_ook(self, reg: ir.Regeling, vid: str, delen: Sequence[ir.Provision]) -> list[nodes.Node]:
        """Links to the bijlagen whose tables this artikel reads (e.g. the profile descriptions)."""
        refs = {p.ref for p in delen}
        exprs: list[ir.Expr] = [d.expr for d in reg.definitions.values() if d.span.provision in refs]
        for r in reg.rules:
            if r.provision in refs:
                exprs += [c.expr for c in r.conditions]
                exprs.append(r.value)
        tabellen = sorted({t for e in exprs for t in _tabellen_in(e) if t in reg.tables})
        if not tabellen:
            return []
        para = nodes.paragraph("", "Dit artikel gebruikt ", classes=["rlz-zie-ook"])
        for n, naam in enumerate(tabellen):
            if n:
                para += nodes.Text(", ")
            table = reg.tables[naam]
            para += nodes.Text(f"de tabel {naam} ({table.label}) in ")
            para += bepaling_koppeling(table.span.provision, vid)
        para += nodes.Text(".")
        return [para]


def bepaling_koppeling(ref: ProvisionRef, vid: str, tekst: str = "") -> nodes.Node:
    """A link to a provision in a version, showing its citation (or ``tekst``)."""
    if ref.bijlage:
        reftype = "bijlage"
    elif ref.lid or ref.onderdeel or ref.subonderdeel:
        reftype = "lid"
    else:
        reftype = "artikel"
    return koppeling(reftype, volledige_naam(bepaling_naam(ref), vid), tekst or ref.citeer())


# --------------------------------------------------------------------------------------------------
# Bijlagen
# --------------------------------------------------------------------------------------------------


class BijlageDirective(RegelingBasis):
    """``.. rlz:bijlage:: A`` with ``:versie:`` — the bijlage's text and tables; rows whose label is a
    description (the zorgprofielen: aard en inhoud) get it in full, folded out per row."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"versie": directives.unchanged_required}

    def bouw(self) -> list[nodes.Node]:
        data = self.data()
        vid = self.versie(data, self.options.get("versie")) if data is not None else None
        if data is None or vid is None:
            return []
        reg = data.bundle.versions[vid]
        ref = ProvisionRef(bijlage=self.arguments[0])
        bijlage = reg.provision(ref)
        if bijlage is None:
            logger.warning("bijlage %s bestaat niet in versie %s", self.arguments[0], vid,
                           location=self.get_location(), type="rlz", subtype="bijlage")
            return []
        self.env.ref_context["rlz:versie"] = vid
        target = nodes.target()
        node_id = self.anker(target, f"{vid}-bijlage-{ref.bijlage}")
        self.domain.note_object("bijlage", bepaling_naam(ref), node_id, versie=vid, rang=self.rang(data, vid),
                                titel=f"bijlage {ref.bijlage} ({vid})", omschrijving=bijlage.titel,
                                location=self.get_location())
        out: list[nodes.Node] = [target]
        banner = nodes.paragraph("", "Versie ", koppeling("versie", vid, vid, literal=True), classes=["rlz-banner"])
        banner += nodes.Text(f", geldig vanaf {datum(reg.geldig_vanaf)}.")
        out.append(banner)
        if bijlage.tekst:
            wettekst = nodes.container(classes=["rlz-wettekst"])
            wettekst += alineas(bijlage.tekst)
            out.append(wettekst)
        if bijlage.toelichting:
            out.append(uitklapblok("Toelichting", alineas(bijlage.toelichting), classes=["rlz-toelichting"]))
        for table in reg.tables.values():
            if table.span.provision == ref:
                out += self._tabel(reg, vid, table)
        return out

    def _tabel(self, reg: ir.Regeling, vid: str, table: ir.Table) -> list[nodes.Node]:
        from ..values import format_value

        enum = reg.enums.get(table.key_type.enum) if table.key_type.kind == "enum" else None
        beschreven = {k: v for k, v in table.row_labels.items() if "\n" in v.strip()}
        blokken: dict[str, nodes.Element] = {}
        for key, label in beschreven.items():
            titel, _, rest = label.strip().partition("\n\n")
            blok = uitklapblok([nodes.literal("", key), nodes.Text(f" · {' '.join(titel.split())}")],
                               alineas(rest), classes=["rlz-beschrijving"])
            self.anker(blok, f"{vid}-{table.name}-{key}")
            blokken[key] = blok
        out: list[nodes.Node] = [nodes.rubric("", f"Tabel {table.name}: {table.label}" if table.label else
                                              f"Tabel {table.name}")]
        koppen = ["Sleutel", "Omschrijving", *[c[2] or c[0] for c in table.columns]]
        rows: list[list[Cel]] = []
        for key, values in table.rows.items():
            label = table.row_labels.get(key, "").strip()
            titel = " ".join(label.partition("\n\n")[0].split())
            if not titel and enum is not None and key in enum.values:
                titel = enum.labels[enum.values.index(key)]
            sleutel: Cel = [nodes.literal("", key)]
            if key in blokken:
                sleutel = [nodes.reference("", "", nodes.literal("", key), internal=True,
                                           refid=blokken[key]["ids"][0])]
            rows.append([sleutel, titel, *[format_value(v) for v in values]])
        out.append(tabel(koppen, rows, classes=["rlz-bijlage-tabel"], breedtes=[1, 5] + [1] * len(table.columns)))
        if beschreven:
            out.append(nodes.paragraph("", f"Beschrijving per rij ({len(beschreven)}): de aard en inhoud, zoals de "
                                           "bijlage die omschrijft.", classes=["rlz-label"]))
            out += blokken.values()
        return out
