"""The --json payloads of every command, built from results; the shapes are the CLI contract."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..cases.run import CaseResult
from ..diagnostics import Diagnostic
from ..engine.trace import RuleStep, Trace
from ..values import Value, to_json
from .diagnostics import diagnostic_json


def values_json(values: Mapping[str, Value]) -> dict[str, Any]:
    return {k: to_json(v) for k, v in values.items()}


def test_json(results: Iterable[CaseResult], diagnostics: Iterable[Diagnostic] = ()) -> dict[str, Any]:
    """``{"cases": [{"file", "naam", "versie", "ok", "verwacht", "uitkomst"}], "passed", "failed"}``."""
    cases = []
    for r in results:
        item: dict[str, Any] = {"file": r.case.file, "naam": r.case.naam, "versie": r.versie, "ok": r.ok,
                                "verwacht": values_json(r.verwacht), "uitkomst": values_json(r.uitkomst)}
        if r.failure is not None:
            item["fout"] = diagnostic_json(r.failure)
        cases.append(item)
    payload: dict[str, Any] = {"cases": cases, "passed": sum(c["ok"] for c in cases),
                               "failed": sum(not c["ok"] for c in cases)}
    diags = [diagnostic_json(d) for d in diagnostics]
    if diags:
        payload["diagnostics"] = diags
    return payload


def _rule_json(r: RuleStep) -> dict[str, Any]:
    return {"bepaling": r.provision.citeer(), "uitzondering_op": [t.citeer() for t in r.exception_to],
            "van_toepassing": r.applied, "waarde": to_json(r.value) if r.value is not None else None,
            "voorwaarden": [{"voorwaarde": c.source, "tenzij": c.tenzij,
                             "waarde": c.value} for c in r.conditions]}


def trace_json(trace: Trace) -> dict[str, Any]:
    return {
        "versie": trace.versie,
        "uitkomsten": [{"naam": o.name, "waarde": to_json(o.value),
                        "bepaald_door": o.decided_by.provision.citeer() if o.decided_by else "standaard",
                        "regels": [_rule_json(r) for r in o.rules]} for o in trace.outcomes],
        "begrippen": [{"naam": d.name, "waarde": to_json(d.value), "bepaling": d.provision.citeer()}
                      for d in trace.definitions],
        "feiten_gebruikt": list(trace.facts_read),
    }
