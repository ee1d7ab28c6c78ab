"""Semantics stage: (consolidated) AST -> resolved, type-checked IR."""
