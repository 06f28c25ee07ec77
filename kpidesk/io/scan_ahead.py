"""The SPEC §8 safety scan of a workbook run in a child process while the command that
imports it loads its modules and opens the company (issue 17: ``kpidesk import`` of the
3-year workbook in ≤ 0.6 s, SPEC §9).

The scan (:mod:`kpidesk.io.safety`) streams every part of the workbook through expat,
which holds the GIL: a thread cannot run it beside the rest of the import, a process can.
``kpidesk import`` starts it first (:meth:`ScanAhead.start`), before it imports the
services and the store and opens the company, which take about as long as the scan; the
reader then takes the scan's verdicts (:meth:`ScanAhead.check_sheets`) instead of scanning
itself, and python-calamine parses each sheet the scan has passed, as before.

The child is a ``fork`` of the command at that point: it runs only :mod:`safety` over the
file, writes one verdict after another into a pipe and leaves with ``os._exit`` (no ``atexit``
handlers, no flushing of the parent's buffers, never back into the caller's code). SPEC
§8's order is unchanged: python-calamine still sees a part only after the scan passed it.

Used only where a fork is safe and cheap: Linux (macOS's system libraries do not survive a
fork without ``exec``, Windows has none), in a process with no other Python thread and no
open company (so that no lock or connection is inherited half-used). Anywhere else —
and whenever the child could not finish (it failed, died, or the file changed since it
started) — :meth:`start` returns ``None`` or :meth:`check_sheets` raises
:class:`UnfinishedScanError`, and the reader scans the file itself: the verdict is the same,
only later. ``tests/unit/io/test_perf_scan_ahead.py`` compares the two.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from kpidesk.io import safety
from kpidesk.io.sheet_names import is_read

TYPE_CHECKING = False  # (not typing's: this module and what it imports are loaded before
if TYPE_CHECKING:  # the fork, when every ms delays the scan's start; issue 17)
    from typing import Any, BinaryIO

ENABLED = True  # False: never fork (the reader scans the file itself)


class UnfinishedScanError(Exception):
    """The child gave no verdict for the whole file: the reader must scan it itself."""


def _identity(path: Path) -> tuple[str, int, int, int, int] | None:
    """What tells the file apart from a changed or replaced one (``None``: unreadable)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return str(path.resolve()), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


class ScanAhead:
    """A running scan of one workbook in a child process; the caller closes it."""

    def __init__(self, path: Path, identity: tuple[Any, ...], pid: int, verdicts: BinaryIO):
        self._path = path
        self._identity = identity
        self._pid: int | None = pid
        self._verdicts = verdicts
        self._taken = False

    @classmethod
    def start(cls, path: Path) -> ScanAhead | None:
        """Start scanning ``path`` in a child process; ``None`` where that is not done
        (see the module's docstring) — the reader then scans the file itself."""
        if not (ENABLED and sys.platform == "linux" and hasattr(os, "fork")):
            return None
        if threading.active_count() != 1:
            return None
        path = Path(path)
        identity = _identity(path)
        if identity is None or not path.is_file():
            return None  # the import itself reports a missing or unreadable file
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the child: never returns
            try:
                os.close(read_end)
                _scan_into(path, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        return cls(path, identity, pid, os.fdopen(read_end, "rb"))

    def check_sheets(self, path: Path, passed: Callable[[str, int], None]) -> dict[str, int]:
        """What ``safety.open_checked(path)`` and ``safety.check_sheets`` of the sheets
        the reader reads would give (each sheet's ``passed`` in order, then sheet name →
        its number of ``<row>`` elements), from the child's verdicts; once only.

        Raises:
            safety.UnsafeFileError: the file is refused, with the scan's own message.
            UnfinishedScanError: the child gave no verdict for the whole of this file.
        """
        if self._taken or _identity(Path(path)) != self._identity:
            raise UnfinishedScanError
        self._taken = True
        while True:
            try:
                verdict = marshal.load(self._verdicts)
            except (EOFError, ValueError, TypeError):
                break  # no more verdicts, or one cut short: the child died writing it
            kind = verdict[0]
            if kind == "passed":
                passed(verdict[1], verdict[2])
            elif kind == "done":
                if _identity(Path(path)) != self._identity:
                    break  # changed while it was scanned
                return {name: rows for name, rows in verdict[1]}
            elif kind == "refused":
                raise safety.UnsafeFileError(verdict[1], verdict[2], verdict[3])
            else:
                break  # "failed": something the scan does not refuse with a message
        raise UnfinishedScanError

    def close(self) -> None:
        """Stop the child if it still runs, and reap it."""
        self._verdicts.close()
        if self._pid is None:
            return
        import signal

        pid, self._pid = self._pid, None
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done == 0:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except ChildProcessError:
            pass

    def __enter__(self) -> ScanAhead:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _scan_into(path: Path, write_end: int) -> None:
    """The child's work: the scan of ``path``, one verdict after another, each a tuple of
    text, numbers and lists in :mod:`marshal`'s format (built in: nothing to import before
    the fork, unlike :mod:`json`)."""
    with os.fdopen(write_end, "wb", buffering=0) as out:

        def send(*verdict: str | int | list[tuple[str, int]] | None) -> None:
            out.write(marshal.dumps(verdict))

        try:
            archive = safety.open_checked(path)
            try:
                rows = safety.check_sheets(
                    archive, is_read, lambda name, n: send("passed", name, n)
                )
            finally:
                archive.close()
            send("done", list(rows.items()))
        except safety.UnsafeFileError as error:
            send("refused", error.code, str(error), error.part)
        except BaseException as error:  # the parent scans again and meets it there
            send("failed", type(error).__name__)
