"""``kpidesk report tasks`` and ``kpidesk tasks generate`` in a subprocess: the JSON shape
of SPEC issue 7 against hand-made tasks, --as-of, CSV, bad input as a clear message."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kpidesk.core.company import CompanyContent
from kpidesk.core.org import Employee
from kpidesk.core.periods import Period
from kpidesk.core.tasks import DutyTemplate, Task, TaskKind, TaskStatus
from kpidesk.store import Database

CLI_LANG = "en"  # these tests read the English messages (see conftest)

Run = Callable[..., subprocess.CompletedProcess[str]]
OCT = Period.month(2026, 10)
ANNA, BORIS = "Анна", "Борис"


@pytest.fixture
def company(tmp_path: Path) -> Path:
    path = tmp_path / "tasks.kpidesk"
    tasks = (
        Task("A1", ANNA, BORIS, OCT, date(2026, 10, 5)),
        Task("A2", ANNA, BORIS, OCT, date(2026, 10, 20), status=TaskStatus.DONE),
        Task("A3", ANNA, BORIS, OCT, date(2026, 10, 6), status=TaskStatus.ACCEPTED),
        Task("B1", BORIS, ANNA, OCT, date(2026, 10, 25), TaskKind.DUTY),
    )
    content = CompanyContent(
        employees=(Employee(ANNA, "Продавец"), Employee(BORIS, "Управляющий")),
        duty_templates=(DutyTemplate("Пересчёт", "Управляющий", position="Продавец"),),
        tasks=tasks,
    )
    with Database.open(path, actor="t") as db:
        db.content.apply_content(content)
    return path


def test_report_tasks_json_by_assignee(kpidesk: Run, company: Path) -> None:
    done = kpidesk(
        "--db",
        str(company),
        "report",
        "tasks",
        "--period",
        "2026-10",
        "--as-of",
        "15.10.2026",
        check_code=0,
    )
    data = json.loads(done.stdout)
    assert data.pop("company") == {"name": "tasks", "location": str(company.resolve())}
    assert data == {
        "period": "2026-10",
        "by": "assignee",
        "rows": [
            {
                "employee": ANNA,
                "total": 3,
                "open": 1,
                "done": 1,
                "accepted": 1,
                "overdue": 1,
                "max_days_overdue": 10,
                "to_accept": 0,
            },
            {
                "employee": BORIS,
                "total": 1,
                "open": 1,
                "done": 0,
                "accepted": 0,
                "overdue": 0,
                "max_days_overdue": 0,
                "to_accept": 1,
            },
        ],
    }


def test_report_tasks_debtors_default_as_of(kpidesk: Run, company: Path) -> None:
    # overdue is counted today, or on 31.10 once October is over
    as_of = min(date.today(), OCT.end)
    done = kpidesk(
        "--db", str(company), "report", "tasks", "--period", "2026-10", "--by", "debtors",
        check_code=0,
    )  # fmt: skip
    rows = json.loads(done.stdout)["rows"]
    late = {ANNA: (as_of - date(2026, 10, 5)).days, BORIS: (as_of - date(2026, 10, 25)).days}
    expected = sorted(
        ((name, 1, days) for name, days in late.items() if days > 0), key=lambda r: -r[2]
    )
    assert [(r["employee"], r["overdue"], r["max_days_overdue"]) for r in rows] == expected
    if as_of == OCT.end:
        assert expected == [(ANNA, 1, 26), (BORIS, 1, 6)]


def test_report_tasks_by_controller_csv(kpidesk: Run, company: Path) -> None:
    done = kpidesk(
        "--db",
        str(company),
        "report",
        "tasks",
        "--period",
        "2026-10",
        "--by",
        "controller",
        "--format",
        "csv",
        check_code=0,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("# ") and str(company.resolve()) in lines[0]
    assert lines[1] == "employee,total,open,done,accepted,overdue,max_days_overdue,to_accept"
    assert lines[2].startswith(f"{BORIS},3,1,1,1,")  # one done task waits for Борис


def test_tasks_generate_is_idempotent(kpidesk: Run, company: Path) -> None:
    first = kpidesk("--db", str(company), "tasks", "generate", "--period", "2026-11", check_code=0)
    assert "created 1 duties for 2026-11" in first.stdout
    again = kpidesk("--db", str(company), "tasks", "generate", "--period", "2026-11", check_code=0)
    assert "no new duties" in again.stdout
    with Database.open(company, actor="t") as db:
        (duty,) = db.tasks.tasks(Period.month(2026, 11))
    assert (duty.assignee, duty.controller, duty.kind) == (ANNA, BORIS, TaskKind.DUTY)


def test_bad_input_is_a_clear_message(kpidesk: Run, company: Path) -> None:
    done = kpidesk("--db", str(company), "report", "tasks", "--period", "октябрь")
    assert done.returncode == 2 and "not a period" in done.stderr
    done = kpidesk("--db", str(company), "report", "tasks", "--period", "2026-10", "--by", "nobody")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    missing = kpidesk(
        "--db",
        str(company.with_name("none.kpidesk")),
        "report",
        "tasks",
        "--period",
        "2026-10",
        check_code=1,
    )
    assert "no company file" in missing.stderr
