"""The Ratings section (SPEC §4.6): rank employees, stores or departments by KPI or by any
indicator over a day, ISO week, half-month, month, quarter, year or custom dates, with the
previous equal range and the change; sortable; a double-click drills down to the
employee's matrix or the store's month grid; export to .xlsx or CSV.

Figures come from ``services.analytics`` (``core.ratings``); this module only shows them.
The table's cells and the summary line are made in ``ratings_rows``, the export's file
dialog and writing live in ``ratings_export``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.periods import Period, PeriodKind
from kpidesk.core.ratings import KPI, Rating, RatingRow, Subject
from kpidesk.gui.analytics.ratings_export import ask_export_path, write_export
from kpidesk.gui.analytics.ratings_model import (
    Cell,
    RowsModel,
    metric_title,
)
from kpidesk.gui.analytics.ratings_rows import company_cells, group_name, row_cells, summary_text
from kpidesk.gui.context import AppContext
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.elided_label import shrink_combo
from kpidesk.reports.problem_text import error_text
from kpidesk.services.analytics import NO_DEPARTMENT, Analytics
from kpidesk.services.analytics_measures import Measure
from kpidesk.services.errors import UserError

RANK, NAME, POSITION, STORE, VALUE, PREVIOUS, CHANGE, COMPLETE = range(8)
PEOPLE_COLUMNS = (POSITION, STORE)  # shown in an employee rating only
COMPANY_ROW = "company"  # the payload of a department rating's company entry
_RANGE_KINDS = (
    PeriodKind.DAY,
    PeriodKind.WEEK,
    PeriodKind.HALF,
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.YEAR,
    PeriodKind.CUSTOM,
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def status_message(widget: QWidget, text: str) -> None:
    """Show a message in the window's status bar (e.g. a drill-down target is missing)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)


class RatingsSection(Section):
    """Sortable ratings with drill-down and export."""

    key = "ratings"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.analytics = Analytics(context.service)
        self.rating: Rating | None = None
        self.measure: Measure | None = None
        self.department: str | None = None  # an employee rating narrowed to one department
        self._build()
        self._fill_measures()
        self._set_range(context.period)

    def title(self) -> str:
        return self.tr("Ratings")

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        layout.addLayout(controls)
        controls.addWidget(QLabel(self.tr("Rank:"), self))
        self.subject_combo = QComboBox(self)
        self.subject_combo.addItem(self.tr("Employees"), Subject.EMPLOYEE)
        self.subject_combo.addItem(self.tr("Stores"), Subject.STORE)
        self.subject_combo.addItem(self.tr("Departments"), Subject.DEPARTMENT)
        controls.addWidget(self.subject_combo)
        controls.addWidget(QLabel(self.tr("by"), self))
        self.measure_combo = QComboBox(self)
        controls.addWidget(shrink_combo(self.measure_combo, 16))
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Range:"), self))
        self.range_combo = QComboBox(self)
        names = {
            PeriodKind.DAY: self.tr("Day"),
            PeriodKind.WEEK: self.tr("Week"),
            PeriodKind.HALF: self.tr("Half-month"),
            PeriodKind.MONTH: self.tr("Month"),
            PeriodKind.QUARTER: self.tr("Quarter"),
            PeriodKind.YEAR: self.tr("Year"),
            PeriodKind.CUSTOM: self.tr("Custom dates"),
        }
        for kind in _RANGE_KINDS:
            self.range_combo.addItem(names[kind], kind)
        controls.addWidget(shrink_combo(self.range_combo, 8))
        self.previous_button = QToolButton(self)
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(self.tr("Previous range"))
        controls.addWidget(self.previous_button)
        self.start_edit = QDateEdit(self)
        self.end_edit = QDateEdit(self)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setCalendarPopup(True)
        controls.addWidget(self.start_edit)
        self.dash_label = QLabel("—", self)
        controls.addWidget(self.dash_label)
        controls.addWidget(self.end_edit)
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next range"))
        controls.addWidget(self.next_button)
        controls.addStretch(1)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("ratings_summary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        filter_row = QHBoxLayout()
        self.department_label = QLabel(self)
        self.department_label.setObjectName("ratings_department")
        self.all_people_button = QPushButton(self.tr("Show everyone"), self)
        self.all_people_button.clicked.connect(lambda: self.show_department(None))
        filter_row.addWidget(self.department_label)
        filter_row.addWidget(self.all_people_button)
        filter_row.addStretch(1)
        layout.addLayout(filter_row)
        self.department_label.hide()
        self.all_people_button.hide()

        self.model = RowsModel(self._headers(None), self)
        self.model.set_numeric([RANK, VALUE, PREVIOUS, CHANGE, COMPLETE])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setObjectName("ratings_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RANK, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._drill_down)
        layout.addWidget(self.table, 1)
        self.hint_label = QLabel(
            self.tr(
                "Double-click a row to open the employee's matrix, the store's month or the "
                "department's people."
            ),
            self,
        )
        self.hint_label.setStyleSheet("color: #616161;")
        self.hint_label.setWordWrap(True)
        # the export buttons sit under the table, so the controls fit a 1280-pixel screen
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint_label, 1)
        self.export_xlsx_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_csv_button = QPushButton(self.tr("Export to CSV…"), self)
        bottom.addWidget(self.export_xlsx_button)
        bottom.addWidget(self.export_csv_button)
        layout.addLayout(bottom)

        self.subject_combo.currentIndexChanged.connect(self._subject_changed)
        self.measure_combo.currentIndexChanged.connect(self._controls_changed)
        self.range_combo.currentIndexChanged.connect(self._kind_changed)
        self.start_edit.dateChanged.connect(self._controls_changed)
        self.end_edit.dateChanged.connect(self._controls_changed)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.export_xlsx_button.clicked.connect(lambda: self.export(None, "xlsx"))
        self.export_csv_button.clicked.connect(lambda: self.export(None, "csv"))

    def _headers(self, measure: Measure | None) -> list[str]:
        value = self.tr("KPI") if measure is None or measure.code == KPI else self.tr("Value")
        subject = self.subject_combo.currentData() if hasattr(self, "subject_combo") else None
        names: dict[object, str] = {
            Subject.EMPLOYEE: self.tr("Employee"),
            Subject.STORE: self.tr("Store"),
            Subject.DEPARTMENT: self.tr("Department"),
        }
        return [
            self.tr("Rank"),
            names.get(subject, self.tr("Name")),
            self.tr("Position"),
            self.tr("Store"),
            value,
            self.tr("Previous"),
            self.tr("Change"),
            self.tr("Complete"),
        ]

    def _fill_measures(self) -> None:
        current = self.measure_combo.currentData()
        self.measure_combo.blockSignals(True)
        self.measure_combo.clear()
        for measure in self.analytics.measures():
            self.measure_combo.addItem(self.measure_title(measure), measure.code)
        index = self.measure_combo.findData(current) if current is not None else 0
        self.measure_combo.setCurrentIndex(max(index, 0))
        self.measure_combo.blockSignals(False)

    def measure_title(self, measure: Measure) -> str:
        """How a measure is named in the list."""
        if measure.code == KPI:
            return self.tr("KPI")
        if measure.indicator is None and measure.metric is not None:
            return metric_title(measure.metric)
        return measure.name

    # --- the range ------------------------------------------------------------------------
    def period(self) -> Period:
        """The range the controls describe."""
        kind = self.range_combo.currentData()
        start = _pydate(self.start_edit.date())
        if kind is PeriodKind.CUSTOM:
            end = _pydate(self.end_edit.date())
            return Period.custom(min(start, end), max(start, end))
        return Period.containing(start, kind)

    def set_range(self, period: Period) -> None:
        """Show a range (any kind) and rebuild the rating."""
        self._set_range(period)
        self.refresh_now()

    def _set_range(self, period: Period) -> None:
        for widget in (self.range_combo, self.start_edit, self.end_edit):
            widget.blockSignals(True)
        index = self.range_combo.findData(period.kind)
        self.range_combo.setCurrentIndex(max(index, 0))
        self.start_edit.setDate(_qdate(period.start))
        self.end_edit.setDate(_qdate(period.end))
        custom = period.kind is PeriodKind.CUSTOM
        self.end_edit.setVisible(custom)
        self.dash_label.setVisible(custom)
        for widget in (self.range_combo, self.start_edit, self.end_edit):
            widget.blockSignals(False)
        self.stale = True

    def _kind_changed(self) -> None:
        kind = self.range_combo.currentData()
        current = self.period()
        if kind is PeriodKind.CUSTOM:
            self._set_range(Period.custom(current.start, current.end))
        else:
            self._set_range(Period.containing(_pydate(self.start_edit.date()), kind))
        self._controls_changed()

    def _step(self, steps: int) -> None:
        self._set_range(self.period().shifted(steps))
        self.refresh_now()

    # --- reacting (every change redraws it; see ``Section``) ------------------------------
    def _controls_changed(self) -> None:
        self.refresh_now()

    def _subject_changed(self) -> None:
        if self.subject_combo.currentData() is not Subject.EMPLOYEE:
            self.department = None
        self.refresh_now()

    def show_department(self, department: str | None) -> None:
        """Rank the people of one department (``None``: everyone) by the same measure."""
        self.department = department
        self.subject_combo.blockSignals(True)
        self.subject_combo.setCurrentIndex(self.subject_combo.findData(Subject.EMPLOYEE))
        self.subject_combo.blockSignals(False)
        self.refresh_now()

    def period_changed(self, period: Period) -> bool:
        self._set_range(period)
        return True

    def store_changed(self, store: str | None) -> bool:
        return False  # a rating covers every store

    def company_opened(self) -> None:
        self.analytics = Analytics(self.context.service)
        self._set_range(self.context.period)

    # --- the rating -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the rating from the controls (the list of measures too: an indicator
        may have come or gone)."""
        self._fill_measures()
        subject = self.subject_combo.currentData()
        code = self.measure_combo.currentData()
        if code is None:
            self.rating = None
            self.model.set_rows([])
            self.summary_label.setText(self.tr("No indicators yet."))
            return
        try:
            measure = self.analytics.measure(code)
            rating = self.analytics.rating(subject, measure, self.period())
        except UserError as error:
            self.rating = None
            self.model.set_rows([])
            self.summary_label.setText(error_text(error, self.context.lang))
            return
        self.measure, self.rating = measure, rating
        self.model.set_headers(self._headers(measure))
        people = subject is Subject.EMPLOYEE
        for column in PEOPLE_COLUMNS:
            self.table.setColumnHidden(column, not people)
        self._show_filter(people)
        rows: list[list[Cell]] = []
        payloads: list[object] = []
        for row in rating.rows:
            if people and self.department is not None and not self._in_department(row):
                continue
            rows.append(row_cells(row, measure, rating.lower_is_better, self.context.lang))
            payloads.append((subject, row.name))
        company = company_cells(rating, measure, self.context.lang)
        if company is not None:
            rows.append(company)
            payloads.append(COMPANY_ROW)
        self.model.set_rows(rows, payloads)
        self.table.sortByColumn(RANK, Qt.SortOrder.AscendingOrder)
        self.summary_label.setText(self._summary(rating, measure))

    def _in_department(self, row: RatingRow) -> bool:
        wanted = None if self.department == NO_DEPARTMENT else self.department
        return row.department == wanted

    def _show_filter(self, people: bool) -> None:
        shown = people and self.department is not None
        self.department_label.setVisible(shown)
        self.all_people_button.setVisible(shown)
        if shown:
            self.department_label.setText(
                self.tr("Department: %1").replace("%1", group_name(self.department or ""))
            )

    def _summary(self, rating: Rating, measure: Measure) -> str:
        title = self.measure_title(measure)
        plan_days = self._plan_days(rating, measure)
        return summary_text(rating, measure, title, self.context.lang, plan_days)

    def _plan_days(self, rating: Rating, measure: Measure) -> int | None:
        """The days of the range the company's plans cover, when plan completion is rated
        over a range they cover only in part (SPEC §2.6: the covered days are named)."""
        if measure.metric != "plan_completion":
            return None
        for row in self.analytics.store_rows(rating.period):
            if row.store is None:
                days = row.metrics.plan_days
                return days if days is not None and days < rating.period.length else None
        return None

    # --- drill-down -----------------------------------------------------------------------
    def _drill_down(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        payload = self.model.payload(source.row())
        if not isinstance(payload, tuple):
            return
        subject, name = payload
        self.drill_down(subject, name)

    def drill_down(self, subject: Subject, name: str) -> bool:
        """Open the employee's matrix or the store's month grid."""
        window = self.window()
        show = getattr(window, "show_section", None)
        if subject is Subject.EMPLOYEE:
            key, target = "matrix", {"employee": name}
        elif subject is Subject.STORE:
            key, target = "month_grid", {"store": name}
        else:
            self.show_department(name)
            return True
        if show is not None and show(key, **target):
            return True
        status_message(
            self, self.tr("Cannot open “%1”: that section is not available.").replace("%1", name)
        )
        return False

    # --- export ---------------------------------------------------------------------------
    def export(self, path: Path | None = None, kind: str | None = None) -> Path | None:
        """Export the shown rating to .xlsx or CSV (asks for the file when ``path`` is
        ``None``). Returns the file written, or ``None``."""
        rating = self.rating
        if rating is None or self.measure is None:
            return None
        if path is None:
            path = ask_export_path(self, rating, kind)
            if path is None:
                return None
        caption = self.summary_label.text().split("\n")[0]
        if not write_export(self, rating, path, self._headers(self.measure), caption):
            return None
        status_message(self, self.tr("Exported to %1").replace("%1", str(path)))
        return path
