"""``daily_entry_is_clean`` — the one-expression check an import runs on every daily row
before locating any — agrees with ``validate_daily_entry`` finding nothing, on any row."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kpidesk.core.daily import DailyEntry
from kpidesk.core.item_validation import daily_entry_is_clean, validate_daily_entry

counts = st.integers(-3, 40)
money = st.decimals(-5, 500, places=2, allow_nan=False, allow_infinity=False)


@given(money, counts, counts, counts, st.none() | money)
def test_clean_means_no_problem(
    revenue: Decimal, receipts: int, visitors: int, units: int, returns: Decimal | None
) -> None:
    entry = DailyEntry("S", date(2026, 10, 1), revenue, receipts, visitors, units, returns)
    assert daily_entry_is_clean(entry) == (not validate_daily_entry(entry))


def test_each_rule_makes_a_row_unclean() -> None:
    good = DailyEntry("S", date(2026, 10, 1), Decimal(100), 5, 9, 7)
    assert daily_entry_is_clean(good)
    for bad in (
        DailyEntry("S", good.day, Decimal(-1), 5, 9, 7),
        DailyEntry("S", good.day, Decimal(100), 0, 9, 7),
        DailyEntry("S", good.day, Decimal(100), 10, 9, 7),
        DailyEntry("S", good.day, Decimal(100), 5, 9, -1),
        DailyEntry("S", good.day, Decimal(100), 5, 9, 7, Decimal(-2)),
    ):
        assert not daily_entry_is_clean(bad)
        assert validate_daily_entry(bad)
