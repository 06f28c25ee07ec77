"""``StoreChooser``: the "Store:" label and combo box of the sections that show one store at a
time (daily entry, month grid). It lists the company's stores that are not archived and
whose data the logged-in user may see (a store manager: their own), keeps the chosen store
when it fills again, and follows the window's store filter
(``context.storeChanged``) and another company being opened (``context.companyOpened``).

Must not: load or show anything of the chosen store; the section does that on
:attr:`StoreChooser.storeChosen` and :attr:`StoreChooser.storesRefilled`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from kpidesk.gui.context import AppContext
from kpidesk.gui.rights import visible_stores


def store_names(context: AppContext) -> list[str]:
    """The stores shown (not archived, and the logged-in user's to see), in directory
    order."""
    names = [s.name for s in context.service.company().stores if not s.archived]
    return visible_stores(context.service.actor, names)


class StoreChooser(QWidget):
    """A label and a combo box of the stores; the store's name is each item's data.

    Signals:
        storeChosen(object): another store was chosen (its name, or ``None``); not emitted
            while the list fills again.
        storesRefilled(): the list was filled again (the chosen store kept if it is still
            there, else the filter's store, else the first).
    """

    storeChosen = Signal(object)
    storesRefilled = Signal()

    def __init__(self, context: AppContext, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Store:"), self))
        self.combo = QComboBox(self)
        self.combo.setObjectName(object_name)
        self.combo.setMinimumWidth(180)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(lambda _index: self.storeChosen.emit(self.store))
        context.storeChanged.connect(self._on_store_filter)
        context.companyOpened.connect(self.refill)

    @property
    def store(self) -> str | None:
        """The chosen store."""
        data = self.combo.currentData()
        return data if isinstance(data, str) else None

    def refill(self) -> None:
        """List the stores again (after a directory change or another company opened)."""
        current = self.store or self.context.store
        self.combo.blockSignals(True)
        self.combo.clear()
        for name in store_names(self.context):
            self.combo.addItem(name, name)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self.combo.blockSignals(False)
        self.storesRefilled.emit()

    def choose(self, store: str) -> bool:
        """Choose ``store``. Returns whether it is in the list."""
        index = self.combo.findData(store)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        return True

    def _on_store_filter(self, store: object) -> None:
        if isinstance(store, str):
            self.choose(store)
