"""Small text helpers of the document model: legal text as one line, a table cell as the regeling prints it,
a declaration in words, and the one filter that makes a string safe to put into XML."""

from __future__ import annotations

import re

from ..syntax import ast
from ..syntax.printer import print_expr

__all__ = ["cel", "declaratie_zin", "regel", "xml_tekst"]

# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates and U+FFFE/F.
_NIET_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_tekst(s: str) -> str:
    """Text that lxml can serialise into any XML format (.docx, Akoma Ntoso): characters XML 1.0 forbids are
    dropped. lxml escapes <, & and quotes itself; this is the only other filter XML output needs."""
    return _NIET_XML.sub("", s)


def regel(s: str) -> str:
    """Legal text as one line: the DSL's line breaks inside a tekst are layout."""
    return " ".join(s.split())


def cel(v: ast.Expr) -> str:
    """A value in a table as the regeling prints it: waar/onwaar as ja/nee, numbers in Dutch notation."""
    tekst = print_expr(v)
    return {"waar": "ja", "onwaar": "nee"}.get(tekst, tekst.replace(".", ",") if _GETAL.fullmatch(tekst) else tekst)


_GETAL = re.compile(r"-?\d+\.\d+")


def _type(t: ast.TypeExpr) -> str:
    return t.name if t.kind == "enum" else {"bool": "waar/onwaar", "geheel": "geheel getal"}.get(t.kind, t.kind)


def declaratie_zin(d: ast.Declaratie) -> str:
    """One declaration of the case interface in words (for the renvooi's annex on the gegevens)."""
    if isinstance(d, ast.Enumeratie):
        waarden = "; ".join(f"{w.name}" + (f" ({regel(w.label)})" if w.label else "") for w in d.values)
        return f"enumeratie {d.name}" + (f" ({regel(d.label)})" if d.label else "") + f": {waarden}"
    if isinstance(d, ast.Invoer):
        bereik = f" van {d.bereik[0].text} tot en met {d.bereik[1].text}" if d.bereik else ""
        soort = " (optioneel)" if d.optioneel else ""
        return f"invoer {d.name}: {_type(d.type)}{bereik}{soort}" + (f" – {regel(d.label)}" if d.label else "")
    if isinstance(d, ast.Uitkomst):
        standaard = f", standaard {print_expr(d.standaard)}" if d.standaard is not None else ""
        return f"uitkomst {d.name}: {_type(d.type)}{standaard}" + (f" – {regel(d.label)}" if d.label else "")
    return f"beperking {d.name}: {print_expr(d.expr)}" + (f" – {regel(d.label)}" if d.label else "")
