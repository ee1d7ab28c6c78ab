"""Syntax stage: DSL text -> AST (``parse``), and AST -> DSL text (``printer``)."""

import sys

# Lark imports the third-party ``regex`` module when it is there (installed here for nltk, through textstat),
# only to allow ``Lark(regex=True)``, which this grammar does not use: about 20 ms of CPU in every command that
# parses. Lark is imported here first with ``regex`` hidden (``None`` in sys.modules makes ``import regex``
# fail), and ``regex`` is importable again afterwards for whoever needs it.
if "lark" not in sys.modules and "regex" not in sys.modules:
    sys.modules["regex"] = None  # type: ignore[assignment]
    try:
        import lark.utils  # noqa: F401
    finally:
        del sys.modules["regex"]
