"""The setup checklist widget (SPEC §4: "an empty company opens on a setup checklist"):
seven numbered steps — store, positions, employees, indicators, matrix, payout, first
facts — each ticked (✓) or open (○), with a line that says what to do or how far it is,
and a link that opens the place that does it.

The state comes from ``services.setup_checklist``; this widget only shows it and asks its
owner (the dashboard) to open a place through :attr:`SetupChecklistView.openRequested`.

Kept in the dashboard's package (not a ``gui/setup/`` of its own): the dashboard is the
one section that shows it, and a section imports no other section's package.

Must not: decide whether a step is done, or reach the main window itself.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kpidesk.reports.period_words import period_in_words
from kpidesk.services.setup_checklist import SetupChecklist, SetupStep

GREEN, GREY, ACCENT = "#1b5e20", "#9e9e9e", "#0d47a1"


class SetupChecklistView(QFrame):
    """The steps of :class:`SetupChecklist`, each a link."""

    openRequested = Signal(str, dict)  # section key, drill-down target

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup_checklist")
        self.checklist: SetupChecklist | None = None
        self.setStyleSheet(
            "#setup_checklist { background: #fafafa; border: 1px solid #d0d0d0;"
            " border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        self.heading = QLabel(self)
        self.heading.setObjectName("setup_heading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #555;")
        layout.addWidget(self.intro)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("setup_progress")
        self.progress.setRange(0, 7)
        self.progress.setTextVisible(True)
        self.progress.setMaximumWidth(420)
        layout.addWidget(self.progress)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(10)
        self.grid.setColumnStretch(2, 1)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.marks: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        self.details: dict[str, QLabel] = {}
        self.links: dict[str, QLabel] = {}

    # --- texts ----------------------------------------------------------------------------
    def step_title(self, key: str) -> str:
        """A step's name."""
        return {
            "store": self.tr("Add your store"),
            "positions": self.tr("Add the positions"),
            "employees": self.tr("Add the employees"),
            "indicators": self.tr("Choose the indicators"),
            "matrix": self.tr("Build the KPI matrices"),
            "payout": self.tr("Set the payout"),
            "facts": self.tr("Enter the first facts"),
        }[key]

    def step_detail(self, step: SetupStep) -> str:
        """What the step means, or how far it is."""
        count, total = str(step.count), str(step.total or 0)
        if step.key == "store":
            if step.done:
                return self.tr("Stores: %1.").replace("%1", count)
            return self.tr("A shop or branch: its daily revenue, receipts and visitors.")
        if step.key == "positions":
            if step.done:
                return self.tr("Positions: %1.").replace("%1", count)
            return self.tr("Seller, cashier, store manager… A matrix is made per position.")
        if step.key == "employees":
            if step.done:
                return self.tr("Employees working in the period: %1.").replace("%1", count)
            return self.tr("Each with a position, store, fixed pay and target bonus.")
        if step.key == "indicators":
            if step.done:
                return self.tr("Indicators: %1.").replace("%1", count)
            return self.tr(
                "What is measured: revenue, conversion, average check… "
                "or pick a ready KPI template in the matrix."
            )
        if step.key == "matrix":
            if step.total:
                return (
                    self.tr("%1 of %2 employees have a matrix in force.")
                    .replace("%1", count)
                    .replace("%2", total)
                )
            return self.tr("Weights, base, norm and target per indicator, for each position.")
        if step.key == "payout":
            if step.done:
                return self.tr("Payout schedule saved; every employee has a target bonus.")
            if step.target.get("tab") == "employees":
                return (
                    self.tr("%1 of %2 employees have a target bonus.")
                    .replace("%1", count)
                    .replace("%2", total)
                )
            return self.tr("From which KPI the bonus is paid and up to what cap: save it once.")
        if step.total:
            return (
                self.tr("Complete KPI and bonus: %1 of %2 employees.")
                .replace("%1", count)
                .replace("%2", total)
            )
        return self.tr("Daily store data and the facts typed in: then the bonus is computed.")

    def link_text(self, step: SetupStep) -> str:
        """The link's words."""
        if step.done:
            return self.tr("Go there")
        return {
            "store": self.tr("Add a store…"),
            "positions": self.tr("Add positions…"),
            "employees": self.tr("Add employees…"),
            "indicators": self.tr("Add indicators…"),
            "matrix": self.tr("Open the matrix editor…"),
            "payout": self.tr("Open the payout…"),
            "facts": self.tr("Enter facts…"),
        }[step.key]

    # --- showing --------------------------------------------------------------------------
    def show_checklist(self, checklist: SetupChecklist) -> None:
        """Show the steps of ``checklist``."""
        self.checklist = checklist
        self.heading.setText(
            self.tr("Set up the company: %1 of 7 steps done").replace(
                "%1", str(checklist.done_count)
            )
        )
        self.intro.setText(
            self.tr(
                "Follow the steps in order; each link opens the place where it is done, and "
                "a step ticks itself off as soon as the data is there. Period %1."
            ).replace("%1", period_in_words(checklist.period))
        )
        self.progress.setValue(checklist.done_count)
        self.progress.setFormat(self.tr("%v of %m"))
        following = checklist.next_step
        for number, step in enumerate(checklist.steps):
            self._show_step(number, step, step is following)

    def _show_step(self, number: int, step: SetupStep, is_next: bool) -> None:
        key = step.key
        if key not in self.marks:
            mark, title, detail, link = (QLabel(self) for _ in range(4))
            mark.setObjectName(f"setup_mark_{key}")
            title.setObjectName(f"setup_title_{key}")
            detail.setObjectName(f"setup_detail_{key}")
            link.setObjectName(f"setup_link_{key}")
            detail.setWordWrap(True)
            link.setTextFormat(Qt.TextFormat.RichText)
            link.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            link.linkActivated.connect(lambda _link, k=key: self.open_step(k))
            for column, widget in enumerate((mark, title, detail, link)):
                self.grid.addWidget(widget, number, column)
            self.marks[key], self.titles[key], self.details[key] = mark, title, detail
            self.links[key] = link
        color = GREEN if step.done else (ACCENT if is_next else GREY)
        self.marks[key].setText(
            f'<span style="font-size: 16pt; color: {color};">{"✓" if step.done else "○"}</span>'
        )
        weight = "bold" if is_next else "normal"
        self.titles[key].setText(
            f'<span style="font-weight: {weight};">{number + 1}. '
            f"{escape(self.step_title(key))}</span>"
        )
        self.details[key].setText(escape(self.step_detail(step)))
        self.details[key].setStyleSheet(f"color: {'#555' if step.done else '#222'};")
        self.links[key].setText(f'<a href="{key}">{escape(self.link_text(step))}</a>')

    def open_step(self, key: str) -> None:
        """Ask to open the place of step ``key``."""
        if self.checklist is None:
            return
        step = self.checklist.step(key)
        self.openRequested.emit(step.section, dict(step.target))
