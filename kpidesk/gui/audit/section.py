"""The audit log section (SPEC §3): who changed what, from what to what, when — filtered by
period, store, employee and kind. Read-only; the rows come from ``services.audit``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.periods import Period
from kpidesk.gui.context import AppContext
from kpidesk.gui.rights import visible_stores
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.audit_model import AuditTableModel
from kpidesk.gui.widgets.elided_label import shrink_combo
from kpidesk.gui.widgets.period_selector import period_label
from kpidesk.services import audit

PERIODS_LISTED = 24  # pay periods back from the current one in the period filter


class AuditSection(Section):
    """The audit log with four filters."""

    key = "audit"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AuditTableModel(self)
        self._build()
        self._fill_filters()
        self.refresh_now()

    def title(self) -> str:
        return self.tr("Audit log")

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("audit_period")
        self.store_box = QComboBox(self)
        self.store_box.setObjectName("audit_store")
        self.employee_box = QComboBox(self)
        self.employee_box.setObjectName("audit_employee")
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("audit_kind")
        for label, box in (
            (self.tr("Period:"), self.period_box),
            (self.tr("Store:"), self.store_box),
            (self.tr("Employee:"), self.employee_box),
            (self.tr("Kind:"), self.kind_box),
        ):
            filters.addWidget(QLabel(label, self))
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(shrink_combo(box, 9))
            box.currentIndexChanged.connect(lambda _index: self.refresh_now())
        filters.addStretch(1)
        layout.addLayout(filters)
        self.view = QTableView(self)
        self.view.setObjectName("audit_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)

    # --- filters ------------------------------------------------------------------------
    def _fill(self, box: QComboBox, anything: str, items: list[tuple[str, object]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(anything, None)
        for text, data in items:
            box.addItem(text, data)
        index = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def _fill_periods(self) -> None:
        period = self.context.period
        periods = [period.shifted(-step) for step in range(PERIODS_LISTED)]
        self._fill(
            self.period_box,
            self.tr("any period"),
            [(period_label(p, self.context.lang), p.code) for p in periods],
        )

    def _fill_filters(self) -> None:
        service = self.context.service
        stores = visible_stores(service.actor, audit.audit_stores(service))  # a manager: theirs
        self._fill(self.store_box, self.tr("any store"), [(n, n) for n in stores])
        self._fill(
            self.employee_box,
            self.tr("any employee"),
            [(n, n) for n in audit.audit_employees(service)],
        )
        self._fill(
            self.kind_box, self.tr("any kind"), [(self.model.kind_text(k), k) for k in audit.KINDS]
        )
        self._fill_periods()

    def chosen_filter(self) -> audit.AuditFilter:
        """The filter the combo boxes describe."""
        code = self.period_box.currentData()
        return audit.AuditFilter(
            period=Period.parse(code) if isinstance(code, str) else None,
            store=self.store_box.currentData(),
            employee=self.employee_box.currentData(),
            entity=self.kind_box.currentData(),
        )

    def set_filter(
        self,
        *,
        period: Period | None = None,
        store: str | None = None,
        employee: str | None = None,
        entity: str | None = None,
    ) -> None:
        """Choose the filters (``None`` = any)."""
        for box, value in (
            (self.period_box, None if period is None else period.code),
            (self.store_box, store),
            (self.employee_box, employee),
            (self.kind_box, entity),
        ):
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(value) if value is not None else 0, 0))
            box.blockSignals(False)
        self.refresh_now()

    # --- reacting (every change and period redraws it; see ``Section``) ------------------
    def period_changed(self, period: Period) -> bool:
        self._fill_periods()
        return True

    def store_changed(self, store: str | None) -> bool:
        return False  # the log has its own store filter

    def company_opened(self) -> None:
        self._fill_filters()

    # --- content ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the audit log with the chosen filters."""
        chosen = self.chosen_filter()
        entries = audit.audit_log(self.context.service, chosen)
        self.model.set_entries(entries)
        self.view.resizeColumnsToContents()
        for column in (AuditTableModel.ITEM, AuditTableModel.OLD, AuditTableModel.NEW):
            if self.view.columnWidth(column) > 320:
                self.view.setColumnWidth(column, 320)
        text = self.tr("%1 entries").replace("%1", str(len(entries)))
        if len(entries) >= chosen.limit:
            text += " " + self.tr("(the newest shown)")
        self.count_label.setText(text)

    def open_item(self, **target: object) -> bool:
        """Filter by ``period=``, ``store=``, ``employee=``, ``entity=`` as given."""
        period = target.get("period")
        store, employee, entity = target.get("store"), target.get("employee"), target.get("entity")
        self.set_filter(
            period=period if isinstance(period, Period) else None,
            store=store if isinstance(store, str) else None,
            employee=employee if isinstance(employee, str) else None,
            entity=entity if isinstance(entity, str) else None,
        )
        return True
