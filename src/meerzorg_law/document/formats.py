"""Formats of the document model, registered by name as sqlglot registers dialects.

``Generator`` walks the model once: ``TRANSFORMS`` maps every node class (``model.NODE_CLASSES``) to the
method that lays it out as ``Blok``s (paragraphs with a style, an indent and runs of text that may be
citations, sources, insertions or deletions). A layout format (.docx, PDF, the site, plain text) overrides
only ``layout``; a structural format (Akoma Ntoso) overrides ``TRANSFORMS`` itself. With ``renvooi=True`` a
provision's change status against its base is shown: deleted text struck through, inserted text marked,
a renumbered provision as moved (its old number struck, its new number inserted), a lapsed one struck
through in full.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, ClassVar, TypeVar

from .model import (
    Act,
    Amendment,
    AmendmentArticle,
    AmendmentPart,
    Bron,
    Cite,
    DataChange,
    Mod,
    Provision,
    QuotedText,
    RowChange,
    Table,
    Toelichting,
)

__all__ = ["FORMATS", "Blok", "Format", "Generator", "Run", "register", "woorden"]


@dataclass(frozen=True, slots=True)
class Run:
    """``soort``: gelijk, weg (deleted) or nieuw (inserted); ``cite`` or ``bron`` when the text refers."""

    tekst: str
    soort: str = "gelijk"
    cite: Cite | None = None
    bron: Bron | None = None
    noot: int = 0


@dataclass(frozen=True, slots=True)
class Blok:
    """``stijl``: titel, kop, tekst, citaat and citaatkop (a quoted provision), klein, ondertekening, pagina (a
    page break), noot, tabel (``cellen``);
    ``diepte`` the indent (quoted text stands deeper); ``soort`` whether the paragraph itself is new or gone."""

    stijl: str
    runs: tuple[Run, ...] = ()
    diepte: int = 0
    soort: str = "gelijk"
    cellen: tuple[tuple[tuple[Run, ...], ...], ...] = ()

    def tekst(self, kant: str = "nieuw") -> str:
        weg = "weg" if kant == "nieuw" else "nieuw"
        return "".join(r.tekst for r in self.runs if r.soort != weg)


_WORD = re.compile(r"\S+\s*")


def woorden(oud: str, nieuw: str) -> tuple[Run, ...]:
    """A word diff as runs: accepting every change gives ``nieuw``, rejecting every change ``oud``."""
    a, b = _WORD.findall(oud), _WORD.findall(nieuw)
    runs: list[Run] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(Run("".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Run("".join(a[i1:i2]), "weg"))
        if j2 > j1:
            runs.append(Run("".join(b[j1:j2]), "nieuw"))
    return tuple(runs)


FORMATS: dict[str, type[Format]] = {}
G = TypeVar("G", bound="type[Format]")


def register(naam: str) -> Callable[[G], G]:
    def deco(cls: G) -> G:
        cls.naam = naam
        FORMATS[naam] = cls
        return cls
    return deco


_KOP = {"chapter": "Hoofdstuk {n}", "section": "§ {n}", "article": "Artikel {n}", "annex": "Bijlage {n}"}


class Format:
    """What the registry holds: a name, one transform per node class, ``render`` and reading back."""

    naam: ClassVar[str] = ""
    TRANSFORMS: ClassVar[dict[type, Callable[..., Any]]] = {}

    def __init__(self, renvooi: bool = False) -> None:
        self.renvooi = renvooi

    def render(self, node: object) -> Any:
        raise NotImplementedError

    @classmethod
    def als_tekst(cls, out: Any) -> str:
        """The plain text of a rendered document (what the tests read back)."""
        raise NotImplementedError


class Generator(Format):
    """The walk over the model as paragraphs, once; see the module docstring."""

    def __init__(self, renvooi: bool = False) -> None:
        super().__init__(renvooi)
        self.noten: list[Bron] = []

    # ---- entry points -------------------------------------------------------------------------------
    def render(self, node: object) -> Any:
        return self.layout(list(self.blokken(node)))

    def blokken(self, node: object) -> Iterator[Blok]:
        transform = self.TRANSFORMS.get(type(node))
        if transform is None:
            raise NotImplementedError(f"format {self.naam} has no transform for {type(node).__name__}")
        yield from transform(self, node)

    def layout(self, blokken: list[Blok]) -> Any:
        raise NotImplementedError(f"format {self.naam} has no layout")

    # ---- the regeling -------------------------------------------------------------------------------
    def act(self, a: Act) -> Iterator[Blok]:
        yield Blok("titel", (Run(a.titel),))
        for p in (*a.kinderen, *a.bijlagen):
            yield from self.blokken(p)

    def _kop(self, p: Provision) -> str:
        kop = _KOP[p.soort].format(n=p.nummer)
        return f"{kop}. {p.kop}" if p.kop else kop

    def _status_runs(self, p: Provision, nu: str, toen: str) -> tuple[tuple[Run, ...], str]:
        if not self.renvooi or p.status == "unchanged":
            return (Run(nu),), "gelijk"
        if p.status == "new":
            return (Run(nu, "nieuw"),), "nieuw"
        if p.status == "lapsed":
            return (Run(toen, "weg"),), "weg"
        return woorden(toen, nu), "gelijk"

    def provision(self, p: Provision, diepte: int = 0) -> Iterator[Blok]:
        if p.status == "lapsed" and not self.renvooi:
            return
        if p.soort in _KOP:
            oud = _oud(p)
            runs, soort = self._status_runs(p, self._kop(p), self._kop(oud))
            yield Blok("kop", runs, diepte, soort)
            if p.tekst or p.tekst_oud:
                runs, soort = self._status_runs(p, p.tekst, p.tekst_oud)
                if not p.tekst and soort == "gelijk":  # the text itself lapses: its paragraph goes too
                    runs, soort = (Run(p.tekst_oud, "weg"),), "weg"
                if p.tekst or self.renvooi:
                    yield Blok("tekst", runs, diepte, soort)
        else:
            na = ": " if p.soort == "definition" else ". "  # a begrip reads "term: omschrijving"
            runs, soort = self._status_runs(p, f"{p.nummer}{na}{p.tekst}".rstrip(),
                                     f"{p.was or p.nummer}{na}{p.tekst_oud}".rstrip())
            if self.renvooi and p.status == "renumbered":  # moved: the number changes, the text is compared
                runs = (Run(f"{p.was}." + (" " if p.tekst_oud else ""), "weg"),
                        Run(f"{p.nummer}." + (" " if p.tekst else ""), "nieuw"), *woorden(p.tekst_oud, p.tekst))
            yield Blok("tekst", runs, diepte + (1 if p.soort == "subpoint" else 0), soort)
        for t in p.tabellen:
            yield from self.blokken(t)
        for k in p.kinderen:
            yield from self.provision(k, diepte)

    def table(self, t: Table) -> Iterator[Blok]:
        yield Blok("klein", (Run(f"Tabel: {t.label}" if t.label else f"Tabel {t.naam}"),))
        kop = tuple((Run(c),) for c in t.kolommen)
        if not self.renvooi or t.rijen_oud is None:
            yield Blok("tabel", cellen=(kop, *(tuple((Run(c),) for c in r) for r in t.rijen)))
            return
        rijen: list[tuple[tuple[Run, ...], ...]] = [kop]
        if t.kolommen_oud is not None:  # other columns: the old heading row goes, the new one comes
            rijen = [tuple((Run(c, "weg"),) for c in t.kolommen_oud), tuple((Run(c, "nieuw"),) for c in t.kolommen)]
        oud, nieuw = [list(r) for r in t.rijen_oud], [list(r) for r in t.rijen]
        sm = difflib.SequenceMatcher(a=[tuple(r) for r in oud], b=[tuple(r) for r in nieuw], autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                rijen += [tuple((Run(c),) for c in r) for r in nieuw[j1:j2]]
                continue
            rijen += [tuple((Run(c, "weg"),) for c in r) for r in oud[i1:i2]]
            rijen += [tuple((Run(c, "nieuw"),) for c in r) for r in nieuw[j1:j2]]
        yield Blok("tabel", cellen=tuple(rijen))

    # ---- the wijzigingsregeling ---------------------------------------------------------------------
    def amendment(self, a: Amendment) -> Iterator[Blok]:
        yield Blok("titel", (Run(a.titel),))
        yield Blok("tekst", (Run(a.ondertekening),))
        if a.aanhef:
            yield Blok("tekst", (Run(a.aanhef),))
        yield Blok("tekst", (Run("Besluit:"),))
        for art in a.artikelen:
            yield from self.blokken(art)
        yield Blok("tekst", (Run(a.slot),))
        yield Blok("ondertekening", (Run(a.ondertekening),))
        yield from self.blokken(a.toelichting)

    def article(self, art: AmendmentArticle) -> Iterator[Blok]:
        yield Blok("kop", (Run(f"Artikel {art.nummer}" + (f". {art.titel}" if art.titel else "")),))
        for n, lid in enumerate(art.leden, 1):
            yield Blok("tekst", (Run(f"{n}. {lid}" if len(art.leden) > 1 and art.parts == () else lid),))
        for part in art.parts:
            yield from self.blokken(part)

    def part(self, part: AmendmentPart) -> Iterator[Blok]:
        yield Blok("kop", (Run(part.letter),))
        if part.tekst:
            yield Blok("tekst", (Run(part.tekst),))
        for n, m in enumerate(part.mods, 1):
            yield from self.mod(m, f"{n}. " if len(part.mods) > 1 else "")

    def mod(self, m: Mod, nummer: str = "") -> Iterator[Blok]:
        runs = tuple(Run(p) if isinstance(p, str) else Run(p.tekst, cite=p) for p in m.zin)
        yield Blok("tekst", ((Run(nummer),) if nummer else ()) + runs, 1 if nummer else 0)
        for q in m.quoted:
            if isinstance(q, Provision):  # quoted: the new wording as it will read
                for b in self.provision(q, 2 if nummer else 1):
                    yield Blok("citaatkop" if b.stijl == "kop" else "citaat", b.runs, b.diepte, b.soort, b.cellen)
            else:
                yield from self.blokken(q)

    def quoted_text(self, q: QuotedText) -> Iterator[Blok]:
        return iter(())  # the sentence itself quotes the words ("wordt “25%” vervangen door “20%”")

    def row_change(self, r: RowChange) -> Iterator[Blok]:
        wat = {"luidt": "komt te luiden", "vervalt": "vervalt", "toegevoegd": "wordt toegevoegd"}[r.soort]
        cellen = f": {' | '.join(r.cellen)}" if r.cellen else ""
        yield Blok("tekst", (Run(f"De rij {r.key} {wat}{cellen}"),), 1)

    def data_change(self, d: DataChange) -> Iterator[Blok]:
        for z in d.zinnen:
            yield Blok("klein", (Run(z),), 1)

    def toelichting(self, t: Toelichting) -> Iterator[Blok]:
        yield Blok("pagina")
        yield Blok("titel", (Run("Toelichting"),))
        if t.algemeen:
            yield Blok("kop", (Run("Algemeen"),))
            yield from (self._alinea(a) for a in t.algemeen)
        if t.artikelsgewijs:
            yield Blok("kop", (Run("Artikelsgewijs"),))
            for kop, alineas in t.artikelsgewijs:
                yield Blok("kop", (Run(kop),), 1)
                yield from (self._alinea(a) for a in alineas)
        if self.noten:
            yield Blok("kop", (Run("Bronnen"),))
            for n, b in enumerate(self.noten, 1):
                yield Blok("noot", (Run(f"{n}. {b.titel}" + (f", {b.adres}" if b.adres else "")),))

    def _alinea(self, delen: tuple[str | Bron, ...]) -> Blok:
        runs = []
        for d in delen:
            if isinstance(d, str):
                runs.append(Run(d))
                continue
            if d not in self.noten:
                self.noten.append(d)
            runs.append(Run(f" ({d.titel})", bron=d, noot=self.noten.index(d) + 1))
        return Blok("tekst", tuple(runs))

    TRANSFORMS = {Act: act, Provision: provision, Table: table, Amendment: amendment, AmendmentArticle: article,
                  AmendmentPart: part, Mod: mod, QuotedText: quoted_text, RowChange: row_change,
                  DataChange: data_change, Toelichting: toelichting}


def _oud(p: Provision) -> Provision:
    """The provision as it read in the base: its old number and heading."""
    return replace(p, nummer=p.was or p.nummer, kop=p.kop_oud if p.status in ("changed", "renumbered") else p.kop)


@register("tekst")
class TekstFormat(Generator):
    """Plain text, one paragraph a line; in renvooi wdiff-style: [-deleted-] {+inserted+}."""

    def layout(self, blokken: list[Blok]) -> str:
        regels = []
        for b in blokken:
            if b.stijl == "tabel":
                regels += ["  " * (b.diepte + 1) + " | ".join(_marks(c) for c in rij) for rij in b.cellen]
            elif b.stijl != "pagina":
                regels.append("  " * b.diepte + _marks(b.runs))
        return "\n".join(regels) + "\n"

    @classmethod
    def als_tekst(cls, out: Any) -> str:
        return str(out)


def _marks(runs: tuple[Run, ...]) -> str:
    marks = {"gelijk": "{}", "weg": "[-{}-]", "nieuw": "{{+{}+}}"}
    return "".join(marks[r.soort].format(r.tekst) + (f"[{r.noot}]" if r.noot else "") for r in runs)
