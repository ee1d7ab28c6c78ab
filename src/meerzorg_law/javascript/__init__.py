"""The JavaScript back end: the rules of every version as a JavaScript file for the rekenhulp in the browser.

``expr`` translates IR expressions (``ir.ExprVisitor``) to exact BigInt arithmetic at the columnar scales,
``program`` lays out each version's declarations and rule trees as data, ``runtime.js`` runs them with the
engine's default logic. Reads only the IR; the differential test (tests/javascript) holds it to the engine.
"""

from .escape import js
from .expr import NietOndersteund
from .program import RUNTIME, feiten_van, programma, tekst, versie_js

__all__ = ["RUNTIME", "NietOndersteund", "feiten_van", "js", "programma", "tekst", "versie_js"]
