"""Task use cases over the demo company (as of 22.11.2026): the demo's duties and tasks, the
tasks metric moving a store manager's bonus, generating duties, several status changes at
once with refusals, locked periods, the personal report and "who am I"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.core.tasks import TaskKind, TaskStatus
from kpidesk.core.tasks_filters import Grouping
from kpidesk.services import tasks as task_service
from kpidesk.services.changes import ChangeKind
from kpidesk.services.company import CompanyService
from kpidesk.services.demo_setup import create_demo_database
from kpidesk.services.errors import UserError

TODAY = date(2026, 11, 22)
OCT = Period.month(2026, 10)
SMIRNOV = "Смирнов Сергей Петрович"
KUZNETSOVA = "Кузнецова Елена Николаевна"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    return path


@pytest.fixture
def service(demo_file: Path, tmp_path: Path) -> Iterator[CompanyService]:
    copy = tmp_path / "demo.kpidesk"
    copy.write_bytes(demo_file.read_bytes())
    with CompanyService.open(copy, backup=False) as opened:
        yield opened


def test_demo_has_a_mix_of_statuses_and_no_future_dates(service: CompanyService) -> None:
    for period in (OCT, OCT.next()):
        items = task_service.period_tasks(service, period)
        statuses = {t.status for t in items}
        assert statuses == {TaskStatus.OPEN, TaskStatus.DONE, TaskStatus.ACCEPTED}
        assert {t.kind for t in items} == {TaskKind.DUTY, TaskKind.TASK}
        for task in items:
            assert task.done_on is None or task.done_on < TODAY
            assert task.accepted_on is None or task.accepted_on < TODAY
    late = [
        t for t in task_service.period_tasks(service, OCT)
        if t.status is TaskStatus.ACCEPTED and t.accepted_on and t.accepted_on > t.due
    ]  # fmt: skip
    assert late  # some were accepted late
    debtors = task_service.counts(service, OCT, Grouping.DEBTORS, OCT.end)
    assert debtors and all(row.overdue > 0 for row in debtors)


def test_tasks_metric_moves_a_managers_bonus(service: CompanyService) -> None:
    result = service.compute_period(OCT).for_employee(SMIRNOV)
    assert result is not None and result.pay is not None
    row = next(r for r in result.rows if r.row.indicator == "duties_open")
    open_items = [
        t for t in task_service.period_tasks(service, OCT)
        if t.assignee == SMIRNOV and t.status is not TaskStatus.ACCEPTED
    ]  # fmt: skip
    assert row.fact == len(open_items) > 0
    report = task_service.personal_report_for(service, SMIRNOV, OCT, OCT.end)
    assert report.kpi == result.kpi and report.bonus == result.pay.bonus
    # closing one open item lifts the index by 0.25 × weight 0.1 → KPI +2.5 % → +625 ₽
    assert {c.cost for c in report.costs} == {Decimal("625.00")}
    assert report.kpi_periods == 3  # August, September, October have a KPI


def test_generate_duties_once(service: CompanyService) -> None:
    assert task_service.generate_period_duties(service, OCT.next()).added == ()
    december = Period.month(2026, 12)
    outcome = task_service.generate_period_duties(service, december)
    assert len(outcome.added) == 54 and outcome.problems == ()
    assert outcome.change is not None and outcome.change.kind is ChangeKind.TASK
    assert task_service.generate_period_duties(service, december).added == ()


def test_accept_several_with_refusals(service: CompanyService) -> None:
    november = OCT.next()
    waiting = [
        t for t in task_service.period_tasks(service, november)
        if t.status is TaskStatus.DONE
    ]  # fmt: skip
    mine = [t for t in waiting if t.controller == SMIRNOV]
    others = [t for t in waiting if t.controller != SMIRNOV]
    assert mine and others
    outcome = task_service.accept_tasks(service, [*mine, others[0]], SMIRNOV, TODAY)
    assert len(outcome.changed) == len(mine) and len(outcome.refused) == 1
    assert outcome.refused[0].code in {"not_controller", "own_task"}
    statuses = {t.key: t.status for t in task_service.period_tasks(service, november)}
    assert all(statuses[t.key] is TaskStatus.ACCEPTED for t in mine)
    assert statuses[others[0].key] is TaskStatus.DONE
    entries = service.database.audit.entries(entity="task")
    assert sum(1 for e in entries if e.field == "status" and e.new == "accepted") == len(mine)


def test_locked_period_and_no_actor_are_refused(service: CompanyService) -> None:
    item = next(t for t in task_service.period_tasks(service, OCT) if t.status is TaskStatus.DONE)
    with pytest.raises(UserError, match="choose who you are"):
        task_service.accept_tasks(service, [item], None, TODAY)
    service.database.locks.lock(OCT)
    outcome = task_service.accept_tasks(service, [item], item.controller, TODAY)
    assert outcome.changed == () and outcome.refused[0].code == "period_locked"
    with pytest.raises(UserError, match="locked"):
        task_service.generate_period_duties(service, OCT)


def test_who_am_i_is_remembered_per_file(service: CompanyService) -> None:
    assert task_service.chosen_person(service) is None
    task_service.choose_person(service, KUZNETSOVA)
    assert task_service.chosen_person(service) == KUZNETSOVA
    task_service.choose_person(service, None)
    assert task_service.chosen_person(service) is None
