"""What every subcommand shares: exit codes, JSON and diagnostics output, loading the regeling and cases.

Imports of the library stay inside the functions, so that ``meerzorg --help`` loads no engine.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..cases.project import Project
    from ..diagnostics import Diagnostic
    from ..semantics.pipeline import Bundle

EXIT_OK, EXIT_FAILED, EXIT_INPUT = 0, 1, 2
# Nothing wrong found, but not everything proved: a z3 proof ran out of its time budget (--bewijstijd).
EXIT_UNDECIDED = 3


class VeiligeUitvoer:
    """stdout or stderr for the whole command: every string written goes through ``escape.terminal`` (line
    breaks kept), so no case name, label, path or diagnostic can move the cursor, recolour or rewrite a line."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from ..escape import terminal

        self._stream.write(terminal(text, regels=True))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def print_json(payload: Any) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2))


def fout(message: str) -> None:
    """One line on stderr in the house form ``fout: …``."""
    print(f"fout: {message}", file=sys.stderr)


def report_diagnostics(diags: Sequence[Diagnostic], as_json: bool) -> None:
    from ..render.diagnostics import diagnostic_json, render_all

    if not diags:
        return
    if as_json:
        print_json({"ok": False, "diagnostics": [diagnostic_json(d) for d in diags]})
    else:
        print(render_all(diags), file=sys.stderr)


def load_cases_project(args: argparse.Namespace, cases: bool = True) -> Project:
    """The regeling of --regeling (or the bundled one) and the case files of PADEN (or the bundled ones)."""
    from ..cases.project import load_project

    paths: list[Path | str] = [Path(p) for p in (args.paden or [])] if cases else []
    return load_project(args.regeling, paths if paths else None)


def unknown_version(bundle: Bundle, *versies: str | None) -> bool:
    """Report the first named version that does not exist; True means: exit with EXIT_INPUT."""
    from ..names import odd_characters

    for vid in versies:
        if vid and vid not in bundle.versions:
            odd = odd_characters(vid)
            fout(f"versie '{vid}' bestaat niet (versies: {', '.join(bundle.versions)})"
                 + (f"; let op: {odd}" if odd else ""))
            return True
    return False


def checked_bundle(args: argparse.Namespace, *versies: str | None) -> Bundle | None:
    """The regeling of PADEN (or --regeling, or the bundled one), after reporting its errors and any named
    version that does not exist; None means: exit with EXIT_INPUT."""
    from ..cases.project import bundled_paths
    from ..semantics.pipeline import load_bundle

    bundle = load_bundle(*(args.paden or [args.regeling or bundled_paths()[0]]))
    if not bundle.ok:
        report_diagnostics(bundle.diagnostics, args.json)
        return None
    return None if unknown_version(bundle, *versies) else bundle
