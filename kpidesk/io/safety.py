"""Refusing hostile or unreadable files before any parser sees them (SPEC §8).

Checks, in order: the file is a zip (an old binary ``.xls``, a CSV or any other file gets a
clear message); it has ``xl/workbook.xml``; no member name appears twice; the declared
sizes stay under a per-part and a total limit and no large member has a zip bomb's
compression ratio; then every XML part that a reader will open is *streamed* through a real
XML parser by :mod:`kpidesk.io.xml_stream_checks` (expat, fed in bounded chunks straight
from the zip member: well-formed UTF-8, no DTD, exactly its declared size), and a
shared-strings table must not announce more strings than any workbook holds.

For each sheet about to be loaded the scan also measures the grid it makes, with
:func:`~kpidesk.io.sheet_extent.sheet_extent` (:mod:`kpidesk.io.sheet_extent`), because
python-calamine builds a *dense* grid from the extreme cell references of a sheet: a sheet
beyond :data:`~kpidesk.io.sheet_extent.MAX_ROWS` rows, column XFD or
:data:`~kpidesk.io.sheet_extent.MAX_CELLS` cells is refused.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from kpidesk.io.sheet_extent import MAX_CELLS as MAX_CELLS
from kpidesk.io.sheet_extent import SheetExtent as SheetExtent
from kpidesk.io.sheet_extent import sheet_extent as sheet_extent
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

TYPE_CHECKING = False  # (not typing's: nothing before the scan's fork imports typing)
if TYPE_CHECKING:
    from typing import Any

MAX_TOTAL_UNCOMPRESSED = 256 * MiB  # the whole workbook once unpacked
MAX_PART_UNCOMPRESSED = 100 * MiB  # one part: ~15 times the 22 000-row reference sheet
MAX_RATIO = 150  # sheets compress 5–20 times; above this a large member is a bomb
RATIO_CHECK_ABOVE = 8 * MiB
MAX_SHARED_STRINGS = 1_000_000  # calamine reserves 24 bytes per announced string up front
MAX_SMALL_PART = 16 * MiB  # the workbook and its relations, read whole

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_SHARED_ITEM = re.compile(rb"<(?:[^\s<>/!?:]+:)?si[\s/>]")


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
