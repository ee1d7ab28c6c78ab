"""Pygments lexer for the meerzorg DSL (``.rgl``): the keywords of ``grammar/meerzorg.lark`` as token classes.

Only for highlighting: the grammar stays the reference (a test checks every keyword of the grammar is
known here). Registered with Sphinx by ``app.add_lexer`` and with Pygments by the ``pygments.lexers``
entry point ``meerzorg``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

__all__ = ["DECLARATIES", "SLEUTELWOORDEN", "MeerzorgLexer"]

# Words that open a construct (structure and declarations).
DECLARATIES = (
    "wijzigingsregeling", "regeling", "hoofdstuk", "paragraaf", "artikel", "Artikel", "subonderdeel", "onderdeel",
    "begripsomschrijving", "lid", "bijlage", "tabel", "kolom", "rij", "gegevens", "enumeratie", "waarde", "invoer",
    "uitkomst", "begrip", "parameter", "regel", "rangorde", "eigenschap", "aanhef", "ondertekening",
    "citeertitel", "herkomst",
)
# Every other keyword of the grammar, including the words of multi-word phrases ("in afwijking van").
SLEUTELWOORDEN = (
    "aan", "afwijking", "alfabetische", "alle", "als", "alternatief", "anders", "basis", "bekend", "beperking", "bron",
    "daalt", "dan", "de", "door", "een", "geldig", "geschonden", "het", "onder", "redactioneel", "regels", "telkens",
    "verlettering", "vernummering", "vervangen", "verwacht",
    "geldt", "gevallen", "indien", "ingevoegd", "is", "komt", "luiden", "met", "na", "optioneel",
    "sleutel", "standaard", "stijgt", "te", "tekst", "tenzij", "toegevoegd", "toelichting", "tot", "tussen",
    "van", "vanaf", "variant", "vernummerd", "versie", "versies", "vervalt", "volgens", "volgorde", "voor", "waarvoor",
    "wordt",
    "zin", "ontkend",  # the clause a declaration is read by (issue 22)
)
_WOORDOPERATOREN = ("impliceert", "niet", "en", "of", "in")
_TYPES = ("geheel getal", "geheel", "getal", "decimaal", "geldbedrag", "datum", "duur", "uren")
_RANGTELWOORDEN = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende",
                   "tiende", "elfde", "twaalfde")
_DUUR = ("jaren", "jaar", "maanden", "maand", "weken", "week", "dagen", "dag")
_FUNCTIES = ("minimum", "maximum", "afronden", "jaar_van")

_B = r"(?![A-Za-z0-9_])"  # end of a word: names may hold underscores and digits


class MeerzorgLexer(RegexLexer):
    """Highlights regelingen and wijzigingsregelingen written in the meerzorg DSL."""

    name = "Meerzorg"
    aliases: ClassVar[list[str]] = ["meerzorg", "rgl"]
    filenames: ClassVar[list[str]] = ["*.rgl"]
    mimetypes: ClassVar[list[str]] = ["text/x-meerzorg"]
    url = "https://wetten.overheid.nl/BWBR0036014"

    tokens: ClassVar[dict[str, list[Any]]] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r'"""(.|\n)*?"""', String.Doc),
            (r'"[^"\n]*"', String.Double),
            (r"waar/onwaar", Keyword.Type),
            (words(("waar", "onwaar"), prefix=r"(?<![A-Za-z0-9_])", suffix=_B), Keyword.Constant),
            (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", Number.Other),
            (r"€ ?[0-9]+([.][0-9]{3})*(,[0-9]{2})?", Number.Other),
            (r"[0-9]+°", Number.Integer),
            (r"[0-9]+:[0-9]{2}(:[0-9]{2})?" + _B, Number.Other),  # uren: 26:05, 6:31:15
            # A duration: "3 jaar", "6 maanden" (the unit is a keyword only after a number).
            (r"([0-9]+)(\s+)(" + "|".join(_DUUR) + ")" + _B,
             bygroups(Number.Integer, Text.Whitespace, Keyword.Type)),  # type: ignore[no-untyped-call]
            (r"[0-9]+[,.][0-9]+([.][0-9]+)*[a-z]?" + _B, Number.Float),
            (r"[0-9]+" + _B, Number.Integer),
            # A version id: rlz-2026, rlz-2027-variant-a (before names, which cannot hold a hyphen).
            (r"[a-z][a-z0-9]*(-[a-z0-9]+)+" + _B, Name.Namespace),
            (words(_FUNCTIES, suffix=r"(?=\()"), Name.Function),
            (words(_TYPES, prefix=r"(?<![A-Za-z0-9_])", suffix=_B), Keyword.Type),
            (words(DECLARATIES, prefix=r"(?<![A-Za-z0-9_])", suffix=_B), Keyword.Declaration),
            (words(_WOORDOPERATOREN, prefix=r"(?<![A-Za-z0-9_])", suffix=_B), Operator.Word),
            (words(SLEUTELWOORDEN, prefix=r"(?<![A-Za-z0-9_])", suffix=_B), Keyword),
            # "tweede lid": an ordinal is a keyword only before "lid" (elsewhere it may be an enum value).
            (words(_RANGTELWOORDEN, prefix=r"(?<![A-Za-z0-9_])", suffix=r"(?=\s+lid" + _B + ")"), Keyword.Pseudo),
            (r"[A-Z]{1,2}\.(?=\s)", Name.Label),  # "A." opens an onderdeel of a wijzigingsartikel
            (r"[A-Za-z_][A-Za-z0-9_]*", Name),
            (r"<>|<=|>=|[=<>≠≤≥+\-*×/]", Operator),
            (r"[:,.(){}\[\]]", Punctuation),
            (r".", Text),
        ],
    }
