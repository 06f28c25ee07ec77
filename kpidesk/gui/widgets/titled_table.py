"""``TitledTableModel``: the base of the read-only table models with a fixed number of columns
under translated titles and rows numbered 1, 2, … down the side (the audit trail, the task
list, the task counts).

Must not: hold rows, format cells or decide flags; a subclass keeps its rows and answers
``rowCount`` and ``data``, and gives its titles with its own ``self.tr`` so that they stay in
its translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


class TitledTableModel(QAbstractTableModel):
    """``COLUMNS`` columns titled by :meth:`column_titles`; rows numbered from 1."""

    COLUMNS = 0
    # The columns' titles, translated with the subclass's own ``self.tr``.
    column_titles: Callable[[], tuple[str, ...]]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not callable(getattr(cls, "column_titles", None)):
            raise TypeError(f"{cls.__name__} must define column_titles()")

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = self.column_titles()
        return titles[section] if 0 <= section < len(titles) else None
