"""Rights enforced by the company server itself (SPEC §3.2, §8.1): users added on a server
are PostgreSQL logins in their role's group, and plain SQL as a store manager reads only
their store's rows and no one's pay but their own — not only through kpidesk."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest

from tests.cli.conftest import Run
from tests.engines import create_database, database_name, drop_database, drop_roles

STORE, OTHER = "Центральный", "ТЦ «Мега»"


class Server:
    """A company on the test server with an owner, a manager and a viewer login."""

    def __init__(self, url: str, suffix: str) -> None:
        self.url = url
        self.manager, self.viewer = f"maria_{suffix}", f"gost_{suffix}"
        self.passwords = {self.manager: "центр-пароль", self.viewer: "смотрю-только"}
        self.linked = ""

    def as_login(self, login: str) -> str:
        user = login
        base = self.url.split("://", 1)[1].split("@", 1)[1]
        return f"postgresql://{user}@{base}"

    def sql(self, login: str, query: str) -> list[tuple[object, ...]]:
        import psycopg

        with psycopg.connect(
            self.as_login(login), password=self.passwords[login], autocommit=True
        ) as conn:
            return conn.execute(query).fetchall()


@pytest.fixture(scope="module")
def company(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    from datetime import date

    from kpidesk.services.company import CompanyService
    from kpidesk.services.demo_setup import create_demo_database
    from kpidesk.services.server import initialise_server, upload_company
    from kpidesk.services.users import add_user

    name = database_name(request)
    url = create_database(name)
    server = Server(url, str(os.getpid()))
    demo = tmp_path_factory.mktemp("rights") / "demo.kpidesk"
    create_demo_database(demo, today=date(2026, 12, 1))
    initialise_server(url)
    upload_company(url, demo)
    with CompanyService.open(url) as service:
        server.linked = next(e.name for e in service.company().employees if e.store == STORE)
        add_user(service, f"boss_{os.getpid()}", "owner", "хозяйский-1")
        add_user(
            service,
            server.manager,
            "manager",
            server.passwords[server.manager],
            store=STORE,
            employee=server.linked,
        )
        add_user(service, server.viewer, "viewer", server.passwords[server.viewer])
    yield server
    drop_database(name)
    drop_roles(name)


def test_plain_sql_as_a_manager_reads_only_their_store_and_their_own_pay(
    company: Server,
) -> None:
    manager = company.manager
    stores = company.sql(
        manager, "SELECT DISTINCT s.name FROM daily d JOIN stores s ON s.id = d.store_id"
    )
    assert stores == [(STORE,)]
    people = company.sql(
        manager,
        "SELECT e.name, s.name, e.fixed_pay, e.target_bonus FROM employees e"
        " LEFT JOIN stores s ON s.id = e.store_id",
    )
    assert {store for _, store, _, _ in people} == {STORE} and len(people) >= 2
    for name, _, fixed, bonus in people:
        if name == company.linked:
            assert fixed > 0 and bonus > 0  # type: ignore[operator]
        else:
            assert fixed == 0 and bonus == 0
    facts = company.sql(
        manager,
        "SELECT DISTINCT e.store_id FROM facts f JOIN employees e ON e.id = f.employee_id",
    )
    assert len(facts) <= 1
    import psycopg

    for table in ("public.employees", "period_snapshots"):
        try:
            rows = company.sql(manager, f"SELECT * FROM {table}")
        except psycopg.errors.InsufficientPrivilege:
            continue
        assert rows == [], table  # readable, but nothing of it is theirs
    audit = company.sql(manager, "SELECT DISTINCT store FROM audit")
    assert all(store == STORE for (store,) in audit)
    with pytest.raises(psycopg.Error):  # nor can they write another store's day
        company.sql(
            manager,
            "INSERT INTO daily (store_id, day, revenue, receipts, visitors)"
            f" SELECT id, '2026-12-03', 1, 1, 1 FROM stores WHERE name = '{OTHER}'",
        )


def test_plain_sql_as_a_viewer_reads_every_result_and_no_money(company: Server) -> None:
    people = company.sql(company.viewer, "SELECT fixed_pay, target_bonus FROM employees")
    assert len(people) > 10 and all(row == (0, 0) for row in people)
    stores = company.sql(company.viewer, "SELECT count(DISTINCT store_id) FROM daily")
    assert stores[0][0] == 3
    money = company.sql(
        company.viewer, "SELECT count(*) FROM audit WHERE field IN ('fixed_pay', 'target_bonus')"
    )
    assert money == [(0,)]


def test_kpidesk_as_the_managers_login(company: Server, kpidesk: Run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PGPASSWORD", company.passwords[company.manager])
    url = company.as_login(company.manager)
    report = json.loads(kpidesk("--db", url, "report", "bonus", "--period", "2026-11").stdout)
    assert {e["store"] for e in report["employees"]} == {STORE}
    for employee in report["employees"]:
        own = employee["employee"] == company.linked
        assert (employee["total"] is not None) is (own and employee["status"] == "complete")
        assert employee["kpi"] is not None or employee["status"] == "incomplete"
    assert report["totals"]["fixed_pay"] is None
    day = ("--date", "01.12.2026", "--revenue", "1 000", "--receipts", "1", "--visitors", "2")
    other = kpidesk("--db", url, "daily", "set", "--store", OTHER, *day)
    assert other.returncode == 1 and "Traceback" not in other.stderr
    own = kpidesk("--db", url, "daily", "set", "--store", STORE, *day)
    assert own.returncode == 0, own.stderr
    monkeypatch.setenv("PGPASSWORD", "неверный")
    wrong = kpidesk("--db", url, "report", "bonus", "--period", "2026-11")
    assert wrong.returncode == 1 and "отказал во входе" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_server_init_says_which_grant_it_needs(
    request: pytest.FixtureRequest, kpidesk: Run, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    from tests.engines import server_url

    login, name = f"plain_{os.getpid()}", f"{database_name(request)}_plain"[:60]
    with psycopg.connect(server_url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'DROP ROLE IF EXISTS "{login}"')
        conn.execute(f"CREATE ROLE \"{login}\" LOGIN PASSWORD 'plain-1'")
        conn.execute(f'CREATE DATABASE "{name}"')  # anyone may connect to it
    original = os.environ.get("PGPASSWORD", "")
    try:
        monkeypatch.setenv("PGPASSWORD", "plain-1")
        base = server_url().split("@", 1)[1].rsplit("/", 1)[0]
        done = kpidesk("--db", f"postgresql://{login}@{base}/{name}", "server", "init")
        assert done.returncode == 1 and "CREATEROLE" in done.stderr
        assert "Traceback" not in done.stderr
    finally:
        monkeypatch.setenv("PGPASSWORD", original)
        with psycopg.connect(server_url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'DROP ROLE IF EXISTS "{login}"')


def test_nothing_is_left_of_the_password_in_the_company(company: Server) -> None:
    from kpidesk.services.company import CompanyService

    with CompanyService.open(company.url) as service:
        hashes = [row.password_hash for row in service.database.users.users()]
    assert hashes and all(value == "" for value in hashes)  # the server keeps them


def test_a_write_past_the_apps_own_checks_is_refused_by_the_server(company: Server) -> None:
    from dataclasses import dataclass
    from datetime import date
    from decimal import Decimal
    from typing import ClassVar

    from kpidesk.core.daily import DailyEntry
    from kpidesk.core.rights import Right
    from kpidesk.services.changes import Change, ChangeKind
    from kpidesk.services.company import CompanyService
    from kpidesk.services.errors import UserError
    from kpidesk.services.operations import Operation, Session, Target

    @dataclass
    class Sneaky(Operation):
        """Claims the manager's own store, writes another's."""

        name: ClassVar[str] = "sneaky"
        right: ClassVar[Right] = Right.DAILY

        def target(self, session: Session) -> Target:
            return Target(store=STORE)

        def apply(self, session: Session) -> Change:
            session.db.daily.upsert_daily(DailyEntry(OTHER, date(2026, 12, 4), Decimal(5), 1, 1))
            return Change(ChangeKind.DAILY)

    url = company.as_login(company.manager)
    service = CompanyService.connect(url, password=company.passwords[company.manager])
    with service:
        with pytest.raises(UserError) as refused:
            service.run(Sneaky())
        assert refused.value.codes == ["server_no_right"]
