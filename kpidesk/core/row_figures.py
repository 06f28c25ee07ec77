"""A matrix row's figures for one fact (index, weighted index, and the row's result with
its explanations), shared by every employee with that row and fact in a period's
calculation (``core.compute``). The result is built on first use: the KPI-only calculation
(``compute_kpis``, a rating's) reads only the two numbers, and building 3 000 results with
their deferred explanations was a third of its time at 10× (SPEC §9).

Must not: read storage, or round anything.
"""

from __future__ import annotations

from decimal import Decimal

from kpidesk.core.fact_breakdown import FactBreakdown
from kpidesk.core.indicators import IndexMethod, Indicator
from kpidesk.core.kpi import deferred, explain_outcome, explain_weighted, index_outcome
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.results import RowNeed, RowResult, new_row_result


class RowFigures:
    """A row's numbers for one fact: the same for everyone with that row and that fact.

    ``result`` is the row's result with the plain need (the fact for index 1.0) and no
    row bonus — what every employee above the payout threshold on a whole-matrix schedule
    gets; other cases build their own ``RowResult`` from the same figures. It is built on
    first use, once: a KPI alone (``compute_kpis``) needs only the index and weighted index.
    Holds the row, not the calculation's row plan (whose figures hold this object), so
    that no reference cycle forms (``compute`` runs with the cyclic collector paused).
    """

    __slots__ = (
        "_fact",
        "_indicator",
        "_method",
        "_need",
        "_outcome",
        "_result",
        "_row",
        "_told",
        "index",
        "weighted",
    )

    def __init__(
        self,
        row: MatrixRow,
        indicator: Indicator | None,
        method: IndexMethod,
        need: RowNeed,
        fact: Decimal,
        told: FactBreakdown | None,
    ) -> None:
        self._outcome = outcome = index_outcome(row, fact, method)
        self.index = index = outcome.index if outcome is not None else None
        self.weighted = row.weight * index if index is not None else None
        self._row, self._indicator, self._need = row, indicator, need
        self._fact, self._told, self._method = fact, told, method
        self._result: RowResult | None = None

    @property
    def result(self) -> RowResult:
        found = self._result
        if found is None:
            found = self._result = _row_result(self)
        return found


def _row_result(figures: RowFigures) -> RowResult:
    row, method, fact, outcome = figures._row, figures._method, figures._fact, figures._outcome
    index, indicator = figures.index, figures._indicator
    # a computed fact is printed with its two decimals (SPEC §2.4): "2,00", not "2"
    places = 2 if indicator is not None and not indicator.source.is_manual else None
    return new_row_result(
        row,
        indicator,
        fact,
        index,
        figures.weighted,
        deferred(lambda: explain_outcome(row, fact, method, outcome, fact_places=places)),
        None if index is None else deferred(lambda: explain_weighted(row, index)),
        figures._need,
        None,
        None,
        figures._told,
    )
