"""The Charts section (SPEC §4.7): matplotlib inside Qt — a store's revenue and conversion
by day (week, month) with the plan line and weekends; plan vs fact of an employee's
matrix; the KPI rating; an employee's KPI history over the last 12 periods; a store
comparison. Any chart exports to PNG.

matplotlib and pandas are heavy (SPEC §9: the window must start fast), so this module
imports neither: the figure, the Qt canvas and the navigation toolbar are built on the
first draw (when the section is first shown), and the drawing modules (``charts_draw``,
``charts_store``, ``charts_people``) are imported then. One
``Figure`` and one canvas live as long as the section; every redraw clears and reuses them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.periods import Period
from kpidesk.core.ratings import KPI, Subject
from kpidesk.gui.analytics.ratings import status_message
from kpidesk.gui.context import AppContext
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.elided_label import shrink_combo
from kpidesk.services.analytics import Analytics

STORE_DAYS, PLAN_FACT, RATING, HISTORY, COMPARISON = range(5)
# Range choices of the daily chart: how many pay periods back from the window's period
RANGE_PERIOD, RANGE_3_MONTHS, RANGE_12_MONTHS, RANGE_3_YEARS = range(4)
_RANGE_MONTHS = {RANGE_PERIOD: 0, RANGE_3_MONTHS: 3, RANGE_12_MONTHS: 12, RANGE_3_YEARS: 36}


class ChartsSection(Section):
    """Charts of the company's data for the window's period and store."""

    key = "charts"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.analytics = Analytics(context.service)
        self.figure: Any = None
        self.canvas: Any = None
        self.toolbar: Any = None
        self.draw_count = 0
        self.has_data = False
        # the company's state and the period the store and employee lists were filled for
        self._choices_for: tuple[int, Period] | None = None
        self._build()
        self._fill_choices()

    def title(self) -> str:
        return self.tr("Charts")

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        layout.addLayout(controls)
        controls.addWidget(QLabel(self.tr("Chart:"), self))
        self.kind_combo = QComboBox(self)
        for text in (
            self.tr("Store revenue and conversion"),
            self.tr("Plan and fact of an employee"),
            self.tr("KPI rating"),
            self.tr("KPI history of an employee"),
            self.tr("Store comparison"),
        ):
            self.kind_combo.addItem(text)
        controls.addWidget(shrink_combo(self.kind_combo, 14))
        self.store_label = QLabel(self.tr("Store:"), self)
        controls.addWidget(self.store_label)
        self.store_combo = QComboBox(self)
        controls.addWidget(shrink_combo(self.store_combo, 10))
        self.employee_label = QLabel(self.tr("Employee:"), self)
        controls.addWidget(self.employee_label)
        self.employee_combo = QComboBox(self)
        controls.addWidget(shrink_combo(self.employee_combo, 12))
        self.range_label = QLabel(self.tr("Range:"), self)
        controls.addWidget(self.range_label)
        self.range_combo = QComboBox(self)
        self.range_combo.addItem(self.tr("The period"), RANGE_PERIOD)
        self.range_combo.addItem(self.tr("Last 3 months"), RANGE_3_MONTHS)
        self.range_combo.addItem(self.tr("Last 12 months"), RANGE_12_MONTHS)
        self.range_combo.addItem(self.tr("Last 3 years"), RANGE_3_YEARS)
        controls.addWidget(shrink_combo(self.range_combo, 9))
        self.freq_combo = QComboBox(self)
        self.freq_combo.addItem(self.tr("by day"), "D")
        self.freq_combo.addItem(self.tr("by week"), "W")
        self.freq_combo.addItem(self.tr("by month"), "M")
        controls.addWidget(self.freq_combo)
        controls.addStretch(1)
        self.export_button = QPushButton(self.tr("Save PNG…"), self)
        controls.addWidget(self.export_button)
        self.chart_area = QVBoxLayout()
        layout.addLayout(self.chart_area, 1)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.store_combo, self.employee_combo, self.range_combo, self.freq_combo):
            combo.currentIndexChanged.connect(self._controls_changed)
        self.export_button.clicked.connect(lambda: self.export_png())
        self._kind_changed()

    def _fill_choices(self) -> None:
        self._choices_for = (self.context.service.generation, self.context.period)
        for combo in (self.store_combo, self.employee_combo):
            combo.blockSignals(True)
        store = self.store_combo.currentData()
        employee = self.employee_combo.currentData()
        self.store_combo.clear()
        self.store_combo.addItem(self.tr("All stores"), None)
        for name in self.analytics.store_names():
            self.store_combo.addItem(name, name)
        wanted = self.context.store if self.context.store is not None else store
        self.store_combo.setCurrentIndex(max(self.store_combo.findData(wanted), 0))
        self.employee_combo.clear()
        for name in self.analytics.employee_names(self.context.period):
            self.employee_combo.addItem(name, name)
        if employee is not None:
            self.employee_combo.setCurrentIndex(max(self.employee_combo.findData(employee), 0))
        for combo in (self.store_combo, self.employee_combo):
            combo.blockSignals(False)

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentIndex()
        uses_store = kind in (STORE_DAYS, RATING)
        uses_employee = kind in (PLAN_FACT, HISTORY)
        uses_range = kind in (STORE_DAYS, COMPARISON)
        for widget in (self.store_label, self.store_combo):
            widget.setVisible(uses_store)
        for widget in (self.employee_label, self.employee_combo):
            widget.setVisible(uses_employee)
        for widget in (self.range_label, self.range_combo):
            widget.setVisible(uses_range)
        self.freq_combo.setVisible(kind == STORE_DAYS)
        self._controls_changed()

    # --- reacting (every change, period and store redraws it; see ``Section``) -------------
    def _controls_changed(self) -> None:
        self.mark_stale()

    def store_changed(self, store: str | None) -> bool:
        self.store_combo.blockSignals(True)
        self.store_combo.setCurrentIndex(max(self.store_combo.findData(store), 0))
        self.store_combo.blockSignals(False)
        return True

    def company_opened(self) -> None:
        self.analytics = Analytics(self.context.service)
        self._choices_for = None

    def refresh(self) -> None:
        """Refill the store and employee lists if the company or the period moved since,
        and draw the chosen chart again."""
        if self._choices_for != (self.context.service.generation, self.context.period):
            self._fill_choices()
        self.redraw()

    def open_item(self, **target: object) -> bool:
        """Show a chart for ``employee=…`` (KPI history) or ``store=…`` (by day)."""
        employee = target.get("employee")
        store = target.get("store")
        if isinstance(employee, str) and self.employee_combo.findData(employee) >= 0:
            self.employee_combo.setCurrentIndex(self.employee_combo.findData(employee))
            self.kind_combo.setCurrentIndex(HISTORY)
        elif isinstance(store, str) and self.store_combo.findData(store) >= 0:
            self.store_combo.setCurrentIndex(self.store_combo.findData(store))
            self.kind_combo.setCurrentIndex(STORE_DAYS)
        else:
            return False
        self.redraw()
        return True

    # --- drawing --------------------------------------------------------------------------
    def ensure_canvas(self) -> None:
        """Build the figure, its Qt canvas and the navigation toolbar (once)."""
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(9, 5), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setParent(self)
        self.canvas.setMinimumHeight(320)
        from kpidesk.gui.analytics.charts_draw import make_toolbar

        self.toolbar = make_toolbar(self.canvas, self)
        self.chart_area.addWidget(self.toolbar)
        self.chart_area.addWidget(self.canvas, 1)

    def chart_range(self) -> Period:
        """The range of the daily chart and the store comparison."""
        period = self.context.period
        months = _RANGE_MONTHS.get(self.range_combo.currentData(), 0)
        if months == 0:
            return period
        first = Period.month(period.end.year, period.end.month).shifted(-(months - 1))
        return Period.custom(first.start, period.end)

    def redraw(self) -> None:
        """Draw the chosen chart again on the same figure."""
        self.ensure_canvas()
        from kpidesk.gui.analytics import charts_draw

        self.stale = False
        kind = self.kind_combo.currentIndex()
        lang = self.context.lang
        figure = self.figure
        with charts_draw.style():
            try:
                self.has_data = self._draw(kind, figure, lang)
            except ValueError as error:
                charts_draw.no_data(figure, str(error))
                self.has_data = False
            self.canvas.draw()
        self.draw_count += 1

    def _draw(self, kind: int, figure: Any, lang: str) -> bool:
        from kpidesk.gui.analytics import charts_people, charts_store

        period = self.context.period
        store = self.store_combo.currentData()
        employee = self.employee_combo.currentData()
        if kind == STORE_DAYS:
            span = self.chart_range()
            freq = self.freq_combo.currentData() or "D"
            frame = self.analytics.daily_series(store, span, freq)
            return charts_store.draw_store_days(figure, frame, store, span, freq, lang)
        if kind == PLAN_FACT:
            result = self.analytics.plan_fact(employee, period) if employee else None
            return charts_people.draw_plan_fact(figure, result, employee or "", period, lang)
        if kind == RATING:
            rating = self.analytics.rating(Subject.EMPLOYEE, KPI, period)
            if store is not None:
                staff = set(self.analytics.employee_names(period, store))
                from dataclasses import replace

                rating = replace(rating, rows=tuple(r for r in rating.rows if r.name in staff))
            where = store if store is not None else self.tr("all employees")
            return charts_people.draw_rating(figure, rating, where, lang)
        if kind == HISTORY:
            history = self.analytics.kpi_history(employee, period) if employee else []
            return charts_people.draw_history(figure, history, employee or "", lang)
        rows = self.analytics.store_comparison(self.chart_range())
        return charts_store.draw_store_comparison(figure, rows, self.chart_range(), lang)

    # --- export ---------------------------------------------------------------------------
    def export_png(self, path: Path | None = None) -> Path | None:
        """Save the chart shown as PNG (asks for the file when ``path`` is ``None``)."""
        if self.canvas is None:
            self.redraw()
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save chart"), "chart.png", self.tr("PNG image (*.png)")
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() != ".png":
                path = path.with_suffix(".png")
        from kpidesk.gui.analytics import charts_draw

        try:
            with charts_draw.style():
                self.figure.savefig(path, format="png", dpi=120)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Save chart"),
                self.tr("Cannot write %1: %2")
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error)),
            )
            return None
        status_message(self, self.tr("Saved %1").replace("%1", str(path)))
        return path
