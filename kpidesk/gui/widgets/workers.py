"""Running long work off the GUI thread (STYLE.md): a ``QRunnable`` on the global thread
pool that reports progress, the result or a user error through signals. The work function
opens its own database connection; widgets are touched only in the slots, on the GUI
thread."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from kpidesk.reports.problem_text import error_text
from kpidesk.services.errors import UserError

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
Work = Callable[[ProgressFn, CancelledFn], Any]


class WorkerSignals(QObject):
    """progress(done, total), finished(result), failed(message, problems)."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str, object)


class Worker(QRunnable):
    """Runs ``work(progress, cancelled)`` on a pool thread."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps it until its signals have fired
        self.work = work
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether Cancel was pressed."""
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self._cancel.is_set)
        except UserError as error:
            self.signals.failed.emit(error_text(error), list(error.problems))
        except Exception as error:  # a worker must never die silently
            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            logging.getLogger(__name__).error("worker failed: %s", detail, exc_info=error)
            text = QCoreApplication.translate(
                "Worker", "Something went wrong (%1); nothing was changed."
            )
            self.signals.failed.emit(text.replace("%1", type(error).__name__), [])
        else:
            self.signals.finished.emit(result)
        finally:
            self.done.set()


def start(worker: Worker) -> None:
    """Queue the worker on the global thread pool."""
    QThreadPool.globalInstance().start(worker)
