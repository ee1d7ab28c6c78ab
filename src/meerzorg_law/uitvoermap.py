"""A folder of files one command writes as a set: never over a file the user edited, and all or nothing.

The files are written into a hidden sibling folder first (``.<map>.meerzorg-XXXX``); only when every one is
complete are they renamed into the folder, with Ctrl-C held back for those few renames, so an interrupted
command leaves the old set or the new set whole. The folder keeps a manifest (``.meerzorg-uitvoer.json``)
with the SHA-256 of every file the toolkit wrote there: a file that is not in it, or whose hash no longer
matches, is the user's, and is replaced only with ``--overschrijven``. A rerun over its own output needs no
flag; a file of the previous set that the new set does not write is removed if it is unchanged.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Collection, Iterator
from pathlib import Path
from types import FrameType
from typing import IO

from .output import OutputError, atomic_writer, ensure_directory, reden, write_text_atomic

__all__ = ["MANIFEST", "Uitvoermap", "eigen_bestand", "eigen_schrijver", "uitvoermap"]

MANIFEST = ".meerzorg-uitvoer.json"


def _sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _lees_manifest(map_: Path) -> dict[str, str]:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        data = json.loads((map_ / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.get("bestanden", {}).items()}
    return {}


def eigen_bestand(path: Path) -> bool:
    """Whether ``path`` is missing or is the toolkit's own earlier output, unchanged since (its hash is in the
    manifest of its folder): then it may be replaced without asking."""
    if not path.exists():
        return True
    return _lees_manifest(path.parent).get(path.name) == _sha(path)


class Uitvoermap:
    """The staging folder of one set (``staging``) and its target (``doel``); see ``uitvoermap``."""

    def __init__(self, doel: Path, staging: Path, overschrijven: bool,
                 opruimen: Collection[str] | None = None) -> None:
        self.doel, self.staging, self.overschrijven, self.opruimen = doel, staging, overschrijven, opruimen

    def controleer(self, namen: list[str]) -> None:
        """Refuse now, before the work, if a file the set will write was edited by the user (``OutputError``);
        the same check runs again when the set is put in place."""
        self._controleer(namen, _lees_manifest(self.doel))

    def pad(self, naam: str) -> Path:
        """Where to write the file ``naam`` now (in the staging folder)."""
        return self.staging / naam

    def eindpad(self, path: Path) -> Path:
        """The final place of a file written at ``pad(...)``."""
        return self.doel / path.relative_to(self.staging)

    def _controleer(self, namen: list[str], manifest: dict[str, str]) -> None:
        if self.overschrijven:
            return
        bewerkt = [n for n in namen if (self.doel / n).exists() and manifest.get(n) != _sha(self.doel / n)]
        if bewerkt:
            lijst = ", ".join(f"'{self.doel / n}'" for n in bewerkt[:3]) + (" …" if len(bewerkt) > 3 else "")
            raise OutputError(f"niets geschreven: {lijst} {'is' if len(bewerkt) == 1 else 'zijn'} niet door meerzorg "
                              "geschreven of sindsdien gewijzigd; kies een andere map of geef --overschrijven")

    def _zet_neer(self) -> list[Path]:
        namen = sorted(p.relative_to(self.staging).as_posix() for p in self.staging.rglob("*") if p.is_file())
        manifest = _lees_manifest(self.doel)
        self._controleer(namen, manifest)
        nieuw = {n: _sha(self.staging / n) or "" for n in namen}
        # Files of an earlier set, unchanged since: removed when the new set no longer writes them (only those
        # named in ``opruimen``, or all when it is None), kept in the manifest otherwise.
        ongewijzigd = {n: h for n, h in manifest.items() if n not in nieuw and h == _sha(self.doel / n)}
        oud = [n for n in ongewijzigd if self.opruimen is None or n in self.opruimen]
        blijft = {n: h for n, h in ongewijzigd.items() if n not in oud}
        with _zonder_ctrl_c():
            for n in namen:
                (self.doel / n).parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.staging / n, self.doel / n)
            for n in oud:
                with contextlib.suppress(OSError):
                    (self.doel / n).unlink()
            lijst = {"bestanden": {**blijft, **nieuw}}
            write_text_atomic(self.doel / MANIFEST, json.dumps(lijst, indent=1, sort_keys=True) + "\n")
        return [self.doel / n for n in namen]


@contextlib.contextmanager
def uitvoermap(doel: str | Path, overschrijven: bool = False,
               opruimen: Collection[str] | None = None) -> Iterator[Uitvoermap]:
    """Write a set of files into ``doel`` (made if missing): write them at ``map.pad(naam)`` inside the block;
    they are put in place when the block ends without an exception, or not at all. Refuses (``OutputError``,
    before anything is replaced) when a file the set writes was edited by the user, unless ``overschrijven``.
    A file written last time that this set does not write is removed when unchanged, if ``opruimen`` is None or
    names it (so an export of version A leaves the files of version B in the same folder alone)."""
    target = ensure_directory(doel)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.meerzorg-", dir=target.parent))
    except OSError as err:
        raise OutputError(f"kan niet in '{target}' schrijven: {reden(err)}") from None
    uit = Uitvoermap(target, staging, overschrijven, opruimen)
    try:
        yield uit
        uit._zet_neer()
    except OSError as err:
        if err.errno == errno.EXDEV:
            raise OutputError(f"kan niet in '{target}' schrijven: de tijdelijke map ligt op een ander "
                              "bestandssysteem") from None
        raise OutputError(f"kan niet in '{target}' schrijven: {reden(err)}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def _zonder_ctrl_c() -> Iterator[None]:
    """Hold Ctrl-C back during the renames (milliseconds), then raise it: the set goes in whole."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    ontvangen: list[int] = []

    def onthoud(signum: int, frame: FrameType | None) -> None:
        ontvangen.append(signum)

    vorige = signal.signal(signal.SIGINT, onthoud)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, vorige)
    if ontvangen:
        raise KeyboardInterrupt


def _registreer(path: Path) -> None:
    """Note ``path`` (just written) as the toolkit's own in the manifest of its folder."""
    manifest = _lees_manifest(path.parent)
    manifest[path.name] = _sha(path) or ""
    with contextlib.suppress(OSError, OutputError):
        write_text_atomic(path.parent / MANIFEST, json.dumps({"bestanden": manifest}, indent=1, sort_keys=True) + "\n")


@contextlib.contextmanager
def eigen_schrijver(path: str | Path, overschrijven: bool = False, newline: str | None = None) -> Iterator[IO[str]]:
    """One output file (``--csv``): like ``output.atomic_writer``, but a file the user edited (or did not get
    from meerzorg) is refused before anything is computed into it, unless ``overschrijven``."""
    target = Path(path)
    if not overschrijven and not eigen_bestand(target):
        raise OutputError(f"niets geschreven: '{target}' is niet door meerzorg geschreven of sindsdien gewijzigd; "
                          "kies een andere naam of geef --overschrijven")
    with atomic_writer(target, newline) as stream:
        yield stream
    _registreer(target)
