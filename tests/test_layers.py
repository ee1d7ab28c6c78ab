"""Data flows one way: a module may import only from its own layer or the layers above it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "meerzorg_law"

# Top to bottom, as in docs/architectuur.rst. A module's layer is its first path component.
LAYERS = [
    {"span", "diagnostics", "values", "types", "names", "output"},
    {"syntax"},
    {"versions"},
    {"semantics", "ir"},
    {"engine", "verify", "columnar"},
    {"cases", "compare", "properties", "impact"},
    {"render"},
    {"sphinxext", "pytest_plugin"},
    {"cli", "__main__", "__init__"},
]
# Siblings in one layer that may not import each other (they meet only through the engine).
SIBLINGS_APART = {"cases", "compare", "properties", "impact"}
SIBLING_EXCEPTIONS = {("compare", "cases"), ("properties", "cases"), ("impact", "cases")}


def layer_of(component: str) -> int:
    for i, names in enumerate(LAYERS):
        if component in names:
            return i
    raise AssertionError(f"module {component!r} is in no layer: add it to LAYERS")


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, first component under meerzorg_law) of every package-internal import at module level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel_parts = path.relative_to(PACKAGE).with_suffix("").parts
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(rel_parts[: len(rel_parts) - node.level])
                target = base + (node.module.split(".") if node.module else [])
                if not target:  # "from . import x" at the top level
                    target = [alias.name for alias in node.names][:1]
            elif node.module and node.module.startswith("meerzorg_law"):
                target = node.module.split(".")[1:]
            else:
                continue
            if target:
                out.append((node.lineno, target[0]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("meerzorg_law."):
                    out.append((node.lineno, alias.name.split(".")[1]))
    return out


def test_no_upward_imports() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = path.relative_to(PACKAGE).with_suffix("").parts[0]
        own_layer = layer_of(own)
        for line, target in imports(path):
            if target == own or target.startswith("_"):
                continue
            if layer_of(target) > own_layer:
                problems.append(f"{path.relative_to(PACKAGE)}:{line} imports {target} (a lower layer)")
            elif own in SIBLINGS_APART and target in SIBLINGS_APART and (own, target) not in SIBLING_EXCEPTIONS:
                problems.append(f"{path.relative_to(PACKAGE)}:{line} imports sibling {target}")
    assert not problems, "\n".join(problems)


def test_layer_test_can_fail(tmp_path: Path) -> None:
    """The checker sees a relative upward import (so the test above is not vacuous)."""
    fake = PACKAGE / "syntax" / "parse.py"
    found = {t for _, t in imports(fake)}
    assert "diagnostics" in found and "span" in found
    assert layer_of("cli") > layer_of("syntax")
