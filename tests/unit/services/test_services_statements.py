"""What a user action costs in statements through the operations runner (on the company
server every statement is a network round trip): a daily save and a fact edit ≤ 5,
BEGIN and COMMIT included. SQLite reports each trigger sub-statement by repeating the
outer statement's text, so consecutive repeats count once (they are not round trips)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.services import daily_entry, facts
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE
from kpidesk.services.demo_setup import create_demo_database

TODAY = date(2026, 11, 22)


@pytest.fixture
def service(tmp_path: Path) -> Iterator[CompanyService]:
    path = tmp_path / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    with CompanyService.open(path, backup=False) as opened:
        opened.company()  # the directories are read once per window, not per save
        yield opened


def _statements(service: CompanyService, action: Callable[[], object]) -> list[str]:
    seen: list[str] = []
    conn = service.database.connection
    conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        conn.set_trace_callback(None)
    return [text for i, text in enumerate(seen) if i == 0 or seen[i - 1] != text]


def test_a_daily_save_costs_at_most_five_statements(service: CompanyService) -> None:
    entry = DailyEntry("Центральный", date(2026, 11, 20), Decimal("123456.50"), 80, 300, 120)
    sent = _statements(service, lambda: daily_entry.save_day(service, entry))
    assert len(sent) <= 5, sent
    assert daily_entry.saved_day(service, "Центральный", entry.day) == entry


def test_a_fact_edit_costs_at_most_five_statements(service: CompanyService) -> None:
    november = Period.month(2026, 11)
    sent = _statements(
        service, lambda: facts.set_fact(service, november, INCOMPLETE_EMPLOYEE, "nps", Decimal(61))
    )
    assert len(sent) <= 5, sent
    sent = _statements(
        service, lambda: facts.set_fact(service, november, INCOMPLETE_EMPLOYEE, "nps", None)
    )
    assert len(sent) <= 5, sent
