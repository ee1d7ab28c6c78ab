"""Files the toolkit writes (CSV, counterexample cases, exports): one way to write them, atomically.

A file is written to a temporary file beside it and renamed over the target only when complete, so an
error or Ctrl-C never leaves half a file behind. Every failure becomes an ``OutputError`` with a Dutch
message; ``cli.main`` prints it and exits 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["OutputError", "atomic_writer", "check_writable", "ensure_directory", "reden", "write_bytes_atomic",
           "write_text_atomic"]


class OutputError(Exception):
    """An output path that cannot be written; the message is Dutch and names the path."""


_REDENEN = {
    errno.EACCES: "geen toegang (rechten)", errno.EPERM: "geen toegang (rechten)", errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "het bestandssysteem is alleen-lezen", errno.ENAMETOOLONG: "de naam is te lang",
    errno.ENOENT: "het bestaat niet", errno.EISDIR: "dat is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
}


def reden(err: OSError) -> str:
    """Why a file could not be read or written, in Dutch (the system's strerror is English)."""
    return _REDENEN.get(err.errno or 0, f"systeemfout {err.errno}")



def check_writable(path: str | Path) -> None:
    """Fail now, before a long computation, if ``path`` could not be written afterwards."""
    _check_target(Path(path))


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise OutputError(f"kan '{path}' niet schrijven: dat is een map; geef een bestandsnaam")
    parent = path.parent
    if not parent.exists():
        raise OutputError(f"kan '{path}' niet schrijven: de map '{parent}' bestaat niet")
    if not parent.is_dir():
        raise OutputError(f"kan '{path}' niet schrijven: '{parent}' is geen map")
    # Mode bits, not os.access: as root os.access says yes to everything, and a file made read-only
    # on purpose should not be replaced behind its owner's back.
    if path.exists() and not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputError(f"kan '{path}' niet schrijven: het bestand is alleen-lezen")


@contextlib.contextmanager
def atomic_writer(path: str | Path, newline: str | None = None) -> Iterator[IO[str]]:
    """A text stream whose content replaces ``path`` only when the block ends without an exception."""
    target = Path(path)
    _check_target(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OutputError(f"kan '{target}' niet schrijven: {reden(err)}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"kan '{target}' niet schrijven: {reden(err)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_writer(path) as stream:
        stream.write(text)


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """``data`` replaces ``path`` whole or not at all, as ``atomic_writer`` (a temporary file beside it)."""
    target = Path(path)
    _check_target(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OutputError(f"kan '{target}' niet schrijven: {reden(err)}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"kan '{target}' niet schrijven: {reden(err)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def ensure_directory(path: str | Path) -> Path:
    """``path`` as a directory to write into, made (with its parents) if it is missing."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise OutputError(f"kan niet in '{target}' schrijven: dat is een bestand, geen map")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"kan de map '{target}' niet maken: {reden(err)}") from None
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
