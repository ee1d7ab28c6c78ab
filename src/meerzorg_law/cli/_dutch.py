"""argparse in Dutch, through argparse's own gettext calls.

argparse translates every message it prints with ``gettext``/``ngettext`` (imported into its module), and
Python ships no Dutch catalogue for them. ``Nederlands`` is that catalogue: a ``NullTranslations``
subclass over a dict, so there is no .mo file to compile and a fresh ``pip install -e`` works.
``in_dutch()`` hands it to argparse for the duration of one call and restores argparse afterwards, so other
argparse users in the same process (pytest) keep their English.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
from collections.abc import Iterator

__all__ = ["Nederlands", "geheel_getal", "in_dutch"]


class Nederlands(gettext.NullTranslations):
    """argparse's user-facing messages (Python 3.11-3.13 wording) in Dutch; unknown ones stay as they are."""

    MESSAGES = {
        "usage: ": "gebruik: ",
        "positional arguments": "argumenten",
        "options": "opties",
        "show this help message and exit": "toon deze hulp en stop",
        "show program's version number and exit": "toon het versienummer en stop",
        "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
        "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
        "the following arguments are required: %s": "deze argumenten ontbreken: %s",
        "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
        "unrecognized arguments: %s": "onbekende argumenten: %s",
        "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
        "invalid %(type)s value: %(value)r": "%(value)r is geen %(type)s",
        "expected one argument": "verwacht één waarde",
        "expected at most one argument": "verwacht ten hoogste één waarde",
        "expected at least one argument": "verwacht ten minste één waarde",
        "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
        "not allowed with argument %s": "niet toegestaan samen met argument %s",
        "ignored explicit argument %r": "waarde %r hoort niet bij deze optie",
        "unexpected option string: %s": "onverwachte optie: %s",
    }
    PLURALS = {("expected %s argument", "expected %s arguments"): ("verwacht %s waarde", "verwacht %s waarden")}

    def gettext(self, message: str) -> str:
        return self.MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        one, many = self.PLURALS.get((msgid1, msgid2), (msgid1, msgid2))
        return one if n == 1 else many


_CATALOGUE = Nederlands()


@contextlib.contextmanager
def in_dutch() -> Iterator[None]:
    """argparse's ``_`` and ``ngettext`` answer from the Dutch catalogue inside the block."""
    names = vars(argparse)  # the module's globals, where argparse looks its _ and ngettext up
    saved = names["_"], names["ngettext"]
    names["_"], names["ngettext"] = _CATALOGUE.gettext, _CATALOGUE.ngettext
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved


def geheel_getal(text: str) -> int:
    return int(text)


geheel_getal.__name__ = "geheel getal"  # argparse names the type in "'x' is geen geheel getal"
