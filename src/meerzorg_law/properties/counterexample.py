"""A shrunk failure -> a ready-to-run case file in the format of ``tests/casussen/*.yaml``.

The ``verwacht`` of the case holds the ACTUAL outcomes, so the file runs green as a record of how the
regeling decides today; its omschrijving says which property the case violates and which provisions decided
each outcome. An outcome the regeling cannot decide (a conflict, no rule) is left out of ``verwacht`` and
named in the omschrijving: such a case fails until the regeling is repaired, as a regression test should.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .. import ir
from ..engine.compile import Decision, EvaluationFailure, compile_regeling
from ..engine.evaluate import evaluate
from ..output import ensure_directory, write_text_atomic
from ..values import Value, format_value
from ..verify.casefile import quote, slug, value_text
from .model import PropertyResult

__all__ = ["write_counterexample"]



def write_counterexample(result: PropertyResult, versions: Mapping[str, ir.Regeling], directory: Path) -> Path:
    """Write the counterexample of ``result`` to ``directory/<versie>-<naam>.yaml`` and return the path."""
    cx = result.counterexample
    if cx is None:
        raise ValueError(f"eigenschap {result.naam} heeft geen tegenvoorbeeld")
    decisions: dict[str, Decision] = {v: compile_regeling(versions[v], traced=True) for v in cx.versies}
    soort = "de ingebouwde eigenschap" if result.ingebouwd else "de eigenschap"
    lines = [f"# Tegenvoorbeeld voor {soort} {result.naam} ({', '.join(cx.versies)}), gevonden door "
             "'meerzorg eigenschappen'.",
             "# De verwachting is de werkelijke uitkomst: deze casus legt vast hoe de regeling nu beslist.",
             "casussen:"]
    for example in cx.cases:
        expected: dict[str, dict[str, str]] = {}
        decided: list[str] = []
        undecided: list[str] = []
        for vid, decision in decisions.items():
            values, by, failed = _outcomes(decision, example.feiten)
            expected[vid] = values
            where = f" ({vid})" if len(decisions) > 1 else ""
            decided += [f"{name}{where}: {prov}" for name, prov in by.items()]
            undecided += [f"{name} ({vid}): {message}" for name, message in failed.items() if message != cx.reden]
        omschrijving = (f"Dit geval schendt {soort} {result.naam} ('{result.omschrijving}'): {cx.reden}. "
                        f"Beslist door: {'; '.join(dict.fromkeys(decided)) or 'geen enkele bepaling'}.")
        if undecided:
            omschrijving += (f" Niet beslist: {'; '.join(undecided)}. Deze casus faalt tot de regeling is "
                             "hersteld.")
        naam = f"{result.naam} ({', '.join(cx.versies)}): tegenvoorbeeld" + (f", {example.naam}" if example.naam
                                                                            else "")
        lines += [f"  - naam: {quote(naam)}", f"    omschrijving: {quote(omschrijving)}", "    feiten:"]
        for fact, value in example.feiten.items():
            text = value_text(value)
            if text is not None:
                lines.append(f"      {fact}: {quote(text)}")
        lines.append("    verwacht:")
        for vid, values in expected.items():
            pairs = ", ".join(f"{k}: {quote(v)}" for k, v in values.items())
            lines.append(f"      {vid}: {{{pairs}}}")
        lines.append("")
    path = ensure_directory(directory) / f"{slug(result.versie)}-{slug(result.naam)}.yaml"
    write_text_atomic(path, "\n".join(lines))
    return path


def _outcomes(decision: Decision, facts: dict[str, Value]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Per outcome, one at a time so one failure does not hide the others: its value as case text, the
    provision that decided it, or the failure message."""
    values: dict[str, str] = {}
    by: dict[str, str] = {}
    failed: dict[str, str] = {}
    for name in decision.regeling.outcomes:
        try:
            result = evaluate(decision, facts, [name])
        except EvaluationFailure as f:
            failed[name] = f.diagnostic.message
            continue
        text = value_text(result.values[name])
        if text is None:
            failed[name] = f"de waarde {format_value(result.values[name])} past niet exact in een casusbestand"
            continue
        values[name] = text
        assert result.trace is not None
        step = result.trace.outcome(name).decided_by
        by[name] = step.provision.citeer() if step is not None else "standaardwaarde"
    return values, by, failed
