"""From sheet rows to domain items: one function per sheet kind. Matrix and payout rows are
kept as lines here and grouped later by :mod:`kpidesk.io.assemble`.

The functions only check what a single cell can tell (a number, a date, a known method);
whether a store exists or weights sum to 1 is for validation against the database later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from kpidesk.core.daily import DailyEntry, Fact, PeriodInput, SellerDay, StorePlan
from kpidesk.core.indicators import (
    FAMILY_INPUTS,
    MANUAL,
    IndexMethod,
    Indicator,
    Source,
    SourceKind,
    parse_method,
)
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.org import Department, Employee, PayRate, Position, Store
from kpidesk.core.payout import PayoutKind
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.personnel_numbers import clean_number
from kpidesk.core.problems import Location, Problem
from kpidesk.core.tasks import (
    DutyTemplate,
    Task,
    TaskKind,
    TaskStatus,
    parse_kind,
    parse_status,
)
from kpidesk.io import cells
from kpidesk.io.rows import RowCursor

_ZERO = Decimal(0)
_DAY = date(2000, 1, 1)
_PERIOD = Period.month(2000, 1)


def _source(value: cells.RawCell) -> Source:
    return Source.parse(cells.text(value))


def _input_name(value: cells.RawCell) -> str:
    name = cells.text(value).casefold().replace(" ", "")
    family, _, item = name.partition(":")
    try:
        kind = SourceKind(family)
    except ValueError:
        kind = None
    if kind is None or item not in FAMILY_INPUTS.get(kind, ()):
        raise ValueError(
            "unknown input (expected <family>:<name>, e.g. marketing:clicks or "
            "warehouse:orders_shipped)"
        )
    return f"{family}:{item}"


class Origins(Mapping[tuple[str, int], Location]):
    """(kind, index) → where the item came from, kept as a sheet name and a row number per
    item and turned into a ``Location`` on access: building 22 000 ``Location`` objects
    up front would cost a noticeable part of reading a large daily sheet."""

    def __init__(self) -> None:
        self._sheets: dict[str, list[str]] = {}
        self._rows: dict[str, list[int]] = {}
        self._placed: dict[tuple[str, int], Location] = {}

    def add(self, kind: str, sheet: str, row: int) -> None:
        """Record the origin of the next item of ``kind``."""
        if kind not in self._rows:
            self._sheets[kind] = []
            self._rows[kind] = []
        self._sheets[kind].append(sheet)
        self._rows[kind].append(row)

    def extend(self, kind: str, sheet: str, rows: Sequence[int]) -> None:
        """Record the origins of the next ``len(rows)`` items of ``kind`` (one sheet)."""
        if kind not in self._rows:
            self._sheets[kind] = []
            self._rows[kind] = []
        self._sheets[kind].extend([sheet] * len(rows))
        self._rows[kind].extend(rows)

    def place(self, key: tuple[str, int], where: Location) -> None:
        """Record an origin directly (grouped or derived items)."""
        self._placed[key] = where

    def __getitem__(self, key: tuple[str, int]) -> Location:
        if key in self._placed:
            return self._placed[key]
        kind, index = key
        rows = self._rows.get(kind)
        if rows is None or not 0 <= index < len(rows):
            raise KeyError(key)
        return Location(sheet=self._sheets[kind][index], row=rows[index])

    def __iter__(self) -> Iterator[tuple[str, int]]:
        for kind, rows in self._rows.items():
            for index in range(len(rows)):
                yield kind, index
        for key in self._placed:
            if not 0 <= key[1] < len(self._rows.get(key[0], ())):
                yield key

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass
class MatrixLine:
    """One row of a Matrix sheet before rows are grouped into matrices."""

    period: Period
    position: str | None
    employee: str | None
    row: MatrixRow
    where: Location


@dataclass
class PayoutLine:
    """One row of a Payout sheet before rows are grouped into schedules."""

    position: str | None
    threshold: Decimal
    coefficient: Decimal | None
    kind: PayoutKind | None
    per_indicator: bool
    where: Location
    kind_header: str | None


@dataclass
class Collector:
    """Items read so far, their origins, and the problems found."""

    problems: list[Problem] = field(default_factory=list)
    company_name: str | None = None
    pay_period: PeriodKind | None = None
    company_seen: bool = False
    stores: list[Store] = field(default_factory=list)
    departments: list[Department] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    employees: list[Employee] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    daily: list[DailyEntry] = field(default_factory=list)
    seller_days: list[SellerDay] = field(default_factory=list)
    plans: list[StorePlan] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    inputs: list[PeriodInput] = field(default_factory=list)
    duty_templates: list[DutyTemplate] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    origins: Origins = field(default_factory=lambda: Origins())
    matrix_lines: list[MatrixLine] = field(default_factory=list)
    payout_lines: list[PayoutLine] = field(default_factory=list)

    def add(self, kind: str, item: object, cur: RowCursor) -> None:
        """Append an item read from ``cur``'s row to the list named ``kind`` (a
        ``CompanyContent`` attribute)."""
        getattr(self, kind).append(item)
        self.origins.add(kind, cur.sheet, cur.row)


def read_row(kind: str, cur: RowCursor, out: Collector) -> None:
    """Read the current row of a sheet of ``kind`` into ``out``."""
    _READERS[kind](cur, out)


def _company(cur: RowCursor, out: Collector) -> None:
    if out.company_seen:
        return  # only the first data row describes the company
    out.company_seen = True
    out.company_name = cur.optional("name", cells.text) or None
    out.pay_period = cur.optional("pay_period", cells.pay_period)


def _named(kind: str, cls: Callable[[str, bool], object]) -> Callable[[RowCursor, Collector], None]:
    def read(cur: RowCursor, out: Collector) -> None:
        name = cur.required("name", cells.text, "")
        archived = cur.optional("archived", cells.yes_no) or False
        if cur.ok:
            out.add(kind, cls(name, archived), cur)

    return read


def _employee(cur: RowCursor, out: Collector) -> None:
    item = Employee(
        name=cur.required("name", cells.text, ""),
        position=cur.required("position", cells.text, ""),
        store=cur.optional("store", cells.text),
        department=cur.optional("department", cells.text),
        fixed_pay=cur.required("fixed_pay", cells.decimal, _ZERO),
        target_bonus=cur.required("target_bonus", cells.decimal, _ZERO),
        start=cur.optional("start", cells.day),
        end=cur.optional("end", cells.day),
        archived=cur.optional("archived", cells.yes_no) or False,
        personnel_number=clean_number(cur.optional("personnel_number", cells.text)),
    )
    since = cur.optional("from", cells.period)
    if item.start and item.end and item.end < item.start:
        cur.fail("end", "the end date is before the start date")
    if not cur.ok:
        return
    # One row per employee gives the amounts from the start; a row with "From" adds the
    # pay from that period on to the employee of the same name (in any order).
    found = next((i for i, e in enumerate(out.employees) if e.name == item.name), None)
    if since is not None:
        rate = PayRate(since, item.fixed_pay, item.target_bonus)
        if found is None:
            out.add("employees", replace(item, rates=(rate,)), cur)
        else:
            known = out.employees[found]
            rates = tuple(r for r in known.rates if r.start != since)
            out.employees[found] = replace(known, rates=tuple(sorted((*rates, rate))))
        return
    if found is not None and out.employees[found].rates:
        out.employees[found] = replace(item, rates=out.employees[found].rates)
        return
    out.add("employees", item, cur)


def _indicator(cur: RowCursor, out: Collector) -> None:
    code = cur.required("code", cells.text, "")
    name = cur.required("name", cells.text, "")
    unit = cur.optional("unit", cells.unit) or ""
    source = cur.optional("source", _source)
    method = cur.optional("method", lambda value: parse_method(cells.text(value)))
    archived = cur.optional("archived", cells.yes_no) or False
    if cur.ok:
        item = Indicator(code, name, unit, source or MANUAL, method or IndexMethod.SCALE, archived)
        out.add("indicators", item, cur)


def _matrix(cur: RowCursor, out: Collector) -> None:
    period = cur.required("period", cells.period, _PERIOD)
    position = cur.optional("position", cells.text)
    employee = cur.optional("employee", cells.text)
    if (position is None) == (employee is None):
        owner_field = "position" if cur.has("position") else "employee"
        cur.fail(
            owner_field,
            "fill exactly one of Position / Должность (a template) and Employee / Сотрудник "
            "(an override)",
            code="matrix_owner",
        )
    row = MatrixRow(
        indicator=cur.required("indicator", cells.text, ""),
        weight=cur.required("weight", cells.ratio, _ZERO),
        base=cur.optional("base", cells.decimal),
        norm=cur.required("norm", cells.decimal, _ZERO),
        target=cur.optional("target", cells.decimal),
    )
    if cur.ok:
        out.matrix_lines.append(MatrixLine(period, position, employee, row, cur.location))


def _schedule(cur: RowCursor, out: Collector) -> None:
    kind = cur.optional("kind", cells.payout_kind)
    threshold = cur.required("threshold", cells.ratio, _ZERO)
    if kind is PayoutKind.LINEAR:
        coefficient = cur.optional("coefficient", cells.ratio)  # empty cap: no cap
    else:
        coefficient = cur.required("coefficient", cells.ratio, _ZERO)
    line = PayoutLine(
        position=cur.optional("position", cells.text),
        threshold=threshold,
        coefficient=coefficient,
        kind=kind,
        per_indicator=cur.optional("per_indicator", cells.yes_no) or False,
        where=cur.location,
        kind_header=cur.columns["kind"][1] if cur.has("kind") else None,
    )
    if cur.ok:
        out.payout_lines.append(line)


def _fast_daily(cur: RowCursor) -> DailyEntry | None:
    """A well-formed daily row without the per-cell bookkeeping (the daily sheet is by far
    the largest); ``None`` sends the row to the careful path, which reports every problem."""
    at = cur.positions
    row = cur.cells
    try:
        store = row[at["store"]]
        if type(store) is not str or not (store := store.strip()):
            return None
        units = cur.raw("units")
        returns = cur.raw("returns")
        return DailyEntry(
            store,
            cells.day(row[at["day"]]),
            cells.decimal(row[at["revenue"]]),
            cells.whole(row[at["receipts"]]),
            cells.whole(row[at["visitors"]]),
            0 if units == "" else cells.whole(units),
            None if returns == "" else cells.decimal(returns),
        )
    except (ValueError, IndexError, KeyError):
        return None


def _daily(cur: RowCursor, out: Collector) -> None:
    fast = _fast_daily(cur)
    if fast is not None:
        out.add("daily", fast, cur)
        return
    item = DailyEntry(
        store=cur.required("store", cells.text, ""),
        day=cur.required("day", cells.day, _DAY),
        revenue=cur.required("revenue", cells.decimal, _ZERO),
        receipts=cur.required("receipts", cells.whole, 0),
        visitors=cur.required("visitors", cells.whole, 0),
        units=cur.optional("units", cells.whole) or 0,
        returns=cur.optional("returns", cells.decimal),
    )
    if cur.ok:
        out.add("daily", item, cur)


def _seller_day(cur: RowCursor, out: Collector) -> None:
    item = SellerDay(
        store=cur.required("store", cells.text, ""),
        day=cur.required("day", cells.day, _DAY),
        employee=cur.required("employee", cells.text, ""),
        revenue=cur.required("revenue", cells.decimal, _ZERO),
        receipts=cur.required("receipts", cells.whole, 0),
        units=cur.optional("units", cells.whole) or 0,
    )
    if cur.ok:
        out.add("seller_days", item, cur)


def _plan(cur: RowCursor, out: Collector) -> None:
    item = StorePlan(
        store=cur.required("store", cells.text, ""),
        period=cur.required("period", cells.period, _PERIOD),
        revenue=cur.required("revenue", cells.decimal, _ZERO),
    )
    if cur.ok:
        out.add("plans", item, cur)


def _fast_fact(cur: RowCursor) -> Fact | None:
    """A well-formed fact row without the per-cell bookkeeping (the facts sheet is the
    second largest); ``None`` sends the row to the careful path."""
    at = cur.positions
    row = cur.cells
    try:
        employee = row[at["employee"]]
        indicator = row[at["indicator"]]
        if type(employee) is not str or type(indicator) is not str:
            return None
        employee, indicator = employee.strip(), indicator.strip()
        if not employee or not indicator:
            return None
        return Fact(
            cells.period(row[at["period"]]), employee, indicator, cells.decimal(row[at["value"]])
        )
    except (ValueError, IndexError, KeyError):
        return None


def _fact(cur: RowCursor, out: Collector) -> None:
    fast = _fast_fact(cur)
    if fast is not None:
        out.add("facts", fast, cur)
        return
    item = Fact(
        period=cur.required("period", cells.period, _PERIOD),
        employee=cur.required("employee", cells.text, ""),
        indicator=cur.required("indicator", cells.text, ""),
        value=cur.required("value", cells.decimal, _ZERO),
    )
    if cur.ok:
        out.add("facts", item, cur)


def _input(cur: RowCursor, out: Collector) -> None:
    item = PeriodInput(
        period=cur.required("period", cells.period, _PERIOD),
        employee=cur.required("employee", cells.text, ""),
        name=cur.required("name", _input_name, ""),
        value=cur.required("value", cells.decimal, _ZERO),
    )
    if cur.ok:
        out.add("inputs", item, cur)


_PERIOD_END = {"end", "period end", "конец", "конец периода", "в конце периода"}


def _due_day(value: cells.RawCell) -> int | None:
    """A day of the period (1, 2, …) or ``period end`` / ``конец периода`` (``None``)."""
    if isinstance(value, str) and " ".join(value.split()).casefold() in _PERIOD_END:
        return None
    number = cells.whole(value)
    if number < 1:
        raise ValueError("the due day is a day of the period: 1 or more, or 'конец периода'")
    return number


def _duty(cur: RowCursor, out: Collector) -> None:
    position = cur.optional("position", cells.text)
    employee = cur.optional("employee", cells.text)
    if (position is None) == (employee is None):
        cur.fail(
            "position" if cur.has("position") else "employee",
            "fill exactly one of Position / Должность (the position's duty list) and "
            "Employee / Сотрудник (the employee's own list)",
            code="duty_owner",
        )
    item = DutyTemplate(
        title=cur.required("title", cells.text, ""),
        controller=cur.required("controller", cells.text, ""),
        position=position,
        employee=employee,
        description=cur.optional("description", cells.text) or "",
        due_day=cur.optional("due_day", _due_day),
    )
    if cur.ok:
        out.add("duty_templates", item, cur)


def _task(cur: RowCursor, out: Collector) -> None:
    period = cur.required("period", cells.period, _PERIOD)
    status = cur.required("status", lambda v: parse_status(cells.text(v)), TaskStatus.OPEN)
    done_on = cur.optional("done_on", cells.day)
    accepted_on = cur.optional("accepted_on", cells.day)
    item = Task(
        title=cur.required("title", cells.text, ""),
        assignee=cur.required("assignee", cells.text, ""),
        controller=cur.required("controller", cells.text, ""),
        period=period,
        due=cur.optional("due", cells.day) or period.end,
        kind=cur.required("kind", lambda v: parse_kind(cells.text(v)), TaskKind.TASK),
        description=cur.optional("description", cells.text) or "",
        status=status,
        done_on=done_on,
        accepted_on=accepted_on,
        comment=cur.optional("comment", cells.text) or "",
    )
    if cur.ok and done_on is not None and status is TaskStatus.OPEN:
        cur.fail("done_on", "an open task has no done date (clear it or change the status)")
    if cur.ok and accepted_on is not None and status is not TaskStatus.ACCEPTED:
        cur.fail("accepted_on", "only an accepted task has an acceptance date")
    if cur.ok and done_on and accepted_on and accepted_on < done_on:
        cur.fail("accepted_on", "the task is accepted before it was done")
    if cur.ok:
        out.add("tasks", item, cur)


_READERS = {
    "company": _company,
    "stores": _named("stores", Store),
    "departments": _named("departments", Department),
    "positions": _named("positions", Position),
    "employees": _employee,
    "indicators": _indicator,
    "matrices": _matrix,
    "schedules": _schedule,
    "daily": _daily,
    "seller_days": _seller_day,
    "plans": _plan,
    "facts": _fact,
    "inputs": _input,
    "duty_templates": _duty,
    "tasks": _task,
}
