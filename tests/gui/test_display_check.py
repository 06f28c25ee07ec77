"""No display (issue 16): the window says so in the user's language, before Qt can abort
with its misleading "libxcb-cursor0 is needed"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kpidesk.gui.display import NO_DISPLAY, NO_XCB_CURSOR, display_problem

ROOT = Path(__file__).resolve().parents[2]


def _found(name: str) -> str | None:
    return f"lib{name}.so.0"


def _missing(name: str) -> str | None:
    return None


def test_what_the_check_decides() -> None:
    linux = {"platform": "linux", "find_library": _found}
    assert display_problem({}, **linux) == NO_DISPLAY
    assert display_problem({"DISPLAY": ":0"}, **linux) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, **linux) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, **linux) is None
    assert display_problem({"DISPLAY": ":0"}, platform="linux", find_library=_missing) == (
        NO_XCB_CURSOR
    )
    assert display_problem({}, platform="win32", find_library=_missing) is None
    assert display_problem({}, platform="darwin", find_library=_missing) is None


def test_the_window_without_a_display_says_so_in_russian(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    env["KPIDESK_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "kpidesk", "--lang", "ru", "gui"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "не удаётся открыть окно: здесь нет графического экрана" in done.stderr
    assert "xcb" not in done.stderr.lower()
    assert "Traceback" not in done.stderr
