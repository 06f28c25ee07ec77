"""Store revenue plans (issue 14 item 3): the grid of a period, setting and clearing plans
in one audited operation, copying the previous period's, suggesting from history + N %,
and refusals (bad values, unknown store, locked period), on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.services import plans
from kpidesk.services.changes import ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.periods import lock_period
from tests.engines import demo_company

D = Decimal
TODAY = date(2026, 11, 22)
SEP, OCT, NOV = Period.month(2026, 9), Period.month(2026, 10), Period.month(2026, 11)
CENTRAL = "Центральный"


@pytest.fixture
def service(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[CompanyService]:
    opened = CompanyService.open(demo_company(engine, tmp_path, request, TODAY), backup=False)
    yield opened
    opened.close()


def test_the_sheet_shows_plan_revenue_and_completion(service: CompanyService) -> None:
    sheet = plans.plans_sheet(service, OCT)
    assert [row.store for row in sheet.rows] == [s.name for s in service.company().stores]
    assert len(sheet.rows) == 3
    row = sheet.row(CENTRAL)
    assert row is not None and row.plan == D("3462000.00")
    revenue = sum(
        (e.revenue for e in service.database.daily.daily_rows(OCT.start, OCT.end, [CENTRAL])),
        D(0),
    )
    assert row.revenue == revenue
    assert row.completion == revenue / D("3462000") * 100
    assert not sheet.locked


def test_set_and_clear_in_one_audited_operation(service: CompanyService) -> None:
    before = service.database.audit.count()
    change = plans.set_store_plans(service, NOV, {CENTRAL: D("3500000"), "На Садовой": D(1)})
    assert change.kind is ChangeKind.PLAN and change.period == NOV
    sheet = plans.plans_sheet(service, NOV)
    assert sheet.row(CENTRAL).plan == D(3500000)  # type: ignore[union-attr]
    assert service.database.audit.count() > before
    completion = service.compute_period(NOV)  # the calculation sees the new plan at once
    assert completion is not None
    plans.set_store_plans(service, NOV, {"На Садовой": None})
    assert plans.plans_sheet(service, NOV).row("На Садовой").plan is None  # type: ignore[union-attr]


def test_bad_plans_are_refused_and_change_nothing(service: CompanyService) -> None:
    before = plans.plans_sheet(service, NOV).row(CENTRAL)
    with pytest.raises(UserError) as refused:
        plans.set_store_plans(service, NOV, {CENTRAL: D(-5), "Нет такого": D(1)})
    assert sorted(refused.value.codes) == ["negative_value", "unknown_store"]
    located = {p.where.key for p in refused.value.problems}
    assert located == {CENTRAL, "Нет такого"}
    assert plans.plans_sheet(service, NOV).row(CENTRAL) == before
    with pytest.raises(UserError) as empty:
        plans.set_store_plans(service, NOV, {})
    assert empty.value.codes == ["nothing_to_change"]


def test_a_locked_period_refuses_plans(service: CompanyService) -> None:
    lock_period(service, SEP)
    with pytest.raises(UserError) as refused:
        plans.set_store_plans(service, SEP, {CENTRAL: D(1)})
    assert refused.value.codes == ["period_locked"]
    assert plans.plans_sheet(service, SEP).locked


def test_copy_from_the_previous_period(service: CompanyService) -> None:
    december = Period.month(2026, 12)
    assert {row.plan for row in plans.plans_sheet(service, december).rows} == {None}
    suggested = plans.from_previous(service, december)
    november = {row.store: row.plan for row in plans.plans_sheet(service, NOV).rows}
    assert len(suggested) == 3 and suggested == november
    plans.set_store_plans(service, december, suggested)
    assert {row.store: row.plan for row in plans.plans_sheet(service, december).rows} == november


def test_from_history_plus_uplift(service: CompanyService) -> None:
    # by hand: the mean monthly revenue of the months with data before December, × 1.2
    entries = service.database.daily.daily_rows(date(2026, 6, 1), date(2026, 11, 30), [CENTRAL])
    months: dict[tuple[int, int], Decimal] = {}
    for entry in entries:
        key = (entry.day.year, entry.day.month)
        months[key] = months.get(key, D(0)) + entry.revenue
    mean = sum(months.values(), D(0)) / len(months)
    december = Period.month(2026, 12)
    expected = (mean * D("1.2")).quantize(D(1), rounding=ROUND_HALF_UP)
    assert plans.from_history(service, december)[CENTRAL] == expected
    expected_30 = (mean * D("1.3")).quantize(D(1), rounding=ROUND_HALF_UP)
    assert plans.from_history(service, december, D("0.3"))[CENTRAL] == expected_30
    with pytest.raises(UserError) as refused:
        plans.from_history(service, december, D(-1))
    assert refused.value.codes == ["uplift_out_of_range"]
