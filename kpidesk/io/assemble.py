"""Assembling the rows read from a workbook into a ``CompanyContent``.

Matrix rows become ``Matrix`` objects grouped by (period, owner) in first-seen order, rows
in sheet order; payout rows become one schedule per position (empty = the company's);
positions and departments that are only referred to (by employees, matrices, schedules)
are added, because SPEC §6 has no sheet for them; indicator names become codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TypeVar

from kpidesk.core.company import CompanyContent
from kpidesk.core.matrix import Matrix
from kpidesk.core.org import Department, Position
from kpidesk.core.payout import PayoutKind, PayoutSchedule, PayoutStep
from kpidesk.core.periods import Period
from kpidesk.core.problems import Location, Problem
from kpidesk.io.builders import Collector, MatrixLine, Origins, PayoutLine

RowOrigins = dict[tuple[str, int, int], Location]


def _resolver(known: Mapping[str, str], codes: Iterable[str]) -> dict[str, str]:
    """Lookup key (case-folded, trimmed) → code: codes resolve to themselves, names to codes."""
    lookup = {" ".join(name.split()).casefold(): code for name, code in known.items()}
    lookup.update({code.casefold(): code for code in codes})
    return lookup


def _resolve(written: str, lookup: Mapping[str, str]) -> str:
    return lookup.get(" ".join(written.split()).casefold(), written)


def resolve_indicator_names(content: CompanyContent, known: Mapping[str, str]) -> CompanyContent:
    """Replace indicator names in matrix rows and facts by codes.

    Args:
        content: content as read from a workbook.
        known: indicator name → code (e.g. from the database); codes in ``known``'s values
            and the content's own indicators are kept. Matching ignores case and spacing.

    Returns:
        The content with every resolvable reference turned into a code; the rest as written.
    """
    names = dict(known)
    names.update({indicator.name: indicator.code for indicator in content.indicators})
    lookup = _resolver(names, [*known.values(), *(i.code for i in content.indicators)])
    cache: dict[str, str] = {}

    def code_of(written: str) -> str:
        code = cache.get(written)
        if code is None:
            code = cache[written] = _resolve(written, lookup)
        return code

    # copy only what changes: a workbook that already uses codes costs one look-up a row
    matrices = tuple(
        replace(
            matrix,
            rows=tuple(
                row
                if code_of(row.indicator) == row.indicator
                else replace(row, indicator=code_of(row.indicator))
                for row in matrix.rows
            ),
        )
        for matrix in content.matrices
    )
    # the facts name a few indicators 20 000 times: each name is resolved once
    renamed = {
        written: code
        for written in {fact.indicator for fact in content.facts}
        if (code := code_of(written)) != written
    }
    facts = (
        tuple(
            replace(fact, indicator=renamed[fact.indicator]) if fact.indicator in renamed else fact
            for fact in content.facts
        )
        if renamed
        else content.facts
    )
    return replace(content, matrices=matrices, facts=facts)


def _matrices(lines: list[MatrixLine], origins: Origins, rows_at: RowOrigins) -> tuple[Matrix, ...]:
    groups: dict[tuple[Period, str | None, str | None], list[MatrixLine]] = {}
    for line in lines:
        groups.setdefault((line.period, line.position, line.employee), []).append(line)
    matrices = []
    for index, ((period, position, employee), group) in enumerate(groups.items()):
        origins.place(("matrices", index), group[0].where)
        for number, line in enumerate(group):
            rows_at[("matrices", index, number)] = line.where
            # where CompanyContent.matrix_row_origin looks: a problem names the bad row
            origins.place((f"matrices/{index}", number), line.where)
        rows = tuple(line.row for line in group)
        matrices.append(Matrix(period, rows, position=position, employee=employee))
    return tuple(matrices)


def _schedule_problem(line: PayoutLine, message: str) -> Problem:
    where = replace(line.where, column=line.kind_header, field="kind")
    return Problem(code="payout_kind", message=message, where=where)


def _schedules(
    lines: list[PayoutLine],
    origins: Origins,
    rows_at: RowOrigins,
    problems: list[Problem],
) -> tuple[PayoutSchedule, ...]:
    groups: dict[str | None, list[PayoutLine]] = {}
    for line in lines:
        groups.setdefault(line.position, []).append(line)
    schedules: list[PayoutSchedule] = []
    for position, group in groups.items():
        kinds = {line.kind for line in group if line.kind is not None}
        if len(kinds) > 1:
            odd = next(
                line for line in group if line.kind is not None and line.kind != group[0].kind
            )
            problems.append(
                _schedule_problem(odd, "one schedule mixes the linear and the steps kinds")
            )
            continue
        kind = kinds.pop() if kinds else (PayoutKind.STEPS if len(group) > 1 else PayoutKind.LINEAR)
        per_indicator = any(line.per_indicator for line in group)
        if kind is PayoutKind.LINEAR:
            if len(group) > 1:
                problems.append(
                    _schedule_problem(
                        group[1],
                        "a linear schedule is one row: Threshold is the threshold and "
                        "Coefficient is the cap",
                    )
                )
                continue
            schedule = PayoutSchedule(
                PayoutKind.LINEAR,
                threshold=group[0].threshold,
                cap=group[0].coefficient,
                per_indicator=per_indicator,
                position=position,
            )
        else:
            steps = tuple(
                PayoutStep(line.threshold, line.coefficient or line.threshold * 0) for line in group
            )
            schedule = PayoutSchedule(
                PayoutKind.STEPS, steps=steps, per_indicator=per_indicator, position=position
            )
        index = len(schedules)
        origins.place(("schedules", index), group[0].where)
        for number, line in enumerate(group):
            rows_at[("schedules", index, number)] = line.where
        schedules.append(schedule)
    return tuple(schedules)


_Named = TypeVar("_Named", Position, Department)


def _referred(
    kind: str,
    listed: list[_Named],
    references: Iterable[tuple[str | None, Location]],
    origins: Origins,
    make: Callable[[str], _Named],
) -> tuple[_Named, ...]:
    items = list(listed)
    seen = {item.name for item in items}
    for name, where in references:
        if name and name not in seen:
            seen.add(name)
            origins.place((kind, len(items)), where)
            items.append(make(name))
    return tuple(items)


def _duplicate_tasks(out: Collector) -> None:
    """A task (period, assignee, title) or a duty list entry (owner, title) twice."""
    keyed: tuple[tuple[str, list[tuple[object, ...]]], ...] = (
        ("tasks", [t.key for t in out.tasks]),
        ("duty_templates", [(d.position, d.employee, d.title) for d in out.duty_templates]),
    )
    for kind, keys in keyed:
        first: dict[tuple[object, ...], int] = {}
        for index, key in enumerate(keys):
            if key not in first:
                first[key] = index
                continue
            earlier = out.origins[(kind, first[key])]
            where = replace(out.origins[(kind, index)], field="title")
            out.problems.append(
                Problem(
                    code="duplicate_key",
                    message=f"the same title for the same person appears twice (first at "
                    f"{earlier.describe()})",
                    where=where,
                    value=str(key[-1]),
                    params=(("kind", kind), ("first", earlier.describe())),
                )
            )


def assemble(out: Collector) -> tuple[CompanyContent, RowOrigins]:
    """Build the content from everything collected; new problems go to ``out.problems``.

    Returns:
        The content and, for matrices and schedules, (kind, item index, row index) → the
        sheet row of each matrix row and payout step.
    """
    origins = out.origins
    rows_at: RowOrigins = {}
    matrices = _matrices(out.matrix_lines, origins, rows_at)
    schedules = _schedules(out.payout_lines, origins, rows_at, out.problems)
    _duplicate_tasks(out)
    hired = [(e, origins[("employees", i)]) for i, e in enumerate(out.employees)]
    position_refs: list[tuple[str | None, Location]] = [(e.position, w) for e, w in hired]
    position_refs += [(m.position, origins[("matrices", i)]) for i, m in enumerate(matrices)]
    position_refs += [(s.position, origins[("schedules", i)]) for i, s in enumerate(schedules)]
    content = CompanyContent(
        company_name=out.company_name,
        pay_period=out.pay_period,
        stores=tuple(out.stores),
        departments=_referred(
            "departments",
            out.departments,
            [(e.department, w) for e, w in hired],
            origins,
            Department,
        ),
        positions=_referred("positions", out.positions, position_refs, origins, Position),
        employees=tuple(out.employees),
        indicators=tuple(out.indicators),
        matrices=matrices,
        schedules=schedules,
        daily=tuple(out.daily),
        seller_days=tuple(out.seller_days),
        plans=tuple(out.plans),
        facts=tuple(out.facts),
        inputs=tuple(out.inputs),
        tasks=tuple(out.tasks),
        duty_templates=tuple(out.duty_templates),
        origins=origins,
    )
    return resolve_indicator_names(content, {}), rows_at
