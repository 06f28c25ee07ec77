"""Report rows for the command line and exports: the bonus report (SPEC §5, its JSON exactly
as the spec shows it) and store metrics over a range. Numbers are decimal strings made from
the core's results; nothing is computed here.

The bonus report reproduces every bonus from itself: per employee the period's fixed pay
and target bonus (half the monthly amounts in a half-month) and the payout ``coefficient``
(``null`` for per-indicator payout, which has none, and when incomplete); per row of a
per-indicator sheet its ``share``, ``coefficient`` and ``amount``; a computed fact with its
two decimals. Its totals follow SPEC §2.5 (``core.pay_list``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kpidesk.core.money import plain, round_to
from kpidesk.core.pay_list import PayListTotals, pay_list_totals
from kpidesk.core.periods import Period
from kpidesk.core.results import EmployeeResult, PeriodResult, RowResult, Status
from kpidesk.core.store_metrics import StoreMetrics
from kpidesk.io.tables import to_csv

StoreMetricName = str
STORE_REPORT_METRICS: tuple[StoreMetricName, ...] = (
    "revenue",
    "receipts",
    "visitors",
    "units",
    "conversion",
    "avg_check",
    "upt",
    "revenue_per_visitor",
    "sales_dynamics",
    "plan",
    "plan_completion",
    "plan_days",  # the days of the range the plan covers (SPEC §2.6)
)
_PLACES = {
    "revenue": 2,
    "avg_check": 2,
    "revenue_per_visitor": 2,
    "plan": 2,
    "conversion": 2,
    "sales_dynamics": 2,
    "plan_completion": 2,
    "upt": 2,
    "receipts": 0,
    "visitors": 0,
    "units": 0,
    "plan_days": 0,
}


@dataclass(frozen=True)
class StoreReportRow:
    """One store's metrics over a range (``store`` None = the whole company)."""

    store: str | None
    metrics: StoreMetrics
    plan: Decimal | None = None


def _fact(row: RowResult) -> str | None:
    """A computed fact with its two decimals (``"2.00"``: its rounding shows, SPEC §5); a
    typed-in fact as typed."""
    computed = row.indicator is not None and not row.indicator.source.is_manual
    return plain(row.fact, 2) if computed else plain(row.fact)


def _row_json(row: RowResult, per_indicator: bool) -> dict[str, object]:
    item: dict[str, object] = {
        "indicator": row.row.indicator,
        "weight": plain(row.row.weight),
        "base": plain(row.row.base),
        "norm": plain(row.row.norm),
        "target": plain(row.row.target),
        "fact": _fact(row),
        "index": plain(row.index, 4),
    }
    if per_indicator:
        payout = row.payout
        item["share"] = plain(payout.share, 2) if payout is not None else None
        item["coefficient"] = plain(payout.coefficient) if payout is not None else None
        item["amount"] = plain(payout.amount, 2) if payout is not None else None
    return item


def _payout_coefficient(result: EmployeeResult) -> str | None:
    """The one payout coefficient, all of its digits (a step's may have more than three);
    ``None`` for per-indicator payout and when incomplete."""
    pay = result.pay
    if pay is None or pay.payout_coefficient is None:
        return None
    return plain(pay.payout_coefficient)


def _employee_json(result: EmployeeResult) -> dict[str, object]:
    pay = result.pay
    fixed = result.fixed_pay  # None when the reader may not see this person's money
    per_indicator = result.schedule.per_indicator and pay is not None
    return {
        "employee": result.employee.name,
        "personnel_number": result.employee.personnel_number,
        "position": result.employee.position,
        "store": result.employee.store,
        "status": result.status.value,
        "kpi": plain(result.kpi, 3) if result.status is Status.COMPLETE else None,
        "coefficient": _payout_coefficient(result),
        "fixed_pay": plain(fixed, 2),
        "target_bonus": plain(result.employee.target_bonus, 2) if fixed is not None else None,
        "bonus": plain(pay.bonus, 2) if pay is not None else None,
        "total": plain(pay.total, 2) if pay is not None else None,
        "missing": list(result.missing),
        "rows": [_row_json(row, per_indicator) for row in result.rows],
    }


def bonus_report_rows(result: PeriodResult) -> list[dict[str, object]]:
    """The employees of the bonus report as JSON-ready dicts."""
    return [_employee_json(employee) for employee in result.employees]


def _withheld(result: PeriodResult) -> bool:
    """Whether some of the list's money is not the reader's to see: then its sums are
    not given at all (a sum of only what is shown would be a wrong total)."""
    return any(employee.money_withheld for employee in result.employees)


def _totals_json(totals: PayListTotals, withheld: bool = False) -> dict[str, object]:
    return {
        "fixed_pay": None if withheld else plain(totals.fixed_pay, 2),
        "bonus": None if withheld else plain(totals.bonus, 2),
        "total": None if withheld else plain(totals.total, 2),
        "complete": totals.complete,
        "incomplete": totals.incomplete,
    }


def bonus_report_json(result: PeriodResult) -> str:
    """The bonus report as SPEC §5 shows it. Extra keys: per employee ``missing`` and
    ``target_bonus``; ``totals`` of the list (SPEC §2.5: ``fixed_pay`` over everyone,
    ``bonus`` and ``total`` over the ``complete`` sheets, ``incomplete`` left out)."""
    document = {
        "period": result.period.code,
        "employees": bonus_report_rows(result),
        "totals": _totals_json(pay_list_totals(result.employees), _withheld(result)),
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def bonus_report_csv(result: PeriodResult) -> str:
    """One line per employee — KPI, coefficient (empty for per-indicator payout), fixed pay,
    target bonus, bonus, total, status, missing, personnel number (last, so that the older
    columns keep their places) — and a last ``totals`` line (SPEC §2.5:
    fixed pay over everyone, bonus and total over the complete sheets; its ``missing``
    says how many incomplete ones they leave out)."""
    rows: list[dict[str, object]] = []
    for employee in result.employees:
        pay = employee.pay
        fixed = employee.fixed_pay
        rows.append(
            {
                "period": result.period.code,
                "employee": employee.employee.name,
                "position": employee.employee.position,
                "store": employee.employee.store or "",
                "status": employee.status.value,
                "kpi": plain(employee.kpi, 3) if employee.status is Status.COMPLETE else "",
                "coefficient": _payout_coefficient(employee) or "",
                "fixed_pay": plain(fixed, 2) or "",
                "target_bonus": plain(employee.employee.target_bonus, 2)
                if fixed is not None
                else "",
                "bonus": plain(pay.bonus, 2) if pay else "",
                "total": plain(pay.total, 2) if pay else "",
                "missing": " ".join(employee.missing),
                "personnel_number": employee.employee.personnel_number or "",
            }
        )
    totals, withheld = pay_list_totals(result.employees), _withheld(result)
    rows.append(
        {
            "period": result.period.code,
            "employee": "",
            "position": "",
            "store": "",
            "status": "totals",
            "kpi": "",
            "coefficient": "",
            "fixed_pay": "" if withheld else plain(totals.fixed_pay, 2),
            "target_bonus": "",
            "bonus": "" if withheld else plain(totals.bonus, 2),
            "total": "" if withheld else plain(totals.total, 2),
            "missing": f"incomplete: {totals.incomplete}" if totals.incomplete else "",
            "personnel_number": "",
        }
    )
    return to_csv(rows)


def _metric(row: StoreReportRow, name: str) -> Decimal | None:
    if name == "plan":
        return row.plan
    value = getattr(row.metrics, name)
    return value if isinstance(value, Decimal) or value is None else Decimal(value)


def stores_report_rows(rows: list[StoreReportRow]) -> list[dict[str, object]]:
    """Store metrics as JSON-ready dicts, decimal strings, ``None`` = no data."""
    result: list[dict[str, object]] = []
    for row in rows:
        item: dict[str, object] = {"store": row.store if row.store is not None else "*"}
        for name in STORE_REPORT_METRICS:
            item[name] = plain(_metric(row, name), _PLACES[name])
        result.append(item)
    return result


def stores_report_json(period: Period, rows: list[StoreReportRow]) -> str:
    """``{"from": …, "to": …, "stores": [...]}``; the company total has store ``"*"``."""
    document = {
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "stores": stores_report_rows(rows),
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def stores_report_csv(period: Period, rows: list[StoreReportRow]) -> str:
    """Store metrics, one line per store and a company line (store ``*``)."""
    lines = [
        {"from": period.start.isoformat(), "to": period.end.isoformat(), **item}
        for item in stores_report_rows(rows)
    ]
    return to_csv(lines)


def stores_report_xlsx(period: Period, rows: list[StoreReportRow], path: Path) -> Path:
    """Store metrics as an .xlsx sheet (numbers as number cells; the company line ``*``)."""
    from kpidesk.io.rating_export import INTEGER_FORMAT, NUMBER_FORMAT, write_table_xlsx

    headers = ["store", *STORE_REPORT_METRICS]
    formats: list[str | None] = [None]
    formats += [INTEGER_FORMAT if _PLACES[n] == 0 else NUMBER_FORMAT for n in STORE_REPORT_METRICS]
    table: list[list[object]] = []
    for row in rows:
        line: list[object] = [row.store if row.store is not None else "*"]
        for name in STORE_REPORT_METRICS:
            value = _metric(row, name)
            line.append(
                round_to(value, Decimal(1).scaleb(-_PLACES[name])) if value is not None else None
            )
        table.append(line)
    caption = f"{period.start:%d.%m.%Y} — {period.end:%d.%m.%Y}"
    return write_table_xlsx(path, "stores", headers, table, formats, caption=caption)
