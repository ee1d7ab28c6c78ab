"""A rule "in afwijking van artikel X" says so in its reading, naming X by its absolute citation (also where the
rule language wrote "in afwijking van eerste lid"), and the site links those words to X."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx import addnodes

from meerzorg_law import ir
from meerzorg_law.render.lezingen import regel_lezing
from meerzorg_law.render.rule_text import regels_van
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.sphinxext.basis import bepaling_naam
from meerzorg_law.sphinxext.regelblok import lezing_nodes

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def versies() -> dict[str, ir.Regeling]:
    bundle = load_bundle(ROOT / "regeling")
    assert bundle.ok, bundle.diagnostics
    return bundle.versions


def _afwijkende(versies: dict[str, ir.Regeling]) -> list[tuple[str, ir.Regeling, tuple[ir.Rule, ...]]]:
    out = []
    for vid, reg in versies.items():
        for p in reg.provisions:
            out += [(vid, reg, rules) for rules in regels_van(reg, p.ref) if rules[0].exception_to]
    return out


def test_every_derogating_rule_names_what_it_derogates_from(versies: dict[str, ir.Regeling]) -> None:
    afwijkend = _afwijkende(versies)
    # rlz-2027 has two: artikel 2.2, derde lid (written "in afwijking van eerste lid") and artikel 2.2a
    assert {(vid, rules[0].provision.citeer()) for vid, _, rules in afwijkend} >= {
        ("rlz-2027", "artikel 2.2, derde lid"), ("rlz-2027", "artikel 2.2a, eerste lid")}
    for vid, reg, rules in afwijkend:
        lezing = regel_lezing(reg, rules)
        zin = next((z for z in lezing.zinnen if "in afwijking van" in z.tekst), None)
        assert zin is not None, (vid, lezing.tekst())
        for ref in rules[0].exception_to:
            assert ref.citeer().startswith(("artikel ", "bijlage ")), ref.citeer()
            assert ref.citeer() in zin.tekst, zin.tekst
        assert zin.verwijzingen == rules[0].exception_to


def test_the_site_links_the_provision_derogated_from(versies: dict[str, ir.Regeling]) -> None:
    vid, reg, rules = next(x for x in _afwijkende(versies) if x[0] == "rlz-2027")
    lezing = regel_lezing(reg, rules)
    xrefs = [x for n in lezing_nodes(lezing, vid) for x in n.findall(addnodes.pending_xref)]
    ref = rules[0].exception_to[0]
    assert any(bepaling_naam(ref) in x["reftarget"] and x.astext() == ref.citeer() for x in xrefs), xrefs
    # without a version (a page that cannot link) the same words, unlinked
    assert not [x for n in lezing_nodes(lezing) for x in n.findall(addnodes.pending_xref)]
    assert "".join(n.astext() for n in lezing_nodes(lezing, vid)) == \
        "".join(n.astext() for n in lezing_nodes(lezing))
