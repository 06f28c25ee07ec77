"""The demo company's duty lists and its duties and tasks (seed 002): weekly stock counts and a
shelf photo report for sales assistants, a monthly customer review collection and the
cash-register reports for store managers, a campaign report for the marketer and a stock
take for the warehouse keepers — plus a few one-off tasks a month.

Statuses are a deterministic, realistic mix: most items accepted on time, some accepted
late, some done but still waiting for the controller, some forgotten (open, overdue); in the
current month only what was due before today is mostly closed. No date lies after
yesterday. Builds data only.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.tasks import DutyTemplate, Task, TaskKind, TaskStatus, generate_duties

_MANAGER, _SELLER, _MARKETER, _KEEPER = (
    "Управляющий магазином",
    "Продавец-консультант",
    "Маркетолог",
    "Кладовщик",
)
_SENIOR = "Кузнецова Елена Николаевна"  # the senior store manager controls her colleagues
_DEPUTY = "Смирнов Сергей Петрович"  # …and he controls her and the warehouse


def demo_duty_lists() -> tuple[DutyTemplate, ...]:
    """The duty lists per position (and one per employee) of the demo company."""
    counts = tuple(
        DutyTemplate(
            f"Пересчёт остатков в зале — неделя {week}",
            _MANAGER,
            position=_SELLER,
            description="Пересчитать остатки своей секции и сверить с учётной системой.",
            due_day=7 * week,
        )
        for week in (1, 2, 3, 4)
    )
    return (
        *counts,
        DutyTemplate(
            "Фотоотчёт о выкладке по планограмме",
            _MANAGER,
            position=_SELLER,
            description="Сфотографировать выкладку секции и отправить управляющему.",
            due_day=15,
        ),
        DutyTemplate(
            "Сбор отзывов покупателей за месяц",
            _MARKETER,
            position=_MANAGER,
            description="Собрать не меньше 30 отзывов покупателей и передать маркетологу.",
            due_day=25,
        ),
        DutyTemplate(
            "Кассовые отчёты (Z-отчёты) за месяц",
            _SENIOR,
            position=_MANAGER,
            description="Сдать Z-отчёты всех касс магазина и сверку инкассации.",
        ),
        DutyTemplate(
            "Кассовые отчёты (Z-отчёты) за месяц",
            _DEPUTY,
            employee=_SENIOR,
            description="Сдать Z-отчёты всех касс магазина и сверку инкассации.",
        ),
        DutyTemplate(
            "Отчёт по рекламным кампаниям",
            _SENIOR,
            position=_MARKETER,
            description="Итоги кампаний прошлого месяца: показы, клики, лиды, стоимость лида.",
            due_day=5,
        ),
        DutyTemplate(
            "Инвентаризация склада",
            _DEPUTY,
            position=_KEEPER,
            description="Полная инвентаризация закреплённой зоны склада, акт расхождений.",
        ),
    )


def _one_off(employees: Sequence[Employee], period: Period) -> list[Task]:
    """A few one-off tasks of the month: each manager gives one to a seller of the store."""
    start = period.start
    tasks = []
    for manager in (e for e in employees if e.position == _MANAGER):
        seller = next(e for e in employees if e.position == _SELLER and e.store == manager.store)
        tasks.append(
            Task(
                "Подготовить витрину к акции выходного дня",
                seller.name,
                manager.name,
                period,
                start + timedelta(days=11),
                TaskKind.TASK,
                "Переоформить витрину и ценники по макету маркетолога.",
            )
        )
    marketer = next(e for e in employees if e.position == _MARKETER)
    tasks.append(
        Task(
            "Согласовать макеты листовок",
            marketer.name,
            _SENIOR,
            period,
            start + timedelta(days=19),
            TaskKind.TASK,
        )
    )
    return tasks


def _with_status(task: Task, rng: random.Random, today: date) -> Task:
    """The task with a plausible status as of ``today`` (dates never after yesterday)."""
    yesterday = today - timedelta(days=1)

    def day(value: date) -> date:
        return max(min(value, yesterday), task.period.start)

    roll = rng.random()
    if task.due >= today:  # not due yet: a few are already done
        if roll < 0.2 and task.period.start < today:
            return replace(task, status=TaskStatus.DONE, done_on=day(today - timedelta(days=2)))
        return task
    current = task.period.end >= today
    on_time, late, waiting = (0.55, 0.55, 0.8) if current else (0.66, 0.8, 0.9)
    if roll < on_time:
        done = day(task.due - timedelta(days=rng.randint(0, 3)))
        accepted = day(min(done + timedelta(days=rng.randint(0, 2)), task.due))
        return replace(task, status=TaskStatus.ACCEPTED, done_on=done, accepted_on=accepted)
    if roll < late:
        done = day(task.due + timedelta(days=rng.randint(1, 4)))
        accepted = day(done + timedelta(days=rng.randint(0, 2)))
        return replace(task, status=TaskStatus.ACCEPTED, done_on=done, accepted_on=accepted)
    if roll < waiting:
        done = day(task.due - timedelta(days=rng.randint(0, 2)))
        return replace(task, status=TaskStatus.DONE, done_on=done)
    return task  # forgotten: open and overdue


def demo_tasks(
    employees: Sequence[Employee],
    duty_lists: Sequence[DutyTemplate],
    periods: Sequence[Period],
    today: date,
) -> tuple[Task, ...]:
    """Every period's duties (from the duty lists) and one-off tasks, with statuses."""
    rng = random.Random(20020902)
    tasks: list[Task] = []
    for period in periods:
        duties, _problems = generate_duties(duty_lists, employees, period, ())
        for task in (*duties, *_one_off(employees, period)):
            tasks.append(_with_status(task, rng, today))
    return tuple(tasks)
