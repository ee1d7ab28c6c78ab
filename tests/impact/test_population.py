"""The synthetic population: the same for a seed, its shares those of the assumption file, its facts valid for
the regeling, defaults stated for what the file does not describe, and a bad file a Dutch error."""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
import pytest

from meerzorg_law import ir, values
from meerzorg_law.cases.load import parse_value
from meerzorg_law.cases.project import bundled_paths
from meerzorg_law.columnar import Columns, row_facts
from meerzorg_law.impact.assumptions import Assumptions, PopulatieFout, load_assumptions
from meerzorg_law.impact.population import Population
from meerzorg_law.semantics.pipeline import Bundle, load_bundle

N = 60_000
FILE = bundled_paths()[0] / "populatie.toml"
ASSUMPTIONS = load_assumptions(FILE)
FRAME = {"instelling": [0.85] * 3, "thuis": [0.70] * 3}


def _columns(reg: ir.Regeling, n: int, seed: int, a: Assumptions = ASSUMPTIONS,
             nieuw: ir.Regeling | None = None) -> Columns:
    chunks = list(Population(n, seed, a, reg, nieuw or reg).chunks())
    assert len(chunks) == 1
    return chunks[0].for_version(FRAME)


@pytest.fixture(scope="module")
def reg(bundle: Bundle) -> ir.Regeling:
    return bundle.versions["rlz-2026"]


@pytest.fixture(scope="module")
def cols(reg: ir.Regeling) -> Columns:
    return _columns(reg, N, 11)


def _share(cols: Columns, fact: str, value: str, mask: np.ndarray | None = None) -> float:
    code = cols.categories[fact].index(value)
    x = cols.data[fact] if mask is None else cols.data[fact][mask]
    return float((x == code).mean())


def test_same_seed_same_clients_other_seed_others(reg: ir.Regeling) -> None:
    a, b, c = _columns(reg, 500, 3), _columns(reg, 500, 3), _columns(reg, 500, 4)
    assert all(np.array_equal(a.data[k], b.data[k]) for k in a.data)
    assert not np.array_equal(a.data["uren_zorg_per_week"], c.data["uren_zorg_per_week"])


def test_profile_shares_follow_the_file(cols: Columns) -> None:
    shares = ASSUMPTIONS.section("zorgprofiel")
    total = sum(shares.values())
    for profiel, share in shares.items():
        assert abs(_share(cols, "zorgprofiel", profiel) - share / total) < 0.01, profiel
    assert _share(cols, "zorgprofiel", "VV4") == 0  # not in the file: does not occur


def test_delivery_form_and_special_situations(cols: Columns) -> None:
    vg8 = cols.data["zorgprofiel"] == cols.categories["zorgprofiel"].index("VG8")
    assert abs(_share(cols, "leveringsvorm", "pgb", vg8) - 0.30) < 0.02
    verblijf = cols.data["leveringsvorm"] == cols.categories["leveringsvorm"].index("verblijf")
    assert _share(cols, "bijzondere_situatie", "geen", verblijf) == 1.0
    child_home = ~verblijf & (cols.data["leeftijd"] < 18)
    assert abs(_share(cols, "bijzondere_situatie", "kind_thuis", child_home) - 0.90) < 0.03


def test_ages_and_hours(cols: Columns) -> None:
    lvg = np.isin(cols.data["zorgprofiel"], [cols.categories["zorgprofiel"].index(p) for p in ("LVG4", "LVG5")])
    assert cols.data["leeftijd"][lvg].min() >= 18 and cols.data["leeftijd"][lvg].max() <= 22
    total = cols.data["uren_zorg_per_week"] + cols.data["uren_toezicht_per_week"]
    assert (total % 900 == 0).all() and total.max() <= 168 * 3600  # uren in seconds: whole quarters, at most 168
    vg7 = cols.data["zorgprofiel"] == cols.categories["zorgprofiel"].index("VG7")
    factor = total[vg7] / (33.75 * 3600)
    assert 0.25 < float(((factor >= 1.2) & (factor < 1.3)).mean()) < 0.35  # the band around the threshold


def test_facts_are_declared_and_valid(reg: ir.Regeling) -> None:
    cols = _columns(reg, 2000, 5)
    assert set(cols.data) == set(reg.facts)
    for i in range(0, 2000, 7):
        facts = row_facts(reg, cols, i)
        assert set(reg.facts) - set(facts) <= {n for n, f in reg.facts.items() if f.optioneel}
        for name, value in facts.items():
            decl = reg.facts[name]
            assert parse_value(values.format_value(value).replace(",", "."), decl.type, reg.enums) == value
            if decl.bereik is not None and isinstance(value, values.Uren):
                assert decl.bereik[0] <= value <= decl.bereik[1], (name, value)  # type: ignore[operator]
            elif decl.bereik is not None:
                lo, hi = (values.decimal_as_fraction(values.decimal_of_integer(b) if isinstance(b, values.Integer)
                                                     else b) for b in decl.bereik)  # type: ignore[arg-type]
                as_dec = values.decimal_of_integer(value) if isinstance(value, values.Integer) else value
                assert lo <= values.decimal_as_fraction(as_dec) <= hi, (name, value)  # type: ignore[arg-type]


def test_what_the_file_does_not_describe_is_an_error_or_a_stated_default(tmp_path: Path, reg: ir.Regeling) -> None:
    """A version that adds a fact and an enumeration value: the fact without a section is an error naming the
    section to write; with --standaard both are drawn with the file's default, both named."""
    (tmp_path / "nieuw.rgl").write_text(
        'wijzigingsregeling "Test" versie t-nieuw basis rlz-2026 geldig vanaf 2027-01-01\n', encoding="utf-8")
    extra = reg.enums["bijzondere_situatie"]
    enums = {**reg.enums, "bijzondere_situatie": ir.EnumDecl(extra.name, extra.label, (*extra.values, "mantelzorg"),
                                                            (*extra.labels, "mantelzorg"), extra.span)}
    fact = ir.FactDecl("woont_alleen", reg.facts["best_passend_zorgprofiel"].type, False, None, "", extra.span)
    nieuw = ir.Regeling(**{**{f: getattr(reg, f) for f in reg.__dataclass_fields__}, "versie": "t-nieuw",
                           "enums": enums, "facts": {**reg.facts, "woont_alleen": fact}})
    with pytest.raises(PopulatieFout, match=r"het feit woont_alleen heeft geen aanname. Schrijf in .*populatie.toml "
                                            r"een sectie \[woont_alleen\] .* --standaard \(waar voor 50%\)"):
        Population(20_000, 1, ASSUMPTIONS, reg, nieuw)
    population = Population(20_000, 1, ASSUMPTIONS, reg, nieuw, standaard=True)
    cols = next(population.chunks()).for_version(FRAME)
    assert abs(_share(cols, "bijzondere_situatie", "mantelzorg") - 0.01) < 0.003
    assert 0.45 < float(cols.data["woont_alleen"].mean()) < 0.55
    notes = " ".join(population.notes)
    assert "bijzondere_situatie = mantelzorg" in notes and "feit woont_alleen" in notes


def test_version_frames_follow_the_basis() -> None:
    assert ASSUMPTIONS.frame("rlz-2027-variant-b", {"rlz-2027-variant-b": "rlz-2027"})[0] == "rlz-2027"
    assert ASSUMPTIONS.frame("rlz-2026", {})[1]["thuis"] == [0.60, 0.70, 0.80]


@pytest.mark.parametrize(("text", "message"), [
    ("[zorgprofiel]\nVG7 = 'veel'\n", "zorgprofiel.VG7: moet een getal zijn"),
    ("[zorgprofiel\n", "is geen geldige TOML op regel 1"),
    ("[bijzondere_zorgbehoefte.rlz-2026]\ninstelling = [0.9, 0.8, 0.95]\nthuis = [0.1, 0.2, 0.3]\n",
     "laag <= midden <= hoog"),
])
def test_bad_file_is_a_dutch_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "populatie.toml"
    path.write_text(text, encoding="utf-8")
    bundle = load_bundle(bundled_paths()[0] / "rlz-2026.rgl")
    reg = bundle.versions["rlz-2026"]
    with pytest.raises(PopulatieFout, match=message):
        a = load_assumptions(path)
        population = Population(10, 1, a, reg, reg, standaard=True)
        a.frame("rlz-2026", {})
        next(population.chunks())


def test_every_fact_section_is_drawn_and_an_unknown_section_is_an_error(tmp_path: Path) -> None:
    """A section per fact describes it (docs/populatie.rst); a section that is no fact is an error, not ignored."""
    reg = load_bundle(bundled_paths()[0] / "rlz-2026.rgl").versions["rlz-2026"]
    tekst = FILE.read_text(encoding="utf-8")
    path = tmp_path / "populatie.toml"
    path.write_text(tekst.replace("[eerdere_meerzorg_thuis_besluitdatum]  # optioneel; onbekend: het overgangsrecht "
                                  "hangt aan een bekende datum\nstandaard = true",
                                  "[eerdere_meerzorg_thuis_besluitdatum]\nbekend = 0.25\nvan = 2024-01-01\n"
                                  "tot = 2026-12-31"), encoding="utf-8")
    cols = next(Population(20_000, 3, load_assumptions(path), reg, reg).chunks()).for_version(FRAME)
    known = cols.known["eerdere_meerzorg_thuis_besluitdatum"]
    assert 0.22 < float(known.mean()) < 0.28  # before: unknown for every client
    dagen = cols.data["eerdere_meerzorg_thuis_besluitdatum"][known]
    van, tot = datetime.date(2024, 1, 1).toordinal(), datetime.date(2026, 12, 31).toordinal()
    assert van <= dagen.min() <= dagen.max() <= tot
    path.write_text(tekst + "\n[mantelzorg_uren]\nvan = 0\n", encoding="utf-8")
    with pytest.raises(PopulatieFout, match=r"onbekende sectie \[mantelzorg_uren\]"):
        Population(10, 1, load_assumptions(path), reg, reg)
    # A section for a fact of another version of the regeling is known when the caller names those facts.
    Population(10, 1, load_assumptions(path), reg, reg, bekend={"mantelzorg_uren"})
