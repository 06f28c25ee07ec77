"""The KPI matrix editor's rows as they are typed: the grid's columns, :class:`EditRow` (a
row where anything may still be missing), :class:`MatrixTarget` (whose matrix is shown),
typed text turned into a row's values — or refused with the reason in the user's language
(:class:`RefusedError`) — and the problems of the rows as they stand, placed on their cells.

Must not: hold Qt model state or undo (``matrix_model`` does), or compute an index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from kpidesk.core.indicators import Indicator
from kpidesk.core.matrix import MatrixRow
from kpidesk.core.money import HUNDRED, format_number, parse_number
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem
from kpidesk.reports.problem_text import problem_text

INDICATOR, WEIGHT, BASE, NORM, TARGET, FACT, INDEX, WEIGHTED, NEED = range(9)
MATRIX_COLUMNS = (INDICATOR, WEIGHT, BASE, NORM, TARGET)
COMPUTED_COLUMNS = (INDEX, WEIGHTED, NEED)
FIELDS = {INDICATOR: "indicator", WEIGHT: "weight", BASE: "base", NORM: "norm", TARGET: "target"}
COLUMN_OF_FIELD = {name: column for column, name in FIELDS.items()}


@dataclass(frozen=True)
class EditRow:
    """A matrix row as typed: anything may still be missing (``""``/``None``)."""

    indicator: str = ""
    weight: Decimal | None = None
    base: Decimal | None = None
    norm: Decimal | None = None
    target: Decimal | None = None

    @classmethod
    def of(cls, row: MatrixRow) -> EditRow:
        """The editable form of a stored row."""
        return cls(row.indicator, row.weight, row.base, row.norm, row.target)

    @property
    def complete(self) -> bool:
        """Whether it can become a :class:`MatrixRow` (indicator and norm given)."""
        return bool(self.indicator) and self.norm is not None

    def matrix_row(self) -> MatrixRow:
        """The row for the calculation (an empty weight counts as 0)."""
        assert self.norm is not None
        return MatrixRow(
            self.indicator, self.weight or Decimal(0), self.base, self.norm, self.target
        )


@dataclass(frozen=True)
class MatrixTarget:
    """What the editor shows: the period, the matrix's owner (a position's template or an
    employee's override) and whose facts and results are shown (``live``)."""

    period: Period
    position: str | None = None
    employee: str | None = None
    live: str | None = None


class RefusedError(ValueError):
    """A typed value refused, with the reason already in the user's language."""


def parse_weight(text: str) -> Decimal | None:
    """A weight typed as ``30%``, ``0,3`` or ``30`` (a number above 1 is read as percent)."""
    cleaned = text.strip()
    if not cleaned:
        return None
    percent = cleaned.endswith("%")
    value = parse_number(cleaned.rstrip("%"))
    if percent or abs(value) > 1:
        value = value / HUNDRED
    return value


def weight_text(weight: Decimal, lang: str = "ru") -> str:
    """``0.3`` → ``30%``."""
    return format_number(weight * HUNDRED, None, lang=lang) + "%"


def indicator_name(code: str, indicators: Mapping[str, Indicator]) -> str:
    """The indicator's name, or the code itself when it is unknown."""
    indicator = indicators.get(code)
    return indicator.name if indicator is not None else code


def resolve_indicator(text: str, indicators: Mapping[str, Indicator], lang: str) -> str:
    """The code of the indicator typed as its code, its name or ``name (code)``."""
    cleaned = text.strip()
    if not cleaned:
        return ""
    if cleaned in indicators:
        return cleaned
    lowered = cleaned.casefold()
    for code, indicator in indicators.items():
        if lowered in (code.casefold(), indicator.name.casefold()):
            return code
        if lowered == f"{indicator.name} ({code})".casefold():
            return code
    raise RefusedError(
        problem_text(
            Problem(
                "unknown_indicator",
                f"Unknown indicator '{cleaned}'.",
                params=(("indicator", cleaned),),
            ),
            lang,
        )
    )


def parse_amount(text: str, lang: str) -> Decimal | None:
    """A typed number (``None`` when empty); refuses anything else."""
    if not text.strip():
        return None
    try:
        return parse_number(text)
    except ValueError:
        raise RefusedError(_not_a_number(text, lang)) from None


def parsed_row(
    row: EditRow, column: int, text: str, indicators: Mapping[str, Indicator], lang: str
) -> EditRow:
    """``row`` with one matrix cell set from typed text; refuses bad values."""
    if column == INDICATOR:
        return replace(row, indicator=resolve_indicator(text, indicators, lang))
    if column == WEIGHT:
        try:
            weight = parse_weight(text)
        except ValueError:
            raise RefusedError(_not_a_number(text, lang)) from None
        if weight is not None and weight < 0:
            code = "negative_weight"
        elif weight is not None and weight > 1:
            code = "weight_too_large"
        else:
            return replace(row, weight=weight)
        raise RefusedError(
            problem_text(
                Problem(
                    code,
                    code,
                    value=str(weight),
                    params=(("indicator", row.indicator),),
                ),
                lang,
            )
        )
    value = parse_amount(text, lang)
    if column == BASE:
        return replace(row, base=value)
    if column == NORM:
        return replace(row, norm=value)
    return replace(row, target=value)


def check_duplicates(
    rows: Sequence[EditRow], indicators: Mapping[str, Indicator], lang: str
) -> None:
    """Refuse rows in which an indicator appears twice."""
    seen: set[str] = set()
    for row in rows:
        if row.indicator and row.indicator in seen:
            raise RefusedError(
                problem_text(
                    Problem(
                        "duplicate_row",
                        "duplicate",
                        params=(("indicator", indicator_name(row.indicator, indicators)),),
                    ),
                    lang,
                )
            )
        seen.add(row.indicator)


def rows_problems(
    rows: Sequence[EditRow], validated: Sequence[Problem]
) -> tuple[list[Problem], dict[tuple[int, int], list[Problem]]]:
    """Every problem of the typed rows and the cells they belong to: rows still incomplete
    (no indicator, no norm), then ``validated``, the core's problems of the complete rows
    (whose row numbers count complete rows only)."""
    problems: list[Problem] = []
    cells: dict[tuple[int, int], list[Problem]] = {}
    included = [i for i, row in enumerate(rows) if row.complete]
    for i, row in enumerate(rows):
        if not row.indicator:
            found = _missing("indicator_required", i)
            problems.append(found)
            cells.setdefault((i, INDICATOR), []).append(found)
        elif row.norm is None:
            found = _missing("norm_required", i)
            problems.append(found)
            cells.setdefault((i, NORM), []).append(found)
    for found in validated:
        problems.append(found)
        key = found.where.key if found.where.entity == "matrix row" else None
        column = COLUMN_OF_FIELD.get(found.where.field or "")
        if key is not None and column is not None and key.isdigit():
            at = included[int(key) - 1]
            cells.setdefault((at, column), []).append(found)
    return problems, cells


def _missing(code: str, row: int) -> Problem:
    return Problem(
        code,
        f"Row {row + 1}: {code.replace('_', ' ')}.",
        Location(entity="matrix row", key=str(row + 1)),
        params=(("row", str(row + 1)),),
    )


def _not_a_number(text: str, lang: str) -> str:
    return problem_text(Problem("not_a_number", text, params=(("value", text),)), lang)
