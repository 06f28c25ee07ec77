"""The window's first paint, for the two-step cold start (SPEC §9, issue 17).

:func:`after_first_paint` runs a function once a window has been painted for the first
time: on the event-loop turn after its first paint event, so that the frame is on screen
before a slow step blocks the loop. (A 0-ms timer set right after ``show()`` is no
substitute: it runs *before* the paint, which Qt posts after it.) A window that is never
painted (minimised, hidden) gets the function after ``FALLBACK_MS`` all the same.

:class:`StartProbe` serves ``bench/bench_startup.py`` only. With ``KPIDESK_START_PROBE`` set
to ``paint`` or ``numbers`` in the environment, ``run_gui`` prints one line per stage on
stdout — ``kpidesk-start paint <time.time()>`` once the frame is painted, ``kpidesk-start
numbers <time.time()>`` once the first section's numbers are painted — and quits at the
stage named. Unset (always, for a user) it does nothing: ``from_environment`` is ``None``.

Must not: import anything but Qt and the standard library (it runs before the first paint).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 500
PROBE_VARIABLE = "KPIDESK_START_PROBE"
PAINT = "paint"
NUMBERS = "numbers"


class _FirstPaint(QObject):
    """Watches one widget's paint events until the first has been handled."""

    def __init__(self, widget: QWidget, action: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget: QWidget | None = widget
        self._action: Callable[[], None] | None = action
        self._done = False
        widget.installEventFilter(self)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._fire)
        self._fallback.start(fallback_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self._fire)  # once this paint is done and on screen
        return False

    def _fire(self) -> None:
        if self._done or self._widget is None or self._action is None:
            return
        self._done = True
        self._fallback.stop()
        self._widget.removeEventFilter(self)
        action = self._action
        # (the window owns this object: no references back to it, or to what the action
        # holds, once it is done)
        self._widget = self._action = None
        action()


def after_first_paint(
    widget: QWidget, action: Callable[[], None], *, fallback_ms: int = FALLBACK_MS
) -> None:
    """Run ``action`` (once) on the event-loop turn after ``widget``'s first paint."""
    _FirstPaint(widget, action, fallback_ms)


class StartProbe:
    """The bench's marks of the start-up stages (see the module docstring)."""

    def __init__(self, stop_at: str) -> None:
        self.stop_at = stop_at

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> StartProbe | None:
        """The probe the bench asked for, or ``None`` (a user's start)."""
        stage = (os.environ if environ is None else environ).get(PROBE_VARIABLE, "")
        return cls(stage) if stage in (PAINT, NUMBERS) else None

    def reached(self, stage: str) -> bool:
        """Print the stage's time; returns whether the start goes on (``False``: the
        application has been told to quit at this stage)."""
        print(f"kpidesk-start {stage} {time.time():.6f}", flush=True)
        if stage != self.stop_at:
            return True
        QCoreApplication.exit(0)
        return False
