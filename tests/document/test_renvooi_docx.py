"""The renvooi .docx of every consolidation case in tests/versions/good (together every kind of instruction,
lapsed and renumbered provisions and changed table rows included): accepting every tracked change gives the
new version's document paragraph for paragraph, rejecting every change the old one."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from meerzorg_law.document import build_act
from meerzorg_law.export.docx import DocxFormat
from meerzorg_law.syntax import ast
from meerzorg_law.syntax.parse import parse_file
from meerzorg_law.versions.consolidate import consolidate

GOOD = Path(__file__).resolve().parents[1] / "versions" / "good"
BASIS = GOOD / "basis.rgl"
FILES = sorted(p for p in GOOD.glob("*.rgl") if p != BASIS and not p.name.endswith(".expected.rgl"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraphs(data: bytes, keep: str | None) -> list[str]:
    """Paragraph texts after accepting (keep="nieuw") or rejecting (keep="weg") every change; None: as is."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    drop = {"nieuw": f"{W}del", "weg": f"{W}ins"}.get(keep or "", "")
    out = []
    for p in root.iter(f"{W}p"):
        row = next((a for a in p.iterancestors(f"{W}tr")), None)
        if drop and row is not None and row.find(f"{W}trPr/{drop}") is not None:
            continue
        parts = [t.text or "" for t in p.iter(f"{W}t", f"{W}delText")
                 if drop not in {a.tag for a in t.iterancestors()}]
        if drop and p.find(f"{W}pPr/{W}rPr/{drop}") is not None and not "".join(parts):
            continue
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_accept_and_reject_give_both_versions(path: Path) -> None:
    basis, _ = parse_file(str(BASIS))
    doc, _ = parse_file(str(path))
    assert isinstance(basis, ast.Regeling) and isinstance(doc, ast.Wijzigingsregeling)
    nieuw, _ = consolidate(basis, doc)
    assert nieuw is not None
    versies = {"rlz-2026": basis, "rlz-2027": nieuw}
    renvooi = DocxFormat(renvooi=True).render(build_act("rlz-2027", versies, {}, "rlz-2026"))
    assert _paragraphs(renvooi, "nieuw") == _paragraphs(DocxFormat().render(build_act("rlz-2027", versies, {})),
                                                         None)
    assert _paragraphs(renvooi, "weg") == _paragraphs(DocxFormat().render(build_act("rlz-2026", versies, {})),
                                                      None)
