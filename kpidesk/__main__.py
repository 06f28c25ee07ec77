"""``python -m kpidesk`` — the same as the ``kpidesk`` command."""

from kpidesk.cli import launch

launch()
