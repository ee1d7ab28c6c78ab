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


# ---- path names of every input and output option, checked in one place ------------------------------------
# A command's options are marked when they are declared (``add_argument(..., pad=SOORT)``, see cli.__init__),
# and ``controleer_paden`` checks every given value before the command runs: a name too long, a file that
# cannot be read, a folder that cannot be written, a folder where a file is expected (or the other way round)
# is one Dutch error naming the path, exit 2 -- never an OSError half-way through the work. A path that does
# not exist is left to the command (an input: its own message; an output: it is made).
INVOER, INVOERBESTAND, INVOERMAP, UITVOERMAP, UITVOERBESTAND = (
    "invoer", "invoerbestand", "invoermap", "uitvoermap", "uitvoerbestand")
PADSOORTEN = (INVOER, INVOERBESTAND, INVOERMAP, UITVOERMAP, UITVOERBESTAND)


class PadFout(Exception):
    """A path given on the command line that cannot be used; the message is Dutch and names the path."""


def controleer_paden(args: argparse.Namespace) -> None:
    """Check every path-valued option of the command (``args.padsoorten``: dest -> soort, collected by the
    parsers; the global --regeling always); ``PadFout``."""
    for dest, soort in {"regeling": INVOER, **(getattr(args, "padsoorten", None) or {})}.items():
        waarde = getattr(args, dest, None)
        for pad in (waarde if isinstance(waarde, list) else [waarde]):
            if pad:
                controleer_pad(str(pad), soort)


def controleer_pad(pad: str, soort: str) -> None:
    """One path against its soort (``PADSOORTEN``)."""
    import os

    _controleer_naam(pad)
    p = Path(pad)
    try:
        p.stat()
    except FileNotFoundError:
        if soort in (UITVOERMAP, UITVOERBESTAND):
            _controleer_schrijfbaar(p, soort)
        return
    except OSError as err:
        raise PadFout(f"kan '{pad}' niet gebruiken: {_reden(err)}") from None
    if soort == INVOERBESTAND and p.is_dir():
        raise PadFout(f"kan '{pad}' niet lezen: dat is een map; geef een bestand")
    if soort == INVOERMAP and not p.is_dir():
        raise PadFout(f"kan '{pad}' niet lezen: dat is een bestand, geen map")
    if soort == UITVOERBESTAND and p.is_dir():
        raise PadFout(f"kan '{pad}' niet schrijven: dat is een map; geef een bestandsnaam")
    if soort == UITVOERMAP and not p.is_dir():
        raise PadFout(f"kan niet in '{pad}' schrijven: dat is een bestand, geen map")
    if soort in (INVOER, INVOERBESTAND, INVOERMAP):
        try:
            if p.is_dir():
                os.listdir(p)
            else:
                with open(p, "rb"):
                    pass
        except OSError as err:
            raise PadFout(f"kan '{pad}' niet lezen: {_reden(err)}") from None
        return
    _controleer_schrijfbaar(p, soort)


def _controleer_naam(pad: str) -> None:
    """Each name in the path at most NAME_MAX bytes, the whole path at most PATH_MAX - 1 (as the system
    counts them: in its file-name encoding, after making the path absolute)."""
    import os

    bestaand = _bestaande_voorouder(Path(pad))
    naam_max = _pathconf(bestaand, "PC_NAME_MAX", 255)
    pad_max = _pathconf(bestaand, "PC_PATH_MAX", 4096)
    for deel in Path(pad).parts:
        lengte = len(os.fsencode(deel))
        if lengte > naam_max:
            raise PadFout(f"kan '{toon_pad(pad)}' niet gebruiken: de naam '{toon_pad(deel, 40)}' is {lengte} bytes "
                          f"lang; een naam mag hoogstens {naam_max} bytes zijn")
    lengte = len(os.fsencode(os.path.abspath(pad)))
    if lengte >= pad_max:
        raise PadFout(f"kan '{toon_pad(pad)}' niet gebruiken: het pad is {lengte} bytes lang (volledig); "
                      f"hoogstens {pad_max - 1} bytes kan")


def toon_pad(pad: str, ruimte: int = 100) -> str:
    """A path for a message: whole when short, else its start and end around an ellipsis."""
    if len(pad) <= ruimte:
        return pad
    kop = ruimte * 2 // 3
    return f"{pad[:kop]}…{pad[-(ruimte - kop - 1):]}"


def _controleer_schrijfbaar(p: Path, soort: str) -> None:
    """The folder a new file or folder would go in exists as a folder (or can be made) and may be written."""
    import os

    doelmap = p if soort == UITVOERMAP and p.is_dir() else _bestaande_voorouder(p.parent)
    if not doelmap.is_dir():
        raise PadFout(f"kan niet schrijven naar '{p}': '{doelmap}' is geen map")
    if not os.access(doelmap, os.W_OK | os.X_OK):
        raise PadFout(f"kan niet schrijven naar '{p}': geen schrijfrechten in de map '{doelmap}'")


def _bestaande_voorouder(p: Path) -> Path:
    """``p`` or the nearest folder above it that exists (the current folder for a relative path)."""
    kandidaat = p
    while True:
        try:
            kandidaat.stat()
            return kandidaat
        except OSError:
            if kandidaat.parent == kandidaat:
                return kandidaat
            kandidaat = kandidaat.parent


def _pathconf(p: Path, naam: str, standaard: int) -> int:
    import os

    try:
        return int(os.pathconf(p if p.is_dir() else p.parent, naam))
    except (OSError, ValueError):
        return standaard


def _reden(err: OSError) -> str:
    from ..output import reden

    return reden(err)
