"""A new variant to start from: a skeleton wijzigingsregeling on a base version, and a case file with the base
version's expectations and, for the variant, expectations 'te herzien' that ``meerzorg test --herzien`` fills
from the variant's computed outcomes after review (not copies of the base's, which would hide every change).

``meerzorg nieuw variant NAAM --basis rlz-2026`` calls :func:`nieuwe_variant`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..cases.load import TE_HERZIEN

__all__ = ["VERSIE_ID", "Skelet", "nieuwe_variant"]

VERSIE_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)+")


@dataclass(frozen=True, slots=True)
class Skelet:
    regeling: str  # the text of NAAM.rgl
    casussen: str  # the text of casussen.yaml
    aantal_casussen: int


def nieuwe_variant(naam: str, basis: str, titel: str, geldig_vanaf: datetime.date,
                   case_files: list[Path], feiten: Collection[str] | None = None) -> Skelet:
    """The skeleton for variant ``naam`` of ``basis`` (whose regeling is called ``titel``), and a case file
    with every case of ``case_files`` that has an expectation for ``basis``, to be reviewed for ``naam``.
    With ``feiten`` (the facts ``basis`` declares), a case keeps only those: a fact that another variant adds
    (such as the gebruikelijke zorg of rlz-2026-gebruikelijke-zorg) is unknown next to ``basis`` alone."""
    opschrift = f"Regeling van de Minister voor Langdurige Zorg van ... tot wijziging van de {titel} in verband met ..."
    regeling = f'''# Variant {naam} op {basis}: een wijzigingsregeling. Vul Artikel I aan met onderdelen A., B., ...;
# "meerzorg check" controleert haar tegen de meegeleverde {basis}, "meerzorg test" draait casussen.yaml.
wijzigingsregeling {_q(opschrift)}
versie {naam} variant
basis {basis}
geldig vanaf {geldig_vanaf.isoformat()}
aanhef "Gelet op artikel 3.1.1, tweede lid, van de Wet langdurige zorg;"

Artikel I
  tekst {_q(f"De {titel} wordt als volgt gewijzigd:")}
  toelichting """Waarom deze wijziging: het probleem, de gekozen oplossing en de gevolgen (zie 'meerzorg vergelijk'
    en 'meerzorg impact')."""
  # A.
  #   toelichting "..."
  #   in artikel 2.2, eerste lid, onderdeel e, wordt "25%" vervangen door "20%"
  #     met regels:
  #       ...
  # B.
  #   na artikel 2.2, eerste lid, wordt een lid ingevoegd:
  #     lid 1a
  #       herkomst voorstel
  #       tekst "..."
  # (alle opdrachten: docs/taal.rst, "Alle wijzigingsopdrachten")

Artikel II
  tekst "Deze regeling treedt in werking met ingang van {_datum(geldig_vanaf)}."
'''
    casussen: list[dict[str, object]] = []
    for f in case_files:
        data = yaml.load(f.read_text(encoding="utf-8"), Loader=_TekstLoader) or {}
        for casus in data.get("casussen") or []:
            verwacht = casus.get("verwacht") or {}
            if basis in verwacht:
                gegeven = casus["feiten"]
                if feiten is not None:
                    gegeven = {k: v for k, v in gegeven.items() if k in feiten}
                casussen.append({"naam": casus["naam"], "feiten": gegeven,
                                 "verwacht": {basis: verwacht[basis], naam: TE_HERZIEN}})
    kop = (f"# Casussen voor {naam}: de verwachtingen van {basis}; die voor {naam} zijn '{TE_HERZIEN}'.\n"
           f"# Na uw wijzigingen: 'meerzorg test --herzien' toont per casus de uitkomst van {naam} met de uitleg\n"
           f"# (en waar die van {basis} afwijkt) en schrijft haar hier na uw ja; commentaar blijft staan.\n")
    tekst = kop + yaml.safe_dump({"casussen": casussen}, allow_unicode=True, sort_keys=False, width=110)
    return Skelet(regeling, tekst, len(casussen))


class _TekstLoader(yaml.SafeLoader):
    """YAML 1.1 reads ``26:05`` (hours and minutes, the type ``uren``) as the sexagesimal integer 1565; the
    case loader keeps it as text, and so must the copy of the expectations."""


_TekstLoader.yaml_implicit_resolvers = {
    k: [("tag:yaml.org,2002:str", re.compile(r"^[-+]?\d+(?::[0-5]?\d)+(?:\.\d*)?$")), *v] if k in "+-0123456789"
    else list(v) for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december")


def _datum(d: datetime.date) -> str:
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


def _q(text: str) -> str:
    """A one-line DSL string (a double quote inside becomes a single one: the DSL has no escapes)."""
    return '"' + " ".join(text.replace('"', "'").split()) + '"'
