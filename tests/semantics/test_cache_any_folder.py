"""The on-disk cache serves any folder, not only the bundled regeling: a variant's folder is read from the
cache on the second command, and rebuilt after an edit (benchmarks/bench_inner_loop.py measures the loop)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from meerzorg_law.semantics import pipeline

VARIANT = Path(__file__).resolve().parents[1] / "workflow" / "variant"


def test_a_variant_folder_is_cached_and_rebuilt_after_an_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEERZORG_CACHE", "1")
    monkeypatch.setenv("MEERZORG_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "variant"
    shutil.copytree(VARIANT, folder)
    builds: list[int] = []
    echte = pipeline._load_bundle

    def tellend(*paths: Path | str) -> pipeline.Bundle:
        builds.append(1)
        return echte(*paths)

    monkeypatch.setattr(pipeline, "_load_bundle", tellend)
    eerste = pipeline.load_bundle(folder)
    tweede = pipeline.load_bundle(folder)
    assert len(builds) == 1  # before: every command built a variant's folder anew
    assert list(tweede.versions) == list(eerste.versions) and tweede.ok
    rgl = next(folder.glob("*.rgl"))
    rgl.write_text(rgl.read_text(encoding="utf-8").replace("uren mantelzorg per week", "uren mantelzorg per wk", 1),
                   encoding="utf-8")
    derde = pipeline.load_bundle(folder)
    assert len(builds) == 2 and derde.versions["rlz-2027-mantelzorg"].facts["mantelzorg_uren_per_week"].label \
        == "uren mantelzorg per wk"
