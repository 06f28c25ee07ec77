"""A company file that cannot be opened, backed up or restored gets its own coded refusal
(``services.store_refusals``): missing, empty, foreign, newer, damaged (with the integrity
check's findings and the newest good backup), read-only file, folder that cannot be written,
full disk; and a refused restore changes nothing."""

from __future__ import annotations

import errno
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from kpidesk.core.org import Store
from kpidesk.services.company import CompanyService
from kpidesk.services.company_files import restore_database
from kpidesk.services.errors import UserError
from kpidesk.services.store_refusals import (
    SHOWN_PROBLEMS,
    backup_refusal,
    damage_lines,
    open_refusal,
)
from kpidesk.store.errors import DiskFullError, ReadOnlyError, StoreError
from kpidesk.store.migrations import CURRENT_VERSION

CODE_PARAMS = dict[str, dict[str, str]]


def _company(tmp_path: Path, name: str = "co.kpidesk") -> Path:
    path = tmp_path / name
    service = CompanyService.create(path, name="Тест")
    with service:
        service.database.org.save_store(None, Store("Север"))
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _codes(error: UserError) -> CODE_PARAMS:
    return {problem.code: dict(problem.params) for problem in error.problems}


def _refused(call: object, *args: object, **kwargs: object) -> CODE_PARAMS:
    with pytest.raises(UserError) as found:
        call(*args, **kwargs)  # type: ignore[operator]
    return _codes(found.value)


def _damage(source: Path, target: Path) -> None:
    """The root page of the stores table overwritten with garbage (the catalogue intact)."""
    conn = sqlite3.connect(source)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'stores'")
        page = int(root.fetchone()[0])
    finally:
        conn.close()
    data = bytearray(source.read_bytes())
    data[(page - 1) * size : page * size] = b"\x0d\xff\xa5\x13" * (size // 4)
    target.write_bytes(bytes(data))


def test_missing_empty_foreign_and_newer_files(tmp_path: Path) -> None:
    missing = tmp_path / "нет" / "co.kpidesk"
    for readonly in (False, True):
        found = _refused(CompanyService.open, missing, readonly=readonly)
        assert "no_company_file" in found
    assert not missing.parent.exists()
    empty = tmp_path / "empty.kpidesk"
    empty.write_bytes(b"")
    found = _refused(CompanyService.open, empty, readonly=True)
    assert found["company_file_empty"]["file"] == str(empty)
    assert empty.stat().st_size == 0
    text = tmp_path / "notes.kpidesk"
    text.write_text("hello", encoding="utf-8")
    assert "not_a_company_file" in _refused(CompanyService.open, text, readonly=True)
    newer = _company(tmp_path, "newer.kpidesk")
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    for readonly in (False, True):
        assert "newer_company_file" in _refused(CompanyService.open, newer, readonly=readonly)


def test_a_damaged_file_gets_the_damage_report_with_the_newest_good_backup(
    tmp_path: Path,
) -> None:
    path = _company(tmp_path)
    damaged = tmp_path / "damaged.kpidesk"
    _damage(path, damaged)
    for readonly in (False, True):
        found = _refused(CompanyService.open, damaged, readonly=readonly)
        assert found["company_file_damaged"]["file"] == str(damaged)
        assert found["integrity_problem"]["detail"]
        assert found["no_good_backup"]["folder"] == str(tmp_path / "backups")
    with CompanyService.open(path, backup=False) as service:
        older = service.backup()
    # a backup of the damaged file, newer by its name: skipped as not good
    shutil.copy(damaged, older.with_name("damaged-29991231-235959-open.sqlite"))
    shutil.copy(older, older.with_name("damaged-20000101-000000-open.sqlite"))
    found = _refused(CompanyService.open, damaged, readonly=True)
    assert found["restore_good_backup"]["backup"] == str(
        older.with_name("damaged-20000101-000000-open.sqlite")
    )
    assert "not_a_company_file" not in found


def test_the_check_reports_a_broken_reference_as_damage(tmp_path: Path) -> None:
    """``quick_check`` passes (the pages are sound) but the full check finds a row that
    refers to a missing one: ``check`` refuses with the damage report."""
    path = _company(tmp_path)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        store_id = conn.execute("SELECT max(id) FROM stores").fetchone()[0]
        conn.execute(
            "INSERT INTO daily (store_id, day, revenue, receipts, visitors, units) "
            "VALUES (?, '2026-10-01', '1', 1, 1, 0)",
            (store_id + 1000,),
        )
        conn.commit()
    finally:
        conn.close()
    with CompanyService.open(path, readonly=True) as service:
        found = _refused(service.check)
    assert "company_file_damaged" in found and "integrity_problem" in found
    assert "restore_good_backup" in found or "no_good_backup" in found


def test_many_findings_are_cut_and_counted() -> None:
    lines = damage_lines([f"Page {n}: bad" for n in range(SHOWN_PROBLEMS + 5)])
    assert [p.code for p in lines].count("integrity_problem") == SHOWN_PROBLEMS
    assert lines[-1].code == "integrity_more" and dict(lines[-1].params)["count"] == "5"
    assert dict(damage_lines(["*** in database main ***\nPage 3:  bad"])[0].params) == {
        "detail": "*** in database main *** Page 3: bad"
    }


def test_read_only_file_folder_and_full_disk_have_their_own_codes(tmp_path: Path) -> None:
    path = tmp_path / "co.kpidesk"
    folder = ReadOnlyError("x", path, folder=True)
    assert _codes(open_refusal(path, folder))["company_folder_readonly"]["folder"] == str(tmp_path)
    assert "company_file_readonly" in _codes(open_refusal(path, ReadOnlyError("x", path)))
    assert "disk_full" in _codes(open_refusal(path, DiskFullError("full")))
    full = OSError(errno.ENOSPC, "No space left on device")
    assert "disk_full" in _codes(open_refusal(path, full))
    assert "cannot_open" in _codes(open_refusal(path, StoreError("odd")))


def test_backup_refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "co.kpidesk"
    full = OSError(errno.ENOSPC, "No space left on device")
    assert "disk_full" in _codes(backup_refusal(path, None, full))
    denied = OSError(errno.EACCES, "Permission denied", str(tmp_path / "b" / "new.sqlite"))
    refused = _codes(backup_refusal(path, tmp_path / "b", denied))
    assert refused["backup_folder_readonly"]["folder"] == str(tmp_path / "b")
    assert "backup_failed" in _codes(backup_refusal(path, None, StoreError("odd")))

    from kpidesk.store import backup as store_backup

    def no_space(source: object, dest: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(dest))

    company = _company(tmp_path, "real.kpidesk")
    monkeypatch.setattr(store_backup, "copy_to_file", no_space)
    with CompanyService.open(company, backup=False) as service:
        assert "disk_full" in _refused(service.backup)


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("empty", "restore_empty_file"),
        ("text", "restore_not_a_company_file"),
        ("noise", "restore_not_a_company_file"),
        ("blank", "restore_empty_file"),
        ("foreign", "restore_not_a_company_file"),
        ("newer", "restore_newer_file"),
        ("damaged", "restore_damaged_file"),
        ("itself", "restore_same_file"),
        ("missing", "no_backup_file"),
    ],
)
def test_a_refused_restore_changes_nothing(tmp_path: Path, kind: str, code: str) -> None:
    path = _company(tmp_path)
    source = tmp_path / f"{kind}.sqlite"
    if kind == "empty":
        source.write_bytes(b"")
    elif kind == "text":
        source.write_text("name;revenue\nСевер;100\n", encoding="utf-8")
    elif kind == "noise":
        source.write_bytes(bytes((n * 37) % 256 for n in range(8192)))
    elif kind == "blank":
        sqlite3.connect(source).execute("PRAGMA user_version = 0").close()
    elif kind == "foreign":
        with sqlite3.connect(source) as conn:
            conn.execute("CREATE TABLE notes (text TEXT)")
        conn.close()
    elif kind == "newer":
        shutil.copy(path, source)
        with sqlite3.connect(source) as conn:
            conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
        conn.close()
    elif kind == "damaged":
        _damage(path, source)
    elif kind == "itself":
        source = path
    before = _digest(path)
    found = _refused(restore_database, path, source)
    assert code in found and found[code].get("file") == str(source)
    if kind == "damaged":
        assert "integrity_problem" in found
    assert _digest(path) == before
    assert not (tmp_path / "backups").exists()
