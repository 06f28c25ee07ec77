"""Ratings and roll-ups (SPEC §2.9): rank employees, stores or departments by KPI or by an
indicator over any range, with the value of the previous equal range and the change.

Rules, decided once here so that the dashboard, the ratings screen, the charts and the
command line agree:

* **Ranks** are *competition ranking* ("1224"): equal values share the best rank and the
  next rank skips, e.g. values 1.2, 1.1, 1.1, 1.0 get ranks 1, 2, 2, 4. Values compare
  exactly (a KPI is already rounded to 0.001, so KPIs that print alike tie).
* **Direction**: higher is better, except for a *lower-is-better* indicator (its matrix
  rows have the base above the norm: complaints, cost per lead), which ranks lowest first.
* **No data** is ``None``, never 0: a row without a value gets no rank and is listed after
  the ranked rows (in input order).
* **Incomplete matrices** are left out of every KPI figure and counted: an employee's KPI
  over a range is the mean of their *complete* pay-period KPIs; an employee with none is
  excluded from a KPI rating and listed in :attr:`Rating.excluded`.
* **Roll-ups**: a department's (or store's) KPI for a pay period is the mean of its
  employees' complete KPIs; the company KPI is the mean of the departments' KPIs (the
  employees without a department form one more group). Means are ``Decimal`` rounded to
  0.001 ROUND_HALF_UP; each comes with "complete n of m" (complete matrices of all).
* **Ranges**: a KPI exists per pay period. Over a range of several pay periods the KPI is
  the mean of the pay periods' KPIs inside it (each group's KPI per period first, then the
  mean over periods; the counts add up). :func:`pay_periods_in` says which pay periods
  belong to a range. Store metrics over any range are ratios of sums
  (``core.store_metrics``), never means of daily ratios.
* **Change** = printed value − printed previous, in the value's own unit (for a KPI,
  0.052 = +5.2 percentage points), so that it adds up by hand: a KPI is printed with 0.1 %
  (three decimals of the ratio), any other value with two decimals
  (:func:`printed_places`), and both are rounded half up to that before subtracting;
  ``None`` when either is missing.
* **People**: an employee's row carries their position, store and department, so a
  rating can show them and a department's row can drill down to its people.
* **The company entry** (``Rating.overall``): for a KPI rating the company KPI (the mean
  of the departments' KPIs, «Без отдела» one of them), with its complete matrices.

The KPI roll-ups (employee, group and company KPIs, :func:`kpi_rating`) live in
``ratings_kpi``; indicator and store-metric values over a range in ``ratings_values``.

Must not: read storage, format text for a screen, or know about Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from kpidesk.core.matrix import Matrix
from kpidesk.core.money import KPI_STEP, round_to, unsigned_zero
from kpidesk.core.periods import Period, PeriodKind

KPI = "kpi"  # the measure code of a KPI rating
KPI_PLACES = 3  # a KPI ratio is printed with 0.1 %: three decimals
VALUE_PLACES = 2  # every other rated value is printed with two decimals


class Subject(Enum):
    """What a rating ranks."""

    EMPLOYEE = "employee"
    STORE = "store"
    DEPARTMENT = "department"


@dataclass(frozen=True)
class Score:
    """A value with how complete the data behind it is.

    Attributes:
        value: the figure, ``None`` = no data.
        complete: how many items counted (complete matrices, days with data, …).
        total: how many there were to count.
    """

    value: Decimal | None
    complete: int = 0
    total: int = 0

    @property
    def complete_text(self) -> str:
        """``"n/m"`` — the form the command line and the exports write."""
        return f"{self.complete}/{self.total}"


@dataclass(frozen=True)
class Entry:
    """One subject to rank: its name, its score over the range and over the previous
    equal range."""

    name: str
    current: Score
    previous: Score = field(default_factory=lambda: Score(None))
    position: str | None = None
    store: str | None = None
    department: str | None = None


@dataclass(frozen=True)
class RatingRow:
    """One ranked line. ``rank`` is ``None`` when there is no value."""

    rank: int | None
    name: str
    value: Decimal | None
    previous: Decimal | None
    change: Decimal | None
    complete: int
    total: int
    position: str | None = None
    store: str | None = None
    department: str | None = None

    @property
    def complete_text(self) -> str:
        """``"n/m"``."""
        return f"{self.complete}/{self.total}"


@dataclass(frozen=True)
class Rating:
    """A whole rating: ranked rows best first, then rows without data.

    Attributes:
        subject: employees, stores or departments.
        measure: ``"kpi"`` or an indicator / store metric code.
        period: the range.
        rows: the rows, best first; rows without a value last.
        lower_is_better: whether the lowest value ranks first.
        excluded: employees left out because every matrix of theirs in the range was
            incomplete (KPI ratings only).
        overall: the company figure for the same measure (the company KPI for a KPI
            rating), with its completeness; ``None`` when not meaningful.
    """

    subject: Subject
    measure: str
    period: Period
    rows: tuple[RatingRow, ...]
    lower_is_better: bool = False
    excluded: tuple[str, ...] = ()
    overall: Score | None = None


def printed_places(measure: str) -> int:
    """How many decimals a rated value is printed with: a KPI ratio three (0.1 %), any other
    value two."""
    return KPI_PLACES if measure == KPI else VALUE_PLACES


def printed(value: Decimal, places: int) -> Decimal:
    """A value as printed with ``places`` decimals (half up; never −0)."""
    return round_to(value, Decimal(1).scaleb(-places))


def change_of(
    value: Decimal | None, previous: Decimal | None, places: int | None = None
) -> Decimal | None:
    """``value − previous``, or ``None`` when either is missing.

    With ``places`` each is first rounded as printed (:func:`printed`), so the change is
    the difference of the two printed numbers: 38,24 − 38,23 = 0,01, whatever the
    unrounded values were.
    """
    if value is None or previous is None:
        return None
    if places is not None:
        value, previous = printed(value, places), printed(previous, places)
    return unsigned_zero(value - previous)


def rank(
    entries: Iterable[Entry], *, lower_is_better: bool = False, places: int | None = None
) -> tuple[RatingRow, ...]:
    """Rank entries with competition ranking (1, 2, 2, 4).

    Args:
        entries: the subjects; their order breaks nothing but the order of equal values and
            of rows without data (both keep the input order).
        lower_is_better: rank the lowest value first.
        places: the decimals the values are printed with (the change is the difference
            of the printed values, :func:`change_of`); ``None``: exact.

    Returns:
        The ranked rows best first, then the rows without a value (rank ``None``).
    """
    items = list(entries)
    valued = [entry for entry in items if entry.current.value is not None]
    empty = [entry for entry in items if entry.current.value is None]

    def key(entry: Entry) -> Decimal:
        value = entry.current.value
        assert value is not None
        return value if lower_is_better else -value

    valued.sort(key=key)  # stable: equal values keep the input order
    rows: list[RatingRow] = []
    last: Decimal | None = None
    current_rank = 0
    shown = _printed_once(places)
    for position, entry in enumerate(valued, start=1):
        value = entry.current.value
        if value != last:
            current_rank, last = position, value
        rows.append(_row(current_rank, entry, shown))
    rows.extend(_row(None, entry, shown) for entry in empty)
    return tuple(rows)


def _printed_once(places: int | None) -> Callable[[Decimal], Decimal]:
    """:func:`printed` with ``places``, each value rounded once (2 000 employees share a
    few hundred KPIs; the printed figure depends only on the value, not its exponent)."""
    if places is None:
        return lambda value: value
    seen: dict[Decimal, Decimal] = {}

    def shown(value: Decimal) -> Decimal:
        found = seen.get(value)
        if found is None:
            found = seen[value] = printed(value, places)
        return found

    return shown


def _row(position: int | None, entry: Entry, shown: Callable[[Decimal], Decimal]) -> RatingRow:
    value, previous = entry.current.value, entry.previous.value
    change = None  # as ``change_of(value, previous, places)``
    if value is not None and previous is not None:
        change = unsigned_zero(shown(value) - shown(previous))
    return RatingRow(
        rank=position,
        name=entry.name,
        value=value,
        previous=previous,
        change=change,
        complete=entry.current.complete,
        total=entry.current.total,
        position=entry.position,
        store=entry.store,
        department=entry.department,
    )


def mean_kpi(values: Sequence[Decimal]) -> Decimal | None:
    """The mean of KPIs rounded to 0.001 ROUND_HALF_UP; ``None`` for no values."""
    if not values:
        return None
    total = sum(values, Decimal(0))
    return (total / len(values)).quantize(KPI_STEP, rounding=ROUND_HALF_UP)


def mean_value(values: Sequence[Decimal]) -> Decimal | None:
    """The exact mean of values (no rounding; display rounds); ``None`` for none."""
    if not values:
        return None
    return sum(values, Decimal(0)) / len(values)


# --- pay periods of a range -------------------------------------------------------------
def pay_periods_in(period: Period, pay_kind: PeriodKind) -> tuple[Period, ...]:
    """The pay periods (months or half-months) a range is made of.

    The pay periods lying wholly inside the range; when none does (a day, a week or a
    custom range shorter than a pay period), the pay periods that overlap it — a KPI
    exists only per pay period, so a short range shows the KPI of the pay period it lies in.

    Args:
        period: any range.
        pay_kind: ``PeriodKind.MONTH`` or ``PeriodKind.HALF``.
    """
    kind = pay_kind if pay_kind in (PeriodKind.MONTH, PeriodKind.HALF) else PeriodKind.MONTH
    if period.kind is kind:
        return (period,)
    overlapping: list[Period] = []
    current = Period.containing(period.start, kind)
    while current.start <= period.end:
        overlapping.append(current)
        current = current.next()
    inside = tuple(p for p in overlapping if period.start <= p.start and p.end <= period.end)
    return inside or tuple(overlapping)


def value_rating(
    subject: Subject,
    measure: str,
    period: Period,
    scores: Mapping[str, Score],
    previous: Mapping[str, Score],
    *,
    lower_is_better: bool = False,
    overall: Score | None = None,
    people: Mapping[str, Entry] | None = None,
) -> Rating:
    """A rating by an indicator's values already worked out per subject.

    Args:
        subject: employees, stores or departments.
        measure: the indicator or metric code.
        period: the range.
        scores: by subject name (in the order to list them), the value over the range.
        previous: by subject name, the value over the previous equal range.
        lower_is_better: rank the lowest value first.
        overall: the company figure, if meaningful.
        people: by employee name, an entry whose position, store and department the row
            carries (employee ratings).
    """
    entries = []
    for name, score in scores.items():
        person = people.get(name) if people is not None else None
        entries.append(
            Entry(
                name,
                score,
                previous.get(name, Score(None)),
                person.position if person else None,
                person.store if person else None,
                person.department if person else None,
            )
        )
    return Rating(
        subject,
        measure,
        period,
        rank(entries, lower_is_better=lower_is_better, places=printed_places(measure)),
        lower_is_better,
        (),
        overall,
    )


def lower_is_better(matrices: Iterable[Matrix], indicator: str) -> bool:
    """Whether an indicator improves as it falls: some matrix row of it has its base above
    its norm (SPEC §2.4 needs no flag for that)."""
    return any(
        row.lower_is_better
        for matrix in matrices
        for row in matrix.rows
        if row.indicator == indicator
    )


def top_and_bottom(rating: Rating, count: int = 5) -> tuple[list[RatingRow], list[RatingRow]]:
    """The best ``count`` and the worst ``count`` ranked rows (the worst listed worst last).

    When there are fewer than ``2 × count`` ranked rows the two lists do not overlap: the
    bottom takes what the top left.
    """
    ranked = [row for row in rating.rows if row.rank is not None]
    top = ranked[:count]
    rest = ranked[len(top) :]
    bottom = rest[-count:] if rest else []
    return top, bottom


def calendar_period(start: date, end: date) -> Period:
    """The range from ``start`` to ``end`` as a calendar period when it is exactly one (a
    day, an ISO week, a half-month, a month, a quarter or a year) — so that its previous
    equal period is the previous month (week, …) rather than the same number of days —
    otherwise a custom range.

    Raises:
        ValueError: ``end`` is before ``start``.
    """
    for kind in (
        PeriodKind.DAY,
        PeriodKind.WEEK,
        PeriodKind.HALF,
        PeriodKind.MONTH,
        PeriodKind.QUARTER,
        PeriodKind.YEAR,
    ):
        candidate = Period.containing(start, kind)
        if candidate.start == start and candidate.end == end:
            return candidate
    return Period.custom(start, end)
