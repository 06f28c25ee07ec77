"""Issue 13 at the reader's door: any spelling of a cell reference is measured, every zip
or XML failure is a located refusal, numbers out of range are cell problems, and a matrix
problem names its own row."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.io import cells, safety
from kpidesk.io import sheet_extent as extent_module
from kpidesk.io.reader import read_workbook

BookMaker = Callable[..., Path]


def _with_sheet_xml(source: Path, target: Path, edit: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, edit(data) if name == "xl/worksheets/sheet1.xml" else data)
    return target


def _add_cell(cell: bytes) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        at = data.rindex(b"</row>")
        return data[:at] + cell + data[at:]

    return edit


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="xfd1048576"/>',
        b'<c r = "XFD1048576"/>',
        b'<c\tr="XFD1048576"/>',
        b'<c\nr="XFD1048576"/>',
        b"<c r='XFD1048576'/>",
        b'<c t="n" r="XFD1048576"/>',
        b'<c r="&#88;FD1048576"/>',
        b'<C r="XFD1048576"/>',
        b'<x:c xmlns:x="urn:x" r="XFD1048576"/>',
        b'<c r="ZZZZ1"/>',
        b'<c r="A99999999999999999999"/>',
    ],
)
def test_every_spelling_of_a_far_reference_is_refused(
    book: BookMaker, tmp_path: Path, cell: bytes
) -> None:
    base = book({"Stores": [["Name"], ["A"]]})
    hostile = _with_sheet_xml(base, tmp_path / "far.xlsx", _add_cell(cell))
    problems = read_workbook(hostile).problems
    assert [p.code for p in problems] == ["sheet_too_large"], problems
    assert "xl/worksheets/sheet1.xml" in problems[0].message
    assert "'Stores'" in problems[0].message


def test_implicit_positions_count(book: BookMaker, tmp_path: Path) -> None:
    base = book({"Stores": [["Name"], ["A"]]})
    wide = _with_sheet_xml(base, tmp_path / "wide.xlsx", _add_cell(b"<c/>" * 16_400))
    assert "columns beyond XFD" in read_workbook(wide).problems[0].message
    with zipfile.ZipFile(
        _with_sheet_xml(base, tmp_path / "ok.xlsx", _add_cell(b"<c/>" * 30))
    ) as archive:
        extent = safety.sheet_extent(archive, "xl/worksheets/sheet1.xml")
    assert (extent.rows, extent.columns, extent.cells) == (2, 31, 32)


def test_canonical_sheet_is_measured_without_the_slow_path(
    book: BookMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = book({"Daily": [["Date", "Store"], *([f"0{d}.10.2026", "A"] for d in range(1, 9))]})

    def slow(*_: object) -> safety.SheetExtent:
        raise AssertionError("the canonical spelling needs no exact pass")

    monkeypatch.setattr(extent_module, "_exact_extent", slow)
    with zipfile.ZipFile(path) as archive:
        extent = safety.sheet_extent(archive, "xl/worksheets/sheet1.xml")
    assert extent.cells == 18 and extent.row_elements == 9
    assert extent.rows * extent.columns <= safety.MAX_CELLS


def test_dimension_counts(book: BookMaker, tmp_path: Path) -> None:
    base = book({"Stores": [["Name"], ["A"]]})
    hostile = _with_sheet_xml(
        base,
        tmp_path / "dim.xlsx",
        lambda data: data.replace(b'<dimension ref="A1:A2"', b'<dimension ref="a1:xfd1048576"'),
    )
    assert read_workbook(hostile).problems[0].code == "sheet_too_large"


def test_utf16_part_is_refused_with_a_message(book: BookMaker, tmp_path: Path) -> None:
    base = book({"Stores": [["Name"], ["A"]]})
    utf16 = _with_sheet_xml(
        base, tmp_path / "u16.xlsx", lambda data: data.decode().encode("utf-16")
    )
    problems = read_workbook(utf16).problems
    assert [p.code for p in problems] == ["xml_encoding"]
    assert "UTF-16" in problems[0].message and "xl/worksheets/sheet1.xml" in problems[0].message
    declared = _with_sheet_xml(
        base,
        tmp_path / "latin.xlsx",
        lambda data: b'<?xml version="1.0" encoding="ISO-8859-1"?>' + data,
    )
    assert read_workbook(declared).problems[0].code == "xml_encoding"


def test_utf8_declaration_and_bom_are_fine(book: BookMaker, tmp_path: Path) -> None:
    base = book({"Stores": [["Name"], ["A"]]})
    fine = _with_sheet_xml(
        base,
        tmp_path / "bom.xlsx",
        lambda data: b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>' + data,
    )
    result = read_workbook(fine)
    assert result.problems == [] and [s.name for s in result.content.stores] == ["A"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b"</row>", b"", 1),
        lambda data: b"",
        lambda data: data.replace(b"<c ", b'<c r="A1" ', 1),  # a duplicate attribute
        # a near reference, then a far one: python-calamine would take the far one and
        # abort the process (the canonical fast path reads only the first)
        lambda data: data.replace(b"<c ", b'<c r="A1" r="XFD1048576" ', 1),
    ],
)
def test_broken_xml_is_a_located_refusal(book: BookMaker, tmp_path: Path, damage: object) -> None:
    base = book({"Stores": [["Name"], ["A"]]})
    broken = _with_sheet_xml(base, tmp_path / "broken.xlsx", damage)  # type: ignore[arg-type]
    problems = read_workbook(broken).problems
    assert [p.code for p in problems] == ["damaged"]
    assert "xl/worksheets/sheet1.xml" in problems[0].message


def test_damaged_deflate_and_cut_zip(book: BookMaker, tmp_path: Path) -> None:
    base = book({"Stores": [["Name"], ["A"]]})
    blob = bytearray(base.read_bytes())
    with zipfile.ZipFile(base) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 4, start + info.compress_size - 4):
        blob[offset] ^= 0xA5
    damaged = tmp_path / "deflate.xlsx"
    damaged.write_bytes(bytes(blob))
    problem = read_workbook(damaged).problems[0]
    assert problem.code == "damaged" and "xl/worksheets/sheet1.xml" in problem.message
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(base.read_bytes()[:-30])
    assert "damaged" in read_workbook(cut).problems[0].message


def test_shared_strings_that_announce_billions_are_refused(book: BookMaker, tmp_path: Path) -> None:
    base = book({"Stores": [["Name"], ["A"]]})
    target = tmp_path / "sst.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(target, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        dst.writestr(
            "xl/sharedStrings.xml",
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'uniqueCount="4000000000"><si><t>x</t></si></sst>',
        )
    problems = read_workbook(target).problems
    assert problems[0].code == "sheet_too_large" and "sharedStrings" in problems[0].message


def test_duplicate_member_is_refused(book: BookMaker, tmp_path: Path) -> None:
    import warnings

    path = book({"Stores": [["Name"], ["A"]]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    assert "appears twice" in read_workbook(path).problems[0].message


def test_a_large_sheet_is_streamed_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 40 comments of 1 MiB: the scan holds a few chunks at a time
    import tracemalloc

    path = tmp_path / "padded.xlsx"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w") as member,
    ):
        member.write(b'<worksheet><sheetData><row r="1"><c r="A1"/></row>')
        block = b"<!-- " + b"x" * (1 << 20) + b" -->"
        for _ in range(40):
            member.write(block)
        member.write(b"</sheetData></worksheet>")
    monkeypatch.setattr(safety, "MAX_RATIO", 10**6)
    with zipfile.ZipFile(path) as archive:
        tracemalloc.start()
        extent = safety.sheet_extent(archive, "xl/worksheets/sheet1.xml")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert extent.cells == 1
    assert peak < 24 * 1024 * 1024  # a few chunks, not the 40 MiB part


@pytest.mark.parametrize(
    ("value", "convert"),
    [
        (1e308, cells.decimal),
        (-1e13, cells.decimal),
        ("1e308", cells.decimal),
        ("1 000 000 000 001", cells.decimal),
        (float("nan"), cells.decimal),
        (float("inf"), cells.decimal),
        (float("-inf"), cells.whole),
        (1e308, cells.whole),
        (2_000_000_000, cells.whole),
        ("1e15%", cells.ratio),
    ],
)
def test_numbers_out_of_range_are_refused(value: object, convert: Callable[..., object]) -> None:
    with pytest.raises(ValueError):
        convert(value)


def test_negative_zero_becomes_zero() -> None:
    for value in (-0.0, "-0", "−0,00"):
        number = cells.decimal(value)
        assert number == 0 and not number.is_signed()
    assert cells.decimal(1e12) == Decimal("1000000000000.0")
    assert cells.whole(10**9) == 10**9


def test_out_of_range_cells_are_located_problems(book: BookMaker) -> None:
    path = book(
        {
            "Daily": [
                ["Date", "Store", "Revenue", "Receipts", "Visitors"],
                ["01.10.2026", "A", 1e308, 10, 20],
                ["02.10.2026", "A", 100, 1e300, 20],
                ["03.10.2026", "A", -0.0, 10, 20],
            ]
        }
    )
    result = read_workbook(path)
    found = {(p.where.sheet, p.where.row, p.where.column) for p in result.problems}
    assert found == {("Daily", 2, "Revenue"), ("Daily", 3, "Receipts")}
    assert all(p.value for p in result.problems)
    assert [str(d.revenue) for d in result.content.daily] == ["0"]


def test_matrix_problem_names_the_bad_row(book: BookMaker) -> None:
    from kpidesk.core.company import CompanyContent
    from kpidesk.core.validation import validate_content

    header = ["Period", "Position", "Employee", "Indicator", "Weight", "Base", "Norm", "Target"]
    path = book(
        {
            "Indicators": [["Code", "Name"], ["A", "Alpha"], ["B", "Beta"]],
            "Matrix": [
                header,
                ["2026-10", "Seller", None, "A", 0.5, 0.8, 1, 1.2],
                ["2026-10", "Seller", None, "B", 0.3, 0.8, 1, 1.2],
                ["2026-10", "Seller", None, "NOPE", 0.2, 0.8, 1, 1.2],
            ],
        }
    )
    result = read_workbook(path)
    assert result.problems == []
    problems = validate_content(result.content, CompanyContent())  # type: ignore[arg-type]
    unknown = [p for p in problems if "NOPE" in (p.value or "") or "NOPE" in p.message]
    assert unknown and unknown[0].where.sheet == "Matrix" and unknown[0].where.row == 4
