"""Ratings and store reports to files: an .xlsx sheet (openpyxl, imported only when
writing) or CSV (``io.tables``). Numbers stay numbers in the workbook (``Decimal`` cells
with a number format), user text that Excel could run as a formula is written as text
(SPEC §8). Standard library and openpyxl only; never Qt, never the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from kpidesk.core.money import plain
from kpidesk.core.ratings import KPI, Rating
from kpidesk.io.tables import write_csv

_RISKY = ("=", "+", "-", "@", "\t", "\r")
PERCENT_FORMAT = "0.0%"
NUMBER_FORMAT = "#,##0.00"
INTEGER_FORMAT = "0"

RATING_COLUMNS = ("rank", "name", "value", "previous", "change", "complete")


def rating_records(rating: Rating) -> list[dict[str, object]]:
    """The rating's rows as records with exact ``Decimal`` values (``None`` = no data) and
    ``complete`` as ``"n/m"``."""
    return [
        {
            "rank": row.rank,
            "name": row.name,
            "value": row.value,
            "previous": row.previous,
            "change": row.change,
            "complete": row.complete_text,
        }
        for row in rating.rows
    ]


def rating_csv_records(rating: Rating) -> list[dict[str, object]]:
    """Records for CSV: decimal strings (a KPI with 3 decimals, other values with 2)."""
    places = 3 if rating.measure == KPI else 2
    records = rating_records(rating)
    for record in records:
        for key in ("value", "previous", "change"):
            value = record[key]
            record[key] = plain(value, places) if isinstance(value, Decimal) else None
    return records


def write_rating_csv(
    rating: Rating, path: Path, *, headers: Mapping[str, str] | None = None, delimiter: str = ","
) -> Path:
    """Write a rating as CSV (UTF-8 with a BOM so Excel reads Cyrillic).

    Args:
        rating: the rating.
        path: the file to create or replace.
        headers: column titles by column key (``rank``, ``name``, …); default the keys.
        delimiter: ``,`` or ``;`` (what Russian Excel splits on).
    """
    titles = dict(headers or {})
    rows = [
        {titles.get(key, key): value for key, value in record.items()}
        for record in rating_csv_records(rating)
    ]
    columns = [titles.get(key, key) for key in RATING_COLUMNS]
    return write_csv(rows, path, columns=columns, delimiter=delimiter)


def write_rating_xlsx(
    rating: Rating,
    path: Path,
    *,
    title: str = "Rating",
    headers: Mapping[str, str] | None = None,
    caption: str | None = None,
) -> Path:
    """Write a rating as one sheet; a KPI is a percentage cell (``113.7%``).

    Args:
        rating: the rating.
        path: the .xlsx file to create or replace.
        title: the sheet's name (cut to Excel's 31 characters).
        headers: column titles by column key; default the keys.
        caption: an optional first line (what is ranked, over which range).
    """
    titles = dict(headers or {})
    number = PERCENT_FORMAT if rating.measure == KPI else NUMBER_FORMAT
    formats = [INTEGER_FORMAT, None, number, number, number, None]
    rows = [[record[key] for key in RATING_COLUMNS] for record in rating_records(rating)]
    return write_table_xlsx(
        path,
        title,
        [titles.get(key, key) for key in RATING_COLUMNS],
        rows,
        formats,
        caption=caption,
    )


def write_table_xlsx(
    path: Path,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    formats: Sequence[str | None] = (),
    *,
    caption: str | None = None,
) -> Path:
    """Write one table as an .xlsx sheet: a bold header, numbers as numbers.

    Args:
        path: the file to create or replace.
        title: the sheet's name.
        headers: column titles.
        rows: the cells; ``Decimal``/``int`` become number cells, ``None`` stays empty.
        formats: a number format per column (``None`` = general).
        caption: an optional bold line above the header.

    Raises:
        OSError: the file cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.title = _sheet_title(title)
    bold = Font(bold=True)
    if caption:
        sheet.append([caption])
        sheet.cell(row=1, column=1).font = bold
        if caption.startswith(_RISKY):
            sheet.cell(row=1, column=1).data_type = "s"
    sheet.append(list(headers))
    header_row = sheet.max_row
    for column in range(1, len(headers) + 1):
        sheet.cell(row=header_row, column=column).font = bold
    for row in rows:
        sheet.append(list(row))
        current = sheet.max_row
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=current, column=column)
            if isinstance(value, str) and value.startswith(_RISKY):
                cell.data_type = "s"
                cell.quotePrefix = True
            fmt = formats[column - 1] if column - 1 < len(formats) else None
            if fmt and isinstance(value, Decimal | int) and not isinstance(value, bool):
                cell.number_format = fmt
    for column, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(_shown(row, column)) for row in rows] + [6])
        sheet.column_dimensions[_letter(column)].width = min(width + 2, 60)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    path = Path(path)
    workbook.save(path)
    workbook.close()
    return path


def _sheet_title(title: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip() or "Sheet"
    return cleaned[:31]


def _shown(row: Sequence[object], column: int) -> str:
    value = row[column - 1] if column - 1 < len(row) else None
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.quantize(Decimal("0.01")), "f")
    return str(value)


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))
