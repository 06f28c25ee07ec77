"""Reading the audit log (who changed which value, from what to what, when) back.

Audit rows are written by the other repositories inside their own transactions (through
``StoreContext.audit``); this module only reads them, filtering in SQL. It must not write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kpidesk.store.context import StoreContext


@dataclass(frozen=True)
class AuditEntry:
    """One audit row.

    Attributes:
        at: when (UTC, timezone-aware).
        actor: who (the database's actor at the time).
        action: ``add``, ``change``, ``delete``, ``rename``, ``archive``, ``lock``,
            ``reopen``, ``meta``.
        entity: ``store``, ``employee``, ``matrix``, ``daily``, ``fact``, ``period``, …
        key: which item, e.g. ``"ТЦ «Мега» 2026-10-05"`` (empty for bulk summaries).
        field: which value changed (``None`` for whole-item actions).
        old, new: the value before and after as text (``None`` when absent); a bulk
            addition's summary (``"added 21900 daily rows"``) is in ``new``.
        period, store, employee: context for filtering, when known.
    """

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    key: str
    field: str | None
    old: str | None
    new: str | None
    period: str | None
    store: str | None
    employee: str | None


_SELECT = (
    "SELECT id, at, actor, action, entity, key, field, old, new, period, store, employee FROM audit"
)
_ESCAPE = "\\"


def _entries(rows: Sequence[Any]) -> list[AuditEntry]:
    return [AuditEntry(int(r[0]), datetime.fromisoformat(r[1]), *r[2:]) for r in rows]


def _like_prefix(text: str) -> str:
    """A ``LIKE`` pattern matching ``text`` followed by anything (``%``, ``_`` and the
    escape character in ``text`` match only themselves)."""
    for char in (_ESCAPE, "%", "_"):
        text = text.replace(char, _ESCAPE + char)
    return text + "%"


class AuditLog:
    """Reading the audit log (``db.audit``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def entries(
        self,
        period: str | None = None,
        store: str | None = None,
        employee: str | None = None,
        entity: str | None = None,
        limit: int = 1000,
    ) -> list[AuditEntry]:
        """The newest ``limit`` audit rows matching every filter given, newest first."""
        conditions, params = [], []
        for column, value in (
            ("period", period),
            ("store", store),
            ("employee", employee),
            ("entity", entity),
        ):
            if value is not None:
                conditions.append(f"{column} = ?")
                params.append(value)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self._ctx.execute(
            f"{_SELECT}{where} ORDER BY id DESC LIMIT ?", (*params, int(limit))
        ).fetchall()
        return _entries(rows)

    def for_key(
        self,
        entities: Sequence[str],
        key_prefix: str,
        store: str | None = None,
        limit: int = 1000,
    ) -> list[AuditEntry]:
        """The newest ``limit`` rows of ``entities`` about the item ``key_prefix`` or an item
        under it (key ``key_prefix`` itself or starting with ``key_prefix + " "``, e.g. a
        store's day and its sellers' rows), only of ``store`` when given; newest first.
        One statement."""
        if not entities:
            return []
        marks = ", ".join("?" for _ in entities)
        under = key_prefix + " "
        sql = (
            f"{_SELECT} WHERE entity IN ({marks})"
            f" AND (key = ? OR (key LIKE ? ESCAPE '{_ESCAPE}' AND substr(key, 1, ?) = ?))"
        )
        params: list[object] = [*entities, key_prefix, _like_prefix(under), len(under), under]
        if store is not None:
            sql += " AND store = ?"
            params.append(store)
        rows = self._ctx.execute(f"{sql} ORDER BY id DESC LIMIT ?", (*params, int(limit)))
        return _entries(rows.fetchall())

    def count(self) -> int:
        """How many audit rows there are."""
        return int(self._ctx.execute("SELECT count(*) FROM audit").fetchone()[0])
