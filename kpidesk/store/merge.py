"""The merge engine the repositories share: upsert a batch of flat rows by key, write or
delete one row whose old state the caller has read, and the period-lock checks of imports.

A merge compares what is stored with what comes in (decimal columns by numeric value, so
``"39700.0"`` equals ``"39700.00"``), inserts the new rows with multi-row inserts
(:func:`insert_rows`) and updates the changed ones with ``executemany``, and audits either
item by item (``AuditMode.EACH``) or additions with one summary row per call
(``AuditMode.SUMMARY``, for imports of bulk kinds); changed values are always audited one
row each, all in one multi-row insert. An unchanged row is never written
(nor audited), so re-importing unchanged data into a locked period succeeds. The period
checks here name each refused item of an import; single writes rely on the schema's lock
triggers instead. Nothing here opens a transaction: callers wrap it in ``ctx.write()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from itertools import chain
from operator import attrgetter
from typing import Any

from kpidesk.core.problems import Location
from kpidesk.store.codec import same_number, to_day
from kpidesk.store.context import AuditRow, StoreContext
from kpidesk.store.errors import ContentError, LockedPeriodError

Origin = Callable[[int], Location]  # where item ``index`` of a batch came from
Context = tuple[str | None, str | None, str | None]  # audit period, store, employee
_SMALL_BATCH = 32
_INSERT_PARAMETERS = 5_000  # per multi-row insert: far below either engine's limit


class AuditMode(Enum):
    """How a merge audits the rows it adds."""

    EACH = "each"  # one row per added item (directories, single edits)
    SUMMARY = "summary"  # one "added N rows" row per call (imports of bulk kinds)


def no_origin(index: int) -> Location:
    """An unknown origin (single writes from the GUI)."""
    return Location()


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


# --- locks ------------------------------------------------------------------------------
def read_locks(ctx: StoreContext) -> list[PeriodLock]:
    """Every locked period, earliest first."""
    rows = ctx.execute(
        "SELECT period, start_date, end_date FROM period_locks ORDER BY start_date"
    ).fetchall()
    return [PeriodLock(str(p), to_day(s), to_day(e)) for p, s, e in rows]


def refuse_locked(locks: Sequence[PeriodLock], span: tuple[date, date], item: str) -> None:
    """Raise :class:`LockedPeriodError` naming ``item`` if ``span`` overlaps a lock."""
    for lock in locks:
        if lock.start <= span[1] and span[0] <= lock.end:
            raise LockedPeriodError(lock.period, item)


# --- diffs ------------------------------------------------------------------------------
def _diffs(table: Table, old_values: Sequence[object], values: Sequence[object]) -> list[int]:
    numeric = table.numeric
    return [
        index
        for index, (old, new) in enumerate(zip(old_values, values, strict=True))
        if old != new and not (table.columns[index] in numeric and same_number(old, new))
    ]


def _change_rows(
    table: Table,
    label: str,
    context: Context,
    old_values: Sequence[object],
    values: Sequence[object],
    diffs: Sequence[int],
    ref_names: Mapping[str, Mapping[int, str]],
) -> list[AuditRow]:
    rows: list[AuditRow] = []
    for index in diffs:
        column = table.columns[index]
        old, new = old_values[index], values[index]
        names = ref_names.get(column)
        if names is not None:
            old = names.get(old, old) if isinstance(old, int) else old
            new = names.get(new, new) if isinstance(new, int) else new
        rows.append(
            (
                "change",
                table.entity,
                label,
                audit_field(column),
                None if old is None else str(old),
                None if new is None else str(new),
                *context,
            )
        )
    return rows


# --- batches ----------------------------------------------------------------------------
def _existing(
    ctx: StoreContext, table: Table, keys: Sequence[tuple[object, ...]]
) -> dict[tuple[object, ...], tuple[int, tuple[object, ...]]]:
    width = len(table.keys)
    columns = ", ".join(("id", *table.keys, *table.columns))
    if len(keys) <= _SMALL_BATCH:
        where = " AND ".join(f"{key} = ?" for key in table.keys)
        sql = f"SELECT {columns} FROM {table.name} WHERE {where}"
        rows = [row for key in keys for row in ctx.execute(sql, key).fetchall()]
    else:
        rows = ctx.execute(f"SELECT {columns} FROM {table.name}").fetchall()
    return {tuple(row[1 : 1 + width]): (int(row[0]), tuple(row[1 + width :])) for row in rows}


def merge(
    ctx: StoreContext,
    table: Table,
    items: Iterable[ItemRow],
    locks: Sequence[PeriodLock],
    *,
    audit: AuditMode,
) -> KindSummary:
    """Upsert ``items`` into ``table`` by key; see the module docstring.

    Raises:
        LockedPeriodError: an added or changed item's days overlap one of ``locks``.
    """
    incoming: dict[tuple[object, ...], ItemRow] = {item[0]: item for item in items}
    if not incoming:
        return KindSummary()
    existing = _existing(ctx, table, list(incoming))
    ref_names = {column: ctx.names(ref) for column, ref in table.refs.items()}
    inserts: list[tuple[object, ...]] = []
    updates: list[tuple[object, ...]] = []
    rows: list[AuditRow] = []
    unchanged = 0
    entity, found_get = table.entity, existing.get
    each = audit is AuditMode.EACH
    if not existing and not locks and not each:
        # none of the keys is stored and no period is locked (a first import): every item
        # is added, as the loop below would find one by one
        inserts = [key + item[1] for key, item in incoming.items()]
    else:
        for key, item in incoming.items():
            found = found_get(key)
            values = item[1]
            if found is None:
                if locks and item[6] is not None:
                    refuse_locked(locks, item[6], f"{entity} {item[2]}")
                inserts.append(key + values)
                if each:
                    rows.append(("add", entity, item[2], None, None, None, *item[3:6]))
                continue
            row_id, old_values = found
            if old_values == values:
                unchanged += 1
                continue
            diffs = _diffs(table, old_values, values)
            if not diffs:
                unchanged += 1
                continue
            if locks and item[6] is not None:
                refuse_locked(locks, item[6], f"{entity} {item[2]}")
            updates.append((*values, row_id))
            context = (item[3], item[4], item[5])
            rows.extend(_change_rows(table, item[2], context, old_values, values, diffs, ref_names))
    if inserts:
        insert_rows(ctx, table.name, (*table.keys, *table.columns), inserts)
        if not each:
            text = f"added {len(inserts)} {entity} rows"
            rows.append(("add", entity, "", None, None, text, None, None, None))
    if updates:
        assignments = ", ".join(f"{column} = ?" for column in table.columns)
        ctx.conn.executemany(f"UPDATE {table.name} SET {assignments} WHERE id = ?", updates)
    ctx.audit(rows)
    return KindSummary(added=len(inserts), changed=len(updates), unchanged=unchanged)


def fresh(
    ctx: StoreContext, table: Table, count: int, locks: Sequence[PeriodLock], audit: AuditMode
) -> bool:
    """Whether :func:`merge` of ``count`` items would add every one as it comes — its path
    for keys none of which is stored, no period locked, a summary audit — because
    ``table`` is empty (a first import). Then the caller builds only each row's key and
    values for :func:`insert_fresh`, in columns (:func:`fresh_rows`), not the whole
    ``ItemRow`` with its label, audit context and days that only the item-by-item loop
    reads (issue 17: 43 000 of them)."""
    if count <= _SMALL_BATCH or locks or audit is AuditMode.EACH:
        return False
    return ctx.execute(f"SELECT 1 FROM {table.name} LIMIT 1").fetchone() is None


def columns(items: Sequence[object], *fields: str) -> list[list[Any]]:
    """The ``fields`` of every item, one list per field: one C-level pass per field,
    where ``zip(*map(attrgetter(*fields), items))`` makes a tuple per item and then
    transposes them (issue 17: 13.6 → 5.7 ms for 22 000 daily rows)."""
    return [list(map(attrgetter(name), items)) for name in fields]


def per_object(items: Sequence[Any], make: Callable[[Any], Any]) -> list[Any]:
    """``make(item)`` for each of ``items``, made once per distinct object (by identity):
    the content of an import repeats a few dozen Period objects thousands of times, and
    each one's code or texts are made once (issue 17)."""
    distinct = dict(zip(map(id, items), items, strict=True))
    made = {key: make(item) for key, item in distinct.items()}
    return list(map(made.__getitem__, map(id, items)))


def fresh_rows(
    keys: Sequence[Sequence[object]], values: Sequence[Sequence[object]]
) -> list[tuple[object, ...]]:
    """The rows :func:`insert_fresh` inserts, from columns (``keys``: the key columns,
    ``values``: the value columns, one entry per item each), as ``merge`` would keep the
    items: a repeated key keeps its first place and its last values. Built by ``zip``, in
    C calls rather than a Python call per item (issue 17: 43 000 of them)."""
    key_rows = list(zip(*keys, strict=True))
    if len(set(key_rows)) == len(key_rows):  # the usual case: every key once
        return list(zip(*keys, *values, strict=True))
    kept = dict(zip(key_rows, zip(*values, strict=True), strict=True))
    return [key + row for key, row in kept.items()]


def insert_fresh(
    ctx: StoreContext, table: Table, rows: Sequence[tuple[object, ...]]
) -> KindSummary:
    """What :func:`merge` writes when :func:`fresh` holds: ``rows`` (keys, then values, as
    :func:`fresh_rows` makes them) inserted in order, one summary audit row. With no
    period locked, the table's lock trigger is lifted meanwhile (on the company file:
    ``sqlite_dialect.lock_guard_lifted``)."""
    if not rows:
        return KindSummary()
    with ctx.engine.lock_guard_lifted(ctx.conn, table.name):  # no period is locked
        insert_rows(ctx, table.name, (*table.keys, *table.columns), rows)
    text = f"added {len(rows)} {table.entity} rows"
    ctx.audit([("add", table.entity, "", None, None, text, None, None, None)])
    return KindSummary(added=len(rows))


def insert_rows(
    ctx: StoreContext, name: str, columns: Sequence[str], rows: Sequence[tuple[object, ...]]
) -> None:
    """Insert ``rows`` in order with multi-row ``INSERT … VALUES (…), (…)`` statements of
    at most ``_INSERT_PARAMETERS`` parameters each (as the audit rows are written), not
    one execution per row: inside the import's savepoint every execution of a statement
    that a lock trigger may abort opens a statement journal, which tripled the cost of an
    import's 44 000 rows (0.5 s against 0.15 s, issue 17). The rows, their order and so
    their ids are the same; the lock triggers still fire for each row."""
    width = len(columns)
    per = max(1, _INSERT_PARAMETERS // width)
    head = f"INSERT INTO {name} ({', '.join(columns)}) VALUES "
    one = "(" + ", ".join("?" * width) + ")"
    full = head + ", ".join([one] * per)
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        sql = full if len(chunk) == per else head + ", ".join([one] * len(chunk))
        ctx.execute(sql, list(chain.from_iterable(chunk)))


# --- single rows ------------------------------------------------------------------------
def write_one(
    ctx: StoreContext,
    table: Table,
    key: tuple[object, ...],
    values: tuple[object, ...],
    found: tuple[int, tuple[object, ...]] | None,
    label: str,
    context: Context,
) -> bool:
    """Insert or update one row whose stored state ``found`` (id, values) the caller has
    read: one write and one audit statement, nothing at all when nothing changed. Refs are
    audited as ids (single-row tables have none). Whether anything changed."""
    if found is None:
        columns = (*table.keys, *table.columns)
        marks = ", ".join("?" for _ in columns)
        ctx.execute(
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", (*key, *values)
        )
        ctx.audit([("add", table.entity, label, None, None, None, *context)])
        return True
    row_id, old_values = found
    diffs = _diffs(table, old_values, values)
    if not diffs:
        return False
    assignments = ", ".join(f"{column} = ?" for column in table.columns)
    ctx.execute(f"UPDATE {table.name} SET {assignments} WHERE id = ?", (*values, row_id))
    ctx.audit(_change_rows(table, label, context, old_values, values, diffs, {}))
    return True


def delete_found(
    ctx: StoreContext,
    table: Table,
    found: tuple[int, tuple[object, ...]] | None,
    label: str,
    context: Context,
) -> bool:
    """Delete one row whose stored state ``found`` (id, values) the caller has read, with
    its audit row; whether there was one."""
    if found is None:
        return False
    row_id, old_values = found
    ctx.execute(f"DELETE FROM {table.name} WHERE id = ?", (row_id,))
    old = ", ".join(f"{c} {v}" for c, v in zip(table.columns, old_values, strict=True))
    ctx.audit([("delete", table.entity, label, None, old, None, *context)])
    return True


def ensure_named(ctx: StoreContext, table: Table, names: Iterable[str | None]) -> int:
    """Create the rows of a (name, archived) directory ``table`` that ``names`` refer to
    but that are missing; return how many were created."""
    known = ctx.ids(table.name)
    missing = list(dict.fromkeys(n for n in names if n is not None and n not in known))
    if missing:
        merge(ctx, table, (Item((name,), (0,), name) for name in missing), (), audit=AuditMode.EACH)
    return len(missing)
