"""``Period`` keeps its hash (issue 17: an import hashes the same periods 40 000 times) and
the duplicate check hashes each key once: neither may change a result."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Hashable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from kpidesk.core import validation
from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import Fact
from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.problems import Problem

PERIODS = [
    Period.month(2026, 10),
    Period.parse("2026-10-H1"),
    Period.parse("2026-10-H2"),
    Period.parse("2026-Q4"),
    Period.parse("2026"),
    Period.parse("2026-W43"),
    Period.parse("2026-10-27"),
    Period.parse("2026-10-01..2026-10-20"),
    Period(date(2026, 10, 1), date(2026, 10, 31)),  # the month's days, another kind
]


def test_the_hash_is_the_one_the_dataclass_generated() -> None:
    for period in PERIODS:
        expected = hash((period.start, period.end, period.kind))
        assert hash(period) == expected
        assert hash(period) == expected  # kept, the same
    assert len(set(PERIODS)) == len(PERIODS)
    assert PERIODS[0] != PERIODS[-1] and PERIODS[0] == Period.parse("2026-10")
    table = {period: period.code for period in PERIODS}
    for period in PERIODS:  # equal periods built anew find the kept ones' entries
        assert table[replace(period)] == period.code


def test_a_kept_hash_travels_neither_in_a_pickle_nor_in_a_copy() -> None:
    period = Period.month(2026, 10)
    hash(period)
    assert "_hash" in period.__dict__
    for other in (pickle.loads(pickle.dumps(period)), copy.copy(period), copy.deepcopy(period)):
        assert other == period and "_hash" not in other.__dict__
        assert hash(other) == hash(period)
    assert repr(period) == (
        "Period(start=datetime.date(2026, 10, 1), end=datetime.date(2026, 10, 31), "
        "kind=<PeriodKind.MONTH: 'month'>)"
    )
    assert period.kind is PeriodKind.MONTH and period < Period.month(2026, 11)


def _reference_duplicates(content: CompanyContent, kind: str, items: list[Fact]) -> list[Problem]:
    """The duplicate check as it was: a dict of first indexes, item by item."""
    first_seen: dict[Hashable, int] = {}
    found: list[Problem] = []
    for index, item in enumerate(items):
        key = (item.period, item.employee, item.indicator)
        if key not in first_seen:
            first_seen[key] = index
            continue
        first = content.origin(kind, first_seen[key]).describe() or "earlier"
        found.append(
            validation.problem(
                "duplicate_key",
                f"{_describe(item)} appears twice (first at {first}).",
                content.origin(kind, index),
                _describe(item),
                kind=kind,
                first=first,
            )
        )
    return found


def _describe(item: Fact) -> str:
    return f"Fact of '{item.employee}' on '{item.indicator}' for {item.period.code}"


def test_the_duplicate_check_finds_what_it_found_item_by_item() -> None:
    facts = [
        Fact(period, f"E{n % 7}", f"I{n % 3}", Decimal(n)) for n, period in enumerate(PERIODS * 6)
    ]
    facts += [replace(facts[5], value=Decimal(1)), facts[0], replace(facts[5])]
    content = CompanyContent(facts=tuple(facts))
    found = validation._duplicates(
        content,
        "facts",
        content.facts,
        lambda x: (x.period, x.employee, x.indicator),
        _describe,
    )
    expected = _reference_duplicates(content, "facts", facts)
    assert len(expected) >= 3  # the check can fail
    assert found == expected
    unique = tuple(dict.fromkeys(facts))
    assert validation._duplicates(content, "facts", unique, lambda x: x, _describe) == []
