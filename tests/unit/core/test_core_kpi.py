"""Index methods, clamps, explanations and the KPI rounding (SPEC §2.4)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.kpi import (
    DeferredExplanation,
    explain_index,
    explain_kpi,
    explain_weighted,
    index_ceiling,
    index_for,
    kpi_exact,
    kpi_rounded,
)
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.money import NBSP
from kpidesk.core.results import Explanation

D = Decimal
SCALE, RATIO, BINARY = IndexMethod.SCALE, IndexMethod.RATIO, IndexMethod.BINARY


def row(base: int | str | None, norm: int | str, target: int | str | None = None) -> MatrixRow:
    return MatrixRow(
        "x",
        D("0.5"),
        None if base is None else D(base),
        D(norm),
        None if target is None else D(target),
    )


def formula(explanation: Explanation) -> str:
    return explanation.formula.replace(NBSP, " ")


@pytest.mark.parametrize(
    ("base", "norm", "target", "fact", "index"),
    [
        (50000, 100000, 300000, 200000, "3"),
        (50000, 100000, 300000, 400000, "5"),  # clamped at the target
        (50000, 100000, 300000, 20000, "0"),  # clamped at 0
        (50000, 100000, None, 400000, "7"),  # no target: no upper clamp
        (None, 100, None, 50, "0.5"),  # an empty base counts as 0
        (10, 5, 2, 5, "1"),  # lower is better: base above the norm
        (10, 5, 2, 4, "1.2"),
        (10, 5, 2, 0, "1.6"),  # clamped at the target (2)
        (10, 5, 2, 12, "0"),
    ],
)
def test_scale(base: int | None, norm: int, target: int | None, fact: int, index: str) -> None:
    assert index_for(row(base, norm, target), D(fact), SCALE) == D(index)


def test_scale_with_base_equal_to_norm_is_none() -> None:
    assert index_for(row(5, 5), D(7), SCALE) is None
    assert index_for(row(None, 0), D(7), SCALE) is None
    explanation = explain_index(row(5, 5), D(7), SCALE)
    assert explanation.note == "base equals norm: invalid row"


@pytest.mark.parametrize(
    ("base", "norm", "target", "fact", "index"),
    [
        (None, 20, None, 22, "1.1"),
        (None, 20, 30, 40, "1.5"),  # clamped at target/norm
        (None, 20, None, -5, "0"),
        (500, 300, None, 600, "0.5"),  # lower is better: norm / fact
        (500, 300, 200, 100, "1.5"),  # clamped at norm/target
        (500, 300, 200, 300, "1"),
    ],
)
def test_ratio(base: int | None, norm: int, target: int | None, fact: int, index: str) -> None:
    assert index_for(row(base, norm, target), D(fact), RATIO) == D(index)


def test_ratio_division_by_zero_is_none_not_zero() -> None:
    assert index_for(row(None, 0), D(10), RATIO) is None
    assert index_for(row(500, 300), D(0), RATIO) is None
    assert explain_index(row(None, 0), D(10), RATIO).note == "division by zero: no data"


@pytest.mark.parametrize(
    ("base", "norm", "fact", "index"),
    [
        (None, 100, 100, 1),
        (None, 100, 99, 0),
        (0, 100, 150, 1),
        (5, 0, 0, 1),  # lower is better: reached at or below the norm
        (5, 0, 1, 0),
    ],
)
def test_binary_both_directions(base: int | None, norm: int, fact: int, index: int) -> None:
    assert index_for(row(base, norm), D(fact), BINARY) == D(index)


def test_index_ceiling() -> None:
    assert index_ceiling(row(50000, 100000, 300000), SCALE) == D(5)
    assert index_ceiling(row(None, 20, 30), RATIO) == D("1.5")
    assert index_ceiling(row(500, 300, 200), RATIO) == D("1.5")
    assert index_ceiling(row(None, 20), RATIO) is None
    assert index_ceiling(row(None, 20), BINARY) == D(1)


def test_explanations_of_clamps_and_methods() -> None:
    clamped = explain_index(row(50000, 100000, 300000), D(400000), SCALE)
    assert formula(clamped) == "(400 000 − 50 000) / (100 000 − 50 000) = 700,0% → 500,0%"
    assert clamped.note == "clamped at the target"
    assert clamped.text().endswith("(clamped at the target)")
    low = explain_index(row(50000, 100000), D(20000), SCALE)
    assert low.note == "clamped at 0"
    assert formula(explain_index(row(-10, 10), D(0), SCALE)) == "(0 − (−10)) / (10 − (−10)) = 50,0%"
    assert formula(explain_index(row(None, 20), D(22), RATIO)) == "22 / 20 = 110,0%"
    assert formula(explain_index(row(500, 300), D(600), RATIO)) == "300 / 600 = 50,0%"
    assert formula(explain_index(row(None, 100), D(100), BINARY)) == "100 ≥ 100 → 100,0%"
    assert formula(explain_index(row(None, 100), D("99.5"), BINARY)) == "99,5 < 100 → 0,0%"
    assert formula(explain_index(row(5, 0), D(1), BINARY)) == "1 > 0 → 0,0%"
    assert formula(explain_weighted(row(0, 1), D("0.4"))) == "0,5 × 40,0% = 20,0%"


def test_kpi_is_rounded_half_up_only_at_the_end() -> None:
    weighted = [D("0.5") * D(1001) / D(1000), D("0.5")]
    assert kpi_exact(weighted) == D("1.0005")
    assert kpi_rounded(weighted) == D("1.001")
    assert formula(explain_kpi(weighted)) == "50,05% + 50,00% = 100,05% → 100,1%"


def test_deferred_explanation_behaves_like_the_plain_one() -> None:
    calls: list[int] = []

    def build() -> Explanation:
        calls.append(1)
        return Explanation("1 + 1 = 2", "note")

    deferred = DeferredExplanation(build=build)
    assert calls == []
    assert deferred == Explanation("1 + 1 = 2", "note")
    assert Explanation("1 + 1 = 2", "note") == deferred
    assert hash(deferred) == hash(Explanation("1 + 1 = 2", "note"))
    assert deferred.text() == "1 + 1 = 2 (note)"
    assert calls == [1]
    assert dataclasses.replace(deferred, note=None) == Explanation("1 + 1 = 2")
    assert dataclasses.asdict(deferred) == {"formula": "1 + 1 = 2", "note": "note"}
    assert repr(deferred) == "Explanation(formula='1 + 1 = 2', note='note')"


amounts = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)


@given(
    base=amounts,
    gap=st.decimals(min_value=D("0.01"), max_value=500, places=2),
    stretch=st.one_of(st.none(), st.decimals(min_value=0, max_value=500, places=2)),
    lower=st.booleans(),
    fact_a=amounts,
    fact_b=amounts,
    method=st.sampled_from([SCALE, RATIO, BINARY]),
)
def test_index_is_monotonic_toward_the_norm(
    base: Decimal,
    gap: Decimal,
    stretch: Decimal | None,
    lower: bool,
    fact_a: Decimal,
    fact_b: Decimal,
    method: IndexMethod,
) -> None:
    """Moving the fact in the indicator's direction never lowers the index."""
    if method is RATIO:
        base = abs(base)  # fact/norm is monotonic for positive facts and norms
        fact_a, fact_b = abs(fact_a) + D("0.01"), abs(fact_b) + D("0.01")
        if lower:
            base = base + gap + D("0.01")
    norm = base - gap if lower else base + gap
    if method is RATIO and norm <= 0:
        return
    target = None if stretch is None else (norm - stretch if lower else norm + stretch)
    if method is RATIO and target is not None and target <= 0:
        target = None
    the_row = MatrixRow("x", D(1), base, norm, target)
    assert the_row.lower_is_better == lower
    worse, better = sorted([fact_a, fact_b], reverse=lower)
    index_worse = index_for(the_row, worse, method)
    index_better = index_for(the_row, better, method)
    assert index_worse is not None and index_better is not None
    assert D(0) <= index_worse <= index_better
