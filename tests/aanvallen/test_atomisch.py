"""One atomic write (issue 19): ``output.atomic_file`` is the only place that writes through a temporary file,
and it leaves the old file whole on an error, for text and bytes alike."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from meerzorg_law.output import OutputError, atomic_file, write_bytes_atomic

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "meerzorg_law"
# The one writer, and the one swap of a finished staging folder (a rename of files already written whole).
TOEGESTAAN = {("output.py", "mkstemp"), ("output.py", "replace"), ("uitvoermap.py", "replace")}


def schrijvers(package: Path) -> list[tuple[str, str]]:
    """(file, call) of every ``mkstemp``, ``os.replace``, ``os.rename`` or ``Path.rename``/``.replace`` call."""
    gevonden = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                naam = node.func.attr
                eigenaar = node.func.value
                if naam == "mkstemp" or (naam in ("replace", "rename") and isinstance(eigenaar, ast.Name)
                                         and eigenaar.id == "os"):
                    gevonden.append((path.relative_to(package).as_posix(), naam))
    return gevonden


def test_only_output_py_writes_through_a_temporary_file() -> None:
    buiten = [f for f in schrijvers(PACKAGE) if f not in TOEGESTAAN]
    assert not buiten, f"an atomic write of its own (use output.atomic_file): {buiten}"


def test_the_scan_finds_a_copy(tmp_path: Path) -> None:
    """The scan is not vacuous: a module with its own mkstemp + os.replace is found."""
    (tmp_path / "kopie.py").write_text("import os, tempfile\nfd, t = tempfile.mkstemp()\nos.replace(t, 'x')\n",
                                       encoding="utf-8")
    assert schrijvers(tmp_path) == [("kopie.py", "mkstemp"), ("kopie.py", "replace")]


@pytest.mark.parametrize("binary", [False, True])
def test_an_error_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path, binary: bool) -> None:
    doel = tmp_path / "uit.bin"
    doel.write_bytes(b"oud")
    with pytest.raises(RuntimeError), atomic_file(doel, binary=binary) as out:
        out.write(b"half" if binary else "half")
        raise RuntimeError("midden in het schrijven")
    assert doel.read_bytes() == b"oud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit.bin"]


def test_bytes_replace_the_file_with_the_usual_mode(tmp_path: Path) -> None:
    doel = tmp_path / "uit.pdf"
    write_bytes_atomic(doel, b"%PDF")
    assert doel.read_bytes() == b"%PDF"
    masker = os.umask(0)
    os.umask(masker)
    assert doel.stat().st_mode & 0o777 == 0o666 & ~masker


def test_a_missing_folder_is_a_dutch_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="bestaat niet"):
        write_bytes_atomic(tmp_path / "weg" / "uit.pdf", b"x")
