"""The laid-out ``QTextDocument`` of each bonus sheet, filled rather than parsed.

Parsing a sheet's HTML (``setHtml``) costs about as much as laying it out, and the sheets
of a batch differ only in their texts. So :class:`SheetDocuments` parses each *shape* of
sheet once (``SheetRenderer.shape``: the sheet's HTML with a placeholder for every
per-employee text; usually one shape per batch) and puts each sheet's texts into that
document with a ``QTextCursor``, replacing only the texts that differ from the previous
sheet of the shape. Each text takes the character format of the placeholder it
replaces, which is the format the parser gives the text itself, so the filled document
equals the parsed one (``tests/unit/reports/test_reports_sheet_document.py`` compares
their ``toHtml()`` sheet by sheet) and the page looks the same.

That holds only for text the HTML parser keeps as it is. A text that it would change —
leading, trailing or repeated spaces, tabs, line breaks and other white space (it
collapses them), control or Qt's internal characters — sends its sheet down the
``setHtml`` path, as does a shape whose placeholders cannot be found exactly once each.

Must not: change a sheet's text or look; QtGui only (no widgets).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from PySide6.QtGui import QTextCursor, QTextDocument

from kpidesk.core.results import EmployeeResult
from kpidesk.reports.bonus_sheet import PLACEHOLDER_BASE, PLACEHOLDER_MARK, SheetRenderer

# white space other than a single inner space or a no-break space (the parser collapses
# it), C0 controls, Qt's paragraph, frame and object characters, and non-characters
_UNSAFE = re.compile(
    "^ | $|  |[^\\S \u00a0]|[\x00-\x1f\x7f\u2028\u2029\ufdd0-\ufdef\ufeff\ufff0-\uffff]"
)
_TOKEN = re.compile(f"{PLACEHOLDER_MARK}([{chr(PLACEHOLDER_BASE)}-\uf8ff])")
SHAPES_KEPT = 32  # parsed shapes kept per batch (each is one small document)
SEEN_KEPT = 4096  # shapes remembered as seen once
_KEEP = QTextCursor.MoveMode.KeepAnchor


def _utf16_length(text: str) -> int:
    """Document positions count UTF-16 code units, not Python characters."""
    if text.isascii() or max(text) <= "\uffff":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


class _FilledShape:
    """One parsed shape and where each of its texts sits now (in document order)."""

    def __init__(self, document: QTextDocument, slots: list[int], starts: list[int]) -> None:
        self.document = document
        self.cursor = QTextCursor(document)
        self.slots = slots  # the slot number of each text, in document order
        self.starts = starts  # the texts' positions in the document
        self.values = [f"{PLACEHOLDER_MARK}{chr(PLACEHOLDER_BASE + slot)}" for slot in slots]
        self.lengths = [2] * len(slots)

    def fill(self, texts: list[str]) -> bool:
        """Put ``texts`` (escaped, in slot order) in place; ``False``, with the document
        unchanged, when one of the changed texts is not safe to insert as it is."""
        values = self.values
        new: list[str] = []
        changed: list[int] = []
        for index, slot in enumerate(self.slots):
            text = texts[slot]
            if "&" in text:
                text = unescape(text)
            if text != values[index]:
                if _UNSAFE.search(text):
                    return False
                changed.append(index)
            new.append(text)
        if not changed:
            return True
        cursor, starts, lengths = self.cursor, self.starts, self.lengths
        cursor.beginEditBlock()  # one relayout for the sheet, not one per text
        for index in reversed(changed):  # from the end: earlier positions stay valid
            start = starts[index]
            cursor.setPosition(start)
            cursor.setPosition(start + lengths[index], _KEEP)
            cursor.insertText(new[index])  # in the replaced text's character format
        cursor.endEditBlock()
        shift = 0
        first = changed[0]
        for index in range(first, len(starts)):  # each text moves by the changes before it
            starts[index] += shift
            if new[index] != values[index]:
                length = _utf16_length(new[index])
                shift += length - lengths[index]
                lengths[index] = length
        self.values = new
        return True


class SheetDocuments:
    """The documents of one batch's sheets: one filled document per shape, and one
    ``setHtml`` document for the sheets that cannot be filled."""

    def __init__(
        self, renderer: SheetRenderer, make_document: Callable[[], QTextDocument], width: float
    ) -> None:
        self.renderer = renderer
        self.make_document = make_document
        self.width = width
        self._shapes: dict[str, _FilledShape | None] = {}
        self._seen: set[str] = set()  # shapes met once, not parsed yet
        self._parsed: QTextDocument | None = None
        self.filled = 0  # sheets filled, for the tests and the bench
        self.parsed = 0  # sheets parsed from their HTML

    def document(self, result: EmployeeResult) -> QTextDocument:
        """The sheet of ``result`` laid out at the batch's width."""
        shape = self.renderer.shape(result)
        if shape is not None:
            html, texts = shape
            if html in self._shapes:
                filled = self._shapes[html]
            elif self._seen_before(html):
                filled = self._parse_shape(html, texts)
            else:  # parsed when it comes back: a sheet of its own shape costs one setHtml
                filled = None
            if filled is not None:
                document = filled.document
                if document.textWidth() != self.width:  # widened for a too-tall sheet
                    document.setTextWidth(self.width)
                if filled.fill(texts):
                    self.filled += 1
                    return document
        return self._parse(result)

    def _seen_before(self, html: str) -> bool:
        if html in self._seen:
            self._seen.discard(html)
            return True
        if len(self._seen) >= SEEN_KEPT:
            self._seen.clear()
        self._seen.add(html)
        return False

    def _parse(self, result: EmployeeResult) -> QTextDocument:
        document = self._parsed
        if document is None:
            document = self._parsed = self.make_document()
        if document.textWidth() != self.width:  # before setHtml: one layout, not two
            document.setTextWidth(self.width)
        document.setHtml(self.renderer.html(result))
        self.parsed += 1
        return document

    def _parse_shape(self, html: str, texts: list[str]) -> _FilledShape | None:
        """Parse a shape and find each placeholder; ``None`` (remembered) when they are
        not there exactly once each (a constant text holding one, say)."""
        if len(self._shapes) >= SHAPES_KEPT:
            del self._shapes[next(iter(self._shapes))]
        document = self.make_document()
        document.setTextWidth(self.width)
        document.setHtml(html)
        raw = document.toRawText()
        wide = not raw.isascii() and max(raw) > "\uffff"
        slots: list[int] = []
        starts: list[int] = []
        for match in _TOKEN.finditer(raw):
            slots.append(ord(match.group(1)) - PLACEHOLDER_BASE)
            start = match.start()
            starts.append(_utf16_length(raw[:start]) if wide else start)
        expected = [slot for slot, text in enumerate(texts) if text]
        filled = _FilledShape(document, slots, starts) if sorted(slots) == expected else None
        self._shapes[html] = filled
        return filled
