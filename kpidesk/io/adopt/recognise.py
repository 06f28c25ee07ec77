"""Recognising an owner's own workbook (SPEC §6.1): every sheet → a KPI matrix sheet (one
employee, or several employees' blocks one under another), a daily log (one store, or a
store column), or not understood (with the reason), without a template.

Who a matrix belongs to: a "ФИО:" / "Сотрудник:" label above its table, else the sheet's
name (a sheet with one table). Its period: a "Период:" label, else a title naming a month
("KPI за октябрь 2026"), else the sheet's name ("окт 2026", "10.2026"), else the period
given on the command line (``default_period``) — the sheet's own words come first, because
a workbook often holds several months. The store of a log: a store column, else a
"Магазин:" label, else the sheet's name. The user's :class:`~.model.Corrections` win over
all of it.

Must not: touch the company (``content`` turns this into interchange content).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem, Severity
from kpidesk.io.adopt.daily_logs import read_log
from kpidesk.io.adopt.grid import SheetGrid, UnreadableWorkbookError, load_grids
from kpidesk.io.adopt.matrix_sheets import read_matrix
from kpidesk.io.adopt.model import (
    Corrections,
    DailyLog,
    MatrixBlock,
    MatrixLine,
    Recognition,
    SheetCorrection,
    SheetKind,
    SheetRecognition,
    Table,
)
from kpidesk.io.adopt.periods import period_in
from kpidesk.io.adopt.tables import Label, cell_text, find_tables, labels
from kpidesk.io.cells import decimal, show


def recognise_workbook(
    path: Path, *, default_period: Period | None = None, corrections: Corrections | None = None
) -> Recognition:
    """What each sheet of ``path`` is. Never raises for a bad file: a refusal is a
    problem of the file."""
    corrections = corrections or Corrections()
    try:
        grids = load_grids(Path(path))
    except UnreadableWorkbookError as error:
        problem = Problem(
            code=error.code,
            message=str(error),
            value=Path(path).name,
            params=(("file", Path(path).name),),
        )
        return Recognition(Path(path), (), (problem,))
    return recognise_grids(path, grids, default_period=default_period, corrections=corrections)


def recognise_grids(
    path: Path,
    grids: list[SheetGrid],
    *,
    default_period: Period | None = None,
    corrections: Corrections | None = None,
) -> Recognition:
    """:func:`recognise_workbook` on grids already loaded."""
    corrections = corrections or Corrections()
    year = default_period.start.year if default_period else _year_hint(grids)
    sheets = tuple(_sheet(grid, default_period, year, corrections) for grid in grids)
    return Recognition(Path(path), sheets)


def _year_hint(grids: list[SheetGrid]) -> int | None:
    for grid in grids:
        found = period_in(grid.name)
        if found is not None:
            return found.start.year
    return None


def _sheet(
    grid: SheetGrid, default_period: Period | None, year: int | None, corrections: Corrections
) -> SheetRecognition:
    correction = corrections.sheets.get(grid.name, SheetCorrection())
    if correction.skip:
        return SheetRecognition(grid.name, SheetKind.SKIPPED)
    tables = find_tables(grid, corrections.columns)
    if not tables:
        why = Problem(
            code="adopt_not_a_table",
            message="no KPI table or daily log found: no row names the columns of one "
            "(Показатель, Вес, Норма, Факт or Дата, Выручка)",
            where=Location(sheet=grid.name),
            severity=Severity.WARNING,
            params=(("sheet", grid.name),),
        )
        return SheetRecognition(grid.name, SheetKind.UNKNOWN, problems=(why,))
    problems: list[Problem] = []
    blocks: list[MatrixBlock] = []
    logs: list[DailyLog] = []
    single = len(tables) == 1
    sheet_name = grid.name
    previous_end = 0
    for number, table in enumerate(tables):
        stop = tables[number + 1].row - 1 if number + 1 < len(tables) else len(grid.rows)
        above = labels(grid, previous_end, table.row - 1)
        if table.kind is SheetKind.MATRIX:
            read = read_matrix(grid, table, stop)
            found = above + (labels(grid, read.end, stop) if single else [])
            block = _block(
                grid,
                table,
                read.lines,
                found,
                previous_end,
                single,
                correction,
                default_period,
                year,
                problems,
            )
            blocks.append(replace(block, sheet_kpi=read.sheet_kpi, total_row=read.total_row))
            problems += read.problems
            problems += [
                _not_reproduced(sheet_name, table, line)
                for line in read.lines
                if not line.method_reproduces
            ]
            previous_end = read.end
        else:
            store, store_from = _store(grid, table, above, correction, single)
            log = read_log(grid, table, store, stop)
            logs.append(DailyLog(table, store, log.days, log.skipped, store_from))
            problems += log.problems
            previous_end = log.end
    kind = tables[0].kind
    return SheetRecognition(grid.name, kind, tuple(blocks), tuple(logs), tuple(problems))


def _not_reproduced(sheet: str, table: Table, line: MatrixLine) -> Problem:
    index = table.column("index")
    return Problem(
        code="adopt_index_not_reproduced",
        message=f"no index method gives the sheet's own index of '{line.indicator}' "
        f"({line.sheet_index}); {line.method.value} is used — check the sheet's formula",
        where=Location(sheet=sheet, row=line.row, column=index.text if index else None),
        value=str(line.sheet_index),
        severity=Severity.WARNING,
        params=(("indicator", line.indicator), ("method", line.method.value)),
    )


def _first(found: list[Label], field: str) -> Label | None:
    return next((label for label in found if label.field == field), None)


def _block(
    grid: SheetGrid,
    table: Table,
    lines: tuple[MatrixLine, ...],
    found: list[Label],
    region_start: int,
    single: bool,
    correction: SheetCorrection,
    default_period: Period | None,
    year: int | None,
    problems: list[Problem],
) -> MatrixBlock:
    sheet = grid.name
    employee_label = _first(found, "employee")
    employee: str | None
    if correction.subject and single:
        employee, employee_from = correction.subject, "user"
    elif employee_label is not None and cell_text(employee_label.value):
        employee, employee_from = cell_text(employee_label.value), "cell"
    elif single:
        employee, employee_from = sheet.strip(), "sheet name"
    else:
        employee, employee_from = None, "cell"
        problems.append(
            Problem(
                code="adopt_no_employee",
                message="whose matrix this is was not found (no 'ФИО:' or 'Сотрудник:' "
                "above the table)",
                where=Location(sheet=sheet, row=table.row),
                params=(("sheet", sheet),),
            )
        )
    period, period_from = _period(
        grid, found, region_start, table, correction, default_period, year
    )
    if period is None:
        problems.append(
            Problem(
                code="adopt_no_period",
                message="the period was not found (no 'Период:' cell, no month in a title "
                "or in the sheet's name); give it with --period",
                where=Location(sheet=sheet, row=table.row),
                params=(("sheet", sheet),),
            )
        )
    amounts: dict[str, Decimal | None] = {}
    for field in ("fixed_pay", "target_bonus"):
        label = _first(found, field)
        amounts[field] = None
        if label is None:
            continue
        try:
            value = label.value
            amounts[field] = value if isinstance(value, Decimal) else decimal(value)
        except ValueError as error:
            problems.append(
                Problem(
                    code="bad_value",
                    message=str(error),
                    where=Location(sheet=sheet, row=label.row, field=field),
                    value=show(label.value) if not isinstance(label.value, Decimal) else "",
                )
            )
    position = _first(found, "position")
    store = _first(found, "store")
    return MatrixBlock(
        table=table,
        employee=employee,
        period=period,
        lines=lines,
        position=(cell_text(position.value) or None) if position else None,
        store=(cell_text(store.value) or None) if store else None,
        fixed_pay=amounts["fixed_pay"],
        target_bonus=amounts["target_bonus"],
        employee_from=employee_from,
        period_from=period_from,
    )


def _period(
    grid: SheetGrid,
    found: list[Label],
    region_start: int,
    table: Table,
    correction: SheetCorrection,
    default_period: Period | None,
    year: int | None,
) -> tuple[Period | None, str]:
    if correction.period is not None:
        return correction.period, "user"
    label = _first(found, "period")
    if label is not None and (period := period_in(label.value, year)) is not None:
        return period, "cell"
    for r in range(region_start, table.row - 1):
        for value in grid.rows[r]:
            if isinstance(value, str) and (period := period_in(value, year)) is not None:
                return period, "cell"
    if (period := period_in(grid.name, year)) is not None:
        return period, "sheet name"
    if default_period is not None:
        return default_period, "command line"
    return None, "cell"


def _store(
    grid: SheetGrid,
    table: Table,
    found: list[Label],
    correction: SheetCorrection,
    single: bool,
) -> tuple[str | None, str]:
    if correction.subject and single:
        return correction.subject, "user"
    if table.column("store") is not None:
        return None, "column"
    label = _first(found, "store")
    if label is not None and cell_text(label.value):
        return cell_text(label.value), "cell"
    return grid.name.strip(), "sheet name"
