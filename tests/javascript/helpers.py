"""Shared by the JavaScript tests: the generated program run in one Node process over many cases, and the
comparison of every outcome with the per-case engine (the reference), value for value and error for error."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from meerzorg_law import ir
from meerzorg_law.engine.compile import Decision, EvaluationFailure, compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.javascript import tekst
from meerzorg_law.values import Value

NODE = shutil.which("node") or shutil.which("nodejs")
RUNNER = Path(__file__).with_name("draai.js")


def invoer(facts: Mapping[str, Value]) -> dict[str, object]:
    """Facts as the page's form gives them to ``RK.lees`` (text; money in euros, not cents)."""
    return {k: tekst(v) for k, v in facts.items()}


def in_node(program: str, work: Path, cases: Sequence[tuple[str, Mapping[str, Value]]]) -> list[dict[str, object]]:
    """Every (version, facts) through the generated program, in one Node process."""
    assert NODE is not None, "node ontbreekt (apt-get install nodejs)"
    prog = work / "regels.js"
    prog.write_text(program, encoding="utf-8")
    lines = "".join(json.dumps({"v": v, "f": invoer(f)}) + "\n" for v, f in cases)
    done = subprocess.run([NODE, str(RUNNER), str(prog)], input=lines, capture_output=True, text=True,
                          check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def engine(reg: ir.Regeling, facts: Mapping[str, Value]) -> dict[str, object]:
    """Per outcome, as draai.js writes it: the value under "w", else [code, detail] under "x"."""
    decision = _decisions.get(id(reg))
    if decision is None:
        decision = _decisions[id(reg)] = compile_regeling(reg)
    w: dict[str, object] = {}
    x: dict[str, object] = {}
    for name in reg.outcomes:
        try:
            w[name] = tekst(evaluate(decision, facts, [name]).values[name])
        except EvaluationFailure as e:
            d = e.diagnostic
            detail = ""
            if d.code == "R010":
                cited = [d.span.provision.citeer(), *(s.provision.citeer() for s, _ in d.related)]
                detail = " & ".join(sorted(cited))
            elif d.code == "R002":
                detail = d.message.split("'")[1]
            x[name] = [d.code, detail]
    return {"w": w, "x": x, "l": {}}


_decisions: dict[int, Decision] = {}


def differences(program: str, work: Path, versions: Mapping[str, ir.Regeling],
                cases: Sequence[Mapping[str, Value]]) -> list[str]:
    """Every case under every version: where the JavaScript and the engine differ, one line each."""
    runs = [(vid, facts) for facts in cases for vid in versions]
    got = in_node(program, work, runs)
    found = []
    for (vid, facts), js_result in zip(runs, got, strict=True):
        want = engine(versions[vid], facts)
        if js_result != want:
            found.append(f"{vid} {dict(invoer(facts))}: javascript {js_result} engine {want}")
    return found
