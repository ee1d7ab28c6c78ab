"""One citation of a provision ("artikel 2.2, eerste lid, onderdeel a"): span.citeer, used by messages, the site
headings, the wijzigingsregeling's sentences, the reference checker and the printer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meerzorg_law.document.wording import citeer as wording_citeer
from meerzorg_law.span import ProvisionRef, citeer
from meerzorg_law.sphinxext.artikel import kop_van
from meerzorg_law.syntax._dsl import _verwijzing
from meerzorg_law.syntax.formules import Aanhaling, Omgeving, _cite
from meerzorg_law.versions.references import woorden

_refs = st.builds(
    ProvisionRef,
    artikel=st.sampled_from(["1.1", "2.2", "5.5", "II"]),
    lid=st.sampled_from(["", "1", "2", "3", "2a"]),
    onderdeel=st.sampled_from(["", "a", "e"]),
    subonderdeel=st.sampled_from(["", "1°", "4°"]),
).filter(lambda r: not r.subonderdeel or r.onderdeel)


@pytest.mark.parametrize(("ref", "binnen", "expected"), [
    (ProvisionRef("2.2", "1", "a"), "", "artikel 2.2, eerste lid, onderdeel a"),
    (ProvisionRef("2.2", "1", "a"), "2.2", "het eerste lid, onderdeel a"),
    (ProvisionRef("2.2", "1", "a"), "2.3", "artikel 2.2, eerste lid, onderdeel a"),
    (ProvisionRef("1.1", "", "e", "4°"), "", "artikel 1.1, onderdeel e, onder 4°"),
    (ProvisionRef("1.1", "", "e", "4°"), "1.1", "onderdeel e, onder 4°"),
    (ProvisionRef("2.2", "2a"), "2.2", "lid 2a"),
    (ProvisionRef("II", "2"), "", "artikel II, tweede lid, van de wijzigingsregeling"),
    (ProvisionRef(bijlage="A"), "", "bijlage A"),
])
def test_citations(ref: ProvisionRef, binnen: str, expected: str) -> None:
    assert citeer(ref, binnen, onder=True) == expected


@given(_refs, st.booleans())
def test_every_place_cites_through_the_one_function(ref: ProvisionRef, relatief: bool) -> None:
    binnen = ref.artikel if relatief else ""
    assert ref.citeer() == str(ref) == citeer(ref)
    assert wording_citeer is citeer
    assert woorden(ref, relatief) == citeer(ref, binnen, onder=True)
    aanhaling = _cite(ref, Omgeving(binnen), True)[0]  # the wijzigingsformules (document and derivation)
    assert isinstance(aanhaling, Aanhaling) and aanhaling.tekst == citeer(ref, binnen, onder=True)
    assert _verwijzing(ref) == citeer(ref, onder=True, zelfstandig=False)
    kop = kop_van(ref)
    assert kop[0].isupper() and kop.lower() == citeer(ref, ref.artikel).removeprefix("het ").lower()


@given(_refs)
def test_relative_is_the_absolute_without_the_artikel(ref: ProvisionRef) -> None:
    absoluut = citeer(ref, onder=True, zelfstandig=False)
    relatief = citeer(ref, ref.artikel, onder=True, zelfstandig=False)
    if ref.lid or ref.onderdeel:
        assert absoluut.startswith(f"artikel {ref.artikel}, ")
        assert relatief.removeprefix("het ") == absoluut.removeprefix(f"artikel {ref.artikel}, ")
    else:
        assert relatief == absoluut == f"artikel {ref.artikel}"
    assert citeer(ref, ref.artikel, True, onder=True)[0].isupper()


@pytest.mark.parametrize("term", ["zorg thuis", "telbare zorgbehoefte"])
def test_a_begrip_is_cited_by_its_term_everywhere(term: str) -> None:
    """A begrip of a begrippenlijst goes through the same function: absolute in messages and references, relative
    inside its artikel, its term quoted as each output quotes (straight, the legal text's ‘…’, the DSL's string)."""
    ref = ProvisionRef("1.1", begrip=term)
    absoluut = f"artikel 1.1, begripsomschrijving van '{term}'"
    assert ref.citeer() == citeer(ref) == absoluut
    assert citeer(ref, "1.1", True) == f"De begripsomschrijving van '{term}'"
    assert citeer(ref, "2.2") == absoluut  # another artikel's text cites it in full
    assert citeer(ref, "1.1", term="‘{}’".format) == f"de begripsomschrijving van ‘{term}’"
    assert woorden(ref, False) == woorden(ref, True) == absoluut
    assert _verwijzing(ref) == f'artikel 1.1, begripsomschrijving van "{term}"'
    assert kop_van(ref) == f"Begrip ‘{term}’"
