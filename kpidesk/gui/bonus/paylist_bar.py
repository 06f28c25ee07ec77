"""The pay list's sign-off in the Bonus sheets section (SPEC §8.1): where the period's list
stands — черновик / проверена / утверждена / закрыта, who signed it and when, and whether
the results changed after it was signed — and the next step, offered to the role that may
take it: "Mark checked" (the accountant), "Approve…" (the owner, after the list of
incomplete matrices), "Lock period…" (once approved; the owner or the accountant), "Take
back a step…" (the owner, with a reason; from closed it reopens the period).

A company without users keeps today's road: the period may be locked from any step, and
approving stays on offer.

Must not: decide the order of the steps (``core.signoff`` does, the services refuse what is
out of order) or write anything but through ``AppContext.run``.
"""

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

from kpidesk.core.rights import Right
from kpidesk.core.signoff import PaylistState, PaylistStep
from kpidesk.gui.context import AppContext
from kpidesk.gui.widgets.period_lock import ask_and_lock, incomplete_text, may_lock_now
from kpidesk.gui.widgets.stamps import local_time
from kpidesk.reports.period_words import period_in_words
from kpidesk.reports.problem_text import error_text
from kpidesk.services import signoff
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.errors import UserError

_STEP_COLORS = {
    PaylistStep.DRAFT: "#7a3e00",
    PaylistStep.CHECKED: "#0d47a1",
    PaylistStep.APPROVED: "#1b5e20",
    PaylistStep.CLOSED: "#37474f",
}


class PaylistBar(QWidget):
    """The step of ``context.period``'s pay list and the buttons of the next step."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state: PaylistState | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.step_label = QLabel(self)
        self.step_label.setObjectName("paylist_step")
        self.step_label.setTextFormat(Qt.TextFormat.RichText)
        self.step_label.setWordWrap(True)
        layout.addWidget(self.step_label, 1)
        self.check_button = self._button(self.tr("Mark checked"), "paylist_check", self.check)
        self.approve_button = self._button(self.tr("Approve…"), "paylist_approve", self.approve)
        self.lock_button = self._button(self.tr("Lock period…"), "paylist_lock", self.lock)
        self.back_button = self._button(self.tr("Take back a step…"), "paylist_back", self.back)
        for button in (self.check_button, self.approve_button, self.lock_button, self.back_button):
            layout.addWidget(button)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    # --- showing ----------------------------------------------------------------------
    def step_text(self, step: PaylistStep) -> str:
        """The step as a word."""
        return {
            PaylistStep.DRAFT: self.tr("draft"),
            PaylistStep.CHECKED: self.tr("checked"),
            PaylistStep.APPROVED: self.tr("approved"),
            PaylistStep.CLOSED: self.tr("closed"),
        }[step]

    def refresh(self) -> None:
        """Show the step of the period's pay list and offer the next step to its role."""
        service, period = self.context.service, self.context.period
        try:
            state = signoff.paylist_state(service, period)
        except UserError as error:
            self.state = None
            self.step_label.setText(error_text(error))
            for button in self._buttons():
                button.hide()
            return
        self.state = state
        self.step_label.setText(self._describe(state))
        self._offer(state)

    def _describe(self, state: PaylistState) -> str:
        color = _STEP_COLORS[state.step]
        head = self.tr("Pay list: %1").replace(
            "%1", f'<b style="color:{color}">{self.step_text(state.step)}</b>'
        )
        parts = [head]
        if state.checked_by:
            parts.append(
                self.tr("checked by %1, %2")
                .replace("%1", _escape(state.checked_by))
                .replace("%2", local_time(state.checked_at))
            )
        if state.approved_by:
            parts.append(
                self.tr("approved by %1, %2")
                .replace("%1", _escape(state.approved_by))
                .replace("%2", local_time(state.approved_at))
            )
        text = " · ".join(parts)
        if state.changed:
            changed = self.tr(
                "the results changed after the list was signed: it must be signed again"
            )
            text += f' · <span style="color:#b00020">{changed}</span>'
        return text

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.check_button, self.approve_button, self.lock_button, self.back_button)

    def _offer(self, state: PaylistState) -> None:
        service = self.context.service
        actor = service.actor
        logins = service.logins_on()
        step = state.step
        needs_check = signoff.needs_check(service)
        # without users there is no accountant to check: approving and locking stay
        self.check_button.setVisible(logins and actor.may(Right.CHECK_PAYLIST))
        self.check_button.setEnabled(step is PaylistStep.DRAFT)
        self.approve_button.setVisible(actor.may(Right.APPROVE_PAYLIST))
        approvable = step is PaylistStep.CHECKED or (step is PaylistStep.DRAFT and not needs_check)
        self.approve_button.setEnabled(approvable)
        self.approve_button.setToolTip(
            self.tr("The accountant marks the list checked first.")
            if step is PaylistStep.DRAFT and needs_check
            else ""
        )
        self.lock_button.setVisible(actor.may(Right.LOCK_PERIOD))
        self.lock_button.setEnabled(may_lock_now(self.context, self.context.period))
        self.lock_button.setToolTip(
            self.tr("The owner approves the pay list first.")
            if logins and step in (PaylistStep.DRAFT, PaylistStep.CHECKED)
            else ""
        )
        self.back_button.setVisible(actor.may(Right.REOPEN_PERIOD))
        self.back_button.setEnabled(step is not PaylistStep.DRAFT)
        self.back_button.setText(
            self.tr("Reopen the period…")
            if step is PaylistStep.CLOSED
            else self.tr("Take back a step…")
        )

    def follows(self, change: Change) -> bool:
        """Whether ``change`` can move the shown pay list (its step, or the results it
        signed)."""
        if change.kind in (ChangeKind.PAYLIST, ChangeKind.LOCK, ChangeKind.COMPANY):
            return True
        return change.kind is not ChangeKind.USERS and change.touches(self.context.period)

    # --- the steps --------------------------------------------------------------------
    @staticmethod
    def _offered(button: QPushButton) -> bool:
        return not button.isHidden() and button.isEnabled()

    def _step(self, title: str, write: object) -> bool:
        try:
            self.context.run(write, initiator=self)  # type: ignore[arg-type]
        except UserError as error:
            QMessageBox.warning(self, title, error_text(error))
            return False
        self.refresh()
        return True

    def check(self) -> bool:
        """Mark the period's pay list checked (the accountant). Returns whether it was."""
        if not self._offered(self.check_button):
            return False
        service, period = self.context.service, self.context.period
        return self._step(
            self.tr("Mark checked"), lambda: service.run(signoff.CheckPaylist(period))
        )

    def approve(self) -> bool:
        """Show the incomplete matrices, ask, then approve the pay list (the owner)."""
        if not self._offered(self.approve_button):
            return False
        service, period = self.context.service, self.context.period
        question = self.tr(
            "Approve the pay list of %1? After approval the period can be locked."
        ).replace("%1", period_in_words(period))
        incomplete = incomplete_text(self.context, period)
        question += "\n\n" + (incomplete or self.tr("Every matrix of the period is complete."))
        answer = QMessageBox.question(self, self.tr("Approve the pay list"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._step(
            self.tr("Approve the pay list"), lambda: service.run(signoff.ApprovePaylist(period))
        )

    def lock(self) -> bool:
        """Lock the period once its list is approved. Returns whether it was locked."""
        if not self._offered(self.lock_button):
            return False
        done = ask_and_lock(self, self.context, self)
        self.refresh()
        return done

    def back(self) -> bool:
        """Ask for a reason, then take the pay list one step back (the owner); from
        closed this reopens the period."""
        if not self._offered(self.back_button):
            return False
        service, period = self.context.service, self.context.period
        title = self.back_button.text().rstrip("…")
        reason, ok = QInputDialog.getText(
            self,
            title,
            self.tr("Why is the pay list of %1 taken back? (logged)").replace(
                "%1", period_in_words(period)
            ),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if not ok:
            return False
        if not reason.strip():
            QMessageBox.warning(self, title, self.tr("A reason is required."))
            return False
        return self._step(title, lambda: service.run(signoff.StepBack(period, reason)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")
