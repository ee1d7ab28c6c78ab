"""A base ``Regeling`` and the drafter's edited copy of it -> the ``Wijzigingsregeling`` between them.

Amendments in context: the drafter edits the consolidated text and the toolkit writes Artikel I. The two ASTs
are compared provision by provision (never as text lines); each change gets the smallest correct instruction:
a textual substitution where a few words of a tekst change, "komt te luiden" otherwise, insertions after the
provision before them, lapses, and renumbering where a provision comes back unchanged under another number
(with "vervalt onder vernummering" when it fills the place of one that lapses). A provision that is renumbered
and edited too (its content close to a free one of the base under another number) gets the renumbering and,
naming it by its new number, the smallest instruction for the edit: renumberings come first in a
wijzigingsregeling and later instructions cite the numbers as they then stand (the wijzigingsformules of the
Aanwijzingen voor de regelgeving), rather than a "komt te luiden" of the number it moves to and a lapse of
the one it leaves. When that pairing cannot be applied the derivation runs again without it. Table rows,
gegevens and
eigenschappen follow. The result is checked by consolidating it again: it must give the edited text.

Codes: A001 a change no instruction can express (a bijlage's tekst, a hoofdstuk's titel, a lapsed eigenschap,
...), A002 the derived instructions do not give the edited text (a limit of this derivation; names where).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic
from ..span import ProvisionRef, Span
from ..syntax import ast
from ..syntax.printer import print_bepaling
from . import _afleiden_delen as D
from . import _tree as T
from . import herkomst as H
from ._gelijk import eigen, gelijk, verschillen, woorden_van, zelfde_versie
from .consolidate import consolidate

__all__ = ["afleiden", "zelfde_versie"]


def afleiden(base: ast.Regeling, bewerkt: ast.Regeling, versie: str, geldig_vanaf: datetime.date,
             variant: bool) -> tuple[ast.Wijzigingsregeling | None, list[Diagnostic]]:
    """The wijzigingsregeling that turns ``base`` into ``bewerkt`` (None with A001/A002 when there is none).
    ``bewerkt.zelfstandig`` (rules that hold in the new version but stand outside its text: Artikel II with
    overgangsrecht) become the zelfstandige bepalingen of the result, before the one on inwerkingtreding."""
    w, fouten = _afleiden(base, bewerkt, versie, geldig_vanaf, variant, herkennen=True)
    if w is None:  # the pairing of renumbered and edited provisions could not be applied: without it
        return _afleiden(base, bewerkt, versie, geldig_vanaf, variant, herkennen=False)
    return w, fouten


def _afleiden(base: ast.Regeling, bewerkt: ast.Regeling, versie: str, geldig_vanaf: datetime.date,
              variant: bool, herkennen: bool) -> tuple[ast.Wijzigingsregeling | None, list[Diagnostic]]:
    a = _doorloop(base, bewerkt, herkennen)
    eigenschappen = a.eigenschappen()
    if a.fouten:
        return None, a.fouten
    if a.lijst:
        # Lapses and renumberings first; the rest is found against the base with them applied, so a rule whose
        # citation the renumbering rewrites (as the drafter did in the copy) is no change.
        tussen, found = consolidate(base, D.wijzigingsregeling(base, versie, geldig_vanaf, variant, a.lijst, (),
                                                              "geen", {}, bewerkt.span))
        if tussen is None:
            return None, [Diagnostic("A002", bewerkt.span, "de vernummeringen en vervallen bepalingen kunnen niet "
                                     "worden toegepast: " + "; ".join(f"{d.code} {d.message}" for d in found))]
        rest = _doorloop(tussen, bewerkt, herkennen)
        if rest.fouten:
            return None, rest.fouten
        a.rest, a.verwacht = rest.lijst + rest.rest, rest.verwacht
    # What consolidation makes of the copy: a provision brought in without herkomst is a voorstel.
    verwacht = bewerkt
    for ref, node in a.verwacht:
        verwacht = T.vervang(verwacht, ref, node)
    # Onderdelen per artikel in the order of the regeling; if that order cannot be applied, in the order the
    # instructions were found; failing that, one instruction per onderdeel.
    volgorde: dict[str, int] = {}
    for x in (*bewerkt.alle_artikelen(), *base.alle_artikelen()):
        volgorde.setdefault(f"artikel {x.nummer}", len(volgorde))
    for groepering in ("regeling", "gevonden", "geen"):
        w = D.wijzigingsregeling(base, versie, geldig_vanaf, variant, a.lijst + a.rest, eigenschappen,
                                groepering, volgorde, bewerkt.span, bewerkt.zelfstandig, bewerkt)
        result, found = consolidate(base, w)
        if result is not None and zelfde_versie(result, verwacht):
            return w, []
    verschil = "; ".join(verschillen(result, verwacht)) if result is not None else "; ".join(
        f"{d.code} {d.message}" for d in found if d.is_error)
    return None, [Diagnostic("A002", bewerkt.span, f"de afgeleide instructies geven niet precies de bewerkte "
                                                   f"tekst ({verschil}); deel de wijziging op")]


def _doorloop(base: ast.Regeling, bewerkt: ast.Regeling, herkennen: bool = True) -> _Afleiding:
    a = _Afleiding(base, bewerkt, bewerkt.span, herkennen)
    a.gegevens()
    a.structuur()
    a.artikelen()
    a.bijlagen()
    return a


def _sleutel(b: T.Node) -> str:
    """A provision's content without its number and its "in afwijking van" citations, to find it back when it
    has been renumbered (renumbering rewrites those citations)."""
    tekst = print_bepaling(T.hernummer(b, "#"))
    return re.sub(r"^(\s*regel) in afwijking van [^:]*:", r"\1:", tekst, flags=re.MULTILINE)


# How alike two provisions must be (difflib's ratio over the words of their content without number) to count
# as one provision renumbered and edited rather than one lapsed and another coming to read differently.
GELIJKENIS = 0.75


def _gelijkenis(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


class _Kind(ast.BepalingVisitor[ProvisionRef, ProvisionRef]):
    """The reference of provision ``b`` standing in the provision ``ouder`` refers to."""

    def artikel(self, b: ast.Artikel, ouder: ProvisionRef) -> ProvisionRef:
        return ProvisionRef(b.nummer)
    def lid(self, b: ast.Lid, ouder: ProvisionRef) -> ProvisionRef:
        return ProvisionRef(ouder.artikel, b.nummer)
    def onderdeel(self, b: ast.Onderdeel, ouder: ProvisionRef) -> ProvisionRef:
        return ProvisionRef(ouder.artikel, ouder.lid, b.letter)
    def subonderdeel(self, b: ast.Subonderdeel, ouder: ProvisionRef) -> ProvisionRef:
        return replace(ouder, subonderdeel=b.nummer)
    def begripsomschrijving(self, b: ast.Begripsomschrijving, ouder: ProvisionRef) -> ProvisionRef:
        return ProvisionRef(ouder.artikel, begrip=b.term)


_KIND = _Kind()


def _kind(ouder: ProvisionRef, b: T.Node) -> ProvisionRef:
    return _KIND.visit(b, ouder)


@dataclass
class _Afleiding:
    base: ast.Regeling
    bewerkt: ast.Regeling
    span: Span
    # Whether a provision renumbered and edited is found back by its likeness (``GELIJKENIS``).
    herkennen: bool = True
    # Lapses and renumberings come first (so every later instruction finds its provision under its new
    # number); changes and insertions follow in document order.
    lijst: list[ast.Instructie] = field(default_factory=list)
    rest: list[ast.Instructie] = field(default_factory=list)
    fouten: list[Diagnostic] = field(default_factory=list)
    # Provisions as the instructions bring them in (herkomst voorstel where the copy says none).
    verwacht: list[tuple[ProvisionRef, T.Node]] = field(default_factory=list)

    def inbreng(self, ref: ProvisionRef, b: T.Node, zoals: T.Node | None = None) -> T.Node:
        """``b`` (the copy's ``zoals``, adjusted) as an instruction brings it in; recorded when it differs from
        the copy, so the check compares with what consolidation makes of it."""
        nieuw = H.ingebracht(b, self.span)
        if nieuw is not (zoals or b):
            self.verwacht.append((ref, nieuw))
        return nieuw

    def fout(self, message: str, span: Span | None = None) -> None:
        """A001 at the edited node (``span``), or at the top of the edited copy for something taken away."""
        self.fouten.append(Diagnostic("A001", span or self.span, message))

    def ref(self, ref: ProvisionRef) -> ast.Verwijzing:
        return ast.Verwijzing(ref, self.span)

    # ---------------------------------------------------------------------------------------------- gegevens

    def gegevens(self) -> None:
        wijzigingen = D.gegevens_instructies(self.base.gegevens, self.bewerkt.gegevens, self.span)
        if wijzigingen:
            self.rest.append(ast.GegevensWijziging(tuple(wijzigingen), self.span))

    def bijlagen(self) -> None:
        oud = {b.letter: b for b in self.base.bijlagen}
        for b in self.bewerkt.bijlagen:
            vorig = oud.pop(b.letter, None)
            if vorig is None:
                self.fout(f"bijlage {b.letter} is nieuw: een bijlage kan niet met een instructie worden ingevoegd",
                          b.span)
                continue
            if not gelijk(replace(vorig, tabellen=()), replace(b, tabellen=())):
                self.fout(f"de tekst, titel of herkomst van bijlage {b.letter} is gewijzigd: daarvoor is geen "
                          "instructie (alleen rijen van een tabel kunnen wijzigen)", b.span)
            tabellen = {t.name: t for t in vorig.tabellen}
            for t in b.tabellen:
                was = tabellen.pop(t.name, None)
                if was is None or not gelijk(replace(was, rijen=()), replace(t, rijen=())):
                    self.fout(f"tabel {t.name} in bijlage {b.letter} is nieuw of heeft andere kolommen: alleen rijen "
                              "van een tabel kunnen wijzigen", t.span)
                    continue
                rijen = D.tabel_instructies(was, t, self.span)
                if rijen:
                    self.rest.append(ast.TabelWijziging(t.name, tuple(rijen), self.span))
            for naam in tabellen:
                self.fout(f"tabel {naam} in bijlage {b.letter} is weggehaald: een tabel kan niet vervallen")
        for letter in oud:
            self.fout(f"bijlage {letter} is weggehaald: een bijlage kan niet vervallen")

    def eigenschappen(self) -> tuple[ast.Eigenschap, ...]:
        oud = {e.name: e for e in self.base.eigenschappen}
        nieuw = {e.name for e in self.bewerkt.eigenschappen}
        for naam in oud:
            if naam not in nieuw:
                self.fout(f"eigenschap {naam} is weggehaald: een eigenschap van de basis kan niet vervallen (schrijf "
                          "haar opnieuw met 'verwacht geschonden in ...')")
        return tuple(e for e in self.bewerkt.eigenschappen if e.name not in oud or not gelijk(oud[e.name], e))

    # ------------------------------------------------------------------------------- hoofdstukken, paragrafen

    def structuur(self) -> None:
        """New and lapsed hoofdstukken and paragrafen; their artikelen travel with them."""
        oud = {h.nummer: h for h in self.base.hoofdstukken}
        nieuw = {h.nummer: h for h in self.bewerkt.hoofdstukken}
        self.nieuwe_artikelen: set[str] = set()
        self.vervallen_artikelen: set[str] = set()
        for n, h in oud.items():
            if n not in nieuw:
                self.lijst.append(ast.StructuurVervalt(n, "", self.span))
                self.vervallen_artikelen |= {a.nummer for a in _artikelen(h)}
        for i, h in enumerate(self.bewerkt.hoofdstukken):
            if h.nummer not in oud:
                anker = self._anker([x.nummer for x in self.bewerkt.hoofdstukken], i, set(oud))
                if anker is None:
                    self.fout(f"hoofdstuk {h.nummer} is nieuw en staat naast geen bestaand hoofdstuk", h.span)
                    continue
                self.rest.append(ast.StructuurIngevoegd(anker[0], anker[1], "", "hoofdstuk", h, self.span))
                self.nieuwe_artikelen |= {a.nummer for a in _artikelen(h)}
                continue
            was = oud[h.nummer]
            if woorden_van(was.titel) != woorden_van(h.titel):
                self.fout(f"de titel van hoofdstuk {h.nummer} is gewijzigd: daarvoor is geen instructie", h.span)
            p_oud = {p.nummer: p for p in was.paragrafen}
            for n, p in p_oud.items():
                if n not in {x.nummer for x in h.paragrafen}:
                    self.lijst.append(ast.StructuurVervalt(h.nummer, n, self.span))
                    self.vervallen_artikelen |= {a.nummer for a in p.artikelen}
            for j, p in enumerate(h.paragrafen):
                if p.nummer in p_oud:
                    if woorden_van(p_oud[p.nummer].titel) != woorden_van(p.titel):
                        self.fout(f"de titel van hoofdstuk {h.nummer}, paragraaf {p.nummer} is gewijzigd: daarvoor "
                                  "is geen instructie", p.span)
                    continue
                anker = self._anker([x.nummer for x in h.paragrafen], j, set(p_oud))
                if anker is None:
                    self.fout(f"paragraaf {p.nummer} van hoofdstuk {h.nummer} is nieuw en staat naast geen "
                              "bestaande paragraaf", p.span)
                    continue
                self.rest.append(ast.StructuurIngevoegd(anker[0], h.nummer, anker[1], "paragraaf", p, self.span))
                self.nieuwe_artikelen |= {a.nummer for a in p.artikelen}

    @staticmethod
    def _anker(nummers: list[str], plek: int, bestaand: set[str]) -> tuple[str, str] | None:
        """("na", the nearest earlier sibling that exists) or ("voor", the next), or None."""
        eerder = [n for n in nummers[:plek] if n in bestaand]
        if eerder:
            return "na", eerder[-1]
        later = [n for n in nummers[plek + 1:] if n in bestaand]
        return ("voor", later[0]) if later else None

    # ---------------------------------------------------------------------------------------------- artikelen

    def artikelen(self) -> None:
        # The zelfstandige bepalingen of a wijzigingsregeling (Artikel II with rules) are no part of the text.
        oud = tuple(a for a in self.base.alle_artikelen() if a.nummer not in self.vervallen_artikelen
                    and a not in self.base.zelfstandig)
        nieuw = tuple(a for a in self.bewerkt.alle_artikelen() if a.nummer not in self.nieuwe_artikelen
                      and a not in self.bewerkt.zelfstandig)
        self.naast(ProvisionRef(), oud, nieuw)

    def naast(self, ouder: ProvisionRef, oud: tuple[T.Node, ...], nieuw: tuple[T.Node, ...]) -> None:
        """The instructions between two lists of siblings under ``ouder``."""
        was = {T.nummer(b): b for b in oud}
        wordt = {T.nummer(b): b for b in nieuw}
        paren = {n: n for n in wordt if n in was and gelijk(was[n], wordt[n])}
        vrij = [m for m in was if m not in paren]
        # A provision that comes back unchanged under another number is renumbered.
        sleutels = {m: _sleutel(was[m]) for m in vrij}
        for n, b in wordt.items():
            if n not in paren:
                sleutel = _sleutel(b)
                zelfde = next((m for m in vrij if m != n and sleutels[m] == sleutel), None)
                if zelfde is not None:
                    paren[n] = zelfde
                    vrij.remove(zelfde)
        if self.herkennen:
            self._herken(was, wordt, paren, vrij, sleutels)
        for n in wordt:
            if n not in paren and n in vrij:
                paren[n] = n
                vrij.remove(n)
        self._hernummeren(lambda n: _kind(ouder, wordt.get(n) or was[n]), vrij,
                          {m: n for n, m in paren.items() if m != n}, set(was))
        bestaand = set(paren)
        for i, b in enumerate(nieuw):
            n = T.nummer(b)
            ref = _kind(ouder, b)
            if n in paren:
                if paren[n] == n:
                    self.wijzig(ref, was[n], b)
                continue
            anker = self._anker([T.nummer(x) for x in nieuw], i, bestaand)
            if isinstance(b, ast.Artikel):
                lijst = next((lijst for lijst in T.artikellijsten(self.bewerkt) if b in lijst), ())
                anker = self._anker([x.nummer for x in lijst], lijst.index(b), bestaand) if lijst else None
            if anker is not None:
                self.rest.append(ast.Ingevoegd(anker[0], self.ref(_kind(ouder, wordt[anker[1]])), T.soort(b),
                                               self.inbreng(ref, b), self.span))
            elif not isinstance(b, ast.Artikel) and ouder.artikel:
                self.rest.append(ast.Ingevoegd("aan", self.ref(ouder), T.soort(b), self.inbreng(ref, b), self.span))
            else:
                self.fout(f"{ref.citeer()} is nieuw en staat naast geen bestaande bepaling", b.span)
                continue
            bestaand.add(n)

    def begrippen(self, artikel: ProvisionRef, oud: tuple[ast.Begripsomschrijving, ...],
                  nieuw: tuple[ast.Begripsomschrijving, ...]) -> None:
        """A begrippenlijst: a begrip is known by its term and never renumbered. One that is gone lapses
        ("De begripsomschrijving van '...' vervalt."), one that is new is inserted in the alphabetical order
        (all of them in one instruction), one that stays is changed like any provision."""
        was = {b.term: b for b in oud}
        terms = {b.term for b in nieuw}
        for term in was:
            if term not in terms:
                self.lijst.append(ast.Vervalt(self.ref(ProvisionRef(artikel.artikel, begrip=term)), self.span))
        nieuwe: list[ast.Begripsomschrijving] = []
        for b in nieuw:
            ref = ProvisionRef(artikel.artikel, begrip=b.term)
            if b.term in was:
                self.wijzig(ref, was[b.term], b)
                continue
            ingebracht = self.inbreng(ref, b)
            assert isinstance(ingebracht, ast.Begripsomschrijving)
            nieuwe.append(ingebracht)
        if nieuwe:
            self.rest.append(ast.AlfabetischIngevoegd(self.ref(artikel), tuple(nieuwe), self.span))


    def _herken(self, was: dict[str, T.Node], wordt: dict[str, T.Node], paren: dict[str, str], vrij: list[str],
                sleutels: dict[str, str]) -> None:
        """A provision renumbered and edited: paired with the free provision of the base, under another number,
        that it is most like, when that is alike enough and more alike than the base's provision of its own
        number. The edit is then found against the base with the renumbering applied."""
        for n, b in wordt.items():
            if n in paren:
                continue
            sleutel = _sleutel(b)
            kandidaten = [(_gelijkenis(sleutels[m], sleutel), m) for m in vrij
                          if m != n and T.soort(was[m]) == T.soort(b)]
            if not kandidaten:
                continue
            score, m = max(kandidaten)
            eigen = _gelijkenis(sleutels[n], sleutel) if n in vrij else 0.0
            if score >= GELIJKENIS and score > eigen:
                paren[n] = m
                vrij.remove(m)

    def _hernummeren(self, ref: Callable[[str], ProvisionRef], vervallen: list[str], hernummerd: dict[str, str],
                     bezet: set[str]) -> None:
        """Lapses (with the renumberings that fill their place: "vervalt onder vernummering") and the other
        renumberings, in an order in which each new number is free when it is taken."""
        terug = {n: m for m, n in hernummerd.items()}
        for weg in vervallen:
            keten, plek = [], weg
            bezet.discard(weg)
            while plek in terug:
                van = terug.pop(plek)
                del hernummerd[van]
                keten.append((ref(van), ref(plek)))
                bezet = (bezet - {van}) | {plek}
                plek = van
            self.lijst.append(ast.Vervalt(self.ref(ref(weg)), self.span, tuple(keten)))
        while hernummerd:
            vrij = next((m for m, n in hernummerd.items() if n not in bezet), None)
            if vrij is None:
                self.fout("een vernummering is een kring (een nummer schuift naar een nummer dat nog bezet is): "
                          "vernummer in twee stappen")
                return
            naar = hernummerd.pop(vrij)
            self.lijst.append(ast.Vernummerd(self.ref(ref(vrij)), self.ref(ref(naar)), self.span))
            bezet = (bezet - {vrij}) | {naar}

    # ---------------------------------------------------------------------------------------------- one pair

    def wijzig(self, ref: ProvisionRef, oud: T.Node, nieuw: T.Node) -> None:
        """The smallest instruction for one provision that keeps its number."""
        if gelijk(oud, nieuw):
            return
        kop_gelijk = gelijk(_kop(oud), _kop(nieuw))
        eigen_gelijk = woorden_van(oud.tekst) == woorden_van(nieuw.tekst) and gelijk(oud.items, nieuw.items)
        kinderen_gelijk = gelijk(T.kinderen(oud), T.kinderen(nieuw))
        if kop_gelijk and eigen_gelijk:
            self._kinderen(ref, oud, nieuw)
            return
        if kop_gelijk and kinderen_gelijk and woorden_van(oud.tekst) != woorden_van(nieuw.tekst):
            sub = D.substitutie(oud.tekst, nieuw.tekst)
            if sub is not None:
                items = None if gelijk(oud.items, nieuw.items) else H.nieuwe_items(oud.items, nieuw.items, self.span)
                if items is not None and not gelijk(items, nieuw.items):
                    self.verwacht.append((ref, replace(nieuw, items=items)))
                self.rest.append(ast.Vervangen(self.ref(ref), sub[0], sub[1], False, items, self.span))
                return
        self.rest.append(ast.KomtTeLuiden(self.ref(ref), self.inbreng(ref, _herkomst_voor(oud, nieuw, self.span),
                                                                      nieuw), self.span))

    def _kinderen(self, ref: ProvisionRef, oud: T.Node, nieuw: T.Node) -> None:
        if isinstance(oud, ast.Artikel) and isinstance(nieuw, ast.Artikel):
            self.naast(ref, oud.leden, nieuw.leden)
            self.naast(ref, oud.onderdelen, nieuw.onderdelen)
            self.begrippen(ref, oud.begrippen, nieuw.begrippen)
        else:
            self.naast(ref, T.kinderen(oud), T.kinderen(nieuw))


def _kop(b: T.Node) -> T.Node:
    """What a substitution cannot change: titel, herkomst and toelichting (the tekst, items and children
    blanked)."""
    return replace(eigen(b), tekst="", items=())


def _herkomst_voor(oud: T.Node, nieuw: T.Node, span: Span) -> T.Node:
    """A provision that comes to read differently is no longer official text: when the drafter left the
    herkomst officieel of the base standing above a new tekst, the instruction declares it a voorstel."""
    h = nieuw.herkomst
    if (h is not None and h.soort == "officieel" and gelijk(oud.herkomst, h)
            and woorden_van(oud.tekst) != woorden_van(nieuw.tekst)):
        return replace(nieuw, herkomst=ast.Herkomst("voorstel", (), "", (), span))
    return nieuw


def _artikelen(x: ast.Hoofdstuk | ast.Paragraaf) -> tuple[ast.Artikel, ...]:
    if isinstance(x, ast.Hoofdstuk):
        return (*x.artikelen, *(a for p in x.paragrafen for a in p.artikelen))
    return x.artikelen
