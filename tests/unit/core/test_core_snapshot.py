"""A locked period's snapshot reproduces its results exactly, whatever changes later, and
effective-dated pay applies from its period on (SPEC §2.1, §2.2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from kpidesk.core import snapshot
from kpidesk.core.company import Company, PeriodInputs
from kpidesk.core.compute import compute_period
from kpidesk.core.org import Employee, PayRate
from kpidesk.core.payout import PayoutKind, PayoutSchedule
from kpidesk.core.periods import Period
from kpidesk.services.demo import build_demo

OCTOBER = Period.month(2026, 10)


@pytest.fixture(scope="module")
def demo() -> tuple[Company, PeriodInputs]:
    content = build_demo(date(2026, 11, 20))
    whole = Company(
        name="Демо",
        stores=content.stores,
        departments=content.departments,
        positions=content.positions,
        employees=content.employees,
        indicators=content.indicators,
        matrices=content.matrices,
        schedules=content.schedules,
    )
    start = OCTOBER.previous().start
    inputs = PeriodInputs(
        facts={(f.employee, f.indicator): f.value for f in content.facts if f.period == OCTOBER},
        daily=tuple(d for d in content.daily if start <= d.day <= OCTOBER.end),
        seller_days=tuple(s for s in content.seller_days if start <= s.day <= OCTOBER.end),
        plans=tuple(p for p in content.plans if p.period.overlaps(OCTOBER)),
        inputs={(i.employee, i.name): i.value for i in content.inputs if i.period == OCTOBER},
        tasks=tuple(t for t in content.tasks if t.period == OCTOBER),
    )
    return whole, inputs


def _figures(company: Company, inputs: PeriodInputs) -> list[tuple[object, ...]]:
    result = compute_period(company, OCTOBER, inputs)
    return [
        (r.employee.name, r.kpi, None if r.pay is None else (r.pay.bonus, r.pay.total))
        for r in result.employees
    ]


def test_a_snapshot_round_trips_and_reproduces_the_results(
    demo: tuple[Company, PeriodInputs],
) -> None:
    company, inputs = demo
    taken = snapshot.take(company, OCTOBER, inputs)
    data = snapshot.encode(taken)
    back = snapshot.decode(data)
    assert back == taken
    assert _figures(back.company, back.inputs) == _figures(company, inputs)
    assert len(data) < 200_000


def test_later_edits_do_not_reach_the_snapshot(demo: tuple[Company, PeriodInputs]) -> None:
    company, inputs = demo
    before = _figures(company, inputs)
    frozen = snapshot.decode(snapshot.encode(snapshot.take(company, OCTOBER, inputs)))
    raised = tuple(
        replace(e, fixed_pay=e.fixed_pay + 1000, end=date(2026, 9, 30)) for e in company.employees
    )
    edited = replace(company, employees=raised, schedules=(PayoutSchedule(PayoutKind.LINEAR),))
    assert _figures(edited, inputs) != before
    assert _figures(frozen.company, frozen.inputs) == before


def test_a_damaged_snapshot_is_refused() -> None:
    with pytest.raises(snapshot.SnapshotError):
        snapshot.decode(b"not a snapshot")


def test_a_raise_applies_from_its_period_on() -> None:
    raise_ = PayRate(Period.month(2026, 11), Decimal("45000"), Decimal("18000"))
    employee = Employee(
        "Иванова",
        "Продавец",
        fixed_pay=Decimal("39700"),
        target_bonus=Decimal("16300"),
        rates=(raise_,),
    )
    assert employee.in_period(OCTOBER).fixed_pay == Decimal("39700")
    november = employee.in_period(Period.month(2026, 11))
    assert (november.fixed_pay, november.target_bonus) == (Decimal("45000"), Decimal("18000"))
    assert employee.in_period(Period.month(2027, 1)).fixed_pay == Decimal("45000")
    assert employee.current_pay == (Decimal("45000"), Decimal("18000"))
    assert Employee("Петров", "Продавец").in_period(OCTOBER).rates == ()
