"""The page of a wijzigingsregeling laid out as one: opschrift, aanhef, Artikel I with its onderdelen A, B, …
(each instruction in its one wording from the document model, linking to the provisions it changes, with
the new text quoted in full), Artikel II and further, and the toelichting (algemeen, then per onderdeel) at
the end. The onderdelen are the site format (``site``) of the document model."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util import logging

from ..document import build_amendment
from ..document.formats import Blok, Generator, register
from ..syntax import ast
from .basis import RegelingBasis, badge, bepaling_koppeling, datum, versie_soort
from .bouwstenen import alineas, koppeling

__all__ = ["SiteFormat", "WijzigingsregelingDirective"]

logger = logging.getLogger(__name__)


@register("site")
class SiteFormat(Generator):
    """Docutils nodes: a citation is a link to the provision in the version it names, quoted provisions a
    block quote, inserted and deleted text ``<ins>``/``<del>`` (as the renvooi pages show them)."""

    def _inline(self, b: Blok) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for r in b.runs:
            if r.cite is not None:
                out.append(bepaling_koppeling(r.cite.ref, r.cite.versie, r.tekst))
            elif r.soort != "gelijk":
                cls = "rlz-ingevoegd" if r.soort == "nieuw" else "rlz-geschrapt"
                out.append(nodes.inline("", r.tekst, classes=[cls]))
            else:
                out.append(nodes.Text(r.tekst))
        return out

    def layout(self, blokken: list[Blok]) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        quote: nodes.block_quote | None = None
        for b in blokken:
            if b.stijl in ("citaat", "citaatkop"):
                if quote is None:
                    quote = nodes.block_quote(classes=["rlz-nieuwe-tekst"])
                    out.append(quote)
                inline = self._inline(b)
                quote += nodes.paragraph("", "", *([nodes.strong("", "", *inline)] if b.stijl == "citaatkop"
                                                    else inline))
                continue
            quote = None
            if b.stijl == "tabel":
                tabel = nodes.bullet_list()
                for rij in b.cellen:
                    tabel += nodes.list_item("", nodes.paragraph("", " | ".join(r.tekst for c in rij for r in c)))
                out.append(tabel)
            elif b.stijl == "klein":  # the gegevens: names as the regeling writes them, in code font
                out.append(nodes.paragraph("", "", nodes.literal("", b.tekst()), classes=["rlz-instructie"]))
            elif b.stijl == "kop":
                out.append(nodes.paragraph("", "", nodes.strong("", f"{b.tekst()}. "), classes=["rlz-wettekst"]))
            elif b.stijl != "pagina":
                out.append(nodes.paragraph("", "", *self._inline(b),
                                           classes=["rlz-instructie" if b.diepte or (b.runs and any(
                                               r.cite for r in b.runs)) else "rlz-wettekst"]))
        return out

    @classmethod
    def als_tekst(cls, out: Any) -> str:
        return "\n".join(n.astext() for n in out)


class WijzigingsregelingDirective(RegelingBasis):
    """``.. rlz:wijzigingsregeling:: rlz-2027``."""

    required_arguments = 1
    has_content = False

    def vinger(self) -> tuple[str, tuple[str, ...]]:
        return "wijzigingsregeling", (self.arguments[0],)

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
        self.vid = vid
        model = build_amendment(doc, data.bundle.consolidated, data.bundle.bronnen)
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
        site = SiteFormat()
        for artikel, mart in zip(doc.artikelen, model.artikelen, strict=True):
            sectie = nodes.section(classes=["rlz-wijzigingsartikel"])
            self.anker(sectie, f"{vid}-artikel-{artikel.nummer}")
            sectie += nodes.title("", f"Artikel {artikel.nummer}" + (f" · {artikel.titel}" if artikel.titel else ""))
            for lid in mart.leden:
                sectie += nodes.paragraph("", lid, classes=["rlz-wettekst"])
            for part in mart.parts:
                onderdeel = nodes.container(classes=["rlz-wijzigingsonderdeel"])
                self.anker(onderdeel, f"{vid}-{artikel.nummer}-{part.letter}")
                onderdeel += site.render(part)
                sectie += onderdeel
            out.append(sectie)
            toelichting += self._toelichting(artikel)
        out.append(nodes.paragraph("", model.slot, classes=["rlz-wettekst"]))
        if toelichting:
            sectie = nodes.section(classes=["rlz-wijziging-toelichting"])
            self.anker(sectie, f"toelichting-{vid}")
            sectie += nodes.title("", "Toelichting")
            sectie += toelichting
            out.append(sectie)
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
