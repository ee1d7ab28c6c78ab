"""Small doctree builders shared by the directives: paragraphs from legal text, tables, links, status marks.

Everything from the regeling or the cases goes into ``nodes.Text`` (escaped by every writer); the one raw node
is the decision-path picture, whose SVG ``render.beslispad`` builds with every text XML-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .nodes import gevolgentabel, tabel_cellen, uitklap, uitklap_kop

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["LEGENDA", "Cel", "alineas", "gevolgen_voor_andere_builders", "koppeling", "met_code", "standaard_tabel",
           "status", "tabel", "tekening", "uitklapblok"]

Cel = str | nodes.Node | Sequence[nodes.Node]


# A name from the regeling (``uren_toezicht_per_week``) inside prose, as commentaries cite facts and begrippen.
_IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def met_code(tekst: str, code: bool = True) -> list[nodes.Node]:
    """Text as nodes; with ``code``, each identifier it names is set in code font (a name, not a word)."""
    if not code:
        return [nodes.Text(tekst)]
    out: list[nodes.Node] = []
    pos = 0
    for m in _IDENTIFIER.finditer(tekst):
        if m.start() > pos:
            out.append(nodes.Text(tekst[pos:m.start()]))
        out.append(nodes.literal("", m.group()))
        pos = m.end()
    if pos < len(tekst):
        out.append(nodes.Text(tekst[pos:]))
    return out


def alineas(tekst: str, classes: Sequence[str] = (), code: bool = False) -> list[nodes.Element]:
    """Legal text as paragraphs: blank lines separate them; lines starting with "- " become a list. With
    ``code`` (commentaries), the identifiers it cites are set as code."""
    out: list[nodes.Element] = []
    for blok in (b.strip() for b in tekst.split("\n\n")):
        if not blok:
            continue
        lines = [line.strip() for line in blok.splitlines()]
        items = [i for i, line in enumerate(lines) if line.startswith("- ")]
        if items:
            head = " ".join(lines[: items[0]])
            if head:
                out.append(nodes.paragraph("", "", *met_code(head, code), classes=list(classes)))
            lijst = nodes.bullet_list(classes=list(classes))
            for n, start in enumerate(items):
                end = items[n + 1] if n + 1 < len(items) else len(lines)
                text = " ".join([lines[start][2:], *lines[start + 1:end]])
                lijst += nodes.list_item("", nodes.paragraph("", "", *met_code(text, code)))
            out.append(lijst)
        else:
            out.append(nodes.paragraph("", "", *met_code(" ".join(lines), code), classes=list(classes)))
    return out


def tekening(svg: str, classes: Sequence[str] = ()) -> nodes.container:
    """A picture made by ``render.beslispad`` (SVG from the IR; every text in it is XML-escaped there), in a box
    that scrolls on a narrow screen."""
    box = nodes.container(classes=["rlz-beslispad", *classes])
    box += nodes.raw("", svg, format="html")
    return box


def koppeling(reftype: str, target: str, tekst: str, literal: bool = False) -> addnodes.pending_xref:
    """A link to an object of the ``rlz`` domain; shows ``tekst`` unlinked if the object is not on the site."""
    inner: nodes.Element = nodes.literal("", tekst) if literal else nodes.inline("", tekst)
    return addnodes.pending_xref("", inner, refdomain="rlz", reftype=reftype, reftarget=target,
                                 refexplicit=True, refwarn=False)


_STATUS_TEKST = {"geslaagd": "✓", "mislukt": "✗", "fout": "✗ fout", "geen verwachting": "·"}
LEGENDA = "✓ de verwachte uitkomst, ✗ anders dan verwacht, · geen verwachting voor die versie"


def status(naam: str) -> nodes.inline:
    """A pass/fail mark with a class the stylesheet colours (``rlz-status-geslaagd`` …)."""
    classes = ["rlz-status", "rlz-status-" + naam.replace(" ", "-")]
    return nodes.inline("", _STATUS_TEKST.get(naam, naam), classes=classes)


def _is_inline(node: nodes.Node) -> bool:
    # A reference is also a General (body) node in docutils; what matters is that it is Inline.
    return isinstance(node, (nodes.Inline, nodes.Text))


def _cel(inhoud: Cel) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(inhoud, str):
        entry += nodes.paragraph("", inhoud)
    elif isinstance(inhoud, nodes.Node):
        entry += nodes.paragraph("", "", inhoud) if _is_inline(inhoud) else inhoud
    else:
        para = nodes.paragraph()
        for n in inhoud:
            if _is_inline(n):
                para += n
            else:
                entry += n
        if para.children:
            entry.insert(0, para)
    return entry


def tabel(koppen: Sequence[str], rijen: Sequence[Sequence[Cel]], classes: Sequence[str] = (),
          breedtes: Sequence[int] | None = None, samenvoegen: int = 0) -> nodes.table:
    """A table with a header row; a cell is text, a node, or a list of inline nodes. With ``samenvoegen``,
    a cell from that column on that equals its left neighbour joins it (one cell spanning both): "the same in
    these versions" at a glance, and a fraction of the size."""
    table = nodes.table(classes=["rlz-tabel", *classes])
    group = nodes.tgroup(cols=len(koppen))
    table += group
    for w in breedtes or [1] * len(koppen):
        group += nodes.colspec(colwidth=w)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for k in koppen:
        row += _cel(k)
    head += row
    body = nodes.tbody()
    group += body
    for cells in rijen:
        row = nodes.row()
        vorige: nodes.entry | None = None
        for n, c in enumerate(cells):
            entry = _cel(c)
            if samenvoegen and n >= samenvoegen and vorige is not None and entry.astext() == vorige.astext():
                vorige["morecols"] = vorige.get("morecols", 0) + 1
                continue
            row += entry
            vorige = entry
        body += row
    return table


def uitklapblok(kop: str | Sequence[nodes.Node], inhoud: Sequence[nodes.Node], classes: Sequence[str] = (),
                open_: bool = False) -> uitklap:
    """A fold-out block (``<details>`` in HTML) with an always visible heading."""
    block = uitklap(classes=list(classes), open=open_)
    block += uitklap_kop("", kop) if isinstance(kop, str) else uitklap_kop("", "", *kop)
    for n in inhoud:
        block += n
    return block


def standaard_tabel(node: nodes.Element) -> nodes.table:
    """A ``gevolgentabel`` as a standard table: the same rows and cells, a list of texts as a bullet list."""
    rijen: list[list[Cel]] = []
    for eerste, cellen in tabel_cellen(node):
        rij: list[Cel] = [eerste.deepcopy()]
        for cel in cellen:
            if isinstance(cel, list):
                lijst = nodes.bullet_list()
                for t in cel:
                    lijst += nodes.list_item("", nodes.paragraph("", t))
                rij.append(lijst)
            else:
                rij.append(cel)
        rijen.append(rij)
    return tabel(node["koppen"], rijen, classes=node["classes"], breedtes=node.get("breedtes"))


def gevolgen_voor_andere_builders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: for builders other than HTML, a ``gevolgentabel`` becomes its standard table."""
    if app.builder.format != "html":
        for node in list(doctree.findall(gevolgentabel)):
            node.replace_self(standaard_tabel(node))
