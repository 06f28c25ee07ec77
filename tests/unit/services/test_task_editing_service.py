"""One-off tasks given from the window (issue 15, item 4): create, edit while open, delete
(audited), each an operation through the runner with its right (the owner for everyone, a
store manager for their store's people, nobody else), refused with coded problems. On both
engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kpidesk.core.periods import Period
from kpidesk.core.rights import Actor, Role
from kpidesk.core.tasks import TaskStatus
from kpidesk.services import task_editing as te
from kpidesk.services import tasks as task_service
from kpidesk.services.company import CompanyService
from kpidesk.services.errors import UserError
from kpidesk.services.login import login
from kpidesk.services.users import add_user
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
NOV = Period.month(2026, 11)
CENTRAL = "Центральный"
PASSWORD = "secret-1"


@pytest.fixture
def company(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    return demo_company(engine, tmp_path, request, TODAY)


@pytest.fixture
def service(company: Path | str) -> Iterator[CompanyService]:
    opened = CompanyService.open(company, backup=False)
    yield opened
    opened.close()


def people(service: CompanyService, store: str) -> list[str]:
    return [e.name for e in service.company().employees if e.store == store and not e.archived]


def stored(service: CompanyService, title: str):  # type: ignore[no-untyped-def]
    return next((t for t in service.database.tasks.tasks(NOV) if t.title == title), None)


def test_create_edit_and_delete_are_audited(service: CompanyService) -> None:
    seller, manager, other = people(service, CENTRAL)[:3]
    task = te.new_task(
        NOV, "  Переставить   витрину ", seller, manager, date(2026, 11, 25), "к акции"
    )
    te.create_task(service, task)
    made = stored(service, "Переставить витрину")
    assert made is not None and made.status is TaskStatus.OPEN and made.kind.value == "task"
    assert (made.assignee, made.controller, made.description) == (seller, manager, "к акции")
    changed = te.new_task(NOV, "Переставить витрину у входа", other, manager, date(2026, 11, 27))
    te.edit_task(service, made, changed)
    assert stored(service, "Переставить витрину") is None
    edited = stored(service, "Переставить витрину у входа")
    assert edited is not None and edited.assignee == other and edited.due == date(2026, 11, 27)
    te.delete_task(service, edited)
    assert stored(service, "Переставить витрину у входа") is None
    rows = service.database.audit.entries(entity="task", limit=20)
    actions = {(row.action, row.field) for row in rows}
    assert ("add", None) in actions and ("delete", None) in actions
    assert {("change", "title"), ("change", "assignee"), ("change", "due_date")} <= actions
    fields = {row.field: (row.old, row.new) for row in rows if row.action == "change"}
    assert fields["due_date"] == ("2026-11-25", "2026-11-27")


def test_refusals_are_coded_and_write_nothing(service: CompanyService) -> None:
    seller, manager = people(service, CENTRAL)[:2]
    due = date(2026, 11, 25)
    cases = {
        "task_title_empty": te.new_task(NOV, "  ", seller, manager, due),
        "controller_is_assignee": te.new_task(NOV, "Сам себе", seller, seller, due),
        "unknown_employee": te.new_task(NOV, "Никому", "Нет Такого", manager, due),
        "task_due_before_period": te.new_task(NOV, "Вчера", seller, manager, date(2026, 10, 1)),
    }
    for code, task in cases.items():
        with pytest.raises(UserError) as refused:
            te.create_task(service, task)
        assert code in [p.code for p in refused.value.problems], code
    first = te.new_task(NOV, "Один раз", seller, manager, due)
    te.create_task(service, first)
    with pytest.raises(UserError) as twice:
        te.create_task(service, first)
    assert [p.code for p in twice.value.problems] == ["task_exists"]
    assert [t.title for t in service.database.tasks.tasks(NOV)].count("Один раз") == 1


def test_only_an_open_task_is_edited_and_an_accepted_one_stays(service: CompanyService) -> None:
    seller, manager = people(service, CENTRAL)[:2]
    te.create_task(service, te.new_task(NOV, "Пересчёт", seller, manager, date(2026, 11, 25)))
    task = stored(service, "Пересчёт")
    task_service.mark_tasks_done(service, [task], seller, TODAY)
    done = stored(service, "Пересчёт")
    with pytest.raises(UserError) as refused:
        te.edit_task(service, done, te.new_task(NOV, "Другое", seller, manager, TODAY))
    assert [p.code for p in refused.value.problems] == ["task_not_open"]
    task_service.accept_tasks(service, [done], manager, TODAY)
    with pytest.raises(UserError) as kept:
        te.delete_task(service, stored(service, "Пересчёт"))
    assert [p.code for p in kept.value.problems] == ["task_accepted"]
    assert stored(service, "Пересчёт") is not None


def test_rights_a_manager_gives_tasks_in_their_store_only(company: Path | str) -> None:
    with CompanyService.open(company, backup=False) as owner:
        central = people(owner, CENTRAL)
        elsewhere = [e.name for e in owner.company().employees if e.store not in (None, CENTRAL)]
        add_user(owner, "Хозяин", Role.OWNER, PASSWORD)
        owner.sign_in(Actor("Хозяин", Role.OWNER))
        add_user(owner, "Мария", Role.MANAGER, PASSWORD, store=CENTRAL, employee=central[0])
        add_user(owner, "Ира", Role.EMPLOYEE, PASSWORD, employee=central[1])
    due = date(2026, 11, 25)
    with CompanyService.open(company, backup=False) as manager:
        login(manager, "Мария", PASSWORD, sleep=lambda seconds: None)
        te.create_task(manager, te.new_task(NOV, "Витрина", central[1], central[0], due))
        with pytest.raises(UserError) as refused:
            te.create_task(manager, te.new_task(NOV, "Чужим", elsewhere[0], central[0], due))
        assert refused.value.codes == ["right_denied"]
    with CompanyService.open(company, backup=False) as employee:
        login(employee, "Ира", PASSWORD, sleep=lambda seconds: None)
        with pytest.raises(UserError) as refused:
            te.create_task(employee, te.new_task(NOV, "Себе", central[1], central[0], due))
        assert refused.value.codes == ["right_denied"]
        assert stored(employee, "Себе") is None
