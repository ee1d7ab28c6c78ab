"""Bijlage A in the DSL matches the official text: the zorgprofielen, their '*' and descriptions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from meerzorg_law.semantics.pipeline import load_bundle

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared" / "domain" / "rlz-bijlage-a-2025-07-01.txt"


def test_generated_part_is_current() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "bijlage_a.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_repo_copy_equals_shared_source() -> None:
    if SHARED.exists():
        assert (ROOT / "tools" / "bronnen" / SHARED.name).read_bytes() == SHARED.read_bytes()


def test_star_profiles_match_the_annex() -> None:
    reg = load_bundle(ROOT / "regeling" / "rlz-2026.rgl").versions["rlz-2026"]
    table = reg.tables["zorgprofielen"]
    col = table.column_index("meerzorg_mogelijk")
    starred = {k for k, row in table.rows.items() if row[col] is True}
    # The '*' list of Bijlage A as in force from 1 July 2025 (decisions.md; brief §2.3.1).
    assert starred == {"VV7", "VV8", "VG5", "VG7", "VG8", "LVG4", "LVG5", "SGLVG1", "LG5", "LG6", "LG7",
                       "ZGaud3", "ZGvis5", "GGZ6B", "GGZ7B"}
    assert set(reg.enums["zorgprofiel"].values) == set(table.rows)
