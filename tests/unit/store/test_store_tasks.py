"""Tasks in the store: the v2 fixture migrates to the current version keeping its data;
tasks and duty lists round-trip through apply/export and re-apply changes nothing; status
changes are one transaction with an audit row each; locked periods refuse them; stale
changes are refused."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.company import CompanyContent
from kpidesk.core.org import Employee, Position
from kpidesk.core.periods import Period
from kpidesk.core.tasks import DutyTemplate, Task, TaskKind, TaskStatus
from kpidesk.store import CURRENT_VERSION, ContentError, Database
from kpidesk.store.errors import LockedPeriodError, StoreError
from kpidesk.store.migrations import inspect_file

FIXTURE_V2 = Path(__file__).resolve().parents[2] / "fixtures" / "schema_v2.sqlite"
OCT = Period.month(2026, 10)


def test_v2_fixture_is_version_two() -> None:
    assert inspect_file(FIXTURE_V2) == 2


def test_v2_fixture_migrates_to_current_keeping_data(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    shutil.copy(FIXTURE_V2, path)
    sep = Period.month(2026, 9)
    with Database.open(path, actor="t") as db:
        assert db.schema_version == CURRENT_VERSION
        company = db.content.load_company()
        assert company.name == "ООО «Версия 2»"
        assert company.employee("Анна") is not None
        (fact,) = db.facts.facts(sep)
        assert fact.value == Decimal("78.5")
        (seller,) = db.daily.seller_days(date(2026, 9, 1), date(2026, 9, 30))
        assert seller.revenue == Decimal("7000.25")
        assert [p.revenue for p in db.daily.plans(sep)] == [Decimal("450000")]
        assert [i.name for i in db.facts.period_inputs(sep)] == ["marketing:clicks"]
        assert db.locks.locked_periods() == ["2026-09"]
        # the new tables are there and empty
        assert db.tasks.tasks(sep) == [] and db.tasks.duty_templates() == []
        assert db.content.load_period_inputs(sep).tasks == ()
        assert any("pre-migration-v2" in b.name for b in db.backups())
        assert db.integrity_check() == []


def content() -> CompanyContent:
    people = (
        Employee("Анна", "Продавец", fixed_pay=Decimal(30000)),
        Employee("Борис", "Управляющий", fixed_pay=Decimal(50000)),
    )
    duties = (
        DutyTemplate("Пересчёт", "Управляющий", position="Продавец", due_day=7),
        DutyTemplate("Отчёт", "Борис", employee="Анна", description="каждый месяц"),
    )
    tasks = (
        Task("Пересчёт", "Анна", "Борис", OCT, date(2026, 10, 7), TaskKind.DUTY),
        Task(
            "Витрина",
            "Анна",
            "Борис",
            OCT,
            date(2026, 10, 12),
            status=TaskStatus.DONE,
            done_on=date(2026, 10, 11),
            description="к акции",
        ),
    )
    return CompanyContent(
        positions=(Position("Продавец"), Position("Управляющий")),
        employees=people,
        duty_templates=duties,
        tasks=tasks,
    )


def test_tasks_round_trip_and_reapply_changes_nothing(tmp_path: Path) -> None:
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        summary = db.content.apply_content(content())
        assert summary["tasks"].added == 2 and summary["duty_templates"].added == 2
        exported = db.content.export_content()
        assert exported.tasks == content().tasks
        assert exported.duty_templates == content().duty_templates
        assert db.content.load_period_inputs(OCT).tasks == content().tasks
        count = db.audit.count()
        again = db.content.apply_content(content())
        assert not again.changed_anything and db.audit.count() == count
        changed = replace(content(), tasks=(replace(content().tasks[0], due=date(2026, 10, 8)),))
        assert db.content.apply_content(changed)["tasks"].changed == 1


def test_unknown_assignee_names_where(tmp_path: Path) -> None:
    from kpidesk.core.problems import Location

    bad = replace(
        content(),
        tasks=(Task("x", "Никто", "Борис", OCT, date(2026, 10, 7)),),
        origins={("tasks", 0): Location(sheet="Задачи", row=2)},
    )
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        with pytest.raises(ContentError, match=r"sheet 'Задачи', row 2.*Никто"):
            db.content.apply_content(bad)
        assert db.content.load_company().employees == ()  # all or nothing


def test_status_changes_are_audited_in_one_transaction(tmp_path: Path) -> None:
    with Database.open(tmp_path / "a.sqlite", actor="Борис") as db:
        db.content.apply_content(content())
        first, second = db.tasks.tasks(OCT)
        done = replace(first, status=TaskStatus.DONE, done_on=date(2026, 10, 6))
        accepted = replace(second, status=TaskStatus.ACCEPTED, accepted_on=date(2026, 10, 12))
        assert db.tasks.change_task_statuses([(first, done), (second, accepted)]) == 2
        assert [t.status for t in db.tasks.tasks(OCT)] == [TaskStatus.DONE, TaskStatus.ACCEPTED]
        rows = db.audit.entries(entity="task")
        changes = [(e.actor, e.field, e.old, e.new, e.employee) for e in rows if e.field]
        assert ("Борис", "status", "open", "done", "Анна") in changes
        assert ("Борис", "status", "done", "accepted", "Анна") in changes
        history = db.tasks.task_history(first)
        assert [(who, old, new) for _, who, old, new in history] == [("Борис", "open", "done")]
        # a stale change (the task is done now, not open) is refused and writes nothing
        before = db.audit.count()
        with pytest.raises(StoreError, match="changed meanwhile"):
            db.tasks.change_task_statuses([(first, done)])
        assert db.audit.count() == before


def test_returned_comment_is_audited(tmp_path: Path) -> None:
    with Database.open(tmp_path / "a.sqlite", actor="Борис") as db:
        db.content.apply_content(content())
        second = db.tasks.tasks(OCT)[1]
        back = replace(second, status=TaskStatus.OPEN, done_on=None, comment="Нет ценников")
        db.tasks.change_task_statuses([(second, back)])
        assert db.tasks.tasks(OCT)[1].comment == "Нет ценников"
        fields = {e.field: e.new for e in db.audit.entries(entity="task") if e.field}
        assert fields["comment"] == "Нет ценников" and fields["status"] == "open"


def test_locked_period_refuses_status_changes_and_new_tasks(tmp_path: Path) -> None:
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        db.content.apply_content(content())
        first = db.tasks.tasks(OCT)[0]
        db.locks.lock(OCT)
        with pytest.raises(LockedPeriodError):
            db.tasks.change_task_statuses([(first, replace(first, status=TaskStatus.DONE))])
        assert db.tasks.tasks(OCT)[0].status is TaskStatus.OPEN
        with pytest.raises(LockedPeriodError):
            db.tasks.add_tasks([Task("Новая", "Анна", "Борис", OCT, date(2026, 10, 20))])


def test_add_tasks_leaves_existing_ones_alone(tmp_path: Path) -> None:
    with Database.open(tmp_path / "a.sqlite", actor="t") as db:
        db.content.apply_content(content())
        first = db.tasks.tasks(OCT)[0]
        same_key = replace(first, description="другое описание")
        new = Task("Новая", "Анна", "Борис", OCT, date(2026, 10, 20))
        assert db.tasks.add_tasks([same_key, new]) == 1
        assert db.tasks.tasks(OCT)[0].description == ""
        assert db.tasks.add_tasks([new]) == 0
