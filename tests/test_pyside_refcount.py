"""PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a Qt method
that returns nothing, and the interpreter aborts after a few thousand calls ("Fatal Python
error: none_dealloc"). pyproject.toml pins around it; this test keeps an upgrade from
bringing it back silently. It runs in a subprocess so a broken build cannot take the whole
test session down with it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    timer = QTimer()
    holder = QObject()
    before = sys.getrefcount(None)
    for i in range(3000):
        label.setText("x")           # void methods: each returns None to Python
        timer.setInterval(i % 50 + 1)
        holder.setObjectName("n")
    after = sys.getrefcount(None)
    print(before, after)
    """
)


def test_void_qt_calls_keep_the_reference_count_of_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, f"the probe crashed: {done.stderr[-2000:]}"
    before, after = (int(x) for x in done.stdout.split())
    # None is immortal on 3.12+ (a huge constant count); on 3.11 it must not drop.
    assert after >= before - 50, f"refcount of None dropped from {before} to {after}"
