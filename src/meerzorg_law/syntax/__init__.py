"""Syntax stage: DSL text -> AST (``parse``), and AST -> DSL text (``printer``)."""
