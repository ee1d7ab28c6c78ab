"""``meerzorg export``: write every document of one wijzigingsregeling into a folder.

``{versie}-wijzigingsregeling.docx`` (the proposal as circulated), ``{versie}-renvooi.docx`` (the consolidated
regeling with tracked changes against its basis, the gegevens in an annex at the end), both again as PDF
(WeasyPrint), and ``{versie}-casussen.csv`` (the outcome comparison, also a table in the toelichting). All are
formats of the document model (``document/``); ``--formaat akn`` writes Akoma Ntoso instead.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from .. import ir
from ..cases.model import Case
from ..compare.outcomes import CaseComparison, compare_cases
from ..document import build_act, build_amendment
from ..document.formats import Blok, Generator, Run
from ..document.gegevens import gegevens_blokken
from ..output import OutputError, check_writable, write_bytes_atomic, write_text_atomic
from ..render.lezingen import versienamen
from ..render.waarom import uitkomst_stelling, verandering
from ..semantics.pipeline import Bundle
from ..syntax import ast
from ..values import Value
from .docx import DocxFormat
from .html import HtmlFormat

__all__ = ["bestandsnamen", "export_akn", "export_versie", "vergelijking_rijen", "verwacht_cel"]

DOCX_SET = ("wijzigingsregeling.docx", "renvooi.docx", "casussen.csv", "wijzigingsregeling.pdf", "renvooi.pdf")
AKN_SET = ("regeling.akn.xml", "wijzigingsregeling.akn.xml")


def bestandsnamen(versie: str, formaat: str, pdf: bool = True, wijziging: bool = True) -> list[str]:
    """The names the export of ``versie`` in ``formaat`` ("docx" or "akn") writes, known before any work."""
    if formaat == "akn":
        return [f"{versie}-{k}" for k in AKN_SET if wijziging or k == "regeling.akn.xml"]
    return [f"{versie}-{k}" for k in DOCX_SET if pdf or not k.endswith(".pdf")]


def vergelijking_rijen(bundle: Bundle, cases: Sequence[Case], versie: str) -> list[list[str]]:
    """The outcome comparison: a header and one row per case with an expectation for the basis or ``versie``.
    Outcomes are worded by the reading generator (``render.waarom``: the sentences of ``meerzorg uitleg``),
    versions by their names in words."""
    basis = bundle.consolidated[versie].basis
    mine = [c for c in cases if any(e.versie in (versie, basis) for e in c.verwacht)]
    namen = versienamen({v: bundle.versions[v] for v in (basis, versie)})
    wat = f"wat verandert {namen[versie]} (tegenover {namen[basis].removeprefix('in ')})"
    rows = [["casus", "gewijzigd", wat, "door", "verwacht"]]
    oud, nieuw = bundle.versions[basis], bundle.versions[versie]
    results, _ = compare_cases(oud, nieuw, mine)
    for r in results:
        rows.append([r.case.naam, *_cellen(oud, nieuw, namen, r),
                     verwacht_cel(r.case, versie, r.nieuw if r.fout is None else None, nieuw)])
    return rows


def verwacht_cel(case: Case, versie: str, uitkomst: dict[str, Value] | None, regeling: ir.Regeling) -> str:
    """Whether the case's expectation for ``versie`` holds: "klopt", "te herzien", "afwijkend, verwacht: ..."
    (what was expected, in the sentences of ``uitleg``), or "" when the case has none for it."""
    e = next((e for e in case.verwacht if e.versie == versie), None)
    if e is None:
        return ""
    if e.te_herzien:
        return "te herzien"
    if uitkomst is None:
        return "afwijkend: fout bij het beslissen"
    mis = [f"{uitkomst_stelling(regeling, n, v)}." for n, v in e.values.items() if uitkomst.get(n) != v]
    return f"afwijkend, verwacht: {' '.join(mis)}" if mis else "klopt"


def _cellen(oud: ir.Regeling, nieuw: ir.Regeling, namen: dict[str, str], r: CaseComparison) -> list[str]:
    if r.fout is not None:
        return ["fout", r.fout.message, ""]
    if not r.wijzigingen:
        return ["nee", "", ""]
    wat = " ".join(verandering(oud, nieuw, w.outcome, w.oud, w.nieuw, namen) for w in r.wijzigingen)
    door = "; ".join(dict.fromkeys(w.nieuw_door.citeer() if w.nieuw_door else "de standaardwaarde"
                                   for w in r.wijzigingen))
    return ["ja", wat, door]


def export_versie(bundle: Bundle, cases: Sequence[Case], versie: str, uit: Path,
                  pdf: bool = True) -> list[tuple[Path, str]]:
    """Write the documents of ``versie`` into ``uit``; returns (path, what it is) per file written."""
    doc = bundle.documents[versie]
    assert isinstance(doc, ast.Wijzigingsregeling)
    basis = bundle.consolidated[versie].basis
    rijen = vergelijking_rijen(bundle, cases, versie)
    amendment = build_amendment(doc, bundle.consolidated, bundle.bronnen)
    act = build_act(versie, bundle.consolidated, bundle.bronnen, basis)
    gegevens = gegevens_blokken(bundle.consolidated[basis], bundle.consolidated[versie])
    datum = f"{doc.geldig_vanaf.isoformat()}T00:00:00Z"

    def wijziging(fmt: Generator) -> list[Blok]:
        blokken = list(fmt.blokken(amendment))
        if len(rijen) > 1:
            blokken += [Blok("kop", (Run("Gevolgen voor de casussen"),)),
                        Blok("tabel", cellen=tuple(tuple((Run(c),) for c in r) for r in rijen))]
        return blokken

    def renvooi(fmt: Generator) -> list[Blok]:
        return [*fmt.blokken(act), *gegevens]
    paden = {k: uit / f"{versie}-{k}" for k in DOCX_SET}
    for p in paden.values():
        check_writable(p)
    out: list[tuple[Path, str]] = []
    docx = DocxFormat(titel=amendment.citeertitel, datum=datum)
    _schrijf(paden["wijzigingsregeling.docx"], docx.layout(wijziging(docx)))
    out.append((paden["wijzigingsregeling.docx"], "de wijzigingsregeling (Word)"))
    docx = DocxFormat(renvooi=True, titel=f"{act.titel} (renvooi)", datum=datum)
    _schrijf(paden["renvooi.docx"], docx.layout(renvooi(docx)))
    out.append((paden["renvooi.docx"], f"de regeling in renvooi tegen {basis}, met bijgehouden wijzigingen (Word)"))
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(rijen)
    write_text_atomic(paden["casussen.csv"], buf.getvalue())
    out.append((paden["casussen.csv"], f"de uitkomsten van {len(rijen) - 1} casussen vergeleken (CSV)"))
    if pdf:
        html = HtmlFormat()
        _schrijf(paden["wijzigingsregeling.pdf"], pdf_bytes(html.layout(wijziging(html))))
        out.append((paden["wijzigingsregeling.pdf"], "de wijzigingsregeling (PDF)"))
        html = HtmlFormat(renvooi=True)
        _schrijf(paden["renvooi.pdf"], pdf_bytes(html.layout(renvooi(html))))
        out.append((paden["renvooi.pdf"], "de regeling in renvooi (PDF)"))
    return out


def export_akn(bundle: Bundle, versie: str, uit: Path) -> list[tuple[Path, str]]:
    """Akoma Ntoso 3.0: the consolidated version as an ``act`` and, for a wijzigingsregeling, the
    wijzigingsregeling itself as a ``bill`` with its ``mod``s."""
    from ..document.akn import AknFormat

    doc = bundle.documents.get(versie)
    paden = [(uit / f"{versie}-regeling.akn.xml", f"versie {versie}, geconsolideerd (Akoma Ntoso, act)")]
    if isinstance(doc, ast.Wijzigingsregeling):
        paden.append((uit / f"{versie}-wijzigingsregeling.akn.xml", "de wijzigingsregeling (Akoma Ntoso, bill)"))
    for p, _ in paden:
        check_writable(p)
    _schrijf(paden[0][0], AknFormat().render(build_act(versie, bundle.consolidated, bundle.bronnen)))
    if isinstance(doc, ast.Wijzigingsregeling):
        _schrijf(paden[1][0], AknFormat().render(build_amendment(doc, bundle.consolidated, bundle.bronnen)))
    return paden


def pdf_bytes(html: str) -> bytes:
    """HTML -> PDF with WeasyPrint (it needs the system's Pango; a Dutch error says so when it is missing)."""
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as err:
        raise OutputError(f"PDF maken lukt niet: WeasyPrint of de systeembibliotheek Pango ontbreekt ({err}); "
                          "gebruik --geen-pdf") from None
    data: bytes = HTML(string=html).write_pdf()
    return data


def _schrijf(path: Path, data: bytes) -> None:
    """Bytes to ``path`` atomically (``output.write_bytes_atomic``)."""
    write_bytes_atomic(path, data)
