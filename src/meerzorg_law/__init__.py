"""meerzorg_law: regelgeving als code voor meerzorg onder de Wet langdurige zorg.

The pipeline (data flows one way; each arrow is one module)::

    regeling/*.rgl --syntax.parse--> AST --versions.consolidate--> AST per version
        --semantics.lower (resolve, type-check, default-logic trees)--> ir.Regeling
        --engine.compile (closures over catala.runtime.handle_default)--> Decision
        --engine.evaluate(facts)--> Outcome(values, Trace)
        --> render (explain, diagnostics, json) · cases.run · compare · properties · impact · sphinxext

Typical use::

    bundle = load_bundle("regeling/")
    decision = compile_regeling(bundle.versions["rlz-2026"], traced=True)
    outcome = evaluate(decision, facts)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cases.model import Case as Case
    from .cases.project import Project as Project
    from .cases.project import load_project as load_project
    from .diagnostics import Diagnostic as Diagnostic
    from .diagnostics import MeerzorgError as MeerzorgError
    from .engine.compile import Decision as Decision
    from .engine.compile import EvaluationFailure as EvaluationFailure
    from .engine.compile import compile_regeling as compile_regeling
    from .engine.evaluate import Outcome as Outcome
    from .engine.evaluate import evaluate as evaluate
    from .engine.trace import Trace as Trace
    from .ir import Regeling as Regeling
    from .semantics.pipeline import Bundle as Bundle
    from .semantics.pipeline import load_bundle as load_bundle

__all__ = [
    "Bundle", "Case", "Decision", "Diagnostic", "EvaluationFailure", "MeerzorgError", "Outcome", "Project",
    "Regeling", "Trace", "compile_regeling", "evaluate", "load_bundle", "load_project",
]

# Public name -> the module that defines it. Imported on first use (PEP 562), so that ``meerzorg --help``
# and ``--version`` load no engine, grammar or solver; ``from meerzorg_law import evaluate`` works as before.
_WHERE = {
    "Case": ".cases.model", "Project": ".cases.project", "load_project": ".cases.project",
    "Diagnostic": ".diagnostics", "MeerzorgError": ".diagnostics", "Decision": ".engine.compile",
    "EvaluationFailure": ".engine.compile", "compile_regeling": ".engine.compile", "Outcome": ".engine.evaluate",
    "evaluate": ".engine.evaluate", "Trace": ".engine.trace", "Regeling": ".ir", "Bundle": ".semantics.pipeline",
    "load_bundle": ".semantics.pipeline",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
