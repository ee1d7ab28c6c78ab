"""Herkomst follows instructions (versions.herkomst): what a wijziging brings in is a voorstel, word for word
inside a substituted lid; the official-text count of ``check`` and every badge follow.

The variant in volgt/ changes the beleid term of three years into five ("met regels:" brings the new begrip)
and substitutes three words in an officieel lid of the unchanged bundled rlz-2026."""

from __future__ import annotations

from pathlib import Path

import pytest

from meerzorg_law.cli import main
from meerzorg_law.render.herkomst import badge
from meerzorg_law.semantics.bronnen import herkomst_telling
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.span import NO_SPAN, ProvisionRef, Span
from meerzorg_law.syntax import ast
from meerzorg_law.versions.herkomst import vervangen

HERE = Path(__file__).parent / "volgt"
ID = "rlz-2028-vijf-jaar"


def test_uitleg_no_longer_calls_the_new_term_policy_of_the_zorgkantoren(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--regeling", str(HERE), "uitleg", str(HERE / "casussen.yaml"), "--versie", ID]) == 0
    out = capsys.readouterr().out
    regels = out.splitlines()
    [i] = [i for i, r in enumerate(regels) if r.strip().startswith("De maximale duur van een besluit")]
    assert regels[i].strip() == "De maximale duur van een besluit meer zorg in jaren: 5 (artikel 2.2, vierde lid)."
    assert regels[i + 1].strip() == "Herkomst: voorstel."  # the herkomst on a line of its own since issue 22


def test_substituted_words_are_a_voorstel_and_no_longer_official_text() -> None:
    bundle = load_bundle(HERE)
    assert bundle.ok, [d.message for d in bundle.diagnostics if d.is_error]
    voor, na = herkomst_telling(bundle.versions["rlz-2026"]), herkomst_telling(bundle.versions[ID])
    # "zorgzwaartepakket 4 LVG" (3 words) leaves the officieel lid; with "vijf jaar" 5 words are a voorstel.
    assert na["officieel"] == (voor["officieel"][0], voor["officieel"][1] - 3)
    assert na["beleid"] == (voor["beleid"][0], voor["beleid"][1] - 2)
    assert na["voorstel"] == (0, 5)
    lid = next(p for p in bundle.versions[ID].provisions if p.ref == ProvisionRef("2.2", "4"))
    assert lid.herkomst is not None and lid.herkomst.soort == "beleid"
    assert [(d.woorden, d.soort) for d in lid.herkomst.delen] == [("vijf jaar", "voorstel")]
    assert lid.tekst[lid.herkomst.delen[0].begin:lid.herkomst.delen[0].eind] == "vijf jaar"
    assert badge(lid.herkomst, bundle.versions[ID].bronnen) == \
        "beleid van de zorgkantoren; gewijzigd: \u201cvijf jaar\u201d (voorstel)"
    assert bundle.versions[ID].definitions["maximale_duur"].herkomst is not None
    assert bundle.versions[ID].definitions["maximale_duur"].herkomst.soort == "voorstel"
    # The begrip of the base keeps its own herkomst (a keuze on the term of three years).
    basis = bundle.versions["rlz-2026"].definitions["maximale_duur"].herkomst
    assert basis is not None and basis.soort != "voorstel"


def test_earlier_substituted_words_move_with_the_text_or_go_when_replaced() -> None:
    eerste, tweede = Span("a.rgl", 1, 1, 1, 1), Span("b.rgl", 1, 1, 1, 1)
    h = ast.Herkomst("officieel", ("x",), "", (), NO_SPAN)
    tekst = "een termijn van drie jaar voor de verzekerde"
    h1 = vervangen(h, tekst, "drie jaar", "vijf jaar", eerste)
    assert h1 is not None and [(d.begin, d.eind, d.woorden) for d in h1.delen] == [(16, 25, "vijf jaar")]
    tekst1 = tekst.replace("drie jaar", "vijf jaar")
    h2 = vervangen(h1, tekst1, "een termijn", "de langste termijn", tweede)
    assert h2 is not None
    assert [(d.woorden, d.span.file) for d in h2.delen] == [("de langste termijn", "b.rgl"), ("vijf jaar", "a.rgl")]
    h3 = vervangen(h2, tekst1.replace("een termijn", "de langste termijn"), "vijf jaar", "zes jaar", tweede)
    assert h3 is not None and [d.woorden for d in h3.delen] == ["de langste termijn", "zes jaar"]
    # A provision that is a voorstel as a whole needs no word-level record.
    voorstel = ast.Herkomst("voorstel", (), "", (), NO_SPAN)
    assert vervangen(voorstel, tekst, "drie", "vijf", eerste) is voorstel
