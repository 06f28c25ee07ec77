"""The daily entry's live panel (SPEC §4.3): the typed day's conversion, average check, UPT
and revenue per visitor, the store's usual day, and the month's revenue plan progress with
the typed revenue counted in.

Must not: compute a figure (``core.store_metrics`` through ``services.daily_entry`` does)
or read the form's fields (the section passes the checked values).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from kpidesk.core.store_metrics import revenue_completion
from kpidesk.gui.widgets.daily_entry_text import count_text, money_text, percent_text, ratio_text
from kpidesk.gui.widgets.period_selector import period_label
from kpidesk.services import daily_entry


class DayFigures(QWidget):
    """The figures of the typed day and the month's revenue plan, beside the form."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._build()

    def _build(self) -> None:
        column = self
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        figures = QGroupBox(self.tr("Figures of the day"), column)
        grid = QGridLayout(figures)
        self.figure_labels: dict[str, QLabel] = {}
        for row, (name, text) in enumerate(
            (
                ("conversion", self.tr("Conversion")),
                ("avg_check", self.tr("Average check")),
                ("upt", self.tr("Units per receipt (UPT)")),
                ("revenue_per_visitor", self.tr("Revenue per visitor")),
            )
        ):
            value = QLabel("—", figures)
            value.setObjectName(f"daily_{name}_value")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet("font-size: 15px; font-weight: bold;")
            grid.addWidget(QLabel(text, figures), row, 0)
            grid.addWidget(value, row, 1)
            self.figure_labels[name] = value
        self.usual_label = QLabel(figures)
        self.usual_label.setObjectName("daily_usual")
        self.usual_label.setWordWrap(True)
        self.usual_label.setStyleSheet("color: #666;")
        grid.addWidget(self.usual_label, 4, 0, 1, 2)
        layout.addWidget(figures)
        plan = QGroupBox(self.tr("Month's revenue plan"), column)
        plan_layout = QVBoxLayout(plan)
        self.plan_title = QLabel(plan)
        self.plan_bar = QProgressBar(plan)
        self.plan_bar.setObjectName("daily_plan")
        self.plan_bar.setRange(0, 1000)
        self.plan_bar.setTextVisible(True)
        self.plan_text = QLabel(plan)
        self.plan_text.setObjectName("daily_plan_text")
        self.plan_text.setWordWrap(True)
        plan_layout.addWidget(self.plan_title)
        plan_layout.addWidget(self.plan_bar)
        plan_layout.addWidget(self.plan_text)
        layout.addWidget(plan)
        layout.addStretch(1)
        hint = QLabel(
            self.tr("Enter moves to the next field; Ctrl+S saves and moves on to the next day."),
            column,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)

    def show_figures(
        self, checked: daily_entry.DayCheck, values: dict[str, Decimal | None]
    ) -> None:
        """The typed day's figures (dashes while nothing is typed) and the usual day."""
        lang = self.lang
        metrics = checked.metrics
        typed = any(value is not None for value in values.values())
        shown = {
            "conversion": percent_text(metrics.conversion, lang),
            "avg_check": money_text(metrics.avg_check, lang),
            "upt": ratio_text(metrics.upt, lang),
            "revenue_per_visitor": money_text(metrics.revenue_per_visitor, lang),
        }
        for name, label in self.figure_labels.items():
            label.setText(shown[name] if typed else "—")
        usual = checked.usual
        if usual is not None:
            self.usual_label.setText(
                self.tr("The store's usual day: %1, %2 receipts, %3 visitors.")
                .replace("%1", money_text(usual.revenue, lang))
                .replace("%2", count_text(usual.receipts, lang))
                .replace("%3", count_text(usual.visitors, lang))
            )
        else:
            self.usual_label.setText(self.tr("Too few days with data for a usual day."))

    def show_plan(self, progress: daily_entry.PlanProgress, revenue: Decimal, day: date) -> None:
        """The month's plan progress with ``revenue`` so far (the typed day included)."""
        lang = self.lang
        self.plan_title.setText(period_label(progress.period, lang))
        if progress.plan is None or progress.plan == 0:
            self.plan_bar.setValue(0)
            self.plan_bar.setFormat(self.tr("no plan"))
            self.plan_text.setText(
                self.tr("No revenue plan for this month; revenue so far: %1.").replace(
                    "%1", money_text(revenue, lang)
                )
            )
            return
        percent = revenue_completion(revenue, progress.plan) or Decimal(0)
        self.plan_bar.setValue(int(min(max(percent * 10, Decimal(0)), Decimal(1000))))
        text = (
            self.tr("%1 of %2, %3")
            .replace("%1", money_text(revenue, lang))
            .replace("%2", money_text(progress.plan, lang))
            .replace("%3", percent_text(percent, lang))
        )
        self.plan_bar.setFormat(text)
        left = progress.plan - revenue
        days_left = (progress.period.end - day).days
        if left > 0:
            note = self.tr("%1 left to the plan, %2 day(s) after this one.")
            note = note.replace("%1", money_text(left, lang)).replace("%2", str(days_left))
        else:
            note = self.tr("The plan is met.")
        self.plan_text.setText(note)
