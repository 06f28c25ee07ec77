"""Templates and overrides you can see (issue 14 item 6), on both engines: who follows a
position's template and who has their own matrix; "вернуть к шаблону должности" as an
audited operation refused in a locked period; saving an unchanged employee matrix stores no
override."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.matrix import Matrix
from kpidesk.core.periods import Period
from kpidesk.services import periods
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.matrices import MatrixEditing, MatrixKind
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
SEPTEMBER, OCTOBER, NOVEMBER = (Period.month(2026, m) for m in (9, 10, 11))
SELLER = "Продавец-консультант"
PAVLOV, SOKOLOVA = "Павлов Денис Олегович", "Соколова Анна Игоревна"


@pytest.fixture
def editing(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[MatrixEditing]:
    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as service:
        yield MatrixEditing(service)


def _own(editing: MatrixEditing, employee: str, period: Period) -> Matrix:
    """The employee's own matrix: the template with the first row's weight moved."""
    template = editing.template(SELLER, period)
    assert template is not None
    first, second, *rest = template.rows
    rows = (
        replace(first, weight=first.weight - Decimal("0.05")),
        replace(second, weight=second.weight + Decimal("0.05")),
        *rest,
    )
    return Matrix(period, rows, employee=employee)


def _own_matrices(editing: MatrixEditing, employee: str) -> list[str]:
    return sorted(m.period.code for m in editing.company.matrices if m.employee == employee)


def test_saving_the_template_unchanged_as_an_employee_matrix_stores_nothing(
    editing: MatrixEditing,
) -> None:
    template = editing.template(SELLER, OCTOBER)
    assert template is not None
    revision = editing.service.database.revision()
    unchanged = Matrix(OCTOBER, template.rows, employee=PAVLOV)
    assert editing.follows_template_unchanged(unchanged)
    editing.save(unchanged)
    assert _own_matrices(editing, PAVLOV) == []
    assert editing.applied(PAVLOV, OCTOBER).kind is MatrixKind.TEMPLATE
    assert editing.service.database.revision() == revision  # nothing written, nothing audited
    # a real change does create the override
    changed = _own(editing, PAVLOV, OCTOBER)
    assert not editing.follows_template_unchanged(changed)
    editing.save(changed)
    assert _own_matrices(editing, PAVLOV) == ["2026-10"]
    assert editing.applied(PAVLOV, OCTOBER).kind is MatrixKind.OVERRIDE


def test_the_position_lists_who_follows_it_and_who_has_their_own(
    editing: MatrixEditing,
) -> None:
    before = editing.followers(SELLER, OCTOBER)
    assert PAVLOV in before.following and before.own == ()
    editing.save(_own(editing, PAVLOV, SEPTEMBER))
    after = editing.followers(SELLER, OCTOBER)
    assert PAVLOV not in after.following and SOKOLOVA in after.following
    assert after.own == ((PAVLOV, SEPTEMBER),)
    assert len(after.following) == len(before.following) - 1


def test_return_to_the_template_removes_the_own_matrix_in_force_and_later_ones(
    editing: MatrixEditing,
) -> None:
    editing.save(_own(editing, PAVLOV, SEPTEMBER))
    editing.save(_own(editing, PAVLOV, NOVEMBER))
    assert _own_matrices(editing, PAVLOV) == ["2026-09", "2026-11"]
    assert editing.reset_removes(PAVLOV, OCTOBER) == (SEPTEMBER, NOVEMBER)
    assert editing.reset_removes(PAVLOV, NOVEMBER) == (NOVEMBER,)
    change = editing.reset_to_template(PAVLOV, OCTOBER)
    assert change.employee == PAVLOV and change.period == SEPTEMBER
    assert _own_matrices(editing, PAVLOV) == []
    for period in (SEPTEMBER, OCTOBER, NOVEMBER):
        assert editing.applied(PAVLOV, period).kind is MatrixKind.TEMPLATE
    audit = editing.service.database.audit.entries(entity="matrix", employee=PAVLOV)
    deleted = sorted(entry.key for entry in audit if entry.action == "delete")
    assert deleted == [f"{PAVLOV} 2026-09", f"{PAVLOV} 2026-11"]


def test_return_to_the_template_is_refused_in_a_locked_period_and_changes_nothing(
    editing: MatrixEditing,
) -> None:
    editing.save(_own(editing, PAVLOV, SEPTEMBER))
    periods.lock_period(editing.service, OCTOBER)
    with pytest.raises(UserError) as refused:
        editing.reset_to_template(PAVLOV, OCTOBER)
    assert [p.code for p in refused.value.problems] == ["period_locked"]
    assert _own_matrices(editing, PAVLOV) == ["2026-09"]


def test_return_to_the_template_without_an_own_matrix_is_refused(
    editing: MatrixEditing,
) -> None:
    with pytest.raises(UserError) as refused:
        editing.reset_to_template(SOKOLOVA, OCTOBER)
    assert [p.code for p in refused.value.problems] == ["no_own_matrix"]
