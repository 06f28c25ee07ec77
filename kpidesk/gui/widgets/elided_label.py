"""Widgets that fit a 1280×800 screen (SPEC §4, issue 14 item 7): a one-line label that
elides its text to the width it is given (the full text in the tooltip when it is cut),
and a combo box that no longer insists on the width of its longest item. Neither widens
the window: their minimum width is a few characters, their preferred width the whole
text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

ELLIPSIS = "…"


class ElidedLabel(QLabel):
    """A plain-text, one-line label cut with "…" to the width it gets. When the text is cut,
    the tooltip shows it in full (unless a tooltip of its own was set)."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        min_chars: int = 6,
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self._min_chars = max(1, min_chars)
        self._own_tooltip = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    # --- text -----------------------------------------------------------------------------
    def setText(self, text: str) -> None:
        self._full = text
        self.updateGeometry()
        self._elide()

    def full_text(self) -> str:
        """The whole text, however much of it is shown."""
        return self._full

    def shown_text(self) -> str:
        """The text as drawn now (cut with "…" when it does not fit)."""
        return super().text()

    def is_elided(self) -> bool:
        """Whether the text is cut at the current width."""
        return super().text() != self._full

    def setToolTip(self, tip: str) -> None:
        self._own_tooltip = tip
        self._refresh_tooltip()

    # --- geometry -------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        width = metrics.horizontalAdvance(self._full) + margins.left() + margins.right()
        width += 2 * self.margin() + 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        shown = self._full[: self._min_chars]
        if len(self._full) > self._min_chars:
            shown += ELLIPSIS
        margins = self.contentsMargins()
        width = metrics.horizontalAdvance(shown) + margins.left() + margins.right()
        width += 2 * self.margin() + 2
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    # --- internals ------------------------------------------------------------------------
    def _elide(self) -> None:
        rect = self.contentsRect()
        available = rect.width() - 2 * self.margin()
        if self._full and available > 0:
            line = self._full.replace("\n", " ")
            shown = self.fontMetrics().elidedText(line, self._mode, available)
        else:
            shown = self._full
        if shown != super().text():
            super().setText(shown)
        self._refresh_tooltip()

    def _refresh_tooltip(self) -> None:
        tip = self._own_tooltip or (self._full if self.is_elided() else "")
        QLabel.setToolTip(self, tip)


def shrink_combo(combo: QComboBox, chars: int = 14) -> QComboBox:
    """Let ``combo`` shrink to about ``chars`` characters instead of insisting on its longest
    item: it still asks for its whole text when there is room, and the drop-down list shows
    every item in full. The current item is in the tooltip (unless one of its own is set)."""
    metrics = combo.fontMetrics()
    combo.setMinimumWidth(metrics.averageCharWidth() * chars + 2 * metrics.height() + 8)
    policy = combo.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
    combo.setSizePolicy(policy)
    view = combo.view()
    if view is not None:
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
    shown = {"tip": combo.toolTip()}

    def follow(_index: int) -> None:
        if combo.toolTip() in ("", shown["tip"]):
            shown["tip"] = combo.currentText()
            combo.setToolTip(shown["tip"])

    combo.currentIndexChanged.connect(follow)
    follow(combo.currentIndex())
    return combo


def more_button(parent: QWidget, buttons: list[QAbstractButton]) -> QToolButton:
    """A "…" button whose menu offers ``buttons`` (secondary actions that would otherwise
    widen a row). The buttons stay as they are (their signals, their enabled state) but are
    hidden; each menu entry clicks its button."""
    more = QToolButton(parent)
    more.setText(ELLIPSIS)
    more.setObjectName("more_button")
    more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(more)
    tips = []
    for button in buttons:
        button.hide()
        action = menu.addAction(button.text())
        action.setToolTip(button.toolTip())
        action.setEnabled(button.isEnabled())
        action.triggered.connect(button.click)
        tips.append(button.text())
    menu.aboutToShow.connect(lambda: _follow_buttons(menu, buttons))
    more.setMenu(menu)
    more.setToolTip(" · ".join(tips))
    return more


def _follow_buttons(menu: QMenu, buttons: list[QAbstractButton]) -> None:
    for action, button in zip(menu.actions(), buttons, strict=True):
        action.setText(button.text())
        action.setEnabled(button.isEnabled())
