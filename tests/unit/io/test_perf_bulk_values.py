"""The facts' bulk conversion makes each float's Decimal once a chunk (issue 17); every
fact still holds exactly the Decimal that ``io.bulk._number`` (and so the careful path,
``tests/unit/io/test_perf_bulk_read.py``) makes of its cell: the same value, the same
digits, the same exponent, the same refusals."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from kpidesk.io import bulk

_AT = {"period": 0, "employee": 1, "indicator": 2, "value": 3}
_AWKWARD: list[Any] = [
    0.0,
    -0.0,
    0.1,
    0.1 + 0.2,
    0.3,
    1e-7,
    2.5,
    -2.5,
    74.0,
    1e12,
    1e13,  # too large: refused
    float("nan"),
    float("inf"),
    True,
    74,
    "74",
    "75,5",
    "много",
]


def _reference(value: Any) -> Decimal | None:
    try:
        return bulk._number(value)
    except (ValueError, TypeError):
        return None


def test_cached_values_are_the_reference_decimals() -> None:
    rng = random.Random(17)
    for _ in range(30):
        values = [rng.choice(_AWKWARD) for _ in range(200)]
        rows = [["2026-05", f"E{k}", "nps", value] for k, value in enumerate(values)]
        got = bulk.fact_rows(rows, _AT)
        for value, fact in zip(values, got, strict=True):
            expected = _reference(value)
            if expected is None:
                assert fact is None, value
                continue
            assert fact is not None, value
            assert str(fact.value) == str(expected), value  # digits and exponent too
            assert fact.value.as_tuple() == expected.as_tuple(), value


def test_a_zero_and_a_minus_zero_both_read_as_zero() -> None:
    rows = [["2026-05", "E1", "nps", -0.0], ["2026-05", "E2", "nps", 0.0]]
    got = bulk.fact_rows(rows, _AT)
    assert [str(fact.value) for fact in got if fact is not None] == [
        str(_reference(-0.0)),
        str(_reference(0.0)),
    ]
