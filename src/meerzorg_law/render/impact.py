"""ImpactReport -> Dutch text tables, the --json payload, CSV rows and reStructuredText tables for the docs."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from fractions import Fraction
from typing import IO, Any

from ..escape import rst
from ..impact.report import SOORTEN, Groep, ImpactReport
from ..types import TypeKind
from ..values import Uren, round_half_up, uren_voor_lezer

__all__ = ["impact_csv", "impact_json", "impact_rst", "impact_text", "impact_verbose"]

INDELINGEN = {"zorgprofiel": "Per zorgprofiel", "leveringsvorm": "Per leveringsvorm",
              "leeftijdsgroep": "Per leeftijdsgroep (jaren)", "grondslag": "Per grondslag in de basisversie"}
_KOP = {"gewonnen": "krijgt meerzorg", "verloren": "verliest meerzorg", "andere_grondslag": "andere grondslag",
        "andere_uren": "andere uren", "andere_reden": "andere reden", "andere_uitkomst": "andere uitkomst",
        "niet_beslist": "niet te beslissen",
        "ongewijzigd": "ongewijzigd"}
_COLUMNS = ("cliënten", "gewijzigd", "%", "± %", "krijgt", "verliest", "grondslag", "uren", "reden", "anders",
            "meerzorg voor", "meerzorg na", "uren/week voor", "uren/week na")


def _n(k: int) -> str:
    """Dutch thousands: 1234567 -> '1.234.567'."""
    return f"{k:,}".replace(",", ".")


def _pct(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _decimaal(x: Fraction) -> str:
    whole = f"{float(x):,.2f}"
    return whole.replace(",", "_").replace(".", ",").replace("_", ".")


def _uren(h: Fraction) -> str:
    """A sum of hours, exact, as a reader sees hours: ``849816:13:15 uur``."""
    return uren_voor_lezer(Uren(round_half_up(h * 3600)))


def _marge_uren(x: float) -> str:
    """A 95% margin of a sum of hours, to the minute (its seconds would claim a precision it lacks)."""
    return f"± {uren_voor_lezer(Uren(60 * round_half_up(Fraction(x) * 60)))}"


def _row(g: Groep) -> list[str]:
    s = g.soorten
    return [g.naam, _n(g.aantal), _n(g.gewijzigd), _pct(g.aandeel(g.gewijzigd)), _pct(g.marge_gewijzigd),
            _n(s["gewonnen"]),
            _n(s["verloren"]), _n(s["andere_grondslag"]), _n(s["andere_uren"]), _n(s["andere_reden"]),
            _n(s["andere_uitkomst"]),
            _n(g.meerzorg_voor), _n(g.meerzorg_na), _uren(g.uren_voor), _uren(g.uren_na)]


def _marge(x: float) -> str:
    return f"± {_pct(x)}"


def _samenvatting(r: ImpactReport) -> list[str]:
    t = r.totaal
    s = t.soorten
    delta = (100.0 * float(t.uren_na - t.uren_voor) / float(t.uren_voor)) if t.uren_voor else 0.0
    lines = [
        f"Impact van {r.basis} naar {r.nieuw}: {_n(r.n)} synthetische cliënten (steekproef; seed {r.seed}, peildatum "
        f"{r.peildatum.isoformat()}); marges zijn 95%-intervallen van de steekproef.",
        f"{_n(t.gewijzigd)} cliënten ({_pct(t.aandeel(t.gewijzigd))}% {_marge(t.marge_gewijzigd)} procentpunt) krijgen "
        f"een andere uitkomst: {_n(s['gewonnen'])} krijgen meerzorg, {_n(s['verloren'])} verliezen meerzorg, "
        f"{_n(s['andere_grondslag'])} op een andere grondslag, {_n(s['andere_uren'])} met andere uren, "
        f"{_n(s['andere_reden'])} afgewezen om een andere reden, {_n(s['andere_uitkomst'])} met een andere waarde "
        "van een andere uitkomst (zoals de maximale duur).",
        f"Meerzorg: {_n(t.meerzorg_voor)} -> {_n(t.meerzorg_na)} cliënten; uren meerzorg per week: "
        f"{_uren(t.uren_voor)} -> {_uren(t.uren_na)} ({'+' if delta >= 0 else ''}{_pct(delta)}%; verschil "
        f"{_uren(t.uren_na - t.uren_voor)} {_marge_uren(t.marge_uren_verschil)}).",
    ]
    if s["niet_beslist"]:
        lines.append(f"{_n(s['niet_beslist'])} cliënten zijn in minstens één versie niet te beslissen.")
    if r.populatiebestand:
        kaders = "; ".join(f"{v}: {k}" for v, k in r.kaders)
        lines.append(f"Aannames: {r.populatiebestand} (bijzondere zorgbehoefte volgens referentiekader {kaders}).")
    lines += [f"Standaardaanname: {a}." for a in r.aannames]
    for naam, soort, voor_, na_ in r.andere_uitkomsten:
        def fmt(x: Fraction | None, versie: str, soort: TypeKind = soort) -> str:
            return (f"niet in {versie}" if x is None else _n(int(x)) if soort is TypeKind.BOOL else
                    _uren(x) if soort is TypeKind.UREN else _decimaal(x))
        what = "cliënten met waar" if soort is TypeKind.BOOL else "som over de cliënten"
        lines.append(f"Uitkomst {naam} ({what}): {fmt(voor_, r.basis)} -> {fmt(na_, r.nieuw)}.")
    for scenario, voor, na, gewijzigd in r.gevoeligheid:
        lines.append(f"Gevoeligheid ({scenario} aandeel bijzondere zorgbehoefte): meerzorg {_n(voor)} -> {_n(na)}, "
                     f"{_n(gewijzigd)} cliënten met een andere uitkomst voor meerzorg.")
    return lines


def impact_text(r: ImpactReport) -> str:
    """The report as aligned Dutch tables, for the terminal."""
    out = _samenvatting(r)
    for key, title in INDELINGEN.items():
        rows = [[key, *_COLUMNS], *(_row(g) for g in r.indelingen[key])]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        out += ["", title]
        for row in rows:
            cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
            out.append("  ".join(cells).rstrip())
    for title, pairs in (("Grondslag voor -> na", r.grondslag_overgangen), ("Reden voor -> na", r.reden_overgangen)):
        if pairs:
            out += ["", title]
            out += [f"  {a} -> {b}: {_n(k)}" for a, b, k in pairs]
    verschillen = [(naam, k, top) for naam, k, top in r.uitkomst_verschillen if k]
    if verschillen:
        out += ["", "Per uitkomst: cliënten met een andere waarde"]
        for naam, k, top in verschillen:
            vaakst = "; ".join(f"{a} -> {b}: {_n(m)}" for a, b, m in top)
            out.append(f"  {naam}: {_n(k)}" + (f" ({vaakst})" if vaakst else ""))
    if r.fouten:
        out += ["", "Niet te beslissen"]
        out += [f"  {versie}: {melding} ({_n(k)} cliënten)" for versie, melding, k in r.fouten]
    return "\n".join(out)


def impact_verbose(r: ImpactReport) -> str:
    """For --verbose: which rows the per-case evaluator decided and which constructs were not vectorised."""
    out = [f"{versie}: {_n(k)} cliënten per casus beslist (fouten, conflicten of niet te vectoriseren)"
           for versie, k in r.per_casus]
    out += [f"niet gevectoriseerd: {reden}" + (f" ({waar})" if waar else "") for reden, waar in r.terugval]
    if not r.terugval:
        out.append("alle regels zijn gevectoriseerd")
    return "\n".join(out)


def _groep_json(g: Groep) -> dict[str, Any]:
    return {"groep": g.naam, "aantal": g.aantal, "gewijzigd": g.gewijzigd,
            "gewijzigd_procent": round(g.aandeel(g.gewijzigd), 2),
            "gewijzigd_procent_marge_95": round(g.marge_gewijzigd, 2), **g.soorten,
            "meerzorg_voor": g.meerzorg_voor, "meerzorg_na": g.meerzorg_na,
            "uren_per_week_voor": _exact(g.uren_voor), "uren_per_week_na": _exact(g.uren_na),
            "uren_per_week_voor_marge_95": round(g.marge_uren_voor, 2),
            "uren_per_week_na_marge_95": round(g.marge_uren_na, 2),
            "uren_per_week_verschil_marge_95": round(g.marge_uren_verschil, 2)}


def _exact(h: Fraction) -> str:
    """Hours as an exact decimal string where that is finite (quarter hours always are)."""
    whole, rest = divmod(h.numerator, h.denominator)
    digits = ""
    for _ in range(6):
        if not rest:
            break
        rest *= 10
        d, rest = divmod(rest, h.denominator)
        digits += str(d)
    return f"{whole}.{digits}" if digits else str(whole)


def impact_json(r: ImpactReport) -> dict[str, Any]:
    """``{"basis", "nieuw", "n", "seed", "peildatum", "populatiebestand", "aannames", "totaal",
    "per_<indeling>": [...], "grondslag_overgangen", "reden_overgangen", "fouten"}``; hours as exact decimal
    strings; ``*_marge_95`` the half-width of the 95% sampling interval."""
    payload: dict[str, Any] = {"basis": r.basis, "nieuw": r.nieuw, "n": r.n, "seed": r.seed,
                               "peildatum": r.peildatum.isoformat(), "populatiebestand": r.populatiebestand,
                               "referentiekaders": dict(r.kaders), "aannames": list(r.aannames),
                               "per_casus_beslist": dict(r.per_casus),
                               "gevoeligheid": [{"scenario": s, "meerzorg_voor": v, "meerzorg_na": n,
                                                 "gewijzigd": g} for s, v, n, g in r.gevoeligheid],
                               "andere_uitkomsten": [{"uitkomst": n, "type": t.value,
                                                      "voor": _exact(v) if v is not None else None,
                                                      "na": _exact(a) if a is not None else None}
                                                     for n, t, v, a in r.andere_uitkomsten],
                               "uitkomst_verschillen": [
                                   {"uitkomst": n, "aantal": k, "overgangen": [list(t) for t in top]}
                                   for n, k, top in r.uitkomst_verschillen],
                               "soorten": list(SOORTEN), "totaal": _groep_json(r.totaal)}
    for key in INDELINGEN:
        payload[f"per_{key}"] = [_groep_json(g) for g in r.indelingen[key]]
    payload["grondslag_overgangen"] = [{"voor": a, "na": b, "aantal": k} for a, b, k in r.grondslag_overgangen]
    payload["reden_overgangen"] = [{"voor": a, "na": b, "aantal": k} for a, b, k in r.reden_overgangen]
    payload["fouten"] = [{"versie": v, "melding": m, "aantal": k} for v, m, k in r.fouten]
    return payload


def _csv_rows(r: ImpactReport) -> Iterator[list[str]]:
    yield ["indeling", "groep", "aantal", "gewijzigd", "gewijzigd_procent", "gewijzigd_procent_marge_95", *SOORTEN,
           "meerzorg_voor", "meerzorg_na", "uren_per_week_voor", "uren_per_week_na", "uren_per_week_verschil_marge_95"]
    groups = [("totaal", r.totaal)] + [(k, g) for k in INDELINGEN for g in r.indelingen[k]]
    for key, g in groups:
        yield [key, g.naam, str(g.aantal), str(g.gewijzigd), f"{g.aandeel(g.gewijzigd):.2f}",
               f"{g.marge_gewijzigd:.2f}", *(str(g.soorten[s]) for s in SOORTEN), str(g.meerzorg_voor),
               str(g.meerzorg_na), _exact(g.uren_voor), _exact(g.uren_na), f"{g.marge_uren_verschil:.2f}"]


def impact_csv(r: ImpactReport, out: IO[str]) -> None:
    """One row per group of every indeling (and the total); machine-readable numbers (dot decimals)."""
    writer = csv.writer(out)
    writer.writerows(_csv_rows(r))


def impact_rst(r: ImpactReport) -> str:
    """The summary and one ``list-table`` per indeling, for the Sphinx page; every text through ``escape.rst``
    (a group is named after a value of the regeling, the summary names the population file)."""
    out = [part for line in _samenvatting(r) for part in (rst(line), "")]
    for key, title in INDELINGEN.items():
        out += [f".. list-table:: {rst(title)}", "   :header-rows: 1", "", f"   * - {rst(key)}"]
        out += [f"     - {rst(c)}" for c in _COLUMNS]
        for g in r.indelingen[key]:
            cells = _row(g)
            out.append(f"   * - {rst(cells[0])}")
            out += [f"     - {rst(c)}" for c in cells[1:]]
        out.append("")
    return "\n".join(out)
