"""KPI matrices (with their ordered rows) and payout schedules (with their steps).

A matrix is keyed by (period code, owner): an employee's override or a position's template.
Its rows are replaced as a whole set; the audit names each changed cell as
``<indicator>.<column>``. A matrix stays in force until the owner's next matrix, so a write
is refused when any locked period falls inside the days the matrix would govern.
Schedules are keyed by position (``None`` = the company's schedule). The lock check here
covers the governed days (the schema's lock triggers see only the matrix's own period).
Must not: read or write directories other than creating a missing position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period
from kpidesk.store.codec import dec_text, opt_dec, opt_dec_text, same_number, to_day, to_dec
from kpidesk.store.context import AuditRow, StoreContext
from kpidesk.store.errors import ContentError
from kpidesk.store.merge import (
    KindSummary,
    Origin,
    PeriodLock,
    ensure_named,
    no_origin,
    read_locks,
    refuse_locked,
)
from kpidesk.store.org import POSITIONS

_ROW_COLUMNS = ("weight", "base", "norm", "target")
Owner = tuple[str, int]  # ("e", employee id) or ("p", position id)
RowText = tuple[int, str, str | None, str, str | None]


def _row_text(code: str, row: RowText) -> str:
    return f"{code}: weight {row[1]}, base {row[2]}, norm {row[3]}, target {row[4]}"


def _same_rows(old: Sequence[RowText], new: Sequence[RowText]) -> bool:
    return len(old) == len(new) and all(
        a[0] == b[0] and all(same_number(x, y) for x, y in zip(a[1:], b[1:], strict=True))
        for a, b in zip(old, new, strict=True)
    )


def _row_diffs(
    old: Sequence[RowText], new: Sequence[RowText], codes: dict[int, str]
) -> list[tuple[str, str | None, str | None]]:
    """Per-cell differences keyed by indicator code; added/removed rows as whole rows."""
    old_by = {codes[r[0]]: r for r in old}
    new_by = {codes[r[0]]: r for r in new}
    diffs: list[tuple[str, str | None, str | None]] = []
    for code, row in old_by.items():
        if code not in new_by:
            diffs.append((code, _row_text(code, row), None))
            continue
        for index, column in enumerate(_ROW_COLUMNS, start=1):
            before, after = row[index], new_by[code][index]
            if not same_number(before, after):
                diffs.append(
                    (
                        f"{code}.{column}",
                        None if before is None else str(before),
                        None if after is None else str(after),
                    )
                )
    diffs.extend(
        (code, None, _row_text(code, r)) for code, r in new_by.items() if code not in old_by
    )
    old_order = [code for code in old_by if code in new_by]
    new_order = [code for code in new_by if code in old_by]
    if old_order != new_order:
        diffs.append(("order", ", ".join(old_order), ", ".join(new_order)))
    return diffs


class MatrixRepository:
    """Matrices and payout schedules (``db.matrices``)."""

    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    # --- reading ----------------------------------------------------------------------
    def matrices(self) -> tuple[Matrix, ...]:
        """Every matrix with its rows in order, in the order the matrices were added."""
        return self.matrices_later()()

    def matrices_later(self) -> Callable[[], tuple[Matrix, ...]]:
        """:meth:`matrices` in two halves: the statements issued now, the matrices built
        when the returned function is called (``load_company`` issues every read of the
        directories in one batch: one round trip on the company server)."""
        heads_cursor = self._ctx.execute(
            "SELECT m.id, m.period, p.name, e.name FROM matrices m"
            " LEFT JOIN positions p ON p.id = m.position_id"
            " LEFT JOIN employees e ON e.id = m.employee_id ORDER BY m.id"
        )
        rows_cursor = self._ctx.execute(
            "SELECT r.matrix_id, i.code, r.weight, r.base, r.norm, r.target FROM matrix_rows r"
            " JOIN indicators i ON i.id = r.indicator_id ORDER BY r.matrix_id, r.position"
        )

        def build() -> tuple[Matrix, ...]:
            heads = heads_cursor.fetchall()
            rows: dict[int, list[MatrixRow]] = {int(h[0]): [] for h in heads}
            for matrix_id, code, weight, base, norm, target in rows_cursor.fetchall():
                rows[int(matrix_id)].append(
                    MatrixRow(code, to_dec(weight), opt_dec(base), to_dec(norm), opt_dec(target))
                )
            periods: dict[str, Period] = {}
            result = []
            for matrix_id, code, position, employee in heads:
                period = periods.get(code) or periods.setdefault(code, Period.parse(code))
                result.append(Matrix(period, tuple(rows[int(matrix_id)]), position, employee))
            return tuple(result)

        return build

    def schedules(self) -> tuple[PayoutSchedule, ...]:
        """Every payout schedule (the company's has ``position=None``)."""
        return self.schedules_later()()

    def schedules_later(self) -> Callable[[], tuple[PayoutSchedule, ...]]:
        """:meth:`schedules` in two halves (see :meth:`matrices_later`)."""
        heads_cursor = self._ctx.execute(
            "SELECT s.id, p.name, s.kind, s.threshold, s.cap, s.per_indicator"
            " FROM payout_schedules s LEFT JOIN positions p ON p.id = s.position_id ORDER BY s.id"
        )
        steps_cursor = self._ctx.execute(
            "SELECT schedule_id, threshold, coefficient FROM payout_steps"
            " ORDER BY schedule_id, position"
        )

        def build() -> tuple[PayoutSchedule, ...]:
            heads = heads_cursor.fetchall()
            steps: dict[int, list[PayoutStep]] = {int(h[0]): [] for h in heads}
            for schedule_id, threshold, coefficient in steps_cursor.fetchall():
                steps[int(schedule_id)].append(PayoutStep(to_dec(threshold), to_dec(coefficient)))
            return tuple(
                PayoutSchedule(
                    PayoutKind(kind),
                    to_dec(threshold),
                    opt_dec(cap),
                    tuple(steps[int(sid)]),
                    bool(per_indicator),
                    position,
                )
                for sid, position, kind, threshold, cap, per_indicator in heads
            )

        return build

    # --- merging ----------------------------------------------------------------------
    def _stored_matrices(self) -> dict[tuple[str, Owner], tuple[int, int | None, date]]:
        found = {}
        for row_id, period, position_id, employee_id, start in self._ctx.execute(
            "SELECT id, period, position_id, employee_id, start_date FROM matrices"
        ):
            owner = ("e", employee_id) if employee_id is not None else ("p", position_id)
            found[(str(period), owner)] = (int(row_id), position_id, to_day(start))
        return found

    def merge_matrices(
        self,
        matrices: Sequence[Matrix],
        locks: Sequence[PeriodLock],
        origin: Origin = no_origin,
    ) -> KindSummary:
        """Upsert matrices by (period, owner), replacing changed ones' rows as a set.

        Raises:
            LockedPeriodError: a locked period lies in the days a changed matrix governs.
            ContentError: unknown employee or indicator.
        """
        if not matrices:
            return KindSummary()
        ctx = self._ctx
        ensure_named(ctx, POSITIONS, (m.position for m in matrices))
        positions, employees = ctx.ids("positions"), ctx.ids("employees")
        indicators, by_name = ctx.ids("indicators"), {}
        for code, name in self._ctx.execute("SELECT code, name FROM indicators"):
            by_name[str(name)] = indicators[str(code)]
        codes = {v: k for k, v in indicators.items()}
        stored = self._stored_matrices()
        starts: dict[Owner, set[date]] = {}
        for (_, stored_owner), (_, _, start) in stored.items():
            starts.setdefault(stored_owner, set()).add(start)
        incoming: dict[tuple[str, Owner], tuple[Matrix, int | None, list[RowText]]] = {}
        for index, m in enumerate(matrices):
            where = origin(index)
            owner: Owner
            if m.employee is not None:
                if m.employee not in employees:
                    raise ContentError(f"matrix: unknown employee {m.employee!r}", where)
                owner = ("e", employees[m.employee])
            elif m.position:
                owner = ("p", positions[m.position])
            else:
                raise ContentError("matrix has neither a position nor an employee", where)
            rows: list[RowText] = []
            for row in m.rows:
                indicator_id = indicators.get(row.indicator) or by_name.get(row.indicator)
                if indicator_id is None:
                    raise ContentError(f"matrix: unknown indicator {row.indicator!r}", where)
                rows.append(
                    (
                        indicator_id,
                        dec_text(row.weight),
                        opt_dec_text(row.base),
                        dec_text(row.norm),
                        opt_dec_text(row.target),
                    )
                )
            position_id = None if m.position is None else positions[m.position]
            incoming[(m.period.code, owner)] = (m, position_id, rows)
            starts.setdefault(owner, set()).add(m.period.start)
        added = changed = unchanged = 0
        audit: list[AuditRow] = []
        row_inserts: list[tuple[object, ...]] = []
        for key, (m, position_id, rows) in incoming.items():
            label = f"{m.owner} {m.period.code}"
            context = (m.period.code, None, m.employee)
            found = stored.get(key)
            if found is not None:
                matrix_id = found[0]
                old_rows: list[RowText] = [
                    (int(r[0]), r[1], r[2], r[3], r[4])
                    for r in self._ctx.execute(
                        "SELECT indicator_id, weight, base, norm, target FROM matrix_rows"
                        " WHERE matrix_id = ? ORDER BY position",
                        (matrix_id,),
                    )
                ]
                if found[1] == position_id and _same_rows(old_rows, rows):
                    unchanged += 1
                    continue
            later = [s for s in starts[key[1]] if s > m.period.start]
            end = min(later) - timedelta(days=1) if later else date.max
            refuse_locked(locks, (m.period.start, end), f"matrix {label}")
            if found is None:
                added += 1
                matrix_id = self._ctx.execute(
                    "INSERT INTO matrices (period, start_date, end_date, position_id,"
                    " employee_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
                    (
                        m.period.code,
                        m.period.start.isoformat(),
                        m.period.end.isoformat(),
                        position_id,
                        key[1][1] if key[1][0] == "e" else None,
                    ),
                ).fetchone()[0]
                audit.append(("add", "matrix", label, None, None, f"{len(rows)} rows", *context))
            else:
                changed += 1
                if found[1] != position_id:
                    self._ctx.execute(
                        "UPDATE matrices SET position_id = ? WHERE id = ?", (position_id, matrix_id)
                    )
                self._ctx.execute("DELETE FROM matrix_rows WHERE matrix_id = ?", (matrix_id,))
                audit.extend(
                    ("change", "matrix", label, f, o, n, *context)
                    for f, o, n in _row_diffs(old_rows, rows, codes)
                )
            row_inserts.extend((matrix_id, pos, *row) for pos, row in enumerate(rows))
        self._ctx.conn.executemany(
            "INSERT INTO matrix_rows (matrix_id, position, indicator_id, weight, base, norm,"
            " target) VALUES (?, ?, ?, ?, ?, ?, ?)",
            row_inserts,
        )
        self._ctx.audit(audit)
        return KindSummary(added, changed, unchanged)

    def merge_schedules(self, schedules: Sequence[PayoutSchedule]) -> KindSummary:
        """Upsert payout schedules by position, replacing changed ones' steps."""
        ensure_named(self._ctx, POSITIONS, (s.position for s in schedules))
        positions = self._ctx.ids("positions")
        stored = {
            (None if r[1] is None else int(r[1])): (int(r[0]), tuple(r[2:]))
            for r in self._ctx.execute(
                "SELECT id, position_id, kind, threshold, cap, per_indicator FROM payout_schedules"
            )
        }
        added = changed = unchanged = 0
        audit: list[AuditRow] = []
        for s in schedules:
            position_id = None if s.position is None else positions[s.position]
            label = s.position or "company"
            values = (
                s.kind.value,
                dec_text(s.threshold),
                opt_dec_text(s.cap),
                int(s.per_indicator),
            )
            steps = [(dec_text(p.threshold), dec_text(p.coefficient)) for p in s.steps]
            steps_text = "; ".join(f"{t} → {c}" for t, c in steps)
            found = stored.get(position_id)
            if found is None:
                schedule_id = self._ctx.execute(
                    "INSERT INTO payout_schedules (position_id, kind, threshold, cap,"
                    " per_indicator) VALUES (?, ?, ?, ?, ?) RETURNING id",
                    (position_id, *values),
                ).fetchone()[0]
                stored[position_id] = (int(schedule_id), values)
                added += 1
                audit.append(("add", "schedule", label, None, None, steps_text, None, None, None))
            else:
                schedule_id, old_values = found
                old_steps = self._ctx.execute(
                    "SELECT threshold, coefficient FROM payout_steps WHERE schedule_id = ?"
                    " ORDER BY position",
                    (schedule_id,),
                ).fetchall()
                names = ("kind", "threshold", "cap", "per_indicator")
                diffs = [
                    (name, o, n)
                    for name, o, n in zip(names, old_values, values, strict=True)
                    if not same_number(o, n)
                ]
                same_steps = len(old_steps) == len(steps) and all(
                    same_number(a[0], b[0]) and same_number(a[1], b[1])
                    for a, b in zip(old_steps, steps, strict=True)
                )
                if not diffs and same_steps:
                    unchanged += 1
                    continue
                changed += 1
                self._ctx.execute(
                    "UPDATE payout_schedules SET kind = ?, threshold = ?, cap = ?,"
                    " per_indicator = ? WHERE id = ?",
                    (*values, schedule_id),
                )
                self._ctx.execute("DELETE FROM payout_steps WHERE schedule_id = ?", (schedule_id,))
                if not same_steps:
                    old_text = "; ".join(f"{t} → {c}" for t, c in old_steps)
                    diffs.append(("steps", old_text, steps_text))
                audit.extend(
                    (
                        "change",
                        "schedule",
                        label,
                        f,
                        None if o is None else str(o),
                        None if n is None else str(n),
                        None,
                        None,
                        None,
                    )
                    for f, o, n in diffs
                )
            self._ctx.conn.executemany(
                "INSERT INTO payout_steps (schedule_id, position, threshold, coefficient)"
                " VALUES (?, ?, ?, ?)",
                [(schedule_id, pos, t, c) for pos, (t, c) in enumerate(steps)],
            )
        self._ctx.audit(audit)
        return KindSummary(added, changed, unchanged)

    # --- single writes ----------------------------------------------------------------
    def save_matrix(self, matrix: Matrix) -> bool:
        """Add a matrix or replace its rows as a whole; whether anything changed.

        Raises:
            LockedPeriodError: a locked period lies in the days the matrix governs.
            ContentError: unknown employee or indicator.
        """
        with self._ctx.write():
            summary = self.merge_matrices([matrix], read_locks(self._ctx))
        return summary.added + summary.changed > 0

    def delete_matrix(
        self, period: Period, *, position: str | None = None, employee: str | None = None
    ) -> bool:
        """Delete the matrix of ``employee`` (or else ``position``) for ``period``;
        whether there was one.

        Raises:
            LockedPeriodError: a locked period lies in the days the matrix governed.
        """
        with self._ctx.write():
            if employee is not None:
                owner: Owner = ("e", self._ctx.id_of("employees", employee, "employee"))
            else:
                owner = ("p", self._ctx.id_of("positions", position or "", "position"))
            stored = self._stored_matrices()
            found = stored.get((period.code, owner))
            if found is None:
                return False
            later = [v[2] for (_, o), v in stored.items() if o == owner and v[2] > period.start]
            end = min(later) - timedelta(days=1) if later else date.max
            label = f"{employee or position} {period.code}"
            refuse_locked(read_locks(self._ctx), (period.start, end), f"matrix {label}")
            self._ctx.execute("DELETE FROM matrices WHERE id = ?", (found[0],))
            self._ctx.audit(
                [("delete", "matrix", label, None, None, None, period.code, None, employee)]
            )
        return True

    def save_schedule(self, schedule: PayoutSchedule) -> bool:
        """Add or replace the payout schedule of ``schedule.position`` (``None`` = the
        company's); whether anything changed."""
        with self._ctx.write():
            summary = self.merge_schedules([schedule])
        return summary.added + summary.changed > 0

    def delete_schedule(self, position: str | None) -> bool:
        """Delete a position's schedule (``None``: the company's, which then falls back to
        the default linear one); whether there was one."""
        with self._ctx.write():
            if position is None:
                row = self._ctx.execute(
                    "SELECT id FROM payout_schedules WHERE position_id IS NULL"
                ).fetchone()
            else:
                row = self._ctx.execute(
                    "SELECT s.id FROM payout_schedules s JOIN positions p"
                    " ON p.id = s.position_id WHERE p.name = ?",
                    (position,),
                ).fetchone()
            if row is None:
                return False
            self._ctx.execute("DELETE FROM payout_schedules WHERE id = ?", (row[0],))
            label = position or "company"
            self._ctx.audit([("delete", "schedule", label, None, None, None, None, None, None)])
        return True
