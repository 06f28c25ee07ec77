"""The toolbar's period selector: ◀ 2026-10 ▶ — steps through months or half-months as the
company pays, with the period's dates in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from kpidesk.core.periods import Period, PeriodKind

_RU_MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def period_label(period: Period, lang: str = "ru") -> str:
    """``октябрь 2026`` / ``октябрь 2026, 1–15`` for pay periods; the code otherwise."""
    months = _RU_MONTHS if lang == "ru" else _EN_MONTHS
    month = months[period.start.month - 1]
    if period.kind is PeriodKind.MONTH:
        return f"{month} {period.start.year}"
    if period.kind is PeriodKind.HALF:
        return f"{month} {period.start.year}, {period.start.day}–{period.end.day}"
    return period.code


class PeriodSelector(QWidget):
    """◀ period ▶. Emits ``periodChanged(Period)`` when the user steps."""

    periodChanged = Signal(object)

    def __init__(self, period: Period, lang: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._period = period
        self._lang = lang
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous period (Ctrl+PgUp)"))
        self.previous_button.setShortcut("Ctrl+PgUp")
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(150)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next period (Ctrl+PgDown)"))
        self.next_button.setShortcut("Ctrl+PgDown")
        layout.addWidget(self.previous_button)
        layout.addWidget(self.label)
        layout.addWidget(self.next_button)
        self.previous_button.clicked.connect(lambda: self.set_period(self._period.previous()))
        self.next_button.clicked.connect(lambda: self.set_period(self._period.next()))
        self._show()

    @property
    def period(self) -> Period:
        """The period shown."""
        return self._period

    def set_period(self, period: Period) -> None:
        """Show ``period`` and announce it."""
        if period == self._period:
            return
        self._period = period
        self._show()
        self.periodChanged.emit(period)

    def _show(self) -> None:
        self.label.setText(f"<b>{period_label(self._period, self._lang)}</b>")
        self.label.setToolTip(
            f"{self._period.code}: {self._period.start:%d.%m.%Y} – {self._period.end:%d.%m.%Y}"
        )
