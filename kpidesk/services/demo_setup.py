"""Creating (or resetting) the demo company file. Refuses to overwrite a file that holds a
real company: only a file that is missing, empty or already the demo is (re)built."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kpidesk.core.periods import Period, PeriodKind
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import COMPANY_NAME, INCOMPLETE_EMPLOYEE, build_demo
from kpidesk.services.errors import UserError
from kpidesk.services.importing import ApplyContent


@dataclass(frozen=True)
class DemoSummary:
    """What the demo contains, for the terminal."""

    path: Path
    stores: int
    employees: int
    positions: Counter[str]
    daily_rows: int
    first_day: date
    last_day: date
    latest_full_month: Period

    def describe(self) -> str:
        """A few lines: what was created and what to try next."""
        positions = ", ".join(f"{name} ×{count}" for name, count in self.positions.items())
        month = self.latest_full_month.code
        return "\n".join(
            [
                f"demo company «{COMPANY_NAME}» created in {self.path}",
                f"  {self.stores} stores, {self.employees} employees: {positions}",
                f"  {self.daily_rows} daily rows from {self.first_day:%d.%m.%Y} "
                f"to {self.last_day:%d.%m.%Y}",
                f"  {INCOMPLETE_EMPLOYEE} has no NPS fact for {month} (an incomplete matrix)",
                f"try: kpidesk --db {self.path} report bonus --period {month}",
            ]
        )


def _is_replaceable(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True
    with CompanyService.open(path) as service:
        company = service.company()
        return company.name == COMPANY_NAME or not company.employees


def create_demo_database(path: Path, *, today: date) -> DemoSummary:
    """Build the demo company in ``path`` as of ``today``.

    Raises:
        UserError: ``path`` holds a company that is not the demo.
    """
    if not _is_replaceable(path):
        raise UserError.of(
            "demo_would_overwrite",
            f"{path} holds a real company, not the demo; refusing to overwrite it "
            "(give the demo another file with --db)",
            file=path,
        )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    content = build_demo(today)
    with CompanyService.open(path, create=True) as service:
        service.run(ApplyContent(content))
    days = [entry.day for entry in content.daily]
    return DemoSummary(
        path=path,
        stores=len(content.stores),
        employees=len(content.employees),
        positions=Counter(employee.position for employee in content.employees),
        daily_rows=len(content.daily),
        first_day=min(days),
        last_day=max(days),
        latest_full_month=Period.containing(today, PeriodKind.MONTH).previous(),
    )
