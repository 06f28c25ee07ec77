"""200 bonus sheets of the reference data set to one PDF (SPEC §9 target: ≤ 1 s): the
period is computed once, then the sheets are rendered to a PDF file, timed as a median.
Run bench/generate.py first.

Two floors are measured in the same run, on the same writer (A4, 300 dpi):

- *Qt text*: each sheet's text, wrapped at 100 characters, drawn line by line with
  ``QPainter.drawText`` on its own page (the same characters, no tables, no layout) —
  what Qt needs to write that much text to 200 PDF pages (SPEC §9's "Qt renders 200
  one-page sheets");
- *paint only*: the first sheet laid out once by ``QTextDocument`` and painted on 200
  pages — this design's drawing and PDF writing without any per-sheet work.

    python bench/bench_pdf.py [--period 2026-10] [--runs 7]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from timing import ms, reference_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter, QTextDocument

from kpidesk.core.periods import Period
from kpidesk.reports.headless import gui_application
from kpidesk.reports.pdf import (
    FONT_FAMILY,
    LAYOUT_WIDTH,
    SheetPainter,
    _document,
    pdf_writer,
    write_pdf,
)
from kpidesk.services.bonus_sheets import BonusBatch, bonus_batch
from kpidesk.services.company import CompanyService


def text_floor(lines: list[list[str]], target: Path) -> None:
    """Each sheet's lines of text drawn one per line, one page per sheet."""
    writer = pdf_writer(target, "floor")
    painter = QPainter(writer)
    area = writer.pageLayout().paintRectPixels(writer.logicalDpiX())
    scale = area.width() / LAYOUT_WIDTH
    font = QFont(FONT_FAMILY)
    font.setPixelSize(round(11 * scale))
    painter.setFont(font)
    step = 15 * scale
    for number, page in enumerate(lines):
        if number:
            writer.newPage()
        for row, line in enumerate(page):
            painter.drawText(0, round(step * (row + 1)), line)
    painter.end()
    del writer


def paint_floor(document: QTextDocument, pages: int, target: Path) -> None:
    """One laid-out sheet painted on ``pages`` pages."""
    writer = pdf_writer(target, "floor")
    painter = QPainter(writer)
    area = writer.pageLayout().paintRectPixels(writer.logicalDpiX())
    scale = area.width() / LAYOUT_WIDTH
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.scale(scale, scale)
        document.drawContents(painter, QRectF(0, 0, LAYOUT_WIDTH, area.height() / scale))
        painter.restore()
    painter.end()
    del writer


def sheet_lines(batch: BonusBatch) -> tuple[list[list[str]], QTextDocument]:
    """The text of every sheet, by line, and the first sheet's laid-out document."""
    sheets = SheetPainter(batch).sheets
    lines = []
    for result in batch.employees:
        text = " ".join(sheets.document(result).toPlainText().split())
        lines.append(textwrap.wrap(text, 100))  # one line a table row, roughly
    first = _document()
    first.setHtml(sheets.renderer.html(batch.employees[0]))
    return lines, first


def main() -> int:
    args = reference_args(runs=7)
    app = gui_application()
    from kpidesk.reports.translations import install_translators

    translators = install_translators(app, "ru")
    period = Period.parse(args.period)
    with CompanyService.open(args.db, backup=False) as service:
        batch = bonus_batch(service, period)
    lines, first = sheet_lines(batch)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sheets.pdf"
        floor_file = Path(folder) / "floor.pdf"
        pages: list[int] = []
        actions = {
            "sheets": lambda: pages.append(write_pdf(batch, target)),
            "text": lambda: text_floor(lines, floor_file),
            "paint": lambda: paint_floor(first, len(lines), floor_file),
        }
        samples: dict[str, list[float]] = {name: [] for name in actions}
        for run in range(args.runs + 1):  # interleaved: a noisy minute weighs on all three
            for name, action in actions.items():
                started = time.perf_counter()
                action()
                if run:  # the first round warms up
                    samples[name].append(time.perf_counter() - started)
        seconds, text, paint = (statistics.median(samples[name]) for name in actions)
        size = target.stat().st_size
    print(f"{pages[-1]} sheets to one PDF ({size / 1024:.0f} KiB): median {ms(seconds)}")
    print(f"floor, Qt text (the sheets' text line by line, no layout): {ms(text)}")
    print(f"floor, paint only (one laid-out sheet on every page): {ms(paint)}")
    print(f"ratio: {seconds / text:.2f}× the text floor, {seconds / paint:.2f}× paint only")
    del translators
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
