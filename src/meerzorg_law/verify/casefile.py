"""Facts -> case-file text (the format of ``tests/casussen/*.yaml``), exactly as ``cases.load`` reads it back.

Witnesses of ``meerzorg check`` leave ``verwacht`` empty for the drafter; counterexamples of ``meerzorg
eigenschappen`` fill it with the actual outcomes. Both write values through ``value_text``.
"""

from __future__ import annotations

import json
import re

from catala import runtime as rt

from ..values import Uren, Value, format_decimal, format_value, uren_text

__all__ = ["quote", "slug", "value_text", "witness_case"]

_PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
_RESERVED = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"}


def value_text(v: Value) -> str | None:
    """A value as ``cases.load.parse_value`` reads it back exactly; None if no such text exists."""
    if isinstance(v, rt.Decimal):
        text = format_decimal(v, 40)
        return None if "≈" in text else text.replace(",", ".")
    if isinstance(v, rt.Money) and int(v.value.value) < 0:
        return None
    if isinstance(v, Uren):  # the uren form, "32:36:15"; a decimal would lose the minutes' reading
        return uren_text(v)
    text = format_value(v)
    if isinstance(v, rt.Duration) and " en " in text:
        return None
    return text


def quote(text: str) -> str:
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)


def witness_case(naam: str, omschrijving: str, feiten: dict[str, Value], versies: tuple[str, ...]) -> list[str]:
    """The lines of one case with an empty expectation per version, for the drafter to fill in."""
    lines = [f"  - naam: {quote(naam)}", f"    omschrijving: {quote(omschrijving)}", "    feiten:"]
    for fact, value in feiten.items():
        text = value_text(value)
        if text is not None:
            lines.append(f"      {fact}: {quote(text)}")
    lines.append("    verwacht:  # vul de verwachte uitkomsten in")
    lines += [f"      {v}: {{}}" for v in versies]
    return lines
