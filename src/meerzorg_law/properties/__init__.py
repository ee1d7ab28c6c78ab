"""Property checks: IR declarations -> Hypothesis strategies -> built-in and declared checks -> counterexample cases."""
