"""Writing the interchange workbook (SPEC §6) and its empty template, with openpyxl.

Every sheet of :mod:`kpidesk.io.sheets` is written with headers in one language, a bold
frozen header row and sensible widths: dates are real Excel dates shown ``dd.mm.yyyy``,
money carries a ruble format, weights and other numbers are plain, periods are text codes.
User text that Excel could take for a formula (``=``, ``+``, ``-``, ``@``) is written as a
string with Excel's quote prefix, never as a formula (SPEC §8). openpyxl is imported here
and only here on the template's path, so reading never pays for it; the export of a
company's content (no drop-downs) goes through ``io.xlsx_stream``, which writes the same
sheets ≈ 8× faster than openpyxl's write-only mode (SPEC §9: ≤ 1.5 s).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from kpidesk.core.company import CompanyContent
from kpidesk.core.indicators import IndexMethod
from kpidesk.core.money import plain
from kpidesk.core.payout import PayoutKind
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.tasks import KIND_RU, STATUS_RU, DutyTemplate, Task
from kpidesk.io.sheets import SHEETS, SheetSpec
from kpidesk.io.template_lists import TemplateLists, add_drop_downs, add_lists_sheet
from kpidesk.io.xlsx_stream import StreamWorkbook, Style, Styled

DATE_FORMAT = "DD.MM.YYYY"
MONEY_FORMAT = '#,##0.00\\ "₽"'
_RISKY = ("=", "+", "-", "@", "\t", "\r")
_MONEY_FIELDS = {"fixed_pay", "target_bonus", "revenue", "returns"}
_WIDTH_SAMPLE = 200

_WORDS = {
    "ru": {
        "yes": "да",
        PeriodKind.MONTH: "месяц",
        PeriodKind.HALF: "полмесяца",
        PayoutKind.LINEAR: "линейная",
        PayoutKind.STEPS: "ступени",
        IndexMethod.SCALE: "шкала",
        IndexMethod.RATIO: "отношение",
        IndexMethod.BINARY: "бинарный",
    },
    "en": {
        "yes": "yes",
        PeriodKind.MONTH: "month",
        PeriodKind.HALF: "half",
        PayoutKind.LINEAR: "linear",
        PayoutKind.STEPS: "steps",
        IndexMethod.SCALE: "scale",
        IndexMethod.RATIO: "ratio",
        IndexMethod.BINARY: "binary",
    },
}

Row = list[Any]


def _number(value: Decimal | None) -> int | float | str | None:
    """A number cell when a float holds the value exactly, else exact text (read back
    exactly by the reader)."""
    if value is None:
        return None
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    return plain(value)


def _period(value: Period) -> str:
    return value.code


def _task_row(task: Task, lang: str) -> Row:
    russian = lang == "ru"
    return [
        task.title,
        KIND_RU[task.kind] if russian else task.kind.value,
        task.assignee,
        task.controller,
        _period(task.period),
        task.due,
        STATUS_RU[task.status] if russian else task.status.value,
        task.done_on,
        task.accepted_on,
        task.description or None,
        task.comment or None,
    ]


def _duty_row(duty: DutyTemplate, lang: str) -> Row:
    end = "конец периода" if lang == "ru" else "period end"
    return [
        duty.position if duty.employee is None else None,
        duty.employee,
        duty.title,
        duty.controller,
        end if duty.due_day is None else duty.due_day,
        duty.description or None,
    ]


def _rows(content: CompanyContent, lang: str) -> dict[str, list[Row]]:
    """Each sheet kind's rows, values in the order of the sheet's columns."""
    words = _WORDS[lang]

    def yes(flag: bool) -> str | None:
        return str(words["yes"]) if flag else None

    c = content
    rows: dict[str, list[Row]] = {
        "company": [],
        "stores": [[s.name, yes(s.archived)] for s in c.stores],
        "departments": [[d.name, yes(d.archived)] for d in c.departments],
        "positions": [[p.name, yes(p.archived)] for p in c.positions],
        "employees": [
            [
                e.personnel_number,
                e.name,
                e.position,
                e.store,
                e.department,
                _number(fixed),
                _number(bonus),
                e.start,
                e.end,
                yes(e.archived),
                since,
            ]
            for e in c.employees
            # the amounts from the start, then one row per pay change with its period
            for fixed, bonus, since in (
                (e.fixed_pay, e.target_bonus, None),
                *((r.fixed_pay, r.target_bonus, r.start.code) for r in e.rates),
            )
        ],
        "indicators": [
            [i.code, i.name, i.unit or None, i.source.text, words[i.method], yes(i.archived)]
            for i in c.indicators
        ],
        "matrices": [
            [
                _period(m.period),
                m.position if m.employee is None else None,
                m.employee,
                r.indicator,
                _number(r.weight),
                _number(r.base),
                _number(r.norm),
                _number(r.target),
            ]
            for m in c.matrices
            for r in m.rows
        ],
        "schedules": [],
        "daily": [
            [
                d.day,
                d.store,
                _number(d.revenue),
                d.receipts,
                d.visitors,
                d.units,
                _number(d.returns),
            ]
            for d in c.daily
        ],
        "seller_days": [
            [s.day, s.store, s.employee, _number(s.revenue), s.receipts, s.units]
            for s in c.seller_days
        ],
        "plans": [[_period(p.period), p.store, _number(p.revenue)] for p in c.plans],
        "facts": [[_period(f.period), f.employee, f.indicator, _number(f.value)] for f in c.facts],
        "inputs": [[_period(i.period), i.employee, i.name, _number(i.value)] for i in c.inputs],
        "duty_templates": [_duty_row(d, lang) for d in c.duty_templates],
        "tasks": [_task_row(t, lang) for t in c.tasks],
    }
    if c.company_name is not None or c.pay_period is not None:
        pay = words[c.pay_period] if c.pay_period is not None else None
        rows["company"].append([c.company_name, pay])
    for schedule in c.schedules:
        kind = words[schedule.kind]
        per = yes(schedule.per_indicator)
        if schedule.kind is PayoutKind.LINEAR:
            rows["schedules"].append(
                [_number(schedule.threshold), _number(schedule.cap), schedule.position, kind, per]
            )
        for step in schedule.steps if schedule.kind is PayoutKind.STEPS else ():
            rows["schedules"].append(
                [_number(step.threshold), _number(step.coefficient), schedule.position, kind, per]
            )
    return rows


def _columns(spec: SheetSpec, rows: list[Row]) -> list[int]:
    """Positions of the columns to write: the optional ``archived`` column only if used."""
    keep = []
    for position, column in enumerate(spec.columns):
        if column.field == "archived" and not any(row[position] for row in rows):
            continue
        keep.append(position)
    return keep


def _width(header: str, values: Iterable[object]) -> float:
    longest = len(header)
    for value in values:
        if isinstance(value, date):
            longest = max(longest, 10)
        elif isinstance(value, int | float):
            longest = max(longest, len(f"{value:,}") + 2)
        elif value is not None:
            longest = max(longest, len(str(value)))
    return min(max(longest + 2, 8), 50)


def _writer(ws: Any, field: str) -> Callable[[object], object]:
    """A function turning a value into what ``ws.append`` takes for this column."""
    from openpyxl.cell import WriteOnlyCell

    money = field in _MONEY_FIELDS

    def convert(value: object) -> object:
        if isinstance(value, date):
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = DATE_FORMAT
            return cell
        if money and isinstance(value, int | float):
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = MONEY_FORMAT
            return cell
        if isinstance(value, str) and value.startswith(_RISKY):
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"  # never a formula
            cell.quotePrefix = True
            return cell
        return value

    return convert


def _add_sheet(workbook: Any, spec: SheetSpec, rows: list[Row], lang: str) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = workbook.create_sheet(spec.label(lang))
    keep = _columns(spec, rows)
    ws.freeze_panes = "A2"
    headers = [spec.columns[p].label(lang) for p in keep]
    for number, (position, header) in enumerate(zip(keep, headers, strict=True), start=1):
        sample = (row[position] for row in rows[:_WIDTH_SAMPLE])
        ws.column_dimensions[get_column_letter(number)].width = _width(header, sample)
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=header)
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    converters = [_writer(ws, spec.columns[p].field) for p in keep]
    for row in rows:
        ws.append([convert(row[p]) for convert, p in zip(converters, keep, strict=True)])
    return ws


def write_workbook(
    content: CompanyContent,
    path: Path,
    *,
    lang: str = "ru",
    instructions: Sequence[Sequence[str]] | None = None,
    lists: TemplateLists | None = None,
) -> Path:
    """Write ``content`` as an interchange workbook that :func:`read_workbook` reads back.

    Args:
        content: what to write (``origins`` are ignored).
        path: the .xlsx file to create or replace.
        lang: header and sheet-name language, ``"ru"`` or ``"en"``.
        instructions: optional lines (each a list of cells) for a first ``Инструкция`` /
            ``Instructions`` sheet, which the reader ignores.
        lists: drop-down lists for the columns that take known values (the template's;
            ``io.template_lists``), on a hidden sheet the reader ignores.

    Returns:
        ``path``.
    """
    if lang not in _WORDS:
        raise ValueError(f"unknown language {lang!r} (expected 'ru' or 'en')")
    if instructions is None and lists is None:  # the export: no drop-downs, large sheets
        return _write_streamed(content, Path(path), lang)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    if instructions is not None:
        from openpyxl.cell import WriteOnlyCell

        ws = workbook.create_sheet("Инструкция" if lang == "ru" else "Instructions")
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 100
        plain_text = _writer(ws, "")
        for line in instructions:
            if len(line) == 1 and line[0]:  # a heading
                heading = WriteOnlyCell(ws, value=line[0])
                heading.font = Font(bold=True)
                ws.append([heading])
            else:
                ws.append([plain_text(text) for text in line])
    rows = _rows(content, lang)
    for spec in SHEETS:
        ws = _add_sheet(workbook, spec, rows[spec.kind], lang)
        if lists is not None:
            fields = [spec.columns[p].field for p in _columns(spec, rows[spec.kind])]
            add_drop_downs(ws, spec, fields, lists)
    if lists is not None:
        add_lists_sheet(workbook, lists, lang)
    path = Path(path)
    workbook.save(path)
    return path


_HEADER = Style(bold=True)
_DATE = Style(number_format=DATE_FORMAT)
_MONEY = Style(number_format=MONEY_FORMAT)
_QUOTED = Style(quote_prefix=True)


def _write_streamed(content: CompanyContent, path: Path, lang: str) -> Path:
    """The interchange workbook through ``io.xlsx_stream`` (≈ 8× faster than openpyxl for
    the 244 000 cells of the reference company): the same sheets, headers, widths, frozen
    header row and cell formats as the openpyxl path of the template."""
    workbook = StreamWorkbook()
    rows = _rows(content, lang)
    for spec in SHEETS:
        sheet_rows = rows[spec.kind]
        ws = workbook.create_sheet(spec.label(lang))
        keep = _columns(spec, sheet_rows)
        ws.freeze_header = True
        headers = [spec.columns[p].label(lang) for p in keep]
        for number, (position, header) in enumerate(zip(keep, headers, strict=True), start=1):
            sample = (row[position] for row in sheet_rows[:_WIDTH_SAMPLE])
            ws.widths[number] = _width(header, sample)
        ws.append([Styled(header, _HEADER) for header in headers])
        money = [spec.columns[p].field in _MONEY_FIELDS for p in keep]
        for row in sheet_rows:
            ws.append([_styled(row[p], is_money) for p, is_money in zip(keep, money, strict=True)])
    workbook.save(path)
    return path


def _styled(value: object, money: bool) -> object:
    """A value as ``_writer``'s converter writes it: dates and money with their formats,
    formula-like text with the quote prefix."""
    if isinstance(value, date):
        return Styled(value, _DATE)
    if money and isinstance(value, int | float) and not isinstance(value, bool):
        return Styled(value, _MONEY)
    if isinstance(value, str) and value.startswith(_RISKY):
        return Styled(value, _QUOTED)
    return value


def write_template(path: Path, *, lang: str = "ru", lists: TemplateLists | None = None) -> Path:
    """Write the empty interchange workbook: every sheet with headers only (importing it
    changes nothing), a first sheet explaining each sheet with examples, and drop-down
    lists (``lists``; by default sources, methods and units only)."""
    from kpidesk.io.instructions import instructions

    chosen = lists if lists is not None else TemplateLists.of(lang)
    return write_workbook(
        CompanyContent(), path, lang=lang, instructions=instructions(lang), lists=chosen
    )
