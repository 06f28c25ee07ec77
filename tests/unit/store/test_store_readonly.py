"""Opening a company file for reading only (``Database.open_readonly``): nothing created,
nothing written, no file left behind, an older file migrated in memory only, a damaged file
reported as damaged; and the restore's check of its source and the safety copy kept apart
from the rotation."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from store_testdata import small_content

from kpidesk.core.org import Store
from kpidesk.store import Database, ReadOnlyError, StoreError
from kpidesk.store.backup import (
    list_backups,
    list_safety_copies,
    newest_good_backup,
    restore,
    validate_source,
)
from kpidesk.store.errors import (
    DamagedError,
    EmptyDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
)
from kpidesk.store.migrations import CURRENT_VERSION, inspect_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _company(tmp_path: Path, name: str = "co.sqlite") -> Path:
    path = tmp_path / name
    with Database.open(path, actor="t") as db:
        db.content.apply_content(small_content())
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(path: Path) -> list[str]:
    """The files next to ``path`` that SQLite may create."""
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def damage_a_table(source: Path, target: Path, table: str = "daily") -> None:
    """Copy ``source`` to ``target`` with the root page of ``table`` overwritten by garbage:
    the file still opens (its catalogue and ``meta`` are intact), reading that table fails
    and the integrity check reports it."""
    conn = sqlite3.connect(source)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        row = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        root_page = int(row.fetchone()[0])
    finally:
        conn.close()
    data = bytearray(source.read_bytes())
    start = (root_page - 1) * page_size
    data[start : start + page_size] = b"\x0d\xff\xa5\x13" * (page_size // 4)
    target.write_bytes(bytes(data))


def test_a_valid_file_is_read_and_left_exactly_as_it_was(tmp_path: Path) -> None:
    path = _company(tmp_path)
    before, mtime = _digest(path), path.stat().st_mtime_ns
    assert _beside(path) == []
    with Database.open_readonly(path, actor="t") as db:
        assert db.readonly
        assert {s.name for s in db.org.stores()} >= {"Мега", "Центр"}
        assert len(db.content.export_content().daily) == 122
        with pytest.raises(ReadOnlyError):
            db.org.save_store(None, Store("Новый"))
        with pytest.raises(StoreError):
            db.backup()
    assert _digest(path) == before and path.stat().st_mtime_ns == mtime
    assert _beside(path) == []  # the -wal and -shm of the read were removed
    assert not (tmp_path / "backups").exists()


def test_reading_beside_an_open_writer_sees_its_data_and_keeps_its_files(tmp_path: Path) -> None:
    """The window has the file open (its log holds the newest committed rows): a report
    reads them, and does not remove the files the window's connection uses."""
    path = _company(tmp_path)
    writer = Database.open(path, actor="t", backup_on_open=False)
    try:
        writer.org.save_store(None, Store("Из журнала"))
        assert Path(f"{path}-wal").exists()
        with Database.open_readonly(path, actor="t") as db:
            assert "Из журнала" in {s.name for s in db.org.stores()}
        assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
        writer.org.save_store(None, Store("После отчёта"))  # the writer goes on unharmed
    finally:
        writer.close()
    with Database.open_readonly(path, actor="t") as db:
        assert "После отчёта" in {s.name for s in db.org.stores()}


def test_missing_and_empty_files_are_refused_without_creating_anything(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "co.sqlite"
    with pytest.raises(StoreError):
        Database.open_readonly(missing, actor="t")
    assert not missing.parent.exists()
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    with pytest.raises(EmptyDatabaseError):
        Database.open_readonly(empty, actor="t")
    assert empty.stat().st_size == 0 and _beside(empty) == []
    blank = tmp_path / "blank.sqlite"  # an SQLite database without a company
    sqlite3.connect(blank).execute("PRAGMA user_version = 0").close()
    with pytest.raises(EmptyDatabaseError):
        Database.open_readonly(blank, actor="t")
    text = tmp_path / "notes.sqlite"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(NotADatabaseError):
        Database.open_readonly(text, actor="t")


def test_an_older_file_is_migrated_in_memory_only(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite"
    shutil.copy(FIXTURES / "schema_v3.sqlite", path)
    assert inspect_file(path) == 3 < CURRENT_VERSION
    before = _digest(path)
    with Database.open_readonly(path, actor="t") as db:
        assert db.schema_version == CURRENT_VERSION
        assert db.org.stores()  # the fixture's data is there
        with pytest.raises(ReadOnlyError):
            db.org.save_store(None, Store("Новый"))
    assert _digest(path) == before and inspect_file(path) == 3
    assert _beside(path) == [] and not (tmp_path / "backups").exists()


def test_a_newer_file_is_refused(tmp_path: Path) -> None:
    path = _company(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError):
        Database.open_readonly(path, actor="t")


def test_a_damaged_file_is_reported_as_damaged(tmp_path: Path) -> None:
    good = _company(tmp_path)
    damaged = tmp_path / "damaged.sqlite"
    damage_a_table(good, damaged)
    with pytest.raises(DamagedError) as found:
        Database.open_readonly(damaged, actor="t")
    assert found.value.problems and found.value.path == damaged
    with pytest.raises(DamagedError):  # opening for writing says the same
        Database.open(damaged, actor="t", backup_on_open=False)
    assert _beside(damaged) == []


def test_an_unwritable_file_is_read_immutable_leaving_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the file cannot be written (as the operating system says), no -wal/-shm can
    be made either; it is read ``immutable``. (Run as root, chmod denies nothing: the
    decision is tested by what ``os.access`` answers.)"""
    path = _company(tmp_path)
    real = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if Path(p) == path and mode == os.W_OK else real(p, mode),
    )
    with Database.open_readonly(path, actor="t") as db:
        assert Path(f"{path}-shm").exists() is False  # immutable: no shared memory at all
        assert db.org.stores()


# --- the restore's check and the safety copy ---------------------------------------------
def test_validate_source_sorts_every_bad_file(tmp_path: Path) -> None:
    good = _company(tmp_path)
    assert validate_source(good) == CURRENT_VERSION
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    noise = tmp_path / "noise.sqlite"
    noise.write_bytes(bytes(range(256)) * 20)
    damaged = tmp_path / "damaged.sqlite"
    damage_a_table(good, damaged)
    cases: dict[Path, type[Exception]] = {
        empty: EmptyDatabaseError,
        noise: NotADatabaseError,
        damaged: DamagedError,
        tmp_path / "missing.sqlite": StoreError,
    }
    for path, expected in cases.items():
        with pytest.raises(expected):
            validate_source(path)


def test_the_pre_restore_copy_outlives_the_rotation(tmp_path: Path) -> None:
    path = _company(tmp_path)
    with Database.open(path, actor="t", backup_on_open=False) as db:
        snapshot = db.backup(reason="before")
        db.org.save_store(None, Store("После"))
    replaced = _dump(path)
    safety = restore(path, snapshot)
    assert safety is not None and safety.parent.name == "before-restore"
    assert safety not in list_backups(path) and list_safety_copies(path) == [safety]
    with Database.open(path, actor="t", backup_on_open=False, keep=3) as db:
        for number in range(15):
            db.backup(reason=f"n{number}")
        assert len(db.backups()) == 3
    assert safety.exists() and validate_source(safety) == CURRENT_VERSION
    assert _dump(safety) == replaced


def test_the_newest_good_backup_skips_damaged_ones(tmp_path: Path) -> None:
    path = _company(tmp_path)
    assert newest_good_backup(path) is None
    with Database.open(path, actor="t", backup_on_open=False) as db:
        good = db.backup(reason="good")
    bad = good.parent / "co-29991231-235959-bad.sqlite"  # the newest by its name
    damage_a_table(good, bad)
    assert list_backups(path)[0] == bad
    assert newest_good_backup(path) == good


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [line for line in conn.iterdump() if "sqlite_sequence" not in line]
    finally:
        conn.close()
