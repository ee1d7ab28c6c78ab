"""``python -m meerzorg_law`` runs the command line."""

from .cli import main

raise SystemExit(main())
