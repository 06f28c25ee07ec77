"""The KPI's explanation adds up exactly as printed (issue 18, item 2; the rule is stated
in ``core/kpi.py``'s docstring): each term weight × index is printed to 0,01 %, rounded
down or up by the largest-remainder method so that the printed terms add up exactly to the
printed sum, and the printed sum rounds half up to the printed KPI (0,1 %)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from kpidesk.core.kpi import TERM_STEP, explain_kpi, kpi_exact, kpi_terms
from kpidesk.core.money import round_kpi

D = Decimal


def test_terms_that_do_not_add_up_at_one_decimal_do_at_two() -> None:
    """Weights 0,25/0,25/0,5, indices 0,8018/0,8018/1,1982: the terms are 20,045 %,
    20,045 % and 59,91 %, exactly 100 %. To 0,1 % each they would print 20,0 + 20,0 + 59,9
    = 99,9 ≠ 100,0; to 0,01 % the tie goes to the first row: 20,05 + 20,04 + 59,91."""
    weighted = [D("0.25") * D("0.8018"), D("0.25") * D("0.8018"), D("0.5") * D("1.1982")]
    assert kpi_exact(weighted) == 1 and round_kpi(kpi_exact(weighted)) == D("1.000")
    assert kpi_terms(weighted) == (D("0.2005"), D("0.2004"), D("0.5991"))
    assert explain_kpi(weighted).formula == "20,05% + 20,04% + 59,91% = 100,00% → 100,0%"


def test_the_sum_never_rounds_to_another_kpi() -> None:
    """75,9496 % is a KPI of 75,9 %; its half-up 0,01 % (75,95 %) would round to 76,0 %,
    so the terms are rounded down: 37,97 + 37,97 = 75,94 → 75,9."""
    weighted = [D("0.379748"), D("0.379748")]
    assert round_kpi(kpi_exact(weighted)) == D("0.759")
    assert explain_kpi(weighted).formula == "37,97% + 37,97% = 75,94% → 75,9%"


def test_example_a_reads_as_before_with_two_decimals() -> None:
    weighted = [D("0.9"), D("0.3"), D("0.12"), D("0.2")]
    assert explain_kpi(weighted).formula == "90,00% + 30,00% + 12,00% + 20,00% = 152,00% → 152,0%"


@given(
    parts=st.lists(st.integers(1, 100), min_size=1, max_size=9),
    indices=st.lists(
        st.fractions(min_value=0, max_value=3, max_denominator=997), min_size=9, max_size=9
    ),
)
def test_printed_terms_always_sum_to_a_figure_that_rounds_to_the_kpi(
    parts: list[int], indices: list[object]
) -> None:
    total = sum(parts)
    weights = [D(part) / D(total) for part in parts]
    weighted = [
        weight * (D(index.numerator) / D(index.denominator))  # type: ignore[attr-defined]
        for weight, index in zip(weights, indices, strict=False)
    ]
    terms = kpi_terms(weighted)
    assert len(terms) == len(weighted)
    for term, exact in zip(terms, weighted, strict=True):
        assert term == term.quantize(TERM_STEP)
        assert abs(term - exact) < TERM_STEP
    printed = sum(terms, D(0))
    assert printed.quantize(D("0.001"), rounding=ROUND_HALF_UP) == round_kpi(kpi_exact(weighted))
