"""Directories: stores, departments, positions, employees and indicators — loading them,
merging them by name (indicators by code), saving, renaming, archiving or deleting one.

Names are the keys the domain uses; ids stay inside the store. A directory entry referenced
by past data is archived instead of deleted. Periods are not involved here, so period locks
do not apply (pay changes only affect later computations).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum

from kpidesk.core.indicators import IndexMethod, Indicator, Source
from kpidesk.core.org import Department, Employee, Position, Store
from kpidesk.store.codec import dec_text, opt_day, opt_day_text, to_dec
from kpidesk.store.connection import StoreError, write
from kpidesk.store.repository import (
    ContentError,
    Item,
    KindSummary,
    Origin,
    Repository,
    Table,
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
    ),
    numeric=frozenset({"fixed_pay", "target_bonus"}),
    refs={"position_id": "positions", "store_id": "stores", "department_id": "departments"},
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


class OrgRepo(Repository):
    """Stores, departments, positions, employees, indicators."""

    # --- reading ----------------------------------------------------------------------
    def _named(self, table: str) -> list[tuple[str, bool]]:
        rows = self._conn.execute(f"SELECT name, archived FROM {table} ORDER BY id").fetchall()
        return [(str(name), bool(archived)) for name, archived in rows]

    def stores(self) -> tuple[Store, ...]:
        """Every store, archived ones included, in the order they were added."""
        return tuple(Store(name, archived) for name, archived in self._named("stores"))

    def departments(self) -> tuple[Department, ...]:
        """Every department, archived ones included."""
        return tuple(Department(n, a) for n, a in self._named("departments"))

    def positions(self) -> tuple[Position, ...]:
        """Every position, archived ones included."""
        return tuple(Position(n, a) for n, a in self._named("positions"))

    def employees(self) -> tuple[Employee, ...]:
        """Every employee, archived ones included."""
        rows = self._conn.execute(
            "SELECT e.name, p.name, s.name, d.name, e.fixed_pay, e.target_bonus, e.start_date,"
            " e.end_date, e.archived FROM employees e JOIN positions p ON p.id = e.position_id"
            " LEFT JOIN stores s ON s.id = e.store_id"
            " LEFT JOIN departments d ON d.id = e.department_id ORDER BY e.id"
        ).fetchall()
        return tuple(
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
            )
            for r in rows
        )

    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, archived ones included."""
        rows = self._conn.execute(
            "SELECT code, name, unit, source, method, archived FROM indicators ORDER BY id"
        ).fetchall()
        return tuple(
            Indicator(r[0], r[1], r[2], Source.parse(r[3]), IndexMethod(r[4]), bool(r[5]))
            for r in rows
        )

    # --- merging ----------------------------------------------------------------------
    def _ensure_named(self, table: str, names: Iterable[str | None]) -> int:
        """Create the positions/departments referenced but missing; return how many."""
        known = self._ids(table)
        missing = list(dict.fromkeys(n for n in names if n is not None and n not in known))
        if missing:
            self._merge(
                Table(_ENTITY[table], table, ("name",), ("archived",)),
                (Item((name,), (0,), name) for name in missing),
                (),
            )
        return len(missing)

    def _merge_named(
        self, table: Table, entries: Sequence[Store | Department | Position]
    ) -> KindSummary:
        return self._merge(
            table, (Item((e.name,), (int(e.archived),), e.name) for e in entries), ()
        )

    def _merge_employees(
        self, employees: Sequence[Employee], origin: Origin = no_origin
    ) -> KindSummary:
        self._ensure_named("positions", (e.position for e in employees))
        self._ensure_named("departments", (e.department for e in employees))
        positions, stores = self._ids("positions"), self._ids("stores")
        departments = self._ids("departments")
        items = []
        for index, e in enumerate(employees):
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
            )
            items.append(Item((e.name,), values, e.name, None, e.store, e.name))
        return self._merge(EMPLOYEES, items, ())

    def _merge_indicators(self, indicators: Sequence[Indicator]) -> KindSummary:
        items = (
            Item(
                (i.code,),
                (i.name, i.unit, i.source.text, i.method.value, int(i.archived)),
                i.code,
            )
            for i in indicators
        )
        return self._merge(INDICATORS, items, ())

    # --- single writes ----------------------------------------------------------------
    def _rename(self, table: str, old: str | None, new: str) -> bool:
        if old is None or old == new:
            return False
        column = self._label_column(table)
        entity = _ENTITY[table]
        old_id = self._id_of(table, old, entity)
        taken = self._conn.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (new,))
        if taken.fetchone() is not None:
            raise StoreError(f"cannot rename {entity} {old!r}: {new!r} already exists")
        self._conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (new, old_id))
        self._write_audit([("rename", entity, new, column, old, new, None, None, None)])
        return True

    def _save(self, table: Table, old: str | None, entry: Store | Department | Position) -> bool:
        with write(self._conn):
            renamed = self._rename(table.name, old, entry.name)
            summary = self._merge_named(table, [entry])
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
        with write(self._conn):
            renamed = self._rename("employees", old_name, employee.name)
            summary = self._merge_employees([employee])
        return renamed or summary.added + summary.changed > 0

    def save_indicator(self, old_code: str | None, indicator: Indicator) -> bool:
        """Add or update (and maybe re-code) an indicator; whether anything changed."""
        with write(self._conn):
            renamed = self._rename("indicators", old_code, indicator.code)
            summary = self._merge_indicators([indicator])
        return renamed or summary.added + summary.changed > 0

    def _remove(self, table: str, name: str) -> Removal:
        entity = _ENTITY[table]
        context = (
            None,
            name if table == "stores" else None,
            name if table == "employees" else None,
        )
        with write(self._conn):
            row_id = self._id_of(table, name, entity)
            used = any(
                self._conn.execute(
                    f"SELECT 1 FROM {ref} WHERE {column} = ? LIMIT 1", (row_id,)
                ).fetchone()
                for ref, column in _REFERENCES[table]
            )
            if used:
                flag = self._conn.execute(f"SELECT archived FROM {table} WHERE id = ?", (row_id,))
                if flag.fetchone()[0]:
                    return Removal.ARCHIVED
                self._conn.execute(f"UPDATE {table} SET archived = 1 WHERE id = ?", (row_id,))
                self._write_audit([("archive", entity, name, "archived", "0", "1", *context)])
                return Removal.ARCHIVED
            self._conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            self._write_audit([("delete", entity, name, None, name, None, *context)])
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
