"""A day after today is refused by the services themselves (issue 15, item 2), whatever
the window sends: the form's and the grid's save, ``daily set``'s change, and the workbook
import — each with a coded ``future_day`` problem naming the date; nothing is written. A
refused value never feeds the live figures; the month's suspicious days come with their
warnings. On both engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import DailyEntry, SellerDay
from kpidesk.core.periods import Period
from kpidesk.io.writer import write_workbook
from kpidesk.services import daily_entry as de
from kpidesk.services import importing, seller_days
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from tests.engines import demo_company

D = Decimal
TODAY = date(2026, 11, 22)
LATER = date(2026, 11, 25)
MEGA = "ТЦ «Мега»"


@pytest.fixture
def service(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[CompanyService]:
    path = demo_company(engine, tmp_path, request, TODAY)
    opened = CompanyService.open(path, backup=False)
    yield opened
    opened.close()


def future_problem(error: UserError) -> dict[str, str]:
    (problem,) = [p for p in error.problems if p.code == "future_day"]
    assert problem.is_error and problem.where.field == "day"
    return dict(problem.params)


def test_saving_a_day_after_today_is_refused(service: CompanyService) -> None:
    entry = DailyEntry(MEGA, LATER, D(90000), 30, 150)
    with pytest.raises(UserError) as refused:
        de.save_day(service, entry, today=TODAY)
    assert future_problem(refused.value) == {"day": "25.11.2026", "today": "22.11.2026"}
    assert "25.11.2026" in str(refused.value)
    assert de.saved_day(service, MEGA, LATER) is None
    de.save_day(service, DailyEntry(MEGA, TODAY, D(90000), 30, 150), today=TODAY)  # today is fine
    assert de.saved_day(service, MEGA, TODAY) is not None


def test_a_block_with_a_later_day_writes_nothing(service: CompanyService) -> None:
    block = [DailyEntry(MEGA, date(2026, 11, day), D(90000), 30, 150) for day in (22, 23, 24)]
    with pytest.raises(UserError) as refused:
        de.apply_days(service, MEGA, block, today=TODAY)
    assert [p.params for p in refused.value.problems if p.code == "future_day"] == [
        (("day", "23.11.2026"), ("today", "22.11.2026")),
        (("day", "24.11.2026"), ("today", "22.11.2026")),
    ]
    assert de.saved_day(service, MEGA, TODAY) is None  # all or nothing


def test_the_sellers_of_a_later_day_are_refused(service: CompanyService) -> None:
    (seller, *_) = seller_days.sellers_of(service, MEGA, TODAY)
    row = SellerDay(MEGA, LATER, seller, D(3000), 2, 3)
    with pytest.raises(UserError) as refused:
        seller_days.save_sellers(service, MEGA, LATER, {seller: row}, today=TODAY)
    assert future_problem(refused.value) == {"day": "25.11.2026", "today": "22.11.2026"}
    assert seller not in seller_days.seller_sheet(service, MEGA, LATER).rows


def test_change_day_refuses_a_later_day(service: CompanyService) -> None:
    given = {"revenue": D(1000), "receipts": D(3), "visitors": D(30)}
    with pytest.raises(UserError) as refused:
        de.change_day(service, MEGA, LATER, given, today=TODAY)
    assert future_problem(refused.value)["day"] == "25.11.2026"
    # without a "today" the system's date is the limit: far in the future is refused too
    with pytest.raises(UserError):
        de.change_day(service, MEGA, date(2999, 1, 1), given)
    assert de.saved_day(service, MEGA, LATER) is None


def test_the_import_refuses_later_days_with_their_cell(
    service: CompanyService, tmp_path: Path
) -> None:
    book = write_workbook(
        CompanyContent(
            daily=(
                DailyEntry(MEGA, date(2026, 11, 20), D(1000), 3, 30),
                DailyEntry(MEGA, LATER, D(1000), 3, 30),
            )
        ),
        tmp_path / "days.xlsx",
    )
    before = de.saved_day(service, MEGA, date(2026, 11, 20))
    with pytest.raises(UserError) as refused:
        importing.import_workbook(service, book, today=TODAY)
    (problem,) = refused.value.problems
    assert problem.code == "future_day" and dict(problem.params)["day"] == "25.11.2026"
    assert problem.where.sheet == "Ежедневно" and problem.where.row == 3
    assert problem.where.column == "Дата"
    assert de.saved_day(service, MEGA, date(2026, 11, 20)) == before  # nothing imported
    assert before is not None and before.revenue != D(1000)


def test_a_refused_value_never_feeds_a_figure() -> None:
    typed = {"revenue": D(-500), "receipts": D(3), "visitors": D(10)}
    check = de.check_values(MEGA, date(2026, 10, 5), typed)
    assert not check.can_save
    assert check.metrics.avg_check is None and check.metrics.conversion is None
    assert check.counted_revenue is None
    fine = de.check_values(MEGA, date(2026, 10, 5), {**typed, "revenue": D(600)})
    assert fine.metrics.avg_check == D(200) and fine.counted_revenue == D(600)
    later = de.check_values(MEGA, LATER, {**typed, "revenue": D(600)}, today=TODAY)
    assert later.metrics.avg_check is None and later.counted_revenue is None


def test_the_month_lists_its_suspicious_days(service: CompanyService) -> None:
    day = date(2026, 10, 14)
    de.save_day(service, DailyEntry(MEGA, day, D(90000), 50, 30), today=TODAY)  # 166,7 %
    month = de.month_days(service, MEGA, Period.month(2026, 10))
    codes = [p.code for p in month.warnings[day]]
    assert "receipts_over_visitors" in codes and "unusual_value" in codes  # 30 visitors
    ordinary = [d for d in month.entries if d not in month.warnings]
    assert ordinary, "the demo's ordinary days are not suspicious"
