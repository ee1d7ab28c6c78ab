"""Versions stage: amendments (wijzigingsregelingen) applied on the provision tree, before names are resolved."""
