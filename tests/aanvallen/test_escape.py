"""escape: one function per target; each shown to refuse what an attacker would put in a label."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from meerzorg_law import escape


def test_attribute_injection_is_quoted() -> None:
    assert escape.xml('a" onmouseover="x') == "a&quot; onmouseover=&quot;x"
    assert escape.html("<b>'x'</b> & y") == "&lt;b&gt;&#x27;x&#x27;&lt;/b&gt; &amp; y"


def test_control_characters_become_visible() -> None:
    assert escape.zichtbaar("a\x1bb\x07c\ufffe") == "a\u241bb\u2407c\ufffd"
    assert escape.xml_tekst("\x00tab\tok\n") == "\u2400tab\tok\n"
    assert escape.terminal("\x1b[32mGESLAAGD\x1b[0m\r") == "\\x1b[32mGESLAAGD\\x1b[0m\\x0d"
    assert escape.terminal("naam\nGESLAAGD") == "naam\\x0aGESLAAGD"
    assert escape.terminal("regel 1\nregel 2\x1b", regels=True) == "regel 1\nregel 2\\x1b"
    assert escape.terminal("abc\u202edef") == "abc\\u202edef"
    assert escape.ongeldige_xml_tekens("a\x1b") == [(1, "U+001B")]


def test_rst_line_has_no_structure() -> None:
    assert escape.rst("titel\n==========\n.. raw:: html") == r"titel \=\=\=\=\=\=\=\=\=\= \.\. raw\:\: html"
    assert "\n" not in escape.rst("a\r\nb\u2028c")


_XML_OK = re.compile("^[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*$")


@given(st.text())
def test_every_output_is_valid_xml_text(s: str) -> None:
    out = escape.xml(s)
    assert _XML_OK.match(out)
    assert '"' not in out and "<" not in out and "'" not in out
    assert not re.search(r"[\x00-\x1f\x7f-\x9f]", escape.terminal(s))
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", escape.terminal(s, regels=True))
