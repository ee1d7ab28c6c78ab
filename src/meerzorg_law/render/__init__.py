"""Presentation: diagnostics, explanations, JSON. Reads IR, outcomes and traces; never the parse tree."""
