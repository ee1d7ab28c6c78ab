"""The Pygments lexer of the DSL: token classes for a sample, every grammar keyword known, no error tokens."""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Token,
    _TokenType,
    is_token_subtype,
)

from meerzorg_law.sphinxext.lexer import DECLARATIES, SLEUTELWOORDEN, MeerzorgLexer

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = '''# commentaar
artikel 2.2 "Meer zorg"
  lid 1
    tekst """De verzekerde
      heeft recht."""
    begrip drempel "de drempel": decimaal = 1,25 * bekostigingsuren[zorgprofiel]
    regel in afwijking van artikel 2.2, tweede lid: meerzorg is waar
      indien leeftijd >= 18 en peildatum < 2027-01-01 en duur = 3 jaar en uren_zorg >= 32:36:15
      tenzij niet bijzonder_x of leveringsvorm in {pgb, vpt}
'''


def _tokens(text: str) -> list[tuple[_TokenType, str]]:
    return [(t, v) for t, v in MeerzorgLexer().get_tokens(text) if not is_token_subtype(t, Token.Text)]


def test_sample_tokens() -> None:
    toks = _tokens(SAMPLE)
    assert toks[:8] == [
        (Comment.Single, "# commentaar"), (Keyword.Declaration, "artikel"), (Number.Float, "2.2"),
        (String.Double, '"Meer zorg"'), (Keyword.Declaration, "lid"), (Number.Integer, "1"),
        (Keyword, "tekst"), (String.Doc, '"""De verzekerde\n      heeft recht."""'),
    ]
    kinds = dict((v, t) for t, v in toks)
    assert kinds["begrip"] is Keyword.Declaration
    assert kinds["drempel"] is Name and kinds["bekostigingsuren"] is Name and kinds["bijzonder_x"] is Name
    assert kinds["decimaal"] is Keyword.Type
    assert kinds["1,25"] is Number.Float and kinds["18"] is Number.Integer
    assert kinds["2027-01-01"] is Number.Other
    assert kinds["32:36:15"] is Number.Other and kinds["uren_zorg"] is Name
    assert kinds["indien"] is Keyword and kinds["tenzij"] is Keyword and kinds["afwijking"] is Keyword
    assert kinds["en"] is Operator.Word and kinds["niet"] is Operator.Word and kinds["of"] is Operator.Word
    assert kinds["waar"] is Keyword.Constant
    assert kinds["tweede"] is Keyword.Pseudo  # an ordinal before "lid"
    assert kinds["jaar"] is Keyword.Type  # a unit after a number
    assert kinds[">="] is Operator and kinds["{"] is Punctuation


def test_ordinal_elsewhere_is_a_name() -> None:
    """``eerste`` is also an enumeration value (soort_aanvraag): a keyword only before ``lid``."""
    assert ("eerste", Name) in [(v, t) for t, v in _tokens("soort_aanvraag = eerste")]


def test_every_keyword_of_the_grammar_is_highlighted() -> None:
    grammar = (ROOT / "grammar" / "meerzorg.lark").read_text(encoding="utf-8")
    code = "\n".join(line for line in grammar.splitlines() if not line.lstrip().startswith("//"))
    words = set(re.findall(r'"([A-Za-z][A-Za-z/]*)"', code))
    known = {*DECLARATIES, *SLEUTELWOORDEN, "en", "of", "niet", "in", "impliceert", "waar", "onwaar",
             "waar/onwaar", "geheel", "getal", "decimaal", "geldbedrag", "datum", "duur", "uren"}
    assert words - known == set()
    for word in sorted(words):
        [(kind, value)] = _tokens(word)
        assert value == word and (is_token_subtype(kind, Keyword) or kind is Operator.Word), (word, kind)


def test_bundled_regeling_has_no_error_tokens() -> None:
    for path in sorted((ROOT / "regeling").glob("*.rgl")):
        bad = [v for t, v in MeerzorgLexer().get_tokens(path.read_text(encoding="utf-8")) if is_token_subtype(t, Error)]
        assert bad == [], path.name


def test_found_by_pygments_name_and_filename() -> None:
    pytest.importorskip("pygments")
    from pygments.lexers import get_lexer_by_name, get_lexer_for_filename

    installed = any(ep.name == "meerzorg" for ep in entry_points(group="pygments.lexers"))
    if not installed:
        pytest.skip("meerzorg_law is niet geïnstalleerd (pip install -e .): het entry point ontbreekt")
    assert isinstance(get_lexer_by_name("meerzorg"), MeerzorgLexer)
    assert isinstance(get_lexer_by_name("rgl"), MeerzorgLexer)
    assert isinstance(get_lexer_for_filename("rlz-2026.rgl"), MeerzorgLexer)
