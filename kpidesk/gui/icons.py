"""The application's icons from ``resources/icons`` (drawn for the project): the window's
icon — the SVG and its PNG renderings, so that every size looks sharp — and the left
navigation's section icons (``resources/icons/sections/<name>.svg``). A missing file gives
an empty icon, never an error: an icon is decoration."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from kpidesk.gui.resources import resource_path

APP_ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """kpidesk's icon for the window, the task bar and dialogs."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        png = resource_path("icons", f"kpidesk-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    svg = resource_path("icons", "kpidesk.svg")
    if svg.is_file():
        icon.addFile(str(svg))
    return icon


def section_icon(name: str) -> QIcon:
    """The navigation icon called ``name`` (an empty icon for ``""`` or a missing file)."""
    if not name:
        return QIcon()
    path = resource_path("icons", "sections", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
