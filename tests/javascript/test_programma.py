"""What the generated program asks and embeds: only the facts the outcomes read, and every text escaped."""

from __future__ import annotations

import dataclasses

from meerzorg_law.cases.project import load_project
from meerzorg_law.engine.compile import compile_regeling
from meerzorg_law.engine.evaluate import evaluate
from meerzorg_law.javascript import feiten_van, programma
from meerzorg_law.values import date_of_text

from .test_differentieel import BUNDLED_VERSIONS


def test_only_the_facts_the_outcomes_read_are_asked() -> None:
    reg = BUNDLED_VERSIONS["rlz-2027"]
    asked = feiten_van(reg)
    assert {"leeftijd", "zorgprofiel", "uren_toezicht_per_week", "bijzondere_situatie", "aanvraagdatum"} <= set(asked)
    assert "peildatum" not in asked
    # Left out means: it changes no outcome. Every case, with each unasked date moved by years, decides alike.
    decision = compile_regeling(reg)
    for case in load_project().cases[:60]:
        for fact in set(reg.facts) - set(asked):
            moved = {**case.feiten, fact: date_of_text("2031-07-15")}
            assert evaluate(decision, moved).values == evaluate(decision, case.feiten).values


def test_a_label_cannot_close_the_script() -> None:
    reg = BUNDLED_VERSIONS["rlz-2026"]
    f = reg.facts["leeftijd"]
    bad = dataclasses.replace(f, label="</script><script>alert(1)</script> & \u2028")
    tekst = programma({"x": dataclasses.replace(reg, facts={**reg.facts, "leeftijd": bad})})
    assert "</script" not in tekst.lower() and "\u2028" not in tekst
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u2028" in tekst
