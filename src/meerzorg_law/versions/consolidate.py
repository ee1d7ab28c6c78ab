"""Base ``Regeling`` + ``Wijzigingsregeling`` -> consolidated ``Regeling``: the instructions applied in order.

This works on the provision tree only; names are resolved later, on the result. Every instruction that
cannot be applied becomes a diagnostic at its place and the others still run, so one pass reports all.

Codes: W001 bepaling bestaat niet, W002 twee instructies raken dezelfde bepaling of rij, W003 ander nummer
bij "komt te luiden", W004 verkeerde soort bepaling, W005 nummer bestaat al, W006 vernummeren naar een
andere soort of plaats, W007 tabel bestaat niet, W008 rij bestaat al, W009 rij bestaat niet, W010 aantal
waarden past niet bij de kolommen, W011 basis van de wijziging is niet de gegeven versie.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic
from ..span import ProvisionRef, Span
from ..syntax import ast
from ..syntax.parse import annotate_bepaling

__all__ = ["consolidate"]

# What an instruction touches, for the conflict check: a provision, or a table row as (tabel, sleutel).
_Doel = ProvisionRef | tuple[str, str]


def consolidate(base: ast.Regeling, wijziging: ast.Wijzigingsregeling) -> tuple[ast.Regeling | None, list[Diagnostic]]:
    """Apply every instruction of ``wijziging`` to ``base``; the result is None only when there were errors.

    The result takes versie, variant, geldig_vanaf from the wijziging, titel and bron from the base, and
    ``basis`` is the base's versie. Inserted, replaced and renumbered provisions are annotated where they
    now stand, so their items cite the right provision.
    """
    ctx = _Context(base.versie)
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
    if ctx.fouten:
        return None, ctx.fouten
    return replace(reg, versie=wijziging.versie, variant=wijziging.variant, geldig_vanaf=wijziging.geldig_vanaf,
                   basis=base.versie, eigenschappen=base.eigenschappen + wijziging.eigenschappen), []


@dataclass
class _Context:
    versie: str
    fouten: list[Diagnostic] = field(default_factory=list)
    # Everything touched so far: (doel, which onderdeel, where), for conflicts between instructions.
    geraakt: list[tuple[_Doel, str, Span]] = field(default_factory=list)

    def fout(self, code: str, span: Span, message: str, related: tuple[tuple[Span, str], ...] = ()) -> None:
        self.fouten.append(Diagnostic(code, span, message, related=related))

    def raakt(self, toetsen: list[_Doel], vastleggen: list[_Doel], wie: str, span: Span) -> bool:
        """Record what an instruction touches; False (and a W002) if an earlier instruction touched it too."""
        for doel in toetsen:
            for eerder, eerder_wie, eerder_span in self.geraakt:
                gedeeld = _overlap(doel, eerder)
                if gedeeld is None:
                    continue
                if wie == eerder_wie:
                    message = f"{wie} wijzigt {_citeer(gedeeld)} twee keer"
                else:
                    message = f"{wie} en {eerder_wie} wijzigen allebei {_citeer(gedeeld)}"
                self.fout("W002", span, message, ((eerder_span, f"hier wijzigt {eerder_wie} {_citeer(eerder)}"),))
                return False
        self.geraakt += [(doel, wie, span) for doel in vastleggen]
        return True


# --------------------------------------------------------------------------------------------------
# The instructions. Each returns the regeling with the instruction applied, or unchanged after an error.
# --------------------------------------------------------------------------------------------------


def _komt_te_luiden(reg: ast.Regeling, i: ast.KomtTeLuiden, wie: str, ctx: _Context) -> ast.Regeling:
    doel, soort = i.doel.ref, _soort(i.bepaling)
    if not ctx.raakt([doel], [doel], wie, i.span):
        return reg
    if _vind(reg, doel) is None:
        ctx.fout("W001", i.span, f"{doel.citeer()} bestaat niet in {ctx.versie}")
    elif soort != _soort_van(doel):
        ctx.fout("W004", i.span, f"{doel.citeer()} is een {_soort_van(doel)} en kan niet komen te luiden als "
                                 f"een {soort}")
    elif _nummer(i.bepaling) != _laatste(doel):
        ctx.fout("W003", i.span, f"{doel.citeer()} kan niet komen te luiden als {soort} {_nummer(i.bepaling)}: "
                                 f"het nummer moet {_laatste(doel)} blijven (vernummeren gaat met "
                                 f"'wordt vernummerd tot')")
    else:
        return _vervang(reg, doel, annotate_bepaling(i.bepaling, doel))
    return reg


def _vervalt(reg: ast.Regeling, i: ast.Vervalt, wie: str, ctx: _Context) -> ast.Regeling:
    doel = i.doel.ref
    if not ctx.raakt([doel], [doel], wie, i.span):
        return reg
    if _vind(reg, doel) is None:
        ctx.fout("W001", i.span, f"{doel.citeer()} bestaat niet in {ctx.versie}")
        return reg
    return _met_naast(reg, doel, tuple(b for b in _naast(reg, doel) if _nummer(b) != _laatste(doel)))


def _ingevoegd(reg: ast.Regeling, i: ast.Ingevoegd, wie: str, ctx: _Context) -> ast.Regeling:
    anker, soort = i.anker.ref, _soort(i.bepaling)
    if i.soort != soort:
        ctx.fout("W004", i.span, f"er wordt een {i.soort} ingevoegd, maar de nieuwe bepaling is een {soort}")
        return reg
    if _soort_van(anker) != soort:
        ctx.fout("W004", i.span, f"{i.positie} {anker.citeer()} kan geen {soort} worden ingevoegd: een {soort} "
                                 f"komt {i.positie} een ander {soort}")
        return reg
    nieuw = replace(anker, **{soort: _nummer(i.bepaling)})
    if not ctx.raakt([nieuw], [nieuw], wie, i.span):
        return reg
    naast = _naast(reg, anker)
    plek = next((n for n, b in enumerate(naast) if _nummer(b) == _laatste(anker)), None)
    if plek is None:
        ctx.fout("W001", i.span, f"{anker.citeer()} bestaat niet in {ctx.versie}")
        return reg
    if _vind(reg, nieuw) is not None:
        ctx.fout("W005", i.span, f"{nieuw.citeer()} bestaat al")
        return reg
    plek += i.positie == "na"
    return _met_naast(reg, anker, (*naast[:plek], annotate_bepaling(i.bepaling, nieuw), *naast[plek:]))


def _vernummerd(reg: ast.Regeling, i: ast.Vernummerd, wie: str, ctx: _Context) -> ast.Regeling:
    oud, nieuw = i.doel.ref, i.nieuw.ref
    soort = _soort_van(oud)
    if _soort_van(nieuw) != soort or _ouder(nieuw) != _ouder(oud):
        waar = f" van {_ouder(oud).citeer()}" if soort != "artikel" else ""
        ctx.fout("W006", i.span, f"{oud.citeer()} kan alleen worden vernummerd tot een ander {soort}{waar}")
        return reg
    # The old number is free afterwards (a new provision may be inserted there), so only the new one stays taken.
    if not ctx.raakt([oud, nieuw], [nieuw], wie, i.span):
        return reg
    bepaling = _vind(reg, oud)
    if bepaling is None:
        ctx.fout("W001", i.span, f"{oud.citeer()} bestaat niet in {ctx.versie}")
        return reg
    if _vind(reg, nieuw) is not None:
        ctx.fout("W005", i.span, f"{nieuw.citeer()} bestaat al")
        return reg
    hernummerd = replace(bepaling, letter=_laatste(nieuw)) if isinstance(bepaling, ast.Onderdeel) else replace(
        bepaling, nummer=_laatste(nieuw))
    reg = _vervang(reg, oud, annotate_bepaling(hernummerd, nieuw))
    return _per_artikel(reg, _herschrijf_verwijzingen(oud, nieuw))


def _tabel(reg: ast.Regeling, i: ast.TabelWijziging, wie: str, ctx: _Context) -> ast.Regeling:
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


def _gegevens(reg: ast.Regeling, i: ast.GegevensWijziging, wie: str, ctx: _Context) -> ast.Regeling:
    """Add, replace or remove a declaration of the case interface, or add a value to an enumeratie."""
    decls = {d.name: d for d in reg.gegevens}  # insertion order: a replaced declaration keeps its place
    for w in i.wijzigingen:
        if not ctx.raakt([("gegevens", w.naam)], [("gegevens", w.naam)], wie, w.span):
            continue
        bestaand = decls.get(w.naam)
        if w.soort == "ingevoegd" and w.declaratie is not None:
            if bestaand is not None:
                ctx.fout("W012", w.span, f"'{w.naam}' bestaat al in de gegevens")
            else:
                decls[w.naam] = w.declaratie
        elif bestaand is None:
            ctx.fout("W013", w.span, f"'{w.naam}' bestaat niet in de gegevens van {ctx.versie}")
        elif w.soort == "luidt" and w.declaratie is not None:
            if w.declaratie.name != w.naam:
                ctx.fout("W014", w.span, f"'{w.naam}' komt te luiden als '{w.declaratie.name}': gebruik dezelfde naam")
            else:
                decls[w.naam] = w.declaratie
        elif w.soort == "vervalt":
            del decls[w.naam]
        elif w.waarde is not None:
            if not isinstance(bestaand, ast.Enumeratie):
                ctx.fout("W015", w.span, f"'{w.naam}' is geen enumeratie")
            elif any(v.name == w.waarde.name for v in bestaand.values):
                ctx.fout("W016", w.span, f"'{w.waarde.name}' is al een waarde van {w.naam}")
            else:
                decls[w.naam] = replace(bestaand, values=(*bestaand.values, w.waarde))
    return replace(reg, gegevens=tuple(decls.values()))


def _apply(reg: ast.Regeling, i: ast.Instructie, wie: str, ctx: _Context) -> ast.Regeling:
    if isinstance(i, ast.KomtTeLuiden):
        return _komt_te_luiden(reg, i, wie, ctx)
    if isinstance(i, ast.Vervalt):
        return _vervalt(reg, i, wie, ctx)
    if isinstance(i, ast.Ingevoegd):
        return _ingevoegd(reg, i, wie, ctx)
    if isinstance(i, ast.Vernummerd):
        return _vernummerd(reg, i, wie, ctx)
    if isinstance(i, ast.GegevensWijziging):
        return _gegevens(reg, i, wie, ctx)
    return _tabel(reg, i, wie, ctx)

# --------------------------------------------------------------------------------------------------
# The provision tree: find the provisions beside a reference and rebuild the path up to them.
# --------------------------------------------------------------------------------------------------


def _soort(b: ast.Bepaling) -> str:
    return "artikel" if isinstance(b, ast.Artikel) else "lid" if isinstance(b, ast.Lid) else "onderdeel"


def _soort_van(ref: ProvisionRef) -> str:
    return "onderdeel" if ref.onderdeel else "lid" if ref.lid else "artikel"


def _nummer(b: ast.Bepaling) -> str:
    return b.letter if isinstance(b, ast.Onderdeel) else b.nummer


def _laatste(ref: ProvisionRef) -> str:
    return ref.onderdeel or ref.lid or ref.artikel


def _ouder(ref: ProvisionRef) -> ProvisionRef:
    if ref.onderdeel:
        return ProvisionRef(ref.artikel, ref.lid)
    return ProvisionRef(ref.artikel) if ref.lid else ProvisionRef()


def _binnen(ref: ProvisionRef, ouder: ProvisionRef) -> bool:
    """Whether ``ref`` is ``ouder`` or lies inside it. Unlike ``ProvisionRef.bevat``, an artikel's own
    onderdeel a (artikel 4, onderdeel a) does not contain onderdeel a of one of its leden."""
    diepte = ("artikel", "lid", "onderdeel").index(_soort_van(ouder)) + 1
    return (ref.artikel, ref.lid, ref.onderdeel)[:diepte] == (ouder.artikel, ouder.lid, ouder.onderdeel)[:diepte]


def _overlap(a: _Doel, b: _Doel) -> _Doel | None:
    """What both touch (the narrower of the two), or None."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        return a if a == b else None
    if _binnen(a, b):
        return a
    return b if _binnen(b, a) else None


def _citeer(doel: _Doel) -> str:
    if isinstance(doel, tuple):
        return f"'{doel[1]}' in de gegevens" if doel[0] == "gegevens" else f"rij {doel[1]} van tabel {doel[0]}"
    return doel.citeer()


def _artikellijsten(reg: ast.Regeling) -> Iterator[tuple[ast.Artikel, ...]]:
    yield reg.artikelen
    for h in reg.hoofdstukken:
        yield h.artikelen
        for p in h.paragrafen:
            yield p.artikelen


def _per_artikellijst(reg: ast.Regeling,
                      f: Callable[[tuple[ast.Artikel, ...]], tuple[ast.Artikel, ...]]) -> ast.Regeling:
    return replace(reg, artikelen=f(reg.artikelen), hoofdstukken=tuple(
        replace(h, artikelen=f(h.artikelen),
                paragrafen=tuple(replace(p, artikelen=f(p.artikelen)) for p in h.paragrafen))
        for h in reg.hoofdstukken))


def _per_artikel(reg: ast.Regeling, f: Callable[[ast.Artikel], ast.Artikel]) -> ast.Regeling:
    return _per_artikellijst(reg, lambda lijst: tuple(f(a) for a in lijst))


def _naast(reg: ast.Regeling, ref: ProvisionRef) -> tuple[ast.Bepaling, ...]:
    """The provisions standing beside ``ref``, itself included (empty when its parent does not exist)."""
    soort = _soort_van(ref)
    if soort == "artikel":
        return next((lijst for lijst in _artikellijsten(reg) if any(a.nummer == ref.artikel for a in lijst)), ())
    ouder = _vind(reg, _ouder(ref))
    if soort == "lid":
        return ouder.leden if isinstance(ouder, ast.Artikel) else ()
    return ouder.onderdelen if isinstance(ouder, (ast.Artikel, ast.Lid)) else ()


def _vind(reg: ast.Regeling, ref: ProvisionRef) -> ast.Bepaling | None:
    return next((b for b in _naast(reg, ref) if _nummer(b) == _laatste(ref)), None)


def _met_naast(reg: ast.Regeling, ref: ProvisionRef, naast: tuple[ast.Bepaling, ...]) -> ast.Regeling:
    """``reg`` with the provisions beside ``ref`` (whose parent exists) replaced by ``naast``."""
    soort = _soort_van(ref)
    if soort == "artikel":
        artikelen = tuple(b for b in naast if isinstance(b, ast.Artikel))
        return _per_artikellijst(reg, lambda lijst: artikelen if any(a.nummer == ref.artikel for a in lijst) else lijst)
    ouder = _vind(reg, _ouder(ref))
    nieuw: ast.Bepaling
    if soort == "lid" and isinstance(ouder, ast.Artikel):
        nieuw = replace(ouder, leden=tuple(b for b in naast if isinstance(b, ast.Lid)))
    elif soort == "onderdeel" and isinstance(ouder, (ast.Artikel, ast.Lid)):
        nieuw = replace(ouder, onderdelen=tuple(b for b in naast if isinstance(b, ast.Onderdeel)))
    else:
        raise AssertionError(f"{_ouder(ref).citeer()} bestaat niet")
    return _vervang(reg, _ouder(ref), nieuw)


def _vervang(reg: ast.Regeling, ref: ProvisionRef, bepaling: ast.Bepaling) -> ast.Regeling:
    """``reg`` with the provision at ``ref`` replaced (``bepaling`` may carry a new number)."""
    return _met_naast(reg, ref, tuple(bepaling if _nummer(b) == _laatste(ref) else b for b in _naast(reg, ref)))


def _herschrijf_verwijzingen(oud: ProvisionRef, nieuw: ProvisionRef) -> Callable[[ast.Artikel], ast.Artikel]:
    """An artikel-rewriter: every "in afwijking van" citation of ``oud`` (or inside it) now cites ``nieuw``."""
    veld = _soort_van(oud)

    def items(xs: tuple[ast.Item, ...]) -> tuple[ast.Item, ...]:
        return tuple(replace(x, afwijking=tuple(
            replace(v, ref=replace(v.ref, **{veld: _laatste(nieuw)})) if _binnen(v.ref, oud) else v
            for v in x.afwijking)) if isinstance(x, ast.Regel) else x for x in xs)

    def onderdeel(o: ast.Onderdeel) -> ast.Onderdeel:
        return replace(o, items=items(o.items),
                       subonderdelen=tuple(replace(s, items=items(s.items)) for s in o.subonderdelen))

    def artikel(a: ast.Artikel) -> ast.Artikel:
        return replace(a, items=items(a.items), onderdelen=tuple(onderdeel(o) for o in a.onderdelen),
                       leden=tuple(replace(lid, items=items(lid.items),
                                           onderdelen=tuple(onderdeel(o) for o in lid.onderdelen))
                                   for lid in a.leden))

    return artikel
