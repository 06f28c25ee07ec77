"""Refusing hostile or unreadable files before any parser sees them (SPEC §8).

Checks, in order: the file is a zip (an old binary ``.xls``, a CSV or any other file gets a
clear message); it has ``xl/workbook.xml``; no member name appears twice; the declared
sizes stay under a per-part and a total limit and no large member has a zip bomb's
compression ratio; then every XML part that a reader will open is *streamed* through a real
XML parser by :mod:`kpidesk.io.xml_stream_checks` (expat, fed in bounded chunks straight
from the zip member: well-formed UTF-8, no DTD, exactly its declared size), and a
shared-strings table must not announce more strings than any workbook holds.

For each sheet about to be loaded the scan also measures the grid it makes, because
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
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kpidesk.io.xml_stream_checks import (
    READ_ERRORS,
    XmlStream,
    damaged,
    feeding,
    markup_aligned,
    why,
)
from kpidesk.io.xml_stream_checks import MiB as MiB
from kpidesk.io.xml_stream_checks import UnsafeFileError as UnsafeFileError

MAX_TOTAL_UNCOMPRESSED = 256 * MiB  # the whole workbook once unpacked
MAX_PART_UNCOMPRESSED = 100 * MiB  # one part: ~15 times the 22 000-row reference sheet
MAX_RATIO = 150  # sheets compress 5–20 times; above this a large member is a bomb
RATIO_CHECK_ABOVE = 8 * MiB
MAX_ROWS = 1_048_576  # Excel's own limit
MAX_COLUMNS = 16_384  # column XFD, Excel's own limit
# rows × columns of the dense grid calamine allocates (32 bytes a cell: 64 MB), and the
# number of cells a sheet may hold; 13 times the 154 000 cells of the reference daily sheet
MAX_CELLS = 2_000_000
MAX_SHARED_STRINGS = 1_000_000  # calamine reserves 24 bytes per announced string up front
MAX_SMALL_PART = 16 * MiB  # the workbook and its relations, read whole

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

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
_SHARED_ITEM = re.compile(rb"<(?:[^\s<>/!?:]+:)?si[\s/>]")
_REFERENCE = re.compile(r"([A-Za-z]*)([0-9]*)")


@dataclass(frozen=True)
class SheetExtent:
    """An upper bound of a sheet's grid, its cells and the number of ``<row>`` elements."""

    rows: int
    columns: int
    row_elements: int
    cells: int = 0


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
    try:
        is_zip = zipfile.is_zipfile(path)
    except READ_ERRORS:
        is_zip = False
    if not is_zip:
        if path.suffix.lower() in (".csv", ".txt"):
            raise UnsafeFileError(
                "csv_not_supported",
                "this is a text (CSV) file; open it in Excel or LibreOffice and save it as "
                "an Excel workbook (.xlsx)",
            )
        if head.startswith(b"PK\x03\x04"):
            raise UnsafeFileError(
                "not_xlsx",
                "not an Excel workbook (.xlsx), or a damaged one: the zip directory at its "
                "end is missing (was the file cut short?)",
            )
        raise UnsafeFileError("not_xlsx", "not an Excel workbook (.xlsx)")
    try:
        archive = zipfile.ZipFile(path)
    except READ_ERRORS as error:
        raise UnsafeFileError(
            "not_xlsx", f"not an Excel workbook (.xlsx): the zip is damaged ({why(error)})"
        ) from None
    try:
        _check_members(archive)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_members(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        if "mimetype" in names and "content.xml" in names:
            raise UnsafeFileError(
                "ods_not_supported",
                "this is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)",
            )
        raise UnsafeFileError("not_xlsx", "not an Excel workbook (.xlsx): no xl/workbook.xml")
    seen: set[str] = set()
    total = 0
    for info in infos:
        # two members of one name (or of names a reader may take as one): the scan could
        # check one while a reader loads the other
        key = info.filename.replace("\\", "/").lstrip("/").casefold()
        if key in seen:
            raise UnsafeFileError(
                "damaged",
                f"the workbook is damaged: the part {info.filename} appears twice",
                info.filename,
            )
        seen.add(key)
        total += info.file_size
        if info.file_size > MAX_PART_UNCOMPRESSED:
            raise UnsafeFileError(
                "zip_bomb",
                f"refused as a possible zip bomb: the part {info.filename} expands to "
                f"{info.file_size // MiB} MiB (limit {MAX_PART_UNCOMPRESSED // MiB} MiB)",
                info.filename,
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECK_ABOVE and ratio > MAX_RATIO:
            raise UnsafeFileError(
                "zip_bomb",
                f"refused as a possible zip bomb: the part {info.filename} expands "
                f"{ratio:.0f} times to {info.file_size // MiB} MiB",
                info.filename,
            )
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise UnsafeFileError(
                "damaged",
                f"the workbook is damaged: the sizes of {info.filename} do not match",
                info.filename,
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise UnsafeFileError(
            "zip_bomb",
            f"refused as a possible zip bomb: the workbook expands to {total // MiB} "
            f"MiB (limit {MAX_TOTAL_UNCOMPRESSED // MiB} MiB)",
        )


def scan_part(archive: zipfile.ZipFile, part: str) -> None:
    """Stream one XML part through the checks (well-formed UTF-8, no DTD, sizes as
    declared); a shared-strings table is also checked for the number of strings.

    Raises:
        UnsafeFileError: the part is refused.
    """
    xml = XmlStream(part)
    root: dict[str, Any] = {}

    def first_element(name: str, attrs: dict[str, str]) -> None:
        root["name"] = name.rpartition(":")[2]
        root["attrs"] = attrs
        xml.parser.StartElementHandler = None  # only the root matters: no per-element cost

    xml.parser.StartElementHandler = first_element
    items = 0
    shared = False
    for piece in markup_aligned(feeding(archive, part, xml), part):
        if not shared and root.get("name") == "sst":
            shared = True
            for attribute in ("uniqueCount", "count"):
                announced = root["attrs"].get(attribute, "0").strip()
                if not announced.isdigit() or len(announced) > 9:
                    announced = str(MAX_SHARED_STRINGS + 1) if announced else "0"
                if int(announced) > MAX_SHARED_STRINGS:
                    raise _too_many_strings(part, root["attrs"].get(attribute, ""))
        if shared:
            items += len(_SHARED_ITEM.findall(piece))
            if items > MAX_SHARED_STRINGS:
                raise _too_many_strings(part, str(items))
    xml.close()


def _too_many_strings(part: str, count: str) -> UnsafeFileError:
    return UnsafeFileError(
        "sheet_too_large",
        f"refused: the shared strings table {part} announces {count} strings "
        f"(limit {MAX_SHARED_STRINGS})",
        part,
    )


def refuse_dtd(archive: zipfile.ZipFile, skip: set[str]) -> None:
    """Scan every XML part (except those in ``skip``: sheets, scanned by
    :func:`sheet_extent` when they are loaded, or never opened) with :func:`scan_part`.

    Raises:
        UnsafeFileError: a part is refused.
    """
    for info in archive.infolist():
        name = info.filename
        if name in skip or name.endswith("/") or not name.lower().endswith((".xml", ".rels")):
            continue
        scan_part(archive, name)


def _parse_small(archive: zipfile.ZipFile, part: str) -> Any:
    """A small XML part as a tree, after :func:`scan_part`."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    scan_part(archive, part)
    try:
        if archive.getinfo(part).file_size > MAX_SMALL_PART:
            raise UnsafeFileError(
                "damaged",
                f"refused: the part {part} is larger than {MAX_SMALL_PART // MiB} MiB",
                part,
            )
        return ElementTree.fromstring(archive.read(part), forbid_dtd=True)
    except KeyError:
        raise UnsafeFileError(
            "damaged", f"the workbook is damaged: the part {part} is missing", part
        ) from None
    except (DefusedXmlException, ElementTree.ParseError, *READ_ERRORS) as error:
        raise damaged(part, error) from None


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip member holding its XML, from the workbook and its relations.

    Raises:
        UnsafeFileError: the workbook structure cannot be read.
    """
    return {name: parts[0] for name, parts in sheet_candidates(archive).items()}


def sheet_candidates(archive: zipfile.ZipFile) -> dict[str, list[str]]:
    """Sheet name → every zip member a reader might take for its XML (the relation's
    target resolved as the standard says and as lenient readers do), existing ones only;
    the first is the standard one.

    Raises:
        UnsafeFileError: the workbook structure cannot be read.
    """
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    book = _parse_small(archive, "xl/workbook.xml")
    targets = _relation_targets(archive)
    parts: dict[str, list[str]] = {}
    for sheet in book.iter(f"{main}sheet"):
        rid = sheet.get(f"{rel_ns}id", "")
        name = sheet.get("name")
        if name is not None and rid in targets:
            parts.setdefault(name, [])
            parts[name] = list(dict.fromkeys([*parts[name], *targets[rid][1]]))
    return parts


def _relation_targets(archive: zipfile.ZipFile) -> dict[str, tuple[str, list[str]]]:
    """Relation id → (its type, the members a reader may take for its target)."""
    rels = _parse_small(archive, "xl/_rels/workbook.xml.rels")
    names = set(archive.namelist())
    targets: dict[str, tuple[str, list[str]]] = {}
    for rel in rels:
        target = (rel.get("Target") or "").replace("\\", "/")
        standard = (
            posixpath.normpath(target.lstrip("/"))
            if target.startswith("/")
            else posixpath.normpath(posixpath.join("xl", target))
        )
        others = [target, target.lstrip("/"), "xl/" + target, "xl/" + target.lstrip("/")]
        found = [standard, *(other for other in others if other in names)]
        targets[rel.get("Id", "")] = (rel.get("Type") or "", list(dict.fromkeys(found)))
    return targets


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


def check_sheets(
    archive: zipfile.ZipFile,
    wanted: Callable[[str], bool],
    passed: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Scan the workbook for a read of the sheets whose names ``wanted`` accepts: every
    XML part but the sheets, then each wanted sheet (every member a reader may take for
    it); returns sheet name → its number of ``<row>`` elements. ``passed`` is told each
    wanted sheet's name and number of rows, in order, once every part but the sheets and
    all of that sheet's members have passed (``io.sheet_loader`` may then parse it).

    Raises:
        UnsafeFileError: the workbook or a sheet is refused; the message names the part
            (and the sheet).
    """
    candidates = sheet_candidates(archive)
    all_sheets = {part for parts in candidates.values() for part in parts}
    refuse_dtd(archive, skip=all_sheets | {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"})
    # the shared strings and the styles, wherever the relations put them
    names = set(archive.namelist())
    for kind, parts in _relation_targets(archive).values():
        if kind.rsplit("/", 1)[-1].lower() in ("sharedstrings", "styles"):
            for part in parts:
                if part in names and part not in all_sheets:
                    scan_part(archive, part)
    rows: dict[str, int] = {}
    for name, parts in candidates.items():
        if not wanted(name):
            continue
        for part in parts:
            try:
                extent = sheet_extent(archive, part)
            except UnsafeFileError as error:
                raise UnsafeFileError(error.code, f"sheet {name!r}: {error}", part) from None
            rows[name] = max(rows.get(name, 0), extent.row_elements)
        if passed is not None:
            passed(name, rows.get(name, 0))
    return rows
