"""What recognising an owner's workbook found (SPEC §6.1): a plain description — sheet →
what it is, each table's column mapping, the rows read, and what was not understood and
why — that the command line prints, the window shows, and :mod:`.content` turns into
interchange content. Also the corrections a user makes to it (``Corrections``).

Must not: compute anything; frozen dataclasses only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path

from kpidesk.core.indicators import IndexMethod
from kpidesk.core.periods import Period
from kpidesk.core.problems import Problem


class SheetKind(Enum):
    """What a sheet was recognised as."""

    MATRIX = "matrix"  # one or more employees' KPI matrices
    DAILY = "daily"  # a daily log of a store (or of several, with a store column)
    UNKNOWN = "unknown"  # not understood; reported and left out
    SKIPPED = "skipped"  # left out by the user


@dataclass(frozen=True)
class HeaderCell:
    """One header cell of a table: its 0-based column, its text and the field it maps to
    (``None``: not used)."""

    column: int
    text: str
    field: str | None


@dataclass(frozen=True)
class Table:
    """A table found by its header row (1-based Excel ``row``); ``signature`` identifies
    the header's shape (its words and their order) for remembered corrections."""

    row: int
    kind: SheetKind
    headers: tuple[HeaderCell, ...]
    signature: str

    def column(self, name: str) -> HeaderCell | None:
        """The header cell mapped to ``name``, if any."""
        return next((cell for cell in self.headers if cell.field == name), None)

    @property
    def mapping(self) -> dict[str, str]:
        """Field → header text, for messages (``ReadResult.headers``)."""
        return {cell.field: cell.text for cell in self.headers if cell.field}


@dataclass(frozen=True)
class MatrixLine:
    """One indicator row of a matrix as the sheet has it (weights as ratios, 0.3)."""

    row: int
    indicator: str
    unit: str
    weight: Decimal
    base: Decimal | None
    norm: Decimal
    target: Decimal | None
    fact: Decimal | None
    sheet_index: Decimal | None  # the sheet's own index, as a ratio (3.0 = 300 %)
    method: IndexMethod
    method_reproduces: bool  # the method gives the sheet's own index (or the sheet has none)


@dataclass(frozen=True)
class MatrixBlock:
    """One employee's matrix on a sheet, with what is written beside it."""

    table: Table
    employee: str | None
    period: Period | None
    lines: tuple[MatrixLine, ...]
    position: str | None = None
    store: str | None = None
    fixed_pay: Decimal | None = None
    target_bonus: Decimal | None = None
    sheet_kpi: Decimal | None = None  # the sheet's own KPI (its "Итого" row), as a ratio
    total_row: int | None = None
    employee_from: str = "cell"  # "cell", "sheet name" or "user"
    period_from: str = "cell"  # "cell", "sheet name", "command line", "user"


@dataclass(frozen=True)
class DayLine:
    """One day of a daily log."""

    row: int
    store: str
    day: date
    revenue: Decimal
    receipts: int
    visitors: int
    units: int = 0


@dataclass(frozen=True)
class DailyLog:
    """A daily log: one store (``store``) or a store column (``store`` None)."""

    table: Table
    store: str | None
    days: tuple[DayLine, ...]
    skipped_rows: tuple[int, ...] = ()  # subtotal and total rows
    store_from: str = "cell"


@dataclass(frozen=True)
class SheetRecognition:
    """One sheet: its kind, its matrices or logs, and its problems (errors refuse the
    import; warnings — e.g. a sheet that is not a KPI table — are reported)."""

    name: str
    kind: SheetKind
    blocks: tuple[MatrixBlock, ...] = ()
    logs: tuple[DailyLog, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table recognised on the sheet, top to bottom."""
        return tuple(b.table for b in self.blocks) + tuple(log.table for log in self.logs)


@dataclass(frozen=True)
class Recognition:
    """The whole workbook."""

    path: Path
    sheets: tuple[SheetRecognition, ...]
    problems: tuple[Problem, ...] = ()  # about the file as a whole

    @property
    def all_problems(self) -> list[Problem]:
        """The file's problems, then each sheet's."""
        return [*self.problems, *(p for sheet in self.sheets for p in sheet.problems)]


@dataclass(frozen=True)
class SheetCorrection:
    """What the user set for one sheet: leave it out, whose it is (employee of a matrix
    sheet, store of a log), its period."""

    skip: bool = False
    subject: str | None = None
    period: Period | None = None


@dataclass(frozen=True)
class Corrections:
    """The user's corrections: per header signature, column → field (``""``: not used);
    per sheet name, a :class:`SheetCorrection`."""

    columns: Mapping[str, Mapping[int, str]] = field(default_factory=dict)
    sheets: Mapping[str, SheetCorrection] = field(default_factory=dict)
