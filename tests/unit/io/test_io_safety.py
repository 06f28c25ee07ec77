"""Hostile and unreadable files are refused with a Problem (SPEC §8), never a crash."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from kpidesk.io import safety
from kpidesk.io import sheet_extent as extent_module
from kpidesk.io.reader import read_workbook

BookMaker = Callable[..., Path]

_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    + "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(2, 10))
    + "]>"
)


def only_problem(path: Path) -> str:
    result = read_workbook(path)
    assert len(result.problems) == 1, result.problems
    assert result.problems[0].is_error
    return result.problems[0].code


def rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, change(name, src.read(name)))
    return target


def laughing(name: str, data: bytes) -> bytes:
    if name != "xl/worksheets/sheet1.xml":
        return data
    text = data.decode().replace("PLACEHOLDER", "&lol9;")
    start = text.index("<worksheet")
    return (text[:start] + _LAUGHS + text[start:]).encode()


def test_openpyxl_uses_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_text_file_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("Дата;Магазин\n01.10.2026;A\n", encoding="utf-8")
    result = read_workbook(path)
    assert result.problems[0].code == "not_xlsx"
    assert "not an Excel workbook (.xlsx)" in result.problems[0].message


def test_csv_and_old_xls_get_clear_messages(tmp_path: Path) -> None:
    csv = tmp_path / "data.csv"
    csv.write_text("a;b\n1;2\n", encoding="utf-8")
    assert only_problem(csv) == "csv_not_supported"
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert only_problem(xls) == "old_excel_format"
    disguised = tmp_path / "old.xlsx"
    disguised.write_bytes(xls.read_bytes())
    result = read_workbook(disguised)
    assert result.problems[0].code == "old_excel_format" and ".xls" in result.problems[0].message


def test_missing_file_and_zip_without_workbook(tmp_path: Path) -> None:
    assert only_problem(tmp_path / "nowhere.xlsx") == "file_unreadable"
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert only_problem(other) == "not_xlsx"


def test_zip_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            zeros = b"\0" * (1 << 20)
            for _ in range(120):  # 120 MiB that compress to about 120 KiB
                member.write(zeros)
    assert path.stat().st_size < 1_000_000
    result = read_workbook(path)
    assert [p.code for p in result.problems] == ["zip_bomb"]
    assert "zip bomb" in result.problems[0].message


def test_total_size_limit(book: BookMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    path = book({"Stores": [["Name"], ["A"]]})
    monkeypatch.setattr(safety, "MAX_TOTAL_UNCOMPRESSED", 1000)
    assert only_problem(path) == "zip_bomb"


def test_billion_laughs_refused(book: BookMaker, tmp_path: Path) -> None:
    base = book({"Stores": [["Name"], ["PLACEHOLDER"]]})
    bomb = rewrite(base, tmp_path / "laughs.xlsx", laughing)
    assert only_problem(bomb) == "xml_dtd"


def test_billion_laughs_not_expanded_by_calamine_or_openpyxl(
    book: BookMaker, tmp_path: Path
) -> None:
    from python_calamine import CalamineError, CalamineWorkbook

    bomb = rewrite(book({"Stores": [["Name"], ["PLACEHOLDER"]]}), tmp_path / "l.xlsx", laughing)
    with CalamineWorkbook.from_path(str(bomb)) as workbook, pytest.raises(CalamineError):
        workbook.get_sheet_by_name("Stores").to_python()
    from defusedxml import DefusedXmlException

    # openpyxl wraps defusedxml's refusal; it leaves its zip open then, so pass a handle
    with bomb.open("rb") as handle, pytest.raises(ValueError) as refused:
        openpyxl.load_workbook(handle)
    assert isinstance(refused.value.__cause__, DefusedXmlException)


def test_dtd_in_shared_part_refused(book: BookMaker, tmp_path: Path) -> None:
    def styles(name: str, data: bytes) -> bytes:
        return _LAUGHS.encode() + data if name == "xl/styles.xml" else data

    bad = rewrite(book({"Stores": [["Name"], ["A"]]}), tmp_path / "s.xlsx", styles)
    assert only_problem(bad) == "xml_dtd"


def test_far_away_cell_refused_instead_of_crashing(book: BookMaker, tmp_path: Path) -> None:
    # calamine would allocate a dense 1 048 576 × 16 384 grid and abort the process
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Daily"
    sheet["A1"] = "Date"
    sheet["XFD1048576"] = 1
    path = tmp_path / "far.xlsx"
    workbook.save(path)
    workbook.close()
    assert only_problem(path) == "sheet_too_large"


def test_row_limit(book: BookMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    path = book({"Stores": [["Name"]] + [[f"S{i}"] for i in range(150)]})
    monkeypatch.setattr(extent_module, "MAX_ROWS", 100)
    result = read_workbook(path)
    assert [p.code for p in result.problems] == ["sheet_too_large"]
    assert "Stores" in result.problems[0].message


def test_wide_but_legitimate_sheet_is_read(book: BookMaker) -> None:
    row = ["Name"] + [None] * 60 + ["far note"]
    result = read_workbook(book({"Stores": [row, ["A"]]}))
    assert result.problems == [] and [s.name for s in result.content.stores] == ["A"]


def test_cells_without_references_are_measured_exactly(book: BookMaker, tmp_path: Path) -> None:
    import re

    def strip_refs(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        return re.sub(rb' r="[A-Z]+\d+"', b"", data)

    base = book({"Stores": [["Name"], ["A"], ["B"]]})
    bare = rewrite(base, tmp_path / "bare.xlsx", strip_refs)
    with zipfile.ZipFile(bare) as archive:
        extent = safety.sheet_extent(archive, "xl/worksheets/sheet1.xml")
    assert (extent.rows, extent.columns) == (3, 1)
    result = read_workbook(bare)
    assert [s.name for s in result.content.stores] == ["A", "B"]


def test_damaged_workbook_is_a_problem(book: BookMaker, tmp_path: Path) -> None:
    def damage(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == "xl/worksheets/sheet1.xml" else data

    broken = rewrite(book({"Stores": [["Name"], ["A"]]}), tmp_path / "broken.xlsx", damage)
    result = read_workbook(broken)
    assert result.problems and result.problems[0].is_error
