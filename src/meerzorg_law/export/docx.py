"""The document model laid out as a Word document (python-docx), registered as format ``docx``.

House style of a ministeriële regeling: A4, Verdana 9.5, spell-check language nl-NL, quoted provisions
indented, the toelichting on a new page, sources as numbered notes. In renvooi every change is a real
tracked change: python-docx has no API for them, so ``w:ins`` and ``w:del`` (and the marks of inserted and
deleted paragraphs) are built with its oxml layer; Word's "alle wijzigingen accepteren" then gives the new
version, "alle wijzigingen weigeren" the old."""

from __future__ import annotations

import io
import itertools
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from ..document.formats import Blok, Generator, Run, register
from ..document.tekst import xml_tekst

__all__ = ["AUTEUR", "DocxFormat"]

AUTEUR = "meerzorg"
TAAL = "nl-NL"


def _nieuw_document(titel: str) -> DocumentObject:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Verdana"  # the house font of the Rijksoverheid's documents
    normal.font.size = Pt(9.5)
    for sectie in doc.sections:  # A4, as the PDFs and the Staatscourant
        sectie.page_width, sectie.page_height = Mm(210), Mm(297)
        sectie.left_margin = sectie.right_margin = Cm(2)
        sectie.top_margin = sectie.bottom_margin = Cm(2.5)
    rpr = doc.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    for el in ([rpr] if rpr is not None else []) + [normal.element.get_or_add_rPr()]:
        lang = el.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            el.append(lang)
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attr), TAAL)
    doc.core_properties.language = TAAL
    doc.core_properties.title = xml_tekst(titel)
    return doc


@register("docx")
class DocxFormat(Generator):
    """``render`` gives the .docx as bytes; ``datum`` stamps the tracked changes (the same input gives the
    same document)."""

    def __init__(self, renvooi: bool = False, datum: str = "2000-01-01T00:00:00Z", titel: str = "") -> None:
        super().__init__(renvooi)
        self.datum, self.titel = datum, titel
        self._ids = itertools.count(1)

    def _mark(self, tag: str) -> Any:  # an lxml element (python-docx's oxml layer)
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(next(self._ids)))
        el.set(qn("w:author"), AUTEUR)
        el.set(qn("w:date"), self.datum)
        return el

    def _runs(self, p: Paragraph, runs: tuple[Run, ...], soort: str = "gelijk") -> None:
        if soort in ("nieuw", "weg"):  # the paragraph mark itself is inserted or deleted
            rpr = OxmlElement("w:rPr")
            rpr.append(self._mark("w:ins" if soort == "nieuw" else "w:del"))
            p._p.get_or_add_pPr().append(rpr)
        for run in runs:
            if run.soort == "gelijk":
                p.add_run(xml_tekst(run.tekst))
                if run.noot:
                    p.add_run(str(run.noot)).font.superscript = True
                continue
            wrapper = self._mark("w:ins" if run.soort == "nieuw" else "w:del")
            r = OxmlElement("w:r")
            t = OxmlElement("w:t" if run.soort == "nieuw" else "w:delText")
            t.set(qn("xml:space"), "preserve")
            t.text = xml_tekst(run.tekst)
            r.append(t)
            wrapper.append(r)
            p._p.append(wrapper)

    def layout(self, blokken: list[Blok]) -> bytes:
        doc = _nieuw_document(self.titel or (blokken[0].tekst() if blokken else ""))
        nieuwe_pagina = False
        for b in blokken:
            if b.stijl == "pagina":
                nieuwe_pagina = True
                continue
            if b.stijl == "tabel":
                self._tabel(doc, b)
                continue
            if b.stijl in ("titel", "kop"):
                p: Paragraph = doc.add_heading("", level=1 if b.stijl == "titel" else 2 + min(b.diepte, 1))
            else:
                p = doc.add_paragraph()
                if b.diepte:
                    p.paragraph_format.left_indent = Cm(b.diepte)
            self._runs(p, b.runs, b.soort)
            if b.stijl == "citaatkop":
                for r in p.runs:
                    r.font.bold = True
            if b.stijl in ("klein", "noot"):
                for r in p.runs:
                    r.font.size = Pt(8)
            if nieuwe_pagina:
                p.paragraph_format.page_break_before = True
                nieuwe_pagina = False
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()

    def _tabel(self, doc: DocumentObject, b: Blok) -> None:
        """Rows built on the XML directly: python-docx's ``table.cell(i, j)`` walks the whole table each
        call (a 40-row table took 30 s)."""
        breedte = max(len(r) for r in b.cellen)
        tabel: DocxTable = doc.add_table(rows=0, cols=breedte)
        tabel.style = "Table Grid"
        for rij in b.cellen:
            tr = tabel._tbl.add_tr()
            soorten = {r.soort for cel in rij for r in cel}
            soort = soorten.pop() if len(soorten) == 1 and soorten <= {"nieuw", "weg"} else "gelijk"
            if soort != "gelijk":  # a whole row inserted or deleted: the row itself is a tracked change
                tr.get_or_add_trPr().append(self._mark("w:ins" if soort == "nieuw" else "w:del"))
            for cel in rij:
                tc = tr.add_tc()
                tc.width = Cm(16 / breedte)
                cell = _Cell(tc, tabel)
                self._runs(cell.add_paragraph() if not cell.paragraphs else cell.paragraphs[0], cel, soort)

    @classmethod
    def als_tekst(cls, out: Any) -> str:
        word = Document(io.BytesIO(out))
        tekst = [p.text for p in word.paragraphs]
        tekst += [c.text for t in word.tables for r in t.rows for c in r.cells]
        return "\n".join(tekst)
