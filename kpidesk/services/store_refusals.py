"""What a company file's failure to open, back up or restore means for the user: the store's
errors turned into coded refusals (``UserError``) that the GUI and the CLI translate.

Each kind of failure has its own message: a missing, empty, foreign or newer file; a
read-only file and a folder that cannot be written; a full disk; a busy file; and a damaged
file, which gets a damage report — what the integrity check found and the newest good
backup to restore. A restore's refusals say that nothing was changed.

Must not: import Qt, or open the company (the callers hold what they opened).
"""

from __future__ import annotations

from pathlib import Path

from kpidesk.core.problems import Problem
from kpidesk.services.errors import UserError
from kpidesk.store.backup import default_backup_dir, newest_good_backup
from kpidesk.store.errors import (
    BusyError,
    DamagedError,
    DiskFullError,
    EmptyDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
    sort_os_error,
)

SHOWN_PROBLEMS = 10  # of the integrity check's findings; the rest are counted


def as_store_error(error: StoreError | OSError, path: Path) -> StoreError | OSError:
    """An ``OSError`` sorted into the store's errors where it can be (a full disk, a file
    or folder that cannot be written); a store error as it is."""
    return sort_os_error(error, path) if isinstance(error, OSError) else error


def open_refusal(path: Path, error: StoreError | OSError) -> UserError:
    """Why the company file at ``path`` cannot be opened, as a coded refusal."""
    error = as_store_error(error, path)
    if isinstance(error, NewerSchemaError):
        return UserError.of("newer_company_file", str(error), file=path)
    if isinstance(error, EmptyDatabaseError):
        return UserError.of(
            "company_file_empty",
            f"{path} is empty: it holds no company; nothing was changed",
            file=path,
        )
    if isinstance(error, NotADatabaseError):
        return UserError.of("not_a_company_file", str(error), file=path)
    if isinstance(error, DamagedError):
        return damage_report(path, error.problems or [str(error)])
    if isinstance(error, ReadOnlyError | DiskFullError | BusyError):
        return write_refusal(path, error)
    return UserError.of("cannot_open", f"cannot open {path}: {error}", file=path)


def write_refusal(path: Path, error: ReadOnlyError | DiskFullError | BusyError) -> UserError:
    """A company file (or its folder) that cannot be written now, as a coded refusal."""
    if isinstance(error, DiskFullError):
        return UserError.of("disk_full", f"the disk is full: {error}", file=path)
    if isinstance(error, BusyError):
        return UserError.of("database_busy", str(error), file=path)
    if error.folder:
        folder = (error.path or path).parent
        return UserError.of(
            "company_folder_readonly",
            f"the folder {folder} cannot be written (the company file {path} needs its "
            "working files beside it); nothing was changed",
            file=path,
            folder=folder,
        )
    return UserError.of(
        "company_file_readonly",
        f"the company file {path} is read-only; nothing was changed",
        file=path,
    )


def backup_refusal(path: Path, folder: Path | None, error: StoreError | OSError) -> UserError:
    """Why the backup of ``path`` (into ``folder``, default the backup folder) failed."""
    folder = folder or default_backup_dir(path)
    error = as_store_error(error, folder)
    if isinstance(error, DiskFullError):
        return UserError.of("disk_full", f"the disk is full: {error}", file=path)
    if isinstance(error, ReadOnlyError):
        return UserError.of(
            "backup_folder_readonly",
            f"the backup folder {folder} cannot be written; no backup was made",
            folder=folder,
        )
    return UserError.of("backup_failed", f"backup failed: {error}", file=path)


def damage_lines(problems: list[str]) -> list[Problem]:
    """The integrity check's findings (SQLite's own words) as problems, the first
    :data:`SHOWN_PROBLEMS` of them and a count of the rest."""
    lines = [
        Problem(
            "integrity_problem",
            f"integrity check: {text}",
            params=(("detail", " ".join(text.split())),),
        )
        for text in problems[:SHOWN_PROBLEMS]
    ]
    if len(problems) > SHOWN_PROBLEMS:
        more = len(problems) - SHOWN_PROBLEMS
        lines.append(
            Problem(
                "integrity_more",
                f"and {more} more problem(s) found by the integrity check",
                params=(("count", str(more)),),
            )
        )
    return lines


def backup_hint(path: Path, backup_dir: Path | None = None) -> Problem:
    """The newest good backup of ``path`` to restore, or that there is none."""
    good = newest_good_backup(path, backup_dir)
    if good is None:
        folder = backup_dir or default_backup_dir(path)
        return Problem(
            "no_good_backup",
            f"there is no good backup of {path} in {folder}",
            params=(("file", str(path)), ("folder", str(folder))),
        )
    return Problem(
        "restore_good_backup",
        f"restore the newest good backup: {good}",
        params=(("backup", str(good)), ("file", str(path))),
    )


def damage_report(path: Path, problems: list[str], backup_dir: Path | None = None) -> UserError:
    """The refusal of a damaged company file: that it is damaged, what the integrity check
    found, and the newest good backup to restore."""
    head = Problem(
        "company_file_damaged",
        f"the company file {path} is damaged; the integrity check found:",
        params=(("file", str(path)),),
    )
    found = [head, *damage_lines(problems), backup_hint(path, backup_dir)]
    return UserError(f"{path} is damaged: " + "; ".join(problems[:3]), found)


def restore_refusal(source: Path, error: StoreError | OSError, database: Path) -> UserError:
    """Why ``source`` was not restored over ``database`` (which was not changed)."""
    error = as_store_error(error, database)
    if isinstance(error, EmptyDatabaseError):
        return UserError.of(
            "restore_empty_file",
            f"{source} is empty: it holds no company; nothing was restored",
            file=source,
        )
    if isinstance(error, NewerSchemaError):
        return UserError.of(
            "restore_newer_file",
            f"{source} was made by a newer kpidesk (schema {error.found}, this one supports "
            f"{error.supported}); nothing was restored",
            file=source,
        )
    if isinstance(error, NotADatabaseError):
        return UserError.of(
            "restore_not_a_company_file",
            f"{source} is not a kpidesk database; nothing was restored",
            file=source,
        )
    if isinstance(error, DamagedError):
        head = Problem(
            "restore_damaged_file",
            f"{source} is damaged; nothing was restored",
            params=(("file", str(source)),),
        )
        return UserError(str(error), [head, *damage_lines(error.problems or [str(error)])])
    if isinstance(error, ReadOnlyError | DiskFullError | BusyError):
        return write_refusal(database, error)
    return UserError.of("restore_failed", str(error), file=source)


def server_refusal(location: str, error: StoreError | OSError) -> UserError:
    """Why the company server at ``location`` (its URL without a password) cannot be
    used, as a coded refusal."""
    from kpidesk.store.errors import ConnectionLostError

    if isinstance(error, ConnectionLostError):
        return UserError.of(
            "server_unreachable", f"no connection to {location}: {error}", server=location
        )
    if isinstance(error, NewerSchemaError):
        return UserError.of("newer_company_file", str(error), file=location)
    if isinstance(error, EmptyDatabaseError):
        return UserError.of(
            "server_empty",
            f"{location} holds no company yet (run 'kpidesk --db URL server init')",
            server=location,
        )
    if isinstance(error, NotADatabaseError):
        refused = "login" in str(error)
        return UserError.of(
            "server_login_refused" if refused else "server_not_kpidesk",
            str(error),
            server=location,
            detail=str(error),
        )
    return UserError.of(
        "server_refused", f"the server {location} refused: {error}", server=location
    )
