"""Whether the window can open here, decided before a ``QApplication`` exists: without a
display, Qt's xcb plugin aborts the process with a misleading "libxcb-cursor0 is needed"
message, so kpidesk looks first and says what is wrong in the user's language.

Linux only (Windows and macOS always have a display for a desktop user); a platform chosen
by ``QT_QPA_PLATFORM`` (``offscreen`` in tests, ``wayland``, ``xcb``…) is the user's
choice and is not second-guessed. Standard library only: no Qt is loaded by the check.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

NO_DISPLAY = "no_display"
NO_XCB_CURSOR = "no_xcb_cursor"


def display_problem(
    environ: Mapping[str, str] | None = None,
    *,
    platform: str | None = None,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
) -> str | None:
    """Why the window cannot open (:data:`NO_DISPLAY`, :data:`NO_XCB_CURSOR`), or
    ``None`` when it can."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    if env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return NO_DISPLAY
    # X11 through Qt's xcb plugin, which since Qt 6.5 needs libxcb-cursor
    if find_library("xcb-cursor") is None:
        return NO_XCB_CURSOR
    return None
