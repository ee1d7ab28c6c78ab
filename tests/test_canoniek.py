"""The canonical text of values (``meerzorg_law.canoniek``): the key of the site's fingerprints, the case results
kept between builds and the proofs kept after a reworded lid. Its exact form is pinned here: a change of form is
harmless but makes every kept result stale, so it should be a decision, not an accident of a rewrite."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

from meerzorg_law.canoniek import PROZA, canoniek, hash_van
from meerzorg_law.span import ProvisionRef, Span
from meerzorg_law.types import TypeKind


def test_the_form_of_the_text() -> None:
    span = Span("r.rgl", 3, 1, 4, 9, ProvisionRef("2"))
    waarde = {"a": (1, "x", None, True), "b": frozenset({"q", "p"}), "c": [Decimal("1.5"), Fraction(1, 3)],
              "d": datetime.date(2027, 1, 1), "e": TypeKind.GELD, "f": span}
    assert canoniek(waarde) == (
        "{str:'a';:[int:1;str:'x';NoneType:None;bool:True;]str:'b';:{str:'p';,str:'q';}"
        "str:'c';:[Decimal:Decimal('1.5');Fraction:Fraction(1, 3);]str:'d';:date:datetime.date(2027, 1, 1);"
        "str:'e';:TypeKind:<TypeKind.GELD: 'geld'>;str:'f';:Span(r.rgl;ProvisionRef(artikel=str:'2';lid=str:'';"
        "onderdeel=str:'';subonderdeel=str:'';bijlage=str:'';begrip=str:'';))}")
    assert canoniek(span, regels=True).startswith("Span(r.rgl;3,1,4,9;ProvisionRef(")


def test_equal_values_give_equal_texts_and_left_out_fields_are_left_out() -> None:
    assert canoniek({"b", "a", "c"}) == canoniek({"c", "a", "b"})
    assert canoniek(Span("r.rgl", 3, 1, 3, 9, ProvisionRef("2"))) == canoniek(Span("r.rgl", 9, 2, 9, 3,
                                                                                     ProvisionRef("2")))
    ref = ProvisionRef("2", "1")
    # One class under two sets of left-out fields in one process: what one call leaves out is not the other's.
    zonder_lid = canoniek(ref, frozenset({"ProvisionRef.lid"}))
    assert "lid=" not in zonder_lid and "artikel=" in zonder_lid
    assert "lid=str:'1';" in canoniek(ref) and "lid=" not in canoniek(ref, frozenset({"ProvisionRef.lid"}))
    assert "Provision.tekst" in PROZA
    assert hash_van("a", {"x"}) == hash_van("a", {"x"}) != hash_van("a", {"y"})
