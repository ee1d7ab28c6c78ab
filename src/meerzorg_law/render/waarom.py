"""Why a case came out as it did, in the sentences of the generator: for ``meerzorg uitleg`` and for the
rekenhulp, which shows the same words next to its answer.

Pure functions of the IR (and a trace): ``stelling`` says a value of a fact, begrip or outcome as a statement,
``voorwaarde_zinnen`` gives each condition of a rule as what is said when it holds and when it does not (a
back end without a trace picks one of the two), ``waarom`` reads a whole trace as a ``Lezing``.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import ir
from ..engine.trace import OutcomeStep, RuleStep, Trace
from ..types import TypeKind
from ..values import Value
from .lezing import Lezing, Samen, Zin, hoofdletter, zin_clause
from .lezingen import MAX_WOORDEN
from .waarden import toon, toon_enum, toon_uitkomst
from .zinnen import clause, declared_zin, naam

__all__ = ["begrip_redenen", "redenen_van", "stelling", "uitkomst_stelling", "verandering", "voorwaarde_zinnen",
           "waarom"]


def _toon(regeling: ir.Regeling, name: str, kind: str, value: Value) -> str:
    decls: dict[str, ir.FactDecl] | dict[str, ir.OutcomeDecl] | dict[str, ir.Definition] = (
        regeling.facts if kind == "invoer" else regeling.outcomes if kind == "uitkomst" else regeling.definitions)
    decl = decls.get(name)
    if decl is not None and decl.type.kind is TypeKind.ENUM and isinstance(value, str):
        return toon_enum(regeling, decl.type.enum, value)
    return toon(value)


def stelling(regeling: ir.Regeling, name: str, kind: str, value: Value,
             toon_als: Callable[[ir.Regeling, str, Value], str] | None = None) -> str:
    """A value as a statement: a waar/onwaar name by its declared clause ("De verzekerde heeft geen recht op
    meer zorg"), another by its noun phrase ("De leveringsvorm is een persoonsgebonden budget"), a name without
    a ``zin`` as "label: value"."""
    waarde = toon_als(regeling, name, value) if toon_als else _toon(regeling, name, kind, value)
    z = declared_zin(regeling, name, kind)
    if isinstance(value, bool) and z is not None and "[" in z.tekst:
        return hoofdletter(zin_clause(z, not value).hoofd())
    if z is not None and "[" not in z.tekst:
        decls: dict[str, ir.FactDecl] | dict[str, ir.OutcomeDecl] | dict[str, ir.Definition] = (
            regeling.facts if kind == "invoer" else regeling.outcomes if kind == "uitkomst" else
            regeling.definitions)
        decl = decls.get(name)
        if decl is not None and decl.type.kind is TypeKind.ENUM and isinstance(value, str):
            return hoofdletter(_is_waarde(regeling, z.tekst, decl.type.enum, value))
        return f"{hoofdletter(z.tekst)} is {waarde}"
    return f"{hoofdletter(naam(regeling, name, kind))}: {waarde}"


def uitkomst_stelling(regeling: ir.Regeling, name: str, value: Value) -> str:
    """An outcome's value as ``meerzorg uitleg`` states it ("De verzekerde heeft recht op meer zorg", "Het aantal
    uren meer zorg per week is 11:00 uur"): the one wording of an outcome for uitleg and the exports."""
    return stelling(regeling, name, "uitkomst", value, toon_uitkomst)


def verandering(oud: ir.Regeling, nieuw: ir.Regeling, name: str, oud_waarde: Value, nieuw_waarde: Value,
                namen: dict[str, str], kind: str = "uitkomst") -> str:
    """A changed outcome (or, with ``kind`` "begrip", a changed begrip) as a sentence: the new statement, then
    the old one with the version it holds in ("De verzekerde heeft geen recht op meer zorg (in 2026: de
    verzekerde heeft recht op meer zorg)."); the versions by ``namen`` (``lezingen.versienamen``), never by
    their ids."""
    if kind == "uitkomst":
        nu, was = uitkomst_stelling(nieuw, name, nieuw_waarde), uitkomst_stelling(oud, name, oud_waarde)
    else:
        nu, was = stelling(nieuw, name, kind, nieuw_waarde), stelling(oud, name, kind, oud_waarde)
    onderwerp = nu[:nu.find(" is ") + 4] if " is " in nu else ""
    if onderwerp and was.startswith(onderwerp):  # "Het aantal uren ... is 0:00 uur (in 2026: 14:15 uur)."
        was = was[len(onderwerp):]
    elif was[1:2].islower():
        was = was[:1].lower() + was[1:]
    return f"{nu} ({namen.get(oud.versie, 'eerst')}: {was})."


def begrip_redenen(oud: ir.Regeling, nieuw: ir.Regeling, trace_oud: Trace, trace_nieuw: Trace,
                   namen: dict[str, str]) -> tuple[str, ...]:
    """The begrippen both traces computed with a different value, each as a sentence of ``verandering`` ("De
    telbare zorgbehoefte is 36:00 uur (in 2026: 48:00 uur)."), in the order of the new trace: what
    ``engine.trace_diff`` lists as code names, in words."""
    was = {d.name: d.value for d in trace_oud.definitions}
    nu = {d.name: d.value for d in trace_nieuw.definitions}
    return tuple(verandering(oud, nieuw, n, was[n], v, namen, "begrip")
                 for n, v in nu.items() if n in was and was[n] != v)


def _is_waarde(regeling: ir.Regeling, onderwerp: str, enum: str, value: str) -> str:
    """"de leveringsvorm is een persoonsgebonden budget"; a value that declares its own clause says that ("geen
    andere regeling voorziet in de zorgbehoefte"), one without any by its label in quotes."""
    decl = regeling.enums.get(enum)
    z = decl.zinnen[decl.values.index(value)] if decl is not None and decl.zinnen and value in decl.values else None
    if z is not None and "[" in z.tekst:
        return zin_clause(z, False).hoofd()
    if z is not None:
        return f"{onderwerp} is {z.tekst}"
    label = toon_enum(regeling, enum, value)
    return f"{onderwerp} is {label if label == value else f'‘{label}’'}"


def voorwaarde_zinnen(regeling: ir.Regeling, rule: ir.Rule) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Per condition of the rule (``tenzij`` ones included, in order): the statements when its expression is
    true and when it is false; a combination that is true with "en" is one statement per part."""
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for c in rule.conditions:
        kanten: list[tuple[str, ...]] = []
        for neg in (False, True):
            c_ = clause(regeling, c.expr, neg)
            kanten.append(tuple(d.hoofd() for d in c_.delen) if isinstance(c_, Samen) and c_.voegwoord == "en"
                          else (c_.hoofd(),))
        out.append((kanten[0], kanten[1]))
    return tuple(out)


def redenen_van(regeling: ir.Regeling, rule: ir.Rule) -> tuple[str, ...]:
    """What holds when the rule applies: each condition as true, each ``tenzij`` as false, one statement per
    part of an "en" (the rekenhulp shows these next to a rule that decided)."""
    zinnen = voorwaarde_zinnen(regeling, rule)
    return tuple(s for (waar, onwaar), c in zip(zinnen, rule.conditions, strict=True)
                 for s in (onwaar if c.tenzij else waar))


def _redenen(regeling: ir.Regeling, rules: dict[int, ir.Rule], step: RuleStep) -> tuple[str, ...]:
    """What made a rule apply (every condition as it was), or what stopped it (the first that failed)."""
    rule = rules.get(step.rule_id)
    if rule is None or len(rule.conditions) != len(step.conditions):
        return ()
    zinnen = voorwaarde_zinnen(regeling, rule)
    if step.applied:
        return tuple(s for (waar, onwaar), c in zip(zinnen, step.conditions, strict=True)
                     if c.value is not None for s in (waar if c.value else onwaar))
    for (waar, onwaar), c in zip(zinnen, step.conditions, strict=True):
        if c.held is False:
            return waar if c.value else onwaar
    return ()


def _uitkomst(regeling: ir.Regeling, rules: dict[int, ir.Rule], o: OutcomeStep) -> list[Zin]:
    hoofd = stelling(regeling, o.name, "uitkomst", o.value)
    d = o.decided_by
    if d is None:
        return [Zin(f"{hoofd}, want geen regel is van toepassing.")]
    redenen = _redenen(regeling, rules, d)
    bron = f"volgens {d.provision.citeer()}"
    if not redenen:
        return [Zin(f"{hoofd} ({bron}).")]
    if len(redenen) == 1 and len(f"{hoofd} {bron}, want {redenen[0]}".split()) <= MAX_WOORDEN:
        return [Zin(f"{hoofd} {bron}, want {redenen[0]}.")]
    if len(f"{hoofd} {bron}, want:".split()) <= MAX_WOORDEN:
        return [Zin(f"{hoofd} {bron}, want:", redenen)]
    return [Zin(f"{hoofd}."), Zin(f"Dat volgt uit {d.provision.citeer()}, want:", redenen)]


def waarom(regeling: ir.Regeling, trace: Trace, uitkomsten: tuple[str, ...] = ()) -> Lezing:
    """Every outcome of a trace (or only ``uitkomsten``) with the provision that decided it and why."""
    rules: dict[int, ir.Rule] = {}
    for r in regeling.rules:
        rules.setdefault(r.id, r)
    return Lezing(tuple(z for o in trace.outcomes if not uitkomsten or o.name in uitkomsten
                        for z in _uitkomst(regeling, rules, o)))
