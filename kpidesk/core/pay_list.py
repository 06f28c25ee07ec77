"""The pay list's totals (SPEC §2.5): fixed pay summed over **all** employees; bonus and
total summed over the complete sheets only, with the number of incomplete sheets kept so
that every output names it beside them ("без 1 неполного расчёта") — never a total that
silently leaves someone out. Totals are sums of the printed (rounded) amounts.

The screen, the printed summary sheet, the JSON/CSV report and the bonus workbook all take
their totals from :func:`pay_list_totals`.

Must not: round, format or translate anything (outputs do), or read storage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from kpidesk.core.money import ZERO
from kpidesk.core.results import EmployeeResult, Status


@dataclass(frozen=True)
class PayListTotals:
    """The totals of a pay list.

    Attributes:
        fixed_pay: Σ fixed pay of the period over every employee whose money is shown
            (complete or not).
        bonus: Σ bonus over the complete sheets.
        total: Σ total over the complete sheets.
        complete: the number of complete sheets.
        incomplete: the number of incomplete sheets (their bonus and total are not in
            ``bonus`` and ``total``; their fixed pay is in ``fixed_pay``).
    """

    fixed_pay: Decimal
    bonus: Decimal
    total: Decimal
    complete: int
    incomplete: int

    @property
    def employees(self) -> int:
        """Everyone on the list."""
        return self.complete + self.incomplete


def pay_list_totals(results: Iterable[EmployeeResult]) -> PayListTotals:
    """The totals of these employees' results (SPEC §2.5).

    An employee whose money the reader may not see (``EmployeeResult.fixed_pay`` is
    ``None``) adds no amount.
    """
    fixed = bonus = total = ZERO
    complete = incomplete = 0
    for result in results:
        if result.status is Status.COMPLETE:
            complete += 1
        else:
            incomplete += 1
        fixed_pay = result.fixed_pay
        if fixed_pay is not None:
            fixed += fixed_pay
        if result.pay is not None:
            bonus += result.pay.bonus
            total += result.pay.total
    return PayListTotals(fixed, bonus, total, complete, incomplete)
