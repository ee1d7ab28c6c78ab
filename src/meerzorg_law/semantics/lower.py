"""Consolidated AST Regeling -> ir.Regeling: declarations, tables, definitions, rules, default-logic trees.

All checks report into one list; ``lower`` returns None for the IR only after reporting everything.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator

from .. import ir
from .. import types as T
from ..diagnostics import Diagnostic, Severity
from ..span import GEGEVENS, ProvisionRef, Span
from ..syntax import ast
from ..syntax.printer import print_expr
from ..types import TypeKind
from ..values import Integer, Value, decimal_of_integer
from .beperkingen import lower_beperkingen
from .check import Checker, Scope
from .order import check_cycles, dependencies
from .trees import build_trees

__all__ = ["lower"]


def lower(reg: ast.Regeling) -> tuple[ir.Regeling | None, list[Diagnostic]]:
    """Resolve and type-check one version; the IR is None when there is any error."""
    diags: list[Diagnostic] = []
    scope = Scope()
    checker = Checker(scope, diags)
    seen: dict[str, Span] = {}

    def declare(name: str, span: Span, what: str) -> bool:
        if name in seen:
            diags.append(Diagnostic("E230", span, f"'{name}' is al gedefinieerd ({what})",
                                    related=((seen[name], "eerdere definitie"),)))
            return False
        seen[name] = span
        return True

    # Enumeraties first: every type refers to them. Types and values live in their own namespace.
    declaraties = _Declaratie(scope, checker, diags, declare)
    for fase in (_ENUMS, _INVOER, _UITKOMSTEN, _BEPERKINGEN):
        for d in reg.gegevens:
            declaraties.visit(d, fase)
    provisions = list(_provisions(reg, diags))

    for bijlage in reg.bijlagen:
        for tabel in bijlage.tabellen:
            if declare(tabel.name, tabel.span, "tabel"):
                scope.tables[tabel.name] = _table(tabel, checker, diags)

    begrippen = [(it, p) for p, it in _items(reg) if isinstance(it, ast.Begrip)]
    for b, _ in begrippen:
        if declare(b.name, b.span, "begrip"):
            scope.definitions[b.name] = checker.resolve_type(b.type)
    definitions: dict[str, ir.Definition] = {}
    for b, _ in begrippen:
        if b.name in scope.definitions and b.name not in definitions:
            checker.provision = b.span.provision
            expr = checker.expect(b.expr, scope.definitions[b.name])
            definitions[b.name] = ir.Definition(b.name, b.label, scope.definitions[b.name], expr,
                                                print_expr(b.expr), b.is_parameter, b.span,
                                                b.herkomst,
                                                _zin(b.zin, scope.definitions[b.name].kind is TypeKind.BOOL, diags))

    # Standaard values, now that every name is known.
    for d in reg.gegevens:
        declaraties.visit(d, _STANDAARD)

    known_refs = {p.ref for p in provisions}
    provenance = {p.ref: p.herkomst for p in provisions if p.herkomst is not None}
    rules: list[ir.Rule] = []
    counter = itertools.count(1)
    for _, item in _items(reg):
        if isinstance(item, ast.Regel):
            checker.provision = item.span.provision
            # A rule without its own herkomst rests on the provision it stands in.
            herkomst = item.herkomst or provenance.get(item.span.provision)
            rules.extend(_rules(item, next(counter), checker, known_refs, diags, herkomst))
    checker.provision = GEGEVENS

    beperkingen = lower_beperkingen(reg.gegevens, checker, diags)
    properties = tuple(_property(e, scope, diags) for e in reg.eigenschappen)
    rangorden = tuple(_rangorde(item, known_refs, diags) for _, item in _items(reg)
                      if isinstance(item, ast.Rangorde))
    trees = build_trees(scope.outcomes, rules, diags, rangorden)
    deps = dependencies(definitions, scope.outcomes, rules)
    check_cycles(deps, definitions, scope.outcomes, rules, diags)

    if any(d.severity is Severity.FOUT for d in diags):
        return None, diags
    return ir.Regeling(
        versie=reg.versie, titel=reg.titel, geldig_vanaf=reg.geldig_vanaf, variant=reg.variant, basis=reg.basis,
        bron=reg.bron, enums=scope.enums, facts=scope.facts, outcomes=scope.outcomes, definitions=definitions,
        tables=scope.tables, rules=tuple(rules), trees=trees, provisions=tuple(provisions),
        properties=properties, span=reg.span, dependencies=deps, beperkingen=beperkingen,
        rangorden=rangorden), diags


_ENUMS, _INVOER, _UITKOMSTEN, _BEPERKINGEN, _STANDAARD = range(5)


class _Declaratie(ast.DeclaratieVisitor[int, None]):
    """Each kind of declaration, lowered in its phase: enumeraties first (every type refers to them), then
    invoer, uitkomsten and the names of beperkingen (lowered with the rules, ``lower_beperkingen``); the
    standaard of an uitkomst last, once every name is known. A kind does nothing in another kind's phase."""

    def __init__(self, scope: Scope, checker: Checker, diags: list[Diagnostic],
                 declare: Callable[[str, Span, str], bool]) -> None:
        self.scope, self.checker, self.diags, self.declare = scope, checker, diags, declare

    def enumeratie(self, d: ast.Enumeratie, fase: int) -> None:
        scope, diags = self.scope, self.diags
        if fase != _ENUMS:
            return
        if d.name in scope.enums:
            diags.append(Diagnostic("E231", d.span, f"enumeratie '{d.name}' is al gedefinieerd"))
            return
        names = [v.name for v in d.values]
        for v in d.values:
            if names.count(v.name) > 1:
                diags.append(Diagnostic("E232", v.span, f"waarde '{v.name}' staat twee keer in {d.name}"))
        scope.enums[d.name] = ir.EnumDecl(d.name, d.label, tuple(dict.fromkeys(names)),
                                          tuple(v.label for v in d.values), d.span,
                                          tuple(_zin(v.zin, None, diags) for v in d.values))

    def invoer(self, d: ast.Invoer, fase: int) -> None:
        checker, diags = self.checker, self.diags
        if fase != _INVOER or not self.declare(d.name, d.span, "invoer"):
            return
        t = checker.resolve_type(d.type)
        bereik = None
        if d.bereik is not None:
            if not t.numeric and t.kind is not TypeKind.UREN:
                diags.append(Diagnostic("E233", d.span, f"een bereik 'van … tot en met …' vraagt een getal "
                                                        f"of uren, niet {t}"))
            else:
                lo, hi = (checker.expect(b, t) for b in d.bereik)
                bereik = (_const(lo), _const(hi))
        self.scope.facts[d.name] = ir.FactDecl(d.name, t, d.optioneel, bereik, d.label, d.span,
                                               _zin(d.zin, t.kind is TypeKind.BOOL, diags))

    def uitkomst(self, d: ast.Uitkomst, fase: int) -> None:
        scope, checker = self.scope, self.checker
        if fase == _UITKOMSTEN and self.declare(d.name, d.span, "uitkomst"):
            t = checker.resolve_type(d.type)
            scope.outcomes[d.name] = ir.OutcomeDecl(d.name, t, None, d.label, d.span,
                                                    _zin(d.zin, t.kind is TypeKind.BOOL, self.diags))
        elif fase == _STANDAARD and d.name in scope.outcomes and d.standaard is not None:
            decl = scope.outcomes[d.name]
            scope.outcomes[d.name] = ir.OutcomeDecl(decl.name, decl.type, checker.expect(d.standaard, decl.type),
                                                    decl.label, decl.span, decl.zin)

    def beperking(self, d: ast.Beperking, fase: int) -> None:
        if fase == _BEPERKINGEN:
            self.declare(d.name, d.span, "beperking")


def _rangorde(item: ast.Rangorde, known: set[ProvisionRef], diags: list[Diagnostic]) -> ir.Rangorde:
    """A test order cites existing provisions, each once (E253, E254)."""
    refs = [v.ref for v in item.volgorde]
    for i, v in enumerate(item.volgorde):
        if v.ref not in known:
            diags.append(Diagnostic("E253", v.span, f"rangorde noemt {v.ref.citeer()}, maar die bepaling bestaat niet"))
        elif v.ref in refs[:i]:
            diags.append(Diagnostic("E254", v.span, f"rangorde noemt {v.ref.citeer()} twee keer"))
    return ir.Rangorde(item.label, tuple(refs), item.span)


def _const(e: ir.Expr) -> Value:
    if isinstance(e, ir.Const):
        return e.value
    if isinstance(e, ir.Unary) and e.op == "promote" and isinstance(e.operand, ir.Const):
        assert isinstance(e.operand.value, Integer)
        return decimal_of_integer(e.operand.value)
    raise ValueError("geen constante")


def _table(tabel: ast.Tabel, checker: Checker, diags: list[Diagnostic]) -> ir.Table:
    key_type = checker.resolve_type(tabel.sleutel)
    columns = tuple((k.name, checker.resolve_type(k.type), k.label) for k in tabel.kolommen)
    rows: dict[str, tuple[Value, ...]] = {}
    labels: dict[str, str] = {}
    enum = checker.scope.enums.get(key_type.enum)
    for rij in tabel.rijen:
        if enum is not None and rij.key not in enum.values:
            diags.append(Diagnostic("E235", rij.span, f"'{rij.key}' is geen waarde van {enum.name}"))
            continue
        if rij.key in rows:
            diags.append(Diagnostic("E236", rij.span, f"rij {rij.key} staat twee keer in tabel {tabel.name}"))
            continue
        if len(rij.values) != len(columns):
            diags.append(Diagnostic("E237", rij.span, f"rij {rij.key} heeft {len(rij.values)} waarden, tabel "
                                                      f"{tabel.name} heeft {len(columns)} kolommen"))
            continue
        vals = []
        for v, (_, ctype, _) in zip(rij.values, columns, strict=True):
            e = checker.expect(v, ctype)
            try:
                vals.append(_const(e))
            except ValueError:
                diags.append(Diagnostic("E238", v.span, "een tabel bevat alleen vaste waarden"))
        rows[rij.key] = tuple(vals)
        labels[rij.key] = rij.label
    return ir.Table(tabel.name, tabel.label, key_type, columns, rows, labels, tabel.span, tabel.herkomst)


def _provisions(reg: ast.Regeling, diags: list[Diagnostic]) -> Iterator[ir.Provision]:
    seen: dict[ProvisionRef, Span] = {}

    def emit(kind: str, titel: str, tekst: str, toel: str, hoofdstuk: str, span: Span,
             herkomst: ast.Herkomst | None) -> Iterator[ir.Provision]:
        if span.provision in seen:
            diags.append(Diagnostic("E240", span, f"{span.provision.citeer()} staat er twee keer",
                                    related=((seen[span.provision], "eerste keer"),)))
        seen[span.provision] = span
        yield ir.Provision(span.provision, kind, titel, tekst, toel, hoofdstuk, span, herkomst)

    chapters = [("", a) for a in reg.artikelen]
    for h in reg.hoofdstukken:
        label = f"Hoofdstuk {h.nummer}. {h.titel}".strip()
        chapters += [(label, a) for a in h.artikelen]
        chapters += [(label, a) for p in h.paragrafen for a in p.artikelen]
    chapters += [("Wijzigingsregeling", a) for a in reg.zelfstandig]
    for label, a in chapters:
        for p in _BOOM.visit(a, None):
            if isinstance(p, ast.Begripsomschrijving):
                # The legal text of a begrip reads "term: omschrijving"; words a wijziging brought in move along.
                voor = f"{p.term}: " if p.tekst else p.term
                yield from emit("begripsomschrijving", p.term, voor + p.tekst, p.toelichting, label, p.span,
                                _verschoven(p.herkomst, len(voor)))
                continue
            yield from emit(ast.niveau(p), a.titel if p is a else "", p.tekst, p.toelichting, label, p.span,
                            p.herkomst)
    for b in reg.bijlagen:
        yield from emit("bijlage", b.titel, b.tekst, b.toelichting, "", b.span, b.herkomst)


def _zin(z: ast.Zin | None, clause: bool | None, diags: list[Diagnostic]) -> ir.Zin | None:
    """A ``zin`` as the reading needs it: a clause (waar/onwaar) marks its finite verb in brackets after a
    subject, in the clause and in its negation; a noun phrase (any other type) has neither; an enumeration
    value may have either (``clause`` None)."""
    if z is None:
        return None
    if clause is None:
        clause = "[" in z.tekst
    for tekst in (z.tekst, z.ontkend) if z.ontkend else (z.tekst,):
        if clause and not _VERB.fullmatch(tekst):
            diags.append(Diagnostic("E239", z.span, f"zin '{tekst}' moet één persoonsvorm tussen haken hebben, na "
                                                    "het onderwerp: \"de verzekerde [ontvangt] zorg thuis\""))
            return None
        if not clause and ("[" in tekst or "]" in tekst or z.ontkend):
            diags.append(Diagnostic("E239", z.span, f"zin '{tekst}' hoort bij een waarde die geen waar/onwaar is: "
                                                    "schrijf een zinsdeel zonder haken en zonder 'ontkend' "
                                                    "(\"de leveringsvorm van de zorg\")"))
            return None
    return ir.Zin(z.tekst, z.ontkend, z.span)


_VERB = re.compile(r"[^\[\]]*\S[^\[\]]*\[[^\[\]\s][^\[\]]*\][^\[\]]*")


def _items(reg: ast.Regeling) -> Iterator[tuple[ProvisionRef, ast.Item]]:
    for a in reg.alle_artikelen():
        for b in _BOOM.visit(a, None):
            yield from ((it.span.provision, it) for it in b.items)


class _Boom(ast.BepalingVisitor[None, Iterator[ast.Bepaling]]):
    """A provision and everything in it, depth first, an artikel's begrippen, then its onderdelen before its
    leden: the order in which provisions are listed and rules numbered (``ast.kinderen`` has the leden first,
    as printed)."""

    def artikel(self, b: ast.Artikel, _: None) -> Iterator[ast.Bepaling]:
        yield b
        for bo in b.begrippen:
            yield from self.visit(bo, None)
        for o in b.onderdelen:
            yield from self.visit(o, None)
        for lid in b.leden:
            yield from self.visit(lid, None)

    def lid(self, b: ast.Lid, _: None) -> Iterator[ast.Bepaling]:
        yield b
        for o in b.onderdelen:
            yield from self.visit(o, None)

    def onderdeel(self, b: ast.Onderdeel, _: None) -> Iterator[ast.Bepaling]:
        yield b
        yield from b.subonderdelen

    def subonderdeel(self, b: ast.Subonderdeel, _: None) -> Iterator[ast.Bepaling]:
        yield b

    def begripsomschrijving(self, b: ast.Begripsomschrijving, _: None) -> Iterator[ast.Bepaling]:
        yield b


_BOOM = _Boom()


def _verschoven(h: ast.Herkomst | None, n: int) -> ast.Herkomst | None:
    """``h`` with its delen ``n`` characters further on (the tekst got a prefix)."""
    if h is None or not h.delen:
        return h
    return dataclasses.replace(h, delen=tuple(dataclasses.replace(d, begin=d.begin + n, eind=d.eind + n)
                                              for d in h.delen))


def _conjuncts(e: ast.Expr) -> list[ast.Expr]:
    if isinstance(e, ast.BinOp) and e.op == "en":
        return _conjuncts(e.left) + _conjuncts(e.right)
    return [e]


def _rules(regel: ast.Regel, rule_id: int, checker: Checker, known: set[ProvisionRef],
           diags: list[Diagnostic], herkomst: ir.Herkomst | None) -> Iterator[ir.Rule]:
    for v in regel.afwijking:
        if v.ref not in known:
            import difflib

            bestaand = sorted(k.citeer() for k in known)
            close = tuple(difflib.get_close_matches(v.ref.citeer(), bestaand, n=2, cutoff=0.9))
            hint = f"; bedoelde u {' of '.join(close)}?" if close else ""
            diags.append(Diagnostic("E251", v.span, f"in afwijking van {v.ref.citeer()}, maar die bepaling "
                                                    f"bestaat niet{hint}", suggestions=close))
    targets = tuple(v.ref for v in regel.afwijking if v.ref in known)
    conditions = tuple(ir.Condition(checker.expect(c, T.BOOL), print_expr(c))
                       for c in (_conjuncts(regel.voorwaarde) if regel.voorwaarde else []))
    if regel.tenzij is not None:
        conditions += (ir.Condition(checker.expect(regel.tenzij, T.BOOL), print_expr(regel.tenzij), tenzij=True),)
    outcomes = checker.scope.outcomes
    names = [t.outcome for t in regel.toekenningen]
    for t in regel.toekenningen:
        if names.count(t.outcome) > 1:
            diags.append(Diagnostic("E252", t.span, f"deze regel kent '{t.outcome}' twee keer toe"))
        if t.outcome not in outcomes:
            what = "een invoer" if t.outcome in checker.scope.facts else (
                "een begrip" if t.outcome in checker.scope.definitions else "onbekend")
            import difflib

            close = tuple(difflib.get_close_matches(t.outcome, list(outcomes), n=2, cutoff=0.75))
            hint = f"; bedoelde u {' of '.join(close)}?" if close else ""
            diags.append(Diagnostic("E250", t.span, f"'{t.outcome}' is geen uitkomst ({what}): een regel kent "
                                                    f"alleen uitkomsten toe{hint}", suggestions=close))
            continue
        value = checker.expect(t.expr, outcomes[t.outcome].type)
        if len(targets) == len(regel.afwijking):  # after E251 its rank is unknown: placing it would only
            yield ir.Rule(rule_id, t.outcome, value, print_expr(t.expr), conditions,  # add follow-on errors
                          targets, regel.span, herkomst)


def _property(e: ast.Eigenschap, scope: Scope, diags: list[Diagnostic]) -> ir.Property:
    prop_scope = Scope(scope.enums, scope.facts, scope.outcomes, scope.definitions, scope.tables, in_property=True)
    checker = Checker(prop_scope, diags)
    waarvoor = checker.expect(e.waarvoor, T.BOOL) if e.waarvoor is not None else None
    if isinstance(e.eis, ast.Geldt):
        return ir.Property(e.name, e.label, e.versies, waarvoor, "geldt", checker.expect(e.eis.expr, T.BOOL),
                           "", "", print_expr(e.eis.expr), e.span, e.verwacht_geschonden)
    m = e.eis
    if m.uitkomst not in scope.outcomes:
        diags.append(Diagnostic("E280", m.span, f"'{m.uitkomst}' is geen uitkomst"))
    fact = scope.facts.get(m.invoer)
    if fact is None or not (fact.type.numeric or fact.type.kind is TypeKind.UREN):
        diags.append(Diagnostic("E281", m.span, f"'{m.invoer}' is geen invoer met een getal of uren"))
    return ir.Property(e.name, e.label, e.versies, waarvoor, "monotoon", None, m.uitkomst, m.invoer,
                       f"{m.uitkomst} daalt niet als {m.invoer} stijgt", e.span, e.verwacht_geschonden)
