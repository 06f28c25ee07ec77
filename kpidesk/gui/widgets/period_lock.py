"""Closing a period from the window (SPEC §2.2): ``PeriodLockBar`` — the period's state with
"Lock period" and "Reopen…" (a reason asked with ``QInputDialog``, logged by the service) —
and ``LockedNote``, the visible "period locked" line every input screen shows while its
data is read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from kpidesk.core.periods import Period
from kpidesk.gui.context import AppContext
from kpidesk.reports.problem_text import error_text
from kpidesk.services import periods
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError


class LockedNote(QLabel):
    """The "period 2026-10 is locked …" note — hidden while the period is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locked_note")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #fff3e0; color: #7a3e00; border: 1px solid #f0b46c;"
            " border-radius: 3px; padding: 4px 8px; }"
        )
        self.hide()

    def show_lock(self, lock: Period | None) -> None:
        """Show the note for ``lock`` (``None`` hides it)."""
        if lock is None:
            self.hide()
            return
        self.setText(
            self.tr(
                "Period %1 is locked: its data is read-only. The owner can reopen it "
                "(Facts → Reopen…)."
            ).replace("%1", lock.code)
        )
        self.show()


class PeriodLockBar(QWidget):
    """The state of ``context.period`` with the lock and reopen actions."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("period_state")
        self.lock_button = QPushButton(self.tr("Lock period"), self)
        self.lock_button.setObjectName("lock_period")
        self.lock_button.setToolTip(
            self.tr("After bonuses are paid: make every input of the period read-only.")
        )
        self.reopen_button = QPushButton(self.tr("Reopen…"), self)
        self.reopen_button.setObjectName("reopen_period")
        self.reopen_button.setToolTip(self.tr("Unlock the period; the reason is logged."))
        layout.addWidget(self.state_label)
        layout.addWidget(self.lock_button)
        layout.addWidget(self.reopen_button)
        self.lock_button.clicked.connect(self.lock)
        self.reopen_button.clicked.connect(self.reopen)
        context.changed.connect(self._on_changed)
        context.periodChanged.connect(lambda _period: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Show whether the period is locked and enable the matching action."""
        period = self.context.period
        locked = self.context.service.is_locked(period)
        text = self.tr("Period %1: locked") if locked else self.tr("Period %1: open")
        self.state_label.setText(text.replace("%1", period.code))
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.lock_button.setEnabled(not locked)
        self.reopen_button.setEnabled(locked)

    def _on_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.LOCK, ChangeKind.COMPANY):
            self.refresh()

    def lock(self) -> bool:
        """Ask, then lock the period. Returns whether it was locked."""
        period = self.context.period
        question = self.tr(
            "Lock period %1? Its daily data, facts and matrices become read-only until "
            "the owner reopens it. A backup is made first."
        ).replace("%1", period.code)
        incomplete = periods.incomplete_before_lock(self.context.service, period)
        if incomplete:
            shown = "\n".join(f"• {name}" for name in incomplete[:15])
            if len(incomplete) > 15:
                shown += "\n…"
            question += "\n\n" + self.tr(
                "%1 matrices are incomplete (their bonus is not computed):"
            ).replace("%1", str(len(incomplete)))
            question += "\n" + shown
        answer = QMessageBox.question(self, self.tr("Lock period"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            service = self.context.service
            self.context.run(lambda: periods.lock_period(service, period), initiator=self)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Lock period"), error_text(error))
            return False
        return True

    def reopen(self) -> bool:
        """Ask for a reason, then reopen the period. Returns whether it was reopened."""
        period = self.context.period
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Reopen period"),
            self.tr("Why is period %1 reopened? (logged)").replace("%1", period.code),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if not ok:
            return False
        if not reason.strip():
            QMessageBox.warning(
                self, self.tr("Reopen period"), self.tr("A reason is required to reopen.")
            )
            return False
        try:
            service = self.context.service
            self.context.run(lambda: periods.reopen_period(service, period, reason), initiator=self)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Reopen period"), error_text(error))
            return False
        return True
