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
from kpidesk.core.ratings import KPI, Rating, Subject, printed, printed_places
from kpidesk.io.tables import write_csv

_RISKY = ("=", "+", "-", "@", "\t", "\r")
PERCENT_FORMAT = "0.0%"
NUMBER_FORMAT = "#,##0.00"
INTEGER_FORMAT = "0"

RATING_COLUMNS = ("rank", "name", "value", "previous", "change", "complete")
PEOPLE_COLUMNS = ("position", "store")  # after the others, in an employee rating
COMPANY = "company"  # the name of the company entry of a department rating


def rating_columns(rating: Rating) -> tuple[str, ...]:
    """The columns of a rating's table: an employee rating adds position and store."""
    if rating.subject is Subject.EMPLOYEE:
        return (*RATING_COLUMNS, *PEOPLE_COLUMNS)
    return RATING_COLUMNS


def rating_records(rating: Rating, *, company: str = COMPANY) -> list[dict[str, object]]:
    """The rating's rows as records with exact ``Decimal`` values (``None`` = no data) and
    ``complete`` as ``"n/m"``; the change is the printed value minus the printed previous
    (``core.ratings``). A department rating ends with the company entry (its KPI and
    complete matrices, SPEC §2.9), named ``company``.

    Args:
        rating: the rating.
        company: the name written for the company entry (the window translates it).
    """
    people = rating.subject is Subject.EMPLOYEE
    records: list[dict[str, object]] = []
    for row in rating.rows:
        record: dict[str, object] = {
            "rank": row.rank,
            "name": row.name,
            "value": row.value,
            "previous": row.previous,
            "change": row.change,
            "complete": row.complete_text,
        }
        if people:
            record["position"] = row.position
            record["store"] = row.store
        records.append(record)
    overall = rating.overall
    if rating.subject is Subject.DEPARTMENT and overall is not None:
        records.append(
            {
                "rank": None,
                "name": company,
                "value": overall.value,
                "previous": None,
                "change": None,
                "complete": overall.complete_text,
            }
        )
    return records


def rating_csv_records(rating: Rating, *, company: str = COMPANY) -> list[dict[str, object]]:
    """Records for CSV: decimal strings (a KPI with 3 decimals, other values with 2; never
    ``-0``)."""
    places = printed_places(rating.measure)
    records = rating_records(rating, company=company)
    for record in records:
        for key in ("value", "previous", "change"):
            value = record[key]
            record[key] = plain(value, places) if isinstance(value, Decimal) else None
    return records


def write_rating_csv(
    rating: Rating,
    path: Path,
    *,
    headers: Mapping[str, str] | None = None,
    delimiter: str = ",",
    company: str = COMPANY,
) -> Path:
    """Write a rating as CSV (UTF-8 with a BOM so Excel reads Cyrillic).

    Args:
        rating: the rating.
        path: the file to create or replace.
        headers: column titles by column key (``rank``, ``name``, …); default the keys.
        delimiter: ``,`` or ``;`` (what Russian Excel splits on).
        company: the name of the company entry of a department rating.
    """
    titles = dict(headers or {})
    rows = [
        {titles.get(key, key): value for key, value in record.items()}
        for record in rating_csv_records(rating, company=company)
    ]
    columns = [titles.get(key, key) for key in rating_columns(rating)]
    return write_csv(rows, path, columns=columns, delimiter=delimiter)


def write_rating_xlsx(
    rating: Rating,
    path: Path,
    *,
    title: str = "Rating",
    headers: Mapping[str, str] | None = None,
    caption: str | None = None,
    company: str = COMPANY,
) -> Path:
    """Write a rating as one sheet; a KPI is a percentage cell (``113.7%``). The values
    are written as printed (a KPI to 0.1 %, others to 0.01), so the change column is their
    difference in the sheet too.

    Args:
        rating: the rating.
        path: the .xlsx file to create or replace.
        title: the sheet's name (cut to Excel's 31 characters).
        headers: column titles by column key; default the keys.
        caption: an optional first line (what is ranked, over which range).
        company: the name of the company entry of a department rating.
    """
    titles = dict(headers or {})
    number = PERCENT_FORMAT if rating.measure == KPI else NUMBER_FORMAT
    columns = rating_columns(rating)
    formats = [INTEGER_FORMAT, None, number, number, number, None, None, None]
    places = printed_places(rating.measure)
    rows = []
    for record in rating_records(rating, company=company):
        for key in ("value", "previous", "change"):
            value = record[key]
            if isinstance(value, Decimal):
                record[key] = printed(value, places)
        rows.append([record.get(key) for key in columns])
    return write_table_xlsx(
        path,
        title,
        [titles.get(key, key) for key in columns],
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
