"""No command can lose the company (issue 13, item 3), as a user runs the commands:

- ``restore`` checks its file first and refuses an empty file, a text file, random bytes,
  a newer or a damaged database with a clear Russian message, the company file staying
  byte for byte what it was;
- the copy taken before a restore outlives any number of routine backups;
- the read-only commands (``check``, ``report …``, ``export``, ``period status``) never
  create or change a file;
- a damaged company file gets a damage report naming the newest good backup;
- a read-only file and a folder that cannot be written get their own messages.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from test_cli_russian import latin_words

from kpidesk.services.demo_setup import create_demo_database
from kpidesk.store import Database
from kpidesk.store.backup import list_backups, list_safety_copies, validate_source
from kpidesk.store.migrations import CURRENT_VERSION

Run = Callable[..., subprocess.CompletedProcess[str]]
TODAY = date(2026, 11, 22)
UNCHANGED = "файл компании не изменён"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("restore_demo") / "demo.kpidesk"
    create_demo_database(path, today=TODAY)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def company(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo company in its own folder (WAL mode, no -wal/-shm)."""
    folder = tmp_path / "company"
    folder.mkdir()
    target = folder / "demo.kpidesk"
    source, copy = sqlite3.connect(template), sqlite3.connect(target)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        copy.close()
        source.close()
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_files(folder: Path) -> set[str]:
    """Every file and folder under ``folder``, relative (what a command may have created)."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def damage_table(source: Path, target: Path, table: str = "daily") -> None:
    """``target``: ``source`` with the root page of ``table`` overwritten by garbage."""
    conn = sqlite3.connect(source)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        cursor = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        page = int(cursor.fetchone()[0])
    finally:
        conn.close()
    data = bytearray(source.read_bytes())
    data[(page - 1) * size : page * size] = b"\x0d\xff\xa5\x13" * (size // 4)
    target.write_bytes(bytes(data))


def dump(path: Path) -> list[str]:
    """The database's content as SQL (read through a copy: nothing is left beside it)."""
    conn = sqlite3.connect(":memory:")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(conn)
        return list(conn.iterdump())
    finally:
        source.close()
        conn.close()


# --- restore checks its file first -----------------------------------------------------------
def _bad_source(kind: str, company: Path, folder: Path) -> tuple[Path, str]:
    """A file that must not be restored, and what the refusal says about it."""
    source = folder / f"{kind}.kpidesk"
    if kind == "empty":
        source.write_bytes(b"")
        return source, "пуст"
    if kind == "text":
        source.write_text("Магазин;Выручка\nСевер;100\n", encoding="utf-8")
        return source, "не файл компании"
    if kind == "noise":
        source.write_bytes(bytes((n * 131 + 7) % 256 for n in range(16384)))
        return source, "не файл компании"
    if kind == "newer":
        shutil.copy(company, source)
        with sqlite3.connect(source) as conn:
            conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
        conn.close()
        return source, "более новой версией программы"
    damage_table(company, source)
    return source, "повреждён"


@pytest.mark.parametrize("kind", ["empty", "text", "noise", "newer", "damaged"])
def test_restore_refuses_a_bad_file_and_changes_nothing(
    kpidesk: Run, company: Path, tmp_path: Path, kind: str
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    source, says = _bad_source(kind, company, sources)
    before, files = digest(company), folder_files(company.parent)
    source_before = digest(source)
    done = kpidesk("--db", str(company), "restore", str(source), check_code=1)
    assert done.stderr.startswith("kpidesk: ") and "Traceback" not in done.stderr
    assert source.name in done.stderr and says in done.stderr, done.stderr
    assert UNCHANGED in done.stderr
    if kind == "damaged":  # the integrity check's findings follow, in SQLite's words
        assert "Проверка целостности:" in done.stderr
    else:
        assert latin_words(done.stderr) == [], done.stderr
    assert digest(company) == before and folder_files(company.parent) == files
    assert digest(source) == source_before and folder_files(sources) == {source.name}


def test_the_pre_restore_copy_outlives_routine_backups(
    kpidesk: Run, company: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.kpidesk"
    kpidesk("--db", str(company), "backup", "-o", str(good), check_code=0)
    kpidesk(
        "--db",
        str(company),
        "daily",
        "set",
        "--store",
        "ТЦ «Мега»",
        "--date",
        "05.11.2026",
        "--revenue",
        "123 456",
        check_code=0,
    )
    replaced = dump(company)
    done = kpidesk("--db", str(company), "restore", str(good), check_code=0)
    (safety,) = list_safety_copies(company)
    assert safety.parent == company.parent / "backups" / "before-restore"
    assert str(safety) in done.stdout or safety.name in done.stdout
    with Database.open(company, actor="t", backup_on_open=False) as db:
        for number in range(15):
            db.backup(reason=f"routine{number}")
    assert len(list_backups(company)) == 10  # the rotation kept its ten
    assert list_safety_copies(company) == [safety]
    assert validate_source(safety) == CURRENT_VERSION
    assert dump(safety) == replaced  # exactly what the restore replaced
    assert dump(company) != replaced


# --- read-only commands never create or change a file -----------------------------------------
def _read_only_commands(out: Path) -> dict[str, list[str]]:
    bonus = ["report", "bonus", "--period", "2026-10"]
    return {
        "check": ["check"],
        "bonus": bonus,
        "bonus pdf": [*bonus, "--format", "pdf", "-o", str(out / "b.pdf")],
        "bonus xlsx": [*bonus, "--format", "xlsx", "-o", str(out / "b.xlsx")],
        "stores": ["report", "stores", "--from", "01.10.2026", "--to", "31.10.2026"],
        "rating": ["report", "rating", "--period", "2026-10", "--by", "store"],
        "tasks": ["report", "tasks", "--period", "2026-10"],
        "status": ["period", "status", "2026-10"],
        "export": ["export", str(out / "all.xlsx")],
    }


def test_read_only_commands_leave_a_valid_file_untouched(
    kpidesk: Run, company: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    before, mtime = digest(company), company.stat().st_mtime_ns
    files = folder_files(company.parent)
    assert files == {company.name}
    for name, args in _read_only_commands(out).items():
        done = kpidesk("--db", str(company), *args)
        assert done.returncode == 0, (name, done.stderr)
        assert digest(company) == before and company.stat().st_mtime_ns == mtime, name
        assert folder_files(company.parent) == files, name  # no -wal, -shm, backups/


def test_read_only_commands_on_an_older_file_migrate_in_memory_only(
    kpidesk: Run, tmp_path: Path
) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v3.sqlite"
    old = tmp_path / "old" / "company.kpidesk"
    old.parent.mkdir()
    shutil.copy(fixture, old)
    before = digest(old)
    for args in (["check"], ["report", "bonus", "--period", "2026-10"]):
        done = kpidesk("--db", str(old), *args)
        assert done.returncode == 0, (args, done.stderr)
    assert digest(old) == before and folder_files(old.parent) == {old.name}


@pytest.mark.parametrize("name", ["check", "bonus", "stores", "export"])
def test_read_only_commands_refuse_a_missing_or_empty_file_without_writing(
    kpidesk: Run, tmp_path: Path, name: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = _read_only_commands(out)[name]
    missing = tmp_path / "нет" / "company.kpidesk"
    done = kpidesk("--db", str(missing), *args, check_code=1)
    assert "Traceback" not in done.stderr and f"Файла компании {missing} нет" in done.stderr
    assert not missing.parent.exists()
    empty = tmp_path / "empty" / "company.kpidesk"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    done = kpidesk("--db", str(empty), *args, check_code=1)
    assert "Traceback" not in done.stderr
    assert f"Файл {empty} пуст: в нём нет компании" in done.stderr, done.stderr
    assert latin_words(done.stderr) == [], done.stderr
    assert empty.stat().st_size == 0 and folder_files(empty.parent) == {empty.name}
    assert folder_files(out) == set()


# --- a damaged file gets a damage report ----------------------------------------------------
def test_a_damaged_file_gets_the_integrity_report_and_the_newest_good_backup(
    kpidesk: Run, company: Path, tmp_path: Path
) -> None:
    backups = company.parent / "backups"
    kpidesk("--db", str(company), "backup", check_code=0)
    (good,) = list_backups(company)
    damage_table(company, company)
    # a later backup of the damaged file: not good, so not the one to restore
    shutil.copy(company, backups / "demo-29991231-235959-open.sqlite")
    before = digest(company)
    export = ["export", str(tmp_path / "x.xlsx")]
    for args in (["check"], ["report", "bonus", "--period", "2026-10"], export):
        done = kpidesk("--db", str(company), *args, check_code=1)
        assert "Traceback" not in done.stderr
        assert f"Файл компании {company} повреждён" in done.stderr, done.stderr
        assert "Проверка целостности:" in done.stderr
        assert f"Восстановите последнюю исправную резервную копию: {good}" in done.stderr
        assert "не файл компании" not in done.stderr
    assert digest(company) == before
    kpidesk("--db", str(company), "restore", str(good), check_code=0)
    assert "файл цел" in kpidesk("--db", str(company), "check", check_code=0).stdout
    (kept,) = list_safety_copies(company)
    assert kept.name.endswith("-damaged.sqlite") and digest(kept) == before


# --- read-only file, read-only folder (denied only to a user who is not root) -------------------
@pytest.fixture
def restore_modes(company: Path) -> Iterator[None]:
    yield
    company.parent.chmod(stat.S_IRWXU)
    company.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.skipif(os.geteuid() == 0, reason="root is not denied by file modes")
def test_read_only_file_and_folder_have_their_own_messages(
    kpidesk: Run, company: Path, restore_modes: None
) -> None:
    day = ["daily", "set", "--store", "ТЦ «Мега»", "--date", "05.11.2026", "--revenue", "1000"]
    company.chmod(stat.S_IRUSR)
    done = kpidesk("--db", str(company), *day, check_code=1)
    # the file opens (it can be read), the write is refused by the runner
    assert "Файл компании доступен только для чтения" in done.stderr, done.stderr
    kpidesk("--db", str(company), "report", "bonus", "--period", "2026-10", check_code=0)
    assert folder_files(company.parent) == {company.name}
    company.chmod(stat.S_IRUSR | stat.S_IWUSR)
    company.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    done = kpidesk("--db", str(company), *day, check_code=1)
    assert f"В папку {company.parent} нельзя записывать" in done.stderr, done.stderr
    kpidesk("--db", str(company), "check", check_code=0)
