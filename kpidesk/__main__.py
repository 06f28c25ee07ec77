"""``python -m kpidesk`` — the same as the ``kpidesk`` command."""

from kpidesk.entry import launch

launch()
