"""Painting bonus sheets onto a paged device — a ``QPdfWriter`` (Save PDF, the command
line), a ``QPrinter`` (Print…) or the printer of a ``QPrintPreviewDialog`` — A4 portrait,
exactly one page per employee, with a diagonal "ЧЕРНОВИК" (draft) watermark on drafts and
"стр. N из M" (with the company and the period in words) in a band below each page's
content, counting the whole job: the sheets and the pay list's pages.

Each sheet is laid out by ``QTextDocument`` in CSS pixels (794 px = the A4 width at 96 dpi)
and scaled onto the device's printable area; a sheet taller than a page (a long matrix with
the appendix) is laid out wider and scaled down so that it still fits on its one page.
The sheets' documents come from ``reports.sheet_document``, which parses each shape of
sheet once and fills in each employee's texts (the same document ``setHtml`` would give).
On request the pay list's summary sheet (``reports.pay_list_sheet``, SPEC §7) follows the
sheets, paginated at the page height with its header row repeated; it is a draft while
the period is open or a sheet is incomplete.
QtGui only (no widgets), so that it also runs in a worker thread and headless.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from kpidesk.core.results import EmployeeResult, Status
from kpidesk.reports.bonus_sheet import SheetRenderer, stylesheet
from kpidesk.reports.pay_list_sheet import pay_list_html
from kpidesk.reports.period_words import page_of, period_in_words
from kpidesk.reports.sheet_document import SheetDocuments
from kpidesk.reports.sheet_text import translate
from kpidesk.services.bonus_sheets import BonusBatch
from kpidesk.services.errors import UserError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

LAYOUT_WIDTH = 794.0 - 2 * 57.0  # CSS px: A4 at 96 dpi less two 15 mm margins
MARGINS_MM = QMarginsF(15, 12, 15, 12)
FONT_FAMILY = "DejaVu Sans"
FOOTER_SHARE = 0.03  # of the page height: the band of "стр. N из M" below the content


def a4_layout() -> QPageLayout:
    """A4 portrait with the sheet's margins."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


class SheetPainter:
    """Paints the sheets of a batch, one page each."""

    def __init__(self, batch: BonusBatch, *, lang: str = "ru", appendix: bool = False) -> None:
        self.batch = batch
        self.lang = lang
        self.appendix = appendix
        self.renderer = SheetRenderer(batch, lang=lang, appendix=appendix)
        # a parsed document per shape of sheet, each sheet's texts filled in
        # (reports.sheet_document): the HTML is not parsed again for every sheet
        self.sheets = SheetDocuments(self.renderer, _document, LAYOUT_WIDTH)
        self.watermark = translate("BonusSheet", "DRAFT")
        self.watermark_font = QFont(FONT_FAMILY)
        self.watermark_font.setBold(True)
        self.footer_font = QFont(FONT_FAMILY)
        self.footer_text = f"{batch.company} · {period_in_words(batch.period)}"

    def paint(
        self,
        device: QPagedPaintDevice,
        results: tuple[EmployeeResult, ...] | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        summary: bool = False,
    ) -> int:
        """Paint ``results`` (default: the whole batch) onto ``device``; returns the pages.

        Stops early, returning the pages painted so far, when ``cancelled()`` turns true.
        ``summary`` adds the pay list of the batch after the sheets.

        Raises:
            UserError: the device cannot be painted on (e.g. the file is not writable).
        """
        chosen = self.batch.employees if results is None else results
        painter = QPainter()
        if not painter.begin(device):
            raise UserError.of("print_failed", "cannot start printing (is the file writable?)")
        pages = 0
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            area = device.pageLayout().paintRectPixels(device.logicalDpiX())
            width, full_height = float(area.width()), float(area.height())
            height = full_height * (1 - FOOTER_SHARE)  # the footer's band below the content
            listing = self._summary_document(width, height) if summary else None
            total = len(chosen) + (listing.pageCount() if listing is not None else 0)
            for number, result in enumerate(chosen):
                if cancelled is not None and cancelled():
                    break
                if number:
                    device.newPage()
                self._paint_sheet(painter, result, width, height)
                pages += 1
                self._footer(painter, width, full_height, pages, total)
                if progress is not None:
                    progress(pages, len(chosen))
            if listing is not None and not (cancelled is not None and cancelled()):
                pages += self._paint_summary(
                    device, painter, listing, (width, height, full_height), pages, total
                )
        finally:
            painter.end()
        return pages

    def _summary_document(self, width: float, height: float) -> QTextDocument:
        """The pay list laid out in pages of the device's proportions."""
        document = _document()
        document.setHtml(pay_list_html(self.batch, lang=self.lang))
        document.setPageSize(QSizeF(LAYOUT_WIDTH, LAYOUT_WIDTH * height / width))
        return document

    def _paint_summary(
        self,
        device: QPagedPaintDevice,
        painter: QPainter,
        document: QTextDocument,
        size: tuple[float, float, float],
        before: int,
        total: int,
    ) -> int:
        """The pay list on as many pages as it needs, after ``before`` pages; returns
        their number."""
        width, height, full_height = size
        page_height = document.pageSize().height()
        scale = width / LAYOUT_WIDTH
        draft = not self.batch.locked or any(
            result.status is Status.INCOMPLETE for result in self.batch.employees
        )
        count = document.pageCount()
        for page in range(count):
            if page or before:
                device.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * page_height)
            document.drawContents(painter, QRectF(0, page * page_height, LAYOUT_WIDTH, page_height))
            painter.restore()
            if draft:
                self._watermark(painter, width, height)
            self._footer(painter, width, full_height, before + page + 1, total)
        return count

    def _footer(
        self, painter: QPainter, width: float, height: float, page: int, pages: int
    ) -> None:
        """ "стр. N из M" at the bottom right of the page, the company and period at left."""
        painter.save()
        font = self.footer_font
        font.setPixelSize(max(int(width / 90), 1))
        painter.setFont(font)
        painter.setPen(QColor(90, 90, 90))
        band = QRectF(0, height * (1 - FOOTER_SHARE * 0.8), width, height * FOOTER_SHARE * 0.8)
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(band, Qt.AlignmentFlag.AlignRight | middle, page_of(page, pages))
        painter.drawText(band, Qt.AlignmentFlag.AlignLeft | middle, self.footer_text)
        painter.restore()

    def _paint_sheet(
        self, painter: QPainter, result: EmployeeResult, width: float, height: float
    ) -> None:
        document = self.sheets.document(result)  # laid out at LAYOUT_WIDTH
        layout_width = LAYOUT_WIDTH
        page_ratio = height / width
        for _ in range(4):  # too tall: lay out wider (smaller once scaled) until it fits
            needed = document.size().height() / (layout_width * page_ratio)
            if needed <= 1.0:
                break
            layout_width *= needed**0.5 * 1.02
            document.setTextWidth(layout_width)
        scale = min(width / layout_width, height / max(document.size().height(), 1.0))
        painter.save()
        painter.scale(scale, scale)
        document.drawContents(painter, QRectF(0, 0, layout_width, height / scale))
        painter.restore()
        if self.batch.is_draft(result):
            self._watermark(painter, width, height)

    def _watermark(self, painter: QPainter, width: float, height: float) -> None:
        painter.save()
        font = self.watermark_font
        font.setPixelSize(max(int(width / 7), 1))
        painter.setFont(font)
        painter.setPen(QColor(200, 40, 40, 60))
        painter.translate(width / 2, height / 2)
        painter.rotate(-50)
        box = QRectF(-width, -height / 6, 2 * width, height / 3)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.watermark)
        painter.restore()


def _document() -> QTextDocument:
    """A document for the sheets: the default font and the print stylesheet set (and
    parsed) once; each sheet is a ``setHtml`` into it."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setUndoRedoEnabled(False)  # setHtml would record every insertion
    font = QFont(FONT_FAMILY)
    font.setPixelSize(12)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(stylesheet())
    document.setTextWidth(LAYOUT_WIDTH)
    return document


def pdf_writer(path: Path, title: str) -> QPdfWriter:
    """A ``QPdfWriter`` for A4 sheets at 300 dpi (enough for text, small files)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(a4_layout())
    writer.setTitle(title)
    writer.setCreator("kpidesk")
    return writer


def write_pdf(
    batch: BonusBatch,
    path: Path,
    *,
    lang: str = "ru",
    appendix: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    summary: bool = False,
) -> int:
    """Write the batch's sheets to one PDF, one page per employee, and with ``summary``
    the pay list after them; returns the pages.

    A cancelled batch leaves no file behind (0 is returned).

    Raises:
        UserError: the file cannot be written.
    """
    path = Path(path)
    if path.parent and not path.parent.is_dir():
        raise UserError.of(
            "folder_missing",
            f"cannot write {path}: the folder {path.parent} does not exist",
            file=path,
            folder=path.parent,
        )
    title = translate("BonusSheet", "Bonus sheets %1").replace("%1", batch.period.code)
    writer = pdf_writer(path, title)
    painter = SheetPainter(batch, lang=lang, appendix=appendix)
    try:
        pages = painter.paint(writer, progress=progress, cancelled=cancelled, summary=summary)
    except UserError:
        raise UserError.of(
            "file_busy", f"cannot write {path} (is it open in another program?)", file=path
        ) from None
    finally:
        del writer  # flushes and closes the file
    if cancelled is not None and cancelled():
        path.unlink(missing_ok=True)
        return 0
    return pages
