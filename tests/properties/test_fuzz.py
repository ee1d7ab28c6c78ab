"""Fuzzing the front end: whatever the input, parse, consolidate, lower and the case loader return diagnostics,
never an exception.

Programs come from the project grammar itself (``from_lark``), from small edits to the test regelingen, and from
arbitrary text; case files from arbitrary text and from YAML documents built of the case-file keys.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark.lexer import PatternStr

from meerzorg_law.cases.load import load_cases
from meerzorg_law.diagnostics import Diagnostic
from meerzorg_law.properties._runner import PROFILES
from meerzorg_law.semantics.lower import lower
from meerzorg_law.syntax import ast
from meerzorg_law.syntax.grammar import parser
from meerzorg_law.syntax.parse import parse_text
from meerzorg_law.versions.catalog import build_versions

from .props_helpers import DATA, bundle_of

CI = PROFILES["ci"]
ROOT = Path(__file__).parents[2]
_KEYWORDS = {t.pattern.value for t in parser().terminals if isinstance(t.pattern, PatternStr)}
_NAMES = ["leeftijd", "status", "toeslag", "profiel", "meerzorg", "drempel", "uren", "bekostigingsuren"]


def _spaced(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Every token is followed by a space, so two generated tokens never lex as one."""
    return strategy.map(lambda s: s + " ")


def _terminals() -> dict[str, st.SearchStrategy[str]]:
    """Strategies for the grammar's terminals: keywords as they are, names that are never keywords, and
    plausible numbers, dates, versions and texts (occasionally invalid ones, such as 2026-02-30)."""
    explicit = {t.name: st.just(t.pattern.value + " ") for t in parser().terminals if isinstance(t.pattern, PatternStr)}
    naam = st.one_of(st.sampled_from(_NAMES),
                     st.from_regex(r"[a-z][a-z0-9_]{2,9}", fullmatch=True).filter(lambda s: s not in _KEYWORDS))
    text = st.text(st.characters(blacklist_characters='"\n\r', blacklist_categories=["Cs"]), max_size=20)
    explicit.update({
        "NAAM": _spaced(naam),
        "STRING": _spaced(st.one_of(text.map(lambda s: f'"{s}"'), st.just('"""twee\n  regels"""'))),
        "DATUM": _spaced(st.one_of(st.dates().map(lambda d: d.strftime("%Y-%m-%d").zfill(10)),
                                   st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True))),
        "VERSIE_ID": _spaced(st.sampled_from(["rlz-2026", "rlz-2027", "a-1"])),
        "LETTER": _spaced(st.sampled_from(["a", "b", "c", "aa"])),
        "HOOFDLETTER": _spaced(st.sampled_from(["A", "B"])),
        "ROMEINS": _spaced(st.sampled_from(["I", "II"])),
        "NUMMER": _spaced(st.sampled_from(["1", "2", "2.2", "5.5", "2a"])),
        "SUBNUMMER": _spaced(st.sampled_from(["1°", "2°"])),
        "GEHEEL": _spaced(st.integers(0, 300).map(str)),
        "DECIMAAL": _spaced(st.sampled_from(["1,25", "0.5", "33,75"])),
        "DUURGETAL": _spaced(st.integers(0, 5).map(str)),
        "DUUREENHEID": _spaced(st.sampled_from(["jaar", "maanden", "dagen", "week"])),
        "GELD": _spaced(st.sampled_from(["€ 1.683,05", "€12", "€ 0,00"])),
        # A function name must touch its '(' (the terminal looks ahead for it).
        "FUNCTIE": st.sampled_from(["minimum", "maximum", "afronden", "jaar_van"]),
        "RANGTELWOORD": _spaced(st.sampled_from(["eerste", "tweede"])),
        "VERGELIJKER": _spaced(st.sampled_from(["=", "<>", "<", ">=", "≠"])),
        "PLUSMIN": _spaced(st.sampled_from(["+", "-"])),
        "MAALDEEL": _spaced(st.sampled_from(["*", "/", "×"])),
        "NA_VOOR": _spaced(st.sampled_from(["na", "voor"])),
        "COMMENT": st.just("# opmerking\n"),
        "WS": st.sampled_from([" ", "\n", "\n  "]),
    })
    return explicit


def _front_end(text: str, base: ast.Document | None = None) -> tuple[ast.Document | None, list[Diagnostic]]:
    """Parse, consolidate (onto ``base`` for a wijzigingsregeling) and lower; only diagnostics may come back."""
    doc, diags = parse_text(text, "<fuzz>")
    if doc is None:
        assert diags, "a document that does not parse needs a diagnostic"
        return None, diags
    docs = [base, doc] if base is not None and isinstance(doc, ast.Wijzigingsregeling) else [doc]
    consolidated, _, found = build_versions(docs)
    diags += found
    for reg in consolidated.values():
        diags += lower(reg)[1]
    return doc, diags


def test_programs_from_the_grammar_give_diagnostics_not_exceptions() -> None:
    parsed = 0

    @settings(CI, max_examples=250)
    @given(from_lark(parser(), explicit=_terminals()))
    def check(text: str) -> None:
        nonlocal parsed
        parsed += _front_end(text)[0] is not None

    check()
    # The generator is worth something: a good share of its programs get past the parser to the checker.
    assert parsed >= 50


_SEEDS = sorted([*DATA.glob("*/*.rgl"), *(ROOT / "tests" / "versions" / "good").glob("*.rgl"),
                 *(ROOT / "tests" / "semantics" / "good").glob("*.rgl")])
_WORDS = ["regel", "in afwijking van", "eerste lid", "artikel 2.2", "indien", "en", "of", "niet", "=", "1,25",
          "€ 3,00", "2026-02-30", "waar", "{", "}", "(", ")", "[", "]", ":", ",", "lid 1", "onderdeel a", "tabel",
          "rij", "volgens rlz-2026", "met", "als", "is bekend", "3 jaar", "leeftijd", "VG7", "uitkomst", "begrip",
          "0", "99999999999999999999", "-", "/", "vervalt", "komt te luiden:", "wordt vernummerd tot artikel 9"]


@st.composite
def _edited(draw: st.DrawFn) -> tuple[Path, str]:
    """A test regeling with a few spans deleted, replaced, duplicated or a DSL word inserted."""
    path = draw(st.sampled_from(_SEEDS))
    text = path.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        word = f" {draw(st.sampled_from(_WORDS))} "
        text = draw(st.sampled_from([text[:i] + text[j:], text[:i] + word + text[i:], text[:i] + word + text[j:],
                                     text[:j] + text[i:j] + text[j:]]))
    return path, text


_BASE = parse_text((ROOT / "tests" / "versions" / "good" / "basis.rgl").read_text(encoding="utf-8"))[0]


@settings(CI, max_examples=300)
@given(_edited())
def test_edited_regelingen_give_diagnostics_not_exceptions(edited: tuple[Path, str]) -> None:
    _front_end(edited[1], _BASE)


@settings(CI, max_examples=300)
@given(st.text())
def test_arbitrary_text_gives_diagnostics_not_exceptions(text: str) -> None:
    _front_end(text)


def test_the_crash_fuzzing_found_is_a_diagnostic() -> None:
    """lark 1.3's match_examples raised TypeError formatting a ParserState (see syntax/_syntax_errors.py)."""
    _, (d,) = _front_end('wijzigingsregeling "x" versie a-1 artikel 1')
    assert d.message == ("onverwacht 'artikel'; 'artikel' mag hier niet staan: een artikel staat in een hoofdstuk of "
                         "paragraaf, of direct in de regeling; in een wijzigingsregeling schrijft u 'Artikel I', "
                         "'Artikel II' met een hoofdletter; verwacht hier: het woord 'basis', het woord 'variant'")


# ---- case files -----------------------------------------------------------------------------------

_KAPOT = bundle_of(DATA / "kapot")
_KEYS = ["casussen", "naam", "omschrijving", "feiten", "verwacht", "peildatum", "leeftijd", "inkomen", "status",
         "werkt", "einde_vorige", "kapot-2026", "toeslag", "bedrag", "onbekend"]
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.floats(), st.text(max_size=8),
                     st.sampled_from(["a", "c", "waar", "2026-01-01", "2026-02-30", "3 jaar", "€ 1,00", "1,5", "~"]))
_TREES = st.recursive(_SCALARS, lambda c: st.one_of(st.lists(c, max_size=4),
                                                    st.dictionaries(st.one_of(st.sampled_from(_KEYS), _SCALARS), c,
                                                                    max_size=5)), max_leaves=20)
_DOCS = st.one_of(_TREES, st.fixed_dictionaries(
    {"casussen": st.lists(st.dictionaries(st.sampled_from(_KEYS), _TREES, max_size=5), max_size=3)}))


def _load(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "casus.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        _, diags = load_cases([path], _KAPOT.versions, _KAPOT.in_force)
        assert all(isinstance(d, Diagnostic) for d in diags)


@settings(CI, max_examples=300)
@given(st.text())
def test_arbitrary_text_as_a_case_file_gives_diagnostics(text: str) -> None:
    _load(text)


@settings(CI, max_examples=300)
@given(_DOCS.map(lambda d: yaml.safe_dump(d, allow_unicode=True)))
def test_yaml_documents_as_case_files_give_diagnostics(text: str) -> None:
    _load(text)
