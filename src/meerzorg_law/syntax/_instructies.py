"""Each amendment instruction in the DSL, both ways: the parse callbacks that build its AST node
(``InstructieToAst``, a base of ``_to_ast.ToAst``) and the DSL line the printer writes for it (``_Dsl``, a pass
of ``ast.InstructieVisitor``). A new instruction kind is written in five files: its rule in
grammar/meerzorg.lark, its callback and DSL line here, its node in ``ast_wijziging``, its effect in
versions/consolidate.py and its Dutch sentence in syntax/formules.py (docs/architectuur.rst).
"""

from __future__ import annotations

from typing import Any

from ..span import ProvisionRef
from . import _parts as P
from . import ast
from ._dsl import _INDENT, _artikelen, _bepaling, _declaratie, _item, _opt, _plek, _rij, _str, _verwijzing
from ._lark import Meta, Token, v_args
from ._to_ast_expr import text_of
from ._to_ast_regeling import RegelingToAst

__all__ = ["InstructieToAst", "instructie_regels"]


@v_args(inline=True, meta=True)
class InstructieToAst(RegelingToAst):
    """One callback per grammar rule of an instruction; each builds its node with its span."""

    def komt_te_luiden(self, meta: Meta, *rest: Any) -> ast.KomtTeLuiden:
        redactioneel = isinstance(rest[0], Token)
        doel, b = rest[-2:]
        return ast.KomtTeLuiden(doel, b, self._span(meta), redactioneel)

    def vervalt(self, meta: Meta, doel: ast.Verwijzing,
                paren: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = ()) -> ast.Vervalt:
        # "van het derde lid tot tweede lid": the places are relative to the parent of the lapsed provision.
        def absolute(plek: tuple[str, str]) -> ProvisionRef:
            soort, nummer = plek
            r = doel.ref
            if soort == "artikel":
                return ProvisionRef(nummer)
            if soort == "lid":
                return ProvisionRef(r.artikel, nummer)
            if soort == "onderdeel":
                return ProvisionRef(r.artikel, r.lid, nummer)
            return ProvisionRef(r.artikel, r.lid, r.onderdeel, nummer)
        return ast.Vervalt(doel, self._span(meta), tuple((absolute(a), absolute(b)) for a, b in paren))

    def vernummering(self, meta: Meta, _soort: Token, *paren: tuple[tuple[str, str], tuple[str, str]]
                     ) -> tuple[tuple[tuple[str, str], tuple[str, str]], ...]:
        return paren

    def hernummering(self, meta: Meta, oud: tuple[str, str], nieuw: tuple[str, str]
                     ) -> tuple[tuple[str, str], tuple[str, str]]:
        return (oud, nieuw)

    def plek_lid(self, meta: Meta, lid: P.Lidnr) -> tuple[str, str]:
        return ("lid", lid.nummer)

    def plek_onderdeel(self, meta: Meta, letter: Token) -> tuple[str, str]:
        return ("onderdeel", str(letter))

    def plek_subonderdeel(self, meta: Meta, nummer: Token) -> tuple[str, str]:
        return ("subonderdeel", str(nummer))

    def plek_artikel(self, meta: Meta, nummer: Token) -> tuple[str, str]:
        return ("artikel", str(nummer))

    def toegevoegd(self, meta: Meta, doel: ast.Verwijzing, soort: str, b: ast.Bepaling) -> ast.Ingevoegd:
        return ast.Ingevoegd("aan", doel, soort, b, self._span(meta))

    def vervangen(self, meta: Meta, *rest: Any) -> ast.Vervangen:
        redactioneel = isinstance(rest[0], Token)
        doel = next(x for x in rest if isinstance(x, ast.Verwijzing))
        oud, nieuw = (x for x in rest if isinstance(x, Token) and x.type == "STRING")
        telkens = any(isinstance(x, Token) and x.type == "TELKENS" for x in rest)
        items = next((x for x in rest if isinstance(x, tuple)), None)
        return ast.Vervangen(doel, text_of(oud), text_of(nieuw), telkens, items, self._span(meta), redactioneel)

    def met_regels(self, meta: Meta, *items: ast.Item) -> tuple[ast.Item, ...]:
        return items

    def subnr(self, meta: Meta, nummer: Token) -> str:
        return str(nummer)

    def structuur_ingevoegd(self, meta: Meta, na_voor: Token, anker: tuple[str, str], soort: str,
                            nieuw: ast.Hoofdstuk | ast.Paragraaf) -> ast.StructuurIngevoegd:
        return ast.StructuurIngevoegd(str(na_voor), anker[0], anker[1], soort, nieuw, self._span(meta))

    def structuur_vervalt(self, meta: Meta, doel: tuple[str, str]) -> ast.StructuurVervalt:
        return ast.StructuurVervalt(doel[0], doel[1], self._span(meta))

    def structuurdoel(self, meta: Meta, hoofdstuk: Token, paragraaf: Token | None = None) -> tuple[str, str]:
        return (str(hoofdstuk), str(paragraaf) if paragraaf is not None else "")

    def soort_hoofdstuk(self, meta: Meta) -> str:
        return "hoofdstuk"

    def soort_paragraaf(self, meta: Meta) -> str:
        return "paragraaf"

    def soort_subonderdeel(self, meta: Meta) -> str:
        return "subonderdeel"

    def plaats(self, meta: Meta, na_voor: Token, doel: ast.Verwijzing) -> tuple[str, ast.Verwijzing]:
        return (str(na_voor), doel)

    def ingevoegd(self, meta: Meta, plaats: tuple[str, ast.Verwijzing], soort: str,
                  b: ast.Bepaling) -> ast.Ingevoegd:
        return ast.Ingevoegd(plaats[0], plaats[1], soort, b, self._span(meta))

    def soort_artikel(self, meta: Meta) -> str:
        return "artikel"

    def soort_lid(self, meta: Meta) -> str:
        return "lid"

    def soort_onderdeel(self, meta: Meta) -> str:
        return "onderdeel"

    def alfabetisch_ingevoegd(self, meta: Meta, artikel: ast.Verwijzing,
                              *begrippen: ast.Begripsomschrijving) -> ast.AlfabetischIngevoegd:
        return ast.AlfabetischIngevoegd(artikel, tuple(begrippen), self._span(meta))

    def vernummerd(self, meta: Meta, doel: ast.Verwijzing, nieuw: ast.Verwijzing) -> ast.Vernummerd:
        return ast.Vernummerd(doel, nieuw, self._span(meta))

    def tabelwijziging(self, meta: Meta, naam: Token, *ws: ast.RijWijziging) -> ast.TabelWijziging:
        return ast.TabelWijziging(str(naam), tuple(ws), self._span(meta))

    def rij_luidt(self, meta: Meta, key: Token, *rest: Any) -> ast.RijWijziging:
        return ast.RijWijziging("luidt", str(key), self._rij(meta, key, rest), self._span(meta))

    def rij_toegevoegd(self, meta: Meta, key: Token, *rest: Any) -> ast.RijWijziging:
        return ast.RijWijziging("toegevoegd", str(key), self._rij(meta, key, rest), self._span(meta))

    def gegevenswijziging(self, meta: Meta, *ws: ast.GegevensInstructie) -> ast.GegevensWijziging:
        return ast.GegevensWijziging(tuple(ws), self._span(meta))

    def gegevens_ingevoegd(self, meta: Meta, decl: ast.Declaratie) -> ast.GegevensInstructie:
        return ast.GegevensInstructie("ingevoegd", decl.name, decl, None, self._span(meta))

    def gegevens_luidt(self, meta: Meta, naam: Token, decl: ast.Declaratie) -> ast.GegevensInstructie:
        return ast.GegevensInstructie("luidt", str(naam), decl, None, self._span(meta))

    def gegevens_vervalt(self, meta: Meta, naam: Token) -> ast.GegevensInstructie:
        return ast.GegevensInstructie("vervalt", str(naam), None, None, self._span(meta))

    def gegevens_vervalt_enumeratie(self, meta: Meta, naam: Token) -> ast.GegevensInstructie:
        return ast.GegevensInstructie("vervalt", str(naam), None, None, self._span(meta), enumeratie=True)

    def gegevens_waarde(self, meta: Meta, enum: Token, waarde: Token, *label: Token) -> ast.GegevensInstructie:
        value = ast.EnumWaarde(str(waarde), text_of(label[0]) if label else "", self._span(meta))
        return ast.GegevensInstructie("waarde", str(enum), None, value, self._span(meta))

    def rij_vervalt(self, meta: Meta, key: Token) -> ast.RijWijziging:
        return ast.RijWijziging("vervalt", str(key), None, self._span(meta))


def instructie_regels(i: ast.Instructie, ind: int) -> list[str]:
    """The DSL lines of one instruction at indentation ``ind``; it parses back to ``i`` (spans aside)."""
    return _DSL.visit(i, ind)


class _Dsl(ast.InstructieVisitor[int, list[str]]):
    """The inverse of the callbacks above, one method per instruction kind."""

    def komt_te_luiden(self, i: ast.KomtTeLuiden, ind: int) -> list[str]:
        red = "redactioneel " if i.redactioneel else ""
        return [f"{_INDENT * ind}{red}{_verwijzing(i.doel.ref)} komt te luiden:", *_bepaling(i.bepaling, ind + 1)]

    def vervalt(self, i: ast.Vervalt, ind: int) -> list[str]:
        pad = _INDENT * ind
        if not i.hernummering:
            return [f"{pad}{_verwijzing(i.doel.ref)} vervalt"]
        woord = "verlettering" if i.doel.ref.onderdeel and not i.doel.ref.subonderdeel else "vernummering"
        paren = " en van ".join(f"{_plek(a, 'het ')} tot {_plek(b)}" for a, b in i.hernummering)
        return [f"{pad}{_verwijzing(i.doel.ref)}, vervalt onder {woord} van {paren}"]

    def ingevoegd(self, i: ast.Ingevoegd, ind: int) -> list[str]:
        pad = _INDENT * ind
        if i.positie == "aan":
            return [f"{pad}aan {_verwijzing(i.anker.ref)} wordt een {i.soort} toegevoegd:",
                    *_bepaling(i.bepaling, ind + 1)]
        return [f"{pad}{i.positie} {_verwijzing(i.anker.ref)} wordt een {i.soort} ingevoegd:",
                *_bepaling(i.bepaling, ind + 1)]

    def alfabetisch_ingevoegd(self, i: ast.AlfabetischIngevoegd, ind: int) -> list[str]:
        return [f"{_INDENT * ind}in {_verwijzing(i.artikel.ref)} wordt in de alfabetische volgorde ingevoegd:",
                *(line for b in i.begrippen for line in _bepaling(b, ind + 1))]

    def vervangen(self, i: ast.Vervangen, ind: int) -> list[str]:
        pad = _INDENT * ind
        telkens = " telkens" if i.telkens else ""
        red = "redactioneel " if i.redactioneel else ""
        out = [f"{pad}{red}in {_verwijzing(i.doel.ref)}, wordt {_str(i.oud, ind)}{telkens} vervangen door "
               f"{_str(i.nieuw, ind)}"]
        if i.items is not None:
            out += [f"{pad}{_INDENT}met regels:", *(line for it in i.items for line in _item(it, ind + 2))]
        return out

    def structuur_vervalt(self, i: ast.StructuurVervalt, ind: int) -> list[str]:
        return [f"{_INDENT * ind}hoofdstuk {i.hoofdstuk}" + (f", paragraaf {i.paragraaf}," if i.paragraaf else "")
                + " vervalt"]

    def structuur_ingevoegd(self, i: ast.StructuurIngevoegd, ind: int) -> list[str]:
        pad = _INDENT * ind
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

    def vernummerd(self, i: ast.Vernummerd, ind: int) -> list[str]:
        return [f"{_INDENT * ind}{_verwijzing(i.doel.ref)} wordt vernummerd tot {_verwijzing(i.nieuw.ref)}"]

    def gegevens_wijziging(self, i: ast.GegevensWijziging, ind: int) -> list[str]:
        return [f"{_INDENT * ind}in de gegevens",
                *(line for w in i.wijzigingen for line in _gegevensinstructie(w, ind + 1))]

    def tabel_wijziging(self, i: ast.TabelWijziging, ind: int) -> list[str]:
        pad = _INDENT * ind
        out = [f"{pad}in tabel {i.tabel}"]
        for w in i.wijzigingen:
            if w.rij is None:
                out.append(f"{pad}{_INDENT}vervalt rij {w.key}")
            elif w.soort == "luidt":
                out.append(_rij(f"komt rij {w.key} te luiden", w.rij, ind + 1))
            else:
                out.append(_rij(f"wordt rij {w.key} toegevoegd", w.rij, ind + 1))
        return out


_DSL = _Dsl()


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
