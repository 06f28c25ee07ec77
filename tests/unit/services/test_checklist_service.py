"""The setup checklist (issue 14 item 1): each step ticks itself off from the company's
data, in order, on both engines, and names the place that does it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.services import facts
from kpidesk.services.company import CompanyService
from kpidesk.services.setup_checklist import STEPS, setup_checklist
from tests.engines import demo_company
from tests.unit.services.setup_company import (
    ANNA,
    OCT,
    SELLER,
    add_matrix,
    add_schedule,
    add_store_and_people,
)

TODAY = date(2026, 11, 22)


@pytest.fixture
def service(company_location: Path | str) -> Iterator[CompanyService]:
    opened = CompanyService.open(company_location, create=True, backup=False)
    yield opened
    opened.close()


def _done(service: CompanyService) -> list[str]:
    checklist = setup_checklist(service, OCT, TODAY)
    assert [step.key for step in checklist.steps] == list(STEPS)
    return [step.key for step in checklist.steps if step.done]


def test_an_empty_company_has_nothing_done(service: CompanyService) -> None:
    checklist = setup_checklist(service, OCT, TODAY)
    assert checklist.done_count == 0 and not checklist.complete
    first = checklist.next_step
    assert first is not None and first.key == "store"
    assert (first.section, first.target) == ("directories", {"tab": "stores"})
    assert checklist.step("facts").section == "facts"


def test_steps_tick_off_as_the_company_is_built(service: CompanyService) -> None:
    add_store_and_people(service)
    assert _done(service) == ["store", "positions", "employees"]
    checklist = setup_checklist(service, OCT, TODAY)
    matrix = checklist.step("matrix")
    assert (matrix.count, matrix.total) == (0, 1)
    assert (matrix.section, matrix.target) == ("matrix", {"position": SELLER})

    add_matrix(service)
    assert _done(service) == ["store", "positions", "employees", "indicators", "matrix"]
    payout = setup_checklist(service, OCT, TODAY).step("payout")
    assert not payout.done and payout.target == {"tab": "schedules"}

    add_schedule(service)
    checklist = setup_checklist(service, OCT, TODAY)
    assert checklist.step("payout").done
    step = checklist.step("facts")
    assert not step.done
    assert (step.section, step.target) == ("facts", {"employee": ANNA, "indicator": "nps"})

    facts.set_facts(service, OCT, {(ANNA, "nps"): Decimal(55)})
    checklist = setup_checklist(service, OCT, TODAY)
    assert checklist.complete and checklist.next_step is None
    assert (checklist.step("facts").count, checklist.step("facts").total) == (1, 1)


def test_a_zero_target_bonus_keeps_payout_open(service: CompanyService) -> None:
    from dataclasses import replace

    from kpidesk.services import directories

    add_store_and_people(service)
    add_matrix(service)
    add_schedule(service)
    anna = service.company().employee(ANNA)
    assert anna is not None
    directories.save_employee(service, ANNA, replace(anna, target_bonus=Decimal(0)))
    payout = setup_checklist(service, OCT, TODAY).step("payout")
    assert not payout.done
    assert payout.target == {"tab": "employees", "name": ANNA}


def test_the_demo_is_set_up_even_early_in_a_month(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as demo:
        assert setup_checklist(demo, OCT, TODAY).complete
        from kpidesk.core.periods import Period

        november = setup_checklist(demo, Period.month(2026, 11), TODAY)
        assert november.complete  # nothing complete yet in November, October was
