"""IR expressions -> Dutch clauses: the one sentence generator behind every reading (site, ``uitleg``, exports,
Bewijzen page, rekenhulp).

A condition becomes a clause that can stand in either word order: ``hoofd()`` ("de verzekerde ontvangt zorg
thuis") for a statement and ``bij()`` ("de verzekerde zorg thuis ontvangt") after "als". Facts, begrippen and
enumeration values declare the clause that states them (``zin`` in the rule language, ``ir.Zin``), with their
negation, so "niet"/"geen" lands where Dutch puts it and a negated negation is simply the positive clause. The
result is a :class:`Lezing`: sentences, a sentence with more than two conditions as a list; rendered here to
plain text and HTML, and by the rekenhulp to JavaScript strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import ir
from ..types import TypeKind
from .lezing import Bijzin, Clause, Lezing, Samen, Zin, hoofdletter, join, ontken, zin_clause
from .waarden import toon, toon_enum

__all__ = ["Bijzin", "Clause", "Lezing", "Samen", "Zin", "clause", "declared_zin", "hoofdletter", "naam", "noun",
           "term", "zin_clause"]


# --------------------------------------------------------------------------------------------------
# Names and noun phrases
# --------------------------------------------------------------------------------------------------


def naam(regeling: ir.Regeling, name: str, kind: str = "") -> str:
    """A fact, begrip, outcome or table by its label; the name with spaces if it has none."""
    label = ""
    if kind in ("", "invoer") and name in regeling.facts:
        label = regeling.facts[name].label
    elif name in regeling.definitions:
        label = regeling.definitions[name].label
    elif name in regeling.outcomes:
        label = regeling.outcomes[name].label
    elif name in regeling.tables:
        label = regeling.tables[name].label
    return label or name.replace("_", " ")


def tabelnaam(regeling: ir.Regeling, name: str) -> str:
    """A table by its label up to the first comma or bracket ("Bekostigingsuren per week"), the asterisk of
    bijlage A in words."""
    label = re.split(r",| \(| en de ", naam(regeling, name), maxsplit=1)[0]
    return _sterretje(label)


def kolomnaam(regeling: ir.Regeling, table: str, column: str) -> str:
    t = regeling.tables.get(table)
    col = next((c for c in t.columns if c[0] == column), None) if t is not None else None
    return _sterretje((col[2] if col is not None else "") or column.replace("_", " "))


def _sterretje(text: str) -> str:
    return re.sub(r"\s*\*\s*", " een ster ", text).replace("aanduiding een ster", "aanduiding met een ster").strip()


def declared_zin(regeling: ir.Regeling, name: str, kind: str = "") -> ir.Zin | None:
    if kind in ("", "invoer") and name in regeling.facts:
        return regeling.facts[name].zin
    if name in regeling.definitions:
        return regeling.definitions[name].zin
    if name in regeling.outcomes:
        return regeling.outcomes[name].zin
    return None


def noun(regeling: ir.Regeling, name: str, kind: str = "") -> str:
    """A name as it stands in a sentence: its declared noun phrase ("de leveringsvorm van de zorg"), else its
    label."""
    z = declared_zin(regeling, name, kind)
    return z.tekst if z is not None and "[" not in z.tekst else naam(regeling, name, kind)


def _enum_zin(regeling: ir.Regeling, enum: str, value: str) -> ir.Zin | None:
    decl = regeling.enums.get(enum)
    if decl is None or value not in decl.values or not decl.zinnen:
        return None
    return decl.zinnen[decl.values.index(value)]


def waarde(regeling: ir.Regeling, enum: str, value: str) -> str:
    """An enumeration value as it stands in a sentence: its noun phrase ("een persoonsgebonden budget"), else
    its label when short, else its code (the zorgprofielen: "VG7" is what a jurist knows)."""
    z = _enum_zin(regeling, enum, value)
    if z is not None and "[" not in z.tekst:
        return z.tekst
    label = toon_enum(regeling, enum, value)
    if len(label) > _KORT and "_" not in value:
        return value
    return label if label == value.replace("_", " ") else f"‘{label}’"


_KORT = 40


def _enum_of(e: ir.Expr) -> str:
    return e.type.enum if e.type.kind is TypeKind.ENUM else ""


# --------------------------------------------------------------------------------------------------
# Expressions: terms (noun phrases) and clauses
# --------------------------------------------------------------------------------------------------

_REKEN = {"+": "plus", "-": "min", "*": "maal", "×": "maal", "/": "gedeeld door"}
_FUNCTIE = {"minimum": "het minimum van", "maximum": "het maximum van", "afronden": "afgerond",
            "jaar_van": "het jaar van"}
_ONTKEN_OP = {"=": "<>", "<>": "=", "≠": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">", "≤": ">", "≥": "<"}
_GETAL = {"=": "gelijk aan", "<>": "niet gelijk aan", "≠": "niet gelijk aan", "<": "minder dan",
          "<=": "ten hoogste", "≤": "ten hoogste", ">": "meer dan", ">=": "ten minste", "≥": "ten minste"}
_ZELFDE = {"=": "hetzelfde", "<>": "anders", "≠": "anders", "<": "lager", "<=": "ten hoogste zo hoog",
           "≤": "ten hoogste zo hoog", ">": "hoger", ">=": "ten minste zo hoog", "≥": "ten minste zo hoog"}
_DAN = frozenset({"<", ">", "<>", "≠"})
_DATUM = {"=": "op", "<>": "niet op", "≠": "niet op", "<": "vóór", "<=": "op of vóór", "≤": "op of vóór",
          ">": "na", ">=": "op of na", "≥": "op of na"}


class _Termen(ir.ExprVisitor[str]):
    """Each expression kind as a Dutch noun phrase; an operand that is itself a sum gets brackets (one level)."""

    def __init__(self, regeling: ir.Regeling, versies: dict[str, str] | None = None) -> None:
        self.regeling = regeling
        self.versies = versies or {}

    def sub(self, e: ir.Expr) -> str:
        text = self.visit(e)
        if isinstance(e, ir.BinOp) and e.op in _REKEN:
            return f"({text})"
        return text

    def const(self, e: ir.Const) -> str:
        if e.type.kind is TypeKind.ENUM and isinstance(e.value, str):
            return waarde(self.regeling, e.type.enum, e.value)
        return toon(e.value)

    def var(self, e: ir.Var) -> str:
        return noun(self.regeling, e.name, e.kind)

    def unary(self, e: ir.Unary) -> str:
        if e.op == "-":
            return f"min {self.sub(e.operand)}"
        if e.op == "niet":
            return clause(self.regeling, e, versies=self.versies).bij()
        return self.visit(e.operand)

    def bin_op(self, e: ir.BinOp) -> str:
        if e.op in _REKEN:
            left, right = e.left, e.right
            if e.op == "*" and e.type.kind in (TypeKind.UREN, TypeKind.GELD) and isinstance(right, ir.Const):
                left, right = right, left  # the checker puts the uren or geldbedrag first; read the factor first
            return f"{self.sub(left)} {_REKEN[e.op]} {self.sub(right)}"
        return clause(self.regeling, e, versies=self.versies).bij()

    def in_set(self, e: ir.InSet) -> str:
        return clause(self.regeling, e, versies=self.versies).bij()

    def in_table(self, e: ir.InTable) -> str:
        return clause(self.regeling, e, versies=self.versies).bij()

    def lookup(self, e: ir.Lookup) -> str:
        table = self.regeling.tables.get(e.table)
        if table is not None and len(table.columns) == 1:
            return f"de {tabelnaam(self.regeling, e.table).lower()} bij {self.visit(e.key)}"
        return f"de {kolomnaam(self.regeling, e.table, e.column)} bij {self.visit(e.key)} volgens de tabel " \
               f"{tabelnaam(self.regeling, e.table)}"

    def known(self, e: ir.Known) -> str:
        return clause(self.regeling, e, versies=self.versies).bij()

    def if_then_else(self, e: ir.IfThenElse) -> str:
        return (f"{self.sub(e.then)} als {clause(self.regeling, e.condition, versies=self.versies).bij()}, "
                f"en anders {self.sub(e.otherwise)}")

    def call(self, e: ir.Call) -> str:
        args = " en ".join(self.sub(a) for a in e.args)
        return f"{_FUNCTIE.get(e.function, e.function.replace('_', ' '))} {args}"

    def volgens(self, e: ir.Volgens) -> str:
        return f"{self.sub(e.expr)} {self.versies.get(e.versie, 'in de andere versie')}"

    def met(self, e: ir.Met) -> str:
        return (f"{self.sub(e.expr)} als {noun(self.regeling, e.fact, 'invoer')} "
                f"{self.sub(e.value)} zou zijn")


def term(regeling: ir.Regeling, e: ir.Expr, versies: dict[str, str] | None = None) -> str:
    """A non-boolean expression as a Dutch noun phrase."""
    return _Termen(regeling, versies).visit(e)


class _Clauses(ir.ExprVisitor[Clause]):
    """Each boolean expression kind as a clause, negated when ``neg``: a negated "en" becomes "of" of negated
    clauses, so no clause ever carries two negations."""

    def __init__(self, regeling: ir.Regeling, neg: bool, versies: dict[str, str] | None) -> None:
        self.regeling = regeling
        self.neg = neg
        self.versies = versies
        self.termen = _Termen(regeling, versies)

    def _flip(self, e: ir.Expr) -> Clause:
        return _Clauses(self.regeling, not self.neg, self.versies).visit(e)

    def const(self, e: ir.Const) -> Clause:
        return Bijzin("dit", "geldt", "altijd" if bool(e.value) != self.neg else "nooit")

    def var(self, e: ir.Var) -> Clause:
        z = declared_zin(self.regeling, e.name, e.kind)
        if z is not None and "[" in z.tekst:
            return zin_clause(z, self.neg)
        label = naam(self.regeling, e.name, e.kind)
        return Bijzin("er", "is", f"{'geen' if self.neg else ''} sprake van {label}".strip())

    def unary(self, e: ir.Unary) -> Clause:
        return self._flip(e.operand) if e.op == "niet" else self.visit(e.operand)

    def bin_op(self, e: ir.BinOp) -> Clause:
        if e.op == "en" and not self.neg:
            parts = _vereenvoudig(list(_en_delen(e)))
            if len(parts) == 1 and not isinstance(parts[0], _Tussen):
                return self.visit(parts[0])
            delen: list[Clause] = []
            for part in parts:
                c = self._tussen(part) if isinstance(part, _Tussen) else self.visit(part)
                delen += list(c.delen) if isinstance(c, Samen) and c.voegwoord == "en" else [c]
            return Samen("en", tuple(delen))
        if e.op in ("en", "of"):
            op = e.op if not self.neg else ("of" if e.op == "en" else "en")
            delen = []
            for side in (e.left, e.right):
                c = self.visit(side)
                delen += list(c.delen) if isinstance(c, Samen) and c.voegwoord == op else [c]
            return Samen(op, tuple(delen))
        if e.op == "impliceert":
            if self.neg:  # not (a -> b) = a and not b
                return Samen("en", (_Clauses(self.regeling, False, self.versies).visit(e.left), self._flip(e.right)))
            left = _Clauses(self.regeling, False, self.versies).visit(e.left)
            right = self.visit(e.right)
            dan = right.inversie() if isinstance(right, Bijzin) else f"geldt: {right.hoofd()}"
            return Bijzin("", "", f"als {left.bij()}, dan {dan}")
        return self._vergelijk(e)

    def _vergelijk(self, e: ir.BinOp) -> Clause:
        op = _ONTKEN_OP.get(e.op, e.op) if self.neg else e.op
        paar = self._zelfde(e.left, e.right, op)
        if paar is not None:
            onderwerp, links, rechts = paar
            return Bijzin(onderwerp, "is", f"{links} {_ZELFDE.get(op, op)} {rechts}".strip())
        enum = _enum_of(e.left) or _enum_of(e.right)
        if enum and op in ("=", "<>", "≠"):
            element, value = (e.left, e.right) if isinstance(e.right, ir.Const) else (e.right, e.left)
            if isinstance(value, ir.Const) and isinstance(value.value, str):
                return self._is_waarde(element, enum, (value.value,), op != "=")
        left, right = self.termen.sub(e.left), self.termen.sub(e.right)
        if e.left.type.kind is TypeKind.DATUM:
            return Bijzin(left, "ligt", f"{_DATUM.get(op, op)} {right}")
        if e.left.type.kind is TypeKind.BOOL and op in ("=", "<>", "≠"):
            return Bijzin(left, "is", f"{'niet ' if op != '=' else ''}gelijk aan {right}")
        return Bijzin(left, "is", f"{_GETAL.get(op, op)} {right}")

    def _tussen(self, e: _Tussen) -> Clause:
        return Bijzin(self.termen.sub(e.element), "ligt",
                      f"tussen {self.termen.sub(e.van)} en {self.termen.sub(e.tot)}")

    def _zelfde(self, left: ir.Expr, right: ir.Expr, op: str) -> tuple[str, str, str] | None:
        """One value compared in two versions ("in 2027 ... als in 2026") or with a fact changed ("... als
        wanneer het aantal uren toezicht 0 zou zijn"): the value is named once."""
        if isinstance(left, ir.Volgens) and isinstance(right, ir.Volgens) and self._zelfde_term(left.expr, right.expr):
            versies = self.versies or {}
            return (self._waarde(left.expr), versies.get(left.versie, ""),
                    f"{'dan' if op in _DAN else 'als'} {versies.get(right.versie, 'in de andere versie')}")
        if isinstance(right, ir.Met) and self._zelfde_term(right.expr, left):
            return (self._waarde(left), "", f"{'dan' if op in _DAN else 'als'} wanneer "
                    f"{noun(self.regeling, right.fact, 'invoer')} {self.termen.sub(right.value)} zou zijn")
        return None

    def _zelfde_term(self, a: ir.Expr, b: ir.Expr) -> bool:
        """The same expression, spans aside (read the same, it is the same)."""
        return type(a) is type(b) and self.termen.visit(a) == self.termen.visit(b)

    def _waarde(self, e: ir.Expr) -> str:
        """A value as a subject; a waar/onwaar one as "of ..." ("of de verzekerde recht op meer zorg heeft")."""
        if e.type.kind is TypeKind.BOOL:
            return f"of {_Clauses(self.regeling, False, self.versies).visit(e).bij()},"
        return self.termen.sub(e)

    def _is_waarde(self, element: ir.Expr, enum: str, values: tuple[str, ...], neg: bool) -> Clause:
        """``x = v``: the value's own clause when it declares one ("geen andere regeling voorziet in de
        zorgbehoefte"), else "x is v"; ``x in {a, b}``: "x is a of b"."""
        if len(values) == 1:
            z = _enum_zin(self.regeling, enum, values[0])
            if z is not None and "[" in z.tekst:
                return zin_clause(z, neg)
        namen = [waarde(self.regeling, enum, v) for v in values]
        subject = self.termen.sub(element)
        rest = join("of", namen)
        return ontken(Bijzin(subject, "is", rest)) if neg else Bijzin(subject, "is", rest)

    def in_set(self, e: ir.InSet) -> Clause:
        neg = e.negated != self.neg
        values = tuple(i.value for i in e.items if isinstance(i, ir.Const) and isinstance(i.value, str))
        enum = _enum_of(e.element)
        if enum and len(values) == len(e.items):
            if len(values) > 1 and any(self._clause_value(enum, v) for v in values):
                parts = tuple(self._is_waarde(e.element, enum, (v,), neg) for v in values)
                return Samen("en" if neg else "of", parts)
            return self._is_waarde(e.element, enum, values, neg)
        rest = join("of", [self.termen.visit(i) for i in e.items])
        b = Bijzin(self.termen.sub(e.element), "is", rest)
        return ontken(b) if neg else b

    def _clause_value(self, enum: str, value: str) -> bool:
        z = _enum_zin(self.regeling, enum, value)
        return z is not None and "[" in z.tekst

    def in_table(self, e: ir.InTable) -> Clause:
        neg = e.negated != self.neg
        return Bijzin(self.termen.sub(e.element), "staat",
                      f"{'niet ' if neg else ''}in de tabel {tabelnaam(self.regeling, e.table)}")

    def lookup(self, e: ir.Lookup) -> Clause:
        """A waar/onwaar column: "de tabel Zorgprofielen in bijlage A vermeldt bij het zorgprofiel ‘met een ster
        aangeduid’" (the column label up to its colon)."""
        table = self.regeling.tables.get(e.table)
        waar = f"de tabel {tabelnaam(self.regeling, e.table)}"
        if table is not None and table.span.provision.bijlage:
            waar += f" in {table.span.provision.citeer()}"
        kolom = kolomnaam(self.regeling, e.table, e.column).split(":")[0]
        return Bijzin(waar, "vermeldt", f"bij {self.termen.visit(e.key)} {'niet ' if self.neg else ''}‘{kolom}’")

    def known(self, e: ir.Known) -> Clause:
        neg = e.negated != self.neg
        return Bijzin(noun(self.regeling, e.fact, "invoer"), "is", "niet bekend" if neg else "bekend")

    def if_then_else(self, e: ir.IfThenElse) -> Clause:
        c = _Clauses(self.regeling, False, self.versies).visit(e.condition)
        return Samen("of", (Samen("en", (c, self.visit(e.then))),
                            Samen("en", (self._with(e.condition, True), self.visit(e.otherwise)))))

    def _with(self, e: ir.Expr, neg: bool) -> Clause:
        return _Clauses(self.regeling, neg, self.versies).visit(e)

    def call(self, e: ir.Call) -> Clause:
        return Bijzin(self.termen.visit(e), "is", "nee" if self.neg else "ja")

    def volgens(self, e: ir.Volgens) -> Clause:
        inner = self.visit(e.expr)
        versie = self.versies.get(e.versie, "in de andere versie") if self.versies is not None else ""
        if isinstance(inner, Bijzin):
            return Bijzin(inner.onderwerp, inner.persoonsvorm, f"{versie} {inner.rest}".strip())
        return inner

    def met(self, e: ir.Met) -> Clause:
        inner = self.visit(e.expr)
        if isinstance(inner, Bijzin):
            return Bijzin(inner.onderwerp, inner.persoonsvorm,
                          f"{inner.rest} ook als {noun(self.regeling, e.fact, 'invoer')} "
                          f"{self.termen.sub(e.value)} zou zijn".strip())
        return inner


@dataclass(frozen=True, slots=True)
class _Tussen:
    """``van <= x en x <= tot`` (dates, both bounds included), read as "x ligt tussen van en tot"."""

    element: ir.Expr
    van: ir.Expr
    tot: ir.Expr


def _en_delen(e: ir.Expr) -> list[ir.Expr]:
    if isinstance(e, ir.BinOp) and e.op == "en":
        return _en_delen(e.left) + _en_delen(e.right)
    return [e]


def _vereenvoudig(parts: list[ir.Expr | _Tussen]) -> list[ir.Expr | _Tussen]:
    """A reader's simplifications of a conjunction, meaning kept: "x is bekend" goes when another part compares
    x (a date that lies before another is known), and "x op of na a" with "x op of vóór b" is "x tussen a en b"."""
    vergeleken = {p.left.name for p in parts if isinstance(p, ir.BinOp) and isinstance(p.left, ir.Var)
                  and p.op in _ONTKEN_OP}
    out: list[ir.Expr | _Tussen] = [p for p in parts if not (isinstance(p, ir.Known) and not p.negated and
                                                   p.fact in vergeleken)]
    for i, p in enumerate(out):
        for j, q in enumerate(out):
            if i < j and isinstance(p, ir.BinOp) and isinstance(q, ir.BinOp) and isinstance(p.left, ir.Var) and \
                    isinstance(q.left, ir.Var) and p.left.name == q.left.name and \
                    p.left.type.kind is TypeKind.DATUM and {p.op, q.op} == {">=", "<="}:
                van, tot = (p.right, q.right) if p.op == ">=" else (q.right, p.right)
                return _vereenvoudig([*out[:i], _Tussen(p.left, van, tot), *out[i + 1:j], *out[j + 1:]])
    return out


def clause(regeling: ir.Regeling, e: ir.Expr, neg: bool = False, versies: dict[str, str] | None = None) -> Clause:
    """A boolean expression as a clause (``neg``: its negation)."""
    return _Clauses(regeling, neg, versies).visit(e)
