"""The Directories section (SPEC §4.9): tabs of stores, departments, positions, employees,
indicators and payout schedules, each an editable spreadsheet grid with add and remove.

Removing asks first and then lets the store decide: an entry past periods need is archived
(greyed, hidden unless "show archived"), anything else is deleted. Every change goes through
``services.directories`` and is published on the context; each tab reloads when another
part of the window changes the directories.

Must not: write SQL or validate anything itself (``core`` and the services do).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.indicators import Indicator
from kpidesk.core.org import Employee
from kpidesk.core.payout import PayoutSchedule
from kpidesk.gui.context import AppContext
from kpidesk.gui.directories.kinds import EmployeesModel, IndicatorsModel, NamedModel
from kpidesk.gui.directories.model import DirectoryModel
from kpidesk.gui.directories.payout_schedule_models import SchedulesModel, StepsModel
from kpidesk.gui.directories.source_delegate import SourceDelegate
from kpidesk.gui.section import Section
from kpidesk.gui.widgets.cell_delegates import ChoiceDelegate, DateDelegate
from kpidesk.gui.widgets.numbers import NumberDelegate
from kpidesk.gui.widgets.spreadsheet import SpreadsheetView
from kpidesk.reports.problem_text import error_text
from kpidesk.services import directories
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError

_RED, _GREY = "#b00020", "#555555"


class DirectoryTab(QWidget):
    """One directory: the grid, add / remove / restore, "show archived" and a message line."""

    def __init__(
        self,
        section: DirectoriesSection,
        model: DirectoryModel,
        name: str,
        removable: bool = True,
    ) -> None:
        super().__init__(section)
        self.section = section
        self.model = model
        self.setObjectName(f"directory_{name}")
        layout = QVBoxLayout(self)
        self.main_layout = layout
        buttons = QHBoxLayout()
        self.buttons_layout = buttons
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName(f"{name}_add")
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setObjectName(f"{name}_remove")
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.setObjectName(f"{name}_restore")
        self.archived_box = QCheckBox(self.tr("Show archived"), self)
        self.archived_box.setObjectName(f"{name}_show_archived")
        for widget in (self.add_button, self.remove_button, self.restore_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.archived_box)
        self.remove_button.setVisible(removable)
        self.restore_button.setVisible(removable)
        self.archived_box.setVisible(removable)
        layout.addLayout(buttons)
        self.view = SpreadsheetView(self)
        self.view.setObjectName(f"{name}_grid")
        self.view.setModel(model)
        self.view.setItemDelegate(QStyledItemDelegate(self.view))
        for column, spec in enumerate(model.columns):
            if spec.kind == "choice":
                self.view.setItemDelegateForColumn(column, ChoiceDelegate(self.view))
            elif spec.kind in ("number", "ratio"):
                self.view.setItemDelegateForColumn(column, NumberDelegate(self.view))
            elif spec.kind == "date":
                self.view.setItemDelegateForColumn(column, DateDelegate(self.view))
        self.view.problem.connect(self.show_problem)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.restore_button.clicked.connect(self.restore)
        self.archived_box.toggled.connect(self._show_archived)
        model.saved.connect(self._saved)

    # --- messages -------------------------------------------------------------------------
    def show_problem(self, text: str) -> None:
        """Show why something was refused."""
        self.message.setStyleSheet(f"color: {_RED};")
        self.message.setText(text)

    def show_info(self, text: str) -> None:
        """Show what was done."""
        self.message.setStyleSheet(f"color: {_GREY};")
        self.message.setText(text)

    def _saved(self, change: Change) -> None:
        self.message.clear()

    def fit_columns(self) -> None:
        """Size the columns to their contents (headers included)."""
        self.view.resizeColumnsToContents()
        widths = [
            min(max(self.view.columnWidth(column) + 16, 64), 380)
            for column in range(self.model.columnCount())
        ]
        # wider than the table: the widest columns (names) give way, down to 140 pixels,
        # so that the last ones (an employee's «Окончание») stay in sight at 1280
        shown = self.view.isVisible() and self.view.viewport().width() > 400
        over = sum(widths) - self.view.viewport().width() if shown else 0
        while over > 0 and widths and max(widths) > 140:
            widest = widths.index(max(widths))
            give = min(over, widths[widest] - 140, 20)
            widths[widest] -= give
            over -= give
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)

    # --- actions --------------------------------------------------------------------------
    def _current_item(self) -> Any | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.items[index.row()]

    def _select(self, match: Any) -> None:
        for row, item in enumerate(self.model.items):
            if item == match:
                self.view.setCurrentIndex(self.model.index(row, 0))
                self.view.setFocus()
                return

    def _unique(self, base: str, taken: set[str]) -> str:
        if base not in taken:
            return base
        number = 2
        while f"{base} {number}" in taken:
            number += 1
        return f"{base} {number}"

    def new_item(self) -> Any:
        """A new item with a unique placeholder name (subclasses of the model decide)."""
        company = self.model.service.company()
        model = self.model
        if isinstance(model, NamedModel):
            names = {item.name for item in model.all_items(company)}
            label = {
                "store": self.tr("New store"),
                "department": self.tr("New department"),
                "position": self.tr("New position"),
            }[model.kind]
            return model.new_item(self._unique(label, names))
        if isinstance(model, EmployeesModel):
            positions = [p.name for p in company.positions if not p.archived]
            if not positions:
                raise UserError(self.tr("Add a position first."))
            names = {e.name for e in company.employees}
            return Employee(self._unique(self.tr("New employee"), names), positions[0])
        if isinstance(model, IndicatorsModel):
            codes = {i.code for i in company.indicators}
            code = self._unique("new", codes).replace(" ", "_")
            return Indicator(code, self.tr("New indicator"))
        raise UserError(self.tr("Nothing to add here."))

    def add(self) -> None:
        """Add an entry with a placeholder name and start editing its name."""
        try:
            item = self.new_item()
            self.section.run(lambda: self.model.write(None, item))
        except UserError as error:
            self.show_problem(error_text(error, self.model.lang))
            return
        self._select(self.model.stored(item))
        self.view.edit(self.view.currentIndex())

    def remove(self) -> None:
        """Archive or delete the current entry, after a confirmation."""
        item = self._current_item()
        remove = getattr(self.model, "remove", None)
        if item is None or remove is None:
            return
        name = self.model.display_name(item)
        answer = QMessageBox.question(
            self,
            self.tr("Remove"),
            self.tr(
                "Remove '%1'? If past periods use it, it is archived instead: kept for "
                "those periods and hidden from new work."
            ).replace("%1", name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            removals: list[directories.Removal] = []

            def write() -> Change:
                removal, change = remove(item)
                removals.append(removal)
                return change  # type: ignore[no-any-return]

            self.section.run(write)
            removal = removals[0]
        except UserError as error:
            self.show_problem(error_text(error, self.model.lang))
            return
        if removal is directories.Removal.ARCHIVED:
            self.show_info(
                self.tr("'%1' is used by past periods, so it was archived.").replace("%1", name)
            )
        else:
            self.show_info(self.tr("'%1' was deleted.").replace("%1", name))

    def restore(self) -> None:
        """Bring an archived entry back."""
        item = self._current_item()
        if item is None or not self.model.is_archived(item):
            return
        try:
            restored = self.model.with_value(item, "archived", False)
            self.section.run(lambda: self.model.write(item, restored))
        except UserError as error:
            self.show_problem(error_text(error, self.model.lang))
            return
        self.show_info(self.tr("'%1' is back in use.").replace("%1", self.model.display_name(item)))

    def _show_archived(self, show: bool) -> None:
        self.model.set_show_archived(show)


class SchedulesTab(DirectoryTab):
    """Payout schedules: the schedules grid, the chosen schedule's steps and its chart."""

    def __init__(self, section: DirectoriesSection, model: SchedulesModel) -> None:
        super().__init__(section, model, "schedules", removable=False)
        self.schedules = model
        self.add_button.setText(self.tr("Add a position's schedule"))
        self.delete_button = QPushButton(self.tr("Delete schedule…"), self)
        self.delete_button.setObjectName("schedules_delete")
        self.delete_button.clicked.connect(self.delete_schedule)
        self.buttons_layout.insertWidget(1, self.delete_button)
        self.steps = StepsModel(model)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        steps_box = QWidget(lower)
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        self.steps_label = QLabel(self.tr("Steps (for a steps schedule):"), steps_box)
        steps_layout.addWidget(self.steps_label)
        self.steps_view = SpreadsheetView(steps_box)
        self.steps_view.setObjectName("steps_grid")
        self.steps_view.setModel(self.steps)
        self.steps_view.setItemDelegate(NumberDelegate(self.steps_view))
        self.steps_view.problem.connect(self.show_problem)
        self.steps_view.horizontalHeader().setStretchLastSection(True)
        steps_layout.addWidget(self.steps_view)
        step_buttons = QHBoxLayout()
        self.add_step_button = QPushButton(self.tr("Add step"), steps_box)
        self.add_step_button.setObjectName("steps_add")
        self.remove_step_button = QPushButton(self.tr("Remove step"), steps_box)
        self.remove_step_button.setObjectName("steps_remove")
        step_buttons.addWidget(self.add_step_button)
        step_buttons.addWidget(self.remove_step_button)
        step_buttons.addStretch(1)
        steps_layout.addLayout(step_buttons)
        self.chart_box = QWidget(lower)
        self.chart_layout = QVBoxLayout(self.chart_box)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart: Any = None
        lower.addWidget(steps_box)
        lower.addWidget(self.chart_box)
        lower.setStretchFactor(1, 2)
        self.main_layout.insertWidget(2, lower, 1)
        self.view.setMaximumHeight(220)
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button.clicked.connect(self.remove_step)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        model.modelReset.connect(self._after_reset)
        model.dataChanged.connect(lambda *_: self._show_current())

    def _current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else 0

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_current()

    def _after_reset(self) -> None:
        self._show_current()

    def _show_current(self) -> None:
        row = self._current_row()
        self.steps.show(row)
        schedule = self.schedules.schedule(row)
        steps = schedule is not None and schedule.kind.value == "steps"
        for widget in (self.steps_view, self.add_step_button, self.remove_step_button):
            widget.setEnabled(steps)
        self.delete_button.setEnabled(schedule is not None and schedule.position is not None)
        if schedule is not None and self.chart is not None:
            self.chart.show_schedule(schedule, self.tr("KPI, %"), self.tr("Payout coefficient"))

    def ensure_chart(self) -> None:
        """Build the chart the first time the tab is shown (matplotlib loads only then)."""
        if self.chart is None:
            from kpidesk.gui.directories.payout_chart import PayoutChart

            self.chart = PayoutChart(self.chart_box)
            self.chart_layout.addWidget(self.chart)
            self._show_current()

    def add(self) -> None:
        """Give a position without a schedule its own (a copy of the company's)."""
        company = self.schedules.service.company()
        having = {s.position for s in company.schedules}
        free = [p.name for p in company.positions if not p.archived and p.name not in having]
        if not free:
            self.show_problem(self.tr("Every position already has its own schedule."))
            return
        schedule = self.schedules.items[0] if self.schedules.items else PayoutSchedule()
        try:
            added = self.schedules.with_value(schedule, "position", free[0])
            service = self.schedules.service
            self.section.run(lambda: directories.save_schedule(service, added))
        except UserError as error:
            self.show_problem(error_text(error, self.schedules.lang))
            return
        for row, item in enumerate(self.schedules.items):
            if item.position == free[0]:
                self.view.setCurrentIndex(self.schedules.index(row, 1))
        self.show_info(self.tr("'%1' now has its own schedule.").replace("%1", free[0]))

    def delete_schedule(self) -> None:
        """Delete a position's schedule (the position then follows the company's)."""
        schedule = self.schedules.schedule(self._current_row())
        if schedule is None or schedule.position is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete schedule"),
            self.tr("Delete the schedule of '%1'? The company's schedule applies then.").replace(
                "%1", schedule.position
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            service, position = self.schedules.service, schedule.position
            self.section.run(lambda: directories.delete_schedule(service, position))
        except UserError as error:
            self.show_problem(error_text(error, self.schedules.lang))
            return

    def add_step(self) -> None:
        """Add a step above the last."""
        refusal = self.steps.add_step()
        if refusal:
            self.show_problem(refusal)

    def remove_step(self) -> None:
        """Remove the current step."""
        index = self.steps_view.currentIndex()
        refusal = self.steps.remove_step(index.row() if index.isValid() else -1)
        if refusal:
            self.show_problem(refusal)


def _run_as(context: AppContext, initiator: object, write: Callable[[], Change]) -> Change:
    return context.run(write, initiator=initiator)


class DirectoriesSection(Section):
    """Stores, departments, positions, employees, indicators and payout schedules."""

    key = "directories"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        service, lang = context.service, context.lang
        self.stores = NamedModel(service, "store", lang)
        self.departments = NamedModel(service, "department", lang)
        self.positions = NamedModel(service, "position", lang)
        self.employees = EmployeesModel(service, lang)
        self.indicators = IndicatorsModel(service, lang)
        self.schedules = SchedulesModel(service, lang)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("directories_tabs")
        self.tab_of: dict[str, DirectoryTab] = {}
        for name, model, title in (
            ("stores", self.stores, self.tr("Stores")),
            ("departments", self.departments, self.tr("Departments")),
            ("positions", self.positions, self.tr("Positions")),
            ("employees", self.employees, self.tr("Employees")),
            ("indicators", self.indicators, self.tr("Indicators")),
        ):
            tab = DirectoryTab(self, model, name)
            if model is self.indicators:  # sources grouped by family, in words
                column = [c.key for c in model.columns].index("source")
                tab.view.setItemDelegateForColumn(column, SourceDelegate(tab.view))
            self.tab_of[name] = tab
            self.tabs.addTab(tab, title)
        self.schedules_tab = SchedulesTab(self, self.schedules)
        self.tab_of["schedules"] = self.schedules_tab
        self.tabs.addTab(self.schedules_tab, self.tr("Payout schedules"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        for each in self.models():
            each.run = partial(_run_as, context, each)
        self.tabs.currentChanged.connect(self._tab_changed)
        context.changed.connect(self._on_changed)
        context.companyOpened.connect(self._on_company_opened)
        self.reload()

    def title(self) -> str:
        return self.tr("Directories")

    def models(self) -> list[DirectoryModel]:
        """Every directory model, in tab order."""
        return [tab.model for tab in self.tab_of.values()]

    def reload(self, skip: DirectoryModel | None = None) -> None:
        """Re-read every directory (but ``skip``, which is up to date already)."""
        for tab in self.tab_of.values():
            if tab.model is not skip:
                current = tab.view.currentIndex()
                tab.model.reload()
                if current.isValid() and current.row() < tab.model.rowCount():
                    tab.view.setCurrentIndex(tab.model.index(current.row(), current.column()))
                tab.fit_columns()

    def run(self, write: Callable[[], Change]) -> Change:
        """Run a write of one of the tabs' buttons through the window's wrapper."""
        return self.context.run(write, initiator=self)

    def _on_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.COMPANY, ChangeKind.DIRECTORY, ChangeKind.SCHEDULE):
            # a cell edited in a tab is shown there already: only the others reload
            source = change.initiator
            self.reload(skip=source if isinstance(source, DirectoryModel) else None)

    def _on_company_opened(self) -> None:
        for model in self.models():
            model.service = self.context.service
        self.reload()

    def _tab_changed(self, index: int) -> None:
        shown = self.tabs.widget(index)
        if isinstance(shown, DirectoryTab):
            shown.fit_columns()  # to the width it has now that it is on screen
        if self.tabs.widget(index) is self.schedules_tab:
            self.schedules_tab.ensure_chart()

    def activated(self) -> None:
        self._tab_changed(self.tabs.currentIndex())

    def open_item(self, **target: object) -> bool:
        """Show a tab (``tab="employees"``), optionally one entry (``name="…"``)."""
        name = target.get("tab")
        tab = self.tab_of.get(str(name)) if name is not None else None
        if tab is None and "employee" in target:
            tab, target = self.tab_of["employees"], {"name": target["employee"]}
        if tab is None:
            return False
        self.tabs.setCurrentWidget(tab)
        wanted = target.get("name")
        for row, item in enumerate(tab.model.items):
            if wanted is not None and tab.model.display_name(item) == wanted:
                tab.view.setCurrentIndex(tab.model.index(row, 0))
        return True
