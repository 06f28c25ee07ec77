"""The Tasks section (SPEC §4.5, seed 002): who am I; the personal period report; the three
filters of the seed (by assignee, by controller, debtors) as count tables whose numbers open
the list behind them; the list, where several selected items are marked done, accepted or
returned with a comment at once; "Create the period's duties"; print / PDF of the report.

When a person is chosen ("who am I", remembered per company file), the window opens on this
section's personal report (a zero-delay timer asks the window to show it), so nothing in the
main window needs to know about tasks.

Once the company has users (SPEC §8.1), "who am I" is the logged-in user's linked employee
(the owner may still act as anyone); the reports, counts and lists hold the people whose
results the user may see (an employee: their own items); creating the period's duties is
the owner's, and a viewer only reads. How the count tables and the list are laid out, what
the user may see in them and what a count opens are ``tables``. One-off tasks are given,
edited and deleted from the list (``task_actions``, for the roles that assign tasks); the
assignee marks done, the controller accepts or returns, from the list and from the
personal report's own tables. Printing the report is ``printing``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.rights import Right, Role, Scope
from kpidesk.core.tasks import Task
from kpidesk.core.tasks_filters import Grouping, default_as_of, task_counts
from kpidesk.gui.context import AppContext
from kpidesk.gui.rights import sees_money, sees_results
from kpidesk.gui.section import Section
from kpidesk.gui.tasks import printing
from kpidesk.gui.tasks.models import TaskCountsModel, TaskListModel
from kpidesk.gui.tasks.report_view import PersonalReportView, TaskFilter
from kpidesk.gui.tasks.tables import count_filter, counts_view, task_list_view, visible_tasks
from kpidesk.gui.tasks.task_actions import TaskEditing
from kpidesk.gui.widgets.elided_label import more_button, shrink_combo
from kpidesk.reports.problem_text import error_text, problem_text
from kpidesk.services import tasks as task_service
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError

_REFRESH_ON = {
    ChangeKind.COMPANY,
    ChangeKind.DIRECTORY,
    ChangeKind.TASK,
    ChangeKind.MATRIX,
    ChangeKind.FACT,
    ChangeKind.DAILY,
    ChangeKind.INPUT,
    ChangeKind.PLAN,
    ChangeKind.SCHEDULE,
    ChangeKind.LOCK,
}


class TasksSection(Section):
    """Duties and tasks: filters, lists with actions, the personal report."""

    key = "tasks"
    REPORT, BY_ASSIGNEE, BY_CONTROLLER, DEBTORS, LIST = range(5)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._tasks: list[Task] = []
        self._list_filter: TaskFilter = lambda task: True
        self._list_caption = ""
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tasks_tabs")
        layout.addWidget(self.tabs, 1)
        self.report_view = PersonalReportView(context.lang, self)
        self.report_view.openList.connect(self.show_list)
        self.report_view.actOn.connect(self._act_from_report)
        self.tabs.addTab(self.report_view, self.tr("Personal report"))
        self.count_models: dict[Grouping, TaskCountsModel] = {}
        self.count_views: dict[Grouping, QTableView] = {}
        for grouping, title in (
            (Grouping.ASSIGNEE, self.tr("By assignee")),
            (Grouping.CONTROLLER, self.tr("By controller")),
            (Grouping.DEBTORS, self.tr("Debtors")),
        ):
            self.tabs.addTab(self._counts_page(grouping), title)
        self.tabs.addTab(self._list_page(), self.tr("List"))
        self._fill_people()
        if task_service.chosen_person(context.service) is not None:
            QTimer.singleShot(0, self, self._show_on_start)

    def title(self) -> str:
        return self.tr("Tasks")

    # --- building ---------------------------------------------------------------------
    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Who am I:"), self))
        self.me_combo = QComboBox(self)
        self.me_combo.setObjectName("me_combo")
        self.me_combo.setToolTip(
            self.tr("The person who marks done, accepts and returns; remembered for this file")
        )
        bar.addWidget(shrink_combo(self.me_combo))
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Report for:"), self))
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("person_combo")
        bar.addWidget(shrink_combo(self.person_combo))
        bar.addStretch(1)
        self.generate_button = QPushButton(self.tr("Create the period's duties"), self)
        self.generate_button.setObjectName("generate_button")
        self.generate_button.clicked.connect(self.generate_duties)
        bar.addWidget(self.generate_button)
        self.print_button = QPushButton(self.tr("Print report…"), self)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button = QPushButton(self.tr("Report to PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        # printing and PDF in a "…" menu: the bar stays within a 1280-pixel screen
        bar.addWidget(more_button(self, [self.print_button, self.pdf_button]))
        self.me_combo.currentIndexChanged.connect(self._me_chosen)
        self.person_combo.currentIndexChanged.connect(lambda _i: self._reload_report())
        return bar

    def _counts_page(self, grouping: Grouping) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        hints = {
            Grouping.ASSIGNEE: self.tr("Each employee's duties and tasks: how many, done, left."),
            Grouping.CONTROLLER: self.tr("What waits for each controller's acceptance."),
            Grouping.DEBTORS: self.tr("Who has overdue items, and how many days overdue."),
        }
        hint = QLabel(hints[grouping] + " " + self.tr("Double-click a number to open its list."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        model = TaskCountsModel(page)
        view = counts_view(page, model, grouping)
        view.doubleClicked.connect(
            lambda index, g=grouping: self.open_count(g, index.row(), index.column())
        )
        layout.addWidget(view, 1)
        self.count_models[grouping] = model
        self.count_views[grouping] = view
        return page

    def _list_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.list_caption = QLabel(page)
        self.list_caption.setObjectName("list_caption")
        self.list_caption.setStyleSheet("font-weight: bold;")
        self.list_caption.setWordWrap(True)
        # "show all" beside the caption: the row of actions below fits a 1280-pixel screen
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.list_caption, 1)
        layout.addLayout(caption_row)
        self.list_model = TaskListModel(self.context.lang, page)
        self.list_view = task_list_view(page, self.list_model)
        layout.addWidget(self.list_view, 1)
        actions = QHBoxLayout()
        self.done_button = QPushButton(self.tr("Mark done"), page)
        self.accept_button = QPushButton(self.tr("Accept"), page)
        self.return_button = QPushButton(self.tr("Return…"), page)
        self.all_button = QPushButton(self.tr("Show all of the period"), page)
        self.done_button.clicked.connect(lambda: self.mark_selected_done())
        self.accept_button.clicked.connect(lambda: self.accept_selected())
        self.return_button.clicked.connect(lambda: self.return_selected())
        self.all_button.clicked.connect(
            lambda: self.show_list(self.tr("All duties and tasks of the period"), lambda t: True)
        )
        for button in (self.done_button, self.accept_button, self.return_button):
            actions.addWidget(button)
        actions.addSpacing(16)
        self.editing = TaskEditing(self, page)
        self.editing.add_to(actions)
        actions.addStretch(1)
        caption_row.addWidget(self.all_button)
        layout.addLayout(actions)
        self.message = QLabel(page)
        self.message.setObjectName("task_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        return page

    # --- people -----------------------------------------------------------------------
    def _fill_people(self) -> None:
        """Fill both lists of people; "me" from the company file (once logins are on, the
        logged-in user's linked employee), the report's person kept (it starts as "me")."""
        service = self.context.service
        actor = service.actor
        people = [
            e.name for e in service.company().employees if not e.archived and sees_results(actor, e)
        ]
        me = task_service.chosen_person(service)
        if actor.role is Role.OWNER and self.me is not None:
            me = self.me  # the owner may act as anyone they chose
        person = self.person_combo.currentData() if self.person_combo.count() else me
        for combo, empty, chosen in (
            (self.me_combo, self.tr("— choose —"), me),
            (self.person_combo, self.tr("— nobody —"), person),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(empty, None)
            for name in people:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)
        self._follow_rights()

    def _follow_rights(self) -> None:
        """Offer only what the logged-in user's role may do here."""
        actor = self.context.service.actor
        fixed = actor.role not in (None, Role.OWNER)
        self.me_combo.setEnabled(not fixed)
        self.me_combo.setToolTip(
            self.tr("You: the employee linked to your user")
            if fixed
            else self.tr("The person who marks done, accepts and returns; remembered for this file")
        )
        self.person_combo.setEnabled(actor.scope(Right.SEE_RESULTS) is not Scope.OWN)
        self.generate_button.setVisible(actor.scope(Right.ASSIGN_TASKS) is Scope.ALL)
        # one's own tasks: a user not linked to an employee has none to act on
        scope = actor.scope(Right.OWN_TASKS)
        acts = scope is Scope.ALL or (scope is Scope.OWN and actor.employee is not None)
        for button in (self.done_button, self.accept_button, self.return_button):
            button.setVisible(acts)
        self.report_view.show_actions(acts)
        self.editing.follow_rights()

    @property
    def me(self) -> str | None:
        """The employee chosen as "me" (the actor of status changes)."""
        value = self.me_combo.currentData()
        return value if isinstance(value, str) else None

    def set_me(self, name: str | None) -> None:
        """Choose "me" (and show my report)."""
        self.me_combo.setCurrentIndex(max(self.me_combo.findData(name), 0))

    def _me_chosen(self, _index: int) -> None:
        task_service.choose_person(self.context.service, self.me)
        self.person_combo.setCurrentIndex(max(self.person_combo.findData(self.me), 0))
        self._reload_counts()

    def _show_on_start(self) -> None:
        window = self.window()
        show = getattr(window, "show_section", None)
        if callable(show):
            show(self.key)
        self.tabs.setCurrentIndex(self.REPORT)

    # --- reacting (changes of tasks and of what duties read, and the period; see Section) -
    def concerns(self, change: Change) -> bool:
        return change.kind in _REFRESH_ON

    def store_changed(self, store: str | None) -> bool:
        return False  # duties are per person, whatever the store filter

    def company_opened(self) -> None:
        for combo in (self.me_combo, self.person_combo):
            combo.blockSignals(True)
            combo.clear()  # the new file's (or the new user's) "me" becomes the report's person
            combo.blockSignals(False)

    def open_item(self, **target: object) -> bool:
        employee = target.get("employee")
        if isinstance(employee, str) and self.person_combo.findData(employee) >= 0:
            self.refresh_now()
            self.person_combo.setCurrentIndex(self.person_combo.findData(employee))
            self.tabs.setCurrentIndex(self.REPORT)
            return True
        return False

    # --- loading ----------------------------------------------------------------------
    @property
    def as_of(self) -> date:
        """The day overdue is counted on: today, or the period's end if earlier."""
        return default_as_of(self.context.period, self.context.today)

    def refresh(self) -> None:
        """Read the people and the period's tasks and refresh every page."""
        self._fill_people()
        try:
            self._tasks = visible_tasks(
                self.context.service,
                task_service.period_tasks(self.context.service, self.context.period),
            )
        except UserError as error:
            self.message.setText(error_text(error))
            self._tasks = []
        self._reload_counts()
        self._reload_list()
        self._reload_report()

    def _reload_counts(self) -> None:
        for grouping, model in self.count_models.items():
            model.set_rows(task_counts(self._tasks, grouping, self.as_of), self.me)

    def _reload_list(self) -> None:
        shown = [task for task in self._tasks if self._list_filter(task)]
        self.list_model.set_tasks(shown, self.as_of)
        self.list_caption.setText(
            f"{self._list_caption} — {len(shown)}" if self._list_caption else ""
        )

    def _reload_report(self) -> None:
        name = self.person_combo.currentData()
        if not isinstance(name, str):
            self.report_view.setEnabled(False)
            self.report_view.heading.setText(self.tr("Choose whose report to show"))
            self.report_view.subheading.setText("")
            return
        self.report_view.setEnabled(True)
        service = self.context.service
        try:
            report = task_service.personal_report_for(
                service, name, self.context.period, self.as_of
            )
        except UserError as error:
            self.report_view.heading.setText(error_text(error))
            return
        employee = service.company().employee(name)
        parts = [
            employee.position if employee else "",
            (employee.store or "") if employee else "",
            self.tr("period %1").replace("%1", self.context.period.code),
            self.tr("overdue as of %1").replace("%1", f"{report.as_of:%d.%m.%Y}"),
        ]
        money = employee is not None and sees_money(service.actor, employee)
        self.report_view.show_report(report, " · ".join(p for p in parts if p), money=money)

    # --- drill-down -------------------------------------------------------------------
    def show_list(self, caption: str, keep: object) -> None:
        """Open the list tab on the items that ``keep`` (``Task → bool``) chooses."""
        if self.stale:
            self.refresh_now()
        self._list_caption = caption
        self._list_filter = keep if callable(keep) else (lambda task: True)
        self.message.setText("")
        self._reload_list()
        self.tabs.setCurrentIndex(self.LIST)

    def open_count(self, grouping: Grouping, row: int, column: int) -> None:
        """Open the list behind one count of a filter's table."""
        model = self.count_models[grouping]
        if not 0 <= row < model.rowCount() or column in (
            TaskCountsModel.EMPLOYEE,
            TaskCountsModel.MAX_DAYS,
        ):
            return
        name = model.counts(row).employee
        keep = count_filter(grouping, column, name, self.as_of)
        header = str(model.headerData(column, Qt.Orientation.Horizontal))
        self.show_list(f"{name}: {header}", keep)

    # --- actions ----------------------------------------------------------------------
    def selected_tasks(self) -> list[Task]:
        """The tasks selected in the list, in list order."""
        rows = sorted({index.row() for index in self.list_view.selectionModel().selectedRows()})
        return [self.list_model.task(row) for row in rows]

    def _act(
        self,
        verb: str,
        run: Callable[[list[Task]], task_service.TasksOutcome],
        chosen: list[Task] | None = None,
    ) -> None:
        chosen = self.selected_tasks() if chosen is None else chosen
        if not chosen:
            self.message.setText(self.tr("Select one or more items in the list first."))
            return
        outcomes: list[task_service.TasksOutcome] = []

        def write() -> Change:
            outcomes.append(run(chosen))
            return outcomes[0].change or Change(ChangeKind.TASK, self.context.period)

        try:
            self.context.run(write, initiator=self)
        except UserError as error:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(error_text(error))
            return
        outcome = outcomes[0]
        lines = []
        if outcome.changed:
            lines.append(verb.replace("%1", str(len(outcome.changed))))
        lines += [problem_text(problem) for problem in outcome.refused]
        self.message.setStyleSheet("color: #b00020;" if outcome.refused else "color: #1b5e20;")
        self.message.setText("\n".join(lines))
        if outcome.change is not None:
            self.refresh_now()

    def _act_from_report(self, action: str, chosen: list[Task]) -> None:
        """An action of the personal report's tables (its message shows on the report)."""
        acts = {"done": self.mark_selected_done, "accept": self.accept_selected}
        acts.get(action, self.return_selected)(chosen)
        self.report_view.message.setStyleSheet(self.message.styleSheet())
        self.report_view.message.setText(self.message.text())

    def mark_selected_done(self, chosen: list[Task] | None = None) -> None:
        """Mark the selected items (or ``chosen``) done, as "me"."""
        today = self.context.today
        self._act(
            self.tr("Marked done: %1"),
            lambda tasks: task_service.mark_tasks_done(self.context.service, tasks, self.me, today),
            chosen,
        )

    def accept_selected(self, chosen: list[Task] | None = None) -> None:
        """Accept the selected items (or ``chosen``), as "me" (their controller)."""
        today = self.context.today
        self._act(
            self.tr("Accepted: %1"),
            lambda tasks: task_service.accept_tasks(self.context.service, tasks, self.me, today),
            chosen,
        )

    def return_selected(self, chosen: list[Task] | None = None) -> None:
        """Return the selected items (or ``chosen``) to open with a comment, as "me"."""
        chosen = self.selected_tasks() if chosen is None else chosen
        if not chosen:
            self.message.setText(self.tr("Select one or more items in the list first."))
            return
        comment, ok = QInputDialog.getMultiLineText(
            self, self.tr("Return to open"), self.tr("Why is it returned? The assignee sees this.")
        )
        if not ok:
            return
        today = self.context.today
        self._act(
            self.tr("Returned: %1"),
            lambda tasks: task_service.return_tasks(
                self.context.service, tasks, self.me, comment, today
            ),
            chosen,
        )

    def generate_duties(self) -> None:
        """Create the period's duties from the duty lists (never twice)."""
        service, period = self.context.service, self.context.period
        outcomes: list[task_service.GenerateOutcome] = []

        def write() -> Change:
            outcomes.append(task_service.generate_period_duties(service, period))
            return outcomes[0].change or Change(ChangeKind.TASK, period)

        try:
            self.context.run(write, initiator=self)
        except UserError as error:
            self.message.setText(error_text(error))
            self.tabs.setCurrentIndex(self.LIST)
            return
        outcome = outcomes[0]
        text = self.tr("Created %1 duties for %2.").replace("%1", str(len(outcome.added)))
        if not outcome.added:
            text = self.tr("The duties of %2 exist already; nothing was created.")
        text = text.replace("%2", self.context.period.code)
        lines = [text, *(problem_text(problem) for problem in outcome.problems)]
        self.show_list(self.tr("Duties of the period"), lambda t: t.kind.value == "duty")
        self.message.setStyleSheet("color: #1b5e20;" if not outcome.problems else "color: #b00020;")
        self.message.setText("\n".join(lines))

    # --- printing (``printing``) -------------------------------------------------------
    def report_html(self) -> str | None:
        """The shown personal report as printable HTML (``None`` when none is shown)."""
        return printing.report_html(self)

    def print_report(self) -> None:
        """Print preview of the personal report (one A4 page)."""
        printing.print_report(self)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the personal report as a one-page PDF (asks where, unless ``path``)."""
        return printing.save_pdf(self, path)
