"""Finding resource files: the GUI's name for :mod:`kpidesk.resources_path`, which holds the
one function (shared with ``reports``, which must not import ``gui``)."""

from __future__ import annotations

from kpidesk.resources_path import resource_path, resources_root

__all__ = ["resource_path", "resources_root"]
