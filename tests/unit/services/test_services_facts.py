"""Manual facts: the grid of what the matrices need, the missing count (the same as the
period status), setting and clearing many facts in one transaction, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.services import facts
from kpidesk.services.changes import ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE
from kpidesk.services.errors import UserError
from kpidesk.services.periods import lock_period
from tests.engines import demo_company

D = Decimal
TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)
MANAGER = "Кузнецова Елена Николаевна"


@pytest.fixture
def service(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[CompanyService]:
    path = demo_company(engine, tmp_path, request, TODAY)
    opened = CompanyService.open(path, backup=False)
    yield opened
    opened.close()


def test_sheet_lists_what_the_matrices_need(service: CompanyService) -> None:
    sheet = facts.facts_sheet(service, OCT)
    assert [i.code for i in sheet.indicators] == ["complaints", "nps", "standards", "shortage"]
    assert len(sheet.employees) == 15
    assert (MANAGER, "complaints") in sheet.needed
    assert (MANAGER, "nps") not in sheet.needed  # not in a store manager's matrix
    assert sheet.missing == [(INCOMPLETE_EMPLOYEE, "nps")]
    assert not sheet.locked


def test_missing_count_matches_the_period_status(service: CompanyService) -> None:
    status = service.period_status(OCT, TODAY)
    assert facts.missing_facts_count(service, OCT) == len(status.missing_facts) == 1
    november = Period.month(2026, 11)
    assert facts.missing_facts_count(service, november) == len(
        service.period_status(november, TODAY).missing_facts
    )


def test_set_many_in_one_transaction_and_clear(service: CompanyService) -> None:
    audit_before = service.database.audit.count()
    change = facts.set_facts(
        service, OCT, {(INCOMPLETE_EMPLOYEE, "nps"): D(61), (MANAGER, "complaints"): D(4)}
    )
    assert (change.kind, change.period, change.employee) == (ChangeKind.FACT, OCT, None)
    sheet = facts.facts_sheet(service, OCT)
    assert sheet.values[(INCOMPLETE_EMPLOYEE, "nps")] == 61 and sheet.missing_count == 0
    assert service.database.audit.count() > audit_before
    change = facts.set_fact(service, OCT, MANAGER, "Жалобы покупателей", None)  # by name
    assert change.employee == MANAGER
    assert facts.facts_sheet(service, OCT).missing == [(MANAGER, "complaints")]


def test_refusals_write_nothing(service: CompanyService) -> None:
    good = (INCOMPLETE_EMPLOYEE, "nps")
    with pytest.raises(UserError, match="unknown employee"):
        facts.set_facts(service, OCT, {good: D(1), ("Никто", "nps"): D(1)})
    with pytest.raises(UserError, match="unknown indicator"):
        facts.set_facts(service, OCT, {(MANAGER, "nothing"): D(1)})
    with pytest.raises(UserError, match="computed from store:conversion"):
        facts.set_facts(service, OCT, {(MANAGER, "conversion"): D(1)})
    with pytest.raises(UserError, match="no facts"):
        facts.set_facts(service, OCT, {})
    assert facts.facts_sheet(service, OCT).missing == [good]


def test_locked_period_refuses_facts(service: CompanyService) -> None:
    lock_period(service, OCT)
    assert facts.facts_sheet(service, OCT).locked
    with pytest.raises(UserError) as refused:
        facts.set_fact(service, OCT, INCOMPLETE_EMPLOYEE, "nps", D(50))
    assert refused.value.codes == ["period_locked"]
    with pytest.raises(UserError, match="is locked"):
        facts.set_fact(service, OCT, MANAGER, "complaints", None)
