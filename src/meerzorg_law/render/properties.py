"""The report of ``meerzorg eigenschappen`` as Dutch text and as the --json payload."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import ir
from ..properties.model import ONBESLIST, STATUSES, PropertyResult, Report
from ..values import Value, format_value, to_json
from .diagnostics import diagnostic_json
from .lezingen import eigenschap_lezing, versienamen

__all__ = ["properties_json", "render_properties"]


def _facts(feiten: dict[str, Value]) -> str:
    return ", ".join(f"{k} = {format_value(v)}" for k, v in feiten.items())


def _result_lines(r: PropertyResult, status_width: int, width: int) -> list[str]:
    soort = " (ingebouwd)" if r.ingebouwd else ""
    hoe = f" — {r.gevallen} gevallen" if r.gevallen else ""
    lines = [f"  {r.status:<{status_width}}  {r.naam:<{width}}  {r.omschrijving}{soort}{hoe}"]
    if r.verwacht and r.status != ONBESLIST:
        lines.append(f"      verwacht geschonden: {r.verwacht}" if r.klopt else
                     f"      VERWACHT GESCHONDEN, MAAR BEWEZEN: {r.verwacht} (pas de verklaring aan)")
    if r.opmerking:
        lines.append(f"      {r.opmerking}")
    cx = r.counterexample
    if cx is not None:
        lines.append(f"      {cx.reden}")
        for example in cx.cases:
            label = f"tegenvoorbeeld ({example.naam})" if example.naam else "tegenvoorbeeld"
            lines.append(f"      {label}: {_facts(example.feiten)}")
    if r.bestand is not None:
        lines.append(f"      casusbestand: {r.bestand}")
    return lines


def render_properties(report: Report, versions: Mapping[str, ir.Regeling] | None = None) -> str:
    """Per version: every property bewezen / geschonden (verwacht) / getoetst, counterexamples, unreachable
    provisions; with ``versions``, each declared property also stated with all its conditions in Dutch."""
    namen = versienamen(versions) if versions else {}
    out = ["Eigenschappen (bewezen met z3; waar dat niet kan, getoetst met Hypothesis, profiel "
           f"{report.profiel})"]
    for v in report.versies:
        width = max((len(r.naam) for r in v.results), default=0)
        status_width = max((len(r.status) for r in v.results), default=0)
        out += ["", v.versie]
        props = {p.name: p for p in versions[v.versie].properties} if versions and v.versie in versions else {}
        for r in v.results:
            lines = _result_lines(r, status_width, width)
            if r.naam in props and versions is not None:
                lines.insert(1, eigenschap_lezing(versions[v.versie], props[r.naam], namen).tekst("      "))
            out += lines
        if v.onbereikbaar:
            out.append(f"  onbereikbaar: {'; '.join(p.citeer() for p in v.onbereikbaar)} "
                       "(voor geen enkele geldige cliënt van toepassing)")
    results = [r for v in report.versies for r in v.results]
    count = {s: sum(r.status == s for r in results) for s in STATUSES}
    summary = ", ".join(f"{n} {s}" for s, n in count.items() if n or s in ("bewezen", "geschonden"))
    summary += f" ({len(report.versies)} {'versie' if len(report.versies) == 1 else 'versies'})"
    if any(r.counterexample for r in results) and report.uit is not None:
        summary += f"; tegenvoorbeelden in {report.uit}"
    return "\n".join([*out, "", summary])


def properties_json(report: Report) -> dict[str, Any]:
    """``{"ok", "profiel", "uit", "versies": [{"versie", "eigenschappen": [...], "onbereikbaar": [...]}]}``."""
    versies = []
    for v in report.versies:
        props = []
        for r in v.results:
            item: dict[str, Any] = {"naam": r.naam, "omschrijving": r.omschrijving, "ingebouwd": r.ingebouwd,
                                    "status": r.status, "gevallen": r.gevallen, "opmerking": r.opmerking,
                                    "verwacht": r.verwacht or None, "klopt": r.klopt,
                                    "bestand": str(r.bestand) if r.bestand else None}
            if r.counterexample is not None:
                cx = r.counterexample
                item["reden"] = cx.reden
                item["versies"] = list(cx.versies)
                item["tegenvoorbeeld"] = [{"naam": e.naam, "feiten": {k: to_json(x) for k, x in e.feiten.items()}}
                                          for e in cx.cases]
                if cx.diagnostic is not None:
                    item["fout"] = diagnostic_json(cx.diagnostic)
            props.append(item)
        versies.append({"versie": v.versie, "eigenschappen": props,
                        "onbereikbaar": [p.citeer() for p in v.onbereikbaar]})
    return {"ok": report.ok, "profiel": report.profiel, "uit": str(report.uit) if report.uit else None,
            "versies": versies}
