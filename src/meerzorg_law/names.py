"""Names as a reader sees them: which character in a name is not what it looks like.

A Cyrillic 'е' in 'lееftijd' prints exactly like 'leeftijd', so "bedoelde u leeftijd?" alone does not help;
the message has to name the odd character. Look-alikes come from Unicode's confusables table, via the
``confusable_homoglyphs`` library (loaded only when a message needs it).
"""

from __future__ import annotations

import unicodedata

__all__ = ["odd_characters"]


def odd_characters(word: str) -> str:
    """Empty for a plain ASCII word; else one Dutch clause per odd character, e.g.
    "het teken 'е' (U+0435 CYRILLIC SMALL LETTER IE) lijkt op 'e'"."""
    seen: list[str] = []
    for ch in word:
        if (ch.isascii() and ch.isprintable()) or ch in seen:
            continue
        seen.append(ch)
    return "; ".join(_describe(ch) for ch in seen)


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    code = f"U+{ord(ch):04X}" + (f" {name}" if name else "")
    like = _looks_like(ch)
    if like:
        return f"het teken '{ch}' ({code}) lijkt op '{like}'"
    if not ch.isprintable():
        return f"het onzichtbare teken {code}"
    return f"het teken '{ch}' ({code}) is geen gewoon teken"


def _looks_like(ch: str) -> str:
    from confusable_homoglyphs import confusables  # type: ignore[import-untyped]

    found = confusables.is_confusable(ch, preferred_aliases=["latin", "common"], greedy=True) or []
    ascii_glyphs = [str(g["c"]) for f in found for g in f["homoglyphs"] if str(g["c"]).isascii()]
    # Of several (Cyrillic 'І' is listed like 'l', 'I' and '1'), the letter of the same case reads best.
    same_case = [g for g in ascii_glyphs if g.isalpha() and g.isupper() == ch.isupper()]
    if same_case or ascii_glyphs:
        return (same_case or ascii_glyphs)[0]
    plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
    return plain
