"""One escaping function per target: every user string (a label, titel, tekst, case name, path) that reaches
HTML, SVG/XML, reStructuredText or a terminal goes through exactly one of these, so no label can become markup.

* ``html(s)`` / ``xml(s)``: text or a quoted attribute value (``&<>"'`` escaped); characters XML cannot hold.
* ``xml_tekst(s)``: a string for a tree builder (lxml, python-docx) that escapes markup itself but refuses
  control characters with a ``ValueError``: those are shown instead (see ``zichtbaar``).
* ``rst(s)``: one line of inline reStructuredText (every punctuation character backslash-escaped, line breaks
  folded), for the few places a page must be written as reST text (a title Sphinx needs).
* ``terminal(s)``: control characters and direction overrides shown as ``\\x1b``, ``\\u202e``, so a case name
  cannot move the cursor, recolour or rewrite a line.

Layer 0: imports nothing of the package, so every layer may use it.
"""

from __future__ import annotations

import re

__all__ = ["html", "ongeldige_xml_tekens", "rst", "terminal", "xml", "xml_tekst", "zichtbaar"]

# Characters XML 1.0 cannot hold at all: C0 controls except tab/newline/return, surrogates, U+FFFE/U+FFFF.
_XML_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Characters allowed by XML but harmful or invisible on a page or terminal: DEL, C1 controls, line/paragraph
# separators and the bidirectional overrides and isolates (a "Trojan source" reordering of a line).
_ONZICHTBAAR = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _beeld(m: re.Match[str]) -> str:
    """A character as a visible symbol: a C0 control as its Unicode control picture (ESC -> ␛), else U+FFFD."""
    c = m.group()
    code = ord(c)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def zichtbaar(s: str) -> str:
    """``s`` with every character XML cannot hold or a reader cannot see replaced by a visible symbol."""
    return _ONZICHTBAAR.sub(_beeld, _XML_ONGELDIG.sub(_beeld, s))


def ongeldige_xml_tekens(s: str) -> list[tuple[int, str]]:
    """(index, ``U+XXXX``) of every character of ``s`` that XML cannot hold, for a Dutch error that names them."""
    return [(m.start(), f"U+{ord(m.group()):04X}") for m in _XML_ONGELDIG.finditer(s)]


def xml_tekst(s: str) -> str:
    """Text for an XML tree builder that escapes ``&<>`` itself (lxml, python-docx): only made XML-safe."""
    return zichtbaar(s)


def xml(s: str) -> str:
    """Text or a double- or single-quoted attribute value in XML or SVG written as a string."""
    return (zichtbaar(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def html(s: str) -> str:
    """Text or a quoted attribute value in HTML written as a string (the same rules as ``xml``)."""
    return xml(s)


_RST_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def rst(s: str) -> str:
    """One line of inline reST that shows ``s`` literally: no markup, no section line, no directive."""
    return _RST_PUNCT.sub(r"\\\1", " ".join(zichtbaar(s.replace("\t", " ")).split()))


# Lone surrogates too (a YAML "\\ud800" escape makes one): the terminal's encoder cannot write them at all.
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff]")
_TERMINAL_REGEL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff]")


def _code(m: re.Match[str]) -> str:
    """C0 as ``\\x1b``; the rest as ``\\u202e`` (which a JSON string on the terminal reads as the same character)."""
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"


def terminal(s: str, regels: bool = False) -> str:
    """``s`` for a terminal, control characters shown as ``\\x1b``; with ``regels`` line breaks (and tabs) are
    kept, else (a name, a label: one line) they are shown as ``\\n`` too."""
    if regels:
        return _TERMINAL.sub(_code, s.replace("\r\n", "\n"))
    return _TERMINAL_REGEL.sub(_code, s)
