"""Bijlage A in the DSL matches the official text: the zorgprofielen, their '*' and descriptions."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from meerzorg_law.semantics.pipeline import load_bundle

ROOT = Path(__file__).parents[1]
OFFICIAL_TEXT = ROOT / "tools" / "bronnen" / "rlz-bijlage-a-2025-07-01.txt"
# The SHA-256 of the official text as taken from wetten.overheid.nl (Bijlage A, geldend vanaf 1 juli 2025):
# a changed copy must be a deliberate act, with this pin changed in the same commit.
OFFICIAL_SHA256 = "ec2a53a71e5f76f139f57ff22957e976c03c56d51ff510fc930a5d22e4c8c670"


def test_generated_part_is_current() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "bijlage_a.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_official_text_is_unchanged() -> None:
    assert hashlib.sha256(OFFICIAL_TEXT.read_bytes()).hexdigest() == OFFICIAL_SHA256


def test_star_profiles_match_the_annex() -> None:
    reg = load_bundle(ROOT / "regeling" / "rlz-2026.rgl").versions["rlz-2026"]
    table = reg.tables["zorgprofielen"]
    col = table.column_index("meerzorg_mogelijk")
    starred = {k for k, row in table.rows.items() if row[col] is True}
    # The '*' list of Bijlage A as in force from 1 July 2025 (tools/bronnen/rlz-bijlage-a-2025-07-01.txt).
    assert starred == {"VV7", "VV8", "VG5", "VG7", "VG8", "LVG4", "LVG5", "SGLVG1", "LG5", "LG6", "LG7",
                       "ZGaud3", "ZGvis5", "GGZ6B", "GGZ7B"}
    assert set(reg.enums["zorgprofiel"].values) == set(table.rows)
