"""What a service call changed, so that each view refreshes only when it is concerned
(STYLE.md: one road for every change). The GUI wraps it in one Qt signal."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from kpidesk.core.periods import Period


class ChangeKind(Enum):
    """What kind of data changed."""

    COMPANY = "company"  # another file opened, a restore, an import: everything
    DIRECTORY = "directory"  # stores, departments, positions, employees, indicators
    SCHEDULE = "schedule"
    MATRIX = "matrix"
    FACT = "fact"
    DAILY = "daily"
    PLAN = "plan"
    INPUT = "input"
    LOCK = "lock"
    TASK = "task"
    USERS = "users"  # users, roles, passwords
    PAYLIST = "paylist"  # a pay list's sign-off step


@dataclass(frozen=True)
class Change:
    """One change: its kind and, where known, the period, store and employee it touches
    (``None`` = not limited to one)."""

    kind: ChangeKind
    period: Period | None = None
    store: str | None = None
    employee: str | None = None
    # the view that made the change, so that it can ignore its own echo (set by the GUI)
    initiator: object | None = field(default=None, compare=False, repr=False)

    def touches(self, period: Period | None = None, store: str | None = None) -> bool:
        """Whether a view showing ``period`` and ``store`` must refresh."""
        if self.kind is ChangeKind.COMPANY:
            return True
        if period is not None and self.period is not None and not self.period.overlaps(period):
            # a change of an earlier period can still matter (dynamics, matrices in force)
            return self.kind in (ChangeKind.MATRIX, ChangeKind.DAILY)
        return store is None or self.store is None or self.store == store
