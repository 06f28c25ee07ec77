"""python-calamine loading the sheets in worker threads while the safety scan and the row
conversion run (issue 17: a 3-year workbook imported in ≤ 0.6 s, SPEC §9).

python-calamine releases the GIL while it parses a sheet (≈ 0.1 s for each of the two
large sheets of the reference workbook), and the scan (``io.safety``) and the conversion of
the rows (``io.bulk``) are Python: so the daily sheet is parsed while the facts sheet is
scanned, and the facts sheet while the daily rows are converted, on a second core. Two
threads parse (:data:`WORKERS`): when the scan runs in a child process
(``io.scan_ahead``), the facts sheet passes while the daily sheet is still being parsed,
and waiting for the first thread would leave the reader idle.

Must keep SPEC §8's order, which is why the threads wait to be told: the workbook is opened
only once every part but the sheets has passed the scan (when the first large sheet
passes, or when the scan ends: the sheets are scanned last), and a sheet is parsed only
once all its parts have passed (:meth:`SheetLoader.passed`) — python-calamine never sees a
part the scan has not accepted. It parses ahead only while the parsed sheets waiting for
the reader hold few cells (:data:`AHEAD_CELLS`), so memory stays bounded. What the reader
sees is what it saw when it called python-calamine itself: the same sheets and, for a
sheet python-calamine cannot read, the same error, raised by :meth:`SheetLoader.take`.

The reference path (``threaded=False``) parses each sheet when it is taken, in the
reader's thread; ``tests/unit/io/test_perf_sheet_loader.py`` compares the two.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

# parse further ahead only while the sheets waiting for the reader hold at most this many
# cells (≈ 16 MB of python-calamine's grid): with the sheet being read and the ones being
# parsed (each within ``sheet_extent.MAX_CELLS``), at most 6.5 M cells are held at once
AHEAD_CELLS = 500_000
# the threads are woken when a sheet of at least this many rows passes (or the scan ends):
# the small sheets before it are parsed in the same go, so that the threads hand the GIL
# to each other a few times per workbook, not a few times per sheet (which costs a
# scheduler's time slice each on a busy machine)
LARGE_ROWS = 2_000
# sheets parsed at once, each by its own thread with its own workbook (python-calamine's
# workbook parses one sheet at a time): the facts sheet passes the scan while the daily
# sheet is being parsed, and the reader then waits for neither (a second core)
WORKERS = 2


class SheetLoader:
    """Sheets parsed ahead, in the order the scan passes them; the caller closes it."""

    def __init__(self, path: Path, *, threaded: bool = True, workers: int | None = None) -> None:
        self._path = str(path)
        self._threaded = threaded
        self._lock = threading.Condition()
        self._go = False  # a large sheet passed, or the scan ended: the threads may work
        self._ended = False  # the scan ended (every sheet to read has passed)
        self._order: list[str] = []  # the sheets passed, in order
        self._next = 0  # the index in ``_order`` of the next sheet a thread parses
        self._loaded: dict[str, tuple[Any, BaseException | None]] = {}
        self._taken = 0  # sheets handed to the reader
        self._stopped = False  # closed, or a sheet failed: parse nothing more
        self._workbook: Any = None  # the first thread's (and the reader's, unthreaded)
        self._workbooks: list[Any] = []  # every workbook opened, to close
        self._open_error: BaseException | None = None
        self._opened = threading.Event()
        self._threads: list[threading.Thread] = []
        if threaded:
            for index in range(max(1, WORKERS if workers is None else workers)):
                thread = threading.Thread(
                    target=self._run, args=(index == 0,), name=f"kpidesk-sheets-{index}"
                )
                thread.daemon = True
                self._threads.append(thread)
                thread.start()

    # --- told by the scan --------------------------------------------------------------
    def passed(self, name: str, rows: int = LARGE_ROWS) -> None:
        """Every part but the sheets, and every part of sheet ``name`` (``rows`` ``<row>``
        elements), have passed: it may be parsed."""
        with self._lock:
            self._order.append(name)
            if rows >= LARGE_ROWS:
                self._go = True
                self._lock.notify_all()

    def ended(self) -> None:
        """The scan has passed every sheet to be read."""
        with self._lock:
            self._go = self._ended = True
            self._lock.notify_all()

    # --- asked by the reader -----------------------------------------------------------
    def workbook(self) -> Any:
        """The open workbook (waits for it), once the scan has ended.

        Raises:
            BaseException: what ``CalamineWorkbook.from_path`` raised.
        """
        if not self._threaded:
            if self._workbook is None and self._open_error is None:
                self._open_first()
        else:
            if not self._ended:
                self.ended()
            self._opened.wait()
        if self._open_error is not None:
            raise self._open_error
        return self._workbook

    def take(self, name: str) -> Any:
        """The parsed sheet ``name``, the next in the order passed (waits for it).

        Raises:
            BaseException: what ``get_sheet_by_name`` raised for it.
        """
        workbook = self.workbook()
        if not self._threaded:
            return workbook.get_sheet_by_name(name)
        with self._lock:
            assert self._order[self._taken] == name, (self._order, name)
            self._taken += 1
            self._lock.notify_all()  # a thread held back by the sheets waiting may go on
            while name not in self._loaded:
                if not any(thread.is_alive() for thread in self._threads):
                    raise RuntimeError(f"the sheet {name!r} was not loaded")
                self._lock.wait(0.1)
            sheet, error = self._loaded.pop(name)
        if error is not None:
            raise error
        return sheet

    def close(self) -> None:
        """Stop the threads (after the sheets they may be parsing) and close the
        workbooks."""
        with self._lock:
            self._stopped = True
            self._lock.notify_all()
        for thread in self._threads:
            thread.join()
        self._loaded.clear()
        for workbook in self._workbooks:
            workbook.close()
        self._workbooks.clear()
        self._workbook = None

    # --- the threads -------------------------------------------------------------------
    def _held(self) -> int:
        """The cells of the parsed sheets waiting for the reader (under the lock)."""
        return sum(
            sheet.height * sheet.width for sheet, _ in self._loaded.values() if sheet is not None
        )

    def _open(self) -> Any:
        """A new workbook of the file (each thread parses with its own).

        Raises:
            BaseException: what ``CalamineWorkbook.from_path`` raised.
        """
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_path(self._path)
        with self._lock:
            self._workbooks.append(workbook)
        return workbook

    def _open_first(self) -> None:
        try:
            self._workbook = self._open()
        except BaseException as error:  # calamine's own errors, a Rust panic: the reader's
            self._open_error = error

    def _run(self, first: bool) -> None:
        with self._lock:
            while not (self._go or self._stopped):
                self._lock.wait()
        if first:
            if not self._stopped:
                self._open_first()
            self._opened.set()
            workbook = self._workbook
        else:
            self._opened.wait()
            workbook = None  # opened when this thread first has a sheet to parse
        if self._open_error is not None or self._stopped:
            return
        while True:
            with self._lock:
                # the next sheet passed, while the parsed sheets waiting for the reader
                # hold few cells (or none waits)
                while not self._stopped:
                    if self._next >= len(self._order):
                        self._go = self._ended  # sleep until the next large sheet passes
                        if self._go:
                            return  # every sheet is parsed or being parsed
                        while not (self._go or self._stopped):
                            self._lock.wait()
                        continue
                    if self._next > self._taken and self._held() > AHEAD_CELLS:
                        self._lock.wait()
                        continue
                    break
                if self._stopped:
                    return
                name = self._order[self._next]
                self._next += 1
            try:
                if workbook is None:
                    workbook = self._open()
                found: tuple[Any, BaseException | None] = (
                    workbook.get_sheet_by_name(name),
                    None,
                )
            except BaseException as error:  # handed to the reader, which decides
                found = (None, error)
            with self._lock:
                self._loaded[name] = found
                if found[1] is not None:
                    self._stopped = True  # the reader stops at this sheet
                self._lock.notify_all()
            if found[1] is not None:
                return
