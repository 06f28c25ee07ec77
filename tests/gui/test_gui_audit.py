"""The audit viewer: who changed what, from what to what, when (local time), filtered by
period, store, employee and kind; a read-only model."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.gui.audit.section import AuditSection
from kpidesk.gui.context import AppContext
from kpidesk.gui.widgets.audit_model import AuditTableModel as A
from kpidesk.services import daily_entry, facts


def test_audit_viewer_filters(qtbot, demo_service, demo_period, today, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    daily_entry.save_day(
        demo_service, DailyEntry("Центральный", date(2026, 10, 9), Decimal("1000"), 1, 10)
    )
    facts.set_fact(demo_service, demo_period, "Павлов Денис Олегович", "nps", Decimal(55))
    context = AppContext(demo_service, lang="ru", period=demo_period, today=today)
    section = AuditSection(context)
    qtbot.addWidget(section)
    section.show()
    model = section.model
    qtmodeltester.check(model)
    assert model.rowCount() > 10
    assert model.index(0, A.KIND).data() == "fact"
    assert model.index(0, A.NEW).data() == "55"
    when = model.index(0, A.WHEN).data()
    assert len(when) == 16 and when[2] == when[5] == "." and when[13] == ":"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    bulk = [r for r in range(model.rowCount()) if model.index(r, A.ITEM).data() == ""]
    assert any(model.index(r, A.NEW).data().startswith("added ") for r in bulk)

    section.set_filter(period=Period.month(2026, 10), store="Центральный", entity="daily")
    rows = {model.index(r, A.FIELD).data(): r for r in range(model.rowCount())}
    assert set(rows) == {"revenue", "receipts", "visitors", "units"}
    assert model.index(rows["revenue"], A.ITEM).data() == "Центральный 2026-10-09"
    assert model.index(rows["revenue"], A.NEW).data() == "1000"
    assert section.count_label.text() == "4 entries"

    section.set_filter(employee="Павлов Денис Олегович", entity="fact")
    assert model.rowCount() == 1 and model.index(0, A.FIELD).data() == "value"
    section.set_filter(period=Period.month(2026, 9), entity="daily")
    assert model.rowCount() == 0
    # a change elsewhere refreshes the visible viewer
    section.set_filter(entity="daily")
    count = model.rowCount()
    context.run(lambda: daily_entry.delete_day(demo_service, "Центральный", date(2026, 10, 9)))
    assert model.rowCount() == count + 1
    assert model.index(0, A.ACTION).data() == "deleted"
