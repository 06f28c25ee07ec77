"""The streamed export (``io.xlsx_stream``, used by ``write_workbook`` for a company's
content) writes the same cells as the openpyxl path the template takes: every value,
number format, bold header, quote prefix, column width and the frozen header row — read
back with openpyxl; and the streaming writer's own rules (control characters refused,
spaces kept, Excel serials as openpyxl writes them)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from kpidesk.io.sheets import SHEETS
from kpidesk.io.template_lists import TemplateLists
from kpidesk.io.writer import write_workbook
from kpidesk.io.xlsx_stream import StreamWorkbook, Style, Styled
from tests.unit.io.test_io_write import full_content


def _cells(path: Path, titles: list[str]) -> dict[str, object]:
    book = openpyxl.load_workbook(path)
    found: dict[str, object] = {}
    for title in titles:
        ws = book[title]
        found[title] = (
            ws.freeze_panes,
            {k: round(v.width, 2) for k, v in ws.column_dimensions.items() if v.width},
            [
                (c.coordinate, c.value, c.number_format, bool(c.font.b), bool(c.quotePrefix))
                for row in ws.iter_rows()
                for c in row
                if c.value is not None
            ],
        )
    return found


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_streamed_export_writes_the_cells_of_the_openpyxl_path(tmp_path: Path, lang: str) -> None:
    content = full_content()
    streamed = write_workbook(content, tmp_path / "streamed.xlsx", lang=lang)
    # with drop-down lists the openpyxl path writes the same sheets (and a lists sheet)
    reference = write_workbook(
        content, tmp_path / "openpyxl.xlsx", lang=lang, lists=TemplateLists.of(lang)
    )
    titles = [spec.label(lang) for spec in SHEETS]
    assert openpyxl.load_workbook(streamed).sheetnames == titles
    ours, theirs = _cells(streamed, titles), _cells(reference, titles)
    assert ours == theirs
    assert any(cell[4] for _, _, cells in ours.values() for cell in cells)  # quote prefix
    assert any(isinstance(cell[1], datetime) for _, _, cells in ours.values() for cell in cells)


def test_stream_writer_rules(tmp_path: Path) -> None:
    book = StreamWorkbook()
    ws = book.create_sheet("Лист & <1>")
    ws.append(
        [
            "  spaced ",
            Styled(date(1900, 2, 28), Style(number_format="DD.MM.YYYY")),
            Styled(datetime(2026, 10, 1, 12, 0), Style(number_format="DD.MM.YYYY HH:MM")),
            True,
            None,
            12345678901,
            0.1,
        ]
    )
    book.save(tmp_path / "x.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["Лист & <1>"]
    assert [c.value for c in sheet[1]] == [
        "  spaced ",
        datetime(1900, 2, 28),
        datetime(2026, 10, 1, 12, 0),
        True,
        None,
        12345678901,
        0.1,
    ]
    with pytest.raises(ValueError, match="control character"):
        ws.append(["bell\x07"])
    with pytest.raises(ValueError, match="cannot write"):
        ws.append([object()])


def test_grid_sheet_cells_in_any_order(tmp_path: Path) -> None:
    from kpidesk.io.xlsx_grid import Font

    book = StreamWorkbook()
    ws = book.create_grid_sheet("Сводка")
    ws["$B$3"] = "=SUM(B1:B2)"
    ws.cell(1, 2, 2.5).number_format = "0.00"
    ws["B2"] = 4
    ws["A1"] = "=не формула"
    ws["A1"].data_type = "s"
    ws["A1"].quotePrefix = True
    ws.cell(2, 1, "Итого").font = Font(bold=True, size=13)
    ws.cell(4, 1).number_format = "0.0%"  # an empty cell keeps its format
    ws.column_dimensions["B"].width = 14
    ws.freeze_panes = "A3"
    book.save(tmp_path / "g.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "g.xlsx")["Сводка"]
    assert [(c.value, c.data_type) for c in sheet["A1":"B3"][0]] == [
        ("=не формула", "s"),
        (2.5, "n"),
    ]
    assert sheet["A1"].quotePrefix and sheet["B1"].number_format == "0.00"
    assert sheet["B3"].value == "=SUM(B1:B2)" and sheet["B3"].data_type == "f"
    assert sheet["A2"].font.b and sheet["A2"].font.sz == 13 and not sheet["B2"].font.b
    assert sheet["A4"].number_format == "0.0%"
    assert sheet.column_dimensions["B"].width == 14 and sheet.freeze_panes == "A3"
