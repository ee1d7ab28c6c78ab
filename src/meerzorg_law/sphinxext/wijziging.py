"""The page of a wijzigingsregeling laid out as one: opschrift, aanhef, Artikel I with its onderdelen A, B, …
(each instruction in the words of the drafting instructions, linking to the provisions it changes),
Artikel II and further, and the toelichting (algemeen, then per onderdeel) at the end."""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

from ..span import ProvisionRef
from ..syntax import ast
from .basis import RegelingBasis, badge, bepaling_koppeling, datum, versie_soort
from .bouwstenen import alineas, koppeling

__all__ = ["WijzigingsregelingDirective"]

logger = logging.getLogger(__name__)


def _hoofd(tekst: str) -> str:
    return tekst[0].upper() + tekst[1:] if tekst else tekst


class WijzigingsregelingDirective(RegelingBasis):
    """``.. rlz:wijzigingsregeling:: rlz-2027``."""

    required_arguments = 1
    has_content = False

    def bouw(self) -> list[nodes.Node]:
        data = self.data(bestanden="regeling")
        vid = self.versie(data, self.arguments[0]) if data is not None else None
        if data is None or vid is None:
            return []
        doc = data.bundle.documents.get(vid)
        if not isinstance(doc, ast.Wijzigingsregeling):
            logger.warning("versie %s is geen wijzigingsregeling", vid, location=self.get_location(),
                           type="rlz", subtype="versie")
            return []
        self.vid, self.basis, self.reg = vid, doc.basis, data.bundle.versions[vid]
        self.env.ref_context["rlz:versie"] = vid
        target = nodes.target()
        node_id = self.anker(target, f"wijzigingsregeling-{vid}")
        self.domain.note_object("wijzigingsregeling", vid, node_id, titel=f"wijzigingsregeling {vid}",
                                location=self.get_location())
        out: list[nodes.Node] = [target, *self.voorstel_banner(data, vid)]
        kop = nodes.paragraph("", "", badge(versie_soort(data, vid)), nodes.Text(" "),
                              nodes.strong("", doc.titel), classes=["rlz-opschrift"])
        out.append(kop)
        out.append(nodes.paragraph("", "", nodes.Text(f"Wijzigt versie {doc.basis} ("),
                                   koppeling("versie", doc.basis, doc.basis, literal=True),
                                   nodes.Text(f"); de gewijzigde regeling is versie {vid} ("),
                                   koppeling("versie", vid, vid, literal=True),
                                   nodes.Text(f"), geldig vanaf {datum(doc.geldig_vanaf)}."),
                                   classes=["rlz-banner"]))
        if doc.aanhef:
            out += alineas(doc.aanhef, classes=["rlz-aanhef"])
        toelichting: list[nodes.Node] = []
        for artikel in doc.artikelen:
            out.append(self._artikel(artikel))
            toelichting += self._toelichting(artikel)
        if toelichting:
            sectie = nodes.section(classes=["rlz-wijziging-toelichting"])
            self.anker(sectie, f"toelichting-{vid}")
            sectie += nodes.title("", "Toelichting")
            sectie += toelichting
            out.append(sectie)
        return out

    def _artikel(self, artikel: ast.WijzigingsArtikel) -> nodes.section:
        sectie = nodes.section(classes=["rlz-wijzigingsartikel"])
        self.anker(sectie, f"{self.vid}-artikel-{artikel.nummer}")
        sectie += nodes.title("", f"Artikel {artikel.nummer}" + (f" · {artikel.titel}" if artikel.titel else ""))
        if artikel.tekst:
            sectie += alineas(artikel.tekst, classes=["rlz-wettekst"])
        for w in artikel.wijzigingen:
            onderdeel = nodes.container(classes=["rlz-wijzigingsonderdeel"])
            self.anker(onderdeel, f"{self.vid}-{artikel.nummer}-{w.letter}")
            onderdeel += nodes.paragraph("", "", nodes.strong("", f"{w.letter}. "),
                                         *([nodes.Text(w.tekst)] if w.tekst else []), classes=["rlz-wettekst"])
            for ins in w.instructies:
                onderdeel += self._instructie(ins)
            sectie += onderdeel
        return sectie

    def _doel(self, ref: ProvisionRef, vervallen: bool = False) -> nodes.Node:
        cite = _hoofd(ref.citeer())
        return bepaling_koppeling(ref, self.basis if vervallen else self.vid, cite)

    def _instructie(self, ins: ast.Instructie) -> list[nodes.Node]:
        """One instruction in the usual words, the changed provision linked, and the new text quoted."""
        para = nodes.paragraph(classes=["rlz-instructie"])
        nieuw: ast.Bepaling | None = None
        if isinstance(ins, ast.KomtTeLuiden):
            para += [self._doel(ins.doel.ref), nodes.Text(" komt te luiden:")]
            nieuw = ins.bepaling
        elif isinstance(ins, ast.Vervalt):
            para += [self._doel(ins.doel.ref, vervallen=True), nodes.Text(" vervalt")]
            for oud, nieuw_ref in ins.hernummering:
                para += nodes.Text(f", onder vernummering van {oud.citeer()} tot {nieuw_ref.citeer()}")
            para += nodes.Text(".")
        elif isinstance(ins, ast.Ingevoegd):
            if ins.positie == "aan":
                para += [nodes.Text("Aan "), self._doel(ins.anker.ref),
                         nodes.Text(f" wordt een {ins.soort} toegevoegd")]
            else:
                para += [nodes.Text(f"{_hoofd(ins.positie)} "), self._doel(ins.anker.ref),
                         nodes.Text(f" wordt een {ins.soort} ingevoegd")]
            ref = ins.bepaling.span.provision
            if ref.artikel:
                para += [nodes.Text(" ("), self._doel(ref), nodes.Text(")")]
            para += nodes.Text(":")
            nieuw = ins.bepaling
        elif isinstance(ins, ast.Vernummerd):
            para += [self._doel(ins.doel.ref, vervallen=True), nodes.Text(" wordt vernummerd tot "),
                     self._doel(ins.nieuw.ref), nodes.Text(".")]
        elif isinstance(ins, ast.Vervangen):
            para += [nodes.Text("In "), self._doel(ins.doel.ref),
                     nodes.Text(f" wordt „{ins.oud}” {'telkens ' if ins.telkens else ''}vervangen door „{ins.nieuw}”.")]
        elif isinstance(ins, ast.StructuurIngevoegd):
            waar = f"hoofdstuk {ins.hoofdstuk}" + (f", paragraaf {ins.paragraaf}" if ins.paragraaf else "")
            para += nodes.Text(f"{_hoofd(ins.positie)} {waar} wordt een {ins.soort} ingevoegd: "
                               f"{ins.soort} {ins.nieuw.nummer} {ins.nieuw.titel}.")
        elif isinstance(ins, ast.StructuurVervalt):
            waar = f"Hoofdstuk {ins.hoofdstuk}" + (f", paragraaf {ins.paragraaf}," if ins.paragraaf else "")
            para += nodes.Text(f"{waar} vervalt.")
        elif isinstance(ins, ast.TabelWijziging):
            table = self.reg.tables.get(ins.tabel)
            para += nodes.Text(f"In de tabel {table.label if table and table.label else ins.tabel.replace('_', ' ')}")
            if table is not None:
                para += [nodes.Text(" ("), self._doel(table.span.provision), nodes.Text(")")]
            para += nodes.Text(":")
            lijst = nodes.bullet_list()
            woorden = {"luidt": "komt te luiden", "vervalt": "vervalt", "toegevoegd": "wordt toegevoegd"}
            for r in ins.wijzigingen:
                lijst += nodes.list_item("", nodes.paragraph("", "", nodes.Text("de rij "), nodes.literal("", r.key),
                                                             nodes.Text(f" {woorden.get(r.soort, r.soort)}")))
            return [para, lijst]
        else:
            para += nodes.Text("De gegevens (begrippen en invoer) worden als volgt gewijzigd:")
            lijst = nodes.bullet_list()
            for g in ins.wijzigingen:
                wat = {"ingevoegd": "wordt ingevoegd", "luidt": "komt te luiden", "vervalt": "vervalt",
                       "waarde": "krijgt een waarde erbij"}.get(g.soort, g.soort)
                lijst += nodes.list_item("", nodes.paragraph("", "", nodes.literal("", g.naam), nodes.Text(f" {wat}")))
            return [para, lijst]
        out: list[nodes.Node] = [para]
        if nieuw is not None and nieuw.tekst:
            quote = nodes.block_quote(classes=["rlz-nieuwe-tekst"])
            quote += alineas(nieuw.tekst)
            out.append(quote)
        return out

    def _toelichting(self, artikel: ast.WijzigingsArtikel) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        if artikel.toelichting:
            out.append(nodes.rubric("", f"Artikel {artikel.nummer}"))
            out += alineas(artikel.toelichting, code=True)
        for w in artikel.wijzigingen:
            if w.toelichting:
                out.append(nodes.rubric("", f"Onderdeel {w.letter}"))
                out += alineas(w.toelichting, code=True)
        return out
