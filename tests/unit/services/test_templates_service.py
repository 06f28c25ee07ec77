"""Picking a KPI template (issue 14 item 2): matched to the company's own indicators, new
ones prepared but not written, values from the store's plan and the history, and saved
with its new indicators in one operation (or refused whole), on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.periods import Period
from kpidesk.core.templates import Origin, template
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.kpi_templates import TemplateEditing
from kpidesk.services.periods import lock_period
from tests.engines import demo_company
from tests.unit.services.setup_company import SELLER, STORE, add_store_and_people

D = Decimal
TODAY = date(2026, 11, 22)
OCT, NOV = Period.month(2026, 10), Period.month(2026, 11)
MANAGER = "Управляющий магазином"


@pytest.fixture
def demo(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[CompanyService]:
    opened = CompanyService.open(demo_company(engine, tmp_path, request, TODAY), backup=False)
    yield opened
    opened.close()


def _matrix(fill, period: Period, position: str) -> Matrix:  # type: ignore[no-untyped-def]
    rows = tuple(
        MatrixRow(r.indicator, r.weight, r.levels.base, r.levels.norm, r.levels.target)
        for r in fill.rows
        if r.levels.norm is not None
    )
    return Matrix(period, rows, position)


def test_filling_reuses_the_company_indicators_and_writes_nothing(demo: CompanyService) -> None:
    editing = TemplateEditing(demo)
    revision, audit = demo.database.revision(), demo.database.audit.count()
    seller = template("seller")
    assert seller is not None
    fill = editing.fill(seller, NOV, position=SELLER_DEMO, live=_seller_of(demo))
    codes = [row.indicator for row in fill.rows]
    assert codes[0] == "plan"  # store:plan_completion is the demo's "plan"
    assert codes[1] == "personal_sales"  # employee:revenue
    assert codes[5] == "standards"  # a manual one, matched by its code
    new = {i.code for i in fill.new_indicators}
    assert new == {"seller_avg_check", "seller_upt"}
    assert [r.new for r in fill.rows] == [False, False, True, True, False, False]
    assert {i.code for i in editing.company.indicators} >= new  # known to the editor…
    assert demo.company().indicator("seller_upt") is None  # …and not saved
    assert (demo.database.revision(), demo.database.audit.count()) == (revision, audit)
    personal = fill.rows[1].levels
    assert personal.origin is Origin.HISTORY and personal.norm == personal.reference.quantize(D(1))  # type: ignore[union-attr]


SELLER_DEMO = "Продавец-консультант"


def _seller_of(service: CompanyService) -> str:
    return next(e.name for e in service.company().employees if e.position == SELLER_DEMO)


def test_store_manager_revenue_is_shares_of_the_store_plan(demo: CompanyService) -> None:
    editing = TemplateEditing(demo)
    manager = next(e for e in demo.company().employees if e.position == MANAGER)
    kpi = template("store_manager")
    assert kpi is not None
    fill = editing.fill(kpi, OCT, employee=manager.name)
    assert fill.store == manager.store
    plan = next(p.revenue for p in demo.database.daily.plans(OCT) if p.store == manager.store)
    revenue = fill.rows[0].levels
    assert revenue.origin is Origin.PLAN and fill.plan == plan
    assert revenue.norm == plan.quantize(D(1))
    assert revenue.base == (plan * D("0.8")).quantize(D(1))
    assert revenue.target == (plan * D("1.2")).quantize(D(1))


def test_saving_adds_the_new_indicators_with_the_matrix(demo: CompanyService) -> None:
    editing = TemplateEditing(demo)
    kpi = template("seller")
    assert kpi is not None
    fill = editing.fill(kpi, NOV, position=SELLER_DEMO, live=_seller_of(demo))
    matrix = _matrix(fill, NOV, SELLER_DEMO)
    assert matrix.weight_sum == 1
    editing.save(matrix)
    assert demo.company().indicator("seller_upt") is not None
    saved = editing.exact(NOV, position=SELLER_DEMO)
    assert saved is not None and saved.rows == matrix.rows
    assert editing.pending == ()


def test_a_refused_save_adds_no_indicator(demo: CompanyService) -> None:
    lock_period(demo, Period.month(2026, 9))
    editing = TemplateEditing(demo)
    kpi = template("seller")
    assert kpi is not None
    september = Period.month(2026, 9)
    fill = editing.fill(kpi, september, position=SELLER_DEMO, live=_seller_of(demo))
    with pytest.raises(UserError) as refused:
        editing.save(_matrix(fill, september, SELLER_DEMO))
    assert "period_locked" in refused.value.codes
    assert demo.company().indicator("seller_upt") is None


def test_an_empty_company_gets_every_indicator_new(company_location: Path | str) -> None:
    with CompanyService.open(company_location, create=True, backup=False) as service:
        add_store_and_people(service)
        editing = TemplateEditing(service)
        kpi = template("cashier")
        assert kpi is not None
        fill = editing.fill(kpi, OCT, position=SELLER)
        assert len(fill.new_indicators) == len(kpi.indicators) == 5
        assert fill.store == STORE and fill.plan is None
        # without history the cashier's receipts are typed in; the fixed ones are filled
        assert [r.levels.norm is None for r in fill.rows] == [True, False, False, False, False]
        rows = list(_matrix(fill, OCT, SELLER).rows)
        rows.insert(
            0, MatrixRow(fill.rows[0].indicator, fill.rows[0].weight, D(900), D(1000), None)
        )
        editing.save(Matrix(OCT, tuple(rows), SELLER))
        assert len(service.company().indicators) == 5
        assert service.company().matrices[0].weight_sum == 1
