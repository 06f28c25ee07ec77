"""The Directories section's payout schedules (SPEC §4.9): the table of schedules and the
table of the chosen schedule's steps (KPI from → coefficient), each change written through
``services.directories``.

Must not: write SQL or decide what is valid (``core`` and ``services.directories`` do).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from kpidesk.core.company import Company
from kpidesk.core.money import HUNDRED, format_number, parse_number
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.gui.directories.model import AnyIndex, Column, DirectoryModel
from kpidesk.gui.widgets.numbers import edit_text
from kpidesk.reports.problem_text import error_text
from kpidesk.services import directories
from kpidesk.services.changes import Change
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError

DEFAULT_STEPS = tuple(
    PayoutStep(Decimal(t), Decimal(c))
    for t, c in (("0.8", "0.5"), ("0.9", "0.8"), ("1", "1"), ("1.2", "1.2"))
)


class SchedulesModel(DirectoryModel):
    """Payout schedules: the company's first (the default one when none is stored), then
    each position's."""

    def __init__(self, service: CompanyService, lang: str = "ru") -> None:
        super().__init__(service, lang)
        self.columns = (
            Column(
                "position", QCoreApplication.translate("DirectoryModel", "Applies to"), "choice"
            ),
            Column("kind", QCoreApplication.translate("DirectoryModel", "Kind"), "choice"),
            Column("threshold", QCoreApplication.translate("DirectoryModel", "Threshold"), "ratio"),
            Column(
                "cap", QCoreApplication.translate("DirectoryModel", "Cap"), "ratio", optional=True
            ),
            Column(
                "per_indicator",
                QCoreApplication.translate("DirectoryModel", "Per indicator"),
                "check",
            ),
        )

    def all_items(self, company: Company) -> list[Any]:
        stored = list(company.schedules)
        if not any(s.position is None for s in stored):
            stored.insert(0, PayoutSchedule())
        return sorted(stored, key=lambda s: (s.position is not None, s.position or ""))

    def value(self, item: Any, key: str) -> Any:
        if key == "kind":
            return item.kind.value
        return getattr(item, key)

    def with_value(self, item: Any, key: str, value: Any) -> Any:
        if key == "kind":
            kind = PayoutKind(str(value))
            steps = item.steps or (DEFAULT_STEPS if kind is PayoutKind.STEPS else ())
            return replace(item, kind=kind, steps=steps)
        return replace(item, **{key: value})

    def choices(self, key: str) -> list[tuple[str, Any]]:
        if key == "kind":
            return [
                (
                    QCoreApplication.translate("DirectoryModel", "linear (threshold, cap)"),
                    PayoutKind.LINEAR.value,
                ),
                (QCoreApplication.translate("DirectoryModel", "steps"), PayoutKind.STEPS.value),
            ]
        if key == "position":
            positions = self.service.company().positions
            return [(QCoreApplication.translate("DirectoryModel", "Company (everyone)"), None)] + [
                (p.name, p.name) for p in positions if not p.archived
            ]
        return []

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key == "position":
            return flags & ~Qt.ItemFlag.ItemIsEditable
        return flags

    def write(self, old: Any | None, new: Any) -> Change:
        return directories.save_schedule(self.service, new)

    def display_name(self, item: Any) -> str:
        return item.position or QCoreApplication.translate("DirectoryModel", "Company (everyone)")

    def is_archived(self, item: Any) -> bool:
        return False

    def schedule(self, row: int) -> PayoutSchedule | None:
        """The schedule shown in ``row``."""
        return self.items[row] if 0 <= row < len(self.items) else None

    def replace_schedule(self, row: int, schedule: PayoutSchedule) -> str | None:
        """Save a changed schedule (e.g. its steps); the reason when refused."""
        try:
            change = self.write(self.items[row], schedule)
        except UserError as error:
            return error_text(error, self.lang)
        self.items[row] = replace(schedule, steps=tuple(sorted(schedule.steps)))
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.saved.emit(change)
        return None


class StepsModel(QAbstractTableModel):
    """The steps of one payout schedule: threshold (a KPI, typed as ``90%``) → coefficient.
    Each edit saves the whole schedule through :class:`SchedulesModel`."""

    def __init__(self, schedules: SchedulesModel) -> None:
        super().__init__()
        self.schedules = schedules
        self.row = -1
        self.steps: list[PayoutStep] = []
        self.last_error: str | None = None

    def show(self, row: int) -> None:
        """Show the steps of the schedule in ``row`` of the schedules table."""
        self.beginResetModel()
        self.row = row
        schedule = self.schedules.schedule(row)
        self.steps = list(schedule.steps) if schedule is not None else []
        self.endResetModel()

    def _save(self, steps: list[PayoutStep]) -> str | None:
        schedule = self.schedules.schedule(self.row)
        if schedule is None:
            return QCoreApplication.translate("DirectoryModel", "Choose a schedule first.")
        refusal = self.schedules.replace_schedule(self.row, replace(schedule, steps=tuple(steps)))
        if refusal is None:
            self.show(self.row)
        return refusal

    def add_step(self) -> str | None:
        """Add a step 10 % above the last one."""
        last = self.steps[-1] if self.steps else PayoutStep(Decimal("0.7"), Decimal(0))
        step = PayoutStep(last.threshold + Decimal("0.1"), last.coefficient)
        return self._save([*self.steps, step])

    def remove_step(self, row: int) -> str | None:
        """Remove a step."""
        if not 0 <= row < len(self.steps):
            return None
        return self._save([s for i, s in enumerate(self.steps) if i != row])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (
                QCoreApplication.translate("DirectoryModel", "From KPI"),
                QCoreApplication.translate("DirectoryModel", "Coefficient"),
            )[section]
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self.steps)):
            return None
        step = self.steps[index.row()]
        lang = self.schedules.lang
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return format_number(step.threshold * HUNDRED, None, lang=lang) + "%"
            return format_number(step.coefficient, None, lang=lang)
        if role == Qt.ItemDataRole.EditRole:
            if index.column() == 0:
                return format_number(step.threshold * HUNDRED, None, lang=lang) + "%"
            return edit_text(step.coefficient, lang)
        if role == Qt.ItemDataRole.UserRole:
            return step.threshold if index.column() == 0 else step.coefficient
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = "" if value is None else str(value).strip()
        try:
            number = parse_number(text.rstrip("%"))
        except ValueError:
            self.last_error = QCoreApplication.translate(
                "DirectoryModel", "'%1' is not a number."
            ).replace("%1", text)
            return False
        step = self.steps[index.row()]
        if index.column() == 0:
            threshold = number / HUNDRED if text.endswith("%") or number > 5 else number
            step = PayoutStep(threshold, step.coefficient)
        else:
            step = PayoutStep(step.threshold, number)
        steps = list(self.steps)
        steps[index.row()] = step
        refusal = self._save(steps)
        if refusal is not None:
            self.last_error = refusal
            return False
        return True
