"""A ``QGuiApplication`` for rendering without a window (the ``kpidesk report bonus
--format pdf`` command): fonts and ``QTextDocument`` need one. When there is no display,
Qt's ``offscreen`` platform is chosen — only inside the command that asks for it."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def gui_application() -> QCoreApplication:
    """The running application, or a new ``QGuiApplication`` (offscreen without a display)."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(sys.argv[:1])
