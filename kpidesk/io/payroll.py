"""The payroll hand-off file (SPEC §7): the period's accruals as the table a payroll program
loads — in Russia 1С:ЗУП's "загрузка из табличного документа" (Зарплата и управление
персоналом → Начисления → «Загрузить из файла»): one row per accrual with the columns

    Табельный номер | Сотрудник | Дата начала | Дата окончания | Вид начисления | Сумма

(the names 1С's matching of the loaded columns recognises; the accrual kinds are «Оклад»
and «Премия по KPI», mapped once to the company's own accrual kinds in 1С). The xlsx has
amounts as numbers (two decimals) and dates as dates; the CSV, for other payroll programs,
uses ``;`` between cells, a decimal comma and ``dd.mm.yyyy`` dates, UTF-8 with a BOM.

Must not: decide who is paid what (the rows come from ``services.bonus_sheets`` and the
amounts from ``core``), or know Qt or the store.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from kpidesk.core.money import plain

HEADERS = (
    "Табельный номер",
    "Сотрудник",
    "Дата начала",
    "Дата окончания",
    "Вид начисления",
    "Сумма",
)
FIXED_PAY_KIND = "Оклад"
BONUS_KIND = "Премия по KPI"
_MONEY_FORMAT = "0.00"
_DATE_FORMAT = "DD.MM.YYYY"


@dataclass(frozen=True)
class Accrual:
    """One accrual of one employee for a pay period."""

    personnel_number: str | None
    employee: str
    start: date
    end: date
    kind: str  # FIXED_PAY_KIND or BONUS_KIND
    amount: Decimal


def write_payroll_xlsx(accruals: Sequence[Accrual], path: Path, *, title: str) -> Path:
    """Write the accruals as one sheet named ``Начисления``; ``title`` goes to the file's
    properties (the company and period), not into the table, which 1С reads from row 1."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Начисления"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for item in accruals:
        sheet.append(
            [
                item.personnel_number or "",
                item.employee,
                item.start,
                item.end,
                item.kind,
                item.amount,
            ]
        )
        row = sheet.max_row
        sheet.cell(row, 1).number_format = "@"  # "0042" stays text
        sheet.cell(row, 3).number_format = _DATE_FORMAT
        sheet.cell(row, 4).number_format = _DATE_FORMAT
        sheet.cell(row, 6).number_format = _MONEY_FORMAT
    for column, width in zip("ABCDEF", (17, 34, 13, 15, 17, 13), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    book.properties.title = title
    book.properties.creator = "kpidesk"
    book.save(path)
    return path


def payroll_csv(accruals: Sequence[Accrual]) -> str:
    """The accruals as CSV text: ``;``-separated, decimal comma, ``dd.mm.yyyy`` dates."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for item in accruals:
        writer.writerow(
            (
                item.personnel_number or "",
                item.employee,
                f"{item.start:%d.%m.%Y}",
                f"{item.end:%d.%m.%Y}",
                item.kind,
                (plain(item.amount, 2) or "0.00").replace(".", ","),
            )
        )
    return out.getvalue()


def write_payroll_csv(accruals: Sequence[Accrual], path: Path) -> Path:
    """Write :func:`payroll_csv` with a BOM (so that Excel and 1С read it as UTF-8)."""
    path.write_text(payroll_csv(accruals), encoding="utf-8-sig", newline="")
    return path
