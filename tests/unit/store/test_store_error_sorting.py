"""Sorting the engine's and the file system's errors into the store's errors: a full disk,
a read-only file, a folder that cannot be written, a busy file, a damaged file — each its
own class, so that each gets its own message; anything else stays a bug."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from kpidesk.store import Database
from kpidesk.store.errors import (
    BusyError,
    DamagedError,
    DiskFullError,
    ReadOnlyError,
    sort_os_error,
)
from kpidesk.store.sqlite_dialect import connect, error_code, sort_error, write


def _coded(message: str, code: int) -> sqlite3.OperationalError:
    """An engine error as the driver raises it: its sentence and its (extended) code."""
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (sqlite3.OperationalError("database or disk is full"), DiskFullError),
        (_coded("database or disk is full", 13), DiskFullError),
        (sqlite3.OperationalError("attempt to write a readonly database"), ReadOnlyError),
        (_coded("attempt to write a readonly database", 8), ReadOnlyError),
        (sqlite3.OperationalError("database is locked"), BusyError),
        (_coded("database is locked", 5), BusyError),
        (sqlite3.DatabaseError("database disk image is malformed"), DamagedError),
        (_coded("file is not a database", 26), DamagedError),
    ],
)
def test_engine_errors_are_sorted_by_code_or_by_sqlites_sentence(
    error: sqlite3.Error, expected: type[Exception]
) -> None:
    assert isinstance(sort_error(error), expected)


def test_an_engine_error_that_fits_nothing_stays_a_bug() -> None:
    bug = sqlite3.OperationalError("no such table: nowhere")
    assert sort_error(bug) is bug and error_code(bug) is None
    coded = _coded("near 'SELEC': syntax error", 1)
    assert sort_error(coded) is coded


def test_a_folder_that_refuses_the_log_is_told_apart_from_a_read_only_file(
    tmp_path: Path,
) -> None:
    directory = sort_error(_coded("attempt to write a readonly database", 8 | (6 << 8)))
    assert isinstance(directory, ReadOnlyError) and directory.folder
    plain = sort_error(_coded("attempt to write a readonly database", 8), tmp_path / "x.db")
    assert isinstance(plain, ReadOnlyError) and not plain.folder


def test_file_system_errors() -> None:
    full = OSError(errno.ENOSPC, "No space left on device", "/data/co-backup.sqlite")
    assert isinstance(sort_os_error(full), DiskFullError)
    assert isinstance(sort_error(full), DiskFullError)  # inside a write, too
    read_only = OSError(errno.EROFS, "Read-only file system", "/media/cd/co.kpidesk")
    found = sort_os_error(read_only)
    assert isinstance(found, ReadOnlyError) and found.path == Path("/media/cd/co.kpidesk")
    denied = OSError(errno.EACCES, "Permission denied")
    assert sort_error(denied) is denied  # a refused read met inside a write is not sorted
    other = OSError(errno.ENOENT, "No such file or directory")
    assert sort_os_error(other) is other


def test_permission_denied_names_the_folder_when_the_file_is_writable(tmp_path: Path) -> None:
    file = tmp_path / "co.kpidesk"
    file.write_bytes(b"")
    denied = OSError(errno.EACCES, "Permission denied", str(file))
    found = sort_os_error(denied)
    assert isinstance(found, ReadOnlyError)
    assert found.folder == os.access(file, os.W_OK)  # writable file → its folder refuses
    new = OSError(errno.EACCES, "Permission denied", str(tmp_path / "new.sqlite"))
    created = sort_os_error(new)
    assert isinstance(created, ReadOnlyError) and created.folder


def test_a_real_full_database_is_a_disk_full_error(tmp_path: Path) -> None:
    """SQLite's own SQLITE_FULL, provoked with a page limit: the write is refused as a full
    disk and nothing of it is kept."""
    conn = connect(tmp_path / "small.db")
    try:
        conn.execute("CREATE TABLE t (x TEXT)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        with pytest.raises(DiskFullError), write(conn):
            conn.executemany("INSERT INTO t VALUES (?)", [("x" * 2000,)] * 50)
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    finally:
        conn.close()


def test_a_read_only_connection_refuses_writes_as_read_only(tmp_path: Path) -> None:
    path = tmp_path / "co.sqlite"
    Database.open(path, actor="t").close()
    conn = connect(path, readonly=True)
    try:
        with pytest.raises(ReadOnlyError), write(conn):
            conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    finally:
        conn.close()
