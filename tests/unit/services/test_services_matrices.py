"""Matrix use cases: which matrix applies, saving (validated, refused in locked periods),
copying the previous period's, manual facts, plans from history and the live result."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.periods import Period
from kpidesk.services.changes import ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.demo import INCOMPLETE_EMPLOYEE
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.services.errors import UserError
from kpidesk.services.matrices import MatrixEditing, MatrixKind

TODAY = date(2026, 11, 22)
AUGUST, SEPTEMBER, OCTOBER = (Period.month(2026, m) for m in (8, 9, 10))
SELLER, KEEPER = "Продавец-консультант", "Кладовщик"
PAVLOV, VASILIEV = "Павлов Денис Олегович", "Васильев Николай Иванович"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("matrices") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    return path


@pytest.fixture
def editing(demo_file: Path, tmp_path: Path) -> Iterator[MatrixEditing]:
    target = tmp_path / "demo.kpidesk"
    source, copy = sqlite3.connect(demo_file), sqlite3.connect(target)
    source.backup(copy)
    copy.close()
    source.close()
    with CompanyService.open(target, backup=False) as service:
        yield MatrixEditing(service)


def _codes(error: pytest.ExceptionInfo[UserError]) -> list[str]:
    return [problem.code for problem in error.value.problems]


def _keeper(weights: tuple[str, str] = ("0.6", "0.4"), period: Period = OCTOBER) -> Matrix:
    return Matrix(
        period,
        (
            MatrixRow("warehouse", Decimal(weights[0]), Decimal(90), Decimal(98), Decimal(100)),
            MatrixRow("shortage", Decimal(weights[1]), Decimal(30000), Decimal(5000), Decimal(0)),
        ),
        position=KEEPER,
    )


def test_the_template_applies_until_an_override_replaces_it(editing: MatrixEditing) -> None:
    applied = editing.applied(PAVLOV, OCTOBER)
    assert applied.kind is MatrixKind.TEMPLATE and applied.since == AUGUST
    assert editing.exact(OCTOBER, position=SELLER) is None
    template = editing.template(SELLER, OCTOBER)
    assert template is not None
    # (an override equal to the template would store nothing: test_overrides_service.py)
    rows = (replace(template.rows[0], norm=template.rows[0].norm + 1), *template.rows[1:])
    override = Matrix(SEPTEMBER, rows, None, PAVLOV)
    change = editing.save(override)
    assert change.kind is ChangeKind.MATRIX and change.employee == PAVLOV
    applied = editing.applied(PAVLOV, OCTOBER)
    assert applied.kind is MatrixKind.OVERRIDE and applied.since == SEPTEMBER
    assert editing.applied(PAVLOV, AUGUST).kind is MatrixKind.TEMPLATE
    editing.delete(SEPTEMBER, employee=PAVLOV)
    assert editing.applied(PAVLOV, OCTOBER).kind is MatrixKind.TEMPLATE


def test_saving_refuses_weights_not_summing_to_100_percent(editing: MatrixEditing) -> None:
    count = editing.service.database.audit.count()
    with pytest.raises(UserError) as refused:
        editing.save(_keeper(("0.6", "0.3")))
    assert "weights_sum" in _codes(refused)
    assert editing.service.database.audit.count() == count
    editing.save(_keeper(("0.5", "0.5")))
    saved = editing.exact(OCTOBER, position=KEEPER)
    assert saved is not None and saved.rows[0].weight == Decimal("0.5")


def test_saving_refuses_invalid_rows(editing: MatrixEditing) -> None:
    matrix = _keeper()
    bad = replace(matrix, rows=(replace(matrix.rows[0], base=Decimal(98)), matrix.rows[1]))
    with pytest.raises(UserError) as equal:
        editing.save(bad)
    assert _codes(equal) == ["base_equals_norm"]
    unknown = replace(matrix, rows=(matrix.rows[0], replace(matrix.rows[1], indicator="zzz")))
    with pytest.raises(UserError) as missing:
        editing.save(unknown)
    assert "unknown_indicator" in _codes(missing)


def test_a_locked_period_refuses_matrices_and_facts(editing: MatrixEditing) -> None:
    editing.service.database.locks.lock(OCTOBER)
    assert editing.is_locked(OCTOBER)
    with pytest.raises(UserError) as matrix:
        editing.save(_keeper(("0.5", "0.5")))
    assert _codes(matrix) == ["period_locked"]
    with pytest.raises(UserError) as fact:
        editing.set_fact(OCTOBER, VASILIEV, "shortage", Decimal(100))
    assert _codes(fact) == ["period_locked"]
    # a matrix from September would govern October too
    with pytest.raises(UserError):
        editing.save(_keeper(("0.5", "0.5"), SEPTEMBER))


def test_copy_from_the_previous_period(editing: MatrixEditing) -> None:
    editing.save(_keeper(("0.5", "0.5")))  # October differs from what applied in September
    previous = editing.previous(OCTOBER, position=KEEPER)
    assert previous is not None and previous.period == OCTOBER
    assert [r.weight for r in previous.rows] == [Decimal("0.6"), Decimal("0.4")]
    editing.copy_previous(OCTOBER, position=KEEPER)
    saved = editing.exact(OCTOBER, position=KEEPER)
    assert saved is not None and [r.weight for r in saved.rows] == [Decimal("0.6"), Decimal("0.4")]
    # an employee without an override gets a copy of their template as their own matrix
    employee_copy = editing.previous(OCTOBER, employee=PAVLOV)
    assert employee_copy is not None and employee_copy.employee == PAVLOV
    with pytest.raises(UserError) as nothing:
        editing.copy_previous(AUGUST, position=KEEPER)
    assert _codes(nothing) == ["no_previous_matrix"]


def test_manual_facts_only_and_the_live_result_follows(editing: MatrixEditing) -> None:
    template = editing.template(SELLER, OCTOBER)
    assert template is not None
    before = editing.live_result(template, INCOMPLETE_EMPLOYEE, OCTOBER)
    assert before.kpi is None and before.missing == ("nps",)
    change = editing.set_fact(OCTOBER, INCOMPLETE_EMPLOYEE, "nps", Decimal(60))
    assert change.kind is ChangeKind.FACT and change.store == "ТЦ «Мега»"
    after = editing.live_result(template, INCOMPLETE_EMPLOYEE, OCTOBER)
    assert after.kpi is not None and after.pay is not None
    nps = next(r for r in after.rows if r.row.indicator == "nps")
    assert nps.fact == Decimal(60) and nps.index == Decimal(1)
    # the cache and the database agree
    again = MatrixEditing(editing.service).live_result(template, INCOMPLETE_EMPLOYEE, OCTOBER)
    assert again.kpi == after.kpi
    with pytest.raises(UserError) as computed:
        editing.set_fact(OCTOBER, INCOMPLETE_EMPLOYEE, "conversion", Decimal(20))
    assert _codes(computed) == ["fact_computed"]
    editing.set_fact(OCTOBER, INCOMPLETE_EMPLOYEE, "nps", None)
    assert editing.live_result(template, INCOMPLETE_EMPLOYEE, OCTOBER).kpi is None


def test_the_live_result_uses_the_edited_weights(editing: MatrixEditing) -> None:
    template = editing.template(SELLER, OCTOBER)
    assert template is not None
    saved = editing.live_result(template, PAVLOV, OCTOBER)
    heavier = replace(
        template,
        rows=(
            replace(template.rows[0], weight=Decimal("0.6")),
            template.rows[1],
            template.rows[2],
            replace(template.rows[3], weight=Decimal(0)),
        ),
    )
    edited = editing.live_result(heavier, PAVLOV, OCTOBER)
    assert saved.kpi is not None and edited.kpi is not None and edited.kpi != saved.kpi
    assert editing.template(SELLER, OCTOBER) == template  # nothing saved


def test_plan_from_history_of_an_employee_and_of_a_template(editing: MatrixEditing) -> None:
    row = MatrixRow("shortage", Decimal("0.4"), Decimal(30000), Decimal(5000), Decimal(0))
    plan = editing.plan(Period.month(2026, 11), row, employee=VASILIEV)
    assert [p.code for p in plan.periods] == ["2026-08", "2026-09", "2026-10"]
    facts = editing.history(Period.month(2026, 11), "shortage", employee=VASILIEV)[1]
    assert plan.suggestion is not None and plan.suggestion.periods_used == 3
    # lower is better: base = the worst (maximum), target below the mean
    assert plan.suggestion.base == max(facts)
    assert plan.suggestion.norm == sum(facts) / 3
    assert plan.suggestion.target == plan.suggestion.norm * Decimal("0.8")
    conversion = MatrixRow("conversion", Decimal("0.2"), Decimal(18), Decimal(24), Decimal(30))
    template_plan = editing.plan(OCTOBER, conversion, position=SELLER)
    assert [p.code for p in template_plan.periods] == ["2026-08", "2026-09"]
    assert template_plan.suggestion is not None
    assert template_plan.suggestion.base <= template_plan.suggestion.norm
    assert editing.plan(AUGUST, conversion, position=SELLER).suggestion is None
