"""The benchmark's quick mode, as CI runs it: agreement only, never time.

The columnar engine equals the hand-written numpy rules of rlz-2026 and rlz-2027 for every client of a drawn
population, and the compiled decision equals the plain-Python oracle per case.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"


def test_quick_mode_agrees(capsys: object) -> None:
    sys.path.insert(0, str(BENCH.parent))
    try:
        spec = importlib.util.spec_from_file_location("bench", BENCH)
        assert spec is not None and spec.loader is not None
        bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)
        assert bench.main(["--quick"]) == 0
    finally:
        sys.path.remove(str(BENCH.parent))
