"""Base ``Regeling`` + ``Wijzigingsregeling`` -> consolidated ``Regeling``: the instructions applied in order.

This works on the provision tree only; names are resolved later, on the result. Every instruction that
cannot be applied becomes a diagnostic at its place and the others still run, so one pass reports all.

Codes: W001 bepaling bestaat niet, W002 twee instructies raken dezelfde bepaling of rij, W003 ander nummer
bij "komt te luiden", W004 verkeerde soort bepaling, W005 nummer bestaat al, W006 vernummeren naar een
andere soort of plaats, W007 tabel bestaat niet, W008 rij bestaat al, W009 rij bestaat niet, W010 aantal
waarden past niet bij de kolommen, W011 basis van de wijziging is niet de gegeven versie, W012-W016 gegevens
(bestaat al, bestaat niet, andere naam, geen enumeratie, waarde bestaat al), W017 te vervangen woorden staan
er niet, W018 ze staan er vaker (zeg "telkens"), W019 hoofdstuk of paragraaf bestaat niet of al, W021 een
regel wijkt af van een bepaling die vervalt terwijl een andere haar nummer krijgt, W022 Artikel II noemt een
andere datum van inwerkingtreding dan 'geldig vanaf', W023 een begrip wordt niet vernummerd (vervalt en
invoegen in de alfabetische volgorde); warning W020 tekst en regel lopen uiteen. References in
teksten after renumbering: ``references``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic, Severity
from ..span import ProvisionRef, Span
from ..syntax import ast
from ..syntax.parse import annotate_bepaling
from ..syntax.printer import print_bepaling
from . import _tree as T
from . import herkomst as H
from ._structuur import structuur_ingevoegd, structuur_vervalt
from .gegevens import gegevens
from .references import Hernummering, renumbered_references

__all__ = ["consolidate"]

# What an instruction touches, for the conflict check: a provision, or a table row / declaration as a pair.
_Doel = ProvisionRef | tuple[str, str]


def consolidate(base: ast.Regeling, wijziging: ast.Wijzigingsregeling) -> tuple[ast.Regeling | None, list[Diagnostic]]:
    """Apply every instruction of ``wijziging`` to ``base``; the result is None when an instruction could not
    be applied. Warnings, and errors in the references of teksten (T001-T003), come back with the result.

    The result takes versie, variant, geldig_vanaf from the wijziging, titel and bron from the base, and
    ``basis`` is the base's versie. Inserted, replaced and renumbered provisions are annotated where they
    now stand, so their items cite the right provision.
    """
    ctx = Context(base.versie)
    if wijziging.basis != base.versie:
        ctx.fout("W011", wijziging.span, f"deze wijzigingsregeling wijzigt {wijziging.basis}, niet {base.versie}")
    reg = base
    met_instructies = [wa for wa in wijziging.artikelen if wa.wijzigingen]
    for wa in met_instructies:
        for w in wa.wijzigingen:
            # Usually only Artikel I holds instructions; name the artikel too when that is not so.
            wie = f"onderdeel {w.letter}" if len(met_instructies) == 1 else f"Artikel {wa.nummer}, onderdeel {w.letter}"
            for instructie in w.instructies:
                reg = _apply(reg, instructie, wie, ctx)
    _afwijkingen_naar_vervallen(reg, ctx)
    _inwerkingtreding(wijziging, ctx)
    if ctx.fouten:
        return None, ctx.fouten + ctx.waarschuwingen
    # A wrong reference in a tekst is an error, but the rules can still be checked: the result stays.
    verwijzingen = renumbered_references(base, reg, ctx.hernummerd, wijziging.versie)
    return replace(reg, versie=wijziging.versie, variant=wijziging.variant, geldig_vanaf=wijziging.geldig_vanaf,
                   basis=base.versie, eigenschappen=_eigenschappen(base, wijziging),
                   zelfstandig=tuple(wa.bepaling for wa in wijziging.artikelen if wa.bepaling is not None)), \
        verwijzingen + ctx.waarschuwingen


_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december")
_DATUM = re.compile(r"\b(\d{1,2}) (" + "|".join(_MAANDEN) + r") (\d{4})\b")


def _inwerkingtreding(wijziging: ast.Wijzigingsregeling, ctx: Context) -> None:
    """W022: a zelfstandige bepaling that says when the regeling treedt in werking must name the date of
    'geldig vanaf', which is the date the toolkit applies the version from."""
    for wa in wijziging.artikelen:
        if "in werking" not in wa.tekst:
            continue
        for m in _DATUM.finditer(wa.tekst):
            try:
                datum = datetime.date(int(m.group(3)), _MAANDEN.index(m.group(2)) + 1, int(m.group(1)))
            except ValueError:
                continue
            if datum != wijziging.geldig_vanaf:
                geldig = wijziging.geldig_span or wijziging.span
                ctx.fout("W022", wa.span, f"Artikel {wa.nummer} laat de regeling in werking treden op "
                         f"{m.group(0)}, maar 'geldig vanaf' zegt {wijziging.geldig_vanaf.isoformat()}: maak ze gelijk",
                         related=((geldig, "geldig vanaf"),))


def _eigenschappen(base: ast.Regeling, wijziging: ast.Wijzigingsregeling) -> tuple[ast.Eigenschap, ...]:
    """The base's eigenschappen, then the wijziging's; one with the name of a base eigenschap takes its place
    (so a variant can say that it breaks an inherited eigenschap on purpose: "verwacht geschonden in ...")."""
    eigen = {e.name: e for e in wijziging.eigenschappen}
    return (*(eigen.pop(e.name, e) for e in base.eigenschappen), *eigen.values())


@dataclass
class Context:
    versie: str
    fouten: list[Diagnostic] = field(default_factory=list)
    waarschuwingen: list[Diagnostic] = field(default_factory=list)
    # Everything touched so far: (doel, which onderdeel, where, whether only a renumbering brought a provision
    # to that number), for conflicts between instructions.
    geraakt: list[tuple[_Doel, str, Span, bool]] = field(default_factory=list)
    # Renumbered and lapsed provisions, for the references in teksten that must be adjusted.
    hernummerd: list[Hernummering] = field(default_factory=list)
    # Per lapsed provision, the rules of the base that cite it (for W021).
    afwijkend: list[tuple[Hernummering, list[tuple[Span, ProvisionRef]]]] = field(default_factory=list)

    def fout(self, code: str, span: Span, message: str, related: tuple[tuple[Span, str], ...] = ()) -> None:
        self.fouten.append(Diagnostic(code, span, message, related=related))

    def waarschuwing(self, code: str, span: Span, message: str) -> None:
        self.waarschuwingen.append(Diagnostic(code, span, message, Severity.WAARSCHUWING))

    def raakt(self, toetsen: list[_Doel], vastleggen: list[_Doel], wie: str, span: Span,
              nummers: tuple[_Doel, ...] = (), inhoud: bool = False) -> bool:
        """Record what an instruction touches; False (and a W002) if an earlier instruction touched it too.

        ``nummers``: the places in ``vastleggen`` that a renumbering fills. An instruction on the content
        (``inhoud``: komt te luiden, a substitution) may change a provision there afterwards, naming it by its
        new number ("vervalt, onder vernummering van het derde lid tot tweede lid" and then "in het tweede lid
        wordt ... vervangen door ..."): the instructions are applied in order, so that is not ambiguous."""
        for doel in toetsen:
            for eerder, eerder_wie, eerder_span, vernummerd in self.geraakt:
                gedeeld = _overlap(doel, eerder)
                if gedeeld is None:
                    continue
                if inhoud and vernummerd and isinstance(doel, ProvisionRef) and isinstance(eerder, ProvisionRef) \
                        and T.binnen(doel, eerder):
                    continue
                if wie == eerder_wie:
                    message = f"{wie} wijzigt {citeer(gedeeld)} twee keer"
                else:
                    message = f"{wie} en {eerder_wie} wijzigen allebei {citeer(gedeeld)}"
                self.fout("W002", span, message, ((eerder_span, f"hier wijzigt {eerder_wie} {citeer(eerder)}"),))
                return False
        self.geraakt += [(doel, wie, span, doel in nummers) for doel in vastleggen]
        return True


# --------------------------------------------------------------------------------------------------
# The instructions. Each returns the regeling with the instruction applied, or unchanged after an error.
# --------------------------------------------------------------------------------------------------


def _komt_te_luiden(reg: ast.Regeling, i: ast.KomtTeLuiden, wie: str, ctx: Context) -> ast.Regeling:
    doel, soort = i.doel.ref, T.soort(i.bepaling)
    if not ctx.raakt([doel], [doel], wie, i.span, inhoud=True):
        return reg
    oud = T.vind(reg, doel)
    if oud is None:
        ctx.fout("W001", i.span, f"{doel.citeer()} bestaat niet in {ctx.versie}")
    elif soort != T.soort_van(doel):
        ctx.fout("W004", i.span, f"{doel.citeer()} is een {T.soort_van(doel)} en kan niet komen te luiden als "
                                 f"een {soort}")
    elif soort == "begrip" and T.nummer(i.bepaling) != doel.begrip:
        ctx.fout("W003", i.span, f"{doel.citeer()} kan niet komen te luiden als het begrip '{T.nummer(i.bepaling)}': "
                                 f"de term blijft '{doel.begrip}' (een ander begrip: laat dit vervallen en voeg het "
                                 "nieuwe in de alfabetische volgorde in)")
    elif T.nummer(i.bepaling) != T.laatste(doel):
        ctx.fout("W003", i.span, f"{doel.citeer()} kan niet komen te luiden als {soort} {T.nummer(i.bepaling)}: "
                                 f"het nummer moet {T.laatste(doel)} blijven (vernummeren gaat met "
                                 f"'wordt vernummerd tot')")
    else:
        if not i.redactioneel:
            _uiteen(oud, i.bepaling, doel, i.span, ctx)
        return T.vervang(reg, doel, annotate_bepaling(H.ingebracht(i.bepaling, i.span), doel))
    return reg


def _vervalt(reg: ast.Regeling, i: ast.Vervalt, wie: str, ctx: Context) -> ast.Regeling:
    doel = i.doel.ref
    oud, nieuw = [a for a, _ in i.hernummering], [b for _, b in i.hernummering]
    if not ctx.raakt([doel, *oud, *nieuw], [doel, *nieuw], wie, i.span, nummers=tuple(nieuw)):
        return reg
    if T.vind(reg, doel) is None:
        ctx.fout("W001", i.span, f"{doel.citeer()} bestaat niet in {ctx.versie}")
        return reg
    ctx.afwijkend.append((Hernummering(doel, None, i.span), _citerend(reg, doel, i.span.file)))
    reg = T.met_naast(reg, doel, tuple(b for b in T.naast(reg, doel) if T.nummer(b) != T.laatste(doel)))
    ctx.hernummerd.append(Hernummering(doel, None, i.span))
    for van, naar in i.hernummering:
        reg = _hernummer(reg, van, naar, i.span, ctx)
    return reg


def _ingevoegd(reg: ast.Regeling, i: ast.Ingevoegd, wie: str, ctx: Context) -> ast.Regeling:
    anker, soort = i.anker.ref, T.soort(i.bepaling)
    if i.soort != soort:
        ctx.fout("W004", i.span, f"er wordt een {i.soort} ingevoegd, maar de nieuwe bepaling is een {soort}")
        return reg
    if i.positie == "aan":
        kind = _kind_van(anker, i.bepaling)
        if kind is None:
            ctx.fout("W004", i.span, f"aan {anker.citeer()} kan geen {soort} worden toegevoegd")
            return reg
        if not ctx.raakt([kind], [kind], wie, i.span):
            return reg
        ouder = T.vind(reg, anker)
        if ouder is None:
            ctx.fout("W001", i.span, f"{anker.citeer()} bestaat niet in {ctx.versie}")
            return reg
        if isinstance(ouder, ast.Artikel) and (ouder.leden if soort == "onderdeel" else ouder.onderdelen):
            heeft = "leden" if soort == "onderdeel" else "onderdelen"
            ctx.fout("W004", i.span, f"aan {anker.citeer()} kan geen {soort} worden toegevoegd: het heeft {heeft}")
            return reg
        if isinstance(ouder, ast.Artikel) and ouder.begrippen:
            ctx.fout("W004", i.span, f"aan {anker.citeer()} kan geen {soort} worden toegevoegd: het is een "
                                     "begrippenlijst (voeg een begrip in met 'in de alfabetische volgorde ingevoegd')")
            return reg
        if T.vind(reg, kind) is not None:
            ctx.fout("W005", i.span, f"{kind.citeer()} bestaat al")
            return reg
        siblings = T.naast(reg, kind)
        return T.met_naast(reg, kind, (*siblings, annotate_bepaling(H.ingebracht(i.bepaling, i.span), kind)))
    if T.soort_van(anker) != soort:
        ctx.fout("W004", i.span, f"{i.positie} {anker.citeer()} kan geen {soort} worden ingevoegd: een {soort} "
                                 f"komt {i.positie} een ander {soort}")
        return reg
    nieuw = T.met_nummer(anker, T.nummer(i.bepaling))
    if not ctx.raakt([nieuw], [nieuw], wie, i.span):
        return reg
    siblings = T.naast(reg, anker)
    plek = next((n for n, b in enumerate(siblings) if T.nummer(b) == T.laatste(anker)), None)
    if plek is None:
        ctx.fout("W001", i.span, f"{anker.citeer()} bestaat niet in {ctx.versie}")
        return reg
    if T.vind(reg, nieuw) is not None:
        ctx.fout("W005", i.span, f"{nieuw.citeer()} bestaat al")
        return reg
    plek += i.positie == "na"
    nieuwe = annotate_bepaling(H.ingebracht(i.bepaling, i.span), nieuw)
    return T.met_naast(reg, anker, (*siblings[:plek], nieuwe, *siblings[plek:]))


def _alfabetisch(reg: ast.Regeling, i: ast.AlfabetischIngevoegd, wie: str, ctx: Context) -> ast.Regeling:
    """Each begripsomschrijving takes its place in the begrippenlijst of the artikel by its term."""
    anker = i.artikel.ref
    if T.soort_van(anker) != "artikel":
        ctx.fout("W004", i.span, f"in de alfabetische volgorde wordt alleen ingevoegd in een artikel met een "
                                 f"begrippenlijst, niet in {anker.citeer()}")
        return reg
    for b in i.begrippen:
        ref = ProvisionRef(anker.artikel, begrip=b.term)
        if not ctx.raakt([ref], [ref], wie, b.span):
            continue
        artikel = T.vind(reg, anker)
        if not isinstance(artikel, ast.Artikel):
            ctx.fout("W001", i.span, f"{anker.citeer()} bestaat niet in {ctx.versie}")
            return reg
        if artikel.leden or artikel.onderdelen:
            heeft = "leden" if artikel.leden else "onderdelen"
            ctx.fout("W004", b.span, f"{anker.citeer()} heeft {heeft}, geen begrippenlijst: een begrip kan er niet "
                                     "in de alfabetische volgorde worden ingevoegd")
            return reg
        bestaand = next((x for x in artikel.begrippen if x.term.casefold() == b.term.casefold()), None)
        if bestaand is not None:
            ctx.fout("W005", b.span, f"{ProvisionRef(anker.artikel, begrip=bestaand.term).citeer()} bestaat al "
                                     "(laat haar komen te luiden)")
            continue
        plek = sum(ast.alfabetische_sleutel(x.term) < ast.alfabetische_sleutel(b.term) for x in artikel.begrippen)
        nieuw = annotate_bepaling(H.ingebracht(b, i.span), ref)
        reg = T.met_naast(reg, ref, (*artikel.begrippen[:plek], nieuw, *artikel.begrippen[plek:]))
    return reg


def _kind_van(ouder: ProvisionRef, b: T.Node) -> ProvisionRef | None:
    """Where ``b`` stands when it is added to ``ouder`` ("aan artikel 2.2 wordt een lid toegevoegd")."""
    s, o = T.soort(b), T.soort_van(ouder)
    if s == "lid" and o == "artikel":
        return ProvisionRef(ouder.artikel, T.nummer(b))
    if s == "onderdeel" and o in ("artikel", "lid"):
        return ProvisionRef(ouder.artikel, ouder.lid, T.nummer(b))
    if s == "subonderdeel" and o == "onderdeel":
        return replace(ouder, subonderdeel=T.nummer(b))
    return None


def _vernummerd(reg: ast.Regeling, i: ast.Vernummerd, wie: str, ctx: Context) -> ast.Regeling:
    oud, nieuw = i.doel.ref, i.nieuw.ref
    # The old number is free afterwards (a new provision may be inserted there), so only the new one stays taken.
    if not _hernummerbaar(oud, nieuw, i.span, ctx) or not ctx.raakt([oud, nieuw], [nieuw], wie, i.span,
                                                                     nummers=(nieuw,)):
        return reg
    return _hernummer(reg, oud, nieuw, i.span, ctx)


def _hernummerbaar(oud: ProvisionRef, nieuw: ProvisionRef, span: Span, ctx: Context) -> bool:
    soort = T.soort_van(oud)
    if soort == "begrip" or T.soort_van(nieuw) == "begrip":
        ctx.fout("W023", span, f"{oud.citeer()} kan niet worden vernummerd: een begrip staat op zijn plaats in de "
                               "alfabetische volgorde; laat het vervallen en voeg het nieuwe begrip in de "
                               "alfabetische volgorde in")
        return False
    if T.soort_van(nieuw) != soort or T.ouder(nieuw) != T.ouder(oud):
        waar = f" van {T.ouder(oud).citeer()}" if soort != "artikel" else ""
        ctx.fout("W006", span, f"{oud.citeer()} kan alleen worden vernummerd tot een ander {soort}{waar}")
        return False
    return True


def _hernummer(reg: ast.Regeling, oud: ProvisionRef, nieuw: ProvisionRef, span: Span, ctx: Context) -> ast.Regeling:
    if not _hernummerbaar(oud, nieuw, span, ctx):
        return reg
    bepaling = T.vind(reg, oud)
    if bepaling is None:
        ctx.fout("W001", span, f"{oud.citeer()} bestaat niet in {ctx.versie}")
        return reg
    if T.vind(reg, nieuw) is not None:
        ctx.fout("W005", span, f"{nieuw.citeer()} bestaat al")
        return reg
    ctx.hernummerd.append(Hernummering(oud, nieuw, span))
    reg = T.vervang(reg, oud, annotate_bepaling(T.hernummer(bepaling, T.laatste(nieuw)), nieuw))
    return T.per_artikel(reg, T.herschrijf_verwijzingen(oud, nieuw))


def _vervangen(reg: ast.Regeling, i: ast.Vervangen, wie: str, ctx: Context) -> ast.Regeling:
    """Textual substitution in the tekst of one provision; "met regels:" replaces its items as well."""
    doel = i.doel.ref
    if not ctx.raakt([doel], [doel], wie, i.span, inhoud=True):
        return reg
    bepaling = T.vind(reg, doel)
    if bepaling is None:
        ctx.fout("W001", i.span, f"{doel.citeer()} bestaat niet in {ctx.versie}")
        return reg
    keer = bepaling.tekst.count(i.oud)
    if keer == 0:
        ctx.fout("W017", i.span, f"in de tekst van {doel.citeer()} staat \"{i.oud}\" niet")
        return reg
    if keer > 1 and not i.telkens:
        ctx.fout("W018", i.span, f"\"{i.oud}\" staat {keer} keer in de tekst van {doel.citeer()}: schrijf "
                                 f"'wordt \"{i.oud}\" telkens vervangen door' of kies een langere passage")
        return reg
    nieuw = replace(bepaling, tekst=bepaling.tekst.replace(i.oud, i.nieuw),
                    herkomst=H.vervangen(bepaling.herkomst, bepaling.tekst, i.oud, i.nieuw, i.span))
    if i.items is not None:
        nieuw = replace(nieuw, items=H.nieuwe_items(bepaling.items, i.items, i.span))
    if not i.redactioneel:
        _uiteen(bepaling, nieuw, doel, i.span, ctx)
    return T.vervang(reg, doel, nieuw)


def _uiteen(oud: T.Node, nieuw: T.Node, doel: ProvisionRef, span: Span, ctx: Context) -> None:
    """W020 when the tekst changes and the rules do not, or the other way round."""
    tekst_oud, tekst_nieuw = _teksten(oud), _teksten(nieuw)
    regels_oud, regels_nieuw = _regels(oud), _regels(nieuw)
    if tekst_oud != tekst_nieuw and regels_oud == regels_nieuw and regels_oud:
        wat = "de tekst verandert, maar de regels niet"
    elif tekst_oud == tekst_nieuw and regels_oud != regels_nieuw and any(tekst_oud):
        wat = "de regels veranderen, maar de tekst niet"
    else:
        return
    ctx.waarschuwing("W020", span, f"tekst en regel lopen uiteen in {doel.citeer()}: {wat} (is de wijziging "
                                   "alleen redactioneel, zet dan 'redactioneel' voor de instructie)")


def _teksten(b: T.Node) -> list[str]:
    return [" ".join(b.tekst.split()), *(t for k in T.kinderen(b) for t in _teksten(k))]


def _regels(b: T.Node) -> str:
    """The rules and definitions of ``b`` and its parts as printed text (spans play no part)."""
    eigen = print_bepaling(ast.Lid("1", "", "", b.items, (), b.span)) if b.items else ""
    return eigen + "".join(_regels(k) for k in T.kinderen(b))


def _tabel(reg: ast.Regeling, i: ast.TabelWijziging, wie: str, ctx: Context) -> ast.Regeling:
    tabel = next((t for b in reg.bijlagen for t in b.tabellen if t.name == i.tabel), None)
    if tabel is None:
        ctx.fout("W007", i.span, f"tabel {i.tabel} bestaat niet")
        return reg
    rijen = {r.key: r for r in tabel.rijen}  # insertion order: a replaced row keeps its place
    for w in i.wijzigingen:
        if not ctx.raakt([(i.tabel, w.key)], [(i.tabel, w.key)], wie, w.span):
            continue
        if w.soort == "toegevoegd" and w.key in rijen:
            ctx.fout("W008", w.span, f"rij {w.key} bestaat al in tabel {i.tabel}")
        elif w.soort != "toegevoegd" and w.key not in rijen:
            ctx.fout("W009", w.span, f"rij {w.key} bestaat niet in tabel {i.tabel}")
        elif w.rij is None:
            del rijen[w.key]
        elif len(w.rij.values) != len(tabel.kolommen):
            n, k = len(w.rij.values), len(tabel.kolommen)
            ctx.fout("W010", w.span, f"rij {w.key} heeft {n} {'waarde' if n == 1 else 'waarden'}, maar tabel "
                                     f"{i.tabel} heeft {k} {'kolom' if k == 1 else 'kolommen'}")
        else:
            rijen[w.key] = w.rij
    nieuw = replace(tabel, rijen=tuple(rijen.values()))
    return replace(reg, bijlagen=tuple(replace(b, tabellen=tuple(nieuw if t is tabel else t for t in b.tabellen))
                                       for b in reg.bijlagen))


def _gegevens(reg: ast.Regeling, i: ast.GegevensWijziging, wie: str, ctx: Context) -> ast.Regeling:
    return gegevens(reg, i, lambda doel, span: ctx.raakt([doel], [doel], wie, span), ctx.fout, ctx.versie)


def _structuur(reg: ast.Regeling, i: ast.StructuurIngevoegd, wie: str, ctx: Context) -> ast.Regeling:
    doel = ("hoofdstuk", f"{i.nieuw.nummer}") if isinstance(i.nieuw, ast.Hoofdstuk) else (
        "paragraaf", f"{i.hoofdstuk}.{i.nieuw.nummer}")
    if not ctx.raakt([doel], [doel], wie, i.span):
        return reg
    return structuur_ingevoegd(reg, i, ctx.fout)


def _structuur_weg(reg: ast.Regeling, i: ast.StructuurVervalt, wie: str, ctx: Context) -> ast.Regeling:
    """A hoofdstuk or paragraaf lapses with its artikelen; references to them are checked as for any lapse."""
    doel = ("hoofdstuk", i.hoofdstuk) if not i.paragraaf else ("paragraaf", f"{i.hoofdstuk}.{i.paragraaf}")
    if not ctx.raakt([doel], [doel], wie, i.span):
        return reg
    voor = reg
    reg, artikelen = structuur_vervalt(reg, i, ctx.fout)
    for a in artikelen:
        ref = ProvisionRef(a.nummer)
        if not ctx.raakt([ref], [ref], wie, i.span):
            return voor
        ctx.afwijkend.append((Hernummering(ref, None, i.span), _citerend(voor, ref, i.span.file)))
        ctx.hernummerd.append(Hernummering(ref, None, i.span))
    return reg


@dataclass(frozen=True, slots=True)
class _Stand:
    """What an instruction is applied to: the version so far, the onderdeel it stands in, the diagnostics."""

    reg: ast.Regeling
    wie: str
    ctx: Context


class _Toepassing(ast.InstructieVisitor[_Stand, ast.Regeling]):
    """Each instruction kind's effect on the version being built: one method per kind (tests/test_families.py
    names a kind this pass lacks)."""

    def komt_te_luiden(self, i: ast.KomtTeLuiden, s: _Stand) -> ast.Regeling:
        return _komt_te_luiden(s.reg, i, s.wie, s.ctx)
    def vervalt(self, i: ast.Vervalt, s: _Stand) -> ast.Regeling:
        return _vervalt(s.reg, i, s.wie, s.ctx)
    def ingevoegd(self, i: ast.Ingevoegd, s: _Stand) -> ast.Regeling:
        return _ingevoegd(s.reg, i, s.wie, s.ctx)
    def alfabetisch_ingevoegd(self, i: ast.AlfabetischIngevoegd, s: _Stand) -> ast.Regeling:
        return _alfabetisch(s.reg, i, s.wie, s.ctx)
    def vernummerd(self, i: ast.Vernummerd, s: _Stand) -> ast.Regeling:
        return _vernummerd(s.reg, i, s.wie, s.ctx)
    def vervangen(self, i: ast.Vervangen, s: _Stand) -> ast.Regeling:
        return _vervangen(s.reg, i, s.wie, s.ctx)
    def structuur_ingevoegd(self, i: ast.StructuurIngevoegd, s: _Stand) -> ast.Regeling:
        return _structuur(s.reg, i, s.wie, s.ctx)
    def structuur_vervalt(self, i: ast.StructuurVervalt, s: _Stand) -> ast.Regeling:
        return _structuur_weg(s.reg, i, s.wie, s.ctx)
    def gegevens_wijziging(self, i: ast.GegevensWijziging, s: _Stand) -> ast.Regeling:
        return _gegevens(s.reg, i, s.wie, s.ctx)
    def tabel_wijziging(self, i: ast.TabelWijziging, s: _Stand) -> ast.Regeling:
        return _tabel(s.reg, i, s.wie, s.ctx)


_TOEPASSING = _Toepassing()


def _apply(reg: ast.Regeling, i: ast.Instructie, wie: str, ctx: Context) -> ast.Regeling:
    return _TOEPASSING.visit(i, _Stand(reg, wie, ctx))


def _afwijkingen_naar_vervallen(reg: ast.Regeling, ctx: Context) -> None:
    """W021: rules of the base that deviate from a provision that lapses, while another provision now stands at
    that number (renumbered into its place): they would silently deviate from that one. A citation of nothing
    at all is E251 of the checker; a citation the renumbering rewrote is fine."""
    for h, geraakt in ctx.afwijkend:
        # A rule is known by its place in the file: a renumbered one cites another provision in its span.
        regels = {(r.span.file, r.span.line, r.span.column): r for _, b in T.bepalingen(reg) for r in b.items
                  if isinstance(r, ast.Regel)}
        nog = [(regels[k], ref) for k, ref in (((sp.file, sp.line, sp.column), ref) for sp, ref in geraakt)
               if k in regels and T.vind(reg, ref) is not None and any(v.ref == ref for v in regels[k].afwijking)]
        if nog:
            waar = " en ".join(dict.fromkeys(r.span.provision.citeer() for r, _ in nog))
            ctx.fout("W021", h.span, f"{h.oud.citeer()} vervalt, maar de regel in {waar} wijkt ervan af (zij "
                                     "zou nu afwijken van wat dat nummer krijgt): laat die regel ook vervallen of "
                                     "geef haar een andere plaats in de rangorde",
                     tuple((r.span, "deze regel") for r, _ in nog))


def _citerend(reg: ast.Regeling, doel: ProvisionRef, eigen: str) -> list[tuple[Span, ProvisionRef]]:
    """The rules of the base (not written by the wijziging in file ``eigen``) citing ``doel`` or a part of it."""
    return [(r.span, v.ref) for _, b in T.bepalingen(reg) for r in b.items if isinstance(r, ast.Regel)
            and r.span.file != eigen for v in r.afwijking if T.binnen(v.ref, doel)]


def _overlap(a: _Doel, b: _Doel) -> _Doel | None:
    """What both touch (the narrower of the two), or None."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        return a if a == b else None
    if T.binnen(a, b):
        return a
    return b if T.binnen(b, a) else None


def citeer(doel: _Doel) -> str:
    if isinstance(doel, ProvisionRef):
        return doel.citeer()
    soort, naam = doel
    if soort == "gegevens":
        return f"'{naam}' in de gegevens"
    if soort == "enumeratie":
        return f"enumeratie '{naam}' in de gegevens"
    if soort in ("hoofdstuk", "paragraaf"):
        return f"{soort} {naam}"
    return f"rij {naam} van tabel {soort}"
