"""The structure of a reading: sentences (``Zin``) with optional list points, rendered to plain text and HTML
(the rekenhulp renders the same data to JavaScript strings), and the clause (``Bijzin``) that can stand in both
Dutch word orders. ``render.zinnen`` fills them from the IR."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from .. import ir
from ..span import ProvisionRef

__all__ = ["Bijzin", "Clause", "Lezing", "Samen", "Zin", "hoofdletter", "join", "ontken", "zin_clause"]


# --------------------------------------------------------------------------------------------------
# The sentence structure a reading is made of
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Zin:
    """One sentence; with ``punten`` it ends in a colon and the points follow as a list (each a clause).
    ``verwijzingen``: the provisions the sentence cites by their absolute citation (``ProvisionRef.citeer``),
    so a back end that can link (the site) links those words."""

    tekst: str
    punten: tuple[str, ...] = ()
    verwijzingen: tuple[ProvisionRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Lezing:
    """A reading: sentences, some with a list. Pure data, so every back end renders the same words."""

    zinnen: tuple[Zin, ...]

    def tekst(self, inspringen: str = "") -> str:
        """Plain text: each sentence on its own line, list points as "- ...;" with a full stop after the last.

        >>> print(Lezing((Zin("Dit geldt als:", ("a", "b")), Zin("Klaar.")),).tekst())
        Dit geldt als:
        - a;
        - b.
        Klaar.
        """
        lines: list[str] = []
        for z in self.zinnen:
            lines.append(inspringen + z.tekst)
            lines += [f"{inspringen}- {p}{'.' if i == len(z.punten) - 1 else ';'}" for i, p in enumerate(z.punten)]
        return "\n".join(lines)

    def html(self) -> str:
        """HTML: a paragraph per sentence, a ``<ul>`` for its points; every word through ``html.escape``."""
        out: list[str] = []
        for z in self.zinnen:
            out.append(f"<p>{escape(z.tekst)}</p>")
            if z.punten:
                items = "".join(f"<li>{escape(p)}{'.' if i == len(z.punten) - 1 else ';'}</li>"
                                for i, p in enumerate(z.punten))
                out.append(f"<ul>{items}</ul>")
        return "".join(out)

    def sentences(self) -> list[str]:
        """Every sentence and list point as a string, as the quality gate measures them."""
        return [s for z in self.zinnen for s in (z.tekst, *z.punten)]


def hoofdletter(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------------------------------
# Clauses
# --------------------------------------------------------------------------------------------------


# Particles of separable verbs that join the verb at the end of a subordinate clause.
_PARTIKELS = frozenset({"uit", "af", "mee", "toe", "terug", "weg", "aan", "op"})


@dataclass(frozen=True, slots=True)
class Bijzin:
    """An atomic clause: subject (or first constituent), finite verb, the rest."""

    onderwerp: str
    persoonsvorm: str
    rest: str

    def hoofd(self) -> str:
        return " ".join(p for p in (self.onderwerp, self.persoonsvorm, self.rest) if p)

    def bij(self) -> str:
        """Verb last; a separable particle at the end of the rest joins it ("een budget uitsluit")."""
        rest, verb = self.rest, self.persoonsvorm
        woorden = rest.split()
        if woorden and woorden[-1] in _PARTIKELS and verb:
            rest, verb = " ".join(woorden[:-1]), woorden[-1] + verb
        return " ".join(p for p in (self.onderwerp, rest, verb) if p)

    def inversie(self) -> str:
        """After a fronted phrase ("In afwijking van artikel 5.5 is de reden ...")."""
        return " ".join(p for p in (self.persoonsvorm, self.onderwerp, self.rest) if p)


@dataclass(frozen=True, slots=True)
class Samen:
    """Clauses joined by "en" or "of"."""

    voegwoord: str
    delen: tuple[Clause, ...]

    def hoofd(self) -> str:
        return join(self.voegwoord, [d.hoofd() if isinstance(d, Bijzin) else f"({d.hoofd()})" for d in self.delen])

    def bij(self) -> str:
        return join(self.voegwoord, [d.bij() if isinstance(d, Bijzin) else f"({d.bij()})" for d in self.delen])


Clause = Bijzin | Samen


def join(voegwoord: str, parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {voegwoord} {parts[-1]}"


_VERB = re.compile(r"^(.*?)\s*\[([^\]]+)\]\s*(.*)$")


def _uit_zin(text: str) -> Bijzin:
    m = _VERB.match(text)
    if m is None:  # the checker rejects this; a noun phrase read as "er is sprake van ..."
        return Bijzin("er", "is", f"sprake van {text}")
    return Bijzin(m.group(1), m.group(2), m.group(3))


def ontken(b: Bijzin) -> Bijzin:
    """The default negation: "niet" right after the finite verb (main clause), before the rest (subordinate)."""
    if b.rest.startswith("een "):
        return Bijzin(b.onderwerp, b.persoonsvorm, "geen " + b.rest[4:])
    return Bijzin(b.onderwerp, b.persoonsvorm, f"niet {b.rest}".strip())


def zin_clause(z: ir.Zin, neg: bool) -> Bijzin:
    """A declared clause, or its negation (declared, or with "niet")."""
    if not neg:
        return _uit_zin(z.tekst)
    return _uit_zin(z.ontkend) if z.ontkend else ontken(_uit_zin(z.tekst))
