"""The DSL text of a regeling and of what every document shares: expressions, declarations, provisions, items,
bijlagen, eigenschappen. ``printer`` adds the wijzigingsregeling, whose instructions are printed by
``_instructies`` (each kind's DSL line stands beside its parse callback). Helpers return lines, indented two
spaces per level.
"""

from __future__ import annotations

import re

from ..span import ProvisionRef, citeer, rangtelwoord
from ..types import TYPE_WORDS, TypeKind
from . import ast

__all__ = ["print_bepaling", "print_expr", "print_items"]

# Binding strength per operator, weakest first; used to add only the parentheses that are needed.
_PREC = {"impliceert": 1, "of": 2, "en": 3, "niet": 4, "cmp": 5, "+": 6, "-": 6, "*": 7, "/": 7, "neg": 8}
_CMP = {"=", "<>", "<", "<=", ">", ">="}


def print_expr(e: ast.Expr) -> str:
    """Canonical text of an expression.

    >>> from ..span import NO_SPAN
    >>> print_expr(ast.BinOp("en", ast.Name("a", NO_SPAN), ast.Unary("niet", ast.Name("b", NO_SPAN), NO_SPAN), NO_SPAN))
    'a en niet b'
    """
    return _PRINTER.visit(e, None)[0]


class _Printer(ast.ExprVisitor[None, tuple[str, int]]):
    """Each expression kind's text and how strongly it binds, so only the parentheses needed are added."""

    def wrap(self, e: ast.Expr, minimum: int) -> str:
        text, prec = self.visit(e, None)
        return f"({text})" if prec < minimum else text

    def text(self, e: ast.Expr) -> str:
        return self.visit(e, None)[0]

    def name(self, e: ast.Name, _: None) -> tuple[str, int]:
        return e.name, _ATOM

    def literal(self, e: ast.Literal, _: None) -> tuple[str, int]:
        return e.text, _ATOM

    def set_lit(self, e: ast.SetLit, _: None) -> tuple[str, int]:
        # An item that starts with a decimal comma would read as two items ({1,5} is {1, 5}): bracket it.
        items = (self.text(i) for i in e.items)
        return "{" + ", ".join(f"({t})" if _STARTS_WITH_DECIMAL_COMMA.match(t) else t for t in items) + "}", _ATOM

    def bin_op(self, e: ast.BinOp, _: None) -> tuple[str, int]:
        p = _PREC["cmp"] if e.op in _CMP else _PREC[e.op]
        # Comparisons and impliceert do not chain, the rest is left-associative: the right side binds tighter.
        left_min = p + 1 if e.op in _CMP or e.op == "impliceert" else p
        return f"{self.wrap(e.left, left_min)} {e.op} {self.wrap(e.right, p + 1)}", p

    def in_(self, e: ast.In, _: None) -> tuple[str, int]:
        neg = "niet in" if e.negated else "in"
        return f"{self.wrap(e.element, _PREC['+'])} {neg} {self.wrap(e.collection, _PREC['+'])}", _PREC["cmp"]

    def unary(self, e: ast.Unary, _: None) -> tuple[str, int]:
        if e.op == "niet":
            return f"niet {self.wrap(e.operand, _PREC['niet'])}", _PREC["niet"]
        return f"-{self.wrap(e.operand, _PREC['neg'])}", _PREC["neg"]

    def known(self, e: ast.Known, _: None) -> tuple[str, int]:
        return f"{self.wrap(e.operand, _PREC['+'])} is {'niet ' if e.negated else ''}bekend", _PREC["cmp"]

    def lookup(self, e: ast.Lookup, _: None) -> tuple[str, int]:
        return f"{self.wrap(e.table, _ATOM)}[{self.text(e.key)}]", _ATOM

    def column(self, e: ast.Column, _: None) -> tuple[str, int]:
        # "1,5.x" does not lex (a decimal may not be followed by a dot), so a decimal base gets parentheses.
        base = f"({e.base.text})" if isinstance(e.base, ast.Literal) and e.base.kind is TypeKind.DECIMAAL else None
        return f"{base or self.wrap(e.base, _ATOM)}.{e.column}", _ATOM

    def call(self, e: ast.Call, _: None) -> tuple[str, int]:
        return f"{e.function}({', '.join(self.text(a) for a in e.args)})", _ATOM

    def if_then_else(self, e: ast.IfThenElse, _: None) -> tuple[str, int]:
        return f"als {self.text(e.condition)} dan {self.text(e.then)} anders {self.text(e.otherwise)}", 0

    def volgens(self, e: ast.Volgens, _: None) -> tuple[str, int]:
        return f"{self.wrap(e.expr, _ATOM)} volgens {e.versie}", _ATOM

    def met(self, e: ast.Met, _: None) -> tuple[str, int]:
        return f"({self.text(e.expr)} met {e.fact} als {self.text(e.value)})", _ATOM


_ATOM = 9  # names, literals, calls and bracketed forms: never need parentheses
_STARTS_WITH_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]")
_PRINTER = _Printer()


# --------------------------------------------------------------------------------------------------
# Documents and provisions: each helper returns lines, indented two spaces per level.
# --------------------------------------------------------------------------------------------------

_INDENT = "  "


def print_bepaling(b: ast.Bepaling) -> str:
    """Canonical text of one provision at indentation zero (the renvooi shows changed provisions this way)."""
    return "\n".join(_bepaling(b, 0)) + "\n"


def print_items(items: tuple[ast.Item, ...]) -> str:
    """Canonical text of a provision's items (begrippen, rules, rangorde) at indentation zero."""
    return "".join(f"{line}\n" for it in items for line in _item(it, 0))


def _str(text: str, ind: int) -> str:
    """A quoted text; triple quotes when it spans lines or holds a quote (a one-line string cannot)."""
    if '"""' in text:
        raise ValueError(f'een tekst met """ kan niet in de regeltaal worden geschreven: {text!r}')
    if "\n" not in text and '"' not in text:
        return f'"{text}"'
    if "\n" not in text and not text.endswith('"'):
        return f'"""{text}"""'
    # The parser strips each line, so the block may be indented; the closing quotes get their own line so a
    # text ending in '"' does not run into them.
    pad = "\n" + _INDENT * (ind + 1)
    return '"""' + pad + pad.join(text.split("\n")) + pad + '"""'


def _opt(text: str, ind: int) -> str:
    """An optional label or title: a space and the quoted text, or nothing."""
    return f" {_str(text, ind)}" if text else ""


def _zin(zin: ast.Zin | None, ind: int) -> str:
    """`` zin "..." ontkend "..."`` after a declaration, or nothing."""
    if zin is None:
        return ""
    return f" zin {_str(zin.tekst, ind)}" + (f" ontkend {_str(zin.ontkend, ind)}" if zin.ontkend else "")


def _type(t: ast.TypeExpr) -> str:
    return t.name if t.kind is TypeKind.ENUM else TYPE_WORDS[t.kind]


def _lid(nummer: str) -> str:
    woord = rangtelwoord(nummer)
    return f"lid {nummer}" if woord == nummer else f"{woord} lid"


def _verwijzing(ref: ProvisionRef) -> str:
    """An absolute citation as the grammar reads it: ``artikel 2.2, tweede lid, onderdeel a``."""
    return citeer(ref, onder=True, zelfstandig=False, term=lambda t: _str(t, 0))


def _plek(ref: ProvisionRef, het: str = "") -> str:
    """A place in "onder vernummering van het derde lid tot tweede lid", relative to its parent."""
    if ref.subonderdeel:
        return f"subonderdeel {ref.subonderdeel}"
    if ref.onderdeel:
        return f"onderdeel {ref.onderdeel}"
    return f"{het}{_lid(ref.lid)}" if ref.lid else f"artikel {ref.artikel}"


def _regeling(r: ast.Regeling) -> list[str]:
    out = [f"regeling {_str(r.titel, 0)}", f"versie {r.versie}{' variant' if r.variant else ''}",
           f"geldig vanaf {r.geldig_vanaf.isoformat()}"]
    if r.bron:
        out.append(f"bron {_str(r.bron, 0)}")
    if r.gegevens:
        out += ["", "gegevens"] + [line for d in r.gegevens for line in _declaratie(d, 1)]
    for a in r.artikelen:
        out += ["", *_bepaling(a, 0)]
    for h in r.hoofdstukken:
        # A blank line between siblings, none right after the heading they stand under.
        out += ["", f"hoofdstuk {h.nummer}{_opt(h.titel, 0)}", *_artikelen(h.artikelen, 1)]
        for i, p in enumerate(h.paragrafen):
            out += [""] * (i > 0 or bool(h.artikelen)) + [f"{_INDENT}paragraaf {p.nummer}{_opt(p.titel, 1)}"]
            out += _artikelen(p.artikelen, 2)
    for b in r.bijlagen:
        out += ["", *_bijlage(b)]
    for e in r.eigenschappen:
        out += ["", *_eigenschap(e)]
    return out


def _artikelen(artikelen: tuple[ast.Artikel, ...], ind: int) -> list[str]:
    out: list[str] = []
    for i, a in enumerate(artikelen):
        out += [""] * (i > 0) + _bepaling(a, ind)
    return out


def _declaratie(d: ast.Declaratie, ind: int) -> list[str]:
    return _DECLARATIE.visit(d, ind)


class _Declaratie(ast.DeclaratieVisitor[int, list[str]]):
    """Each declaration's lines at indentation ``ind``."""

    def enumeratie(self, d: ast.Enumeratie, ind: int) -> list[str]:
        pad = _INDENT * ind
        return [f"{pad}enumeratie {d.name}{_opt(d.label, ind)}"] + [
            f"{pad}{_INDENT}waarde {w.name}{_opt(w.label, ind + 1)}{_zin(w.zin, ind + 1)}" for w in d.values]

    def invoer(self, d: ast.Invoer, ind: int) -> list[str]:
        bereik = f" van {d.bereik[0].text} tot en met {d.bereik[1].text}" if d.bereik else ""
        optioneel = " optioneel" if d.optioneel else ""
        return [f"{_INDENT * ind}invoer {d.name}: {_type(d.type)}{bereik}{optioneel}{_opt(d.label, ind)}"
                f"{_zin(d.zin, ind)}"]

    def uitkomst(self, d: ast.Uitkomst, ind: int) -> list[str]:
        standaard = f" standaard {print_expr(d.standaard)}" if d.standaard is not None else ""
        return [f"{_INDENT * ind}uitkomst {d.name}: {_type(d.type)}{standaard}{_opt(d.label, ind)}"
                f"{_zin(d.zin, ind)}"]

    def beperking(self, d: ast.Beperking, ind: int) -> list[str]:
        return [f"{_INDENT * ind}beperking {d.name}{_opt(d.label, ind)}: {print_expr(d.expr)}"]


_DECLARATIE = _Declaratie()


def _bepaling(b: ast.Bepaling, ind: int) -> list[str]:
    return _BEPALING.visit(b, ind)


class _Bepaling(ast.BepalingVisitor[int, list[str]]):
    """A provision's lines: its head (an artikel with its title), then what every level has, then its children
    (``ast.kinderen``)."""

    def artikel(self, b: ast.Artikel, ind: int) -> list[str]:
        return _blok(b, f"artikel {b.nummer}{_opt(b.titel, ind)}", ind)

    def lid(self, b: ast.Lid, ind: int) -> list[str]:
        return _blok(b, f"lid {b.nummer}", ind)

    def onderdeel(self, b: ast.Onderdeel, ind: int) -> list[str]:
        return _blok(b, f"onderdeel {b.letter}", ind)

    def subonderdeel(self, b: ast.Subonderdeel, ind: int) -> list[str]:
        return _blok(b, f"subonderdeel {b.nummer}", ind)

    def begripsomschrijving(self, b: ast.Begripsomschrijving, ind: int) -> list[str]:
        return _blok(b, f"begripsomschrijving {_str(b.term, ind)}", ind)


_BEPALING = _Bepaling()


def _blok(b: ast.Bepaling, head: str, ind: int) -> list[str]:
    pad = _INDENT * ind
    out = [pad + head, *_herkomst(b.herkomst, ind + 1), *_tekst_en_toelichting(b.tekst, b.toelichting, ind + 1)]
    for item in b.items:
        out += _item(item, ind + 1)
    for child in ast.kinderen(b):
        out += _bepaling(child, ind + 1)
    return out


def _item(item: ast.Item, ind: int) -> list[str]:
    return _ITEM.visit(item, ind)


class _Item(ast.ItemVisitor[int, list[str]]):
    """Each item's lines: a begrip or parameter, a rule with its exceptions and tenzij, a rangorde."""

    def begrip(self, item: ast.Begrip, ind: int) -> list[str]:
        soort = "parameter" if item.is_parameter else "begrip"
        return [f"{_INDENT * ind}{soort} {item.name}{_opt(item.label, ind)}: {_type(item.type)} = "
                f"{print_expr(item.expr)}{_zin(item.zin, ind)}", *_herkomst(item.herkomst, ind + 1)]

    def rangorde(self, item: ast.Rangorde, ind: int) -> list[str]:
        return [f"{_INDENT * ind}rangorde{_opt(item.label, ind)}: "
                + "; ".join(_verwijzing(v.ref) for v in item.volgorde)]

    def regel(self, item: ast.Regel, ind: int) -> list[str]:
        pad = _INDENT * ind
        afwijking = ""
        if item.afwijking:
            afwijking = " in afwijking van " + " en ".join(_verwijzing(v.ref) for v in item.afwijking)
        toek = ", ".join(f"{t.outcome} is {print_expr(t.expr)}" for t in item.toekenningen)
        out = [f"{pad}regel{afwijking}: {toek}"]
        if item.voorwaarde is not None:
            out.append(f"{pad}{_INDENT}indien {print_expr(item.voorwaarde)}")
        if item.tenzij is not None:
            out.append(f"{pad}{_INDENT}tenzij {print_expr(item.tenzij)}")
        return out + _herkomst(item.herkomst, ind + 1)


_ITEM = _Item()


def _herkomst(h: ast.Herkomst | None, ind: int) -> list[str]:
    """``herkomst soort bron a, b "noot"``, each alternatief of a keuze on its own line below it."""
    if h is None:
        return []
    pad = _INDENT * ind
    bronnen = f" bron {', '.join(h.bronnen)}" if h.bronnen else ""
    return [f"{pad}herkomst {h.soort}{bronnen}{_opt(h.noot, ind)}",
            *(f"{pad}{_INDENT}alternatief {_str(a, ind + 1)}" for a in h.alternatieven)]


def _tekst_en_toelichting(tekst: str, toelichting: str, ind: int) -> list[str]:
    """The ``tekst "…"`` and ``toelichting "…"`` lines of a provision, bijlage or (wijzigings)artikel, each only
    when it has one."""
    pad = _INDENT * ind
    return ([f"{pad}tekst {_str(tekst, ind)}"] if tekst else []) + (
        [f"{pad}toelichting {_str(toelichting, ind)}"] if toelichting else [])


def _rij(prefix: str, rij: ast.Rij, ind: int) -> str:
    return f"{_INDENT * ind}{prefix}: {', '.join(print_expr(v) for v in rij.values)}{_opt(rij.label, ind)}"


def _bijlage(b: ast.Bijlage) -> list[str]:
    out = [f"bijlage {b.letter}{_opt(b.titel, 0)}", *_herkomst(b.herkomst, 1),
           *_tekst_en_toelichting(b.tekst, b.toelichting, 1)]
    for t in b.tabellen:
        out.append(f"{_INDENT}tabel {t.name}{_opt(t.label, 1)} sleutel {_type(t.sleutel)}")
        out += _herkomst(t.herkomst, 2)
        out += [f"{_INDENT * 2}kolom {k.name}: {_type(k.type)}{_opt(k.label, 2)}" for k in t.kolommen]
        out += [_rij(f"rij {r.key}", r, 2) for r in t.rijen]
    return out


def _eigenschap(e: ast.Eigenschap) -> list[str]:
    out = [f"eigenschap {e.name}{_opt(e.label, 0)}"]
    if e.versies:
        out.append(f"{_INDENT}tussen versies {e.versies[0]} en {e.versies[1]}")
    if isinstance(e.eis, ast.Geldt):
        eis = f"geldt {print_expr(e.eis.expr)}"
    else:
        eis = f"geldt {e.eis.uitkomst} daalt niet als {e.eis.invoer} stijgt"
    verwacht = _verwacht_geschonden(e.verwacht_geschonden)
    if e.waarvoor is None:
        return [*out, f"{_INDENT}voor alle gevallen {eis}", *verwacht]
    return [*out, f"{_INDENT}voor alle gevallen waarvoor {print_expr(e.waarvoor)}", f"{_INDENT}{eis}", *verwacht]


def _verwacht_geschonden(pairs: tuple[tuple[str, str], ...]) -> list[str]:
    """One clause per reason, naming the versions that share it, in order of first appearance."""
    by_reason: dict[str, list[str]] = {}
    for versie, reden in pairs:
        by_reason.setdefault(reden, []).append(versie)
    return [f"{_INDENT}verwacht geschonden in {', '.join(vs)}: {_str(reden, 1)}" for reden, vs in by_reason.items()]
