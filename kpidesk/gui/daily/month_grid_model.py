"""``MonthGridModel``: one store's month as a spreadsheet — a row per day (and a totals row),
revenue / receipts / visitors / units / returns editable, conversion / average check / UPT
read-only, the totals computed by the core as ratios of sums.

A day is saved once revenue, receipts and visitors are all typed; until then the row is a
*draft* kept in the model (shown amber, "not saved"), so that a manager can type a new day
cell by cell, Excel-like. Every edit, paste and clear is validated as a whole, written in one
service call (one transaction) and pushed on the undo stack as one command; undo writes the
previous state back the same way (``month_grid_commands``). Every problem of an edit is
listed with its date and column (``month_grid_checks``); the warnings of an edit are
announced after it and withdrawn by its undo; a saved day that looks wrong (conversion over
100 %, 3× off the usual day) is coloured, its tooltip saying why (how cells, colours,
tooltips and headers look: ``month_grid_look``).

Must not: write SQL or compute a metric (``services.daily_entry`` and ``core`` do).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoStack

from kpidesk.core.daily import DailyEntry
from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem
from kpidesk.core.store_metrics import StoreMetrics
from kpidesk.gui.daily.month_grid_checks import block_refusal, check_edit, parse_cell
from kpidesk.gui.daily.month_grid_commands import Values, empty_values, is_complete, is_empty
from kpidesk.gui.daily.month_grid_look import (
    COLUMN_ORDER,
    DayState,
    bold_font,
    cell_text,
    column_titles,
    day_background,
    day_header,
    day_tooltip,
    totals_header,
)
from kpidesk.gui.widgets.numbers import edit_text
from kpidesk.gui.widgets.undo import AppliedEditCommand
from kpidesk.reports.problem_text import error_text
from kpidesk.services import daily_entry
from kpidesk.services.changes import Change
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError

AnyIndex = QModelIndex | QPersistentModelIndex
FIELDS = daily_entry.FIELDS


class MonthGridModel(QAbstractTableModel):
    """Days × measures of one store's month.

    Signals:
        problem(str): an undo/redo could not be written (the reason).
        warned(list): the warnings of the change just applied, each a line naming its date
            and column (an empty list: the warnings shown are no longer true — after an
            undo or redo).
    """

    REVENUE, RECEIPTS, VISITORS, UNITS, RETURNS, CONVERSION, AVG_CHECK, UPT = COLUMN_ORDER
    EDITABLE = (REVENUE, RECEIPTS, VISITORS, UNITS, RETURNS)
    COLUMNS = len(COLUMN_ORDER)

    problem = Signal(str)
    warned = Signal(list)

    def __init__(
        self,
        service: CompanyService | Callable[[], CompanyService],
        undo_stack: QUndoStack,
        *,
        lang: str = "ru",
        today: date | None = None,
        run: Callable[[Callable[[], Change]], Change] | None = None,
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        # a callable follows the window's company when another file is opened
        self._service = service if callable(service) else (lambda: service)
        self.undo_stack = undo_stack
        self.lang = lang
        self.today = today or date.today()
        self._run = run or (lambda write: write())
        self.store: str | None = None
        self.period: Period | None = None
        self._days: list[date] = []
        self._saved: dict[date, DailyEntry] = {}
        self._drafts: dict[date, Values] = {}
        self._locked: frozenset[date] = frozenset()
        # whether the logged-in user may change the store's days (SPEC §8.1; the section
        # sets it for each store it shows)
        self.editable = True
        self._totals = StoreMetrics()
        self._plan: Decimal | None = None
        self._day_metrics: dict[date, StoreMetrics] = {}
        self._warnings: dict[date, tuple[Problem, ...]] = {}
        self.last_error: str | None = None
        locale = "ru_RU" if lang == "ru" else "en_US"
        self._locale = QLocale(locale)

    @property
    def service(self) -> CompanyService:
        """The open company."""
        return self._service()

    # --- loading ------------------------------------------------------------------------
    def load(self, store: str | None, period: Period | None) -> None:
        """Show ``store``'s days of ``period`` (drafts and undo history are dropped)."""
        self.beginResetModel()
        self.store, self.period = store, period
        self._days = list(period.days()) if period is not None and store is not None else []
        self._drafts = {}
        self._read()
        self.endResetModel()
        self.undo_stack.clear()

    def refresh(self) -> None:
        """Re-read the saved days (after a change from anywhere); drafts are kept."""
        if not self._days:
            return
        self._read()
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.COLUMNS - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def _read(self) -> None:
        if self.store is None or self.period is None:
            self._saved, self._locked, self._totals, self._plan = (
                {},
                frozenset(),
                StoreMetrics(),
                None,
            )
            self._day_metrics = {}
            self._warnings = {}
            return
        month = daily_entry.month_days(self.service, self.store, self.period)
        self._saved = month.entries
        self._locked = month.locked_days
        self._totals = month.totals
        self._plan = month.plan
        self._warnings = month.warnings
        self._day_metrics = {day: daily_entry.day_metrics(e) for day, e in self._saved.items()}
        for day in list(self._drafts):
            if day in self._saved:
                del self._drafts[day]

    # --- what the section asks ----------------------------------------------------------
    @property
    def totals(self) -> StoreMetrics:
        """The month's metrics (ratios of sums) of the saved days."""
        return self._totals

    @property
    def plan(self) -> Decimal | None:
        """The store's revenue plan for the shown days."""
        return self._plan

    @property
    def locked(self) -> bool:
        """Whether every shown day is in a locked period."""
        return bool(self._days) and all(day in self._locked for day in self._days)

    @property
    def days(self) -> list[date]:
        """The shown days in row order."""
        return list(self._days)

    @property
    def totals_row(self) -> int:
        """The row of the totals."""
        return len(self._days)

    def row_of(self, day: date) -> int | None:
        """The row of ``day``, if shown."""
        return self._days.index(day) if day in self._days else None

    def values(self, day: date) -> Values:
        """What the row of ``day`` holds: the draft, the saved day, or nothing."""
        if day in self._drafts:
            return dict(self._drafts[day])
        entry = self._saved.get(day)
        return daily_entry.entry_values(entry) if entry is not None else empty_values()

    def is_missing(self, day: date) -> bool:
        """No saved data for a day up to yesterday."""
        return day < self.today and day not in self._saved

    def is_draft(self, day: date) -> bool:
        """Typed but not saved yet (a required value is missing)."""
        return day in self._drafts

    def is_suspicious(self, day: date) -> bool:
        """A saved day that looks wrong (conversion over 100 %, 3× off the usual day)."""
        return day in self._warnings and day not in self._drafts

    def has_drafts(self) -> bool:
        """Whether a day is typed in part and not saved (a required value is missing)."""
        return bool(self._drafts)

    def drop_drafts(self) -> None:
        """Forget the days typed in part (they were never saved)."""
        if self._drafts:
            self._drafts = {}
            self.refresh()

    def missing_count(self) -> int:
        """Days up to yesterday without saved data."""
        return sum(1 for day in self._days if self.is_missing(day))

    # --- the model ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if parent.isValid() or not self._days:
            return 0
        return len(self._days) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def _raw(self, row: int, column: int) -> Decimal | None:
        if row == self.totals_row:
            metrics = self._totals
            if column < len(FIELDS):
                value: Decimal | None = getattr(metrics, FIELDS[column])
                return value
        else:
            day = self._days[row]
            if column < len(FIELDS):
                return self.values(day)[FIELDS[column]]
            metrics = self._day_metrics.get(day, StoreMetrics())
            if day in self._drafts:
                return None
        if column == self.CONVERSION:
            return metrics.conversion
        if column == self.AVG_CHECK:
            return metrics.avg_check
        if column == self.UPT:
            return metrics.upt
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        totals = row == self.totals_row
        day = None if totals else self._days[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(column, self._raw(row, column), self.lang)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(self._raw(row, column), self.lang)
        if role == Qt.ItemDataRole.UserRole:
            return self._raw(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and totals:
            return bold_font()
        if role == Qt.ItemDataRole.ForegroundRole and column not in self.EDITABLE:
            return QBrush(QColor("#455a64"))
        if role == Qt.ItemDataRole.BackgroundRole and day is not None:
            color = day_background(day, self._state(day))
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ToolTipRole and day is not None:
            return day_tooltip(day, self._state(day), self.today, self.lang)
        return None

    def _state(self, day: date) -> DayState:
        """What the row of ``day`` shows (its colour and tooltip: ``month_grid_look``)."""
        warnings = self._warnings[day] if self.is_suspicious(day) else None
        return DayState(day in self._locked, day in self._drafts, self.is_missing(day), warnings)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if role != Qt.ItemDataRole.DisplayRole or not 0 <= section < self.COLUMNS:
                return None
            return column_titles()[section]
        if not 0 <= section < self.rowCount():
            return None
        if section == self.totals_row:
            return totals_header(role)
        return day_header(self._days[section], role, self._locale)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = index.row()
        if (
            self.editable
            and row < len(self._days)
            and index.column() in self.EDITABLE
            and self._days[row] not in self._locked
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- editing ------------------------------------------------------------------------
    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        day, column = self._days[index.row()], index.column()
        try:
            parsed = parse_cell(value, day, column)
        except ValueError as error:
            self.last_error = str(error)
            return False
        state = self.values(day)
        if state[FIELDS[column]] == parsed:
            return True
        state[FIELDS[column]] = parsed
        refusal = self._change({day: state}, self.tr("Edit %1").replace("%1", f"{day:%d.%m}"))
        if refusal:
            self.last_error = refusal
            return False
        return True

    def paste_block(self, row: int, column: int, values: list[list[str]]) -> str | None:
        """Paste a block copied from Excel at (row, column): validated as a whole and applied
        as one undo step. Returns why it was refused, or ``None``."""
        if not values:
            return None
        if not self.editable:
            return self.not_yours()
        too_big = block_refusal(values, len(self._days) - row, len(FIELDS) - column)
        if too_big:
            return too_big
        states: dict[date, Values] = {}
        unreadable: list[str] = []  # every cell that is not a number, not only the first
        for offset, line in enumerate(values):
            day = self._days[row + offset]
            state = self.values(day)
            for shift, text in enumerate(line):
                try:
                    state[FIELDS[column + shift]] = parse_cell(text, day, column + shift)
                except ValueError as error:
                    unreadable.append(str(error))
            states[day] = state
        text = self.tr("Paste %1 days").replace("%1", str(len(values)))
        return self._change(states, text, unreadable)

    def clear_cells(self, indexes: Iterable[AnyIndex]) -> str | None:
        """Clear cells (a whole row clears the day): one undo step. Returns why refused."""
        states: dict[date, Values] = {}
        for index in indexes:
            if not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
                continue
            day = self._days[index.row()]
            state = states.setdefault(day, self.values(day))
            state[FIELDS[index.column()]] = None
        if not states:
            return None
        return self._change(states, self.tr("Clear"))

    # --- applying -----------------------------------------------------------------------
    def not_yours(self) -> str:
        """Why the days cannot change: the role may not change this store's data."""
        return self.tr("Your role may look at the daily data of %1, not change it.").replace(
            "%1", self.store or ""
        )

    def _change(
        self, states: dict[date, Values], text: str, unreadable: Sequence[str] = ()
    ) -> str | None:
        """Check every edited day, then write them as one undo step. Returns every
        refusal, one line each (its date and column named), or ``None`` when written."""
        before = {day: self.values(day) for day in states}
        if before == states and not unreadable:
            return None
        if not self.editable:
            return self.not_yours()
        found = check_edit(
            self.service,
            self.store or "",
            states,
            saved=self._saved,
            locked=self._locked,
            today=self.today,
            lang=self.lang,
        )
        refusals = [*unreadable, *found.refusals]
        if refusals:
            return "\n".join(refusals)
        try:
            self.apply_states(states, raise_errors=True)
        except UserError as error:
            return error_text(error)
        self.undo_stack.push(AppliedEditCommand(self.apply_states, before, dict(states), text))
        if found.warnings:
            self.warned.emit(found.warnings)
        return None

    def apply_states(self, states: Mapping[date, Values], *, raise_errors: bool = False) -> None:
        """Make the rows of these days hold these values: complete days are written (one
        transaction), saved days that are no longer complete are deleted, incomplete ones
        stay drafts. Undo and redo come here too (the warnings shown are withdrawn)."""
        self.warned.emit([])
        upserts: list[DailyEntry] = []
        deletes: list[date] = []
        store = self.store or ""
        for day, state in states.items():
            if is_complete(state):
                checked = daily_entry.check_values(store, day, state)
                if checked.entry is not None and checked.entry != self._saved.get(day):
                    upserts.append(checked.entry)
            elif day in self._saved:
                deletes.append(day)
        if upserts or deletes:
            try:
                self._run(
                    lambda: daily_entry.apply_days(
                        self.service, store, upserts, deletes, today=self.today
                    )
                )
            except UserError as error:
                if raise_errors:
                    raise
                self.problem.emit(error_text(error))
                self.refresh()
                return
        for day, state in states.items():
            if is_complete(state) or is_empty(state):
                self._drafts.pop(day, None)
            else:
                self._drafts[day] = dict(state)
        self.refresh()

    def entries(self) -> Sequence[DailyEntry]:
        """The saved days in row order."""
        return [self._saved[day] for day in self._days if day in self._saved]
