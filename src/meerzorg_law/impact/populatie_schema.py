"""The schema of populatie.toml: every key the drawing reads, its type and range; an unknown key is an error.

pydantic v2 (already a dependency of the toolchain, typed, with ``extra="forbid"`` for unknown keys and
``strict`` so that ``true`` is no number); each error becomes one Dutch message naming the file, the key and
its line. Shares are in [0, 1]; a group of shares is scaled to its total, so the total must be above 0; the
home shares of andere_toeslag are consecutive slices of one draw, so they sum to at most 1. Ages lie in
0..130 (and in the leeftijd fact's declared range, ``controleer_tegen_regeling``), hours in 0..168.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..tomlinvoer import InvoerFout, regel_van, sleutelpad

__all__ = ["controleer_populatie"]

# strict per number: ``true`` is no share; arrays stay lists (TOML has no tuples), so not strict per model.
Aandeel = Annotated[float, Field(strict=True, ge=0, le=1)]
Leeftijd = Annotated[int, Field(strict=True, ge=0, le=130)]
Uren = Annotated[float, Field(strict=True, ge=0, le=168)]
Factor = Annotated[float, Field(strict=True, ge=0, le=100)]


class _Tabel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _positief(waarden: dict[str, float] | None, wat: str) -> None:
    if waarden is not None and waarden and sum(waarden.values()) <= 0:
        raise ValueError(f"de aandelen van {wat} tellen op tot 0: er valt niets te trekken")


class _Populatie(_Tabel):
    peildatum: datetime.date | None = None
    kind_tot: Leeftijd | None = None


class _Standaard(_Tabel):
    nieuwe_waarde: Aandeel | None = None
    waar: Aandeel | None = None


class _Vormen(_Tabel):
    verblijf: Aandeel = 0.0
    vpt: Aandeel = 0.0
    mpt: Aandeel = 0.0
    pgb: Aandeel = 0.0

    @model_validator(mode="after")
    def _som(self) -> _Vormen:
        _positief(self.model_dump(), "de leveringsvormen")
        return self


class _Leeftijden(_Tabel):
    """[aandeel kinderen, kind van, kind tot en met, volwassene van, volwassene tot en met]."""

    instelling: tuple[Aandeel, Leeftijd, Leeftijd, Leeftijd, Leeftijd]
    thuis: tuple[Aandeel, Leeftijd, Leeftijd, Leeftijd, Leeftijd]

    @model_validator(mode="after")
    def _volgorde(self) -> _Leeftijden:
        for plaats in (self.instelling, self.thuis):
            if plaats[1] > plaats[2] or plaats[3] > plaats[4]:
                raise ValueError("een leeftijd 'van' ligt boven 'tot en met'")
        return self


class _Uren(_Tabel):
    tabel: Annotated[str, Field(strict=True)] | None = None
    kolom: Annotated[str, Field(strict=True)] | None = None
    zonder_tabel: Uren | None = None
    maximum: Annotated[float, Field(strict=True, gt=0, le=168)] | None = None
    banden: Annotated[list[tuple[Aandeel, Factor, Factor]], Field(min_length=1)] | None = None
    toezicht_instelling: tuple[Aandeel, Aandeel] | None = None
    toezicht_thuis: tuple[Aandeel, Aandeel] | None = None

    @model_validator(mode="after")
    def _banden(self) -> _Uren:
        if self.banden is not None:
            if any(laag > hoog for _, laag, hoog in self.banden):
                raise ValueError("een band heeft 'laag' boven 'hoog'")
            _positief({str(i): b[0] for i, b in enumerate(self.banden)}, "de banden")
        for paar in (self.toezicht_instelling, self.toezicht_thuis):
            if paar is not None and paar[0] > paar[1]:
                raise ValueError("toezicht: 'laag' ligt boven 'hoog'")
        return self


class _Waar(_Tabel):
    waar: Aandeel | None = None


class _Kader(_Tabel):
    instelling: tuple[Aandeel, Aandeel, Aandeel]
    thuis: tuple[Aandeel, Aandeel, Aandeel]


class _ToeslagInstelling(_Tabel):
    toeslag: Aandeel = 0.0


class _ToeslagThuis(_Tabel):
    ekt_jong: Aandeel = 0.0
    ekt: Aandeel = 0.0
    pab: Aandeel = 0.0
    toeslag: Aandeel = 0.0

    @model_validator(mode="after")
    def _som(self) -> _ToeslagThuis:
        if max(self.ekt_jong, self.ekt) + self.pab + self.toeslag > 1:
            raise ValueError("ekt (of ekt_jong), pab en toeslag samen zijn meer dan 1")
        return self


class _AndereToeslag(_Tabel):
    instelling: _ToeslagInstelling | None = None
    thuis: _ToeslagThuis | None = None
    ekt_jong_tot: Leeftijd | None = None
    pab_profielen: list[str] | None = None


class _Situatie(_Tabel):
    kind_thuis: Aandeel | None = None
    geen_passende_instellingsplek: Aandeel | None = None
    zelfstandig_participerend: Aandeel | dict[str, Aandeel] | None = None


class _Eerdere(_Tabel):
    van: Annotated[int, Field(strict=True, ge=-120, le=120)] = -2
    tot: Annotated[int, Field(strict=True, ge=-120, le=120)] = 9

    @model_validator(mode="after")
    def _volgorde(self) -> _Eerdere:
        if self.van > self.tot:
            raise ValueError("'van' ligt na 'tot'")
        return self


class _Bestand(_Tabel):
    """The sections the drawing reads; a section named after a fact is checked by ``check_sections`` (it
    knows the facts of the versions), so other top-level keys are let through here."""

    model_config = ConfigDict(extra="allow", frozen=True)

    populatie: _Populatie | None = None
    standaard: _Standaard | None = None
    zorgprofiel: dict[str, Aandeel] | None = None
    sector: dict[str, str] | None = None
    leveringsvorm: dict[str, _Vormen] | None = None
    leeftijd: dict[str, _Leeftijden] | None = None
    uren: _Uren | None = None
    best_passend_zorgprofiel: _Waar | None = None
    bijzondere_zorgbehoefte: dict[str, _Kader] | None = None
    andere_toeslag: _AndereToeslag | None = None
    bijzondere_situatie: _Situatie | None = None
    soort_aanvraag: dict[str, Aandeel] | None = None
    eerdere_meerzorg_thuis_tot: _Eerdere | None = None

    @model_validator(mode="after")
    def _sommen(self) -> _Bestand:
        _positief(self.zorgprofiel, "zorgprofiel")
        _positief(self.soort_aanvraag, "soort_aanvraag")
        return self


def _bericht(e: dict[str, Any]) -> str:
    soort, ctx = e["type"], e.get("ctx") or {}
    if soort == "extra_forbidden":
        return "onbekende sleutel (een tikfout?)"
    if soort in ("greater_than_equal", "greater_than"):
        return f"moet {'ten minste' if soort.endswith('equal') else 'groter dan'} {ctx.get('ge', ctx.get('gt'))} zijn"
    if soort in ("less_than_equal", "less_than"):
        return f"moet {'ten hoogste' if soort.endswith('equal') else 'kleiner dan'} {ctx.get('le', ctx.get('lt'))} zijn"
    if soort in ("float_type", "int_type", "float_parsing", "int_parsing", "int_from_float"):
        return "moet een " + ("geheel " if soort.startswith("int") else "") + "getal zijn"
    if soort in ("string_type",):
        return "moet tekst zijn (tussen aanhalingstekens)"
    if soort in ("date_type", "date_parsing"):
        return "moet een datum zijn (jjjj-mm-dd, zonder aanhalingstekens)"
    if soort in ("tuple_type", "list_type", "too_short", "too_long"):
        return "heeft niet de vorm die het populatiebestand beschrijft (een lijst van de juiste lengte)"
    if soort in ("dict_type", "model_type", "model_attributes_type"):
        return "moet een tabel zijn"
    if soort == "missing":
        return "ontbreekt"
    if soort == "value_error":
        return str(ctx.get("error", e.get("msg", "")))
    return f"ongeldige waarde ({soort})"


def controleer_populatie(data: dict[str, Any], tekst: str, bestand: str) -> None:
    """Raise ``InvoerFout`` (the first problem, with its key and line) if ``data`` does not fit the schema."""
    try:
        _Bestand.model_validate(data)
    except ValidationError as err:
        e = err.errors(include_url=False)[0]
        # A union reports each member; the key path is what matters (drop the member names pydantic adds).
        pad = tuple(p for p in e["loc"] if isinstance(p, int) or p in _sleutels(data, e["loc"]))
        waar = sleutelpad(pad) or "het bestand"
        raise InvoerFout(bestand, regel_van(tekst, pad), f"{waar}: {_bericht(dict(e))}") from None


def _sleutels(data: Any, loc: tuple[int | str, ...]) -> set[str]:
    """The keys that really occur along ``loc`` in ``data``."""
    out: set[str] = set()
    node = data
    for p in loc:
        if isinstance(node, dict) and isinstance(p, str) and p in node:
            out.add(p)
            node = node[p]
        elif isinstance(node, list) and isinstance(p, int) and 0 <= p < len(node):
            node = node[p]
    return out
