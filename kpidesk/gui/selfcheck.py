"""``kpidesk selfcheck``'s GUI half: over a main window on a company (a temporary demo one),
build and show every section the registry holds (``gui.sections.SECTIONS`` — whatever it
holds, so a section added later is checked too), render one bonus sheet to PDF and one
chart to PNG, and report each step: what failed and why, never a traceback on the screen.

An exception raised inside a Qt slot never reaches the caller (PySide6 hands it to
``sys.excepthook``), so each step runs with a hook that records it as that step's failure.

Must not: write to the company (the sections are only shown), or open a dialog.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from kpidesk.gui.icons import app_icon, section_icon
from kpidesk.gui.main_window import MainWindow
from kpidesk.gui.section import Section
from kpidesk.services import crash_log

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WINDOW, ICONS, SECTION, PDF, PNG = "window", "icons", "section", "pdf", "png"


@dataclass(frozen=True)
class CheckStep:
    """One step of the self-check: its kind (:data:`WINDOW`, :data:`ICONS`,
    :data:`SECTION`, :data:`PDF`, :data:`PNG`), what it is about (a section's translated
    title, a file written), whether it passed, the error when it failed (for the log and
    support) and its time."""

    kind: str
    subject: str
    ok: bool
    detail: str = ""
    seconds: float = 0.0


@dataclass
class SelfcheckReport:
    """Every step, in the order run."""

    steps: list[CheckStep] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every step passed (and there was at least one)."""
        return bool(self.steps) and all(step.ok for step in self.steps)

    def failures(self) -> list[CheckStep]:
        """The steps that failed."""
        return [step for step in self.steps if not step.ok]


@contextmanager
def _caught(errors: list[BaseException]) -> Iterator[None]:
    """Collect the exceptions that Qt hands to ``sys.excepthook`` meanwhile."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        errors.append(error)

    previous = sys.excepthook
    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous


def _settle(app: QApplication, rounds: int = 3) -> None:
    """Let queued work (single-shot timers, deferred redraws) run."""
    for _ in range(rounds):
        app.processEvents()


def run_step(kind: str, subject: str, work: Callable[[], str]) -> CheckStep:
    """Run ``work`` (which returns the file it wrote or ``""``, or raises) as one step."""
    app = QApplication.instance()
    errors: list[BaseException] = []
    started = time.perf_counter()
    detail = ""
    with _caught(errors):
        try:
            detail = work()
            if isinstance(app, QApplication):
                _settle(app)
        except Exception as raised:
            errors.append(raised)
    seconds = time.perf_counter() - started
    if errors:
        for caught in errors:
            crash_log.record(caught)
        first = errors[0]
        return CheckStep(kind, subject, False, f"{type(first).__name__}: {first}", seconds)
    return CheckStep(kind, subject, True, detail, seconds)


def _visit(window: MainWindow, key: str) -> str:
    """Build and show one section (one the navigation hides from this user is built
    standalone and redrawn)."""
    if key in window.section_keys():
        if not window.show_section(key):
            raise RuntimeError(f"the window did not switch to {key}")
        section = window.section(key)
        if section is None or window.stack.currentWidget() is not section:
            raise RuntimeError(f"section {key} is not shown")
        return ""
    entry = next(entry for entry in window.entries if entry.key == key)
    section = entry.load()(window.context)
    try:
        section.refresh()
    finally:
        section.close()
        section.deleteLater()
    return ""


def _icons(window: MainWindow) -> str:
    missing = [e.key for e in window.entries if e.icon and section_icon(e.icon).isNull()]
    if app_icon().isNull():
        missing.insert(0, "kpidesk")
    if missing:
        raise FileNotFoundError("icons not found: " + ", ".join(missing))
    return ""


def _bonus_pdf(window: MainWindow, folder: Path) -> str:
    from kpidesk.reports.pdf import write_pdf
    from kpidesk.services.bonus_sheets import bonus_batch

    context = window.context
    batch = bonus_batch(context.service, context.period)
    if not batch.employees:
        raise RuntimeError(f"no bonus sheets in {context.period.code}")
    one = dataclasses.replace(batch, employees=batch.employees[:1])
    path = folder / "bonus-sheet.pdf"
    pages = write_pdf(one, path, lang=context.lang)
    if pages != 1 or not path.read_bytes().startswith(b"%PDF"):
        raise RuntimeError(f"{path} is not a one-page PDF ({pages} page(s))")
    return str(path)


def _chart_png(window: MainWindow, folder: Path) -> str:
    charts = [s for s in window.sections if callable(getattr(s, "export_png", None))]
    if not charts:
        raise RuntimeError("no section exports a chart")
    section: Section = charts[0]
    window.show_section(section.key)
    path = folder / "chart.png"
    written = section.export_png(path)  # type: ignore[attr-defined]
    if written is None or not Path(written).read_bytes().startswith(PNG_SIGNATURE):
        raise RuntimeError(f"{path} is not a PNG image")
    return str(path)


def check_window(window: MainWindow, folder: Path) -> SelfcheckReport:
    """Run every step over ``window``; the PDF and the PNG are written into ``folder``."""
    report = SelfcheckReport()
    report.steps.append(run_step(ICONS, "", lambda: _icons(window)))
    for entry in window.entries:
        report.steps.append(run_step(SECTION, entry.title(), partial(_visit, window, entry.key)))
    report.steps.append(run_step(PDF, "", lambda: _bonus_pdf(window, folder)))
    report.steps.append(run_step(PNG, "", lambda: _chart_png(window, folder)))
    return report
