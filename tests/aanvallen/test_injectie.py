"""Injection: a label, titel or tekst never becomes markup in the SVG, the site's reST or the terminal."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from meerzorg_law.render.beslispad import beslispad_svg
from meerzorg_law.semantics.pipeline import load_bundle

from .conftest import schrijf_regeling

AANVAL = 'x" onmouseover="alert(1)'


def test_quote_in_outcome_label_stays_in_the_svg_attribute(tmp_path: Path) -> None:
    bundle = load_bundle(schrijf_regeling(tmp_path, label=AANVAL))
    assert bundle.ok, bundle.diagnostics
    svg = beslispad_svg(bundle.versions["a-1"], "reden")
    root = ElementTree.fromstring(svg)
    assert set(root.attrib) == {"viewBox", "width", "height", "role", "aria-label"}
    assert root.attrib["aria-label"] == f"Beslispad: {AANVAL}"
    assert not re.search(r'\sonmouseover="', svg)
