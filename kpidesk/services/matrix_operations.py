"""The matrix writes (SPEC §2.4, §4.2): :class:`SaveMatrix`, :class:`DeleteMatrix` and
:class:`ResetToTemplate` ("вернуть к шаблону должности"), each an operation for the runner,
and the matrix's validation against the company (:func:`matrix_problems`).

Split out of ``services.matrices`` (which re-exports them) to keep both modules small.

Must not: import Qt, write SQL, or write outside an operation's ``apply``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from kpidesk.core.company import Company
from kpidesk.core.item_validation import problem, validate_matrix
from kpidesk.core.matrix import Matrix
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem, has_errors
from kpidesk.core.rights import Right
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.directories import refuse
from kpidesk.services.operations import Operation, Session


def latest(matrices: Sequence[Matrix], period: Period) -> Matrix | None:
    """The matrix of ``matrices`` in force in ``period`` (the latest start not after it)."""
    chosen = [m for m in matrices if m.period.start <= period.start]
    return max(chosen, key=lambda m: m.period.start, default=None)


def matrix_problems(company: Company, matrix: Matrix) -> list[Problem]:
    """The matrix's validation problems, an unknown owner included (row problems are
    located by row number, 1-based, in ``Location.key``)."""
    indicators = {i.code: i for i in company.indicators}
    where = Location(entity="matrix", key=f"{matrix.owner} {matrix.period.code}")
    problems = validate_matrix(
        matrix,
        indicators,
        where,
        row_where=lambda i: Location(entity="matrix row", key=str(i + 1)),
    )
    if matrix.employee is not None:
        if company.employee(matrix.employee) is None:
            problems.append(
                problem(
                    "unknown_employee",
                    f"Unknown employee '{matrix.employee}'.",
                    Location(entity="matrix", field="employee"),
                    name=matrix.employee,
                )
            )
    elif matrix.position not in {p.name for p in company.positions}:
        problems.append(
            problem(
                "unknown_position",
                f"Unknown position '{matrix.position}'.",
                Location(entity="matrix", field="position"),
                name=matrix.position or "",
            )
        )
    return problems


def follows_template_unchanged(company: Company, matrix: Matrix) -> bool:
    """Whether ``matrix`` is an employee's matrix that only repeats what already applies to
    them: they have no own matrix in force in its period and its rows are their position's
    template in force then (saving it would create an override that changes nothing)."""
    if matrix.employee is None:
        return False
    person = company.employee(matrix.employee)
    if person is None:
        return False
    owned = [m for m in company.matrices if m.employee == matrix.employee]
    if latest(owned, matrix.period) is not None:
        return False
    templates = [
        m for m in company.matrices if m.employee is None and m.position == person.position
    ]
    template = latest(templates, matrix.period)
    return template is not None and template.rows == matrix.rows


@dataclass
class SaveMatrix(Operation):
    """Save a matrix for its owner from its period on (rows replaced as a whole).

    An employee's matrix equal to the position's template they follow is not stored: it
    would be an override that overrides nothing, and the employee would stop following
    later changes of the template (``written`` then stays False)."""

    matrix: Matrix
    name: ClassVar[str] = "save_matrix"
    right: ClassVar[Right] = Right.DIRECTORIES
    written: bool = False

    def apply(self, session: Session) -> Change:
        company = session.company()
        problems = matrix_problems(company, self.matrix)
        if has_errors(problems):
            raise refuse([p for p in problems if p.is_error])
        if not follows_template_unchanged(company, self.matrix):
            self.written = session.db.matrices.save_matrix(self.matrix)
        return Change(ChangeKind.MATRIX, self.matrix.period, employee=self.matrix.employee)


@dataclass
class ResetToTemplate(Operation):
    """ "Вернуть к шаблону должности": the employee follows the position's template again.

    The employee's own matrices are kept per period from their start on, so the one in
    force in ``period`` is removed together with every later one: from the start of the
    one in force (``since``) the template applies. A locked period among the days they
    governed refuses the whole operation (the store checks it inside the transaction), and
    each removal is audited by the store."""

    employee: str
    period: Period
    name: ClassVar[str] = "reset_to_template"
    right: ClassVar[Right] = Right.DIRECTORIES
    removed: tuple[Period, ...] = ()

    def apply(self, session: Session) -> Change:
        company = session.company()
        if company.employee(self.employee) is None:
            raise refuse(
                [
                    problem(
                        "unknown_employee",
                        f"Unknown employee '{self.employee}'.",
                        Location(entity="employee", key=self.employee),
                        name=self.employee,
                    )
                ]
            )
        owned = [m for m in company.matrices if m.employee == self.employee]
        in_force = latest(owned, self.period)
        if in_force is None:
            raise refuse(
                [
                    problem(
                        "no_own_matrix",
                        f"'{self.employee}' has no own matrix in {self.period.code}.",
                        Location(entity="matrix", key=self.employee),
                        name=self.employee,
                        period=self.period.code,
                    )
                ]
            )
        doomed = sorted(
            (m.period for m in owned if m.period.start >= in_force.period.start),
            key=lambda p: p.start,
            reverse=True,  # the latest first: each removal then governs a known span
        )
        for period in doomed:
            session.db.matrices.delete_matrix(period, employee=self.employee)
        self.removed = tuple(reversed(doomed))
        return Change(ChangeKind.MATRIX, in_force.period, employee=self.employee)


@dataclass
class DeleteMatrix(Operation):
    """Delete an owner's matrix of exactly one period (also: the undo of a new matrix)."""

    period: Period
    position: str | None = None
    employee: str | None = None
    name: ClassVar[str] = "delete_matrix"
    right: ClassVar[Right] = Right.DIRECTORIES

    def apply(self, session: Session) -> Change:
        session.db.matrices.delete_matrix(
            self.period, position=self.position, employee=self.employee
        )
        return Change(ChangeKind.MATRIX, self.period, employee=self.employee)
