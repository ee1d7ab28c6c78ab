"""render.lezing: the sentence structure every back end renders, and the clause in both word orders."""

from __future__ import annotations

from meerzorg_law import ir
from meerzorg_law.render.lezing import Bijzin, Lezing, Samen, Zin, zin_clause
from meerzorg_law.span import Span

SPAN = Span("t.rgl", 1, 1, 1, 1)


def test_a_clause_in_both_word_orders() -> None:
    b = Bijzin("de verzekerde", "ontvangt", "zorg thuis")
    assert b.hoofd() == "de verzekerde ontvangt zorg thuis"
    assert b.bij() == "de verzekerde zorg thuis ontvangt"
    assert b.inversie() == "ontvangt de verzekerde zorg thuis"
    # a separable verb joins its particle at the end of a subordinate clause
    assert Bijzin("het zorgprofiel", "sluit", "een budget uit").bij() == "het zorgprofiel een budget uitsluit"


def test_negation_is_declared_or_niet_after_the_verb_never_niet_geen() -> None:
    declared = ir.Zin("geen andere regeling [voorziet] in de zorgbehoefte",
                      "een andere regeling [voorziet] in de zorgbehoefte", SPAN)
    assert zin_clause(declared, True).bij() == "een andere regeling in de zorgbehoefte voorziet"
    plain = ir.Zin("de aanvraag [is] vóór 2027 ingediend", "", SPAN)
    assert zin_clause(plain, True).hoofd() == "de aanvraag is niet vóór 2027 ingediend"
    een = ir.Zin("de verzekerde [is] een kind", "", SPAN)
    assert zin_clause(een, True).hoofd() == "de verzekerde is geen kind"


def test_combinations_bracket_only_what_is_nested() -> None:
    a, b, c = (Bijzin(x, "geldt", "") for x in "abc")
    assert Samen("of", (Samen("en", (a, b)), c)).bij() == "(a geldt en b geldt) of c geldt"


def test_text_and_html_render_the_same_words_and_html_is_escaped() -> None:
    lezing = Lezing((Zin("Als <a> & b:", ("een", "twee")), Zin("Klaar.")))
    assert lezing.tekst() == "Als <a> & b:\n- een;\n- twee.\nKlaar."
    assert lezing.html() == "<p>Als &lt;a&gt; &amp; b:</p><ul><li>een;</li><li>twee.</li></ul><p>Klaar.</p>"
    assert lezing.sentences() == ["Als <a> & b:", "een", "twee", "Klaar."]
