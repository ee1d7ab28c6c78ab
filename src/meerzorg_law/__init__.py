"""meerzorg_law (placeholder; API below)."""
