"""What a rating ranks by (SPEC §4.6): the :class:`Measure` of a rating — KPI, an indicator
of the company or a store metric without an indicator — and the list a screen offers.

Must not: compute values (``core.ratings`` and ``services.analytics_scores`` do), import Qt,
or format numbers for a screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kpidesk.core.company import Company
from kpidesk.core.indicators import STORE_METRICS, Indicator, SourceKind
from kpidesk.core.ratings import KPI, lower_is_better
from kpidesk.services.errors import UserError

# Store metrics a rating can use without an indicator (the dashboard's and `report stores`'
# metrics); lower is better for none of them.
RATING_STORE_METRICS: tuple[str, ...] = (
    "revenue",
    "receipts",
    "visitors",
    "conversion",
    "avg_check",
    "upt",
    "revenue_per_visitor",
    "sales_dynamics",
    "plan_completion",
)
STORE_METRIC_NAMES: dict[str, str] = {
    "revenue": "Revenue",
    "receipts": "Receipts",
    "visitors": "Visitors",
    "conversion": "Conversion",
    "avg_check": "Average check",
    "upt": "Units per receipt",
    "revenue_per_visitor": "Revenue per visitor",
    "sales_dynamics": "Sales dynamics",
    "plan_completion": "Plan completion",
}
STORE_METRIC_UNITS: dict[str, str] = {
    "revenue": "₽",
    "receipts": "шт.",
    "visitors": "",
    "conversion": "%",
    "avg_check": "₽",
    "upt": "шт.",
    "revenue_per_visitor": "₽",
    "sales_dynamics": "%",
    "plan_completion": "%",
}


@dataclass(frozen=True)
class Measure:
    """What a rating ranks by.

    Attributes:
        code: ``"kpi"``, an indicator code, or ``"store:<metric>"`` for a store metric
            without an indicator.
        name: the indicator's name (the company's words) or, for KPI and store metrics, an
            English name a GUI translates.
        unit: ``₽``, ``%``, ``шт.``, … (``""`` for KPI, a ratio).
        source: how the value is found: ``"kpi"``, ``"store"`` (a store metric over the
            range, ratio of sums), ``"seller"`` (a seller's own metric), ``"fact"`` (the
            pay periods' facts).
        metric: the store or seller metric (``store``/``seller`` sources).
        lower_is_better: ranks the lowest value first.
        indicator: the indicator, when the measure is one.
    """

    code: str
    name: str
    unit: str
    source: str
    metric: str | None = None
    lower_is_better: bool = False
    indicator: Indicator | None = None


def indicator_measure(company: Company, indicator: Indicator) -> Measure:
    """The measure of one indicator: a store metric, a seller's own metric or the pay
    periods' facts, by its source."""
    source = indicator.source
    lower = lower_is_better(company.matrices, indicator.code)
    if source.kind is SourceKind.STORE and source.metric in STORE_METRICS:
        kind, metric = "store", source.metric
    elif source.kind is SourceKind.EMPLOYEE and source.metric is not None:
        kind, metric = "seller", source.metric
    else:
        kind, metric = "fact", None
    return Measure(indicator.code, indicator.name, indicator.unit, kind, metric, lower, indicator)


def measures_of(company: Company) -> list[Measure]:
    """KPI, every indicator of the company that is not archived, then the store metrics (as
    ``store:<metric>`` when an indicator has the metric's name as its code)."""
    found = [Measure(KPI, "KPI", "", "kpi")]
    codes = set()
    for indicator in company.indicators:
        if indicator.archived:
            continue
        codes.add(indicator.code)
        found.append(indicator_measure(company, indicator))
    for metric in RATING_STORE_METRICS:
        code = metric if metric not in codes else f"store:{metric}"
        found.append(
            Measure(code, STORE_METRIC_NAMES[metric], STORE_METRIC_UNITS[metric], "store", metric)
        )
    return found


def find_measure(measures: Sequence[Measure], code: str) -> Measure:
    """The measure with this code (``kpi``, an indicator code, a store metric name or
    ``store:<metric>``).

    Raises:
        UserError: no such indicator or metric.
    """
    wanted = code.strip()
    for measure in measures:
        if measure.code == wanted or (
            measure.source == "store"
            and measure.indicator is None
            and wanted in (measure.metric, f"store:{measure.metric}")
        ):
            return measure
    known = ", ".join(m.code for m in measures)
    raise UserError.of(
        "unknown_measure", f"unknown indicator {code!r} (known: {known})", name=code, known=known
    )
