"""Paragraphs -> Word documents with python-docx. The renvooi gets real tracked changes: python-docx has no API
for them, so ``w:ins`` and ``w:del`` (and the marks of inserted and deleted paragraphs) are built with its oxml
layer; Word's "alle wijzigingen accepteren" then gives the new version, "alle wijzigingen weigeren" the old."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from .model import Alinea, RenvooiAlinea

__all__ = ["AUTEUR", "docx_bytes", "renvooi_docx_bytes"]

AUTEUR = "meerzorg"


def _nieuw_document() -> DocumentObject:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Verdana"  # the house font of the Rijksoverheid's documents
    normal.font.size = Pt(9.5)
    return doc


def _alinea(doc: DocumentObject, stijl: str, tekst: str = "") -> Paragraph:
    if stijl in ("titel", "kop"):
        kop: Paragraph = doc.add_heading(tekst, level=1 if stijl == "titel" else 2)
        return kop
    p: Paragraph = doc.add_paragraph(tekst)
    if stijl in ("citaat", "citaat2"):
        p.paragraph_format.left_indent = Cm(1 if stijl == "citaat" else 2)
    elif stijl == "klein":
        for r in p.runs:
            r.font.size = Pt(8)
    return p


def _groepen(alineas: list[Alinea]) -> Iterator[tuple[str, list[Alinea]]]:
    for stijl, groep in itertools.groupby(alineas, key=lambda a: "tabelrij" if a.stijl == "tabelrij" else ""):
        yield stijl, list(groep)


def docx_bytes(alineas: list[Alinea]) -> bytes:
    """A document of these paragraphs; consecutive ``tabelrij`` paragraphs (cells split by tabs) form a table
    whose first row is the header."""
    doc = _nieuw_document()
    for soort, groep in _groepen(alineas):
        if soort != "tabelrij":
            for a in groep:
                _alinea(doc, a.stijl, a.tekst)
            continue
        rijen = [a.tekst.split("\t") for a in groep]
        tabel = doc.add_table(rows=len(rijen), cols=max(len(r) for r in rijen))
        tabel.style = "Table Grid"
        for i, rij in enumerate(rijen):
            for j, cel in enumerate(rij):
                tabel.cell(i, j).text = cel
    return _bytes(doc)


def renvooi_docx_bytes(alineas: list[RenvooiAlinea], datum: str) -> bytes:
    """The consolidated version with every change as a tracked change by author ``meerzorg`` on ``datum``
    (``2027-01-01T00:00:00Z``: the same input gives the same document)."""
    doc = _nieuw_document()
    ids = itertools.count(1)

    def mark(tag: str) -> Any:  # an lxml element (python-docx's oxml layer)
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(next(ids)))
        el.set(qn("w:author"), AUTEUR)
        el.set(qn("w:date"), datum)
        return el

    for a in alineas:
        p = _alinea(doc, a.stijl)
        if a.soort in ("nieuw", "weg"):  # the paragraph mark itself is inserted or deleted
            rpr = OxmlElement("w:rPr")
            rpr.append(mark("w:ins" if a.soort == "nieuw" else "w:del"))
            p._p.get_or_add_pPr().append(rpr)
        for run in a.runs:
            if run.soort == "gelijk":
                p.add_run(run.tekst)
                continue
            wrapper = mark("w:ins" if run.soort == "nieuw" else "w:del")
            r = OxmlElement("w:r")
            t = OxmlElement("w:t" if run.soort == "nieuw" else "w:delText")
            t.set(qn("xml:space"), "preserve")
            t.text = run.tekst
            r.append(t)
            wrapper.append(r)
            p._p.append(wrapper)
    return _bytes(doc)


def _bytes(doc: DocumentObject) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
