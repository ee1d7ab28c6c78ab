"""Lark's UnexpectedInput -> one Dutch Diagnostic that explains the parser's state.

Common mistakes are recognised by example (``UnexpectedInput.match_examples``), the rest get a message
built from what the parser expected at that point, with terminal names put into words.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..names import odd_characters
from ..span import Span
from ._lark import PatternStr, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from .grammar import parser

# Terminal names as a drafter would say them.
_WOORDEN = {
    "NAAM": "een naam", "STRING": "een tekst tussen aanhalingstekens", "GEHEEL": "een geheel getal",
    "DECIMAAL": "een decimaal getal", "DATUM": "een datum (jjjj-mm-dd)", "NUMMER": "een nummer",
    "LETTER": "een letter", "HOOFDLETTER": "een hoofdletter", "VERSIE_ID": "een versienaam zoals rlz-2026",
    "RANGTELWOORD": "een rangtelwoord (eerste, tweede, ...)", "VERGELIJKER": "een vergelijking (=, <, >=, ...)",
    "PLUSMIN": "+ of -", "MAALDEEL": "* of /", "GELD": "een geldbedrag", "ROMEINS": "een Romeins cijfer",
    "UREN": "een aantal uren (uu:mm)",
    "BOOLTYPE": "waar/onwaar", "$END": "het einde van het bestand", "COLON": "':'", "COMMA": "','",
    "EQUAL": "'='", "LPAR": "'('", "RPAR": "')'", "LSQB": "'['", "RSQB": "']'", "LBRACE": "'{'",
    "RBRACE": "'}'", "DOT": "'.'", "SUBNUMMER": "een subonderdeel zoals 1°", "FUNCTIE": "een functie",
    "MINUS": "'-'", "DUURGETAL": "een duur (zoals 3 jaar)", "DUUREENHEID": "jaar, maanden, weken of dagen",
    "OPTIONEEL": "het woord 'optioneel'", "VARIANT": "het woord 'variant'", "NA_VOOR": "'na' of 'voor'",
    "HERKOMSTSOORT": "een soort herkomst (officieel, beleid, uitvoering, reconstructie, keuze of voorstel)",
    "VERNUMMERING": "'vernummering' of 'verlettering'",
    "WS": "witruimte", "COMMENT": "commentaar (# ...)",
}

# Terminals that can start an expression, and those that end a rule and start the next construct.
_EXPR_START = {"NAAM", "GEHEEL", "DECIMAAL", "DATUM", "GELD", "DUURGETAL", "UREN", "LPAR", "LBRACE", "WAAR", "ONWAAR",
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


# A construct met where it cannot stand: where it does belong (the word as written -> the hint).
_ELDERS = {
    "regel": "regels staan in een artikel, lid of onderdeel (ook in Artikel II, III ... van een "
             "wijzigingsregeling), na de tekst en de toelichting",
    "begrip": "begrippen staan in een artikel, lid of onderdeel, na de tekst en de toelichting",
    "parameter": "parameters staan in een artikel, lid of onderdeel, na de tekst en de toelichting",
    "tekst": "een bepaling heeft één 'tekst', direct onder haar kop (na een eventuele herkomst)",
    "toelichting": "een bepaling heeft één 'toelichting', direct na haar tekst en vóór begrippen en regels",
    "herkomst": "'herkomst' staat direct onder de kop van een bepaling, of aan het eind van een begrip of regel",
    "lid": "een lid staat in een artikel, na wat het artikel zelf zegt; een artikel heeft leden, onderdelen of "
           "een begrippenlijst",
    "onderdeel": "een onderdeel staat in een artikel of lid, na wat dat zelf zegt; een artikel heeft leden, "
                 "onderdelen of een begrippenlijst (begripsomschrijvingen), niet twee daarvan",
    "begripsomschrijving": "een begripsomschrijving staat in de begrippenlijst van een artikel (artikel 1.1), "
                           "na wat het artikel zelf zegt; een artikel heeft leden, onderdelen of een "
                           "begrippenlijst, niet twee daarvan",
    "subonderdeel": "een subonderdeel staat in een onderdeel",
    "gegevens": "'gegevens' staat één keer, na de kop van de regeling en vóór de hoofdstukken en artikelen",
    "eigenschap": "eigenschappen staan aan het eind van het bestand, na de artikelen en bijlagen",
    "bijlage": "bijlagen staan na de hoofdstukken en artikelen, vóór de eigenschappen",
    "artikel": "een artikel staat in een hoofdstuk of paragraaf, of direct in de regeling; in een "
               "wijzigingsregeling schrijft u 'Artikel I', 'Artikel II' met een hoofdletter",
    "Artikel": "'Artikel I', 'Artikel II' staan in een wijzigingsregeling; in een regeling schrijft u 'artikel 2.2'",
    "hoofdstuk": "een hoofdstuk staat direct in de regeling, na de gegevens",
}


def _terminal_patterns() -> dict[str, object]:
    return {t.name: t.pattern for t in parser().terminals}


def terminal_words(name: str, patterns: dict[str, object] | None = None) -> str:
    """One terminal as the language's own words: never the grammar's internal name (``__ANON_3``, ``REGEL``).
    Keywords and signs are quoted as written ("het woord 'regel'", "':'"); the rest is described."""
    if name in _WOORDEN:
        return _WOORDEN[name]
    pattern = (patterns if patterns is not None else _terminal_patterns()).get(name)
    if isinstance(pattern, PatternStr):
        woord = pattern.value
        return f"het woord '{woord}'" if woord.replace("/", "").isalpha() else f"'{woord}'"
    return "een woord of teken"  # a terminal nobody described yet: still no internal name


def _expected_words(expected: set[str]) -> str:
    patterns = _terminal_patterns()
    names = sorted({terminal_words(e, patterns) for e in expected}, key=lambda w: (not w.startswith("het woord"), w))
    if len(names) > 8:
        names = [*names[:8], "…"]
    return ", ".join(names)


def _elders(err: UnexpectedInput) -> str:
    """"; 'regel' mag hier niet staan; regels staan in ..." when the unexpected word starts a construct that
    belongs somewhere else."""
    if not isinstance(err, UnexpectedToken):
        return ""
    woord = str(err.token)
    hint = _ELDERS.get(woord)
    return f"; '{woord}' mag hier niet staan: {hint}" if hint else ""


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
    message = f"onverwacht {_found(err, text)}{_elders(err)}"
    if len(expected & _EXPR_START) >= 4:
        return Diagnostic("E102", span, f"{message}; verwacht hier een expressie: een naam, een getal, een datum, "
                                        "waar/onwaar, niet …, als … dan … anders …, '(' of '{'")
    if expected & _OPERATORS and expected & _NEXT_ITEM:
        return Diagnostic("E103", span, f"{message}; hier kan de expressie verder gaan met een operator (en, of, =, "
                                        "<, +, in, ...) of begint iets nieuws (een regel, lid, onderdeel of artikel)")
    if expected:
        message += f"; verwacht hier: {_expected_words(expected)}"
    return Diagnostic("E100", span, message)
