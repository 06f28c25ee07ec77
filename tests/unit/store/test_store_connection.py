"""Connection pragmas, transactions and opening files that are not kpidesk databases."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from kpidesk.core.org import Store
from kpidesk.store import CURRENT_VERSION, Database, NotADatabaseError, StoreError
from kpidesk.store.sqlite_dialect import connect, write


def test_pragmas_in_effect(tmp_path: Path) -> None:
    with Database.open(tmp_path / "c.sqlite", actor="t") as db:
        conn = db._conn
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert conn.isolation_level is None
        assert db.schema_version == CURRENT_VERSION


def test_create_makes_parent_folders_and_no_backup_for_new_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "company.sqlite"
    with Database.open(path, actor="t") as db:
        assert db.path == path and db.actor == "t"
        assert db.last_backup() is None
    assert path.is_file()


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Database.open(tmp_path / "none.sqlite", actor="t", create=False)
    assert not (tmp_path / "none.sqlite").exists()


def test_write_rolls_back_on_error_and_nests_as_savepoint(tmp_path: Path) -> None:
    conn = connect(tmp_path / "w.sqlite")
    try:
        conn.execute("CREATE TABLE t (x INTEGER)")
        with pytest.raises(RuntimeError), write(conn):
            conn.execute("INSERT INTO t VALUES (1)")
            raise RuntimeError("boom")
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
        with write(conn):
            conn.execute("INSERT INTO t VALUES (2)")
            with pytest.raises(RuntimeError), write(conn):
                conn.execute("INSERT INTO t VALUES (3)")
                raise RuntimeError("inner")
        assert [r[0] for r in conn.execute("SELECT x FROM t")] == [2]
    finally:
        conn.close()


def test_foreign_keys_enforced(tmp_path: Path) -> None:
    with (
        Database.open(tmp_path / "fk.sqlite", actor="t") as db,
        pytest.raises(sqlite3.IntegrityError),
    ):
        db._conn.execute(
            "INSERT INTO daily (store_id, day, revenue, receipts, visitors)"
            " VALUES (99, '2026-01-01', '1', 1, 1)"
        )


@pytest.mark.parametrize("kind", ["text", "zip", "other_sqlite"])
def test_refuses_non_kpidesk_file_untouched(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "company.sqlite"
    if kind == "text":
        path.write_text("name;revenue\nМега;100\n", encoding="utf-8")
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
    else:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.commit()
        conn.close()
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="not a kpidesk database"):
        Database.open(path, actor="t")
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()
    assert not Path(str(path) + "-wal").exists()


def test_reopen_keeps_data_and_backs_up_on_open(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    with Database.open(path, actor="t") as db:
        db.org.save_store(None, Store("Мега"))
    with Database.open(path, actor="t") as db:
        assert db.org.stores() == (Store("Мега"),)
        backup = db.last_backup()
        assert backup is not None and backup.name.endswith("-open.sqlite")


def test_a_server_address_is_refused_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Database`` opens company files only: a server's address is refused (without its
    password) and no folder named after it is created."""
    monkeypatch.chdir(tmp_path)
    url = "postgresql://owner:secret@localhost:5432/chain"
    for opening in (Database.open, Database.open_readonly):
        with pytest.raises(StoreError) as refused:
            opening(url, actor="t")  # type: ignore[arg-type]
        assert "company server" in str(refused.value) and "secret" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []
