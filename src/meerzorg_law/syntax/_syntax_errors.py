"""Lark's UnexpectedInput -> one Dutch Diagnostic that explains the parser's state.

Common mistakes are recognised by example (``UnexpectedInput.match_examples``), the rest get a message
built from what the parser expected at that point, with terminal names put into words.
"""

from __future__ import annotations

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..diagnostics import Diagnostic
from ..names import odd_characters
from ..span import Span
from .grammar import parser

# Terminal names as a drafter would say them.
_WOORDEN = {
    "NAAM": "een naam", "STRING": "een tekst tussen aanhalingstekens", "GEHEEL": "een geheel getal",
    "DECIMAAL": "een decimaal getal", "DATUM": "een datum (jjjj-mm-dd)", "NUMMER": "een nummer",
    "LETTER": "een letter", "HOOFDLETTER": "een hoofdletter", "VERSIE_ID": "een versienaam zoals rlz-2026",
    "RANGTELWOORD": "een rangtelwoord (eerste, tweede, ...)", "VERGELIJKER": "een vergelijking (=, <, >=, ...)",
    "PLUSMIN": "+ of -", "MAALDEEL": "* of /", "GELD": "een geldbedrag", "ROMEINS": "een Romeins cijfer",
    "BOOLTYPE": "waar/onwaar", "$END": "het einde van het bestand", "COLON": "':'", "COMMA": "','",
    "EQUAL": "'='", "LPAR": "'('", "RPAR": "')'", "LSQB": "'['", "RSQB": "']'", "LBRACE": "'{'",
    "RBRACE": "'}'", "DOT": "'.'", "SUBNUMMER": "een subonderdeel zoals 1°", "FUNCTIE": "een functie",
    "MINUS": "'-'", "DUURGETAL": "een duur (zoals 3 jaar)", "DUUREENHEID": "jaar, maanden, weken of dagen",
    "OPTIONEEL": "'optioneel'", "VARIANT": "'variant'", "NA_VOOR": "'na' of 'voor'",
}

# Terminals that can start an expression, and those that end a rule and start the next construct.
_EXPR_START = {"NAAM", "GEHEEL", "DECIMAAL", "DATUM", "GELD", "DUURGETAL", "LPAR", "LBRACE", "WAAR", "ONWAAR",
               "NIET", "ALS", "MINUS", "FUNCTIE"}
_OPERATORS = {"EN", "OF", "VERGELIJKER", "PLUSMIN", "MAALDEEL", "IN", "IMPLICEERT", "IS"}
_NEXT_ITEM = {"REGEL", "LID", "ARTIKEL", "ONDERDEEL", "BEGRIP"}

# Mistakes recognised by example: label -> (message, snippets that make the parser fail the same way).
_VOORBEELDEN: dict[str, tuple[str, list[str]]] = {
    "regel_zonder_dubbele_punt": (
        "na 'regel' (en een eventuele 'in afwijking van ...') komt een dubbele punt: 'regel: uitkomst is ...'",
        ['regeling "x" versie a-1 geldig vanaf 2026-01-01 artikel 1 regel meerzorg is waar'],
    ),
    "toekenning_met_is_gelijk": (
        "een regel kent een waarde toe met 'is', niet met '=': 'regel: meerzorg is waar'",
        ['regeling "x" versie a-1 geldig vanaf 2026-01-01 artikel 1 regel: meerzorg = waar'],
    ),
    "kop_onvolledig": (
        "een regeling begint met 'regeling \"titel\"', dan 'versie <naam>' en 'geldig vanaf <datum>'",
        ['regeling "x" artikel 1', 'regeling "x" versie a-1 artikel 1'],
    ),
}


def _expected_words(expected: set[str]) -> str:
    names = sorted({_WOORDEN.get(e, f"'{e.lower()}'" if e.isupper() and e.isalpha() else e) for e in expected})
    if len(names) > 8:
        names = [*names[:8], "..."]
    return ", ".join(names)


def _found(err: UnexpectedInput, text: str) -> str:
    if isinstance(err, UnexpectedToken):
        if err.token.type == "$END":
            return "het einde van het bestand"
        return f"'{err.token}'"
    if isinstance(err, UnexpectedCharacters):
        pos = err.pos_in_stream or 0
        return f"'{text[pos]}'" if pos < len(text) else "het einde"
    return "het einde van het bestand"


def _match_example(err: UnexpectedInput) -> str | None:
    """``match_examples`` one snippet at a time. Lark 1.3 formats a ParserState with ``%d`` in a debug message
    when it skips a snippet with the same state but other accepted tokens (an error raised by the contextual
    lexer), which raises TypeError; skipping that snippet is what lark means to do (found by fuzzing)."""
    for label, (_, snippets) in _VOORBEELDEN.items():
        for snippet in snippets:
            try:
                if err.match_examples(parser().parse, {label: [snippet]}, use_accepts=True):
                    return label
            except TypeError:
                continue
    return None


def _odd_character(err: UnexpectedInput, text: str) -> str:
    """A look-alike of an ASCII character (Cyrillic 'е', a zero-width space) named, so the caret is explained."""
    if not isinstance(err, UnexpectedCharacters) or err.pos_in_stream is None:
        return ""
    return odd_characters(text[err.pos_in_stream: err.pos_in_stream + 1])


def syntax_diagnostic(err: UnexpectedInput, text: str, file: str) -> Diagnostic:
    line = getattr(err, "line", 0) or 0
    column = getattr(err, "column", 0) or 0
    if isinstance(err, UnexpectedEOF) or (isinstance(err, UnexpectedToken) and err.token.type == "$END"):
        lines = text.rstrip().splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    span = Span(file, max(line, 1), max(column, 1), max(line, 1), max(column, 1) + 1)
    label = _match_example(err)
    if label:
        return Diagnostic("E100", span, _VOORBEELDEN[label][0])
    if isinstance(err, UnexpectedCharacters) and err.pos_in_stream is not None \
            and text[err.pos_in_stream: err.pos_in_stream + 1] == '"':
        return Diagnostic("E101", span, "deze tekst heeft geen sluitend aanhalingsteken; een tekst over meer regels "
                                        'schrijf je tussen """ en """')
    odd = _odd_character(err, text)
    if odd:
        return Diagnostic("E104", span, f"onverwacht {_found(err, text)}: {odd}; namen en sleutelwoorden bestaan uit "
                                        "gewone letters (a-z), cijfers en '_'")
    expected: set[str] = set()
    if isinstance(err, UnexpectedToken):
        expected = set(err.accepts or err.expected)
    elif isinstance(err, UnexpectedCharacters):
        expected = set(err.allowed or ())
    elif isinstance(err, UnexpectedEOF):
        expected = set(err.expected)
    message = f"onverwacht {_found(err, text)}"
    if len(expected & _EXPR_START) >= 4:
        return Diagnostic("E102", span, f"{message}; verwacht hier een expressie: een naam, een getal, een datum, "
                                        "waar/onwaar, niet …, als … dan … anders …, '(' of '{'")
    if expected & _OPERATORS and expected & _NEXT_ITEM:
        return Diagnostic("E103", span, f"{message}; hier kan de expressie verder gaan met een operator (en, of, =, "
                                        "<, +, in, ...) of begint iets nieuws (een regel, lid, onderdeel of artikel)")
    if expected:
        message += f"; verwacht hier: {_expected_words(expected)}"
    return Diagnostic("E100", span, message)
