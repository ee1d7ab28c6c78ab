"""A wijzigingsregeling (AST) -> an ``Amendment``: the articles with their leden, Artikel I's onderdelen with
one ``Mod`` per instruction (worded by ``wording.py``), the ondertekening and citeertitel (from the opschrift
unless set), the Staatscourant sentence once, and the toelichting split into Algemeen and Artikelsgewijs with
sources as titles."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .. import ir
from ..span import ProvisionRef
from ..syntax import ast, formules
from ..syntax.formules import tabel_citaat
from .build import bron, provision
from .model import Amendment, AmendmentArticle, AmendmentPart, Bron, Provision, Toelichting
from .tekst import regel
from .wording import Context, mod

__all__ = ["PLAATSING", "build_amendment", "citeertitel", "ondertekening"]

PLAATSING = "Deze regeling wordt met de toelichting in de Staatscourant geplaatst."
_AMBT = re.compile(r"^Regeling van de (Minister|Staatssecretaris) (voor|van) (.+?) van ")
_ONDERWERP = re.compile(r"tot wijziging van de (.+?)(?: in verband met (.+?))?\.?$")
_BRON = re.compile(r"\s*\[([a-z0-9][a-z0-9-]*)\]")


def ondertekening(doc: ast.Wijzigingsregeling) -> str:
    """Who signs: as set, else the office the opschrift names ("Regeling van de Minister voor ...")."""
    if doc.ondertekening:
        return doc.ondertekening
    m = _AMBT.match(regel(doc.titel))
    return f"De {m[1]} {m[2]} {m[3]}," if m else "De Minister van Volksgezondheid, Welzijn en Sport,"


def citeertitel(doc: ast.Wijzigingsregeling) -> str:
    if doc.citeertitel:
        return doc.citeertitel
    m = _ONDERWERP.search(regel(doc.titel))
    if m is None:
        return regel(doc.titel)
    return f"Wijzigingsregeling {m[1]}" + (f" ({m[2]})" if m[2] else "")


def _parent(ref: ProvisionRef, niveau: str) -> str:
    """The eId prefix under which a quoted provision (of level ``niveau``, standing at ``ref``) stands in the
    new version."""
    if niveau == "artikel" or not ref.artikel:
        return ""
    eid = f"art_{ref.artikel}"
    if ref.lid and niveau != "lid":
        eid += f"__para_{ref.lid}"
    if ref.onderdeel and niveau == "subonderdeel":
        eid += f"__point_{ref.onderdeel}"
    return eid


def _alineas(tekst: str, bronnen: Mapping[str, ir.Bron]) -> tuple[tuple[str | Bron, ...], ...]:
    """Paragraphs (blank lines apart) with every ``[key]`` as the source it names."""
    out = []
    for blok in (regel(b) for b in tekst.split("\n\n")):
        if not blok:
            continue
        delen: list[str | Bron] = []
        for n, stuk in enumerate(_BRON.split(blok)):
            if n % 2:
                delen.append(bron(stuk, bronnen))
            elif stuk:
                delen.append(stuk)
        out.append(tuple(delen))
    return tuple(out)


# Where the numbered sentences of an onderdeel's tekst begin ("…gewijzigd:\n1. Het derde lid …").
_GENUMMERD = re.compile(r"\n\s*1\.\s")


def build_amendment(doc: ast.Wijzigingsregeling, consolidated: Mapping[str, ast.Regeling],
                    bronnen: Mapping[str, ir.Bron]) -> Amendment:
    nieuw = consolidated.get(doc.versie)
    basis = consolidated.get(doc.basis)

    def tabel(naam: str) -> tuple[str, str]:
        return tabel_citaat((nieuw, basis), naam)

    def quoted(b: ast.Bepaling | ast.Hoofdstuk | ast.Paragraaf) -> Provision:
        if isinstance(b, (ast.Hoofdstuk, ast.Paragraaf)):
            return provision(b, bronnen)
        return provision(b, bronnen, _parent(b.span.provision, ast.niveau(b)))

    artikelen = []
    algemeen: list[tuple[str | Bron, ...]] = []
    artikelsgewijs: list[tuple[str, tuple[tuple[str | Bron, ...], ...]]] = []
    for wa in doc.artikelen:
        leden = [regel(b) for b in wa.tekst.split("\n\n") if regel(b)]
        leden = [x for x in (regel(lid.replace(PLAATSING, "")) for lid in leden) if x]
        parts = []
        for w in wa.wijzigingen:
            binnen = formules.binnen(w.instructies)
            ctx = Context(doc.basis, doc.versie, binnen, quoted, tabel)
            mods = tuple(mod(i, ctx) for i in w.instructies)
            # The lead sentence only: an onderdeel's tekst may go on with its numbered sentences (a derived
            # wijzigingsregeling writes them), which the mods give.
            kop = regel(_GENUMMERD.split(w.tekst, maxsplit=1)[0])
            lead = "" if len(mods) == 1 else (kop or (f"Artikel {binnen} wordt als volgt gewijzigd:"
                                                      if binnen else ""))
            parts.append(AmendmentPart(w.letter, lead, mods, w.span))
            if w.toelichting:
                artikelsgewijs.append((f"Onderdeel {w.letter}", _alineas(w.toelichting, bronnen)))
        artikelen.append(AmendmentArticle(wa.nummer, regel(wa.titel), tuple(leden), tuple(parts), wa.span))
        if wa.toelichting:
            alineas = _alineas(wa.toelichting, bronnen)
            if wa.nummer == "I":  # Artikel I's own toelichting is the general part
                eerste = alineas[0] if alineas else ()
                if eerste and isinstance(eerste[0], str) and eerste[0].startswith("Algemeen."):
                    alineas = ((eerste[0].removeprefix("Algemeen.").lstrip(), *eerste[1:]), *alineas[1:])
                algemeen += alineas
            else:
                artikelsgewijs.append((f"Artikel {wa.nummer}", alineas))
    return Amendment(regel(doc.titel), citeertitel(doc), ondertekening(doc), regel(doc.aanhef), doc.versie,
                     doc.basis, doc.geldig_vanaf, tuple(artikelen), PLAATSING,
                     Toelichting(tuple(algemeen), tuple(artikelsgewijs), doc.span), doc.span)
