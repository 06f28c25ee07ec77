"""The audit log as the viewer filters it: by period (days of daily rows too), store,
employee and kind."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.services import daily_entry, facts
from kpidesk.services.audit import AuditFilter, audit_log, entry_day
from kpidesk.services.company import CompanyService
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)


@pytest.fixture
def service(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[CompanyService]:
    path = demo_company(engine, tmp_path, request, TODAY)
    opened = CompanyService.open(path, backup=False)
    daily_entry.save_day(opened, DailyEntry("Центральный", date(2026, 10, 9), Decimal(1), 1, 1))
    daily_entry.save_day(opened, DailyEntry("На Садовой", date(2026, 11, 9), Decimal(1), 1, 1))
    facts.set_fact(opened, OCT, "Павлов Денис Олегович", "nps", Decimal(55))  # a change
    yield opened
    opened.close()


def test_filters(service: CompanyService) -> None:
    everything = audit_log(service)
    assert everything[0].entity == "fact"  # newest first
    october = audit_log(service, AuditFilter(period=OCT))
    assert {e.entity for e in october} == {"daily", "fact"}
    assert all(entry_day(e) in (None, date(2026, 10, 9)) for e in october)
    central = audit_log(service, AuditFilter(store="Центральный", entity="daily"))
    assert {e.field for e in central} == {"revenue", "receipts", "visitors", "units"}
    assert all(e.key == "Центральный 2026-10-09" for e in central)
    (denis,) = audit_log(service, AuditFilter(employee="Павлов Денис Олегович", entity="fact"))
    assert (denis.action, denis.field, denis.new, denis.period) == (
        "change",
        "value",
        "55",
        "2026-10",
    )
    assert audit_log(service, AuditFilter(period=Period.month(2026, 9), entity="fact")) == []
    assert audit_log(service, AuditFilter(limit=2)) == everything[:2]
