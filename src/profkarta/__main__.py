"""Allows `python -m profkarta`."""

from profkarta.cli import main

raise SystemExit(main())
