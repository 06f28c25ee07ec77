"""Directories: stores, departments, positions, employees and indicators — loading them,
merging them by name (indicators by code), saving, renaming, archiving or deleting one.

Names are the keys the domain uses; ids stay inside the store. A directory entry referenced
by past data is archived instead of deleted. Periods are not involved here, so period locks
do not apply (pay changes only affect later computations). Must not: read or write
per-period data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from enum import Enum

from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.org import Department, Employee, PayRate, Position, Store
from kpidesk.core.periods import Period
from kpidesk.core.personnel_numbers import clean_number, number_key
from kpidesk.store.codec import dec_text, opt_day, opt_day_text, to_dec
from kpidesk.store.context import StoreContext, label_column
from kpidesk.store.errors import ContentError, StoreError
from kpidesk.store.merge import (
    AuditMode,
    Item,
    KindSummary,
    Origin,
    Table,
    delete_found,
    ensure_named,
    merge,
    no_origin,
)

STORES = Table("store", "stores", ("name",), ("archived",))
DEPARTMENTS = Table("department", "departments", ("name",), ("archived",))
POSITIONS = Table("position", "positions", ("name",), ("archived",))
EMPLOYEES = Table(
    "employee",
    "employees",
    ("name",),
    (
        "position_id",
        "store_id",
        "department_id",
        "fixed_pay",
        "target_bonus",
        "start_date",
        "end_date",
        "archived",
        "personnel_number",
    ),
    numeric=frozenset({"fixed_pay", "target_bonus"}),
    refs={"position_id": "positions", "store_id": "stores", "department_id": "departments"},
)
# An employee's pay from a period on (effective-dated pay, SPEC §2.1).
PAY_RATES = Table(
    "pay_rate",
    "pay_rates",
    ("employee_id", "period"),
    ("start_date", "fixed_pay", "target_bonus"),
    numeric=frozenset({"fixed_pay", "target_bonus"}),
)
INDICATORS = Table(
    "indicator", "indicators", ("code",), ("name", "unit", "source", "method", "archived")
)

# What keeps a directory entry from being deleted: (table, column) pairs referring to it.
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "stores": (
        ("employees", "store_id"),
        ("daily", "store_id"),
        ("seller_days", "store_id"),
        ("store_plans", "store_id"),
    ),
    "departments": (("employees", "department_id"),),
    "positions": (
        ("employees", "position_id"),
        ("matrices", "position_id"),
        ("payout_schedules", "position_id"),
    ),
    "employees": (
        ("facts", "employee_id"),
        ("period_inputs", "employee_id"),
        ("seller_days", "employee_id"),
        ("matrices", "employee_id"),
    ),
    "indicators": (("matrix_rows", "indicator_id"), ("facts", "indicator_id")),
}
_ENTITY = {
    "stores": "store",
    "departments": "department",
    "positions": "position",
    "employees": "employee",
    "indicators": "indicator",
}


class Removal(Enum):
    """What removing a directory entry did."""

    ARCHIVED = "archived"  # still referenced by past data: kept, marked archived
    DELETED = "deleted"  # referenced by nothing: gone


class OrgRepository:
    """Stores, departments, positions, employees, indicators (``db.org``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    # --- reading ----------------------------------------------------------------------
    # Each directory is read in two halves — the statements issued (``*_later``), then the
    # rows built when the returned function is called — so that ``load_company`` can issue
    # every directory's reads in one batch (one round trip on the company server). The
    # reads with the rows' ids keep the tables' id ↔ name maps (``StoreContext.names``).
    def _named_later(self, table: str) -> Callable[[], list[tuple[str, bool]]]:
        cursor = self._ctx.execute(f"SELECT id, name, archived FROM {table} ORDER BY id")

        def rows() -> list[tuple[str, bool]]:
            found = cursor.fetchall()
            self._ctx.keep_names(table, {int(row_id): str(name) for row_id, name, _ in found})
            return [(str(name), bool(archived)) for _, name, archived in found]

        return rows

    def stores_later(self) -> Callable[[], tuple[Store, ...]]:
        """:meth:`stores`, its statement issued now and its rows built when called."""
        rows = self._named_later("stores")
        return lambda: tuple(Store(name, archived) for name, archived in rows())

    def departments_later(self) -> Callable[[], tuple[Department, ...]]:
        """:meth:`departments` in two halves (see :meth:`stores_later`)."""
        rows = self._named_later("departments")
        return lambda: tuple(Department(n, a) for n, a in rows())

    def positions_later(self) -> Callable[[], tuple[Position, ...]]:
        """:meth:`positions` in two halves (see :meth:`stores_later`)."""
        rows = self._named_later("positions")
        return lambda: tuple(Position(n, a) for n, a in rows())

    def stores(self) -> tuple[Store, ...]:
        """Every store, archived ones included, in the order they were added."""
        return self.stores_later()()

    def departments(self) -> tuple[Department, ...]:
        """Every department, archived ones included."""
        return self.departments_later()()

    def positions(self) -> tuple[Position, ...]:
        """Every position, archived ones included."""
        return self.positions_later()()

    def employees(self) -> tuple[Employee, ...]:
        """Every employee, archived ones included."""
        return self.employees_later()()

    def employees_later(self) -> Callable[[], tuple[Employee, ...]]:
        """:meth:`employees` in two halves (see :meth:`stores_later`)."""
        cursor = self._ctx.execute(
            "SELECT e.name, p.name, s.name, d.name, e.fixed_pay, e.target_bonus, e.start_date,"
            " e.end_date, e.archived, e.personnel_number, e.id FROM employees e"
            " JOIN positions p ON p.id = e.position_id"
            " LEFT JOIN stores s ON s.id = e.store_id"
            " LEFT JOIN departments d ON d.id = e.department_id ORDER BY e.id"
        )
        rates_later = self._rates_later()

        def build() -> tuple[Employee, ...]:
            rows = cursor.fetchall()
            self._ctx.keep_names("employees", {int(r[10]): str(r[0]) for r in rows})
            employees = tuple(
                Employee(
                    name=r[0],
                    position=r[1],
                    store=r[2],
                    department=r[3],
                    fixed_pay=to_dec(r[4]),
                    target_bonus=to_dec(r[5]),
                    start=opt_day(r[6]),
                    end=opt_day(r[7]),
                    archived=bool(r[8]),
                    personnel_number=r[9],
                )
                for r in rows
            )
            rates = rates_later()
            if not rates:
                return employees
            return tuple(
                replace(e, rates=rates[e.name]) if e.name in rates else e for e in employees
            )

        return build

    def _numbers(self) -> dict[str, str | None]:
        """Each stored employee's personnel number, by name."""
        rows = self._ctx.execute("SELECT name, personnel_number FROM employees").fetchall()
        return {str(name): None if number is None else str(number) for name, number in rows}

    def _rates_later(self) -> Callable[[], dict[str, tuple[PayRate, ...]]]:
        cursor = self._ctx.execute(
            "SELECT e.name, r.period, r.fixed_pay, r.target_bonus FROM pay_rates r"
            " JOIN employees e ON e.id = r.employee_id ORDER BY r.start_date, r.id"
        )

        def build() -> dict[str, tuple[PayRate, ...]]:
            found: dict[str, list[PayRate]] = {}
            for name, code, fixed, bonus in cursor.fetchall():
                found.setdefault(name, []).append(
                    PayRate(Period.parse(code), to_dec(fixed), to_dec(bonus))
                )
            return {name: tuple(rates) for name, rates in found.items()}

        return build

    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, archived ones included."""
        return self.indicators_later()()

    def indicators_later(self) -> Callable[[], tuple[Indicator, ...]]:
        """:meth:`indicators` in two halves (see :meth:`stores_later`)."""
        cursor = self._ctx.execute(
            "SELECT code, name, unit, source, method, archived, id FROM indicators ORDER BY id"
        )

        def build() -> tuple[Indicator, ...]:
            rows = cursor.fetchall()
            self._ctx.keep_names("indicators", {int(r[6]): str(r[0]) for r in rows})
            return tuple(
                Indicator(r[0], r[1], r[2], Source.parse(r[3]), IndexMethod(r[4]), bool(r[5]))
                for r in rows
            )

        return build

    # --- merging ----------------------------------------------------------------------
    def ensure_positions(self, names: Iterable[str | None]) -> int:
        """Create the positions ``names`` refer to but that are missing; return how many."""
        return ensure_named(self._ctx, POSITIONS, names)

    def ensure_departments(self, names: Iterable[str | None]) -> int:
        """Create the departments ``names`` refer to but that are missing; how many."""
        return ensure_named(self._ctx, DEPARTMENTS, names)

    def merge_named(
        self, table: Table, entries: Sequence[Store | Department | Position]
    ) -> KindSummary:
        """Upsert stores, departments or positions (``table``) by name."""
        items = (Item((e.name,), (int(e.archived),), e.name) for e in entries)
        return merge(self._ctx, table, items, (), audit=AuditMode.EACH)

    def merge_employees(
        self,
        employees: Sequence[Employee],
        origin: Origin = no_origin,
        *,
        keep_numbers: bool = True,
    ) -> KindSummary:
        """Upsert employees by name; missing positions and departments are created.

        Args:
            employees: the employees to store.
            origin: where each came from (for the errors).
            keep_numbers: an employee without a personnel number keeps the stored one (an
                import of a workbook without the column clears nothing); ``False`` for a
                single edit, where an empty number means "no number".

        Raises:
            ContentError: an employee's store does not exist, or their personnel number is
                another employee's.
        """
        self.ensure_positions(e.position for e in employees)
        self.ensure_departments(e.department for e in employees)
        ctx = self._ctx
        positions, stores, departments = (
            ctx.ids("positions"),
            ctx.ids("stores"),
            ctx.ids("departments"),
        )
        stored_numbers = self._numbers()
        taken = {number_key(n): name for name, n in stored_numbers.items() if n is not None}
        items = []
        for index, e in enumerate(employees):
            number = clean_number(e.personnel_number)
            if number is None and keep_numbers:
                number = stored_numbers.get(e.name)
            holder = taken.get(number_key(number)) if number is not None else None
            if holder is not None and holder != e.name:
                raise ContentError(
                    f"employee {e.name!r}: personnel number {number!r} is {holder!r}'s",
                    origin(index),
                )
            if number is not None:
                taken[number_key(number)] = e.name
            store_id = None
            if e.store is not None:
                store_id = stores.get(e.store)
                if store_id is None:
                    raise ContentError(
                        f"employee {e.name!r}: unknown store {e.store!r}", origin(index)
                    )
            values = (
                positions[e.position],
                store_id,
                None if e.department is None else departments[e.department],
                dec_text(e.fixed_pay),
                dec_text(e.target_bonus),
                opt_day_text(e.start),
                opt_day_text(e.end),
                int(e.archived),
                number,
            )
            items.append(Item((e.name,), values, e.name, None, e.store, e.name))
        summary = merge(self._ctx, EMPLOYEES, items, (), audit=AuditMode.EACH)
        with_rates = [e for e in employees if e.rates]
        if with_rates:
            ids = ctx.ids("employees")
            rates = [
                Item(
                    (ids[e.name], rate.start.code),
                    (
                        rate.start.start.isoformat(),
                        dec_text(rate.fixed_pay),
                        dec_text(rate.target_bonus),
                    ),
                    f"{e.name} {rate.start.code}",
                    rate.start.code,
                    e.store,
                    e.name,
                )
                for e in with_rates
                for rate in e.rates
            ]
            written = merge(ctx, PAY_RATES, rates, (), audit=AuditMode.EACH)
            moved = min(written.added + written.changed, summary.unchanged)
            # a new pay from a period on changes an employee that was otherwise unchanged
            summary = KindSummary(summary.added, summary.changed + moved, summary.unchanged - moved)
        return summary

    def merge_indicators(self, indicators: Sequence[Indicator]) -> KindSummary:
        """Upsert indicators by code."""
        items = (
            Item(
                (i.code,),
                (i.name, i.unit, i.source.text, i.method.value, int(i.archived)),
                i.code,
            )
            for i in indicators
        )
        return merge(self._ctx, INDICATORS, items, (), audit=AuditMode.EACH)

    # --- single writes ----------------------------------------------------------------
    def _rename(self, table: str, old: str | None, new: str) -> bool:
        if old is None or old == new:
            return False
        column = label_column(table)
        entity = _ENTITY[table]
        old_id = self._ctx.id_of(table, old, entity)
        taken = self._ctx.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (new,))
        if taken.fetchone() is not None:
            raise StoreError(f"cannot rename {entity} {old!r}: {new!r} already exists")
        self._ctx.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (new, old_id))
        self._ctx.audit([("rename", entity, new, column, old, new, None, None, None)])
        return True

    def _save(self, table: Table, old: str | None, entry: Store | Department | Position) -> bool:
        with self._ctx.write():
            renamed = self._rename(table.name, old, entry.name)
            summary = self.merge_named(table, [entry])
        return renamed or summary.added + summary.changed > 0

    def save_store(self, old_name: str | None, store: Store) -> bool:
        """Add a store, or update (and maybe rename) the store called ``old_name``.

        Returns:
            Whether anything changed.
        """
        return self._save(STORES, old_name, store)

    def save_department(self, old_name: str | None, department: Department) -> bool:
        """Add or update (and maybe rename) a department; whether anything changed."""
        return self._save(DEPARTMENTS, old_name, department)

    def save_position(self, old_name: str | None, position: Position) -> bool:
        """Add or update (and maybe rename) a position; whether anything changed."""
        return self._save(POSITIONS, old_name, position)

    def save_employee(self, old_name: str | None, employee: Employee) -> bool:
        """Add or update (and maybe rename) an employee; a missing position or department
        is created. Whether anything changed.

        Raises:
            ContentError: the employee's store does not exist.
        """
        with self._ctx.write():
            renamed = self._rename("employees", old_name, employee.name)
            summary = self.merge_employees([employee], keep_numbers=False)
            dropped = self._drop_rates(employee)
        return renamed or dropped or summary.added + summary.changed > 0

    def _drop_rates(self, employee: Employee) -> bool:
        """Delete the employee's stored pay changes that ``employee.rates`` no longer has
        (a single edit sets the whole pay history); whether any was deleted."""
        kept = {rate.start.code for rate in employee.rates}
        rows = self._ctx.execute(
            "SELECT r.id, r.period, r.start_date, r.fixed_pay, r.target_bonus FROM pay_rates r"
            " JOIN employees e ON e.id = r.employee_id WHERE e.name = ?",
            (employee.name,),
        ).fetchall()
        dropped = False
        for row_id, code, *values in rows:
            if code not in kept:
                label = f"{employee.name} {code}"
                context = (code, employee.store, employee.name)
                delete_found(self._ctx, PAY_RATES, (row_id, tuple(values)), label, context)
                dropped = True
        return dropped

    def save_indicator(self, old_code: str | None, indicator: Indicator) -> bool:
        """Add or update (and maybe re-code) an indicator; whether anything changed."""
        with self._ctx.write():
            renamed = self._rename("indicators", old_code, indicator.code)
            summary = self.merge_indicators([indicator])
        return renamed or summary.added + summary.changed > 0

    def _remove(self, table: str, name: str) -> Removal:
        entity = _ENTITY[table]
        context = (
            None,
            name if table == "stores" else None,
            name if table == "employees" else None,
        )
        with self._ctx.write():
            row_id = self._ctx.id_of(table, name, entity)
            used = any(
                self._ctx.execute(
                    f"SELECT 1 FROM {ref} WHERE {column} = ? LIMIT 1", (row_id,)
                ).fetchone()
                for ref, column in _REFERENCES[table]
            )
            if used:
                flag = self._ctx.execute(f"SELECT archived FROM {table} WHERE id = ?", (row_id,))
                if flag.fetchone()[0]:
                    return Removal.ARCHIVED
                self._ctx.execute(f"UPDATE {table} SET archived = 1 WHERE id = ?", (row_id,))
                self._ctx.audit([("archive", entity, name, "archived", "0", "1", *context)])
                return Removal.ARCHIVED
            self._ctx.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            self._ctx.audit([("delete", entity, name, None, name, None, *context)])
            return Removal.DELETED

    def archive_store(self, name: str) -> Removal:
        """Archive the store if past data refers to it, delete it otherwise."""
        return self._remove("stores", name)

    def archive_department(self, name: str) -> Removal:
        """Archive the department if an employee refers to it, delete it otherwise."""
        return self._remove("departments", name)

    def archive_position(self, name: str) -> Removal:
        """Archive the position if employees, matrices or schedules refer to it."""
        return self._remove("positions", name)

    def archive_employee(self, name: str) -> Removal:
        """Archive the employee if facts, inputs, seller days or matrices refer to them."""
        return self._remove("employees", name)

    def archive_indicator(self, code: str) -> Removal:
        """Archive the indicator if matrix rows or facts refer to it, delete it otherwise."""
        return self._remove("indicators", code)
