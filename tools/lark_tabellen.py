"""Write grammar/meerzorg.lark-tabellen: the parser for grammar/meerzorg.lark (Lark's parse tables, lexers and
callbacks with our scanner), built by Lark with no cache and pickled whole, shipped so that no command builds or
deserialises the tables (tests/test_startup.py fails when it no longer fits the grammar, Lark, Python or the
code of ``syntax/grammar.py`` and ``syntax/_scanner.py``). Run after changing any of those:

    python tools/lark_tabellen.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOEL = ROOT / "grammar" / "meerzorg.lark-tabellen"


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from meerzorg_law.grammatica import grammar_text
    from meerzorg_law.output import write_bytes_atomic
    from meerzorg_law.syntax.grammar import bouw_parser, laad_parser, parser_sleutel, pickle_parser

    tekst = grammar_text()
    sleutel = parser_sleutel(tekst)
    # Whole or not at all: a file cut short by Ctrl-C would carry the right key over a broken pickle.
    write_bytes_atomic(DOEL, pickle_parser(bouw_parser(tekst, False), sleutel))
    if laad_parser(DOEL, sleutel) is None:
        raise SystemExit(f"{DOEL.relative_to(ROOT)} laat zich niet laden")
    print(f"geschreven: {DOEL.relative_to(ROOT)} ({DOEL.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
