"""render.beslispad: the decision path read from the rule tree in the order it decides, and a case's path."""

from __future__ import annotations

import re
from pathlib import Path

from meerzorg_law.cases.project import load_project
from meerzorg_law.engine.compile import compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.render.beslispad import beslispad_svg, hoofduitkomst, stappen

ROOT = Path(__file__).parents[2]


def _project():  # type: ignore[no-untyped-def]
    return load_project(None, [ROOT / "tests" / "casussen" / "rlz-2026-drempel.yaml"])


def test_steps_follow_the_order_of_the_toets() -> None:
    reg = _project().bundle.versions["rlz-2026"]
    assert hoofduitkomst(reg) == "reden"
    volgorde = [[r.provision.citeer() for r in s.regels] for s in stappen(reg.trees["reden"])]
    # the declared rangorde of artikel 2.2, eerste lid: onderdeel b (best passend), a (two rules of equal rank:
    # no meer zorg above the profile, GGZ-B only in an instelling), artikel 5.5, c, d, e, and last the rule that
    # grants
    assert volgorde == [
        ["artikel 2.2, eerste lid, onderdeel b"],
        ["artikel 2.2, eerste lid, onderdeel a", "artikel 2.2, eerste lid, onderdeel a"],
        ["artikel 5.5, derde lid"], ["artikel 2.2, eerste lid, onderdeel c"],
        ["artikel 2.2, eerste lid, onderdeel d"], ["artikel 2.2, eerste lid, onderdeel e"],
        ["artikel 2.2, eerste lid"]]


def test_a_case_path_marks_the_deciding_rule() -> None:
    project = _project()
    reg = project.bundle.versions["rlz-2026"]
    case = next(c for c in project.cases if "VG7 in een instelling, een seconde onder" in c.naam)
    trace = evaluate(compile_regeling(reg, traced=True), case.feiten).trace
    assert trace is not None
    svg = beslispad_svg(reg, "reden", trace.outcome("reden"))
    beslist = re.findall(r'<g class="bp-beslist">.*?</g>', svg)
    assert len(beslist) == 1 and "artikel 2.2, eerste lid, onderdeel e" in beslist[0]
    assert svg.count('<g class="bp-niet">') >= 5
    neutraal = beslispad_svg(reg, "reden")
    assert '<g class="bp-beslist">' not in neutraal and neutraal.count('<g class="bp-neutraal">') == 8
    assert neutraal.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'role="img"' in neutraal
