"""Versions -> Report: every property proved or refuted with z3, sampled with Hypothesis only where a construct
cannot be translated; counterexamples written as case files.

This is what ``meerzorg eigenschappen`` calls; the CLI only prints the report (``render.properties``).
The built-in properties (every case decided, no conflict) and the unreachable provisions come from the
static proofs of ``verify`` (V002, V001, V003); declared ones from ``verify.props``. A result is compared
with the declaration: a violation the eigenschap expects in this version is ``geschonden (verwacht)``.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Mapping
from pathlib import Path

from hypothesis import settings

from .. import ir
from ..engine.compile import EvaluationFailure
from ..engine.interpret import interpret
from ..span import ProvisionRef
from ..verify.checks import Finding, verify_version
from ..verify.props import BEWEZEN as PROVED
from ..verify.props import ONBESLIST as PROOF_UNDECIDED
from ..verify.props import ONVERTAALBAAR, prove_property
from ..verify.smt import Universe
from ._runner import profile
from .builtin import BESLIST, GEEN_CONFLICT, check_builtin
from .counterexample import write_counterexample
from .declared import check_declared_one, checked_elsewhere
from .model import (
    BEWEZEN,
    GESCHONDEN,
    GETOETST,
    NIET_GECONTROLEERD,
    ONBESLIST,
    VERWACHT,
    Counterexample,
    Example,
    PropertyResult,
    Report,
    VersionReport,
)

__all__ = ["check_properties"]


def check_properties(versions: Mapping[str, ir.Regeling], versie: str | None = None, profiel: str | None = None,
                     uit: Path | None = None) -> Report:
    """Check every version (or only ``versie``). ``profiel`` (ci, lang; default: $MEERZORG_HYPOTHESIS, else ci)
    is the Hypothesis profile for what cannot be proved. Counterexamples go to ``uit`` (default: a new
    temporary directory).

    Raises KeyError for an unknown version and ValueError for an unknown profile.
    """
    name, cfg = profile(profiel)
    if versie is not None and versie not in versions:
        raise KeyError(versie)
    u = Universe(versions)
    reports = []
    directory = uit
    for vid in [versie] if versie else list(versions):
        builtin, onbereikbaar = _builtin(u, vid, cfg)
        results = []
        for result in (*builtin, *_declared(u, vid, cfg)):
            if result.counterexample is not None:
                if directory is None:
                    directory = Path(tempfile.mkdtemp(prefix="meerzorg-eigenschappen-"))
                path = write_counterexample(result, versions, directory)
                result = dataclasses.replace(result, bestand=path)
            results.append(result)
        reports.append(VersionReport(vid, tuple(results), onbereikbaar))
    return Report(tuple(reports), name, directory)


def _builtin(u: Universe, vid: str, cfg: settings) -> tuple[list[PropertyResult], tuple[ProvisionRef, ...]]:
    reg = u.versions[vid]
    findings = verify_version(u, vid, useless=False)  # V004 is for meerzorg check
    if any(f.diagnostic.code == "V009" for f in findings):  # not translatable: sample as before
        sampled, onbereikbaar = check_builtin(reg, cfg)
        return [_sampled(r) for r in sampled], onbereikbaar
    out = []
    for (naam, label), code in ((BESLIST, "V002"), (GEEN_CONFLICT, "V001")):
        found = next((f for f in findings if f.diagnostic.code == code), None)
        cx = _builtin_counterexample(reg, found) if found is not None else None
        open_ = next((f for f in findings if f.open == code), None)
        if cx is None and open_ is not None:  # z3 ran out of time on part of it: not proved
            out.append(PropertyResult(vid, naam, label, True, ONBESLIST, 0,
                                      opmerking=open_.diagnostic.message.partition(": ")[2]))
            continue
        out.append(PropertyResult(vid, naam, label, True, GESCHONDEN if cx else BEWEZEN, 0, cx))
    dead = tuple(dict.fromkeys(f.diagnostic.span.provision for f in findings if f.diagnostic.code == "V003"))
    return out, dead


def _builtin_counterexample(reg: ir.Regeling, f: Finding) -> Counterexample | None:
    """The witness, with the engine's own failure (R001, R010, ...) as the reason."""
    if f.getuige is None:
        return None
    diagnostic = f.diagnostic
    for outcome in reg.outcomes:
        try:
            interpret(reg, f.getuige, [outcome])
        except EvaluationFailure as e:
            if (e.diagnostic.code == "R010") == (f.diagnostic.code == "V001"):
                diagnostic = e.diagnostic
                break
    return Counterexample((Example("", f.getuige),), (reg.versie,), diagnostic.message, diagnostic)


def _sampled(r: PropertyResult) -> PropertyResult:
    if r.status != GETOETST:
        return r
    return dataclasses.replace(r, opmerking=f"niet bewezen; {r.gevallen} voorbeelden zonder tegenvoorbeeld")


def _declared(u: Universe, vid: str, cfg: settings) -> list[PropertyResult]:
    reg = u.versions[vid]
    out: list[PropertyResult] = []
    for prop in reg.properties:
        if checked_elsewhere(prop, vid, u.versions):
            continue
        reden = dict(prop.verwacht_geschonden).get(vid, "")
        missing = [v for v in prop.versies or () if v not in u.versions]
        if missing:
            out.append(PropertyResult(vid, prop.name, prop.label, False, NIET_GECONTROLEERD, 0,
                                      opmerking=f"versie {', '.join(missing)} bestaat niet", verwacht=reden))
            continue
        proof = prove_property(u, vid, prop)
        if proof.status == ONVERTAALBAAR:
            r = _sampled(check_declared_one(u.versions, vid, prop, cfg))
            r = dataclasses.replace(r, opmerking=f"{r.opmerking} ({proof.reden} is niet te bewijzen)".strip())
        elif proof.status == PROVED:
            r = PropertyResult(vid, prop.name, prop.label, False, BEWEZEN, 0)
        elif proof.status == PROOF_UNDECIDED:
            r = PropertyResult(vid, prop.name, prop.label, False, ONBESLIST, 0,
                               opmerking=f"{proof.reden} (meer tijd: --bewijstijd)")
        else:
            cx = Counterexample(tuple(Example(n, f) for n, f in proof.cases), proof.versies, proof.reden)
            r = PropertyResult(vid, prop.name, prop.label, False, GESCHONDEN, 0, cx)
        if reden:
            r = dataclasses.replace(r, verwacht=reden, status=VERWACHT if r.status == GESCHONDEN else r.status)
        out.append(r)
    return out
