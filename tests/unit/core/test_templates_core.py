"""The KPI template library (issue 14 item 2): six positions, weights summing to exactly
100 %, every source a real one, 4–7 indicators each with a Russian description, and base,
norm and target resolved from a plan, a history or fixed levels (hand-checked numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kpidesk.core.indicators import KNOWN_METRICS, IndexMethod, Indicator, SourceKind
from kpidesk.core.item_validation import validate_matrix
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.periods import Period
from kpidesk.core.template_library import TEMPLATES
from kpidesk.core.templates import (
    Basis,
    Origin,
    TemplateIndicator,
    resolve_levels,
    template,
)

D = Decimal


def test_the_six_positions_of_the_brief() -> None:
    assert [t.position for t in TEMPLATES] == [
        "Продавец-консультант",
        "Управляющий магазином",
        "Кассир",
        "Кладовщик",
        "Маркетолог",
        "Менеджер по продажам",
    ]
    assert template("cashier") is TEMPLATES[2] and template("nobody") is None


@pytest.mark.parametrize("kpi", TEMPLATES, ids=lambda t: t.key)
def test_every_template_is_a_valid_matrix(kpi) -> None:  # type: ignore[no-untyped-def]
    assert kpi.weight_sum == 1
    assert 4 <= len(kpi.indicators) <= 7
    codes = [row.code for row in kpi.indicators]
    assert len(set(codes)) == len(codes)
    heaviest = max(row.weight for row in kpi.indicators)
    assert kpi.indicators[0].weight == heaviest  # the main indicator comes first
    for row in kpi.indicators:
        source = row.parsed_source  # parses: a real source
        if source.kind is not SourceKind.MANUAL:
            assert source.metric in KNOWN_METRICS[source.kind]
        assert row.description and any("а" <= ch <= "я" for ch in row.description.lower())
        assert row.unit in ("₽", "%", "шт.", "дн.", "")
    # with every value resolvable (a plan and a history), the matrix validates cleanly
    rows = []
    indicators = {}
    for row in kpi.indicators:
        levels = resolve_levels(row, D(1000000), [D(100), D(120), D(110)])
        if levels.norm is None:
            continue
        rows.append(MatrixRow(row.code, row.weight, levels.base, levels.norm, levels.target))
        indicators[row.code] = Indicator(
            row.code, row.name, row.unit, row.parsed_source, row.method
        )
    matrix = Matrix(Period.month(2026, 10), tuple(rows), kpi.position)
    errors = [p for p in validate_matrix(matrix, indicators) if p.is_error]
    assert errors == []


def _row(basis: Basis, levels: tuple[str | None, str, str | None], unit: str = "₽", fallback=None):  # type: ignore[no-untyped-def]
    from kpidesk.core.templates import Levels

    low, mid, high = levels
    return TemplateIndicator(
        "x",
        "X",
        "икс",
        unit,
        "store:revenue",
        IndexMethod.SCALE,
        D(1),
        Levels(
            basis,
            None if low is None else D(low),
            D(mid),
            None if high is None else D(high),
            fallback,
        ),
    )


def test_plan_shares() -> None:
    row = _row(Basis.PLAN, ("0.8", "1", "1.2"))
    levels = resolve_levels(row, D("3462000"), [])
    assert (levels.base, levels.norm, levels.target) == (D(2769600), D(3462000), D(4154400))
    assert levels.origin is Origin.PLAN and levels.reference == D("3462000.00")


def test_no_plan_falls_back_to_history_then_to_typing() -> None:
    row = _row(Basis.PLAN, ("0.8", "1", "1.2"))
    # mean of the last six of seven: (20+30+40+50+60+70)/6 = 45 → 36 / 45 / 54
    levels = resolve_levels(row, None, [D(10), D(20), D(30), D(40), D(50), D(60), D(70)])
    assert (levels.base, levels.norm, levels.target, levels.origin) == (
        D(36),
        D(45),
        D(54),
        Origin.HISTORY,
    )
    nothing = resolve_levels(row, None, [])
    assert (nothing.norm, nothing.origin) == (None, Origin.NONE)


def test_history_in_percent_rounds_to_tenths_and_zero_mean_uses_the_fallback() -> None:
    row = _row(Basis.HISTORY, ("0.9", "1", "1.15"), "%", (D(20), D(25), D(30)))
    levels = resolve_levels(row, None, [D("23.17"), D("24.55")])  # mean 23.86
    assert (levels.base, levels.norm, levels.target) == (D("21.5"), D("23.9"), D("27.4"))
    zero = resolve_levels(row, None, [D(0), D(0)])
    assert (zero.base, zero.norm, zero.target, zero.origin) == (D(20), D(25), D(30), Origin.TYPICAL)


def test_seed_marketer_plan_is_the_mean_plus_twenty_percent() -> None:
    marketer = template("marketer")
    assert marketer is not None
    new_customers = marketer.indicators[0]
    assert new_customers.method is IndexMethod.RATIO
    # seed 001: 160 new customers a month on average → plan 192
    levels = resolve_levels(new_customers, None, [D(160)] * 6)
    assert (levels.base, levels.norm, levels.target) == (None, D(192), D(288))


def test_fixed_levels_are_used_as_they_are() -> None:
    seller = template("seller")
    assert seller is not None
    levels = resolve_levels(seller.indicators[0], D(5), [D(1)])
    assert (levels.base, levels.norm, levels.target, levels.origin) == (
        D(80),
        D(100),
        D(120),
        Origin.FIXED,
    )


def test_small_values_keep_hundredths() -> None:
    seller = template("seller")
    assert seller is not None
    upt = seller.indicators[3]
    assert upt.source == "employee:upt"
    levels = resolve_levels(upt, None, [D("1.45"), D("1.5")])  # mean 1.475
    assert (levels.base, levels.norm, levels.target) == (D("1.33"), D("1.48"), D("1.77"))
