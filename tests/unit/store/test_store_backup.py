"""Backups, rotation, restore and the integrity check (on good and damaged files)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from store_testdata import small_content

from kpidesk.core.org import Store
from kpidesk.store import (
    CURRENT_VERSION,
    Database,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
    check_database,
    restore,
)
from kpidesk.store.backup import list_backups, rotate
from kpidesk.store.migrations import inspect_file

NAME = re.compile(r"^co-\d{8}-\d{6}(-[\w.-]+)?\.sqlite$")


def _company(tmp_path: Path) -> Path:
    path = tmp_path / "co.sqlite"
    with Database.open(path, actor="t") as db:
        db.content.apply_content(small_content())
    return path


def test_backup_names_default_folder_and_explicit_dest(tmp_path: Path) -> None:
    path = _company(tmp_path)
    with Database.open(path, actor="t", backup_on_open=False) as db:
        made = db.backup(reason="manual")
        assert made.parent == tmp_path / "backups" and NAME.match(made.name)
        assert made.name.endswith("-manual.sqlite")
        assert db.last_backup() == made
        dest = db.backup(tmp_path / "copy" / "one.sqlite")
        assert dest == tmp_path / "copy" / "one.sqlite" and dest not in db.backups()
    for copy in (made, dest):
        assert check_database(copy) == [] and inspect_file(copy) == CURRENT_VERSION
        assert not Path(str(copy) + "-wal").exists()
        with Database.open(copy, actor="t", backup_on_open=False) as opened:
            assert len(opened.content.export_content().daily) == 122


def test_rotation_keeps_newest(tmp_path: Path) -> None:
    path = _company(tmp_path)
    folder = tmp_path / "bk"
    with Database.open(path, actor="t", backup_dir=folder, keep=3) as db:
        made = [db.backup(reason=f"n{i}") for i in range(6)]
        kept = db.backups()
    assert len(kept) == 3
    assert set(kept) <= set(made) and made[-1] == kept[0]
    assert not made[0].exists()
    assert rotate(path, folder, keep=1) == kept[1:]
    assert list_backups(path, folder) == [kept[0]]


def test_restore_replaces_and_keeps_safety_copy(tmp_path: Path) -> None:
    path = _company(tmp_path)
    with Database.open(path, actor="t", backup_on_open=False) as db:
        snapshot = db.backup(reason="before")
        db.org.save_store(None, Store("После"))
    safety = restore(path, snapshot)
    assert safety is not None and "pre-restore" in safety.name
    with Database.open(path, actor="t", backup_on_open=False) as db:
        assert "После" not in {s.name for s in db.org.stores()}
        assert db.integrity_check() == []
    with Database.open(safety, actor="t", backup_on_open=False) as db:
        assert "После" in {s.name for s in db.org.stores()}


def test_restore_refuses_bad_sources(tmp_path: Path) -> None:
    path = _company(tmp_path)
    before = path.read_bytes()
    text = tmp_path / "notes.sqlite"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(NotADatabaseError):
        restore(path, text)
    newer = tmp_path / "newer.sqlite"
    shutil.copy(path, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError):
        restore(path, newer)
    assert path.read_bytes() == before


def _corrupt(source: Path, target: Path) -> None:
    """Overwrite three whole stretches inside the file (never the header) with garbage."""
    data = bytearray(source.read_bytes())
    for fraction in (0.3, 0.5, 0.7):
        start = int(len(data) * fraction)
        data[start : start + 4096] = b"\xa5\x00\xff\x13" * 1024
    target.write_bytes(bytes(data))


def test_integrity_check_good_and_corrupted(tmp_path: Path) -> None:
    path = _company(tmp_path)
    with Database.open(path, actor="t", backup_on_open=False) as db:
        assert db.integrity_check() == []
        copy = db.backup(tmp_path / "copy.sqlite")
    damaged = tmp_path / "damaged.sqlite"
    _corrupt(copy, damaged)
    problems = check_database(damaged)
    assert problems and all(isinstance(p, str) for p in problems)
    with pytest.raises(StoreError, match="damaged"):
        restore(path, damaged)
    header = tmp_path / "header.sqlite"
    data = bytearray(copy.read_bytes())
    data[16:100] = b"\xff" * 84  # a broken header: sqlite cannot even read it
    header.write_bytes(bytes(data))
    assert check_database(header) != []
    assert check_database(tmp_path / "missing.sqlite") != []


def test_restore_over_a_damaged_database(tmp_path: Path) -> None:
    path = _company(tmp_path)
    with Database.open(path, actor="t", backup_on_open=False) as db:
        good = db.backup(reason="good")
    _corrupt(good, path)
    safety = restore(path, good)
    assert safety is not None and safety.name.endswith("-damaged.sqlite")
    assert check_database(path) == []
    with Database.open(path, actor="t", backup_on_open=False) as db:
        assert len(db.org.stores()) == 3
