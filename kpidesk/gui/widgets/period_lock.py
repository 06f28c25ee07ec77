"""Closing a period from the window (SPEC §2.2): ``PeriodLockBar`` — the period's state with
"Lock period" and "Reopen…" (a reason asked with ``QInputDialog``, logged by the service) —
and ``LockedNote``, the visible "period locked" line every input screen shows while its
data is read-only. :func:`ask_and_lock` and :func:`ask_and_reopen` are the two questions,
shared with the pay list's steps in the Bonus sheets section.

The actions follow the logged-in user's rights (SPEC §8.1): Lock only for a role that may
lock, and once logins are on only after the owner approved the pay list; Reopen only for
the owner. Absent when the role has no right, disabled when it is not the time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
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
from kpidesk.core.rights import Right
from kpidesk.core.signoff import PaylistStep
from kpidesk.gui.context import AppContext
from kpidesk.reports.problem_text import error_text
from kpidesk.services import periods
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError
from kpidesk.services.signoff import paylist_state


def incomplete_text(context: AppContext, period: Period) -> str:
    """The employees whose matrices are incomplete in ``period`` as lines for a question
    ("" when every matrix is complete)."""
    incomplete = periods.incomplete_before_lock(context.service, period)
    if not incomplete:
        return ""
    shown = "\n".join(f"• {name}" for name in incomplete[:15])
    if len(incomplete) > 15:
        shown += "\n…"
    head = QCoreApplication.translate(
        "PeriodLockBar", "%1 matrices are incomplete (their bonus is not computed):"
    ).replace("%1", str(len(incomplete)))
    return head + "\n" + shown


def may_lock_now(context: AppContext, period: Period) -> bool:
    """Whether locking ``period`` is the next step: not locked, and — once the company has
    users — its pay list approved."""
    service = context.service
    if service.is_locked(period):
        return False
    if not service.logins_on():
        return True
    return paylist_state(service, period).step is PaylistStep.APPROVED


def ask_and_lock(parent: QWidget, context: AppContext, initiator: object) -> bool:
    """Ask, then lock ``context.period``. Returns whether it was locked."""
    translate = QCoreApplication.translate
    title = translate("PeriodLockBar", "Lock period")
    period = context.period
    question = translate(
        "PeriodLockBar",
        "Lock period %1? Its daily data, facts and matrices become read-only until "
        "the owner reopens it. A backup is made first.",
    ).replace("%1", period.code)
    incomplete = incomplete_text(context, period)
    if incomplete:
        question += "\n\n" + incomplete
    answer = QMessageBox.question(parent, title, question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        service = context.service
        context.run(lambda: periods.lock_period(service, period), initiator=initiator)
    except UserError as error:
        QMessageBox.warning(parent, title, error_text(error))
        return False
    return True


def ask_and_reopen(parent: QWidget, context: AppContext, initiator: object) -> bool:
    """Ask for a reason, then reopen ``context.period``. Returns whether it was reopened."""
    translate = QCoreApplication.translate
    title = translate("PeriodLockBar", "Reopen period")
    period = context.period
    reason, ok = QInputDialog.getText(
        parent,
        title,
        translate("PeriodLockBar", "Why is period %1 reopened? (logged)").replace(
            "%1", period.code
        ),
        QLineEdit.EchoMode.Normal,
        "",
    )
    if not ok:
        return False
    if not reason.strip():
        QMessageBox.warning(
            parent, title, translate("PeriodLockBar", "A reason is required to reopen.")
        )
        return False
    try:
        service = context.service
        context.run(lambda: periods.reopen_period(service, period, reason), initiator=initiator)
    except UserError as error:
        QMessageBox.warning(parent, title, error_text(error))
        return False
    return True


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
        """Show whether the period is locked and offer the action the role may take now."""
        period = self.context.period
        service = self.context.service
        actor = service.actor
        locked = service.is_locked(period)
        text = self.tr("Period %1: locked") if locked else self.tr("Period %1: open")
        self.state_label.setText(text.replace("%1", period.code))
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.lock_button.setVisible(actor.may(Right.LOCK_PERIOD))
        self.reopen_button.setVisible(actor.may(Right.REOPEN_PERIOD))
        may_lock = may_lock_now(self.context, period)
        self.lock_button.setEnabled(may_lock)
        approval = not locked and not may_lock
        self.lock_button.setToolTip(
            self.tr("The owner approves the pay list first (Bonus sheets).")
            if approval
            else self.tr("After bonuses are paid: make every input of the period read-only.")
        )
        self.reopen_button.setEnabled(locked)

    def _on_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.LOCK, ChangeKind.COMPANY, ChangeKind.PAYLIST) or (
            self.context.service.logins_on() and change.touches(self.context.period)
        ):
            self.refresh()

    def lock(self) -> bool:
        """Ask, then lock the period. Returns whether it was locked."""
        if not self.lock_button.isEnabled():
            return False
        return ask_and_lock(self, self.context, self)

    def reopen(self) -> bool:
        """Ask for a reason, then reopen the period. Returns whether it was reopened."""
        return ask_and_reopen(self, self.context, self)
