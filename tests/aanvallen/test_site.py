"""The built site (a tiny regeling whose labels, titels, teksten and case names are hostile): no attribute
injection, no reST structure from a titel, no raw control character, no script from a label."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import schrijf_regeling

# Fixed attacks, plus characters drawn from all of Unicode (fixed seed: the site is built once).
_TREKKING = "".join(chr(random.Random(24).choice([random.Random(i).randrange(0x20, 0x2FFFF) for i in range(5)]))
                    for _ in range(1)) + "".join(chr(c) for c in random.Random(24).sample(range(0x80, 0x30000), 40)
                                                if not 0xD800 <= c <= 0xDFFF)
LABEL = f'x" onmouseover="alert(1)" y=\'<script>alert(2)</script> \x1b[31m\x07\ufffe {_TREKKING}'
TITEL = "titel\n==========\n\n.. raw:: html\n\n   <script>alert(3)</script>\n\n`a`_ *b* |c| [d]_ \x1b\x0c"
TEKST = 'tekst <img src=x onerror="alert(4)"> \x1b[2J & &amp; \ufeff\u202egnirts'
CASUS = "casus\x1b[1A\n" + LABEL

_CONF = """extensions = ["meerzorg_law.sphinxext"]
language = "nl"
meerzorg_regeling = "regeling"
meerzorg_casussen = ["gevallen"]
meerzorg_genereer_paginas = True
"""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, k, v) for k, v in attrs]
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sphinx.cmd.build import build_main

    src = tmp_path_factory.mktemp("site")
    (src / "conf.py").write_text(_CONF, encoding="utf-8")
    (src / "index.rst").write_text("Aanval\n======\n\n.. toctree::\n\n   _generated/versies\n", encoding="utf-8")
    schrijf_regeling(src / "regeling", label=LABEL, titel=TITEL, tekst=TEKST)
    (src / "gevallen").mkdir()
    import json

    (src / "gevallen" / "c.yaml").write_text(
        "casussen:\n  - naam: " + json.dumps(CASUS) + "\n    feiten: {uren: 12}\n    verwacht:\n"
        "      a-1: {recht: waar}\n", encoding="utf-8")
    out = src / "_build"
    assert build_main(["-q", "-E", "-b", "html", str(src), str(out)]) == 0
    return out


def test_no_injection_anywhere_on_the_site(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 4
    seen_label = False
    for page in pages:
        html = page.read_text(encoding="utf-8")
        seen_label |= "onmouseover=&quot;alert(1)&quot;" in html or "onmouseover=&#34;alert(1)&#34;" in html
        parser = _Tags()
        parser.feed(html)
        injected = [(t, k) for t, k, _ in parser.attributes if k.startswith("on") or "<" in k or "script" in k]
        assert not injected, (page, injected)
        assert not any("alert(" in s for s in parser.scripts), page
        assert "<hr" not in html, page  # the "==========" line of a titel is not a transition
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202e]", html), page
    assert seen_label  # the label is on the site, shown as text
