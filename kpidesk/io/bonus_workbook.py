"""The bonus workbook (SPEC §6 "Export", §4.8): a summary sheet and one sheet per employee
whose index, weighted index, KPI, payout coefficient, bonus and total are *live Excel
formulas* (English function names) over the exported inputs, so that Excel or LibreOffice
recomputes exactly the app's numbers.

Exactness. The app computes in ``Decimal``; a spreadsheet computes in binary doubles, so a
KPI of exactly 1.0005 (SPEC §2.4, example D) arrives as 1.00049999999999994… and a bare
``ROUND(x,3)`` may give 1.000 instead of 1.001. Every rounding therefore first rounds to
ten places (KPI, indices) or eight places (money), which removes the binary noise
(≈1e-15) and keeps every decimal digit a real KPI or amount has: ``ROUND(ROUND(x,10),3)``.
A KPI whose exact value lies within 1e-10 *below* a half-step (never the case for facts
typed with a few decimals) would round up here and down in the app. The per-indicator
payout's split of the target bonus (largest remainder, see ``core.pay``) is reproduced with
``ROUNDDOWN`` and a ``SUMPRODUCT`` rank.

An incomplete employee's sheet has the same live formulas as a complete one with the
missing fact cell empty (SPEC §6): every computed cell waits with the text "нет данных"
(no data) until the cells it reads hold numbers, so typing the fact in Excel computes the
index, KPI, bonus, total and the status. Only a matrix the app refuses (no matrix, errors
in it) keeps plain "нет данных" cells. A per-indicator sheet has no single payout
coefficient: its coefficient cell says "по показателям" and each row has its share,
coefficient and amount. In a half-month the fixed pay and target bonus cells are formulas
over the monthly amounts beside them (H1: ``ROUND(monthly/2)``, H2: the rest, SPEC §2.2).
The summary's totals follow SPEC §2.5: fixed pay over everyone, bonus and total over the
complete sheets, and the number of incomplete ones beside them.

User text that starts with ``=``, ``+``, ``-`` or ``@`` is written as text with Excel's
quote prefix, never as a formula (SPEC §8).

The words, number formats, safe text, sheet titles and the index and payout formulas
live in ``io.bonus_workbook_formulas``; this module lays out the sheets.

Must not: import the store or Qt, or compute a number itself (the formulas do, and the
tests check them against ``core``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.pay import half_of
from kpidesk.core.payout import PayoutKind
from kpidesk.core.problems import has_errors
from kpidesk.core.results import EmployeeResult, PeriodResult, RowResult
from kpidesk.io.bonus_workbook_formulas import (
    COEFFICIENT_FORMAT,
    FIRST_ROW,
    MONEY_FORMAT,
    NUMBER_FORMAT,
    PERCENT_FORMAT,
    WHOLE_FORMAT,
    WORDS,
    coefficient_formula,
    index_formula,
    number_value,
    put_text,
    sheet_ref,
    sheet_title,
    status_text,
    text_literal,
    when_number,
)
from kpidesk.io.xlsx_grid import Font
from kpidesk.io.xlsx_stream import StreamWorkbook


class _EmployeeSheet:
    """Writes one employee's sheet; remembers where its totals are for the summary."""

    def __init__(
        self, ws: Any, result: EmployeeResult, company: str, locked: bool, lang: str
    ) -> None:
        self.ws = ws
        self.result = result
        self.lang = lang
        self.words = WORDS[lang]
        self.company = company
        self.helper_row = 0
        self.locked = locked
        self.cells: dict[str, str] = {}
        self.no_data = self.words["no_data"]
        # live formulas unless the app refuses the matrix itself (none, or errors in it)
        self.live = result.matrix is not None and not has_errors(result.problems)

    def write(self) -> None:
        ws, words, result = self.ws, self.words, self.result
        employee = result.employee
        bold = Font(bold=True)
        put_text(ws["A1"], self.company)
        ws["A1"].font = Font(bold=True, size=13)
        heading: list[tuple[str, object]] = [
            ("period", result.period.code),
            ("employee", employee.name),
            ("position", employee.position),
            ("store", employee.store or ""),
        ]
        for offset, (key, value) in enumerate(heading, start=2):
            ws.cell(offset, 1, words[key]).font = bold
            put_text(ws.cell(offset, 2), str(value))
        self._amounts(bold)
        ws.cell(8, 1, words["status"]).font = bold
        self.cells.update(fixed="$B$6", status="$B$8")
        last = self._matrix(bold)
        self._totals(last, bold)
        self._status()
        widths = {"A": 30, "B": 26, "C": 11, "D": 13, "E": 12, "F": 12, "G": 12, "H": 15}
        for column, width in widths.items():
            ws.column_dimensions[column].width = width
        for column in "IJKLMNO":
            ws.column_dimensions[column].width = 14
        ws.freeze_panes = "A11"

    @property
    def per_indicator(self) -> bool:
        return self.result.schedule.per_indicator

    def _amounts(self, bold: Any) -> None:
        """B6 fixed pay and B7 target bonus of the period; in a half-month formulas over
        the monthly amounts in D6/D7 (H1 ``ROUND(monthly/2)``, H2 ``monthly − H1``)."""
        ws, words, result = self.ws, self.words, self.result
        employee = result.employee
        half = None if result.money_withheld else result.half_month
        rows = (
            (6, "fixed_pay", employee.fixed_pay, half.monthly_fixed_pay if half else None),
            (7, "target_bonus", employee.target_bonus, half.monthly_target_bonus if half else None),
        )
        which = half_of(result.period)
        for row, key, value, monthly in rows:
            ws.cell(row, 1, words[key]).font = bold
            if monthly is None or which is None:
                ws.cell(row, 2, number_value(value)).number_format = MONEY_FORMAT
                continue
            ws.cell(row, 3, words["monthly"])
            ws.cell(row, 4, number_value(monthly)).number_format = MONEY_FORMAT
            first = f"ROUND(ROUND(D{row}/2,8),2)"
            formula = f"={first}" if which == 1 else f"=ROUND(D{row}-{first},2)"
            ws.cell(row, 2, formula).number_format = MONEY_FORMAT

    def _status(self) -> None:
        """B8: the status; on a live sheet a formula that turns "complete" once the total
        computes (a fact typed in)."""
        ws, words, result = self.ws, self.words, self.result
        lock = "; " + (words["locked"] if self.locked else words["draft"])
        status = status_text(result, self.lang) + lock
        if not self.live or result.pay is not None:
            put_text(ws.cell(8, 2), status)
            return
        complete = text_literal(words["complete"] + lock)
        ws.cell(8, 2, f"=IF(ISNUMBER({self.cells['total']}),{complete},{text_literal(status)})")

    def _matrix(self, bold: Any) -> int:
        ws, words = self.ws, self.words
        keys = ["indicator", "code", "method", "weight", "base", "norm", "target", "fact"]
        keys += ["index", "weighted"]
        if self.per_indicator:
            keys += ["share", "row_coefficient", "row_bonus", "floor", "remainder"]
        for column, key in enumerate(keys, start=1):
            ws.cell(FIRST_ROW - 1, column, words[key]).font = bold
        r = FIRST_ROW - 1
        for r, row in enumerate(self.result.rows, start=FIRST_ROW):
            self._matrix_row(row, r)
        return max(r, FIRST_ROW - 1)

    def _matrix_row(self, row: RowResult, r: int) -> None:
        ws, words = self.ws, self.words
        indicator = row.indicator
        put_text(ws.cell(r, 1), indicator.name if indicator else row.row.indicator)
        put_text(ws.cell(r, 2), row.row.indicator)
        method = indicator.method if indicator else IndexMethod.SCALE
        ws.cell(r, 3, words[method.value])
        ws.cell(r, 4, number_value(row.row.weight)).number_format = PERCENT_FORMAT
        money = indicator is not None and indicator.unit == "₽"
        for column, value in (
            (5, row.row.base),
            (6, row.row.norm),
            (7, row.row.target),
            (8, row.fact),
        ):
            cell = ws.cell(r, column, number_value(value))
            if value is not None:
                whole = value == value.to_integral_value()
                cell.number_format = (
                    MONEY_FORMAT if money else WHOLE_FORMAT if whole else NUMBER_FORMAT
                )
        if row.fact is None:  # the empty fact cell, formatted for the fact to be typed
            ws.cell(r, 8).number_format = MONEY_FORMAT if money else NUMBER_FORMAT
        no_data = self.no_data
        formula = index_formula(row, r, no_data) if self.live else None
        if formula is None:
            ws.cell(r, 9, no_data)
            ws.cell(r, 10, no_data)
        else:
            ws.cell(r, 9, formula).number_format = PERCENT_FORMAT
            weighted = "=" + when_number(f"I{r}", f"D{r}*I{r}", no_data)
            ws.cell(r, 10, weighted).number_format = PERCENT_FORMAT

    def _totals(self, last: int, bold: Any) -> None:
        ws, words, result = self.ws, self.words, self.result
        first = FIRST_ROW
        t = max(last, FIRST_ROW) + 2
        labels = ["kpi_exact", "kpi", "coefficient", "bonus", "total"]
        for offset, key in enumerate(labels):
            ws.cell(t + offset, 1, words[key]).font = bold
        kpi_exact, kpi, coefficient, bonus, total = (f"B{t + i}" for i in range(5))
        self.cells.update(
            kpi=f"$B${t + 1}", coefficient=f"$B${t + 2}", bonus=f"$B${t + 3}", total=f"$B${t + 4}"
        )
        schedule_cells = self._schedule(t + 6, bold)
        no_data = self.no_data
        if not self.live or last < first:
            for cell in (kpi_exact, kpi, coefficient, bonus, total):
                ws[cell] = no_data
            return
        indices, weighted = f"I{first}:I{last}", f"J{first}:J{last}"
        # the KPI waits until every row's index is a number (a missing fact typed in)
        ws[kpi_exact] = (
            f"=IF(COUNT({indices})=ROWS({indices}),SUM({weighted}),{text_literal(no_data)})"
        )
        ws[kpi_exact].number_format = "0.0000%"
        ws[kpi] = "=" + when_number(kpi_exact, f"ROUND(ROUND({kpi_exact},10),3)", no_data)
        ws[kpi].number_format = PERCENT_FORMAT
        ws[kpi].font = bold
        if self.per_indicator:
            self._per_indicator(first, last, schedule_cells)
            ws[coefficient] = self.words["by_indicator"]  # no single coefficient (SPEC §2.5)
            ws[bonus] = "=" + when_number(kpi, f"SUM(M{first}:M{last})", no_data)
        else:
            coefficient_of = coefficient_formula(kpi, result.schedule, schedule_cells)
            ws[coefficient] = "=" + when_number(kpi, coefficient_of, no_data)
            ws[coefficient].number_format = COEFFICIENT_FORMAT
            ws[bonus] = "=" + when_number(
                coefficient, f"MAX(0,ROUND(ROUND(MAX(B7,0)*{coefficient},8),2))", no_data
            )
        ws[bonus].number_format = MONEY_FORMAT
        ws[total] = "=" + when_number(bonus, f"B6+{bonus}", no_data)
        ws[total].number_format = MONEY_FORMAT
        ws[total].font = bold

    def _schedule(self, s: int, bold: Any) -> dict[str, Any]:
        """Write the payout schedule from row ``s``; returns its cells for the formulas."""
        ws, words, schedule = self.ws, self.words, self.result.schedule
        ws.cell(s, 1, words["schedule"]).font = bold
        kind = words["steps"] if schedule.kind is PayoutKind.STEPS else words["linear"]
        if schedule.per_indicator:
            kind += ", " + words["per_indicator"]
        ws.cell(s, 2, kind)
        cells: dict[str, Any] = {"threshold": None, "cap": None, "steps": []}
        if schedule.kind is PayoutKind.STEPS:
            ws.cell(s + 1, 1, words["threshold"]).font = bold
            ws.cell(s + 1, 2, words["step_coefficient"]).font = bold
            for offset, step in enumerate(sorted(schedule.steps), start=s + 2):
                ws.cell(offset, 1, number_value(step.threshold)).number_format = PERCENT_FORMAT
                ws.cell(
                    offset, 2, number_value(step.coefficient)
                ).number_format = COEFFICIENT_FORMAT
                cells["steps"].append((f"$A${offset}", f"$B${offset}"))
            self.helper_row = s + 2 + len(schedule.steps)
        else:
            ws.cell(s + 1, 1, words["threshold"]).font = bold
            ws.cell(s + 1, 2, number_value(schedule.threshold)).number_format = PERCENT_FORMAT
            cells["threshold"] = f"$B${s + 1}"
            ws.cell(s + 2, 1, words["cap"]).font = bold
            if schedule.cap is not None:
                ws.cell(s + 2, 2, number_value(schedule.cap)).number_format = PERCENT_FORMAT
                cells["cap"] = f"$B${s + 2}"
            self.helper_row = s + 3
        return cells

    def _per_indicator(self, first: int, last: int, cells: dict[str, Any]) -> None:
        """Columns K–O: each row's share of the target bonus (largest remainder, as
        ``core.pay.split_target_bonus``), its coefficient and its amount."""
        ws = self.ws
        left = f"$B${self.helper_row}"
        ws.cell(self.helper_row, 1, self.words["kopecks_left"])
        weights = f"$D${first}:$D${last}"
        floors = f"$N${first}:$N${last}"
        remainders = f"$O${first}:$O${last}"
        target = "MAX($B$7,0)"
        ws[left] = (
            f"=ROUND((ROUND(ROUND({target}*SUMPRODUCT(({weights}>0)*{weights}),10),2)"
            f"-SUM({floors}))/0.01,0)"
        )
        for r in range(first, last + 1):
            ws[f"N{r}"] = f"=ROUNDDOWN(ROUND({target}*MAX(D{r},0),10),2)"
            ws[f"O{r}"] = f"=ROUND({target}*MAX(D{r},0)-N{r},10)"
            rank = f"SUMPRODUCT(--({remainders}>O{r}))+SUMPRODUCT(--($O${first}:O{r}=O{r}))"
            ws[f"K{r}"] = f"=N{r}+IF({rank}<={left},0.01,0)"
            row_kpi = f"ROUND(ROUND(I{r},10),3)"
            row_coefficient = coefficient_formula(row_kpi, self.result.schedule, cells)
            ws[f"L{r}"] = "=" + when_number(f"I{r}", row_coefficient, self.no_data)
            amount = f"MAX(0,ROUND(ROUND(K{r}*L{r},8),2))"
            ws[f"M{r}"] = "=" + when_number(f"L{r}", amount, self.no_data)
            for column, fmt in (("K", MONEY_FORMAT), ("L", COEFFICIENT_FORMAT)):
                ws[f"{column}{r}"].number_format = fmt
            ws[f"M{r}"].number_format = MONEY_FORMAT
            ws[f"N{r}"].number_format = MONEY_FORMAT
            ws[f"O{r}"].number_format = "0.0000000000"


def _summary(ws: Any, sheets: Sequence[tuple[str, _EmployeeSheet]], lang: str) -> None:
    words = WORDS[lang]
    bold = Font(bold=True)
    keys = ["number", "employee", "position", "store", "status", "kpi", "coefficient"]
    keys += ["fixed_pay", "bonus", "total"]
    for column, key in enumerate(keys, start=1):
        ws.cell(1, column, words[key]).font = bold
    r = 1
    for r, (title, sheet) in enumerate(sheets, start=2):
        employee = sheet.result.employee
        ws.cell(r, 1, r - 1)
        put_text(ws.cell(r, 2), employee.name)
        put_text(ws.cell(r, 3), employee.position)
        put_text(ws.cell(r, 4), employee.store or "")
        ws.cell(r, 5, "=" + sheet_ref(title, sheet.cells["status"]))
        for column, key, fmt in (
            (6, "kpi", PERCENT_FORMAT),
            (7, "coefficient", COEFFICIENT_FORMAT),
            (8, "fixed", MONEY_FORMAT),
            (9, "bonus", MONEY_FORMAT),
            (10, "total", MONEY_FORMAT),
        ):
            cell = ws.cell(r, column, "=" + sheet_ref(title, sheet.cells[key]))
            cell.number_format = fmt
    if sheets:
        # SPEC §2.5: fixed pay over everyone; bonus and total over the complete sheets,
        # the number of incomplete ones beside them (live: a fact typed in counts)
        t = r + 1
        ws.cell(t, 2, words["totals"]).font = bold
        totals = f"J2:J{r}"
        ws[f"H{t}"] = f"=SUM(H2:H{r})"
        for letter in "IJ":
            ws[f"{letter}{t}"] = f"=SUMPRODUCT(--ISNUMBER({totals}),{letter}2:{letter}{r})"
        for letter in "HIJ":
            ws[f"{letter}{t}"].number_format = MONEY_FORMAT
            ws[f"{letter}{t}"].font = bold
        ws.cell(t + 1, 2, words["incomplete_count"])
        ws[f"J{t + 1}"] = f"=ROWS({totals})-COUNT({totals})"
    for letter, width in zip("ABCDEFGHIJ", (5, 34, 26, 18, 30, 9, 12, 14, 14, 14), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"


def write_bonus_workbook(
    result: PeriodResult,
    path: Path,
    *,
    company: str = "",
    locked: bool = False,
    lang: str = "ru",
) -> Path:
    """Write the bonus workbook of a period.

    Args:
        result: the period's results (every employee gets a sheet, in this order).
        path: the .xlsx file to create or replace.
        company: the company's name for each sheet's first line.
        locked: whether the period is locked (said in each sheet's status).
        lang: ``"ru"`` or ``"en"`` labels (formulas always use English function names).

    Returns:
        ``path``.

    Raises:
        ValueError: an unknown language.
        OSError: the file cannot be written.
    """
    if lang not in WORDS:
        raise ValueError(f"unknown language {lang!r} (expected 'ru' or 'en')")
    workbook = StreamWorkbook()
    summary = workbook.create_grid_sheet(WORDS[lang]["summary"])
    taken = {summary.title.casefold()}
    sheets: list[tuple[str, _EmployeeSheet]] = []
    for employee in result.employees:
        title = sheet_title(employee.employee.name, taken)
        sheet = _EmployeeSheet(workbook.create_grid_sheet(title), employee, company, locked, lang)
        sheet.write()
        sheets.append((title, sheet))
    _summary(summary, sheets, lang)
    path = Path(path)
    workbook.save(path)
    return path
