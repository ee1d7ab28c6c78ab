"""Data flows one way: a module may import only from its own layer or the layers above it, and no modules
import each other in a circle (an import inside a function counts: it only hides the circle)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "meerzorg_law"

# Top to bottom, as in docs/architectuur.rst. A module's layer is its first path component.
LAYERS = [
    {"span", "diagnostics", "values", "types", "names", "output", "escape", "uitvoermap", "tomlinvoer", "familie",
     "canoniek", "herkomst", "grammatica"},
    {"syntax"},
    {"versions"},
    {"semantics", "ir", "ir_expr"},
    {"document"},
    {"engine", "verify", "columnar", "javascript"},
    {"cases", "compare", "properties", "impact"},
    {"render", "export"},
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


def imports(path: Path, package: Path = PACKAGE) -> list[tuple[int, str]]:
    """(line, first component under meerzorg_law) of every package-internal import, at any depth in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel_parts = path.relative_to(package).with_suffix("").parts
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


def upward_imports(package: Path) -> list[str]:
    """Every import in ``package`` that runs against the layering, as 'file:line imports x (...)'."""
    problems = []
    for path in sorted(package.rglob("*.py")):
        own = path.relative_to(package).with_suffix("").parts[0]
        own_layer = layer_of(own)
        for line, target in imports(path, package):
            if target == own or target.startswith("_"):
                continue
            if layer_of(target) > own_layer:
                problems.append(f"{path.relative_to(package)}:{line} imports {target} (a lower layer)")
            elif own in SIBLINGS_APART and target in SIBLINGS_APART and (own, target) not in SIBLING_EXCEPTIONS:
                problems.append(f"{path.relative_to(package)}:{line} imports sibling {target}")
    return problems


def test_no_upward_imports() -> None:
    problems = upward_imports(PACKAGE)
    assert not problems, "\n".join(problems)


def test_layer_test_can_fail(tmp_path: Path) -> None:
    """The checker is not vacuous: in a small package shaped like ours, each way of importing upwards (relative,
    absolute, plain ``import``, inside a function) and a sibling import are reported, and nothing else."""
    files = {
        "span.py": "",
        "ir.py": "from .span import Span\n",
        "syntax/__init__.py": "",
        "syntax/parse.py": "from ..span import Span\nfrom ..engine.compile import compile_regeling\n",
        "syntax/printer.py": "import meerzorg_law.cli\n",
        "semantics/lower.py": "def f():\n    from meerzorg_law.render import explain\n",
        "engine/__init__.py": "from .. import ir\n",
        "engine/compile.py": "from ..ir import Expr\n",
        "cases/run.py": "from ..engine.compile import compile_regeling\n",
        "compare/outcomes.py": "from ..cases.run import run_cases\n",
        "impact/report.py": "from ..properties import builtin\n",
        "cli/__init__.py": "from ..syntax.parse import parse_text\n",
    }
    package = tmp_path / "meerzorg_law"
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    assert upward_imports(package) == [
        "impact/report.py:1 imports sibling properties",
        "semantics/lower.py:2 imports render (a lower layer)",
        "syntax/parse.py:2 imports engine (a lower layer)",
        "syntax/printer.py:1 imports cli (a lower layer)",
    ]


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_imports(path: Path, package: Path = PACKAGE) -> set[str]:
    """The package's modules that ``path`` imports (dotted, under meerzorg_law), at any depth in the file, inside
    functions too; an import under ``if TYPE_CHECKING:`` does not run and does not count."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = list(path.relative_to(package).with_suffix("").parts)
    here = rel[:-1]  # the package the module is in

    def exists(parts: list[str]) -> bool:
        p = package.joinpath(*parts)
        return p.with_suffix(".py").is_file() or (p / "__init__.py").is_file()

    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(node.test) for b in node.body for n in ast.walk(b)}
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                target = here[: len(here) - node.level + 1] + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == "meerzorg_law":
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:  # "from . import ast" imports the module syntax.ast
                sub = [*target, alias.name]
                out.add(".".join(sub) if exists(sub) else ".".join(target))
        elif isinstance(node, ast.Import):
            out.update(".".join(a.name.split(".")[1:]) for a in node.names if a.name.startswith("meerzorg_law."))
    out.discard(module_name(path, package))
    out.discard("")
    return out


def import_circles(package: Path) -> list[list[str]]:
    """Every set of modules that import each other in a circle (the strongly connected components of the import
    graph with more than one module), each sorted."""
    graph = {module_name(p, package): module_imports(p, package) for p in sorted(package.rglob("*.py"))}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v] & graph.keys()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(circles)


def test_no_import_circles() -> None:
    circles = import_circles(PACKAGE)
    assert not circles, "\n".join(" <-> ".join(c) for c in circles)


def test_circle_test_can_fail(tmp_path: Path) -> None:
    """A circle hidden by an import inside a function is found, over three modules too; an import only for the
    type checker and a package importing its own module (the module importing a sibling) are not circles."""
    files = {
        "engine/__init__.py": "from .compile import compile_regeling\n",
        "engine/context.py": "from .. import ir\ndef f():\n    from .compile import Compiler\n",
        "engine/compile.py": "from .context import Ctx\nfrom .tabulate import Tabulator\n",
        "engine/tabulate.py": "import typing\nif typing.TYPE_CHECKING:\n    from .compile import Compiler\n",
        "verify/__init__.py": "",
        "verify/universe.py": "def valid():\n    from meerzorg_law.verify.smt import beperkingen\n",
        "verify/smt.py": "from .universe import Universe\n",
        "verify/a.py": "from . import b\n",
        "verify/b.py": "import meerzorg_law.verify.c\n",
        "verify/c.py": "from .a import x\n",
        "ir.py": "",
    }
    package = tmp_path / "meerzorg_law"
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    assert import_circles(package) == [
        ["engine.compile", "engine.context"],
        ["verify.a", "verify.b", "verify.c"],
        ["verify.smt", "verify.universe"],
    ]


# Two contracts after the IR: the rules are read from the IR, the legal text from the document model (which
# reads the consolidated AST itself). Below ``document`` only these modules import ``syntax`` or ``versions``,
# each for the reason given (docs/architectuur.rst, "Twee contracten"); the cli drives the whole pipeline.
AST_AFTER_IR = {
    "cases/load.py": {"syntax"},  # syntax.limits: the digit limit a case file shares with the DSL
    "verify/report.py": {"syntax", "versions"},  # syntax.grammar: the grammar's hash in a proof report;
    # versions.catalog.Versie only for the type checker (the proofs' cache key names the files of a version)
    "compare/renvooi.py": {"syntax"},  # two consolidated ASTs in, read only through document.act_against
    "export/write.py": {"syntax"},  # a wijzigingsregeling or not; its AST goes to document.build_amendment
    "sphinxext/basis.py": {"syntax"},  # the type Wijzigingsregeling, to tell versions apart
    "sphinxext/generate.py": {"syntax", "versions"},  # the same, and versions.catalog for the list of versions
    "sphinxext/wijziging.py": {"syntax"},  # opschrift, aanhef, artikel headings, toelichting (not instructions)
}


def ast_after_ir(package: Path) -> list[str]:
    """Imports of ``syntax`` or ``versions`` from a module below the document model that is not in
    ``AST_AFTER_IR`` (or imports more than it lists)."""
    after = layer_of("document")
    problems = []
    for path in sorted(package.rglob("*.py")):
        rel = str(path.relative_to(package))
        own = path.relative_to(package).with_suffix("").parts[0]
        if layer_of(own) <= after or own in {"cli", "__main__"}:
            continue
        for line, target in imports(path, package):
            if target in {"syntax", "versions"} and target not in AST_AFTER_IR.get(rel, set()):
                problems.append(f"{rel}:{line} imports {target} (after the IR: read the IR or the document model)")
    return problems


def test_after_the_ir_only_the_named_modules_read_the_ast() -> None:
    problems = ast_after_ir(PACKAGE)
    assert not problems, "\n".join(problems)


def test_ast_after_ir_can_fail(tmp_path: Path) -> None:
    files = {"syntax/__init__.py": "", "engine/run.py": "from ..syntax import ast\n",
             "compare/renvooi.py": "from ..syntax import ast\nfrom ..versions import consolidate\n",
             "document/build.py": "from ..syntax import ast\n", "cli/x.py": "from ..syntax import ast\n"}
    package = tmp_path / "meerzorg_law"
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    assert ast_after_ir(package) == [
        "compare/renvooi.py:2 imports versions (after the IR: read the IR or the document model)",
        "engine/run.py:1 imports syntax (after the IR: read the IR or the document model)",
    ]
