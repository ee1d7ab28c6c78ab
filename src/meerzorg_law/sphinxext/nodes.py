"""Doctree nodes of the extension: renvooi marks (deleted/inserted text), a fold-out block, and a table written
in one piece (``gevolgentabel``).

HTML gets ``<del>``, ``<ins>``, ``<details>`` and a renvooi switch; every other builder gets the same content through a
``doctree-resolved`` handler (``[-geschrapt-]``, ``{+ingevoegd+}``, a heading over the block), so no builder meets a
node it does not know.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

__all__ = ["HTML_VISITORS", "geschrapt", "gevolgentabel", "ingevoegd", "schakelaar", "uitklap", "uitklap_kop",
           "vervang_voor_andere_builders"]


class geschrapt(nodes.inline):  # docutils node classes are lower case
    """Text deleted by an amendment (renvooi)."""


class ingevoegd(nodes.inline):
    """Text inserted by an amendment (renvooi)."""


class schakelaar(nodes.General, nodes.Element):
    """A switch (a checkbox with its label) that shows the renvooi instead of the new text on the whole page;
    the stylesheet does the switching, so it works without JavaScript."""


class uitklap(nodes.General, nodes.Element):
    """A block the reader can fold open; its first child is an ``uitklap_kop``."""


class uitklap_kop(nodes.TextElement):
    """The always visible heading of an ``uitklap``."""


class gevolgentabel(nodes.General, nodes.Element):
    """A table of texts, one row per case: its column heads (``koppen``) and, per row, its cells after the first
    (``rijen``: texts, a list of texts being a list in its cell) are attributes; each row's first cell, a
    paragraph with the case's link, is a child, so the domain resolves it and the page's text walk reads it.

    The table "Gevolgen voor de casussen" of a renvooi page was some 1.400 of the page's 2.000 nodes, and each of
    Sphinx's transforms and the HTML writer visit every node: reading and writing a renvooi page took 0,1-0,2 s,
    and a reworded provision reads five of them. The page's text walk gives the texts in the attributes the
    treatment of every text (``sphinxext._Tekst``: versions by their names, symbols, visible control characters);
    HTML gets the table written in one go, escaped by the writer's own ``encode``, byte for byte the standard table
    (``bouwstenen.standaard_tabel``), which the other builders get instead.
    """


def tabel_cellen(node: nodes.Element) -> list[tuple[nodes.Element, list[str | list[str]]]]:
    """Each row of a ``gevolgentabel``: its first cell (a paragraph with the case's link) and its other cells."""
    return list(zip(node.children, node["rijen"], strict=True))  # type: ignore[arg-type]


def visit_gevolgentabel(self: HTML5Translator, node: nodes.Element) -> None:
    def html(t: str) -> str:
        return str(self.encode(t))

    klassen = html(" ".join(["rlz-tabel", *node["classes"]]))
    uit = [f'<div class="table-wrapper {klassen} docutils container">\n<table class="{klassen} docutils '
           'align-default">\n<thead>\n<tr class="row-odd">',
           "\n".join(f'<th class="head"><p>{html(k)}</p></th>' for k in node["koppen"]), "\n</tr>\n</thead>\n<tbody>\n"]
    self.body.append("".join(uit))
    for n, (eerste, cellen) in enumerate(tabel_cellen(node)):
        self.body.append(f'<tr class="row-{"even" if n % 2 == 0 else "odd"}"><td>')
        begin = len(self.body)
        eerste.walkabout(self)
        # (a cell's paragraph without the line break after it, as the writer writes a table's cells)
        self.body[begin:] = ["".join(self.body[begin:]).removesuffix("\n")]
        delen = ["</td>\n"]
        for cel in cellen:  # (as the writer writes a standard table's cell: a paragraph, or a list)
            if isinstance(cel, list):
                items = "".join(f"<li><p>{html(t)}</p></li>\n" for t in cel)
                delen.append(f'<td><ul class="simple">\n{items}</ul>\n</td>\n')
            else:
                delen.append(f"<td><p>{html(cel)}</p></td>\n")
        delen.append("</tr>\n")
        self.body.append("".join(delen))
    self.body.append("</tbody>\n</table>\n</div>\n")
    raise nodes.SkipNode


def depart_gevolgentabel(self: HTML5Translator, node: nodes.Element) -> None:
    pass  # (SkipNode: the visitor writes the whole table)


def visit_geschrapt(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "del", "", CLASS="rlz-geschrapt"))


def depart_geschrapt(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</del>")


def visit_ingevoegd(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "ins", "", CLASS="rlz-ingevoegd"))


def depart_ingevoegd(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</ins>")


def visit_schakelaar(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", "", CLASS="rlz-schakelaar"))
    self.body.append('<input type="checkbox" id="rlz-renvooi-aan" class="rlz-renvooi-aan">'
                     f'<label for="rlz-renvooi-aan">{self.encode(node["label"])}</label>')


def depart_schakelaar(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_uitklap(self: HTML5Translator, node: nodes.Element) -> None:
    attrs: dict[str, Any] = {"open": "open"} if node.get("open") else {}
    self.body.append(self.starttag(node, "details", "", CLASS="rlz-uitklap", **attrs))


def depart_uitklap(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</details>\n")


def visit_uitklap_kop(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "summary", ""))


def depart_uitklap_kop(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</summary>\n")


HTML_VISITORS = {
    geschrapt: (visit_geschrapt, depart_geschrapt),
    ingevoegd: (visit_ingevoegd, depart_ingevoegd),
    schakelaar: (visit_schakelaar, depart_schakelaar),
    uitklap: (visit_uitklap, depart_uitklap),
    uitklap_kop: (visit_uitklap_kop, depart_uitklap_kop),
    gevolgentabel: (visit_gevolgentabel, depart_gevolgentabel),
}


def vervang_voor_andere_builders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: for builders other than HTML, replace the extension's nodes by standard ones (a
    ``gevolgentabel``: ``bouwstenen.gevolgen_voor_andere_builders``)."""
    if app.builder.format == "html":
        return
    for node in list(doctree.findall(geschrapt)):
        node.replace_self(nodes.inline("", "", nodes.Text("[-"), *node.children, nodes.Text("-]"),
                                       classes=["rlz-geschrapt"]))
    for node2 in list(doctree.findall(ingevoegd)):
        node2.replace_self(nodes.inline("", "", nodes.Text("{+"), *node2.children, nodes.Text("+}"),
                                       classes=["rlz-ingevoegd"]))
    for switch in list(doctree.findall(schakelaar)):
        switch.parent.remove(switch)
    for kop in list(doctree.findall(uitklap_kop)):
        kop.replace_self(nodes.rubric("", "", *kop.children))
    for block in list(doctree.findall(uitklap)):
        block.replace_self(nodes.container("", *block.children, classes=["rlz-uitklap"]))
