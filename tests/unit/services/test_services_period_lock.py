"""Closing a period: lock, reopen with a reason (audited), status as JSON, and every input
feeding a locked period refused — including an import."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

import pytest

from kpidesk.core.periods import Period
from kpidesk.core.rights import Right
from kpidesk.services import facts, periods
from kpidesk.services.audit import AuditFilter, audit_log
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.operations import Operation, Session
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)


@pytest.fixture
def service(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[CompanyService]:
    path = demo_company(engine, tmp_path, request, TODAY)
    opened = CompanyService.open(path, backup=False)
    yield opened
    opened.close()


def test_lock_and_reopen_with_a_reason(service: CompanyService) -> None:
    change = periods.lock_period(service, OCT)
    assert (change.kind, change.period) == (ChangeKind.LOCK, OCT)
    assert service.is_locked(OCT)
    assert periods.lock_for_day(service, date(2026, 10, 31)) == OCT
    assert periods.lock_for_day(service, date(2026, 11, 1)) is None
    assert periods.lock_for_period(service, Period.half(2026, 10, 2)) == OCT
    with pytest.raises(UserError, match="already locked"):
        periods.lock_period(service, OCT)
    with pytest.raises(UserError, match="give a reason"):
        periods.reopen_period(service, OCT, "  ")
    periods.reopen_period(service, OCT, "исправить NPS")
    assert not service.is_locked(OCT)
    with pytest.raises(UserError, match="not locked"):
        periods.reopen_period(service, OCT, "again")
    reopen, lock = audit_log(service, AuditFilter(entity="period"))
    assert (reopen.action, reopen.field, reopen.new, reopen.key) == (
        "reopen",
        "reason",
        "исправить NPS",
        "2026-10",
    )
    assert lock.action == "lock"


def test_status_json(service: CompanyService) -> None:
    service.database.daily.delete_daily("Центральный", date(2026, 10, 9))
    status = periods.status_json(periods.period_status(service, OCT, TODAY))
    assert status["period"] == "2026-10" and status["locked"] is False
    assert status["missing_days"] == {"Центральный": ["2026-10-09"]}
    assert status["missing_facts"] == [{"employee": "Соколова Анна Игоревна", "indicator": "nps"}]
    assert "Соколова Анна Игоревна" in status["incomplete"]  # type: ignore[operator]
    assert status["problems"] == 2


def test_an_unchanged_export_reimports_after_a_lock(
    service: CompanyService, tmp_path: Path
) -> None:
    workbook = tmp_path / "all.xlsx"
    service.export_workbook(workbook)
    periods.lock_period(service, OCT)
    report = service.import_workbook(workbook)
    assert not report.summary.changed_anything


def test_import_changing_a_locked_period_is_refused(
    service: CompanyService, tmp_path: Path
) -> None:
    workbook = tmp_path / "all.xlsx"
    service.export_workbook(workbook)
    periods.lock_period(service, OCT)
    service.run(periods.ReopenPeriod(OCT, "a correction"))
    facts.set_fact(service, OCT, "Кузнецова Елена Николаевна", "complaints", Decimal(4))
    periods.lock_period(service, OCT)
    with pytest.raises(UserError) as refused:
        service.import_workbook(workbook)
    (problem,) = refused.value.problems
    assert problem.code == "period_locked" and problem.where.sheet is not None
    assert dict(problem.params)["period"] == "2026-10"


@dataclass
class _DayAndFact(Operation):
    """A write of a day of an open period and a fact of a locked one."""

    name: ClassVar[str] = "test_day_and_fact"
    right: ClassVar[Right] = Right.DAILY

    def apply(self, session: Session) -> Change:
        session.db.daily.delete_daily("Центральный", date(2026, 10, 5))
        session.db.facts.set_fact(
            Period.month(2026, 9), "Кузнецова Елена Николаевна", "complaints", Decimal(1)
        )
        return Change(ChangeKind.DAILY)


def test_the_runner_rolls_back_every_write(service: CompanyService) -> None:
    day = date(2026, 10, 5)
    before = service.database.daily.daily_rows(day, day)
    revision = service.database.revision()
    periods.lock_period(service, Period.month(2026, 9))
    assert service.database.revision() > revision
    revision = service.database.revision()
    with pytest.raises(UserError) as refused:
        service.run(_DayAndFact())
    assert refused.value.codes == ["period_locked"]
    assert service.database.daily.daily_rows(day, day) == before
    assert service.database.revision() == revision


def test_locking_takes_a_backup_first(service: CompanyService) -> None:
    periods.lock_period(service, OCT)
    last = service.last_backup()
    if service.database.is_server:  # the server keeps its own backups
        assert last is None and service.is_locked(OCT)
        return
    assert last is not None and "lock" in last.name
