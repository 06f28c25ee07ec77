"""The matrix editor explains a computed fact with the values it used (issue 18, item 3):
the fact cell shows the computed fact with its decimals ("2,00", not "2"), and the fact's
and the index's tooltips read «Конверсия: 1 648 чеков / 7 110 посетителей = 23,18%», whose
operands give the printed fact by hand."""

from __future__ import annotations

import os
import re
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import Qt

from kpidesk.core.money import format_number
from kpidesk.gui.matrix.rows import FACT, INDEX
from kpidesk.gui.matrix.section import MatrixSection

PAVLOV = "Павлов Денис Олегович"


def test_fact_cell_and_tooltips_explain_computed_facts(main_window, russian) -> None:  # type: ignore[no-untyped-def]
    assert main_window.show_section("matrix", employee=PAVLOV)
    section = main_window.section("matrix")
    assert isinstance(section, MatrixSection)
    model = section.model
    row = next(i for i, r in enumerate(model.rows) if r.indicator == "conversion")
    found = model.row_result(row)
    assert found is not None and found.fact is not None and found.fact_breakdown is not None
    assert model.index(row, FACT).data() == format_number(found.fact, 2)
    tip = model.index(row, FACT).data(Qt.ItemDataRole.ToolTipRole).replace("\u00a0", " ")
    match = re.search(r": ([\d ]+) чек\w* / ([\d ]+) посетител\w* = ([\d,]+)%", tip)
    assert match, tip
    receipts, visitors = (Decimal(match.group(i).replace(" ", "")) for i in (1, 2))
    by_hand = (receipts / visitors * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert format_number(by_hand, 2) == match.group(3) == format_number(found.fact, 2)
    line = next(text for text in tip.splitlines() if match.group(0) in text)
    assert line.startswith("Конверсия")
    index_tip = model.index(row, INDEX).data(Qt.ItemDataRole.ToolTipRole)
    assert index_tip.splitlines()[0].replace("\u00a0", " ") == line
    shots = os.environ.get("KPIDESK_SHOTS")
    if shots:
        main_window.resize(1280, 800)
        main_window.grab().save(f"{shots}/matrix.png")
