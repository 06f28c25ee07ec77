"""Users and rights on the command line (SPEC §5, §8.1): an owner, an accountant and a
manager of «Центральный» linked to an employee there, on the demo company."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import Run

OWNER, ACCOUNTANT, MANAGER, VIEWER = "Хозяин", "Бухгалтер", "Мария", "Гость"
PASSWORDS = {
    OWNER: "хозяйский пароль 1",
    ACCOUNTANT: "счёт-2026",
    MANAGER: "центр-пароль",
    VIEWER: "смотрю-только",
}
STORE, OTHER_STORE = "Центральный", "ТЦ «Мега»"


class Company:
    """The demo company with users, and how to run a command as one of them."""

    def __init__(self, kpidesk: Run, monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
        self.kpidesk, self.monkeypatch, self.db = kpidesk, monkeypatch, db

    def as_user(self, user: str | None, *args: str, password: str | None = None):  # type: ignore[no-untyped-def]
        if user is None:
            self.monkeypatch.delenv("KPIDESK_PASSWORD", raising=False)
            return self.kpidesk("--db", str(self.db), *args)
        self.monkeypatch.setenv("KPIDESK_PASSWORD", password or PASSWORDS[user])
        return self.kpidesk("--db", str(self.db), "--user", user, *args)

    def add_user(self, by: str | None, name: str, *options: str) -> None:
        self.monkeypatch.setenv("KPIDESK_NEW_PASSWORD", PASSWORDS[name])
        done = self.as_user(by, "users", "add", name, *options)
        assert done.returncode == 0, done.stderr

    def bonus(self, user: str | None, period: str) -> dict:  # type: ignore[type-arg]
        done = self.as_user(user, "report", "bonus", "--period", period)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo company for the module, copied for each test."""
    from datetime import date

    from kpidesk.services.demo_setup import create_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.kpidesk"
    create_demo_database(path, today=date(2026, 12, 1))
    return path


@pytest.fixture
def company(
    kpidesk: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, demo_file: Path
) -> tuple[Company, str, dict]:  # type: ignore[type-arg]
    """The company before users (its November report as it was), then with users."""
    import shutil

    db = tmp_path / "company.kpidesk"
    shutil.copy(demo_file, db)
    found = Company(kpidesk, monkeypatch, db)
    before = found.bonus(None, "2026-11")
    linked = next(e["employee"] for e in before["employees"] if e["store"] == STORE)
    found.add_user(None, OWNER, "--role", "owner")
    found.add_user(OWNER, ACCOUNTANT, "--role", "accountant")
    found.add_user(OWNER, MANAGER, "--role", "manager", "--store", STORE, "--employee", linked)
    found.add_user(OWNER, VIEWER, "--role", "viewer")
    return found, linked, before


def test_a_manager_sees_only_their_store_and_only_their_own_money(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
) -> None:
    found, linked, before = company
    report = found.bonus(MANAGER, "2026-11")
    everyone = {e["employee"]: e for e in before["employees"]}
    names = [e["employee"] for e in report["employees"]]
    expected = [e["employee"] for e in before["employees"] if e["store"] == STORE]
    assert names == expected and len(names) >= 2
    assert report["totals"]["fixed_pay"] is None  # no sum of pay they may not see
    for employee in report["employees"]:
        full = everyone[employee["employee"]]
        assert employee["kpi"] == full["kpi"]  # results are theirs to see
        if employee["employee"] == linked:
            assert (employee["fixed_pay"], employee["bonus"], employee["total"]) == (
                full["fixed_pay"],
                full["bonus"],
                full["total"],
            )
            assert employee["total"] is not None
        else:
            assert employee["fixed_pay"] is None
            assert employee["bonus"] is None and employee["total"] is None
            assert all(row.get("amount") is None for row in employee["rows"])


def test_the_owner_sees_everything_as_before_users(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
) -> None:
    found, _, before = company
    assert found.bonus(OWNER, "2026-11") == before
    assert found.bonus(ACCOUNTANT, "2026-11") == before


def test_a_viewer_sees_results_and_no_money(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
) -> None:
    found, _, before = company
    report = found.bonus(VIEWER, "2026-11")
    assert len(report["employees"]) == len(before["employees"])
    assert all(e["fixed_pay"] is None and e["total"] is None for e in report["employees"])
    assert [e["kpi"] for e in report["employees"]] == [e["kpi"] for e in before["employees"]]
    pdf = found.as_user(
        VIEWER, "report", "bonus", "--period", "2026-11", "--format", "pdf", "-o", "x.pdf"
    )
    assert pdf.returncode == 1 and "печатать" in pdf.stderr


def test_a_manager_enters_their_stores_days_only(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
) -> None:
    found, _, _ = company
    day = ("--date", "02.12.2026", "--revenue", "10 000", "--receipts", "10", "--visitors", "50")
    other = found.as_user(MANAGER, "daily", "set", "--store", OTHER_STORE, *day)
    assert other.returncode == 1
    assert "вносить ежедневные данные этого магазина" in other.stderr
    assert "Traceback" not in other.stderr
    own = found.as_user(MANAGER, "daily", "set", "--store", STORE, *day)
    assert own.returncode == 0, own.stderr
    with sqlite3.connect(found.db) as conn:
        (actor,) = conn.execute(
            "SELECT actor FROM audit WHERE entity = 'daily' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert actor == MANAGER  # the audit names the logged-in user


def test_a_manager_cannot_reopen_lock_or_export(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    found, _, _ = company
    reopen = found.as_user(MANAGER, "period", "reopen", "2026-10", "--reason", "ошибка")
    assert reopen.returncode == 1 and "Traceback" not in reopen.stderr
    lock = found.as_user(MANAGER, "period", "lock", "2026-11")
    assert lock.returncode == 1
    export = found.as_user(MANAGER, "export", str(tmp_path / "all.xlsx"))
    assert export.returncode == 1 and not (tmp_path / "all.xlsx").exists()


def test_no_user_and_wrong_passwords_are_refused(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
) -> None:
    found, _, _ = company
    anonymous = found.as_user(None, "report", "bonus", "--period", "2026-11")
    assert anonymous.returncode == 1 and "--user" in anonymous.stderr and not anonymous.stdout
    wrong = found.as_user(MANAGER, "report", "bonus", "--period", "2026-11", password="нет")
    unknown = found.as_user("Никто", "report", "bonus", "--period", "2026-11", password="нет")
    assert wrong.returncode == unknown.returncode == 1
    assert wrong.stderr == unknown.stderr  # nothing tells which of the two was wrong
    assert "Неверное имя пользователя или пароль" in wrong.stderr and not wrong.stdout


def test_the_file_holds_no_password_but_its_scrypt_hash(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
) -> None:
    found, _, _ = company
    with sqlite3.connect(found.db) as conn:
        hashes = [row[0] for row in conn.execute("SELECT password_hash FROM users")]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert len(hashes) == 4 and all(h.startswith("scrypt$16384$8$1$") for h in hashes)
    files = [found.db, *found.db.parent.glob("**/*.sqlite"), *found.db.parent.glob("*-wal")]
    data = b"".join(path.read_bytes() for path in files if path.is_file())
    for password in PASSWORDS.values():
        assert password.encode("utf-8") not in data
        assert password.encode("utf-16-le") not in data


def test_the_last_owner_stays_and_the_first_user_is_an_owner(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
    kpidesk: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found, _, _ = company
    alone = found.as_user(OWNER, "users", "disable", OWNER)
    assert alone.returncode == 1 and "последний действующий владелец" in alone.stderr
    by_manager = found.as_user(MANAGER, "users", "disable", VIEWER)
    assert by_manager.returncode == 1
    disabled = found.as_user(OWNER, "users", "disable", VIEWER)
    assert disabled.returncode == 0, disabled.stderr
    gone = found.as_user(VIEWER, "report", "bonus", "--period", "2026-11")
    assert gone.returncode == 1 and "Неверное имя пользователя или пароль" in gone.stderr
    listed = found.as_user(OWNER, "users", "list", "--format", "json")
    users = {row["name"]: row for row in json.loads(listed.stdout)}
    assert users[VIEWER]["disabled"] and users[MANAGER]["store"] == STORE
    # a new company: its first user must be an owner
    fresh = tmp_path / "fresh.kpidesk"
    kpidesk("--db", str(fresh), "init", check_code=0)
    monkeypatch.setenv("KPIDESK_NEW_PASSWORD", "пароль-1")
    first = kpidesk("--db", str(fresh), "users", "add", "Пётр", "--role", "manager")
    assert first.returncode == 1 and "владелец" in first.stderr


def test_the_pay_list_goes_step_by_step(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
) -> None:
    found, _, _ = company
    period = "2026-11"

    def step(user: str, *args: str) -> tuple[int, str]:
        done = found.as_user(user, *args)
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout + done.stderr

    assert step(OWNER, "paylist", "approve", period)[0] == 1  # not checked yet
    assert step(OWNER, "period", "lock", period)[0] == 1  # not approved yet
    assert step(MANAGER, "paylist", "check", period)[0] == 1  # wrong role
    assert step(OWNER, "paylist", "check", period)[0] == 1  # the accountant checks
    code, text = step(ACCOUNTANT, "paylist", "check", period)
    assert code == 0 and "проверена" in text and ACCOUNTANT in text
    assert step(ACCOUNTANT, "paylist", "approve", period)[0] == 1  # the owner approves
    assert step(ACCOUNTANT, "period", "lock", period)[0] == 1  # approve first
    code, text = step(OWNER, "paylist", "approve", period)
    assert code == 0 and "утверждена" in text and OWNER in text
    code, text = step(ACCOUNTANT, "period", "lock", period)
    assert code == 0, text
    code, text = step(OWNER, "paylist", "status", period)
    assert "закрыта" in text
    assert step(ACCOUNTANT, "period", "reopen", period, "--reason", "ошибка")[0] == 1
    code, text = step(OWNER, "paylist", "back", period, "--reason", "пересчёт")
    assert code == 0 and "утверждена" in text
    code, text = step(OWNER, "paylist", "back", period, "--reason", "пересчёт")
    assert code == 0 and "проверена" in text
    with sqlite3.connect(found.db) as conn:
        steps = conn.execute(
            "SELECT actor, action, old, new FROM audit WHERE entity IN ('paylist', 'period')"
            " AND key = ? AND NOT (entity = 'paylist' AND field = 'reason') ORDER BY id",
            (period,),
        ).fetchall()
    assert steps == [
        (ACCOUNTANT, "checked", "draft", "checked"),
        (OWNER, "approved", "checked", "approved"),
        (ACCOUNTANT, "lock", None, None),
        (OWNER, "reopen", None, "пересчёт"),
        (OWNER, "back", "approved", "checked"),
    ]


def test_a_changed_result_makes_a_checked_list_a_draft_again(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
) -> None:
    found, _, _ = company
    assert found.as_user(ACCOUNTANT, "paylist", "check", "2026-11").returncode == 0
    day = ("--date", "03.11.2026", "--revenue", "999 999", "--receipts", "99", "--visitors", "300")
    assert found.as_user(OWNER, "daily", "set", "--store", STORE, *day).returncode == 0
    approve = found.as_user(OWNER, "paylist", "approve", "2026-11")
    assert approve.returncode == 1 and "изменился" in approve.stderr
    status = found.as_user(OWNER, "paylist", "status", "2026-11")
    assert "черновик" in status.stdout


def test_the_printed_sheets_carry_the_step_and_who_signed(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler (pdftotext)")
    found, linked, _ = company

    def printed(user: str, name: str) -> str:
        pdf = tmp_path / name
        done = found.as_user(
            user, "report", "bonus", "--period", "2026-11", "--format", "pdf", "-o", str(pdf)
        )
        assert done.returncode == 0, done.stderr
        return subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout

    assert "Ведомость: черновик" in printed(OWNER, "draft.pdf")
    assert found.as_user(ACCOUNTANT, "paylist", "check", "2026-11").returncode == 0
    assert found.as_user(OWNER, "paylist", "approve", "2026-11").returncode == 0
    text = printed(OWNER, "approved.pdf")
    pages = text.split("\f")
    signed = [page for page in pages if "Ведомость: утверждена" in page]
    assert len(signed) == len([page for page in pages if page.strip()])  # every page
    assert f"проверил(а) {ACCOUNTANT}" in text and f"утвердил(а) {OWNER}" in text
    own = printed(MANAGER, "manager.pdf")  # a manager prints their own sheet only
    assert linked in own
    others = [e for e in found.bonus(OWNER, "2026-11")["employees"] if e["employee"] != linked]
    assert not any(e["employee"] in own for e in others)


def test_backup_restore_and_check_need_their_rights(
    company: tuple[Company, str, dict],  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    found, _, _ = company
    copy = tmp_path / "copy.kpidesk"
    assert found.as_user(MANAGER, "backup", "-o", str(copy)).returncode == 1
    assert not copy.exists()
    assert found.as_user(MANAGER, "check").returncode == 1
    assert found.as_user(ACCOUNTANT, "check").returncode == 0
    done = found.as_user(OWNER, "backup", "-o", str(copy))
    assert done.returncode == 0, done.stderr
    before = found.db.read_bytes()
    refused = found.as_user(MANAGER, "restore", str(copy))
    assert refused.returncode == 1 and found.db.read_bytes() == before
    restored = found.as_user(OWNER, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
