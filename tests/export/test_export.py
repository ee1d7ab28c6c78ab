"""meerzorg export on the complete second variant (tests/workflow/variant): the files are read back. The
wijzigingsregeling's text equals the model; accepting every tracked change of the renvooi gives the new
version's text and rejecting every change the old one; gegevens changes are in the renvooi; the PDFs open."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from meerzorg_law.cases.project import load_project
from meerzorg_law.cli import main
from meerzorg_law.document import build_act, build_amendment
from meerzorg_law.document.formats import Blok, TekstFormat
from meerzorg_law.export.docx import DocxFormat
from meerzorg_law.export.write import export_versie, vergelijking_rijen
from meerzorg_law.syntax import ast

VARIANT = Path(__file__).resolve().parents[1] / "workflow" / "variant"
ID = "rlz-2027-mantelzorg"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

try:
    import weasyprint  # noqa: F401
    PDF_REDEN = ""
except (ImportError, OSError) as err:  # WeasyPrint needs the system's Pango (see .ci/run)
    PDF_REDEN = f"WeasyPrint kan niet laden: {err}"


@pytest.fixture(scope="module")
def uit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = load_project(VARIANT, [VARIANT / "casussen.yaml"])
    assert project.ok
    folder = tmp_path_factory.mktemp("export")
    export_versie(project.bundle, project.cases, ID, folder, pdf=not PDF_REDEN)
    return folder


def _project() -> tuple[ast.Wijzigingsregeling, ast.Regeling, ast.Regeling, list[list[str]]]:
    project = load_project(VARIANT, [VARIANT / "casussen.yaml"])
    doc = project.bundle.documents[ID]
    assert isinstance(doc, ast.Wijzigingsregeling)
    rows = vergelijking_rijen(project.bundle, project.cases, ID)
    return doc, project.bundle.consolidated["rlz-2026"], project.bundle.consolidated[ID], rows


def _tekst(b: Blok) -> str:
    return "".join(r.tekst + (str(r.noot) if r.noot else "") for r in b.runs if r.soort != "weg")


def test_the_wijzigingsregeling_reads_back_as_the_model(uit: Path) -> None:
    doc, _, _, rows = _project()
    project = load_project(VARIANT, [VARIANT / "casussen.yaml"])
    model = build_amendment(doc, project.bundle.consolidated, project.bundle.bronnen)
    word = Document(str(uit / f"{ID}-wijzigingsregeling.docx"))
    texts = [p.text for p in word.paragraphs]
    blokken = [b for b in DocxFormat().blokken(model) if b.stijl not in ("pagina", "tabel")]
    assert texts == [_tekst(b) for b in blokken] + ["Gevolgen voor de casussen"]
    # Laid out as a ministeriële regeling: opschrift, aanhef, Artikel I with A, B, ..., Artikel II, toelichting.
    for stuk in ("Gelet op artikel 3.1.1, tweede lid, van de Wet langdurige zorg;", "Besluit:", "Artikel I", "A",
                 "E", "Artikel II", "Toelichting",
                 "Artikel 5.5, tweede lid, vervalt, onder vernummering van het derde lid tot tweede lid.",
                 "Na artikel 2.2, eerste lid, wordt een lid ingevoegd, luidende:"):
        assert stuk in texts, stuk
    assert texts.index("Artikel I") < texts.index("Artikel II") < texts.index("Toelichting")
    assert any(t.startswith("In artikel 2.2, eerste lid, onderdeel e, wordt “ten minste 25% hoger” vervangen")
               for t in texts)
    # The outcome comparison is a table in the toelichting, the same rows as the CSV.
    table = [[c.text for c in r.cells] for r in word.tables[0].rows]
    assert table == rows and len(rows) == 7
    with (uit / f"{ID}-casussen.csv").open(encoding="utf-8") as f:
        assert list(csv.reader(f, delimiter=";")) == rows


def _paragraphs(docx: Path) -> list[etree._Element]:
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return list(root.iter(f"{W}p"))


def _paragraphs_of(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def _lid_5_5_3() -> str:
    """Artikel 5.5, derde lid, of the base: the lid that moves up when the second lapses."""
    _, oud, _, _ = _project()
    artikel = next(a for a in oud.alle_artikelen() if a.nummer == "5.5")
    return " ".join(artikel.leden[2].tekst.split())


def _tekst_renvooi() -> str:
    project = load_project(VARIANT, [VARIANT / "casussen.yaml"])
    b = project.bundle
    return str(TekstFormat(renvooi=True).render(build_act(ID, b.consolidated, b.bronnen, "rlz-2026")))


def _resolve(p: etree._Element, accept: bool) -> str | None:
    """The text of one paragraph after accepting (or rejecting) every tracked change; None if it goes away."""
    drop = f"{W}del" if accept else f"{W}ins"
    mark = p.find(f"{W}pPr/{W}rPr/{drop}")
    parts = []
    for t in p.iter(f"{W}t", f"{W}delText"):
        inside = {a.tag for a in t.iterancestors() if a.tag in (f"{W}ins", f"{W}del")}
        if drop not in inside:
            parts.append(t.text or "")
    text = "".join(parts)
    return None if mark is not None and not text else text


def test_accepting_every_tracked_change_gives_the_new_version(uit: Path) -> None:
    paragraphs = _paragraphs(uit / f"{ID}-renvooi.docx")
    accepted = [t for t in (_resolve(p, True) for p in paragraphs) if t is not None]
    rejected = [t for t in (_resolve(p, False) for p in paragraphs) if t is not None]
    # The regeling comes first; the annex on the gegevens follows it.
    bijlage = "Bijlage bij de renvooi: de gegevens van het model"
    assert accepted[-1] != bijlage and rejected[-1] != bijlage
    project = load_project(VARIANT, [VARIANT / "casussen.yaml"])
    b = project.bundle
    for tekst, versie in ((accepted, ID), (rejected, "rlz-2026")):
        los = _paragraphs_of(DocxFormat().render(build_act(versie, b.consolidated, b.bronnen)))
        assert tekst[:tekst.index(bijlage)] == los


def test_the_renvooi_marks_real_changes_and_gegevens(uit: Path) -> None:
    with zipfile.ZipFile(uit / f"{ID}-renvooi.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    root = etree.fromstring(xml.encode("utf-8"))
    inserted = "".join(t.text or "" for i in root.iter(f"{W}ins") for t in i.iter(f"{W}t"))
    deleted = "".join(t.text or "" for d in root.iter(f"{W}del") for t in d.iter(f"{W}delText"))
    assert "mantelzorg_overbelast" in inserted and "mantelzorg_uren_per_week" in inserted  # gegevens
    assert "20%" in inserted and "bijzondere situatie thuis" in inserted
    assert "Algemene Wet Bijzondere Ziektekosten" in deleted  # the lapsed lid
    assert all(e.get(f"{W}author") == "meerzorg" for e in root.iter(f"{W}ins", f"{W}del"))
    # The lapsed lid is struck through in full, the renumbered one shown as moved (its number changes).
    renvooi = _tekst_renvooi()
    assert "[-2. Het eerste lid is niet van toepassing op de verzekerde die onmiddellijk voorafgaand" in renvooi
    assert f"[-3. -]{{+2. +}}{_lid_5_5_3()[:60]}" in renvooi


def test_the_lapsed_lid_is_one_deleted_paragraph_and_the_next_one_moves(uit: Path) -> None:
    """Artikel 5.5: the old second lid a deleted paragraph with its whole text, the old third lid its number
    struck and the new one inserted, its text untouched (not a word diff of the two leden)."""
    paragraphs = _paragraphs(uit / f"{ID}-renvooi.docx")
    weg = [p for p in paragraphs if p.find(f"{W}pPr/{W}rPr/{W}del") is not None
           and "".join(t.text or "" for t in p.iter(f"{W}delText")).startswith("2. Het eerste lid is niet")]
    assert len(weg) == 1 and not list(weg[0].iter(f"{W}t"))
    volgende = paragraphs[paragraphs.index(weg[0]) + 1]
    assert [(c.tag, "".join(t.text or "" for t in c.iter(f"{W}t", f"{W}delText"))) for c in volgende
            if c.tag in (f"{W}ins", f"{W}del")] == [(f"{W}del", "3. "), (f"{W}ins", "2. ")]
    assert "".join(t.text or "" for t in volgende.iter(f"{W}t")) == f"2. {_lid_5_5_3()}"


@pytest.mark.skipif(bool(PDF_REDEN), reason=PDF_REDEN or "-")
def test_both_pdfs_are_written(uit: Path) -> None:
    for naam in ("wijzigingsregeling", "renvooi"):
        data = (uit / f"{ID}-{naam}.pdf").read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") and len(data) > 5000


def test_cli_export_and_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--regeling", str(VARIANT), "export", ID, str(VARIANT / "casussen.yaml"), "--uit", str(tmp_path),
            "--geen-pdf"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"{ID}-renvooi.docx" in out and "bijgehouden wijzigingen" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == [".meerzorg-uitvoer.json", f"{ID}-casussen.csv",
                                                          f"{ID}-renvooi.docx", f"{ID}-wijzigingsregeling.docx"]
    assert main(["--regeling", str(VARIANT), "export", "rlz-2026", str(VARIANT / "casussen.yaml"),
                 "--uit", str(tmp_path)]) == 2
    assert "rlz-2026 is geen wijzigingsregeling" in capsys.readouterr().err
    bestand = tmp_path / "bestand"
    bestand.write_text("x", encoding="utf-8")
    assert main(["--regeling", str(VARIANT), "export", ID, str(VARIANT / "casussen.yaml"), "--uit", str(bestand)]) == 2
    assert "dat is een bestand, geen map" in capsys.readouterr().err


def test_nieuw_variant_starts_a_variant_that_runs_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mijn-variant"
    assert main(["nieuw", "variant", "rlz-2027-proef", "--basis", "rlz-2026", "--uit", str(folder)]) == 0
    assert "rlz-2027-proef.rgl" in capsys.readouterr().out
    assert sorted(p.name for p in folder.iterdir()) == ["casussen.yaml", "rlz-2027-proef.rgl"]
    tekst = (folder / "rlz-2027-proef.rgl").read_text(encoding="utf-8")
    for stuk in ("wijzigingsregeling \"Regeling van de Minister", "versie rlz-2027-proef variant", "basis rlz-2026",
                 "aanhef \"Gelet op", "Artikel I", "Artikel II", "toelichting", "1 januari 2027"):
        assert stuk in tekst, stuk
    # The skeleton is a valid variant; its cases run on the base and on the variant.
    project = load_project(folder, [folder / "casussen.yaml"])
    assert project.ok, [d.message for d in project.diagnostics if d.is_error]
    assert {e.versie for c in project.cases for e in c.verwacht} == {"rlz-2026", "rlz-2027-proef"}
    assert len(project.cases) >= 50
    # The variant's expectations wait for review ('te herzien'), so the run says so and does not pass yet.
    assert main(["--regeling", str(folder), "test", str(folder / "casussen.yaml")]) == 1
    capsys.readouterr()
    # Bad input: a name that is no version id, an unknown base, a folder that already holds the files.
    assert main(["nieuw", "variant", "Mijn Variant", "--basis", "rlz-2026", "--uit", str(tmp_path / "x")]) == 2
    assert "geen geldige versie-id" in capsys.readouterr().err
    assert main(["nieuw", "variant", "rlz-2027-x", "--basis", "rlz-2099", "--uit", str(tmp_path / "x")]) == 2
    assert "versie 'rlz-2099' bestaat niet" in capsys.readouterr().err
    assert main(["nieuw", "variant", "rlz-2027-proef", "--basis", "rlz-2026", "--uit", str(folder)]) == 2
    assert "bestaat al" in capsys.readouterr().err
