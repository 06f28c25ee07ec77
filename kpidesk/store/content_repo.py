"""Whole-company operations: the ``Company`` snapshot, one period's ``PeriodInputs``, the
export of everything as ``CompanyContent``, and applying a ``CompanyContent`` all or
nothing with a ``ChangeSummary`` of what was added, changed and left unchanged.

Applying content upserts by key (see ``apply_content``); importing the same content twice
writes nothing the second time, not even audit rows. Nothing here parses files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import partial

from kpidesk.core.company import Company, CompanyContent, PeriodInputs
from kpidesk.core.daily import Fact, PeriodInput
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.store.codec import to_dec
from kpidesk.store.connection import write
from kpidesk.store.daily_repo import _DAILY_SELECT, _PLAN_SELECT, _SELLER_SELECT, _daily, _plans
from kpidesk.store.daily_repo import _seller_days as _sellers
from kpidesk.store.org_repo import DEPARTMENTS, POSITIONS, STORES
from kpidesk.store.repository import AuditRow, KindSummary
from kpidesk.store.tasks_repo import TasksRepo

KINDS = (
    "company",
    "stores",
    "departments",
    "positions",
    "employees",
    "indicators",
    "schedules",
    "matrices",
    "daily",
    "seller_days",
    "plans",
    "facts",
    "inputs",
    "duty_templates",
    "tasks",
)


@dataclass(frozen=True)
class ChangeSummary:
    """What applying content did, per kind (the ``CompanyContent`` attribute names, plus
    ``"company"`` for the company name and pay period)."""

    kinds: Mapping[str, KindSummary] = field(default_factory=dict)
    dry_run: bool = False

    def __getitem__(self, kind: str) -> KindSummary:
        return self.kinds.get(kind, KindSummary())

    @property
    def added(self) -> int:
        """Items added, all kinds together."""
        return sum(s.added for s in self.kinds.values())

    @property
    def changed(self) -> int:
        """Items changed, all kinds together."""
        return sum(s.changed for s in self.kinds.values())

    @property
    def unchanged(self) -> int:
        """Items left as they were, all kinds together."""
        return sum(s.unchanged for s in self.kinds.values())

    @property
    def changed_anything(self) -> bool:
        """Whether anything was (or, for a dry run, would be) written."""
        return self.added + self.changed > 0

    def lines(self) -> list[str]:
        """``"daily: 21900 added, 0 changed, 0 unchanged"`` for each kind with items."""
        return [
            f"{kind}: {s.added} added, {s.changed} changed, {s.unchanged} unchanged"
            for kind, s in self.kinds.items()
            if s.added or s.changed or s.unchanged
        ]


class _DryRunError(Exception):
    """Raised inside the transaction to roll a dry run back."""


class ContentRepo(TasksRepo):
    """Company snapshot, period inputs, export and apply."""

    # --- company meta -----------------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, name: str | None, pay_period: PeriodKind | None) -> KindSummary:
        audit: list[AuditRow] = []
        unchanged = 0
        for key, value in (
            ("company_name", name),
            ("pay_period", None if pay_period is None else pay_period.value),
        ):
            if value is None:
                continue
            old = self._meta(key)
            if old == value:
                unchanged += 1
                continue
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
            audit.append(("change", "company", "company", key, old, value, None, None, None))
        self._write_audit(audit)
        return KindSummary(changed=len(audit), unchanged=unchanged)

    def set_company(self, name: str | None = None, pay_period: PeriodKind | None = None) -> bool:
        """Change the company's name and/or pay period (MONTH or HALF); whether it changed."""
        with write(self._conn):
            return self._set_meta(name, pay_period).changed > 0

    def company_name(self) -> str:
        """The company's name."""
        return self._meta("company_name") or ""

    def pay_period(self) -> PeriodKind:
        """The company's payroll period kind (MONTH or HALF)."""
        return PeriodKind(self._meta("pay_period") or PeriodKind.MONTH.value)

    # --- snapshots --------------------------------------------------------------------
    def load_company(self) -> Company:
        """Directories (archived included), matrices with rows in order, schedules."""
        return Company(
            name=self.company_name(),
            pay_period=self.pay_period(),
            stores=self.stores(),
            departments=self.departments(),
            positions=self.positions(),
            employees=self.employees(),
            indicators=self.indicators(),
            matrices=self.matrices(),
            schedules=self.schedules(),
        )

    def load_period_inputs(self, period: Period) -> PeriodInputs:
        """What ``compute_period`` needs: the period's facts and inputs (by code), daily and
        seller rows from the previous equal period's start to the period's end, and the
        store plans overlapping the period, and the period's duties and tasks."""
        start = period.previous().start
        return PeriodInputs(
            facts=self.fact_values(period),
            daily=tuple(self.daily_rows(start, period.end)),
            seller_days=tuple(self.seller_days(start, period.end)),
            plans=tuple(self.plans(period)),
            inputs={(p.employee, p.name): p.value for p in self.period_inputs(period)},
            tasks=tuple(self.tasks(period)),
        )

    def export_content(self) -> CompanyContent:
        """The whole company, every item in the order it was added (so that export →
        import into an empty file → export gives the same content)."""
        periods: dict[str, Period] = {}

        def parse(code: str) -> Period:
            return periods.get(code) or periods.setdefault(code, Period.parse(code))

        facts = [
            Fact(parse(p), e, i, v)
            for p, e, i, v in self._export_rows(
                "SELECT f.period, e.name, i.code, f.value FROM facts f"
                " JOIN employees e ON e.id = f.employee_id"
                " JOIN indicators i ON i.id = f.indicator_id ORDER BY f.id"
            )
        ]
        inputs = [
            PeriodInput(parse(p), e, n, v)
            for p, e, n, v in self._export_rows(
                "SELECT p.period, e.name, p.name, p.value FROM period_inputs p"
                " JOIN employees e ON e.id = p.employee_id ORDER BY p.id"
            )
        ]
        return replace(
            CompanyContent.of_directories(self.load_company()),
            daily=tuple(_daily(self._conn.execute(f"{_DAILY_SELECT} ORDER BY d.id"))),
            seller_days=tuple(_sellers(self._conn.execute(f"{_SELLER_SELECT} ORDER BY d.id"))),
            plans=tuple(_plans(self._conn.execute(f"{_PLAN_SELECT} ORDER BY p.id"))),
            facts=tuple(facts),
            inputs=tuple(inputs),
            tasks=tuple(self.all_tasks()),
            duty_templates=tuple(self.duty_templates()),
        )

    def _export_rows(self, sql: str) -> list[tuple[str, str, str, Decimal]]:
        return [(str(a), str(b), str(c), to_dec(str(d))) for a, b, c, d in self._conn.execute(sql)]

    # --- apply ------------------------------------------------------------------------
    def apply_content(self, content: CompanyContent, *, dry_run: bool = False) -> ChangeSummary:
        """Upsert the whole content in one transaction: all of it or nothing.

        Keys: stores, departments, positions and employees by name; indicators by code (a
        fact or matrix row may name an indicator by code or name); a matrix by (period,
        owner), its rows replaced as a set; a schedule by position (``None`` = company);
        daily rows by (store, day); seller days by (store, day, employee); plans by
        (store, period); facts by (period, employee, indicator); inputs by (period,
        employee, name); duty list entries by (position or employee, title); tasks by
        (period, assignee, title). Positions and departments that employees, matrices or schedules
        name are created; other unknown names are an error. Only what differs is written
        and audited (bulk additions as one summary row per kind). A backup is taken first
        unless ``dry_run``.

        Args:
            content: the content to apply.
            dry_run: compute the summary, then roll everything back.

        Raises:
            ContentError: an item names an unknown store, employee or indicator (the error
                names where the item came from).
            LockedPeriodError: an item would change a locked period.
        """
        if not dry_run and self.audit_count() > 0:  # a never-written file has nothing to lose
            self._backup("import")
        kinds: dict[str, KindSummary] = {}
        try:
            with write(self._conn):
                locks = self._locks()
                kinds["company"] = self._set_meta(content.company_name, content.pay_period)
                kinds["stores"] = self._merge_named(STORES, content.stores)
                departments = self._merge_named(DEPARTMENTS, content.departments)
                positions = self._merge_named(POSITIONS, content.positions)
                created = self._ensure_named(
                    "positions",
                    [e.position for e in content.employees]
                    + [m.position for m in content.matrices]
                    + [s.position for s in content.schedules],
                )
                positions = KindSummary(
                    positions.added + created, positions.changed, positions.unchanged
                )
                created = self._ensure_named(
                    "departments", (e.department for e in content.employees)
                )
                departments = KindSummary(
                    departments.added + created, departments.changed, departments.unchanged
                )
                kinds["departments"], kinds["positions"] = departments, positions
                origin = content.origin
                kinds["employees"] = self._merge_employees(
                    content.employees, partial(origin, "employees")
                )
                kinds["indicators"] = self._merge_indicators(content.indicators)
                kinds["schedules"] = self._merge_schedules(content.schedules)
                kinds["matrices"] = self._merge_matrices(
                    content.matrices, locks, partial(origin, "matrices")
                )
                kinds["daily"] = self._merge_daily(content.daily, locks, partial(origin, "daily"))
                kinds["seller_days"] = self._merge_seller_days(
                    content.seller_days, locks, partial(origin, "seller_days")
                )
                kinds["plans"] = self._merge_plans(content.plans, locks, partial(origin, "plans"))
                kinds["facts"] = self._merge_facts(content.facts, locks, partial(origin, "facts"))
                kinds["inputs"] = self._merge_inputs(
                    content.inputs, locks, partial(origin, "inputs")
                )
                kinds["duty_templates"] = self._merge_duty_templates(
                    content.duty_templates, partial(origin, "duty_templates")
                )
                kinds["tasks"] = self._merge_tasks(content.tasks, locks, partial(origin, "tasks"))
                if dry_run:
                    raise _DryRunError
        except _DryRunError:
            pass
        ordered = {kind: kinds.get(kind, KindSummary()) for kind in KINDS}
        return ChangeSummary(ordered, dry_run)
