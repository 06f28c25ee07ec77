"""The base of every repository: the connection and actor, name ↔ id look-ups, audit rows,
period-lock checks, and the merge engine that upserts a batch of flat rows by key.

The merge engine compares what is stored with what comes in (decimal columns by numeric
value, so ``"39700.0"`` equals ``"39700.00"``), inserts the new rows and updates the changed
ones with ``executemany``, writes one audit row per changed value, and refuses changes that
touch a locked period. It never opens a transaction itself: callers wrap it in ``write``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from kpidesk.core.problems import Location
from kpidesk.store.codec import same_number, to_day, utc_now
from kpidesk.store.connection import LockedPeriodError, StoreError, write

# action, entity, key, field, old, new, period, store, employee
AuditRow = tuple[
    str, str, str, str | None, str | None, str | None, str | None, str | None, str | None
]
Origin = Callable[[int], Location]  # where item ``index`` of a batch came from
_SMALL_BATCH = 32


def no_origin(index: int) -> Location:
    """An unknown origin (single writes from the GUI)."""
    return Location()


class ContentError(StoreError):
    """Content refers to something that does not exist (an unknown store, employee, …)."""

    def __init__(self, message: str, where: Location | None = None) -> None:
        text = f"{where.describe()}: {message}" if where and where.describe() else message
        super().__init__(text)
        self.where = where or Location()


@dataclass(frozen=True)
class KindSummary:
    """How many items of one kind were added, changed, left unchanged (and removed)."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass(frozen=True)
class PeriodLock:
    """A locked period: its code and days."""

    period: str
    start: date
    end: date


# One incoming row: stored key and values (already encoded for storage), an audit label,
# the audit context (period, store, employee) and the days it feeds (checked against locks,
# ``None`` for directory rows). A plain tuple: hundreds of thousands are built per import.
ItemRow = tuple[
    tuple[object, ...],
    tuple[object, ...],
    str,
    str | None,
    str | None,
    str | None,
    tuple[date, date] | None,
]


def Item(
    key: tuple[object, ...],
    values: tuple[object, ...],
    label: str,
    period: str | None = None,
    store: str | None = None,
    employee: str | None = None,
    span: tuple[date, date] | None = None,
) -> ItemRow:
    """Build an :data:`ItemRow` (hot loops build the tuple directly)."""
    return (key, values, label, period, store, employee, span)


@dataclass(frozen=True)
class Table:
    """A flat table the merge engine can upsert: key columns, value columns, which value
    columns hold decimal text, which refer to a named table (for readable audit values)."""

    entity: str
    name: str
    keys: tuple[str, ...]
    columns: tuple[str, ...]
    numeric: frozenset[str] = frozenset()
    refs: Mapping[str, str] = field(default_factory=dict)
    bulk: bool = False  # additions audited as one summary row instead of one per item


def audit_field(column: str) -> str:
    """The audit name of a column: ``position_id`` → ``position``."""
    for suffix in ("_id", "_date"):
        if column.endswith(suffix):
            return column[: -len(suffix)]
    return column


def known_id(ids: Mapping[str, int], name: str, what: str, where: Location | None = None) -> int:
    """The database id of a named item an incoming item refers to.

    Raises:
        ContentError: the name is unknown; the message and ``where`` locate the item.
    """
    found = ids.get(name)
    if found is None:
        raise ContentError(f"{what} {name!r}", where)
    return found


class Repository:
    """Shared state and helpers; the concrete repositories are mixins over this class."""

    def __init__(self, conn: sqlite3.Connection, actor: str) -> None:
        self._single_write = False
        self._conn = conn
        self.actor = actor

    def _backup(self, reason: str) -> None:
        """Take an automatic backup before a risky write (the database overrides this)."""

    # --- look-ups ---------------------------------------------------------------------
    @staticmethod
    def _label_column(table: str) -> str:
        return "code" if table == "indicators" else "name"

    def _ids(self, table: str) -> dict[str, int]:
        column = self._label_column(table)
        rows = self._conn.execute(f"SELECT {column}, id FROM {table}").fetchall()
        return {str(name): int(row_id) for name, row_id in rows}

    def _names(self, table: str) -> dict[int, str]:
        column = self._label_column(table)
        rows = self._conn.execute(f"SELECT id, {column} FROM {table}").fetchall()
        return {int(row_id): str(name) for row_id, name in rows}

    def _id_of(self, table: str, name: str, what: str, where: Location | None = None) -> int:
        column = self._label_column(table)
        row = self._conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", (name,)).fetchone()
        if row is None:
            raise ContentError(f"unknown {what} {name!r}", where)
        return int(row[0])

    # --- audit ------------------------------------------------------------------------
    @contextmanager
    def _single(self) -> Iterator[None]:
        """One transaction for a single user edit, audited item by item (additions of bulk
        kinds included, unlike an import's one summary row)."""
        with write(self._conn):
            self._single_write = True
            try:
                yield
            finally:
                self._single_write = False

    def _write_audit(self, rows: Sequence[AuditRow]) -> None:
        if not rows:
            return
        at, actor = utc_now(), self.actor
        self._conn.executemany(
            "INSERT INTO audit (at, actor, action, entity, key, field, old, new, period, "
            "store, employee) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(at, actor, *row) for row in rows],
        )

    # --- locks ------------------------------------------------------------------------
    def _locks(self) -> list[PeriodLock]:
        rows = self._conn.execute(
            "SELECT period, start_date, end_date FROM period_locks ORDER BY start_date"
        ).fetchall()
        return [PeriodLock(str(p), to_day(s), to_day(e)) for p, s, e in rows]

    @staticmethod
    def _refuse_locked(locks: Sequence[PeriodLock], span: tuple[date, date], item: str) -> None:
        for lock in locks:
            if lock.start <= span[1] and span[0] <= lock.end:
                raise LockedPeriodError(lock.period, item)

    # --- merge ------------------------------------------------------------------------
    def _existing(
        self, table: Table, keys: Sequence[tuple[object, ...]]
    ) -> dict[tuple[object, ...], tuple[int, tuple[object, ...]]]:
        width = len(table.keys)
        columns = ", ".join(("id", *table.keys, *table.columns))
        if len(keys) <= _SMALL_BATCH:
            where = " AND ".join(f"{key} = ?" for key in table.keys)
            sql = f"SELECT {columns} FROM {table.name} WHERE {where}"
            rows = [row for key in keys for row in self._conn.execute(sql, key).fetchall()]
        else:
            rows = self._conn.execute(f"SELECT {columns} FROM {table.name}").fetchall()
        return {tuple(row[1 : 1 + width]): (int(row[0]), tuple(row[1 + width :])) for row in rows}

    def _merge(
        self, table: Table, items: Iterable[ItemRow], locks: Sequence[PeriodLock]
    ) -> KindSummary:
        """Upsert ``items`` into ``table`` by key; see the module docstring."""
        incoming: dict[tuple[object, ...], ItemRow] = {item[0]: item for item in items}
        if not incoming:
            return KindSummary()
        existing = self._existing(table, list(incoming))
        numeric = [column in table.numeric for column in table.columns]
        ref_names = {column: self._names(ref) for column, ref in table.refs.items()}
        inserts: list[tuple[object, ...]] = []
        updates: list[tuple[object, ...]] = []
        audit: list[AuditRow] = []
        unchanged = 0
        # A bulk table (daily rows, facts, …) gets one summary audit row per import; a single
        # write (a user typing one day or one fact) is audited item by item.
        entity, found_get = table.entity, existing.get
        bulk = table.bulk and not self._single_write
        for key, item in incoming.items():
            found = found_get(key)
            values = item[1]
            if found is None:
                if locks and item[6] is not None:
                    self._refuse_locked(locks, item[6], f"{entity} {item[2]}")
                inserts.append(key + values)
                if not bulk:
                    audit.append(("add", entity, item[2], None, None, None, *item[3:6]))
                continue
            row_id, old_values = found
            if old_values == values:
                unchanged += 1
                continue
            diffs = [
                index
                for index, (old, new) in enumerate(zip(old_values, values, strict=True))
                if old != new and not (numeric[index] and same_number(old, new))
            ]
            if not diffs:
                unchanged += 1
                continue
            if locks and item[6] is not None:
                self._refuse_locked(locks, item[6], f"{entity} {item[2]}")
            updates.append((*values, row_id))
            for index in diffs:
                column = table.columns[index]
                old, new = old_values[index], values[index]
                names = ref_names.get(column)
                if names is not None:
                    old = names.get(old, old) if isinstance(old, int) else old
                    new = names.get(new, new) if isinstance(new, int) else new
                audit.append(
                    (
                        "change",
                        entity,
                        item[2],
                        audit_field(column),
                        None if old is None else str(old),
                        None if new is None else str(new),
                        *item[3:6],
                    )
                )
        if inserts:
            columns = (*table.keys, *table.columns)
            marks = ", ".join("?" for _ in columns)
            self._conn.executemany(
                f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", inserts
            )
            if bulk:
                text = f"added {len(inserts)} {entity} rows"
                audit.append(("add", entity, "", None, None, text, None, None, None))
        if updates:
            assignments = ", ".join(f"{column} = ?" for column in table.columns)
            self._conn.executemany(f"UPDATE {table.name} SET {assignments} WHERE id = ?", updates)
        self._write_audit(audit)
        return KindSummary(added=len(inserts), changed=len(updates), unchanged=unchanged)

    def _delete_one(self, table: Table, item: ItemRow) -> bool:
        """Delete the row with ``item.key`` (values unused); whether there was one."""
        where = " AND ".join(f"{key} = ?" for key in table.keys)
        columns = ", ".join(("id", *table.columns))
        row = self._conn.execute(
            f"SELECT {columns} FROM {table.name} WHERE {where}", item[0]
        ).fetchone()
        if row is None:
            return False
        if item[6] is not None:
            self._refuse_locked(self._locks(), item[6], f"{table.entity} {item[2]}")
        self._conn.execute(f"DELETE FROM {table.name} WHERE id = ?", (row[0],))
        old = ", ".join(f"{c} {v}" for c, v in zip(table.columns, row[1:], strict=True))
        self._write_audit([("delete", table.entity, item[2], None, old, None, *item[3:6])])
        return True
