"""Structured validation problems: what, where, which value, why (SPEC §2, §6, §8).

Validation never raises; it returns ``Problem`` records. A GUI translates ``code`` and puts
the ``params`` in; the CLI prints :func:`describe`. An ``ERROR`` refuses the change, a
``WARNING`` is shown and the change may go ahead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(Enum):
    """Whether a problem refuses the change."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """Where a problem is. File fields (sheet, row, column) for imports; entity fields
    (e.g. ``entity="matrix"``, ``key="Продавец 2026-10"``, ``field="weight"``) otherwise."""

    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    entity: str | None = None
    key: str | None = None
    field: str | None = None

    def describe(self) -> str:
        """``sheet 'Матрица', row 7, column 'Вес'`` or ``matrix 'Продавец', field 'weight'``."""
        parts = []
        if self.sheet is not None:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        if self.entity is not None:
            parts.append(f"{self.entity} '{self.key}'" if self.key else self.entity)
        if self.field is not None:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One problem found by validation.

    Attributes:
        code: stable machine key, e.g. ``"weights_sum"``, ``"base_equals_norm"``.
        message: a full English sentence with the values in, for logs and the CLI.
        where: where it is.
        value: the offending value as text, if any.
        severity: error (refuses) or warning (allows).
        params: the values a translator substitutes into the translated message.
    """

    code: str
    message: str
    where: Location = field(default_factory=Location)
    value: str | None = None
    severity: Severity = Severity.ERROR
    params: tuple[tuple[str, str], ...] = ()

    @property
    def is_error(self) -> bool:
        """Whether the problem refuses the change."""
        return self.severity is Severity.ERROR

    def describe(self) -> str:
        """One line: ``error: sheet 'Daily', row 5, column 'Receipts': value '-3': …``."""
        where = self.where.describe()
        value = f"value '{self.value}': " if self.value is not None else ""
        head = f"{self.severity.value}: {where}: " if where else f"{self.severity.value}: "
        return f"{head}{value}{self.message}"


def has_errors(problems: list[Problem] | tuple[Problem, ...]) -> bool:
    """Whether any problem refuses the change."""
    return any(problem.is_error for problem in problems)
