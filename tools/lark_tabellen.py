"""Write grammar/meerzorg.lark-tabellen: Lark's parse tables for grammar/meerzorg.lark, in Lark's own cache
format, shipped so that a new user's first command does not build them (tests/test_startup.py fails when they
no longer fit the grammar). Run after changing the grammar (or Lark):

    python tools/lark_tabellen.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOEL = ROOT / "grammar" / "meerzorg.lark-tabellen"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "MEERZORG_CACHE_DIR": tmp, "PYTHONPATH": str(ROOT / "src")}
        env.pop("MEERZORG_CACHE", None)
        # Built (or, when the shipped tables still fit, copied and checked by Lark) in an empty cache.
        subprocess.run([sys.executable, "-c", "from meerzorg_law.syntax.grammar import parser; parser()"],
                       env=env, check=True)
        [built] = Path(tmp).glob("grammar-*.lark-cache")
        kop, rest = built.read_bytes().split(b"\n", 1)
        sys.path.insert(0, str(ROOT / "src"))
        from meerzorg_law.output import write_bytes_atomic
        from meerzorg_law.syntax.grammar import MEEGELEVERD, grammar_text, lark_hash

        tekst = grammar_text()
        if kop != lark_hash(tekst, str(built)):
            raise SystemExit("Lark hasht zijn cache anders dan grammar.lark_hash: pas lark_hash aan")
        # Whole or not at all: a table file cut short by Ctrl-C would carry the right hash over a broken pickle.
        write_bytes_atomic(DOEL, lark_hash(tekst, MEEGELEVERD) + b"\n" + rest)
    print(f"geschreven: {DOEL.relative_to(ROOT)} ({DOEL.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
