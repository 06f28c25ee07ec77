"""The pay list's totals row on the screen follows SPEC §2.5: fixed pay over everyone,
bonus and total over the complete rows, and the incomplete ones named beside them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from kpidesk.core.pay_list import pay_list_totals
from kpidesk.gui.bonus.model import BONUS, EMPLOYEE, FIXED_PAY, STATUS, TOTAL, PayListModel


def test_the_totals_row_sums_fixed_pay_of_all_and_names_the_incomplete(
    qapp: Any, demo_service: Any, demo_period: Any
) -> None:
    from kpidesk.reports.translations import install_translators, remove_translators

    translators = install_translators(qapp, "ru")
    try:
        results = demo_service.compute_period(demo_period).employees
        model = PayListModel("ru")
        model.set_results(results, False)
        last = model.rowCount() - 1
        totals = pay_list_totals(results)
        raw = Qt.ItemDataRole.UserRole
        assert totals.incomplete == 1
        everyone = sum((r.fixed_pay for r in results if r.fixed_pay is not None), Decimal(0))
        assert model.index(last, FIXED_PAY).data(raw) == totals.fixed_pay == everyone
        complete = [r.pay for r in results if r.pay is not None]
        assert model.index(last, BONUS).data(raw) == sum((p.bonus for p in complete), Decimal(0))
        assert model.index(last, TOTAL).data(raw) == sum((p.total for p in complete), Decimal(0))
        assert model.index(last, STATUS).data() == "премия и итого — без 1 неполного расчёта"
        assert "14 из 15" in model.index(last, EMPLOYEE).data()
        assert "без 1 неполного расчёта" in model.index(last, TOTAL).data(
            Qt.ItemDataRole.ToolTipRole
        )
    finally:
        remove_translators(qapp, translators)
