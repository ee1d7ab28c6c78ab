"""Every back end keeps one mapping keyed by TypeKind; each must name every kind (None or "other" where the back
end does not support it), so adding a kind to the type language fails here until every back end has decided."""

from __future__ import annotations

import ast
import enum
from collections.abc import Mapping
from pathlib import Path

import pytest

from meerzorg_law.cases.load import PARSERS
from meerzorg_law.columnar.nodes import COLUMN_KINDS
from meerzorg_law.javascript.program import SOORTEN
from meerzorg_law.types import TYPE_WORDS, Type, TypeKind
from meerzorg_law.verify.universe import SMT_SORTS

# Back end -> its one mapping keyed by TypeKind.
BACK_ENDS: dict[str, Mapping[TypeKind, object]] = {
    "types.TYPE_WORDS (type names in text, printer, renvooi)": TYPE_WORDS,
    "cases.load.PARSERS (case-file coercion)": PARSERS,
    "columnar.nodes.COLUMN_KINDS (columnar engine)": COLUMN_KINDS,
    "verify.universe.SMT_SORTS (SMT verifier)": SMT_SORTS,
    "javascript.program.SOORTEN (JavaScript rekenhulp)": SOORTEN,
}


def missing(kinds: type[enum.Enum], back_ends: Mapping[str, Mapping[TypeKind, object]]) -> list[str]:
    """'back end: kind' for every kind some back end has no entry for, and every key that is not a kind."""
    out = []
    for name, mapping in back_ends.items():
        out += [f"{name}: {k.name} ontbreekt" for k in kinds if k not in mapping]
        out += [f"{name}: {k!r} is geen TypeKind" for k in mapping if not isinstance(k, kinds)]
    return out


def test_every_back_end_names_every_kind() -> None:
    problems = missing(TypeKind, BACK_ENDS)
    assert not problems, "\n".join(problems)


def test_completeness_test_can_fail() -> None:
    """A kind that no back end knows is reported once per back end."""
    extended = enum.Enum("TypeKind", [(k.name, k.value) for k in TypeKind] + [("BREUK", "breuk")])
    as_new = {name: {extended[k.name]: v for k, v in m.items()} for name, m in BACK_ENDS.items()}
    assert missing(extended, as_new) == [f"{name}: BREUK ontbreekt" for name in BACK_ENDS]


def test_type_names() -> None:
    assert str(Type(TypeKind.GELD)) == "geldbedrag"
    assert str(Type(TypeKind.ENUM, "zorgprofiel")) == "zorgprofiel"


@pytest.mark.parametrize("kind", list(TypeKind))
def test_kind_is_not_a_string(kind: TypeKind) -> None:
    """A forgotten ``t.kind == "bool"`` must not silently pass: a kind never equals its old string."""
    assert kind != kind.value


_OLD = {k.value for k in TypeKind}


def string_comparisons(source: str) -> list[int]:
    """Lines where ``<something>.type.kind`` (or ``t.kind``) is compared with one of the kinds' old strings."""
    bad = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            typed = any(isinstance(x, ast.Attribute) and x.attr == "kind" and (
                (isinstance(x.value, ast.Attribute) and x.value.attr.endswith("type"))
                or (isinstance(x.value, ast.Name) and x.value.id in ("t", "type"))) for x in sides)
            if typed and any(isinstance(x, ast.Constant) and x.value in _OLD for x in ast.walk(node)):
                bad.append(node.lineno)
    return bad


def test_no_kind_compared_with_a_string() -> None:
    root = Path(__file__).resolve().parents[1]
    files = [p for top in ("src", "tests", "benchmarks") for p in sorted((root / top).rglob("*.py"))
             if p.name != "test_typekind.py"]
    bad = [f"{p.relative_to(root)}:{line}" for p in files for line in string_comparisons(p.read_text(encoding="utf-8"))]
    assert not bad, bad


def test_string_comparison_check_can_fail() -> None:
    assert string_comparisons('if e.type.kind == "bool": pass\nif t.kind in ("geheel", "uren"): pass\n'
                              'if e.kind == "invoer": pass\nif t.kind is TypeKind.BOOL: pass\n') == [1, 2]
