"""Small widgets of the KPI matrix editor: the indicator cell's editor (type a code or a
name, completed inline so that the keyboard alone is enough) and the preview dialog of a
plan from history (what would change and which periods it comes from).

Must not: save anything (the section does, through the service).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.indicators import Indicator
from kpidesk.core.money import format_number
from kpidesk.gui.matrix.rows import EditRow
from kpidesk.gui.widgets.cell_delegates import LineEditDelegate
from kpidesk.services.matrices import HistoryPlan

AnyIndex = QModelIndex | QPersistentModelIndex


class IndicatorDelegate(LineEditDelegate):
    """Edits the indicator cell: a line edit completing codes and names inline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_indicators(self, indicators: tuple[Indicator, ...]) -> None:
        """The indicators offered (archived ones are left out)."""
        words: list[str] = []
        for indicator in indicators:
            if not indicator.archived:
                words += [indicator.code, indicator.name]
        self.words = words

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        completer = QCompleter(self.words, editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        editor.setCompleter(completer)
        return editor


class PlanPreviewDialog(QDialog):
    """Shows a plan from history beside the row's current values; accept to apply."""

    def __init__(
        self,
        indicator: str,
        row: EditRow,
        plan: HistoryPlan,
        values: tuple[Decimal, Decimal, Decimal],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plan_preview")
        self.setWindowTitle(self.tr("Plan from history"))
        self.values = values
        layout = QVBoxLayout(self)

        def number(value: Decimal | None) -> str:
            return "—" if value is None else format_number(value, None, lang=lang)

        suggestion = plan.suggestion
        assert suggestion is not None
        used = ", ".join(period.code for period in plan.periods)
        intro = self.tr(
            "%1: suggested from %2 periods with a fact (%3): base = the weakest result, "
            "norm = the mean, target = the mean improved by 20%."
        )
        self.summary = QLabel(
            intro.replace("%1", indicator)
            .replace("%2", str(suggestion.periods_used))
            .replace("%3", used),
            self,
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(3, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Now"), self.tr("Suggested")])
        self.table.setVerticalHeaderLabels([self.tr("Base"), self.tr("Norm"), self.tr("Target")])
        current = (row.base, row.norm, row.target)
        for line, (before, after) in enumerate(zip(current, values, strict=True)):
            for column, value in enumerate((before, after)):
                item = QTableWidgetItem(number(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(line, column, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        history = "; ".join(
            f"{period.code}: {number(fact)}"
            for period, fact in zip(plan.periods, plan.facts, strict=True)
        )
        self.history = QLabel(self.tr("Facts used: %1").replace("%1", history), self)
        self.history.setWordWrap(True)
        layout.addWidget(self.history)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def short_name(name: str) -> str:
    """``Павлов Денис Олегович`` → ``Павлов Д. О.`` (a name of one word stays)."""
    surname, *rest = name.split()
    return " ".join([surname, *(f"{part[0]}." for part in rest if part)])


def followers_text(names: Sequence[str], nobody: str, shown: int = 4) -> str:
    """``N — Павлов Д. О., Соколова А. И., …`` (at most ``shown`` names; ``nobody`` when
    empty)."""
    if not names:
        return nobody
    listed = ", ".join(short_name(name) for name in names[:shown])
    more = ", …" if len(names) > shown else ""
    return f"{len(names)} — {listed}{more}"
