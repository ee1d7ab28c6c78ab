"""Impact: a synthetic population of Wlz clients run through two versions; who changes outcome, and how."""
