"""The company server from the command line (SPEC §3.2, §5): ``server init``, ``server
upload``, a backup that is a company file, ``check``, and the same reports, byte for byte,
from a workbook imported into a company file and into a server — all but the line or field
that names where the report came from (the file or the server), which must differ."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.cli.test_cli_foundation import _fill_template
from tests.engines import create_database, database_name, drop_database, empty_server

REPORTS = (
    ("report", "bonus", "--period", "2026-10"),
    ("report", "bonus", "--period", "2026-10", "--format", "csv"),
    ("report", "stores", "--from", "01.10.2026", "--to", "31.10.2026"),
    ("report", "rating", "--period", "2026-10", "--by", "employee"),
    ("report", "rating", "--period", "2026-10", "--by", "store", "--indicator", "revenue"),
)


@pytest.fixture(scope="module")
def bare_server(request: pytest.FixtureRequest) -> Iterator[str]:
    """An empty database on the test server (no kpidesk schema), for this module."""
    name = database_name(request)
    url = create_database(name)
    yield url
    drop_database(name)


@pytest.fixture
def server(bare_server: str) -> str:
    """The module's database, emptied of every table before each test."""
    import psycopg

    with psycopg.connect(bare_server, autocommit=True) as conn:
        conn.execute(
            "DROP SCHEMA IF EXISTS kpidesk_masked CASCADE;"
            " DROP SCHEMA public CASCADE; CREATE SCHEMA public"
        )
    return bare_server


def _content(report: str) -> tuple[str, str]:
    """A report split into where it says it came from and the rest, byte for byte: a JSON
    report's ``company`` (its name and location), a CSV report's first ``# name — location``
    line."""
    if report.startswith("{"):
        parsed = json.loads(report)
        company = parsed.pop("company")  # its name too: a nameless company is called
        return company["location"], json.dumps(parsed, ensure_ascii=False)  # by its place
    first, rest = report.split("\n", 1)
    assert first.startswith("# ")
    return first.rsplit(" — ", 1)[1], rest


def _reports(kpidesk: Run, location: str) -> list[str]:
    found = []
    for args in REPORTS:
        origin, rest = _content(kpidesk("--db", location, *args, check_code=0).stdout)
        assert origin != "" and (origin == location or origin in location or location in origin)
        found.append(rest)
    return found


def _same_report(kpidesk: Run, args: tuple[str, ...], one: str, other: str) -> None:
    first = _content(kpidesk("--db", one, *args, check_code=0).stdout)
    second = _content(kpidesk("--db", other, *args, check_code=0).stdout)
    assert first[0] != second[0] and first[1] == second[1]


def test_a_workbook_gives_the_same_reports_on_a_file_and_a_server(
    kpidesk: Run, tmp_path: Path, server: str
) -> None:
    workbook = tmp_path / "kpi.xlsx"
    kpidesk("template", "-o", str(workbook), "--lang", "ru", check_code=0)
    _fill_template(workbook)
    company = tmp_path / "company.kpidesk"
    kpidesk("--db", str(company), "import", str(workbook), check_code=0)
    init = kpidesk("--db", server, "server", "init", check_code=0)
    assert "создана пустая компания" in init.stdout
    kpidesk("--db", server, "import", str(workbook), check_code=0)
    on_file, on_server = _reports(kpidesk, str(company)), _reports(kpidesk, server)
    assert on_file == on_server
    bonus = json.loads(on_server[0])
    assert {e["employee"]: e["total"] for e in bonus["employees"]}["Петров Пётр"] == "58233.10"
    again = kpidesk("--db", server, "import", str(workbook), check_code=0)
    assert "ничего не изменилось" in again.stdout or "nothing" in again.stdout


def test_upload_of_the_demo_gives_the_same_reports_and_a_backup_brings_it_back(
    kpidesk: Run, tmp_path: Path, server: str
) -> None:
    demo = tmp_path / "demo.kpidesk"
    kpidesk("--db", str(demo), "demo", "--no-gui", check_code=0)
    uploaded = kpidesk("--db", server, "server", "upload", str(demo), check_code=0)
    assert "загружен" in uploaded.stdout
    months = [("report", "bonus", "--period", p) for p in ("2026-09", "2026-10", "2026-11")]
    for args in months:
        _same_report(kpidesk, args, str(demo), server)
    check = kpidesk("--db", server, "check", check_code=0)
    assert "строк по таблицам" in check.stdout
    again = kpidesk("--db", server, "server", "upload", str(demo))
    assert again.returncode == 1 and "не пуста" in again.stderr
    backup = tmp_path / "from-server.kpidesk"
    kpidesk("--db", server, "backup", "-o", str(backup), check_code=0)
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for args in months:
        _same_report(kpidesk, args, str(backup), str(demo))


def test_server_commands_refuse_what_they_cannot_do(
    kpidesk: Run, tmp_path: Path, server: str
) -> None:
    kpidesk("--db", server, "server", "init", check_code=0)
    twice = kpidesk("--db", server, "server", "init")
    assert twice.returncode == 1 and "не пуста" in twice.stderr
    empty_server(server)
    report = kpidesk("--db", server, "report", "bonus", "--period", "2026-10", check_code=0)
    assert json.loads(report.stdout)["employees"] == []
    no_url = kpidesk("--db", str(tmp_path / "x.kpidesk"), "server", "init")
    assert no_url.returncode == 1 and "postgresql://" in no_url.stderr
    restore = kpidesk("--db", server, "restore", str(tmp_path / "x.kpidesk"))
    assert restore.returncode == 1 and "server upload" in restore.stderr
    unreachable = kpidesk("--db", "postgresql://nobody@127.0.0.1:1/none", "check")
    assert unreachable.returncode == 1 and "Нет связи с сервером" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
    foreign = server.rsplit("/", 1)[0] + "/postgres"
    refused = kpidesk("--db", foreign, "check")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
