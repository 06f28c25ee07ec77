"""The company file's safety outside the day's work: the report of ``kpidesk check`` and
the restore of a backup (checked first; the current file kept apart from the rotation).

Must not: import Qt, or open the company (``CompanyService`` does, and checks the company
it has open through :func:`check_company`; a restore replaces the file while it is
closed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kpidesk.core.company import Company, CompanyContent
from kpidesk.core.problems import Problem
from kpidesk.core.validation import validate_content
from kpidesk.services.errors import UserError
from kpidesk.services.store_refusals import damage_report, restore_refusal
from kpidesk.store.backup import restore
from kpidesk.store.database import Database, check_database
from kpidesk.store.errors import StoreError


@dataclass(frozen=True)
class CheckReport:
    """The result of ``kpidesk check``: database integrity and matrix problems."""

    path: Path | str  # the company file, or the server's address
    integrity: list[str]
    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # a server's row counts per table

    @property
    def ok(self) -> bool:
        """The file is intact (matrix problems are reported but do not fail the check)."""
        return not self.integrity

    def describe(self) -> str:
        """A few lines for the terminal."""
        lines = [f"{self.path}: " + ("integrity ok" if self.ok else "DAMAGED")]
        lines += [f"  {problem}" for problem in self.integrity]
        if self.problems:
            lines.append(f"{len(self.problems)} problem(s) in the company's data:")
            lines += [f"  {problem.describe()}" for problem in self.problems]
        else:
            lines.append("no problems in matrices, employees and payout schedules")
        return "\n".join(lines)


def check_company(database: Database, company: Company) -> CheckReport:
    """The report of ``kpidesk check`` for the open ``database`` holding ``company``.

    Raises:
        UserError: the file is damaged: the damage report (what the integrity check found
            and the newest good backup to restore), as when opening finds it.
    """
    whole = CompanyContent.of_directories(company)
    if database.is_server:  # the schema with its rules, and what it holds
        problems = database.integrity_check()
        counts = database.row_counts()  # type: ignore[attr-defined]
        found = validate_content(whole, Company())
        return CheckReport(database.location, problems, found, counts)
    # read-only, an older file is read from a migrated copy in memory: check the file
    path = database.path
    integrity = check_database(path) if database.readonly else database.integrity_check()
    if integrity:
        raise damage_report(path, integrity, database.backup_dir)
    return CheckReport(path, integrity, validate_content(whole, Company()))


def restore_database(path: Path, source: Path) -> Path | None:
    """Replace the database at ``path`` with the backup ``source``, which is checked first
    (``store.backup.validate_source``); the current file is kept apart from the rotation
    (``backups/before-restore/``). Returns where it is kept (``None``: there was none).

    Raises:
        UserError: the source is missing, empty, not a kpidesk database, too new or
            damaged, or is the company file itself; or the company file or its folder
            cannot be written. The company file is unchanged then.
    """
    if not source.is_file():
        raise UserError.of("no_backup_file", f"no backup file at {source}", file=source)
    if path.exists() and source.resolve() == path.resolve():
        raise UserError.of("restore_same_file", f"{source} is the company file itself", file=source)
    try:
        return restore(path, source)
    except (StoreError, OSError) as error:
        raise restore_refusal(source, error, path) from None
