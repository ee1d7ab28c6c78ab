"""The rekenhulp's questions and version titles, made from the IR: plain questions, no identifiers."""

from __future__ import annotations

from meerzorg_law.javascript import feiten_van
from meerzorg_law.sphinxext.rekenhulp import versie_titel, vraagzin
from meerzorg_law.sphinxext.sitedata import laad_regeling


def test_questions_come_from_the_declared_clauses() -> None:
    reg = laad_regeling("").bundle.versions["rlz-2027"]
    vragen = {name: vraagzin(reg.facts[name]) for name in feiten_van(reg)}
    assert vragen["best_passend_zorgprofiel"] == "Is het zorgprofiel het best passende zorgprofiel?"
    assert vragen["bijzondere_zorgbehoefte"] == "Gaat de zorgvraag volgens het zorgkantoor het zorgprofiel te boven?"
    assert vragen["leeftijd"] == "Wat is de leeftijd van de verzekerde?"
    for name, vraag in vragen.items():
        assert vraag.endswith("?") and vraag[0].isupper(), vraag
        assert "[" not in vraag and "_" not in vraag, (name, vraag)


def test_versions_go_by_their_titles() -> None:
    data = laad_regeling("")
    titels = [versie_titel(data, vid) for vid in data.versie_ids]
    assert len(set(titels)) == len(titels)
    assert titels[0].startswith("De regels van nu")
    assert any(t.startswith("Het voorstel vanaf 1 januari 2027") for t in titels)
    for vid, titel in zip(data.versie_ids, titels, strict=True):
        assert vid not in titel
