"""Hostile and damaged workbooks for the safety tests (SPEC §8), built in a test.

``filled_template(path)`` writes the interchange template with ``kpidesk template`` and
fills a few rows on the main sheets; ``ATTACKS`` maps a name to a builder that turns such
a workbook into one attack file. Shared by ``tests/unit/io`` and ``tests/cli``.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

SHEET_DAILY = "Ежедневно"

_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
    + "]>"
).replace("&lol0;", "&lol;")


def filled_template(path: Path) -> Path:
    """The template written by ``kpidesk template``, with a store, an employee, an
    indicator, a matrix, daily rows and facts: an import of it succeeds."""
    import openpyxl

    from kpidesk.cli import main

    assert main(["template", "-o", str(path), "--lang", "ru"]) == 0
    workbook = openpyxl.load_workbook(path)
    rows: dict[str, list[list[object]]] = {
        "Магазины": [["Центральный"], ["Северный"]],
        "Сотрудники": [
            [None, "Иванова Анна", "Продавец", "Центральный", None, 40000, 10000],
            [None, "Петров Олег", "Продавец", "Северный", None, 38000, 9000],
        ],
        "Показатели": [["REV", "Выручка магазина", "₽", "manual", "scale"]],
        "Матрица": [
            ["2026-10", "Продавец", None, "REV", 1, 0.8, 1, 1.2],
        ],
        "Ежедневно": [
            [f"{day:02d}.10.2026", "Центральный", 10000 + day, 30 + day, 100, 40, None]
            for day in range(1, 11)
        ],
        "Факты": [
            ["2026-10", "Иванова Анна", "REV", 105000],
            ["2026-10", "Петров Олег", "REV", 98000],
        ],
    }
    for title, lines in rows.items():
        sheet = workbook[title]
        for line in lines:
            sheet.append(line)
    workbook.save(path)
    workbook.close()
    return path


def sheet_member(path: Path, title: str) -> str:
    """The zip member holding the sheet named ``title``."""
    from kpidesk.io import safety

    with zipfile.ZipFile(path) as archive:
        return safety.sheet_parts(archive)[title]


def rewrite(
    source: Path,
    target: Path,
    change: Callable[[str, bytes], bytes | None],
    *,
    extra: dict[str, bytes] | None = None,
    level: int = 6,
) -> Path:
    """Copy a zip member by member through ``change`` (``None`` drops the member)."""
    with (
        zipfile.ZipFile(source) as src,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as dst,
    ):
        for name in src.namelist():
            data = change(name, src.read(name))
            if data is not None:
                dst.writestr(name, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return target


def edit_sheet(source: Path, target: Path, title: str, edit: Callable[[bytes], bytes]) -> Path:
    """A copy whose sheet ``title`` went through ``edit``."""
    member = sheet_member(source, title)
    return rewrite(source, target, lambda name, data: edit(data) if name == member else data)


def _add_cell(cell: bytes) -> Callable[[bytes], bytes]:
    """Append a cell (given as raw XML) to the last row of the sheet."""

    def edit(data: bytes) -> bytes:
        at = data.rindex(b"</row>")
        return data[:at] + cell + data[at:]

    return edit


def _add_row(row: bytes) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        return data.replace(b"</sheetData>", row + b"</sheetData>")

    return edit


def _attack_cell(cell: bytes) -> Callable[[Path, Path], Path]:
    return lambda base, target: edit_sheet(base, target, SHEET_DAILY, _add_cell(cell))


def _z460000(base: Path, target: Path) -> Path:
    row = b'<row r="460000"><c r="Z460000"><v>1</v></c></row>'
    return edit_sheet(base, target, SHEET_DAILY, _add_row(row))


def _implicit_columns(base: Path, target: Path) -> Path:
    row = b'<row r="12">' + b"<c><v>1</v></c>" * 17_000 + b"</row>"
    return edit_sheet(base, target, SHEET_DAILY, _add_row(row))


def _implicit_rows(base: Path, target: Path) -> Path:
    # rows without a reference follow one another: 1 100 000 of them
    return edit_sheet(base, target, SHEET_DAILY, _add_row(b"<row/>" * 1_100_000))


def _dimension(base: Path, target: Path) -> Path:
    def edit(data: bytes) -> bytes:
        return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)

    return edit_sheet(base, target, SHEET_DAILY, edit)


def _prefixed(base: Path, target: Path) -> Path:
    cell = b'<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    cell += b'r="XFD1048576"><x:v>1</x:v></x:c>'
    return edit_sheet(base, target, SHEET_DAILY, _add_cell(cell))


def _many_cells(base: Path, target: Path) -> Path:
    # 2.1 million cells, all at A1: a tiny grid, a long list of cells
    row = b'<row r="1">' + b'<c r="A1"/>' * 2_100_000 + b"</row>"
    return edit_sheet(base, target, SHEET_DAILY, _add_row(row))


def _huge_sheet(base: Path, target: Path) -> Path:
    """A sheet of 490 MiB (comment padding) in a file of about 1 MB."""
    member = sheet_member(base, SHEET_DAILY)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info.filename, src.read(info.filename))
                continue
            data = src.read(member)
            head, tail = data.split(b"</sheetData>", 1)
            with dst.open(member, "w", force_zip64=True) as out:
                out.write(head)
                block = b"<!--" + bytes(range(48, 58)) * 100_000 + b"-->"
                for _ in range(490 * 1024 * 1024 // len(block)):
                    out.write(block)
                out.write(b"</sheetData>" + tail)
    return target


def _shared_strings(base: Path, target: Path) -> Path:
    sst = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="4000000000" uniqueCount="4000000000"><si><t>x</t></si></sst>'
    )

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                b"</Relationships>",
            )
        return data

    return rewrite(base, target, change, extra={"xl/sharedStrings.xml": sst})


def _utf16(base: Path, target: Path) -> Path:
    member = sheet_member(base, SHEET_DAILY)

    def change(name: str, data: bytes) -> bytes:
        if name != member:
            return data
        text = data.decode("utf-8")
        text = re.sub(r"^<\?xml[^>]*\?>", "", text)
        return ('<?xml version="1.0" encoding="UTF-16"?>' + text).encode("utf-16")

    return rewrite(base, target, change)


def _laughs(base: Path, target: Path) -> Path:
    def edit(data: bytes) -> bytes:
        at = data.index(b"<worksheet")
        return data[:at] + _LAUGHS.encode() + data[at:]

    return edit_sheet(base, target, SHEET_DAILY, edit)


def _lying_size(base: Path, target: Path) -> Path:
    """The zip directory declares the sheet's own size (with its CRC), while the deflate
    stream goes on with a far cell: a reader that trusts the stream sees more than the
    directory says."""
    member = sheet_member(base, SHEET_DAILY)
    with zipfile.ZipFile(base) as archive:
        honest = archive.read(member)
    rewrite(
        base,
        target,
        lambda name, data: data + b'<c r="XFD1048576"/>' * 50 if name == member else data,
    )
    blob = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as archive:
        info = archive.getinfo(member)
    crc = zlib.crc32(honest)
    struct.pack_into("<I", blob, info.header_offset + 14, crc)
    struct.pack_into("<I", blob, info.header_offset + 22, len(honest))
    name = member.encode()
    central = blob.index(b"PK\x01\x02", 0)
    while bytes(blob[central + 46 : central + 46 + len(name)]) != name:
        central = blob.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", blob, central + 16, crc)
    struct.pack_into("<I", blob, central + 24, len(honest))
    target.write_bytes(bytes(blob))
    return target


def _duplicate_member(base: Path, target: Path) -> Path:
    member = sheet_member(base, SHEET_DAILY)
    with zipfile.ZipFile(base) as src:
        evil = src.read(member).replace(
            b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
        )
    rewrite(base, target, lambda name, data: data)
    with zipfile.ZipFile(target, "a") as archive:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            archive.writestr(member, evil)
    return target


def _truncated(base: Path, target: Path) -> Path:
    data = base.read_bytes()
    target.write_bytes(data[: len(data) * 2 // 3])
    return target


def _damaged_deflate(base: Path, target: Path) -> Path:
    """Garbage in the middle of the sheet's compressed data (zlib.error or a bad CRC)."""
    member = sheet_member(base, SHEET_DAILY)
    blob = bytearray(base.read_bytes())
    with zipfile.ZipFile(base) as archive:
        info = archive.getinfo(member)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + min(info.compress_size, 200), 3):
        blob[offset] ^= 0x5A
    target.write_bytes(bytes(blob))
    return target


def _missing_sheet(base: Path, target: Path) -> Path:
    member = sheet_member(base, SHEET_DAILY)
    return rewrite(base, target, lambda name, data: None if name == member else data)


def _huge_revenue(base: Path, target: Path) -> Path:
    """Not an attack on the reader: numbers it must refuse as cell problems."""
    import openpyxl

    workbook = openpyxl.load_workbook(base)
    sheet = workbook[SHEET_DAILY]
    sheet["C2"] = 1e308
    sheet["D3"] = 1e300
    workbook.save(target)
    workbook.close()
    return target


ATTACKS: dict[str, Callable[[Path, Path], Path]] = {
    "far_cell_lower_case": _attack_cell(b'<c r="xfd1048576"><v>1</v></c>'),
    "far_cell_spaces": _attack_cell(b'<c r = "XFD1048576"><v>1</v></c>'),
    "far_cell_tab": _attack_cell(b'<c\tr="XFD1048576"><v>1</v></c>'),
    "far_cell_single_quotes": _attack_cell(b"<c t='n' r='XFD1048576'><v>1</v></c>"),
    "far_cell_entity": _attack_cell(b'<c r="&#88;FD1048576"><v>1</v></c>'),
    # a second reference after a near one: python-calamine takes the last and asks for the
    # whole grid (the process aborts), so the scan must refuse it before calamine parses
    "far_cell_second_reference": _attack_cell(b'<c r="A1" r="XFD1048576"><v>1</v></c>'),
    "far_cell_second_reference_unspaced": _attack_cell(b'<c r="A1"r="XFD1048576"><v>1</v></c>'),
    "four_letter_column": _attack_cell(b'<c r="AAAA1"><v>1</v></c>'),
    "z460000": _z460000,
    "implicit_columns": _implicit_columns,
    "implicit_rows": _implicit_rows,
    "dimension": _dimension,
    "prefixed_cell": _prefixed,
    "many_cells": _many_cells,
    "huge_sheet_490mib": _huge_sheet,
    "shared_strings_count": _shared_strings,
    "utf16_sheet": _utf16,
    "billion_laughs": _laughs,
    "lying_zip_size": _lying_size,
    "duplicate_member": _duplicate_member,
    "truncated_zip": _truncated,
    "damaged_deflate": _damaged_deflate,
    "missing_sheet_part": _missing_sheet,
}

# files whose import must fail with a cell problem rather than a file refusal
CELL_ATTACKS: dict[str, Callable[[Path, Path], Path]] = {"huge_revenue": _huge_revenue}


def build_attacks(base: Path, folder: Path) -> dict[str, Path]:
    """Every attack file, built from ``base`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        name: build(base, folder / f"{name}.xlsx")
        for name, build in {**ATTACKS, **CELL_ATTACKS}.items()
    }
