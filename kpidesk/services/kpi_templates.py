"""KPI templates in the matrix editor (issue 14, item 2): fill a position's (or an
employee's) matrix from a template of ``core.templates`` for review, and save it together
with the indicators it needs.

:func:`fill_template` matches each template row to one of the company's indicators (a
computed row by its source, a manual one by its code or name) or prepares a new one, and
resolves base/norm/target from the store's revenue plan for the period or the owner's last
six periods (``core.templates.resolve_levels``). Nothing is written: the editor shows the
rows, and :class:`TemplateEditing` — the matrix editor's use cases with the prepared
indicators known, so that the rows validate and compute live — saves them with one
operation, :class:`SaveTemplateMatrix`, which adds the indicators the matrix uses and the
matrix in one transaction (or nothing).

Must not: import Qt, write SQL, or compute an index itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import ClassVar

from kpidesk.core.company import Company
from kpidesk.core.indicators import Indicator
from kpidesk.core.matrix import Matrix
from kpidesk.core.periods import Period
from kpidesk.core.problems import has_errors
from kpidesk.core.rights import Right
from kpidesk.core.store_metrics import plan_for
from kpidesk.core.templates import KpiTemplate, ResolvedLevels, resolve_levels
from kpidesk.services.changes import Change, ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.directories import refuse
from kpidesk.services.matrices import MatrixEditing, matrix_problems
from kpidesk.services.operations import Operation, Session


@dataclass(frozen=True)
class FilledRow:
    """A template row made ready for the editor: the indicator code, weight and the
    resolved levels (``levels.norm`` ``None``: the owner types it in)."""

    indicator: str
    name: str
    description: str
    weight: Decimal
    levels: ResolvedLevels
    new: bool  # the indicator is created when the matrix is saved


@dataclass(frozen=True)
class TemplateFill:
    """What picking a template puts into the editor."""

    template: KpiTemplate
    rows: tuple[FilledRow, ...]
    new_indicators: tuple[Indicator, ...]
    store: str | None  # whose plan was used
    plan: Decimal | None


def match_indicator(company: Company, source: str, code: str, name: str) -> Indicator | None:
    """The company's indicator that measures the same thing: a computed one with the same
    source, a manual one with the same code or name (archived ones left out)."""
    live = [i for i in company.indicators if not i.archived]
    if source != "manual":
        return next((i for i in live if i.source.text == source), None)
    wanted = name.casefold()
    for indicator in live:
        if indicator.source.is_manual and (
            indicator.code == code or indicator.name.casefold() == wanted
        ):
            return indicator
    return None


def _free_code(code: str, taken: set[str]) -> str:
    if code not in taken:
        return code
    number = 2
    while f"{code}_{number}" in taken:
        number += 1
    return f"{code}_{number}"


def _same(indicator: Indicator, source: str, name: str) -> bool:
    if indicator.source.text != source:
        return False
    return source != "manual" or indicator.name == name


class TemplateEditing(MatrixEditing):
    """The matrix editor's use cases, knowing the indicators a picked template prepared
    (``pending``) until the matrix is saved; with none pending it is a ``MatrixEditing``."""

    def __init__(self, service: CompanyService) -> None:
        super().__init__(service)
        self.pending: tuple[Indicator, ...] = ()

    @property
    def company(self) -> Company:
        company = self.service.company()
        known = {i.code for i in company.indicators}
        extra = tuple(i for i in self.pending if i.code not in known)
        return replace(company, indicators=company.indicators + extra) if extra else company

    def fill(
        self,
        template: KpiTemplate,
        period: Period,
        *,
        position: str | None = None,
        employee: str | None = None,
        live: str | None = None,
    ) -> TemplateFill:
        """Prepare ``template`` for the owner's matrix of ``period`` (see the module
        docstring); the prepared indicators become ``pending``."""
        company = self.service.company()
        taken = {i.code for i in company.indicators}
        new: list[Indicator] = []
        codes: list[tuple[str, bool]] = []
        for row in template.indicators:
            found = match_indicator(company, row.source, row.code, row.name)
            already = next((i for i in new if _same(i, row.source, row.name)), None)
            if found is not None:
                codes.append((found.code, False))
            elif already is not None:
                codes.append((already.code, True))
            else:
                code = _free_code(row.code, taken)
                taken.add(code)
                new.append(Indicator(code, row.name, row.unit, row.parsed_source, row.method))
                codes.append((code, True))
        self.pending = tuple(new)
        whose = employee or live
        store = self.employee(whose).store if whose else None
        if store is None and position is not None:
            stores = {e.store for e in company.employees if e.position == position}
            store = next(iter(stores)) if len(stores) == 1 else None
        plans = self.inputs(period).plans
        plan = plan_for(plans, {store} if store else None, period) if plans else None
        rows = []
        for row, (code, is_new) in zip(template.indicators, codes, strict=True):
            _, history = self.history(
                period, code, employee=employee, position=None if employee else position
            )
            levels = resolve_levels(row, plan, history)
            rows.append(FilledRow(code, row.name, row.description, row.weight, levels, is_new))
        return TemplateFill(template, tuple(rows), tuple(new), store, plan)

    def save(self, matrix: Matrix) -> Change:
        """Save the matrix with the pending indicators its rows use (one transaction).

        Raises:
            UserError: as ``MatrixEditing.save``.
        """
        used = {row.indicator for row in matrix.rows}
        known = {i.code for i in self.service.company().indicators}
        needed = tuple(i for i in self.pending if i.code in used and i.code not in known)
        if not needed:
            return super().save(matrix)
        change = self.service.run(SaveTemplateMatrix(matrix, needed))
        self.pending = ()
        return change


@dataclass
class SaveTemplateMatrix(Operation):
    """Add the indicators a template matrix needs, then save the matrix (as
    ``SaveMatrix``), in one transaction."""

    matrix: Matrix
    indicators: tuple[Indicator, ...]
    name: ClassVar[str] = "save_template_matrix"
    right: ClassVar[Right] = Right.DIRECTORIES

    def apply(self, session: Session) -> Change:
        company = session.company()
        known = {i.code for i in company.indicators}
        added = tuple(i for i in self.indicators if i.code not in known)
        with_new = replace(company, indicators=company.indicators + added)
        problems = matrix_problems(with_new, self.matrix)
        if has_errors(problems):
            raise refuse([p for p in problems if p.is_error])
        for indicator in added:
            session.db.org.save_indicator(None, indicator)
        session.db.matrices.save_matrix(self.matrix)
        return Change(ChangeKind.DIRECTORY)  # new indicators: every view may show them
