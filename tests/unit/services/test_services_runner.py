"""The operations runner: the right is checked before anything is written, a refusal rolls
the whole operation back, every change bumps the revision and drops the period cache."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.core.rights import RIGHTS, Actor, Right, Role, Scope
from kpidesk.services import daily_entry, facts
from kpidesk.services.company import CompanyService
from kpidesk.services.daily_entry import SaveDays
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE
from kpidesk.services.errors import UserError
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
NOV = Period.month(2026, 11)
DAY = DailyEntry("Центральный", date(2026, 11, 20), Decimal("1000.00"), 5, 20, 6)


@pytest.fixture
def service(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[CompanyService]:
    path = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(path, backup=False) as opened:
        yield opened


def test_the_rights_table_follows_the_spec() -> None:
    assert all(len(scopes) == len(Role) for scopes in RIGHTS.values())
    assert set(RIGHTS) == set(Right)
    manager = Actor("m", Role.MANAGER, store="Центральный")
    assert manager.may(Right.DAILY, store="Центральный")
    assert not manager.may(Right.DAILY, store="ТЦ «Мега»")
    assert not manager.may(Right.REOPEN_PERIOD)
    assert RIGHTS[Right.REOPEN_PERIOD][Role.ACCOUNTANT] is Scope.NONE
    assert Actor("anyone").may(Right.IMPORT)  # no users yet: every right


def test_a_missing_right_is_refused_before_anything_is_written(
    service: CompanyService,
) -> None:
    revision = service.database.revision()
    service.actor = Actor("Иванов", Role.MANAGER, store="ТЦ «Мега»")
    with pytest.raises(UserError) as refused:
        service.run(SaveDays(DAY.store, (DAY,)))
    assert refused.value.codes == ["right_denied"]
    assert service.database.revision() == revision
    service.actor = Actor("Иванов", Role.MANAGER, store="Центральный")
    service.run(SaveDays(DAY.store, (DAY,)))  # their own store
    assert service.database.revision() > revision


def test_a_change_drops_the_period_cache_and_bumps_the_revision(
    service: CompanyService,
) -> None:
    before = service.compute_period(NOV)
    assert service.compute_period(NOV) is before  # cached
    revision = service.database.revision()
    facts.set_fact(service, NOV, INCOMPLETE_EMPLOYEE, "nps", Decimal(61))
    assert service.database.revision() > revision
    after = service.compute_period(NOV)
    assert after is not before
    row = after.for_employee(INCOMPLETE_EMPLOYEE)
    assert row is not None and any(r.fact == Decimal(61) for r in row.rows)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e13", "-1e13"])
def test_services_refuse_numbers_out_of_range(service: CompanyService, value: str) -> None:
    with pytest.raises(UserError) as refused:
        facts.set_fact(service, NOV, INCOMPLETE_EMPLOYEE, "nps", Decimal(value))
    assert refused.value.codes[0] in ("not_a_number", "number_too_large")
    bad_day = DailyEntry(DAY.store, DAY.day, Decimal(value), 5, 20, 6)
    with pytest.raises(UserError):
        daily_entry.save_day(service, bad_day)
    assert daily_entry.saved_day(service, DAY.store, DAY.day) != bad_day


def test_a_negative_zero_fact_is_stored_as_zero(service: CompanyService) -> None:
    facts.set_fact(service, NOV, INCOMPLETE_EMPLOYEE, "nps", Decimal("-0"))
    stored = service.database.facts.fact_values(NOV)[(INCOMPLETE_EMPLOYEE, "nps")]
    assert str(stored) in ("0", "0.0") and not stored.is_signed()
