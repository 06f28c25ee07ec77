"""The context every repository shares: the one connection, who is working, the backup
hook, transactions, name ↔ id look-ups, audit writing and the translation of a lock
trigger's abort into a :class:`LockedPeriodError` that names the item.

Audit rows of one call are written with ONE multi-row ``INSERT … VALUES (…), (…)``
statement (chunked for very large imports), so a single edit costs one audit statement.
This module must not know any kpidesk table but ``audit`` and ``period_locks``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date

from kpidesk.core.problems import Location
from kpidesk.store.codec import utc_now
from kpidesk.store.engine import Engine, engine_of
from kpidesk.store.errors import ContentError, LockedPeriodError
from kpidesk.store.sqlite_dialect import Connection, Cursor

# action, entity, key, field, old, new, period, store, employee
AuditRow = tuple[
    str, str, str, str | None, str | None, str | None, str | None, str | None, str | None
]
AUDIT_COLUMNS = "at, actor, action, entity, key, field, old, new, period, store, employee"
_AUDIT_CHUNK = 500  # rows per multi-row insert: 5 500 parameters, far below the limit


def label_column(table: str) -> str:
    """The column that names a directory row: indicators by code, the others by name."""
    return "code" if table == "indicators" else "name"


def _no_backup(reason: str) -> None:
    """No backups (a context without a file, e.g. in a unit test)."""


@dataclass
class StoreContext:
    """The connection, the actor and the backup hook, shared by all repositories."""

    conn: Connection
    actor: str
    backup: Callable[[str], None] = _no_backup
    _names: dict[str, dict[int, str]] = field(default_factory=dict, repr=False)

    @property
    def engine(self) -> Engine:
        """The connection's dialect (the company file's or the company server's)."""
        return engine_of(self.conn)

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        """Run one statement."""
        return self.conn.execute(sql, params)

    def write(self, *, savepoint: bool = True) -> AbstractContextManager[Connection]:
        """A write transaction (a savepoint when nested; see ``sqlite_dialect.write``)."""
        cm: AbstractContextManager[Connection] = self.engine.write(self.conn, savepoint=savepoint)
        return cm

    def batch(self) -> AbstractContextManager[Connection]:
        """Reads that travel together: issue them all inside, then look at the results
        (on the company server one round trip for all; see ``postgres_dialect.batch``)."""
        cm: AbstractContextManager[Connection] = self.engine.batch(self.conn)
        return cm

    # --- look-ups ---------------------------------------------------------------------
    def ids(self, table: str) -> dict[str, int]:
        """Every row id of a directory table by name (indicators: by code)."""
        return {name: row_id for row_id, name in self.names(table).items()}

    def names(self, table: str) -> dict[int, str]:
        """Every name of a directory table by row id (indicators: codes). Outside a write
        they are read once and kept until the next write through this context or
        :meth:`forget_names` (a change made elsewhere): on the company server every read
        is a round trip."""
        writing = self.conn.in_transaction  # a write reads them fresh, and keeps none
        found = None if writing else self._names.get(table)
        if found is None:
            rows = self.conn.execute(f"SELECT id, {label_column(table)} FROM {table}").fetchall()
            found = {int(row_id): str(name) for row_id, name in rows}
            if writing:
                self._names.clear()
            else:
                self._names[table] = found
        return dict(found)

    def keep_names(self, table: str, names: dict[int, str]) -> None:
        """Keep the id ↔ name map of ``table`` that a caller read with its rows (all of
        them, archived included), as :meth:`names` would have read it; never inside a
        write (the map is read fresh there)."""
        if not self.conn.in_transaction:
            self._names[table] = dict(names)

    def forget_names(self) -> None:
        """Drop the kept id ↔ name maps (after a write, or a change from elsewhere)."""
        self._names.clear()

    def id_of(self, table: str, name: str, what: str, where: Location | None = None) -> int:
        """The id of one named directory row.

        Raises:
            ContentError: there is no such row.
        """
        sql = f"SELECT id FROM {table} WHERE {label_column(table)} = ?"
        row = self.conn.execute(sql, (name,)).fetchone()
        if row is None:
            raise ContentError(f"unknown {what} {name!r}", where)
        return int(row[0])

    # --- audit ------------------------------------------------------------------------
    def audit(self, rows: Sequence[AuditRow]) -> None:
        """Write audit rows, stamped with now and the actor, in one statement per chunk."""
        self._names.clear()  # every write audits: what it renamed or added is read anew
        if not rows:
            return
        at, actor = utc_now(), self.actor
        for start in range(0, len(rows), _AUDIT_CHUNK):
            chunk = rows[start : start + _AUDIT_CHUNK]
            marks = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(chunk))
            params = [value for row in chunk for value in (at, actor, *row)]
            self.conn.execute(f"INSERT INTO audit ({AUDIT_COLUMNS}) VALUES {marks}", params)

    # --- locks ------------------------------------------------------------------------
    def locked_period_of(self, span: tuple[date, date]) -> str:
        """The code of the earliest locked period overlapping ``span`` ("" if none)."""
        row = self.conn.execute(
            "SELECT period FROM period_locks WHERE start_date <= ? AND end_date >= ?"
            " ORDER BY start_date LIMIT 1",
            (span[1].isoformat(), span[0].isoformat()),
        ).fetchone()
        return "" if row is None else str(row[0])

    @contextmanager
    def naming_locks(self, item: str, span: tuple[date, date] | None) -> Iterator[None]:
        """Name ``item`` and its locked period in a lock trigger's abort raised inside (the
        period is looked up on this error path only)."""
        try:
            with self.engine.sorted_errors():
                yield
        except LockedPeriodError as exc:
            if exc.item:
                raise
            period = exc.period or (self.locked_period_of(span) if span else "")
            raise LockedPeriodError(period, item) from exc

    @contextmanager
    def single_write(self, item: str, span: tuple[date, date] | None) -> Iterator[None]:
        """The transaction of one single-row edit: joins an open transaction without a
        savepoint (each of its statements is atomic) and names a locked ``item``."""
        with self.write(savepoint=False), self.naming_locks(item, span):
            yield
