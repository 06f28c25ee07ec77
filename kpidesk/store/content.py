"""Whole-company operations: the ``Company`` snapshot, one period's ``PeriodInputs``, the
export of everything as ``CompanyContent``, and applying a ``CompanyContent`` all or
nothing with a ``ChangeSummary`` of what was added, changed and left unchanged.

Applying content upserts by key (see ``apply_content``) through the other repositories'
merges; importing the same content twice writes nothing the second time, not even audit
rows. Snapshots are never written or exported here. Nothing here parses files.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import partial

from kpidesk.core.company import Company, CompanyContent, PeriodInputs
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.store.context import AuditRow, StoreContext
from kpidesk.store.daily import DailyRepository
from kpidesk.store.facts import FactsRepository
from kpidesk.store.matrices import MatrixRepository
from kpidesk.store.merge import AuditMode, KindSummary, read_locks
from kpidesk.store.org import DEPARTMENTS, POSITIONS, STORES, OrgRepository
from kpidesk.store.tasks import TasksRepository

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


class ContentRepository:
    """Company meta, snapshot, period inputs, export and apply (``db.content``)."""

    def __init__(
        self,
        ctx: StoreContext,
        org: OrgRepository,
        matrices: MatrixRepository,
        daily: DailyRepository,
        facts: FactsRepository,
        tasks: TasksRepository,
    ) -> None:
        self._ctx = ctx
        self._org = org
        self._matrices = matrices
        self._daily = daily
        self._facts = facts
        self._tasks = tasks

    # --- company meta -----------------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        row = self._ctx.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
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
            self._ctx.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
            audit.append(("change", "company", "company", key, old, value, None, None, None))
        self._ctx.audit(audit)
        return KindSummary(changed=len(audit), unchanged=unchanged)

    def set_company(self, name: str | None = None, pay_period: PeriodKind | None = None) -> bool:
        """Change the company's name and/or pay period (MONTH or HALF); whether it changed."""
        with self._ctx.write():
            return self._set_meta(name, pay_period).changed > 0

    def company_name(self) -> str:
        """The company's name."""
        return self._meta("company_name") or ""

    def pay_period(self) -> PeriodKind:
        """The company's payroll period kind (MONTH or HALF)."""
        return PeriodKind(self._meta("pay_period") or PeriodKind.MONTH.value)

    # --- snapshots --------------------------------------------------------------------
    def load_company(self) -> Company:
        """Directories (archived included), matrices with rows in order, schedules. Every
        statement is issued before any result is looked at (``StoreContext.batch``): on
        the company server the twelve reads are one round trip, not twelve."""
        org, matrices = self._org, self._matrices
        with self._ctx.batch():
            meta = self._ctx.execute(
                "SELECT key, value FROM meta WHERE key IN ('company_name', 'pay_period')"
            )
            stores, departments = org.stores_later(), org.departments_later()
            positions, employees = org.positions_later(), org.employees_later()
            indicators = org.indicators_later()
            matrices_later, schedules_later = matrices.matrices_later(), matrices.schedules_later()
            values = {str(key): str(value) for key, value in meta.fetchall()}
            return Company(
                name=values.get("company_name") or "",
                pay_period=PeriodKind(values.get("pay_period") or PeriodKind.MONTH.value),
                stores=stores(),
                departments=departments(),
                positions=positions(),
                employees=employees(),
                indicators=indicators(),
                matrices=matrices_later(),
                schedules=schedules_later(),
            )

    def load_period_inputs(
        self, period: Period, stores: Collection[str] | None = None, *, sums: bool = False
    ) -> PeriodInputs:
        """What ``compute_period`` needs: the period's facts and inputs (by code), daily and
        seller rows from the previous equal period's start to the period's end, and the
        store plans overlapping the period, and the period's duties and tasks. With
        ``stores``, only those stores' daily rows (enough for their employees' store
        metrics). With ``sums``, each store's rows summed (``PeriodInputs.store_sums``)
        instead of the rows (``stores`` is then ignored)."""
        start = period.previous().start
        daily, facts = self._daily, self._facts
        chosen = sorted(stores) if stores is not None else None
        # the cyclic collector paused while the rows become objects (none form cycles), as
        # ``compute_period`` does: its collections cost ≈ 10 % of the read (SPEC §9)
        paused = gc.isenabled()
        gc.disable()
        try:
            plans = tuple(daily.plans(period))
            return PeriodInputs(
                facts=facts.fact_values(period),
                daily=() if sums else tuple(daily.daily_rows(start, period.end, chosen)),
                store_sums=daily.store_sums(period, plans) if sums else None,
                seller_days=tuple(daily.seller_days(start, period.end)),
                plans=plans,
                inputs={(p.employee, p.name): p.value for p in facts.period_inputs(period)},
                tasks=tuple(self._tasks.tasks(period)),
            )
        finally:
            if paused:
                gc.enable()

    def export_content(self) -> CompanyContent:
        """The whole company, every item in the order it was added (so that export →
        import into an empty file → export gives the same content)."""
        daily, facts = self._daily, self._facts
        return replace(
            CompanyContent.of_directories(self.load_company()),
            daily=tuple(daily.all_daily()),
            seller_days=tuple(daily.all_seller_days()),
            plans=tuple(daily.all_plans()),
            facts=tuple(facts.all_facts()),
            inputs=tuple(facts.all_inputs()),
            tasks=tuple(self._tasks.all_tasks()),
            duty_templates=tuple(self._tasks.duty_templates()),
        )

    # --- apply ------------------------------------------------------------------------
    def apply_content(self, content: CompanyContent, *, dry_run: bool = False) -> ChangeSummary:
        """Upsert the whole content in one transaction: all of it or nothing.

        Keys: stores, departments, positions and employees by name; indicators by code (a
        fact or matrix row may name an indicator by code or name); a matrix by (period,
        owner), its rows replaced as a set; a schedule by position (``None`` = company);
        daily rows by (store, day); seller days by (store, day, employee); plans by
        (store, period); facts by (period, employee, indicator); inputs by (period,
        employee, name); duty list entries by (position or employee, title); tasks by
        (period, assignee, title). Positions and departments that employees, matrices or
        schedules name are created; other unknown names are an error. Only what differs is
        written and audited (bulk additions as one summary row per kind). The caller (the
        operations runner) takes the backup before.

        Args:
            content: the content to apply.
            dry_run: compute the summary, then roll everything back.

        Raises:
            ContentError: an item names an unknown store, employee or indicator (the error
                names where the item came from).
            LockedPeriodError: an item would change a locked period.
        """
        ctx = self._ctx
        kinds: dict[str, KindSummary] = {}
        org, daily, facts, tasks = self._org, self._daily, self._facts, self._tasks
        summary = AuditMode.SUMMARY
        try:
            with ctx.naming_locks("imported data", None), ctx.write():
                locks = read_locks(ctx)
                kinds["company"] = self._set_meta(content.company_name, content.pay_period)
                kinds["stores"] = org.merge_named(STORES, content.stores)
                departments = org.merge_named(DEPARTMENTS, content.departments)
                positions = org.merge_named(POSITIONS, content.positions)
                created = org.ensure_positions(
                    [e.position for e in content.employees]
                    + [m.position for m in content.matrices]
                    + [s.position for s in content.schedules],
                )
                positions = KindSummary(
                    positions.added + created, positions.changed, positions.unchanged
                )
                created = org.ensure_departments(e.department for e in content.employees)
                departments = KindSummary(
                    departments.added + created, departments.changed, departments.unchanged
                )
                kinds["departments"], kinds["positions"] = departments, positions
                origin = content.origin
                kinds["employees"] = org.merge_employees(
                    content.employees, partial(origin, "employees")
                )
                kinds["indicators"] = org.merge_indicators(content.indicators)
                kinds["schedules"] = self._matrices.merge_schedules(content.schedules)
                kinds["matrices"] = self._matrices.merge_matrices(
                    content.matrices, locks, partial(origin, "matrices")
                )
                kinds["daily"] = daily.merge_daily(
                    content.daily, locks, partial(origin, "daily"), audit=summary
                )
                kinds["seller_days"] = daily.merge_seller_days(
                    content.seller_days, locks, partial(origin, "seller_days"), audit=summary
                )
                kinds["plans"] = daily.merge_plans(
                    content.plans, locks, partial(origin, "plans"), audit=summary
                )
                kinds["facts"] = facts.merge_facts(
                    content.facts, locks, partial(origin, "facts"), audit=summary
                )
                kinds["inputs"] = facts.merge_inputs(
                    content.inputs, locks, partial(origin, "inputs"), audit=summary
                )
                kinds["duty_templates"] = tasks.merge_duty_templates(
                    content.duty_templates, partial(origin, "duty_templates")
                )
                kinds["tasks"] = tasks.merge_tasks(
                    content.tasks, locks, partial(origin, "tasks"), audit=summary
                )
                if dry_run:
                    raise _DryRunError
        except _DryRunError:
            pass
        ordered = {kind: kinds.get(kind, KindSummary()) for kind in KINDS}
        return ChangeSummary(ordered, dry_run)
