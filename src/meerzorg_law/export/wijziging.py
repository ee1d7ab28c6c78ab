"""A wijzigingsregeling as it is circulated: opschrift, aanhef, Artikel I with onderdelen A, B, ... (each
instruction in the words of the Aanwijzingen voor de regelgeving, then the new wording), Artikel II,
ondertekening, toelichting. Changes to the gegevens (the case interface of the model, not legal text) are
listed in the toelichting."""

from __future__ import annotations

from collections.abc import Iterator

from ..span import ProvisionRef, rangtelwoord
from ..syntax import ast
from ..syntax.printer import print_expr
from .model import Alinea, bepaling_alineas, declaratie_alineas, structuur_alineas, tekst

__all__ = ["wijzigingsregeling_alineas"]

ONDERTEKENING = "De Minister voor Langdurige Zorg, Jeugd en Sport,"


def _citeer(ref: ProvisionRef, hoofdletter: bool = False, midden: bool = True) -> str:
    """A citation as it stands in an instruction; in mid-sentence a multi-part one is closed by a comma
    ("Na artikel 2.2, eerste lid, wordt ...")."""
    delen = [f"artikel {ref.artikel}"]
    if ref.lid:
        woord = rangtelwoord(ref.lid)
        delen.append(f"{woord} lid" if woord != ref.lid else f"lid {ref.lid}")
    if ref.onderdeel:
        delen.append(f"onderdeel {ref.onderdeel}")
    if ref.subonderdeel:
        delen.append(f"onder {ref.subonderdeel}")
    s = ", ".join(delen) + ("," if midden and len(delen) > 1 else "")
    return s[0].upper() + s[1:] if hoofdletter else s


def _plek(ref: ProvisionRef) -> str:
    if ref.subonderdeel:
        return f"subonderdeel {ref.subonderdeel}"
    if ref.onderdeel:
        return f"onderdeel {ref.onderdeel}"
    woord = rangtelwoord(ref.lid) if ref.lid else ""
    return (f"het {woord} lid" if woord != ref.lid else f"lid {ref.lid}") if ref.lid else f"artikel {ref.artikel}"


def instructie_alineas(i: ast.Instructie) -> Iterator[Alinea]:
    """One instruction: its sentence, then (for new wording) the provision as it will read."""
    if isinstance(i, ast.KomtTeLuiden):
        yield Alinea("tekst", f"{_citeer(i.doel.ref, True)} komt te luiden:")
        yield from bepaling_alineas(i.bepaling, "citaat")
    elif isinstance(i, ast.Vervalt):
        if not i.hernummering:
            yield Alinea("tekst", f"{_citeer(i.doel.ref, True)} vervalt.")
        else:
            woord = "verlettering" if i.doel.ref.onderdeel and not i.doel.ref.subonderdeel else "vernummering"
            paren = " en van ".join(f"{_plek(a)} tot {_plek(b).removeprefix('het ')}" for a, b in i.hernummering)
            yield Alinea("tekst", f"{_citeer(i.doel.ref, True)} vervalt, onder {woord} van {paren}.")
    elif isinstance(i, ast.Ingevoegd):
        if i.positie == "aan":
            yield Alinea("tekst", f"Aan {_citeer(i.anker.ref)} wordt een {i.soort} toegevoegd, luidende:")
        else:
            yield Alinea("tekst", f"{i.positie.capitalize()} {_citeer(i.anker.ref)} wordt een {i.soort} ingevoegd, "
                                  "luidende:")
        yield from bepaling_alineas(i.bepaling, "citaat")
    elif isinstance(i, ast.Vernummerd):
        yield Alinea("tekst", f"{_citeer(i.doel.ref, True)} wordt vernummerd tot {_citeer(i.nieuw.ref, midden=False)}.")
    elif isinstance(i, ast.Vervangen):
        telkens = " telkens" if i.telkens else ""
        yield Alinea("tekst", f"In {_citeer(i.doel.ref)} wordt “{tekst(i.oud)}”{telkens} vervangen door "
                              f"“{tekst(i.nieuw)}”.")
    elif isinstance(i, ast.StructuurVervalt):
        yield Alinea("tekst", f"Hoofdstuk {i.hoofdstuk}" + (f", paragraaf {i.paragraaf}," if i.paragraaf else "")
                     + " vervalt.")
    elif isinstance(i, ast.StructuurIngevoegd):
        anker = f"hoofdstuk {i.hoofdstuk}" + (f", paragraaf {i.paragraaf}" if i.paragraaf else "")
        yield Alinea("tekst", f"{i.positie.capitalize()} {anker} wordt een {i.soort} ingevoegd, luidende:")
        yield from (Alinea("citaat", a.tekst) for a in structuur_alineas(i.nieuw))
    elif isinstance(i, ast.TabelWijziging):
        for w in i.wijzigingen:
            if w.rij is None:
                yield Alinea("tekst", f"In de tabel {i.tabel} vervalt de rij {w.key}.")
            else:
                waarden = ", ".join(print_expr(v) for v in w.rij.values)
                wat = "komt de rij {k} te luiden" if w.soort == "luidt" else "wordt een rij {k} toegevoegd"
                yield Alinea("tekst", f"In de tabel {i.tabel} {wat.format(k=w.key)}: {waarden}"
                                      + (f" ({w.rij.label})." if w.rij.label else "."))
    # Gegevens changes are model, not legal text: the toelichting lists them (see gegevens_alineas).


def gegevens_alineas(i: ast.GegevensWijziging) -> Iterator[Alinea]:
    for w in i.wijzigingen:
        wat = f"enumeratie {w.naam}" if w.enumeratie else w.naam
        if w.soort == "waarde" and w.waarde is not None:
            yield Alinea("klein", f"Aan {w.naam} wordt de waarde {w.waarde.name} toegevoegd"
                                  + (f" ({w.waarde.label})." if w.waarde.label else "."))
        elif w.soort == "vervalt":
            yield Alinea("klein", f"{wat[0].upper() + wat[1:]} vervalt.")
        elif w.declaratie is not None:
            kop = "Ingevoegd:" if w.soort == "ingevoegd" else f"{w.naam} komt te luiden:"
            yield Alinea("klein", kop)
            yield from (Alinea("klein", a.tekst) for a in declaratie_alineas(w.declaratie))


def wijzigingsregeling_alineas(doc: ast.Wijzigingsregeling, vergelijking: list[Alinea] | None = None
                               ) -> list[Alinea]:
    """The whole document; ``vergelijking`` (paragraphs on the outcomes of the cases) goes into the toelichting."""
    out = [Alinea("titel", doc.titel), Alinea("tekst", ONDERTEKENING),
           Alinea("tekst", doc.aanhef or "Gelet op ...;"), Alinea("tekst", "Besluit:")]
    gegevens: list[Alinea] = []
    toelichting: list[Alinea] = []
    for wa in doc.artikelen:
        out.append(Alinea("kop", f"Artikel {wa.nummer}" + (f". {wa.titel}" if wa.titel else "")))
        if wa.tekst:
            out.append(Alinea("tekst", tekst(wa.tekst)))
        if wa.toelichting:
            toelichting += [Alinea("kop", f"Artikel {wa.nummer}"), Alinea("tekst", tekst(wa.toelichting))]
        for w in wa.wijzigingen:
            out.append(Alinea("kop", w.letter))
            if w.tekst:
                out.append(Alinea("tekst", tekst(w.tekst)))
            if all(isinstance(i, ast.GegevensWijziging) for i in w.instructies):
                out.append(Alinea("klein", "Dit onderdeel wijzigt alleen de gegevens van het model; zie de "
                                           "toelichting."))
            for i in w.instructies:
                # The onderdeel's own tekst often is the first sentence already ("Na artikel 2.2 wordt ...").
                out += [a for n, a in enumerate(instructie_alineas(i)) if n or a != out[-1]]
                if isinstance(i, ast.GegevensWijziging):
                    gegevens += [Alinea("klein", f"Onderdeel {w.letter}:"), *gegevens_alineas(i)]
            if w.toelichting:
                toelichting += [Alinea("kop", f"Onderdeel {w.letter}"), Alinea("tekst", tekst(w.toelichting))]
    out += [Alinea("ondertekening", ONDERTEKENING), Alinea("ondertekening", "")]
    out += [Alinea("titel", "Toelichting"), *toelichting]
    if gegevens:
        out += [Alinea("kop", "Gegevens van het model"), *gegevens]
    if vergelijking:
        out += [Alinea("kop", "Gevolgen voor de casussen"), *vergelijking]
    return out
