"""Finding resource files (translations, icons, the print template and stylesheet) from a
source checkout, an installed package or a PyInstaller build — the one function every part
of the application uses for them. Standard library only, so that ``reports`` and ``gui``
can both import it without depending on each other."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The folder holding ``i18n/``, ``icons/`` and the print template and stylesheet."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    source = Path(__file__).resolve().parents[1] / "resources"
    if (source / "i18n").is_dir():
        return source
    try:
        import kpidesk.resources as installed

        return Path(installed.__file__).resolve().parent
    except ImportError:
        return source


def resource_path(*parts: str) -> Path:
    """A file under the resources folder."""
    return resources_root().joinpath(*parts)
