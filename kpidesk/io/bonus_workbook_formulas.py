"""The cell conventions and formula builders of the bonus workbook (``io.bonus_workbook``):
the sheet's words in Russian and English, the number formats, the matrix's first row, user
text written safely (a value starting with ``=``, ``+``, ``-`` or ``@`` stays text, SPEC
§8), valid and unique sheet titles and references, an employee's status, and the Excel
formulas of a row's index and of the payout coefficient (English function names; see the
writer's docstring for why every rounding first rounds to ten or eight places).

Must not: import the store or Qt, open a workbook, or compute a number itself (the
formulas do, and the tests check them against ``core``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.payout import PayoutKind, PayoutSchedule
from kpidesk.core.results import EmployeeResult, RowResult

MONEY_FORMAT = '#,##0.00\\ "₽"'
PERCENT_FORMAT = "0.0%"
NUMBER_FORMAT = "#,##0.00"
WHOLE_FORMAT = "#,##0"
COEFFICIENT_FORMAT = "0.000"
_RISKY = ("=", "+", "-", "@")
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})
FIRST_ROW = 11  # the first matrix row on an employee sheet

WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "summary": "Сводка",
        "period": "Период",
        "employee": "Сотрудник",
        "position": "Должность",
        "store": "Магазин",
        "fixed_pay": "Оклад",
        "target_bonus": "Целевая премия",
        "status": "Статус",
        "complete": "расчёт полный",
        "missing_fact": "нет факта: %s",
        "no_matrix": "нет матрицы KPI",
        "invalid": "ошибки в матрице",
        "locked": "период закрыт",
        "draft": "черновик (период не закрыт)",
        "indicator": "Показатель",
        "code": "Код",
        "method": "Метод",
        "weight": "Вес",
        "base": "База",
        "norm": "Норма",
        "target": "Цель",
        "fact": "Факт",
        "index": "Индекс",
        "weighted": "Взвеш. индекс",
        "share": "Доля премии",
        "row_coefficient": "Коэффициент",
        "row_bonus": "Премия по показателю",
        "floor": "Доля вниз (служ.)",
        "remainder": "Остаток (служ.)",
        "kpi_exact": "KPI без округления",
        "kpi": "KPI",
        "coefficient": "Коэффициент выплаты",
        "bonus": "Премия",
        "total": "Итого к выплате",
        "schedule": "Схема премирования",
        "linear": "линейная",
        "steps": "ступенчатая",
        "per_indicator": "по каждому показателю отдельно",
        "threshold": "Порог",
        "cap": "Максимум",
        "step_coefficient": "Коэффициент",
        "kopecks_left": "Нераспределённые копейки (служ.)",
        "no_data": "нет данных",
        "scale": "шкала",
        "ratio": "факт/план",
        "binary": "да/нет",
        "number": "№",
        "totals": "Итого: оклад — все, премия и итого — полные расчёты",
        "incomplete_count": "Неполных расчётов (не вошли в премию и итого)",
        "monthly": "в месяц",
        "by_indicator": "по показателям",
    },
    "en": {
        "summary": "Summary",
        "period": "Period",
        "employee": "Employee",
        "position": "Position",
        "store": "Store",
        "fixed_pay": "Fixed pay",
        "target_bonus": "Target bonus",
        "status": "Status",
        "complete": "complete",
        "missing_fact": "no fact: %s",
        "no_matrix": "no KPI matrix",
        "invalid": "errors in the matrix",
        "locked": "period locked",
        "draft": "draft (period not locked)",
        "indicator": "Indicator",
        "code": "Code",
        "method": "Method",
        "weight": "Weight",
        "base": "Base",
        "norm": "Norm",
        "target": "Target",
        "fact": "Fact",
        "index": "Index",
        "weighted": "Weighted",
        "share": "Bonus share",
        "row_coefficient": "Coefficient",
        "row_bonus": "Row bonus",
        "floor": "Share rounded down (helper)",
        "remainder": "Remainder (helper)",
        "kpi_exact": "KPI unrounded",
        "kpi": "KPI",
        "coefficient": "Payout coefficient",
        "bonus": "Bonus",
        "total": "Total pay",
        "schedule": "Payout schedule",
        "linear": "linear",
        "steps": "steps",
        "per_indicator": "per indicator",
        "threshold": "Threshold",
        "cap": "Cap",
        "step_coefficient": "Coefficient",
        "kopecks_left": "Kopecks left to spread (helper)",
        "no_data": "no data",
        "scale": "scale",
        "ratio": "fact/plan",
        "binary": "yes/no",
        "number": "No.",
        "totals": "Total: fixed pay of all, bonus and total of complete sheets",
        "incomplete_count": "Incomplete sheets (not in the bonus and total)",
        "monthly": "a month",
        "by_indicator": "per indicator",
    },
}


def no_data_text(lang: str = "ru") -> str:
    """What the KPI, bonus and total cells of an incomplete employee hold."""
    return WORDS[lang]["no_data"]


def number_value(value: Decimal | None) -> float | None:
    """A ``Decimal`` as the float a cell holds (``None`` stays empty)."""
    return None if value is None else float(value)


def put_text(cell: Any, value: str | None) -> None:
    """Write user text: a value starting with ``=``, ``+``, ``-``, ``@`` stays text."""
    cell.value = value
    if value and value.startswith(_RISKY):
        cell.data_type = "s"
        cell.quotePrefix = True


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of ``[]:*?/\\``) for an employee."""
    cleaned = " ".join(name.translate(_BAD_SHEET_CHARS).split()).strip("'") or "—"
    title = cleaned[:31]
    number = 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title = cleaned[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(title.casefold())
    return title


def sheet_ref(title: str, cell: str) -> str:
    """A reference to ``cell`` on sheet ``title``: ``'Иванова И.'!$B$20``."""
    return "'" + title.replace("'", "''") + "'!" + cell


def status_text(result: EmployeeResult, lang: str) -> str:
    """``complete`` / ``no fact: nps`` / ``no KPI matrix`` / ``errors in the matrix``."""
    words = WORDS[lang]
    if result.pay is not None:
        return words["complete"]
    if result.missing == ("matrix",):
        return words["no_matrix"]
    if result.missing:
        names = []
        for code in result.missing:
            row = next((r for r in result.rows if r.row.indicator == code), None)
            names.append(row.indicator.name if row and row.indicator else code)
        return words["missing_fact"] % ", ".join(names)
    return words["invalid"]


def text_literal(value: str) -> str:
    """``value`` as an Excel string literal (``"…"``, inner quotes doubled)."""
    return '"' + value.replace('"', '""') + '"'


def when_number(cell: str, formula: str, no_data: str) -> str:
    """``formula`` when ``cell`` holds a number, else the "no data" text — how the cells of
    a sheet wait for a fact not yet typed in (SPEC §6: an incomplete employee's sheet has
    the complete one's formulas, so typing the fact computes the result)."""
    return f"IF(ISNUMBER({cell}),{formula},{text_literal(no_data)})"


def index_formula(row: RowResult, r: int, no_data: str) -> str | None:
    """The index formula of matrix row ``r`` (columns D weight … H fact), live whether or
    not the fact is there: "no data" until the fact cell holds a number. ``None`` when the
    app cannot compute the row's index at all (base = norm, a zero norm of ``ratio``) or
    could not with the fact it has (a division by zero)."""
    if row.fact is not None and row.index is None:
        return None
    method = row.indicator.method if row.indicator is not None else IndexMethod.SCALE
    m = row.row
    base = m.base if m.base is not None else Decimal(0)  # an empty base counts as 0
    if method is IndexMethod.BINARY:
        sign = "<=" if m.lower_is_better else ">="
        formula = f"IF(H{r}{sign}F{r},1,0)"
    elif method is IndexMethod.SCALE:
        if base == m.norm:
            return None
        raw = f"(H{r}-E{r})/(F{r}-E{r})"
        if m.target is None:
            formula = f"MAX(0,{raw})"
        else:
            formula = f"MAX(0,MIN({raw},(G{r}-E{r})/(F{r}-E{r})))"
    elif m.lower_is_better:
        raw = f"F{r}/H{r}"
        if m.target is None or m.target == 0:
            capped = f"MAX(0,{raw})"
        else:
            capped = f"MAX(0,MIN({raw},F{r}/G{r}))"
        # a fact of 0 divides by zero: the app has no index then either (core.kpi)
        formula = f"IF(H{r}=0,{text_literal(no_data)},{capped})"
    elif m.norm == 0:
        return None
    else:
        raw = f"H{r}/F{r}"
        if m.target is None:
            formula = f"MAX(0,{raw})"
        else:
            formula = f"MAX(0,MIN({raw},G{r}/F{r}))"
    return "=" + when_number(f"H{r}", formula, no_data)


def coefficient_formula(kpi: str, schedule: PayoutSchedule, cells: dict[str, Any]) -> str:
    """The payout coefficient of the KPI in cell ``kpi`` under ``schedule``; ``cells`` names
    the schedule's cells (threshold, cap, and steps as (threshold, coefficient) pairs)."""
    if schedule.kind is PayoutKind.STEPS:
        steps: list[tuple[str, str]] = cells["steps"]
        formula = "0"
        for threshold, coefficient in steps:  # sorted ascending: the highest is outermost
            formula = f"IF({kpi}>={threshold},{coefficient},{formula})"
        return f"MAX(0,{formula})"
    capped = f"MAX({kpi},0)" if cells["cap"] is None else f"MIN(MAX({kpi},0),{cells['cap']})"
    return f"IF({kpi}<{cells['threshold']},0,{capped})"
