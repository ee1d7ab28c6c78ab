"""Doctree nodes of the extension: renvooi marks (deleted/inserted text) and a fold-out block.

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

__all__ = ["HTML_VISITORS", "geschrapt", "ingevoegd", "schakelaar", "uitklap", "uitklap_kop",
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
}


def vervang_voor_andere_builders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: for builders other than HTML, replace the extension's nodes by standard ones."""
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
