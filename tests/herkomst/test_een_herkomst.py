"""One Herkomst class: the IR carries the herkomst the AST holds (after consolidation), not a copy of another
class written twice."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from meerzorg_law import ir
from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.syntax import ast

HERE = Path(__file__).parent / "volgt"


def test_ir_and_ast_share_one_class() -> None:
    assert ir.Herkomst is ast.Herkomst and ir.HerkomstDeel is ast.HerkomstDeel
    assert [f.name for f in dataclasses.fields(ir.Herkomst)] == \
        ["soort", "bronnen", "noot", "alternatieven", "span", "delen"]


def test_lowering_passes_the_herkomst_on_with_its_parts() -> None:
    bundle = load_bundle(HERE)
    assert bundle.ok
    herkomsten = [p.herkomst for r in bundle.versions.values() for p in r.provisions if p.herkomst is not None]
    assert herkomsten and all(isinstance(h, ast.Herkomst) for h in herkomsten)
    assert any(h.delen for h in herkomsten)  # consolidation's word-level parts reach the IR unchanged
