"""The Dashboard section (SPEC §4.1): how the company stands in the period at a glance —
the company KPI with the complete matrices, each store's revenue against its plan with
plan completion and sales dynamics, the top and bottom five employees by KPI, and what is
still missing, each item a link to the place that fixes it.

A company whose setup is not finished (no store yet, employees without a matrix, no
payout, no complete KPI — ``services.setup_checklist``) sees the setup checklist instead
of figures that would be zeros in green and red (issue 14); the owner only, since the
other roles cannot do the steps.

Figures come from ``services.analytics.Analytics.dashboard``; this module only shows them.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.money import HUNDRED, format_money
from kpidesk.core.ratings import RatingRow
from kpidesk.gui.analytics.ratings import status_message
from kpidesk.gui.analytics.ratings_model import (
    BAD,
    GOOD,
    Cell,
    RowsModel,
    change_color,
    format_change,
    format_kpi,
    format_value,
    no_data,
    sort_value,
)
from kpidesk.gui.analytics.setup_checklist import SetupChecklistView
from kpidesk.gui.context import AppContext
from kpidesk.gui.rights import edits_directories
from kpidesk.gui.section import Section
from kpidesk.services.analytics import Analytics
from kpidesk.services.analytics_dashboard import Dashboard, MissingItem
from kpidesk.services.setup_checklist import SetupChecklist, setup_checklist

MAX_MISSING_SHOWN = 40


class Card(QFrame):
    """A figure with a caption and a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#dashboard_card { background: #fafafa; border: 1px solid #d0d0d0;"
            " border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet("color: #555; font-weight: bold;")
        self.value = QLabel(self)
        self.value.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555;")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_figure(self, value: str, detail: str, color: str | None = None) -> None:
        """Show a figure (``color``: CSS colour of the figure)."""
        self.value.setText(value)
        style = "font-size: 22pt; font-weight: bold;"
        self.value.setStyleSheet(style + (f" color: {color};" if color else ""))
        self.detail.setText(detail)


def _table(parent: QWidget, model: RowsModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    return view


class DashboardSection(Section):
    """The company at a glance for the chosen period and store."""

    key = "dashboard"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.analytics = Analytics(context.service)
        self.dashboard: Dashboard | None = None
        self.missing_items: list[MissingItem] = []
        self.checklist: SetupChecklist | None = None
        self._build()

    def title(self) -> str:
        return self.tr("Dashboard")

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        setup_scroll = QScrollArea(self.pages)
        setup_scroll.setWidgetResizable(True)
        setup_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.setup_view = SetupChecklistView(setup_scroll)
        self.setup_view.openRequested.connect(lambda key, target: self._show(key, target))
        setup_scroll.setWidget(self.setup_view)
        self.pages.addWidget(setup_scroll)
        scroll = QScrollArea(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pages.addWidget(scroll)
        self.board_page = scroll
        page = QWidget(scroll)
        scroll.setWidget(page)
        layout = QVBoxLayout(page)

        self.heading = QLabel(page)
        self.heading.setObjectName("dashboard_heading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.heading)

        cards = QHBoxLayout()
        self.kpi_card = Card(self.tr("Company KPI"), page)
        self.revenue_card = Card(self.tr("Revenue"), page)
        self.dynamics_card = Card(self.tr("Sales dynamics"), page)
        self.missing_card = Card(self.tr("Still missing"), page)
        for card in (self.kpi_card, self.revenue_card, self.dynamics_card, self.missing_card):
            cards.addWidget(card, 1)
        layout.addLayout(cards)

        stores_box = QGroupBox(self.tr("Stores: revenue against plan"), page)
        stores_layout = QVBoxLayout(stores_box)
        self.stores_model = RowsModel(
            [
                self.tr("Store"),
                self.tr("Revenue"),
                self.tr("Plan"),
                self.tr("Plan completion"),
                self.tr("Sales dynamics"),
                self.tr("Conversion"),
                self.tr("Average check"),
            ],
            self,
        )
        self.stores_model.set_numeric(range(1, 7))
        self.stores_view = _table(stores_box, self.stores_model, "dashboard_stores")
        self.stores_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stores_view.doubleClicked.connect(self._open_store)
        stores_layout.addWidget(self.stores_view)
        layout.addWidget(stores_box)

        grid = QGridLayout()
        headers = [self.tr("Rank"), self.tr("Employee"), self.tr("KPI"), self.tr("Change")]
        top_box = QGroupBox(self.tr("Top five by KPI"), page)
        bottom_box = QGroupBox(self.tr("Bottom five by KPI"), page)
        self.top_model = RowsModel(headers, self)
        self.bottom_model = RowsModel(headers, self)
        self.top_view = self._employee_table(top_box, self.top_model, "dashboard_top")
        self.bottom_view = self._employee_table(bottom_box, self.bottom_model, "dashboard_bottom")
        missing_box = QGroupBox(self.tr("What is missing"), page)
        missing_layout = QVBoxLayout(missing_box)
        self.missing_label = QLabel(missing_box)
        self.missing_label.setObjectName("dashboard_missing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.missing_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.missing_label.linkActivated.connect(self._missing_link)
        missing_layout.addWidget(self.missing_label)
        missing_layout.addStretch(1)
        grid.addWidget(top_box, 0, 0)
        grid.addWidget(bottom_box, 0, 1)
        grid.addWidget(missing_box, 0, 2)
        # the two tables wider than the list of what is missing: names uncut at 1280
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 3)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _employee_table(self, box: QGroupBox, model: RowsModel, name: str) -> QTableView:
        layout = QVBoxLayout(box)
        model.set_numeric([0, 2, 3])
        view = _table(box, model, name)
        view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.doubleClicked.connect(lambda index: self._open_employee(model, index))
        layout.addWidget(view)
        return view

    # --- reacting (every change, period and store redraws it; see ``Section``) -------------
    def company_opened(self) -> None:
        self.analytics = Analytics(self.context.service)

    # --- showing --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild everything for the context's period and store."""
        context = self.context
        self._show_setup()
        board = self.analytics.dashboard(context.period, context.today, context.store)
        self.dashboard = board
        period = board.period
        heading = self.tr("Period %1: %2 — %3").replace("%1", period.code)
        heading = heading.replace("%2", period.start.strftime("%d.%m.%Y"))
        heading = heading.replace("%3", period.end.strftime("%d.%m.%Y"))
        if context.store is not None:
            heading += " · " + context.store
        if board.status.locked:
            heading += " · " + self.tr("locked")
        self.heading.setText(heading)
        self._show_cards(board)
        self._show_stores(board)
        self._show_employees(self.top_model, board.top)
        self._show_employees(self.bottom_model, board.bottom)
        self._show_missing(board)

    def _show_setup(self) -> None:
        """The checklist while the owner's setup is unfinished, else the figures."""
        context = self.context
        checklist = None
        if edits_directories(context.service.actor):
            checklist = setup_checklist(context.service, context.period, context.today)
        self.checklist = checklist
        if checklist is not None and not checklist.complete:
            self.setup_view.show_checklist(checklist)
            self.pages.setCurrentIndex(0)
        else:
            self.pages.setCurrentWidget(self.board_page)

    @property
    def shows_checklist(self) -> bool:
        """Whether the setup checklist is shown instead of the figures."""
        return self.pages.currentIndex() == 0

    def _show_cards(self, board: Dashboard) -> None:
        lang = self.context.lang
        company = board.company
        self.kpi_card.show_figure(
            format_kpi(company.value, lang),
            self.tr("complete matrices: %1 of %2")
            .replace("%1", str(company.complete))
            .replace("%2", str(company.total)),
            _kpi_color(company.value),
        )
        total = board.stores[-1] if board.stores else None
        if total is None or total.metrics.revenue is None:
            self.revenue_card.show_figure(no_data(), self.tr("no daily data in this period"))
            self.dynamics_card.show_figure(no_data(), "")
        else:
            metrics = total.metrics
            revenue = metrics.revenue
            assert revenue is not None
            plan = (
                self.tr("plan %1, completion %2")
                .replace("%1", format_money(total.plan, lang=lang))
                .replace("%2", format_value(metrics.plan_completion, "%", lang))
                if total.plan is not None
                else self.tr("no plan")
            )
            self.revenue_card.show_figure(
                format_money(revenue, lang=lang), plan, _percent_color(metrics.plan_completion)
            )
            self.dynamics_card.show_figure(
                format_value(metrics.sales_dynamics, "%", lang),
                self.tr("revenue against %1").replace("%1", board.period.previous().code),
                _percent_color(metrics.sales_dynamics),
            )
        count = len(board.missing)
        status = board.status
        days = sum(len(item.days) for item in board.missing if item.kind == "days")
        facts = sum(1 for item in board.missing if item.kind == "fact")
        detail = (
            self.tr("days without data: %1, facts: %2, incomplete matrices: %3")
            .replace("%1", str(days))
            .replace("%2", str(facts))
            .replace("%3", str(status.employees - status.complete))
        )
        self.missing_card.show_figure(str(count), detail, "#b00020" if count else "#1b5e20")

    def _show_stores(self, board: Dashboard) -> None:
        lang = self.context.lang
        rows = []
        payloads: list[object] = []
        for row in board.stores:
            m = row.metrics
            name = row.store if row.store is not None else self.tr("All stores")
            rows.append(
                [
                    Cell(name, name),
                    Cell(format_value(m.revenue, "₽", lang), sort_value(m.revenue)),
                    Cell(format_value(row.plan, "₽", lang), sort_value(row.plan)),
                    Cell(
                        format_value(m.plan_completion, "%", lang),
                        sort_value(m.plan_completion),
                        _percent_qcolor(m.plan_completion),
                    ),
                    Cell(
                        format_value(m.sales_dynamics, "%", lang),
                        sort_value(m.sales_dynamics),
                        _percent_qcolor(m.sales_dynamics),
                    ),
                    Cell(format_value(m.conversion, "%", lang), sort_value(m.conversion)),
                    Cell(format_value(m.avg_check, "₽", lang), sort_value(m.avg_check)),
                ]
            )
            payloads.append(row.store)
        self.stores_model.set_rows(rows, payloads)
        height = self.stores_view.horizontalHeader().height() + 4
        height += sum(self.stores_view.rowHeight(r) for r in range(len(rows))) or 30
        self.stores_view.setFixedHeight(min(height + 2, 420))

    def _show_employees(self, model: RowsModel, rows: list[RatingRow]) -> None:
        lang = self.context.lang
        model.set_rows(
            [
                [
                    Cell(str(row.rank), row.rank),
                    Cell(row.name, row.name, tooltip=row.name),
                    Cell(format_kpi(row.value, lang), sort_value(row.value)),
                    Cell(
                        format_change(row.change, "", lang, kpi=True),
                        sort_value(row.change),
                        change_color(row.change),
                    ),
                ]
                for row in rows
            ],
            [row.name for row in rows],
        )
        for view in (self.top_view, self.bottom_view):
            if view.model() is model:
                height = view.horizontalHeader().height() + 6
                height += sum(view.rowHeight(r) for r in range(model.rowCount())) or 30
                view.setMinimumHeight(min(height, 260))

    def _show_missing(self, board: Dashboard) -> None:
        self.missing_items = list(board.missing)
        if board.status.employees == 0 and not board.missing:
            self.missing_label.setText(self.tr("No employees and no data in this period yet."))
            return
        if not board.missing:
            self.missing_label.setText(self.tr("Everything is filled in for this period."))
            return
        lines = []
        for number, item in enumerate(self.missing_items[:MAX_MISSING_SHOWN]):
            lines.append(f'• <a href="{number}">{escape(self.describe(item))}</a>')
        hidden = len(self.missing_items) - MAX_MISSING_SHOWN
        if hidden > 0:
            lines.append(escape(self.tr("… and %1 more").replace("%1", str(hidden))))
        self.missing_label.setText("<br>".join(lines))

    def describe(self, item: MissingItem) -> str:
        """One missing item in words."""
        if item.kind == "days":
            shown = ", ".join(day.strftime("%d.%m") for day in item.days[:5])
            if len(item.days) > 5:
                shown += ", …"
            return (
                self.tr("%1: %2 day(s) without data (%3)")
                .replace("%1", item.store or "")
                .replace("%2", str(len(item.days)))
                .replace("%3", shown)
            )
        if item.kind == "fact":
            indicator = self.context.service.company().indicator(item.indicator or "")
            name = indicator.name if indicator is not None else (item.indicator or "")
            return (
                self.tr("%1: no fact for “%2”")
                .replace("%1", item.employee or "")
                .replace("%2", name)
            )
        if item.reason == ("matrix",):
            return self.tr("%1: no KPI matrix").replace("%1", item.employee or "")
        return (
            self.tr("%1: incomplete matrix (%2)")
            .replace("%1", item.employee or "")
            .replace("%2", ", ".join(item.reason) or "?")
        )

    # --- drill-down -----------------------------------------------------------------------
    def _missing_link(self, link: str) -> None:
        try:
            number = int(link)
        except ValueError:
            return
        self.open_missing(number)

    def open_missing(self, number: int) -> bool:
        """Open the place that fixes missing item ``number``."""
        if not 0 <= number < len(self.missing_items):
            return False
        item = self.missing_items[number]
        return self._show(item.section, item.target)

    def _open_store(self, index: QModelIndex) -> None:
        store = self.stores_model.payload(index.row())
        if isinstance(store, str):
            self._show("month_grid", {"store": store})

    def _open_employee(self, model: RowsModel, index: QModelIndex) -> None:
        name = model.payload(index.row())
        if isinstance(name, str):
            self._show("matrix", {"employee": name})

    def _show(self, key: str, target: dict[str, object]) -> bool:
        show = getattr(self.window(), "show_section", None)
        if show is not None and show(key, **target):
            return True
        status_message(self, self.tr("That section is not available yet."))
        return False


def _kpi_color(value: Decimal | None) -> str | None:
    if value is None:
        return None
    return "#1b5e20" if value >= 1 else "#b00020"


def _percent_color(value: Decimal | None) -> str | None:
    if value is None:
        return None
    return "#1b5e20" if value >= HUNDRED else "#b00020"


def _percent_qcolor(value: Decimal | None) -> QColor | None:
    if value is None:
        return None
    return GOOD if value >= HUNDRED else BAD
