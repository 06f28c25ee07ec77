"""Measuring the grid a sheet makes, for the safety scan of :mod:`kpidesk.io.safety`
(SPEC §8): :func:`sheet_extent` streams a sheet's XML and refuses it beyond the limits.

python-calamine builds a *dense* grid from the extreme cell references of a sheet: one cell
at ``XFD1048576`` (in any spelling: ``xfd1048576``, ``r = "…"``, a tab before ``r``, four
column letters) makes it ask for terabytes and abort the whole process, and one cell at
``Z460000`` costs 390 MB. Every ``<row>``, ``<c>`` and ``<dimension>`` counts, cells
without a reference take the position after the previous one (OOXML's rule), and a sheet
beyond :data:`MAX_ROWS` rows, column XFD or :data:`MAX_CELLS` cells is refused.

Speed: calling Python for each of the ~700 000 elements of the reference workbook would
cost 0.6 s, more than calamine's own parse. So the parser runs without element handlers
(it still checks every byte), and the cell and row references are counted by byte patterns
on the same chunks, cut at a ``<`` so that no tag is split
(:func:`~kpidesk.io.xml_stream_checks.markup_aligned`). That count is trusted only when
*every* ``<c``/``<row``/``<dimension`` tag of the part starts with its reference in the
canonical spelling that Excel, LibreOffice and openpyxl write (``<c r="AB12"``) — the parser
has checked the XML is well-formed, so such a tag cannot hide in an attribute. Any other
spelling sends the part to the exact measure: a second pass with the parser's element
handler, which reads the attributes as any XML reader does.

The byte patterns alone are not enough, so the parser's pass must end before
python-calamine sees the sheet, not later: a second reference after a canonical one
(``<c r="A1" r="XFD1048576">``, spaced or not) is invisible to them, and python-calamine
takes the last one and aborts the process asking for the whole grid; only the parser,
which refuses a repeated attribute, stops it (``tests/unit/io/attacks.py``).

Must not: import :mod:`kpidesk.io.safety` (which imports this module), open or check the zip
as a whole, or know the workbook's structure (which parts are sheets, what the relations
say) — those are :mod:`kpidesk.io.safety`'s; the XML streaming itself (well-formed UTF-8, no
DTD, sizes as declared) is :mod:`kpidesk.io.xml_stream_checks`'.
"""

from __future__ import annotations

import re
import zipfile
from collections import namedtuple

from kpidesk.io.xml_stream_checks import UnsafeFileError, XmlStream, feeding, markup_aligned

MAX_ROWS = 1_048_576  # Excel's own limit
MAX_COLUMNS = 16_384  # column XFD, Excel's own limit
# rows × columns of the dense grid calamine allocates (32 bytes a cell: 64 MB), and the
# number of cells a sheet may hold; 13 times the 154 000 cells of the reference daily sheet
MAX_CELLS = 2_000_000

# The canonical spelling (fast path): the reference first, double quotes, 1–3 letters and
# 1–7 digits. A tag named c, row or dimension (any case) spelled otherwise is a deviation.
_DEVIATION = re.compile(
    rb'<(?:c(?! r="[A-Za-z]{1,3}[0-9]{1,7}")'
    rb'|row(?! r="[0-9]{1,7}")'
    rb'|dimension(?! ref="[A-Za-z]{1,3}[0-9]{1,7}(?::[A-Za-z]{1,3}[0-9]{1,7})?"))'
    rb"[\s/>]"
)
# a c or row tag in another case (<C>, <Row>) is unusual too; <DIMENSION> is measured
# anyway (its pattern ignores case)
_ODD_CASE = re.compile(rb"<(?:C|R[Oo][Ww]|r(?:O[Ww]|oW))")
# a tag with a namespace prefix (x:c): legal, unusual, measured exactly
_PREFIXED = re.compile(rb":(?:c|row|dimension)[\s/>]", re.IGNORECASE)
# Quick test of a piece: every c and row tag canonical *and* within row 99 999 and column T
# (then the grid is at most 99 999 × 20 cells, within MAX_CELLS, and needs no closer
# measure). Patterns that start with a literal are several times faster to search.
# One search for all of it (an odd case, a <dimension> in any case, a cell or row beyond):
# one pass over the piece instead of seven (issue 17).
_NOT_NEAR = re.compile(
    rb'<(?:c(?! r="[A-Ta-t][0-9]{1,5}")[\s/>]|row(?! r="[0-9]{1,5}")[\s/>]'
    rb"|C|R[Oo][Ww]|r(?:O[Ww]|oW)|[Dd][Ii][Mm][Ee][Nn][Ss][Ii][Oo][Nn])"
)
_NEAR_ROWS, _NEAR_COLUMNS = 99_999, 20
_CELL_ROW = re.compile(rb'<c r="[A-Za-z]{1,3}([0-9]{1,7})"')
_CELL_COLUMN = re.compile(rb'<c r="([A-Za-z]{1,3})[0-9]{1,7}"')
_ROW_REF = re.compile(rb'<row r="([0-9]{1,7})"')
_DIMENSION_REF = re.compile(rb'<dimension ref="([A-Za-z0-9:]{1,21})"', re.IGNORECASE)
_REFERENCE = re.compile(r"([A-Za-z]*)([0-9]*)")


class SheetExtent(namedtuple("SheetExtent", "rows columns row_elements cells", defaults=(0,))):
    """An upper bound of a sheet's grid, its cells and the number of ``<row>`` elements (a
    named tuple, not a dataclass: the scan is imported before its child process forks,
    ``io.scan_ahead``, and :mod:`dataclasses` would delay the fork ≈ 8 ms, issue 17)."""

    __slots__ = ()


def column_number(letters: str | bytes) -> int:
    """``A`` → 1, ``xfd`` → 16 384 (any case)."""
    text = letters.decode("ascii") if isinstance(letters, bytes) else letters
    number = 0
    for letter in text.upper():
        number = number * 26 + (ord(letter) - 64)
    return number


def _too_large(part: str, rows: int, columns: int, cells: int) -> UnsafeFileError | None:
    if rows > MAX_ROWS:
        return UnsafeFileError(
            "sheet_too_large",
            f"refused: the part {part} has rows up to {rows} (limit {MAX_ROWS})",
            part,
        )
    if columns > MAX_COLUMNS:
        return UnsafeFileError(
            "sheet_too_large",
            f"refused: the part {part} has columns beyond XFD (column {columns}, "
            f"limit {MAX_COLUMNS})",
            part,
        )
    if rows * columns > MAX_CELLS:
        return UnsafeFileError(
            "sheet_too_large",
            f"refused: the part {part} spans {rows} rows × {columns} columns "
            f"(limit {MAX_CELLS} cells)",
            part,
        )
    if cells > MAX_CELLS:
        return UnsafeFileError(
            "sheet_too_large",
            f"refused: the part {part} has more than {MAX_CELLS} cells",
            part,
        )
    return None


def sheet_extent(archive: zipfile.ZipFile, part: str) -> SheetExtent:
    """Measure a sheet's grid (streaming its XML) and refuse it beyond the limits.

    Raises:
        UnsafeFileError: the sheet is damaged, declares a DTD, or is too large.
    """
    xml = XmlStream(part)
    unusual = near = False
    cells = row_elements = rows = columns = 0
    for piece in markup_aligned(feeding(archive, part, xml), part):
        if unusual:
            continue  # the exact measure below reads the part again; here only the parser
        if not (_NOT_NEAR.search(piece) or _PREFIXED.search(piece)):
            near = True  # every reference here is within 99 999 rows × 20 columns
            cells += piece.count(b'<c r="')
            row_elements += piece.count(b'<row r="')
            if cells > MAX_CELLS:
                raise _too_large(part, 0, 0, cells) or AssertionError
            continue
        if _ODD_CASE.search(piece) or _DEVIATION.search(piece) or _PREFIXED.search(piece):
            unusual = True  # <C>, <x:c>, a tab before r, r='…', no r, …: measure exactly
            continue
        cells += piece.count(b'<c r="')
        row_elements += piece.count(b'<row r="')
        # canonical: the exact maxima of the references written in this piece
        found = _CELL_ROW.findall(piece) + _ROW_REF.findall(piece)
        rows = max(rows, max(map(int, found), default=0))
        letters = set(_CELL_COLUMN.findall(piece))
        columns = max(columns, max(map(column_number, letters), default=0))
        for ref in _DIMENSION_REF.findall(piece):
            for end in ref.split(b":"):
                row, column = _reference(end.decode("ascii"), part)
                rows, columns = max(rows, row), max(columns, column)
        refused = _too_large(part, rows, columns, cells)
        if refused is not None:
            raise refused
    xml.close()
    if near:
        rows, columns = max(rows, _NEAR_ROWS), max(columns, _NEAR_COLUMNS)
        if _too_large(part, rows, columns, cells) is not None:
            unusual = True  # the bound is too rough to decide: measure exactly
    if unusual:
        return _exact_extent(archive, part)
    return SheetExtent(rows, columns, row_elements, cells)


def _reference(text: str, part: str) -> tuple[int, int]:
    """(row, column) of a reference such as ``AB12``, ``ab12``, ``AB`` or ``12`` (0 for a
    missing part); a malformed one is refused."""
    match = _REFERENCE.fullmatch(text)
    if match is None or not text:
        raise UnsafeFileError(
            "damaged",
            f"the workbook is damaged: the part {part} has a malformed cell reference "
            f"{text[:40]!r}",
            part,
        )
    column_text, row_text = match[1], match[2]
    # beyond the limits already: no need to compute them (and no 5 000-digit integers)
    row = int(row_text) if len(row_text) <= 8 else MAX_ROWS + 1
    column = column_number(column_text) if len(column_text) <= 4 else MAX_COLUMNS + 1
    return row, column


def _exact_extent(archive: zipfile.ZipFile, part: str) -> SheetExtent:
    """The last row and column in use, read by the parser's element handler, following
    OOXML's rule that a row or cell without a reference follows the previous one."""
    state = {"row": 0, "column": 0, "rows": 0, "columns": 0, "cells": 0, "row_elements": 0}
    xml = XmlStream(part)

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(":")[2].lower()
        if local == "c":
            state["cells"] += 1
            reference = attrs.get("r")
            if reference is None:
                state["column"] += 1
                state["rows"] = max(state["rows"], state["row"] or 1)
            else:
                row, column = _reference(reference, part)
                state["column"] = column or state["column"] + 1
                state["rows"] = max(state["rows"], row or state["row"] or 1)
            state["columns"] = max(state["columns"], state["column"])
        elif local == "row":
            state["row_elements"] += 1
            reference = attrs.get("r")
            if reference is None:
                state["row"] += 1
            else:
                row, _ = _reference(reference, part)
                state["row"] = row
            state["column"] = 0
            state["rows"] = max(state["rows"], state["row"])
        elif local == "dimension":
            for end in attrs.get("ref", "").split(":"):
                if end:
                    row, column = _reference(end, part)
                    state["rows"] = max(state["rows"], row)
                    state["columns"] = max(state["columns"], column)
        else:
            return
        refused = _too_large(part, state["rows"], state["columns"], state["cells"])
        if refused is not None:
            raise refused

    xml.parser.StartElementHandler = start
    for _ in feeding(archive, part, xml):
        pass
    xml.close()
    return SheetExtent(state["rows"], state["columns"], state["row_elements"], state["cells"])
