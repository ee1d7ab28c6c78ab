"""Rules, begrippen and eigenschappen as readings (``zinnen.Lezing``): the Dutch a reader of the site, of
``meerzorg uitleg``, of an export or of the rekenhulp sees.

Conditions are subordinate clauses after "als"; more than two, or any that is itself a combination, become a
list ("als aan elk van deze voorwaarden is voldaan:" / "als een van deze situaties zich voordoet:"), so a
sentence never nests more than one level of brackets. References are absolute citations.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import ir
from ..types import TypeKind
from .waarden import datum, toon, toon_enum
from .zinnen import Bijzin, Clause, Lezing, Samen, Zin, clause, declared_zin, hoofdletter, noun, term, zin_clause

__all__ = ["MAX_WOORDEN", "begrip_lezing", "eigenschap_lezing", "regel_lezing", "toekenning", "versienamen",
           "voorwaarden", "voorwaarden_zin"]

# A sentence longer than this becomes a list (the quality gate holds every reading to it).
MAX_WOORDEN = 25


def _woorden(text: str) -> int:
    return len(text.split())


def _conjuncts(c: Clause) -> list[Clause]:
    return list(c.delen) if isinstance(c, Samen) and c.voegwoord == "en" else [c]


_GETALLEN = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen", 10: "tien"}


def voorwaarden(hoofd: str, delen: list[Clause], slot: str = ".") -> list[Zin]:
    """``hoofd`` (a main clause, or "Dit geldt niet") followed by its conditions: inline with "als" when there
    are at most two simple ones and the sentence stays short, else as a list; one choice among fixed conditions
    too long to say inline is a second list ("Die situaties zijn: ...")."""
    keuzes = [d for d in delen if isinstance(d, Samen) and d.voegwoord == "of"]
    if len(delen) > 1 and len(keuzes) == 1:
        vast = [d for d in delen if d is not keuzes[0]]
        inline = " en ".join(d.bij() for d in vast)
        if all(isinstance(d, Bijzin) for d in vast) and _woorden(inline) > MAX_WOORDEN // 2:
            intro = "aan beide voorwaarden" if len(delen) == 2 else "aan elk van deze voorwaarden"
            return [Zin(f"{hoofd} als {intro} is voldaan:",
                        (*(d.bij() for d in vast), "een van de situaties hieronder zich voordoet")),
                    Zin("Die situaties zijn:", tuple(o.bij() for o in keuzes[0].delen))]
    if len(delen) == 1 and isinstance(delen[0], Samen) and delen[0].voegwoord == "of" and any(
            isinstance(o, Samen) and (len(o.delen) > 2 or _woorden(o.bij()) > MAX_WOORDEN) for o in delen[0].delen):
        # A situation that is itself several conditions gets its own sentence, so no list nests in a list.
        aantal = _GETALLEN.get(len(delen[0].delen), str(len(delen[0].delen)))
        zinnen = [Zin(f"{hoofd} in elk van deze {aantal} situaties.")]
        for i, o in enumerate(delen[0].delen, 1):
            if isinstance(o, Samen) and o.voegwoord == "en":
                zinnen.append(Zin(f"Situatie {i}: aan elk van deze voorwaarden is voldaan:",
                                  tuple(d.bij() for d in o.delen)))
            else:
                zinnen.append(Zin(f"Situatie {i}: {o.hoofd()}."))
        return zinnen
    zin = voorwaarden_zin(hoofd, delen, slot)
    if zin.punten and _woorden(zin.tekst) > MAX_WOORDEN and slot == ".":
        # A long head (a value label in quotes) and the list's intro: two sentences.
        intro = zin.tekst[len(hoofd):].removeprefix(" als ")
        return [Zin(f"{hoofd}{slot}"), Zin(f"Dat geldt als {intro}", zin.punten)]
    return [zin]


def voorwaarden_zin(hoofd: str, delen: list[Clause], slot: str = ".") -> Zin:
    """The conditions as one sentence, inline or with a list (see ``voorwaarden``)."""
    if not delen:
        return Zin(hoofd + slot)
    if len(delen) == 1 and isinstance(delen[0], Samen) and delen[0].voegwoord == "of":
        opties = delen[0].delen
        if len(opties) > 2 or any(isinstance(o, Samen) for o in opties) or \
                _woorden(f"{hoofd} als {delen[0].bij()}") > MAX_WOORDEN:
            return Zin(f"{hoofd} als een van deze situaties zich voordoet:", tuple(o.bij() for o in opties))
    keuzes = [d for d in delen if isinstance(d, Samen) and d.voegwoord == "of"]
    if len(delen) > 1 and len(keuzes) == 1 and all(isinstance(d, Bijzin) for d in delen if d is not keuzes[0]):
        # "als A en een van deze situaties zich voordoet: ..." keeps the choice a list, not a bracket.
        vast = " en ".join(d.bij() for d in delen if d is not keuzes[0])
        if _woorden(vast) <= MAX_WOORDEN // 2:
            return Zin(f"{hoofd} als {vast} en een van deze situaties zich voordoet:",
                       tuple(o.bij() for o in keuzes[0].delen))
    simple = all(isinstance(d, Bijzin) or (len(delen) == 1 and not any(isinstance(x, Samen) for x in d.delen))
                 for d in delen)
    inline = f"{hoofd} als {' en '.join(d.bij() for d in delen)}{slot}"
    if len(delen) <= 2 and simple and _woorden(inline) <= MAX_WOORDEN:
        return Zin(inline)
    intro = {1: "aan deze voorwaarde", 2: "aan beide voorwaarden"}.get(len(delen), "aan elk van deze voorwaarden")
    return Zin(f"{hoofd} als {intro} is voldaan:", tuple(d.bij() for d in delen))


def _waarde_tekst(regeling: ir.Regeling, e: ir.Expr) -> str:
    if isinstance(e, ir.Const) and e.type.kind is TypeKind.ENUM and isinstance(e.value, str):
        z = _enum_zin(regeling, e.type.enum, e.value)
        if z is not None and "[" not in z.tekst:
            return z.tekst
        return f"‘{toon_enum(regeling, e.type.enum, e.value)}’"
    if isinstance(e, ir.Var) and e.kind != "invoer" and e.name in regeling.definitions:
        d = regeling.definitions[e.name]
        return f"{noun(regeling, e.name, e.kind)} ({d.span.provision.citeer()})"
    if isinstance(e, ir.Const):
        return toon(e.value)
    return term(regeling, e)


def _enum_zin(regeling: ir.Regeling, enum: str, value: str) -> ir.Zin | None:
    decl = regeling.enums.get(enum)
    if decl is None or value not in decl.values or not decl.zinnen:
        return None
    return decl.zinnen[decl.values.index(value)]


def toekenning(regeling: ir.Regeling, rule: ir.Rule) -> Bijzin:
    """What a rule gives one outcome, as a clause: "de verzekerde heeft recht op meer zorg", "de reden van de
    beslissing is ‘meer zorg toegekend’"."""
    decl = regeling.outcomes.get(rule.outcome)
    z = decl.zin if decl is not None else None
    if z is not None and "[" in z.tekst and isinstance(rule.value, ir.Const):
        return zin_clause(z, not bool(rule.value.value))
    return Bijzin(noun(regeling, rule.outcome, "uitkomst"), "is", _waarde_tekst(regeling, rule.value))


def regel_lezing(regeling: ir.Regeling, rules: tuple[ir.Rule, ...]) -> Lezing:
    """One rule (all its toekenningen, its conditions and its tenzij) as a reading."""
    first = rules[0]
    toek = [toekenning(regeling, r) for r in rules]
    delen = [d for c in first.conditions if not c.tenzij for d in _conjuncts(clause(regeling, c.expr))]
    tenzij = [d for c in first.conditions if c.tenzij for d in _conjuncts(clause(regeling, c.expr))]
    zinnen: list[Zin] = []
    if len(toek) == 1:
        zinnen += voorwaarden(hoofdletter(toek[0].hoofd()), delen)
    else:
        gevolg = tuple(t.hoofd() for t in toek)
        z = voorwaarden_zin("Dit geldt", delen, ",")
        if not delen:
            zinnen.append(Zin("Altijd geldt:", gevolg))
        elif z.punten:
            zinnen += [Zin(hoofdletter(z.tekst.removeprefix("Dit geldt ")), z.punten), Zin("Dan geldt:", gevolg)]
        else:
            zinnen.append(Zin(f"{hoofdletter(z.tekst.removeprefix('Dit geldt '))} dan geldt:", gevolg))
    if tenzij:
        zinnen += voorwaarden("Dit geldt niet", tenzij)
    if first.exception_to:  # "in afwijking van artikel X": X by its absolute citation, whatever the text said
        cit = " en ".join(r.citeer() for r in first.exception_to)
        zinnen.append(Zin(f"Deze regel geldt in afwijking van {cit}{',' if ',' in cit else ''} en gaat daarom voor.",
                          verwijzingen=first.exception_to))
    return Lezing(tuple(zinnen))


def begrip_lezing(regeling: ir.Regeling, d: ir.Definition) -> Lezing:
    """A begrip or parameter: a waar/onwaar one by its clause and when it holds, any other by its noun phrase
    and what it amounts to."""
    z = declared_zin(regeling, d.name, "begrip")
    if d.type.kind is TypeKind.BOOL:
        if z is not None and "[" in z.tekst:
            if isinstance(d.expr, ir.Const):
                return Lezing((Zin(hoofdletter(zin_clause(z, not bool(d.expr.value)).hoofd()) + "."),))
            hoofd = hoofdletter(zin_clause(z, False).hoofd())
        else:
            hoofd = f"Er is sprake van {d.label or d.name.replace('_', ' ')}"
            if isinstance(d.expr, ir.Const):
                return Lezing((Zin(f"{hoofd}: {'ja' if d.expr.value else 'nee'}."),))
        c = clause(regeling, d.expr)
        return Lezing(tuple(voorwaarden(hoofd, _conjuncts(c))))
    onderwerp = hoofdletter(noun(regeling, d.name, "begrip"))
    if isinstance(d.expr, ir.IfThenElse):
        return Lezing((voorwaarden_zin(f"{onderwerp} is {term(regeling, d.expr.then)}",
                                       _conjuncts(clause(regeling, d.expr.condition))),
                       Zin(f"Anders is {noun(regeling, d.name, 'begrip')} {term(regeling, d.expr.otherwise)}.")))
    return Lezing((Zin(f"{onderwerp} is {term(regeling, d.expr)}."),))


def versienamen(versions: Mapping[str, ir.Regeling]) -> dict[str, str]:
    """How a reading names a version: "in 2026", "in variant A", "in de variant van 1 maart 2026" (never an
    id); a year two non-variant versions share gets the full date."""
    jaren = [reg.geldig_vanaf.year for reg in versions.values() if not reg.variant]
    out: dict[str, str] = {}
    for vid, reg in versions.items():
        letter = vid.rsplit("-", 1)[-1]
        if reg.variant:
            out[vid] = f"in variant {letter.upper()}" if len(letter) == 1 else \
                f"in de variant van {datum(reg.geldig_vanaf)}"
        elif jaren.count(reg.geldig_vanaf.year) == 1:
            out[vid] = f"in {reg.geldig_vanaf.year}"
        else:
            out[vid] = f"volgens de regels van {datum(reg.geldig_vanaf)}"
    return out


def eigenschap_lezing(regeling: ir.Regeling, prop: ir.Property, namen: Mapping[str, str]) -> Lezing:
    """An eigenschap with all its conditions: for whom it holds, then what holds for them. "Voor wie W geldt:
    als L, dan R" is read as "voor wie W en L: R" (the same statement), so the conditions form one list."""
    versies = dict(namen)
    bij_wie: list[Clause] = []
    if prop.waarvoor is not None:
        bij_wie += _conjuncts(clause(regeling, prop.waarvoor, versies=versies))
    expr = prop.expr
    if isinstance(expr, ir.BinOp) and expr.op == "impliceert":
        bij_wie += _conjuncts(clause(regeling, expr.left, versies=versies))
        expr = expr.right
    zinnen: list[Zin] = []
    wie = "Voor elke verzekerde"
    if bij_wie:
        eerste, *rest = voorwaarden("Deze eigenschap gaat over elke verzekerde", bij_wie)
        zinnen += [Zin(eerste.tekst.replace("verzekerde als ", "verzekerde bij wie ", 1), eerste.punten), *rest]
        wie = "Voor die verzekerde"
    if prop.kind == "geldt" and expr is not None:
        delen = _conjuncts(clause(regeling, expr, versies=versies))
        if len(delen) > 1:
            zinnen.append(Zin(f"{wie} geldt elk van deze uitspraken:", tuple(d.hoofd() for d in delen)))
        else:
            kort = f"{wie} geldt: {delen[0].hoofd()}."
            zinnen.append(Zin(kort if _woorden(kort) <= MAX_WOORDEN else hoofdletter(delen[0].hoofd()) + "."))
    else:
        invoer = noun(regeling, prop.invoer, "invoer")
        uz = declared_zin(regeling, prop.uitkomst, "uitkomst")
        if uz is not None and "[" in uz.tekst:
            zinnen.append(Zin(f"Als {zin_clause(uz, False).bij()}, dan blijft dat zo als {invoer} hoger wordt."))
        else:
            zinnen.append(Zin(f"{hoofdletter(noun(regeling, prop.uitkomst, 'uitkomst'))} wordt niet lager als "
                              f"{invoer} hoger wordt."))
    return Lezing(tuple(zinnen))
