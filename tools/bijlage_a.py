"""Genereer het Bijlage A-deel van ``regeling/rlz-2026.rgl`` uit de tekst van Rlz Bijlage A.

De bron is de tekstextractie van de wetten.nl-print van Bijlage A (geldend vanaf 1 juli 2025):
``rlz-bijlage-a-2025-07-01.txt`` in de domeinmap. Die print staat in twee kolommen: links de
profieltekst, rechts kopjes in de marge ("Gemiddelde scores beperkingen", "Aard van de psychiatrische
problematiek", "Aard van het begeleidingsdoel"); bovendien herhaalt elke pagina de titel van het profiel
en het woord "Zorgprofiel". Dit script haalt de margekopjes en paginakoppen weg, plakt alinea's die over
een paginagrens lopen weer aan elkaar en schrijft per zorgprofiel:

* de ``waarde``-regels van ``enumeratie zorgprofiel`` (code en titel), en
* de ``rij``-regels van ``tabel zorgprofielen`` (kolom ``meerzorg_mogelijk``: het sterretje, en als label
  de titel, de sector, de AWBZ-conversie en de beschrijving van doelgroep en aard van de zorg).

Beide staan in het .rgl-bestand tussen markeringscommentaren; alles daarbuiten blijft ongemoeid::

    python tools/bijlage_a.py                  # werkt regeling/rlz-2026.rgl bij
    python tools/bijlage_a.py --check          # faalt (exit 1) als het bestand niet actueel is
    python tools/bijlage_a.py --bron PAD.txt   # andere bron

De volgorde en de codes van de profielen komen uit de tabel aan het begin van Bijlage A. Vier
profielbeschrijvingen in de print dragen het achtervoegsel "(2015)" en staan niet in die tabel (LG Wonen met
enige begeleiding en enige verzorging, LG Wonen met enige begeleiding en verzorging, ZGaud Wonen met
begeleiding en enige verzorging, ZGvis Wonen met enige begeleiding en enige verzorging): dat zijn geen
geldende zorgprofielen meer; het script slaat ze over.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The text extraction of the official print (source rlz-bijlage-a-2025 in regeling/bronnen.toml), kept in the
# repo so the generation is reproducible from a clone.
STANDAARD_BRON = ROOT / "tools" / "bronnen" / "rlz-bijlage-a-2025-07-01.txt"
STANDAARD_DOEL = ROOT / "regeling" / "rlz-2026.rgl"

LVG = "sector licht verstandelijk gehandicapt (18 tot 23 jaar)"
VV7_8 = "VV Beschermd wonen met zeer intensieve zorg, vanwege specifieke aandoeningen, met de nadruk"


@dataclass(frozen=True)
class Profiel:
    code: str  # naam in de DSL (enumeratiewaarde)
    titel: str  # titel zoals in de tabel van Bijlage A
    sector: str
    zzp: str  # AWBZ-zorgzwaartepakket uit de conversietabel ("" bij GGZ Wonen)
    ster: bool  # met * aangeduid: meer zorg mogelijk
    kop: tuple[str, ...]  # de kopregel(s) boven de beschrijving, zonder slotpunt
    vervallen: bool = False  # "(2015)": wel beschreven, niet in de tabel


_VV = "Verpleging en verzorging (VV)"
_VG = "Verstandelijk Gehandicapt (VG)"
_LVG = "Licht Verstandelijk Gehandicapt (LVG)"
_LG = "Lichamelijk Gehandicapt (LG)"
_ZGA = "Zintuiglijk Gehandicapt, auditief en communicatief (ZGaud)"
_ZGV = "Zintuiglijk Gehandicapt, visueel (ZGvis)"
_GGZB = "GGZ, B-groep (GGZ-B)"
_GGZW = "GGZ Wonen (GGZ-W)"

PROFIELEN: tuple[Profiel, ...] = (
    Profiel(
        "VV4",
        "VV Beschut wonen met intensieve begeleiding en uitgebreide verzorging",
        _VV,
        "4 VV",
        False,
        ("VV Beschut wonen met intensieve begeleiding en uitgebreide verzorging",),
    ),
    Profiel(
        "VV5",
        "VV Beschermd wonen met intensieve dementiezorg",
        _VV,
        "5 VV",
        False,
        ("VV Beschermd wonen met intensieve dementiezorg",),
    ),
    Profiel(
        "VV6",
        "VV Beschermd wonen met intensieve verzorging en verpleging",
        _VV,
        "6 VV",
        False,
        ("VV Beschermd wonen met intensieve verzorging en verpleging",),
    ),
    Profiel(
        "VV7",
        "VV Beschermd wonen met zeer intensieve zorg, vanwege specifieke aandoeningen, met de nadruk op begeleiding",
        _VV,
        "7 VV",
        True,
        (VV7_8, "op begeleiding"),
    ),
    Profiel(
        "VV8",
        "VV Beschermd wonen met zeer intensieve zorg, vanwege specifieke aandoeningen, met de nadruk op "
        "verzorging/verpleging",
        _VV,
        "8 VV",
        True,
        (VV7_8, "op verzorging/verpleging"),
    ),
    Profiel(
        "VV9b",
        "VV Herstelgerichte behandeling met verpleging en verzorging",
        _VV,
        "9b VV",
        False,
        ("Herstelgerichte behandeling met verpleging en verzorging;", "sector verpleging en verzorging"),
    ),
    Profiel(
        "VG3", "VG Wonen met begeleiding en verzorging", _VG, "3 VG", False, ("VG Wonen met begeleiding en verzorging",)
    ),
    Profiel(
        "VG4",
        "VG Wonen met begeleiding en intensieve verzorging",
        _VG,
        "4 VG",
        False,
        ("VG Wonen met begeleiding en intensieve verzorging",),
    ),
    Profiel(
        "VG5",
        "VG Wonen met intensieve begeleiding en intensieve verzorging",
        _VG,
        "5 VG",
        True,
        ("VG Wonen met intensieve begeleiding en intensieve verzorging",),
    ),
    Profiel(
        "VG6",
        "VG Wonen met intensieve begeleiding, verzorging en gedragsregulering",
        _VG,
        "6 VG",
        False,
        ("VG Wonen met intensieve begeleiding, verzorging en gedragsregulering",),
    ),
    Profiel(
        "VG7",
        "VG (Besloten) wonen met zeer intensieve begeleiding, verzorging en gedragsregulering",
        _VG,
        "7 VG",
        True,
        ("VG (Besloten) wonen met zeer intensieve begeleiding, verzorging en gedragsregulering",),
    ),
    Profiel(
        "VG8",
        "VG Wonen met begeleiding en volledige verzorging en verpleging",
        _VG,
        "8 VG",
        True,
        ("VG Wonen met begeleiding en volledige verzorging en verpleging",),
    ),
    Profiel(
        "LVG1",
        "LVG Wonen met enige behandeling en begeleiding (18 tot 23 jaar)",
        _LVG,
        "1 LVG",
        False,
        ("Wonen met enige behandeling en begeleiding;", LVG),
    ),
    Profiel(
        "LVG2",
        "LVG Wonen met behandeling en begeleiding (18 tot 23 jaar)",
        _LVG,
        "2 LVG",
        False,
        ("Wonen met behandeling en begeleiding;", LVG),
    ),
    Profiel(
        "LVG3",
        "LVG Wonen met intensieve behandeling en begeleiding, kleine groep (18 tot 23 jaar)",
        _LVG,
        "3 LVG",
        False,
        ("Wonen met intensieve behandeling en begeleiding, kleine groep;", LVG),
    ),
    Profiel(
        "LVG4",
        "LVG Wonen met zeer intensieve behandeling en begeleiding (18 tot 23 jaar)",
        _LVG,
        "4 LVG",
        True,
        ("Wonen met zeer intensieve behandeling en begeleiding;", LVG),
    ),
    Profiel(
        "LVG5",
        "LVG Besloten wonen met zeer intensieve behandeling en begeleiding (18 tot 23 jaar)",
        _LVG,
        "5 LVG",
        True,
        ("Besloten wonen met zeer intensieve behandeling en begeleiding;", LVG),
    ),
    Profiel(
        "SGLVG1",
        "LVG Behandeling in een SGLVG behandelcentrum",
        _LVG,
        "1 SGLVG",
        True,
        ("LVG Behandeling in een SGLVG behandelcentrum",),
    ),
    Profiel(
        "LG1",
        "LG Wonen met enige begeleiding en enige verzorging (2015)",
        _LG,
        "",
        False,
        ("LG Wonen met enige begeleiding en enige verzorging (2015)",),
        vervallen=True,
    ),
    Profiel(
        "LG2",
        "LG Wonen met begeleiding en enige verzorging",
        _LG,
        "2 LG",
        False,
        ("LG Wonen met begeleiding en enige verzorging",),
    ),
    Profiel(
        "LG3",
        "LG Wonen met enige begeleiding en verzorging (2015)",
        _LG,
        "",
        False,
        ("LG Wonen met enige begeleiding en verzorging (2015)",),
        vervallen=True,
    ),
    Profiel(
        "LG4", "LG Wonen met begeleiding en verzorging", _LG, "4 LG", False, ("LG Wonen met begeleiding en verzorging",)
    ),
    Profiel(
        "LG5",
        "LG Wonen met begeleiding en intensieve verzorging",
        _LG,
        "5 LG",
        True,
        ("LG Wonen met begeleiding en intensieve verzorging",),
    ),
    Profiel(
        "LG6",
        "LG Wonen met intensieve begeleiding en intensieve verzorging",
        _LG,
        "6 LG",
        True,
        ("LG Wonen met intensieve begeleiding en intensieve verzorging",),
    ),
    Profiel(
        "LG7",
        "LG Wonen met zeer intensieve begeleiding en zeer intensieve verzorging",
        _LG,
        "7 LG",
        True,
        ("LG Wonen met zeer intensieve begeleiding en zeer intensieve verzorging",),
    ),
    Profiel(
        "ZGaud1",
        "ZGaud Wonen met begeleiding en enige verzorging (2015)",
        _ZGA,
        "",
        False,
        ("ZGaud Wonen met begeleiding en enige verzorging (2015)",),
        vervallen=True,
    ),
    Profiel(
        "ZGaud2",
        "ZGaud Wonen met intensieve begeleiding en verzorging",
        _ZGA,
        "2 ZGaud",
        False,
        ("ZGaud Wonen met intensieve begeleiding en verzorging",),
    ),
    Profiel(
        "ZGaud3",
        "ZGaud Wonen met intensieve begeleiding en intensieve verzorging",
        _ZGA,
        "3 ZGaud",
        True,
        ("ZGaud Wonen met intensieve begeleiding en intensieve verzorging",),
    ),
    Profiel(
        "ZGaud4",
        "ZGaud Wonen met intensieve begeleiding en enige verzorging",
        _ZGA,
        "4 ZGaud",
        False,
        ("ZGaud Wonen met intensieve begeleiding en enige verzorging",),
    ),
    Profiel(
        "ZGvis1",
        "ZGvis Wonen met enige begeleiding en enige verzorging (2015)",
        _ZGV,
        "",
        False,
        ("ZGvis Wonen met enige begeleiding en enige verzorging (2015)",),
        vervallen=True,
    ),
    Profiel(
        "ZGvis2",
        "ZGvis Wonen met begeleiding en enige verzorging",
        _ZGV,
        "2 ZGvis",
        False,
        ("ZGvis Wonen met begeleiding en enige verzorging",),
    ),
    Profiel(
        "ZGvis3",
        "ZGvis Wonen met intensieve begeleiding en verzorging",
        _ZGV,
        "3 ZGvis",
        False,
        ("ZGvis Wonen met intensieve begeleiding en verzorging",),
    ),
    Profiel(
        "ZGvis4",
        "ZGvis Wonen met intensieve begeleiding en intensieve verzorging",
        _ZGV,
        "4 ZGvis",
        False,
        ("ZGvis Wonen met intensieve begeleiding en intensieve verzorging",),
    ),
    Profiel(
        "ZGvis5",
        "ZGvis Wonen met zeer intensieve begeleiding en zeer intensieve verzorging",
        _ZGV,
        "5 ZGvis",
        True,
        ("ZGvis Wonen met zeer intensieve begeleiding en zeer intensieve verzorging",),
    ),
    Profiel(
        "GGZ3B",
        "GGZ-B Voortgezet verblijf met intensieve begeleiding",
        _GGZB,
        "3b GGZ",
        False,
        ("GGZ-B Voortgezet verblijf met intensieve begeleiding",),
    ),
    Profiel(
        "GGZ4B",
        "GGZ-B Voortgezet verblijf met intensieve begeleiding en verzorging",
        _GGZB,
        "4b GGZ",
        False,
        ("GGZ-B Voortgezet verblijf met intensieve begeleiding en verzorging",),
    ),
    Profiel(
        "GGZ5B",
        "GGZ-B Voortgezet verblijf met intensieve begeleiding en gedragsregulering",
        _GGZB,
        "5b GGZ",
        False,
        ("GGZ-B Voortgezet verblijf met intensieve begeleiding en gedragsregulering",),
    ),
    Profiel(
        "GGZ6B",
        "GGZ-B Voortgezet verblijf met intensieve begeleiding en intensieve verpleging en verzorging",
        _GGZB,
        "6b GGZ",
        True,
        ("GGZ-B Voortgezet verblijf met intensieve begeleiding en intensieve verpleging en verzorging",),
    ),
    Profiel(
        "GGZ7B",
        "GGZ-B Beveiligd voortgezet verblijf vanwege extreme gedragsproblematiek met zeer intensieve begeleiding",
        _GGZB,
        "7b GGZ",
        True,
        ("GGZ-B Beveiligd voortgezet verblijf vanwege extreme gedragsproblematiek met zeer intensieve", "begeleiding"),
    ),
    Profiel(
        "GGZ1W", "GGZ Wonen met intensieve begeleiding", _GGZW, "", False, ("GGZ Wonen met intensieve begeleiding",)
    ),
    Profiel(
        "GGZ2W",
        "GGZ Wonen met intensieve begeleiding en verzorging",
        _GGZW,
        "",
        False,
        ("GGZ Wonen met intensieve begeleiding en verzorging",),
    ),
    Profiel(
        "GGZ3W",
        "GGZ Wonen met intensieve begeleiding en gedragsregulering",
        _GGZW,
        "",
        False,
        ("GGZ Wonen met intensieve begeleiding en gedragsregulering",),
    ),
    Profiel(
        "GGZ4W",
        "GGZ Wonen met intensieve begeleiding en intensieve verpleging en verzorging",
        _GGZW,
        "",
        False,
        ("GGZ Wonen met intensieve begeleiding en intensieve verpleging en verzorging",),
    ),
    Profiel(
        "GGZ5W",
        "GGZ Beveiligd wonen vanwege extreme gedragsproblematiek met zeer intensieve begeleiding",
        _GGZW,
        "",
        False,
        ("GGZ Beveiligd wonen vanwege extreme gedragsproblematiek met zeer intensieve begeleiding",),
    ),
)

# Kopjes uit de rechterkolom van de print; ze staan los op een regel of achter de linkerkolom (na 3+ spaties).
MARGE = {
    "Gemiddelde",
    "Gemiddelde scores",
    "scores",
    "beperkingen",
    "beperkingen (A)",
    "beperkingen (B)",
    "SGLVG",
    "SGEVG",
    "Aard van de",
    "Aard van de psychiatrische",
    "Aard van de psychiatrische problematiek",
    "psychiatrische",
    "problematiek",
    "Aard van het",
    "begeleidingsdoel",
    "Behandel-/begeleidingsdoel",
}
_MARGE_ACHTER = re.compile(r"^(?P<tekst>.*?\S)\s{3,}(?P<marge>\S.*?)\s*$")
_EINDE_ZIN = (".", ":", ";", "!", "?")
# Tussenkopjes in de linkerkolom van de GGZ Wonen-profielen: eigen alinea, nooit samenvoegen.
KOPJES = {
    "Sociale redzaamheid",
    "Psychosociale / cognitieve functies",
    "ADL / HDL",
    "Mobiliteit",
    "Gedragsproblematiek",
    "Aard van het begeleidings / behandeldoel",
    "Grondslag",
}
BREEDTE = 100


def _norm(regel: str) -> str:
    return regel.strip().rstrip(".").strip()


def _zonder_marge(regel: str) -> str | None:
    """De regel zonder margekopje; None als de regel alleen uit een margekopje bestond."""
    if regel.strip() in MARGE and (regel.startswith("   ") or len(regel.strip().split()) <= 2):
        return None
    m = _MARGE_ACHTER.match(regel)
    if m and m.group("marge") in MARGE:
        return m.group("tekst")
    return regel


def _is_kop(regels: list[str], i: int, p: Profiel) -> int:
    """Aantal regels vanaf i dat de kop van p vormt (lege regels ertussen meegeteld), of 0."""
    j, n = i, 0
    for deel in p.kop:
        while n and j < len(regels) and not regels[j].strip():
            j += 1
        if j >= len(regels) or _norm(regels[j]) != _norm(deel):
            return 0
        j += 1
        n += 1
    return j - i


def beschrijvingen(bron: str) -> dict[str, str]:
    """Per profielcode de opgeschoonde beschrijving (alinea's gescheiden door een lege regel)."""
    regels = bron.split("\n")
    # De beschrijvingen beginnen bij de eerste kop gevolgd door "Zorgprofiel" (na de tabel).
    start = next(i for i, r in enumerate(regels) if r.strip() == "Zorgprofiel")
    while start > 0 and _is_kop(regels, start, PROFIELEN[0]) == 0:
        start -= 1
    blokken: dict[str, list[str]] = {}
    huidig: Profiel | None = None
    i = start
    while i < len(regels):
        gevonden = None
        for p in PROFIELEN:
            n = _is_kop(regels, i, p)
            if n:
                gevonden = (p, n)
                break
        if gevonden:
            p, n = gevonden
            if huidig is None or p.code != huidig.code:
                huidig = p
                blokken[p.code] = []
            i += n
            continue
        regel = regels[i]
        i += 1
        if regel.strip() == "Zorgprofiel" or regel.strip().startswith("Sector "):
            continue
        if huidig is None:
            continue
        schoon = _zonder_marge(regel)
        # Een margekopje staat vaak op de lege regel tussen twee alinea's: laat een alineagrens achter.
        blokken[huidig.code].append("" if schoon is None else schoon.strip())
    return {code: _alineas(r) for code, r in blokken.items()}


def _plak(links: str, rechts: str) -> str:
    """Twee regels van één alinea samenvoegen, met afbreekstreepjes zoals in de print bedoeld."""
    if not links:
        return rechts
    eerste = rechts.split(" ", 1)[0]
    if links.endswith("/"):
        return links + rechts
    if links.endswith("-") and eerste[:1].islower() and eerste not in {"en", "of", "tot"}:
        return links + rechts  # "GGZ-" + "behandelaar", "CEP-" + "score"
    return links + " " + rechts


def _alineas(regels: list[str]) -> str:
    alineas: list[str] = []
    huidig = ""
    for r in [*regels, ""]:
        if r:
            huidig = _plak(huidig, r)
        elif huidig:
            alineas.append(huidig)
            huidig = ""
    # Alinea's die over een paginagrens of een weggehaald margekopje heen lopen weer samenvoegen.
    samen: list[str] = []
    for a in alineas:
        if samen and not samen[-1].endswith(_EINDE_ZIN) and samen[-1] not in KOPJES and not a.startswith("- "):
            samen[-1] = _plak(samen[-1], a)
        else:
            samen.append(a)
    return "\n\n".join(samen)


def _dsl_tekst(tekst: str, inspringen: str) -> str:
    """Tekst als triple-quoted DSL-string, alinea's afgebroken op BREEDTE tekens."""
    if '"""' in tekst:
        raise ValueError("tekst bevat drie aanhalingstekens")
    uit: list[str] = []
    for alinea in tekst.split("\n\n"):
        if uit:
            uit.append("")
        uit.extend(textwrap.wrap(alinea, BREEDTE, break_long_words=False, break_on_hyphens=False))
    return "\n".join(inspringen + r if r else "" for r in uit)


def enumeratie(profielen: tuple[Profiel, ...]) -> str:
    return "\n".join(f'    waarde {p.code} "{p.titel}"' for p in profielen if not p.vervallen)


def tabel(profielen: tuple[Profiel, ...], teksten: dict[str, str]) -> str:
    rijen: list[str] = []
    for p in profielen:
        if p.vervallen:
            continue
        conversie = f"conversie AWBZ: {p.zzp}{'*' if p.ster else ''}" if p.zzp else "geen AWBZ-zzp"
        ster = "meer zorg mogelijk (*)" if p.ster else "zonder *"
        kop = f"{p.titel}\n\nSector {p.sector}; {conversie}; {ster}."
        tekst = kop + "\n\n" + teksten[p.code]
        rijen.append(
            f'    rij {p.code}: {"waar" if p.ster else "onwaar"} """\n{_dsl_tekst(tekst, "      ")}\n      """'
        )
    return "\n".join(rijen)


def vervang(doel: str, naam: str, inhoud: str) -> str:
    begin = f"# >>> begin gegenereerd door tools/bijlage_a.py: {naam}"
    eind = f"# <<< einde gegenereerd: {naam}"
    patroon = re.compile(re.escape(begin) + r".*?" + re.escape(eind), re.S)
    if not patroon.search(doel):
        raise SystemExit(f"markering '{begin}' niet gevonden")
    return patroon.sub(lambda _m: f"{begin}\n{inhoud}\n    {eind}", doel, count=1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--bron", type=Path, default=STANDAARD_BRON)
    ap.add_argument("--doel", type=Path, default=STANDAARD_DOEL)
    ap.add_argument("--check", action="store_true", help="alleen controleren of het doel actueel is")
    args = ap.parse_args(argv)
    teksten = beschrijvingen(args.bron.read_text(encoding="utf-8"))
    ontbreekt = [p.code for p in PROFIELEN if p.code not in teksten]
    if ontbreekt:
        raise SystemExit(f"geen beschrijving gevonden voor: {', '.join(ontbreekt)}")
    oud = args.doel.read_text(encoding="utf-8")
    nieuw = vervang(oud, "enumeratie zorgprofiel", enumeratie(PROFIELEN))
    nieuw = vervang(nieuw, "tabel zorgprofielen", tabel(PROFIELEN, teksten))
    if args.check:
        if nieuw != oud:
            print(f"{args.doel} is niet actueel: draai tools/bijlage_a.py", file=sys.stderr)
            return 1
        return 0
    if nieuw != oud:
        args.doel.write_text(nieuw, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
