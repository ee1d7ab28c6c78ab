"""AST -> DSL text, canonically formatted: used for traces, renvooi, counterexamples and round-trip tests.

The output parses back to the same AST (spans aside): ``parse_text(print_document(doc))`` equals ``doc``.
"""

from __future__ import annotations

import re

from ..span import ProvisionRef, rangtelwoord
from . import ast

__all__ = ["print_bepaling", "print_document", "print_expr"]

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
        base = f"({e.base.text})" if isinstance(e.base, ast.Literal) and e.base.kind == "decimaal" else None
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
_TYPES = {"bool": "waar/onwaar", "geheel": "geheel getal", "decimaal": "decimaal", "geld": "geldbedrag",
          "datum": "datum", "duur": "duur", "uren": "uren"}


def print_document(doc: ast.Document) -> str:
    """Canonical text of a regeling or wijzigingsregeling, ending in a newline."""
    lines = _regeling(doc) if isinstance(doc, ast.Regeling) else _wijzigingsregeling(doc)
    return "\n".join(lines) + "\n"


def print_bepaling(b: ast.Bepaling) -> str:
    """Canonical text of one provision at indentation zero (the renvooi shows changed provisions this way)."""
    return "\n".join(_bepaling(b, 0)) + "\n"


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
    return t.name if t.kind == "enum" else _TYPES[t.kind]


def _lid(nummer: str) -> str:
    woord = rangtelwoord(nummer)
    return f"lid {nummer}" if woord == nummer else f"{woord} lid"


def _verwijzing(ref: ProvisionRef) -> str:
    """An absolute citation as the grammar reads it: ``artikel 2.2, tweede lid, onderdeel a``, or
    ``artikel 1.1, begripsomschrijving van "zorg thuis"``."""
    if ref.begrip:
        return f"artikel {ref.artikel}, begripsomschrijving van {_str(ref.begrip, 0)}"
    parts = [f"artikel {ref.artikel}"]
    if ref.lid:
        parts.append(_lid(ref.lid))
    if ref.onderdeel:
        parts.append(f"onderdeel {ref.onderdeel}")
    if ref.subonderdeel:
        parts.append(f"onder {ref.subonderdeel}")
    return ", ".join(parts)


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
    pad = _INDENT * ind
    if isinstance(d, ast.Enumeratie):
        return [f"{pad}enumeratie {d.name}{_opt(d.label, ind)}"] + [
            f"{pad}{_INDENT}waarde {w.name}{_opt(w.label, ind + 1)}{_zin(w.zin, ind + 1)}" for w in d.values]
    if isinstance(d, ast.Invoer):
        bereik = f" van {d.bereik[0].text} tot en met {d.bereik[1].text}" if d.bereik else ""
        optioneel = " optioneel" if d.optioneel else ""
        return [f"{pad}invoer {d.name}: {_type(d.type)}{bereik}{optioneel}{_opt(d.label, ind)}{_zin(d.zin, ind)}"]
    if isinstance(d, ast.Beperking):
        return [f"{pad}beperking {d.name}{_opt(d.label, ind)}: {print_expr(d.expr)}"]
    standaard = f" standaard {print_expr(d.standaard)}" if d.standaard is not None else ""
    return [f"{pad}uitkomst {d.name}: {_type(d.type)}{standaard}{_opt(d.label, ind)}{_zin(d.zin, ind)}"]


def _bepaling(b: ast.Bepaling, ind: int) -> list[str]:
    pad = _INDENT * ind
    children: tuple[ast.Bepaling, ...]
    if isinstance(b, ast.Artikel):
        head = f"artikel {b.nummer}{_opt(b.titel, ind)}"
        children = (*b.leden, *b.onderdelen, *b.begrippen)
    elif isinstance(b, ast.Lid):
        head, children = f"lid {b.nummer}", b.onderdelen
    elif isinstance(b, ast.Onderdeel):
        head, children = f"onderdeel {b.letter}", b.subonderdelen
    elif isinstance(b, ast.Begripsomschrijving):
        head, children = f"begripsomschrijving {_str(b.term, ind)}", ()
    else:
        head, children = f"subonderdeel {b.nummer}", ()
    out = [pad + head, *_herkomst(b.herkomst, ind + 1)]
    if b.tekst:
        out.append(f"{pad}{_INDENT}tekst {_str(b.tekst, ind + 1)}")
    if b.toelichting:
        out.append(f"{pad}{_INDENT}toelichting {_str(b.toelichting, ind + 1)}")
    for item in b.items:
        out += _item(item, ind + 1)
    for child in children:
        out += _bepaling(child, ind + 1)
    return out


def _item(item: ast.Item, ind: int) -> list[str]:
    pad = _INDENT * ind
    if isinstance(item, ast.Begrip):
        soort = "parameter" if item.is_parameter else "begrip"
        return [f"{pad}{soort} {item.name}{_opt(item.label, ind)}: {_type(item.type)} = {print_expr(item.expr)}"
                f"{_zin(item.zin, ind)}", *_herkomst(item.herkomst, ind + 1)]
    if isinstance(item, ast.Rangorde):
        return [f"{pad}rangorde{_opt(item.label, ind)}: " + "; ".join(_verwijzing(v.ref) for v in item.volgorde)]
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


def _herkomst(h: ast.Herkomst | None, ind: int) -> list[str]:
    """``herkomst soort bron a, b "noot"``, each alternatief of a keuze on its own line below it."""
    if h is None:
        return []
    pad = _INDENT * ind
    bronnen = f" bron {', '.join(h.bronnen)}" if h.bronnen else ""
    return [f"{pad}herkomst {h.soort}{bronnen}{_opt(h.noot, ind)}",
            *(f"{pad}{_INDENT}alternatief {_str(a, ind + 1)}" for a in h.alternatieven)]


def _rij(prefix: str, rij: ast.Rij, ind: int) -> str:
    return f"{_INDENT * ind}{prefix}: {', '.join(print_expr(v) for v in rij.values)}{_opt(rij.label, ind)}"


def _bijlage(b: ast.Bijlage) -> list[str]:
    out = [f"bijlage {b.letter}{_opt(b.titel, 0)}", *_herkomst(b.herkomst, 1)]
    if b.tekst:
        out.append(f"{_INDENT}tekst {_str(b.tekst, 1)}")
    if b.toelichting:
        out.append(f"{_INDENT}toelichting {_str(b.toelichting, 1)}")
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


def _wijzigingsregeling(w: ast.Wijzigingsregeling) -> list[str]:
    out = [f"wijzigingsregeling {_str(w.titel, 0)}", f"versie {w.versie}{' variant' if w.variant else ''}",
           f"basis {w.basis}", f"geldig vanaf {w.geldig_vanaf.isoformat()}"]
    if w.bron:
        out.append(f"bron {_str(w.bron, 0)}")
    if w.aanhef:
        out.append(f"aanhef {_str(w.aanhef, 0)}")
    if w.ondertekening:
        out.append(f"ondertekening {_str(w.ondertekening, 0)}")
    if w.citeertitel:
        out.append(f"citeertitel {_str(w.citeertitel, 0)}")
    for wa in w.artikelen:
        out += ["", f"Artikel {wa.nummer}{_opt(wa.titel, 0)}"]
        if wa.bepaling is not None:  # its tekst, toelichting, rules and leden, under the heading just written
            out += _bepaling(wa.bepaling, 0)[1:]
        else:
            if wa.tekst:
                out.append(f"{_INDENT}tekst {_str(wa.tekst, 1)}")
            if wa.toelichting:
                out.append(f"{_INDENT}toelichting {_str(wa.toelichting, 1)}")
        for wz in wa.wijzigingen:
            out.append(f"{_INDENT}{wz.letter}.")
            if wz.tekst:
                out.append(f"{_INDENT * 2}tekst {_str(wz.tekst, 2)}")
            if wz.toelichting:
                out.append(f"{_INDENT * 2}toelichting {_str(wz.toelichting, 2)}")
            for instr in wz.instructies:
                out += _instructie(instr, 2)
    for e in w.eigenschappen:
        out += ["", *_eigenschap(e)]
    return out


def _gegevensinstructie(w: ast.GegevensInstructie, ind: int) -> list[str]:
    pad = _INDENT * ind
    if w.soort == "vervalt":
        return [f"{pad}vervalt {'enumeratie ' if w.enumeratie else ''}{w.naam}"]
    if w.waarde is not None:
        label = f" {_str(w.waarde.label, ind)}" if w.waarde.label else ""
        return [f"{pad}wordt aan {w.naam} de waarde {w.waarde.name}{label} toegevoegd"]
    assert w.declaratie is not None
    head = "wordt ingevoegd:" if w.soort == "ingevoegd" else f"komt {w.naam} te luiden:"
    return [f"{pad}{head}", *_declaratie(w.declaratie, ind + 1)]


def _instructie(i: ast.Instructie, ind: int) -> list[str]:
    pad = _INDENT * ind
    if isinstance(i, ast.KomtTeLuiden):
        red = "redactioneel " if i.redactioneel else ""
        return [f"{pad}{red}{_verwijzing(i.doel.ref)} komt te luiden:", *_bepaling(i.bepaling, ind + 1)]
    if isinstance(i, ast.Vervalt):
        if not i.hernummering:
            return [f"{pad}{_verwijzing(i.doel.ref)} vervalt"]
        woord = "verlettering" if i.doel.ref.onderdeel and not i.doel.ref.subonderdeel else "vernummering"
        paren = " en van ".join(f"{_plek(a, 'het ')} tot {_plek(b)}" for a, b in i.hernummering)
        return [f"{pad}{_verwijzing(i.doel.ref)}, vervalt onder {woord} van {paren}"]
    if isinstance(i, ast.Ingevoegd):
        if i.positie == "aan":
            return [f"{pad}aan {_verwijzing(i.anker.ref)} wordt een {i.soort} toegevoegd:",
                    *_bepaling(i.bepaling, ind + 1)]
        return [f"{pad}{i.positie} {_verwijzing(i.anker.ref)} wordt een {i.soort} ingevoegd:",
                *_bepaling(i.bepaling, ind + 1)]
    if isinstance(i, ast.Vervangen):
        telkens = " telkens" if i.telkens else ""
        red = "redactioneel " if i.redactioneel else ""
        out = [f"{pad}{red}in {_verwijzing(i.doel.ref)}, wordt {_str(i.oud, ind)}{telkens} vervangen door "
               f"{_str(i.nieuw, ind)}"]
        if i.items is not None:
            out += [f"{pad}{_INDENT}met regels:", *(line for it in i.items for line in _item(it, ind + 2))]
        return out
    if isinstance(i, ast.StructuurVervalt):
        return [f"{pad}hoofdstuk {i.hoofdstuk}" + (f", paragraaf {i.paragraaf}," if i.paragraaf else "") + " vervalt"]
    if isinstance(i, ast.StructuurIngevoegd):
        anker = f"hoofdstuk {i.hoofdstuk}" + (f", paragraaf {i.paragraaf}" if i.paragraaf else "")
        head = f"{pad}{i.positie} {anker} wordt een {i.soort} ingevoegd:"
        if isinstance(i.nieuw, ast.Hoofdstuk):
            h = i.nieuw
            body = [f"{pad}{_INDENT}hoofdstuk {h.nummer}{_opt(h.titel, ind + 1)}", *_artikelen(h.artikelen, ind + 2)]
            for p in h.paragrafen:
                body += [f"{pad}{_INDENT * 2}paragraaf {p.nummer}{_opt(p.titel, ind + 2)}",
                         *_artikelen(p.artikelen, ind + 3)]
            return [head, *body]
        p = i.nieuw
        return [head, f"{pad}{_INDENT}paragraaf {p.nummer}{_opt(p.titel, ind + 1)}", *_artikelen(p.artikelen, ind + 2)]
    if isinstance(i, ast.AlfabetischIngevoegd):
        return [f"{pad}in {_verwijzing(i.artikel.ref)} wordt in de alfabetische volgorde ingevoegd:",
                *(line for b in i.begrippen for line in _bepaling(b, ind + 1))]
    if isinstance(i, ast.Vernummerd):
        return [f"{pad}{_verwijzing(i.doel.ref)} wordt vernummerd tot {_verwijzing(i.nieuw.ref)}"]
    if isinstance(i, ast.GegevensWijziging):
        return [f"{pad}in de gegevens", *(line for w in i.wijzigingen for line in _gegevensinstructie(w, ind + 1))]
    out = [f"{pad}in tabel {i.tabel}"]
    for w in i.wijzigingen:
        if w.rij is None:
            out.append(f"{pad}{_INDENT}vervalt rij {w.key}")
        elif w.soort == "luidt":
            out.append(_rij(f"komt rij {w.key} te luiden", w.rij, ind + 1))
        else:
            out.append(_rij(f"wordt rij {w.key} toegevoegd", w.rij, ind + 1))
    return out
