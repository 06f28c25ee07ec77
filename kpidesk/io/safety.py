"""Refusing hostile or unreadable files before any parser sees them (SPEC §8).

Checks, in order: the file is a zip (an old binary ``.xls``, a CSV or any other file gets a
clear message); it has ``xl/workbook.xml``; the uncompressed sizes stay under a total limit
and no member is a zip bomb (a very high compression ratio on a large member); no XML part
declares a DTD (that is where entity-expansion attacks live — a workbook never needs one);
and each sheet we are about to load stays under a row and cell limit.

The last check matters because python-calamine builds a *dense* grid from the extreme cell
references of a sheet: two cells at ``A1`` and ``XFD1048576`` make it ask for hundreds of
gigabytes and abort the whole process. So the sheet XML is scanned (decompressing it once,
about 15 ms for 22 000 rows, plus a regex over the cell references) for references with
large row numbers or columns beyond ``Z``, before calamine loads it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_TOTAL_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 200
RATIO_CHECK_ABOVE = 10 * 1024 * 1024
MAX_ROWS = 1_100_000
MAX_CELLS = 12_000_000  # rows × columns of the dense grid calamine allocates
_CHUNK = 1 << 22

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A cell/row reference with a column of two or three letters, or a row of six digits or more:
# the only ones that can make the grid large. Rare in ordinary sheets, so the list stays short.
_BIG_REF = re.compile(rb' r="([A-Z]{2,3}\d+|[A-Z]?\d{6,})"')
_REF = re.compile(rb"([A-Z]*)(\d+)")
_SHEET = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*?)(/?)>")
_R_ATTR = re.compile(rb'\br=["\']([A-Z]*)(\d*)["\']')


class UnsafeFileError(Exception):
    """The file is refused; ``str(error)`` is the message for the user."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class SheetExtent:
    """An upper bound of a sheet's grid and the number of ``<row>`` elements."""

    rows: int
    columns: int
    row_elements: int


def open_checked(path: Path) -> zipfile.ZipFile:
    """Open ``path`` as an .xlsx zip after the whole-file checks; the caller closes it.

    Raises:
        UnsafeFileError: the file is missing, not an .xlsx workbook, or a possible zip bomb.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise UnsafeFileError("file_unreadable", f"cannot open the file: {error}") from None
    if head.startswith(_OLE_MAGIC) or path.suffix.lower() == ".xls":
        raise UnsafeFileError(
            "old_excel_format",
            "this is an old Excel 97–2003 workbook (.xls); open it in Excel or LibreOffice "
            "and save it as an Excel workbook (.xlsx)",
        )
    if not zipfile.is_zipfile(path):
        if path.suffix.lower() in (".csv", ".txt"):
            raise UnsafeFileError(
                "csv_not_supported",
                "this is a text (CSV) file; open it in Excel or LibreOffice and save it as "
                "an Excel workbook (.xlsx)",
            )
        raise UnsafeFileError("not_xlsx", "not an Excel workbook (.xlsx)")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise UnsafeFileError("not_xlsx", "not an Excel workbook (.xlsx)") from None
    try:
        _check_members(archive)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_members(archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names:
        if "mimetype" in names and "content.xml" in names:
            raise UnsafeFileError(
                "ods_not_supported",
                "this is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)",
            )
        raise UnsafeFileError("not_xlsx", "not an Excel workbook (.xlsx): no xl/workbook.xml")
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECK_ABOVE and ratio > MAX_RATIO:
            raise UnsafeFileError(
                "zip_bomb",
                f"refused as a possible zip bomb: {info.filename} expands {ratio:.0f} times "
                f"to {info.file_size // (1024 * 1024)} MiB",
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise UnsafeFileError(
            "zip_bomb",
            f"refused as a possible zip bomb: the workbook expands to {total // (1024 * 1024)} "
            f"MiB (limit {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MiB)",
        )


def _stream(archive: zipfile.ZipFile, name: str) -> list[bytes]:
    """The member's bytes in chunks cut at a ``<`` so no tag is split across two chunks."""
    chunks: list[bytes] = []
    tail = b""
    with archive.open(name) as member:
        while chunk := member.read(_CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut <= 0:
                tail = data
                continue
            chunks.append(data[:cut])
            tail = data[cut:]
    if tail:
        chunks.append(tail)
    return chunks


def refuse_dtd(archive: zipfile.ZipFile, skip: set[str]) -> None:
    """Refuse any XML part (except those in ``skip``, scanned later) that declares a DTD.

    Raises:
        UnsafeFileError: a ``<!DOCTYPE`` or ``<!ENTITY`` was found.
    """
    for info in archive.infolist():
        name = info.filename
        if name in skip or not name.endswith((".xml", ".rels")):
            continue
        for chunk in _stream(archive, name):
            if b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk:
                raise UnsafeFileError(
                    "xml_dtd",
                    f"refused: {name} declares XML entities (a possible XML attack)",
                )


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip member holding its XML, from the workbook and its relations.

    Raises:
        UnsafeFileError: the workbook structure cannot be read.
    """
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"), forbid_dtd=True)
        rels_xml = archive.read("xl/_rels/workbook.xml.rels")
        rels = ElementTree.fromstring(rels_xml, forbid_dtd=True)
    except (KeyError, DefusedXmlException, ElementTree.ParseError, zipfile.BadZipFile):
        raise UnsafeFileError("not_xlsx", "not an Excel workbook (.xlsx): damaged") from None
    targets: dict[str, str] = {}
    for rel in rels:
        target = rel.get("Target", "")
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id", "")] = part
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{main}sheet"):
        rid = sheet.get(f"{rel_ns}id", "")
        if sheet.get("name") is not None and rid in targets:
            parts[sheet.get("name", "")] = targets[rid]
    return parts


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def sheet_extent(archive: zipfile.ZipFile, part: str) -> SheetExtent:
    """Scan a sheet's XML for how large a grid it makes and refuse it beyond the limits.

    Raises:
        UnsafeFileError: the sheet declares a DTD or is too large.
    """
    chunks = _stream(archive, part)
    big: list[bytes] = []
    cells = cell_refs = row_elements = row_refs = prefixed = 0
    for chunk in chunks:
        if b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk:
            raise UnsafeFileError("xml_dtd", f"refused: {part} declares XML entities")
        big += _BIG_REF.findall(chunk)
        row_elements += chunk.count(b"<row ") + chunk.count(b"<row>")
        row_refs += chunk.count(b'<row r="')
        cells += chunk.count(b"<c ") + chunk.count(b"<c>")
        cell_refs += chunk.count(b'<c r="')
        prefixed += chunk.count(b":c") + chunk.count(b":row")
    # Excel, LibreOffice and openpyxl write the reference as the first attribute of every
    # row and cell, without a namespace prefix; only then are all positions explicit and
    # the quick bound sound. (A cell like <c/> holds nothing and moves nothing explicit.)
    if not prefixed and cell_refs == cells and row_refs == row_elements:
        rows, columns = 99_999, 26  # no big reference: every row < 100 000, columns A–Z
        for ref in big:
            match = _REF.fullmatch(ref)
            if match:
                rows = max(rows, int(match[2]))
                columns = max(columns, _column_number(match[1]) if match[1] else 0)
        if rows * columns > MAX_CELLS and rows == 99_999:
            rows = _exact_extent(chunks)[0]
    else:
        # some rows or cells have no reference (allowed, unusual): walk the tags exactly
        rows, columns = _exact_extent(chunks)
    if rows > MAX_ROWS:
        raise UnsafeFileError(
            "sheet_too_large", f"refused: the sheet has {rows} rows (limit {MAX_ROWS})"
        )
    if rows * columns > MAX_CELLS:
        raise UnsafeFileError(
            "sheet_too_large",
            f"refused: the sheet spans {rows} rows × {columns} columns (limit {MAX_CELLS} cells)",
        )
    return SheetExtent(rows, columns, row_elements)


def _exact_extent(chunks: list[bytes]) -> tuple[int, int]:
    """The last row and column in use, following OOXML's rule that a row or cell without a
    reference follows the previous one."""
    row = column = max_row = max_column = 0
    for chunk in chunks:
        for match in _SHEET.finditer(chunk):
            ref = _R_ATTR.search(match[2])
            if match[1] == b"row":
                row = int(ref[2]) if ref and ref[2] else row + 1
                column = 0
            else:
                column = _column_number(ref[1]) if ref and ref[1] else column + 1
                if ref and ref[2]:
                    row = max(row, int(ref[2]))
                max_column = max(max_column, column)
            max_row = max(max_row, row)
    return max_row, max_column
