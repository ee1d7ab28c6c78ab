"""Verify: the checked IR of each version as SMT terms (z3), to prove rather than sample.

``smt`` translates; ``checks`` proves the static checks of ``meerzorg check``; ``props`` proves eigenschappen;
``symbolic`` describes who changes between two versions; ``witness`` turns a model into a client.
"""
