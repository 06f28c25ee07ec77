"""The Tasks / Задачи and Duties / Обязанности sheets: round trip in both languages, Russian
words, empty due dates, and every bad cell reported with its sheet, row and column."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kpidesk.core.company import CompanyContent
from kpidesk.core.periods import Period
from kpidesk.core.tasks import DutyTemplate, Task, TaskKind, TaskStatus
from kpidesk.io.reader import read_workbook
from kpidesk.io.writer import write_workbook

BookMaker = Callable[..., Path]
OCT = Period.month(2026, 10)
TASK_HEADERS = [
    "Название",
    "Вид",
    "Исполнитель",
    "Контролёр",
    "Период",
    "Срок",
    "Статус",
    "Выполнена",
    "Принята",
]


def content() -> CompanyContent:
    return CompanyContent(
        duty_templates=(
            DutyTemplate("Пересчёт", "Управляющий", position="Продавец", due_day=7),
            DutyTemplate("=Отчёт", "Борис", employee="Анна", description="каждый месяц"),
        ),
        tasks=(
            Task("Пересчёт", "Анна", "Борис", OCT, date(2026, 10, 7), TaskKind.DUTY),
            Task(
                "Витрина",
                "Анна",
                "Борис",
                OCT,
                date(2026, 10, 12),
                TaskKind.TASK,
                "к акции",
                TaskStatus.ACCEPTED,
                date(2026, 10, 11),
                date(2026, 10, 13),
                "со второго раза",
            ),
        ),
    )


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_tasks_and_duties_round_trip(tmp_path: Path, lang: str) -> None:
    path = write_workbook(content(), tmp_path / "t.xlsx", lang=lang)
    result = read_workbook(path)
    assert result.problems == []
    assert result.content.tasks == content().tasks
    assert result.content.duty_templates == content().duty_templates


def test_russian_words_and_empty_due_date(book: BookMaker) -> None:
    path = book(
        {
            "Задачи": [
                TASK_HEADERS,
                [
                    "Отзывы",
                    "обязанность",
                    "Анна",
                    "Борис",
                    "2026-10",
                    "",
                    "Выполнена",
                    "20.10.2026",
                    "",
                ],
            ],
            "Обязанности": [
                ["Должность", "Сотрудник", "Название", "Контролёр", "День срока"],
                ["Продавец", "", "Отзывы", "Управляющий", "конец периода"],
            ],
        }
    )
    result = read_workbook(path)
    assert result.problems == []
    (task,) = result.content.tasks
    assert task.kind is TaskKind.DUTY and task.status is TaskStatus.DONE
    assert task.due == OCT.end and task.done_on == date(2026, 10, 20)
    assert result.content.duty_templates == (DutyTemplate("Отзывы", "Управляющий", "Продавец"),)


def test_bad_task_cells_are_located(book: BookMaker) -> None:
    path = book(
        {
            "Задачи": [
                TASK_HEADERS,
                ["A", "поручение", "Анна", "Борис", "2026-10", "", "открыта", "", ""],
                ["B", "задача", "Анна", "Борис", "2026-10", "", "почти", "", ""],
                ["C", "задача", "Анна", "Борис", "2026-10", "", "открыта", "05.10.2026", ""],
                ["D", "задача", "Анна", "", "2026-10", "", "открыта", "", ""],
                ["E", "задача", "Анна", "Борис", "2026-10", "", "открыта", "", ""],
                ["E", "задача", "Анна", "Борис", "2026-10", "", "открыта", "", ""],
            ]
        }
    )
    result = read_workbook(path)
    where = {(p.where.row, p.where.column) for p in result.problems}
    assert where == {
        (2, "Вид"),
        (3, "Статус"),
        (4, "Выполнена"),
        (5, "Контролёр"),
        (7, None),  # the duplicate: sheet and row, field "title"
    }
    duplicate = next(p for p in result.problems if p.where.row == 7)
    assert duplicate.code == "duplicate_key" and "row 6" in duplicate.message
    assert [t.title for t in result.content.tasks] == ["E", "E"]


def test_missing_required_column_refuses_the_sheet(book: BookMaker) -> None:
    headers = [h for h in TASK_HEADERS if h != "Статус"]
    result = read_workbook(book({"Tasks": [headers, ["A"] * len(headers)]}))
    assert [p.code for p in result.problems] == ["missing_column"]
    assert result.content.tasks == ()


def test_duty_needs_exactly_one_owner(book: BookMaker) -> None:
    path = book(
        {
            "Duties": [
                ["Position", "Employee", "Title", "Controller", "Due day"],
                ["Продавец", "Анна", "X", "Борис", 3],
                ["Продавец", "", "Y", "Борис", 0],
            ]
        }
    )
    result = read_workbook(path)
    assert {(p.where.row, p.where.column) for p in result.problems} == {
        (2, "Position"),
        (3, "Due day"),
    }
    assert replace(result.content, origins={}).duty_templates == ()
