"""The company file's commands: open the window, create the demo or an empty company,
the empty interchange template, import and export, backup and restore, the check; and
:func:`open_company`, how every command opens the database.

Must not: import Qt at module level (``gui`` and ``demo`` load the window only when run).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kpidesk.commands.language import (
    import_summary_lines,
    problem_lines,
    release,
    translate,
)

if TYPE_CHECKING:
    from kpidesk.services.company import CompanyService
    from kpidesk.services.company_files import CheckReport
    from kpidesk.services.demo_setup import DemoSummary
    from kpidesk.services.importing import ImportReport


def open_company(
    args: argparse.Namespace, *, create: bool = False, backup: bool = True, readonly: bool = False
) -> CompanyService:
    """The company of ``--db`` (or the last one used), logged in as ``--user`` when the
    company has users. ``--db`` never changes which company later commands use by default
    (SPEC §5): only the window (and ``demo``, which opens it) remembers a company.
    ``readonly``: for the commands that only read (``check``, ``report …``, ``export``),
    which then never create or change a file (``CompanyService.open``)."""
    from kpidesk.commands.users import log_in
    from kpidesk.services import locations
    from kpidesk.services.company import CompanyService

    path = locations.database_for_command(args.db)
    service = CompanyService.open(path, create=create, backup=backup, readonly=readonly)
    try:
        log_in(service, args)
    except BaseException:
        service.close()
        raise
    return service


def cmd_gui(args: argparse.Namespace) -> int:
    from kpidesk.app import run_gui

    return run_gui(database=args.db)


def cmd_demo(args: argparse.Namespace) -> int:
    from kpidesk.services import locations
    from kpidesk.services.demo_setup import create_demo_database

    path = args.db or locations.demo_database()
    summary = create_demo_database(path, today=date.today())
    print(_demo_text(summary))
    if args.no_gui:
        return 0  # not opened in the window: later commands keep their default (SPEC §5)
    locations.remember_database(path)
    release()  # the window creates its own Qt application
    from kpidesk.app import run_gui

    return run_gui(database=path, period=summary.latest_full_month)


def cmd_init(args: argparse.Namespace) -> int:
    from kpidesk.services import locations
    from kpidesk.services.company import CompanyService

    path = locations.database_for_command(args.db)
    if isinstance(path, str):
        raise _server_command(path, "init")
    service = CompanyService.create(path, name=args.name, half_months=args.half_months)
    service.close()
    print(translate("Cli", "created {file}").format(file=path))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from kpidesk.services.exchange import write_template

    company = None
    if args.db is not None:  # drop-downs with the company's positions, stores, employees
        with open_company(args, readonly=True) as service:
            company = service.company()
    write_template(args.output, lang=args.lang, company=company)
    print(translate("Cli", "wrote {file}").format(file=args.output))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from kpidesk.services.errors import UserError
    from kpidesk.services.importing import import_workbook

    # the file's safety scan, already running in a child process (``cli.main``)
    scan = getattr(args, "scan_ahead", None)
    service = open_company(args, create=True)
    with service:
        try:
            report = import_workbook(service, args.file, dry_run=args.dry_run, scan=scan)
        except UserError:
            head = translate("Cli", "cannot import {file}: nothing was changed")
            print("kpidesk: " + head.format(file=args.file.name), file=sys.stderr)
            raise
    for line in problem_lines(report.warnings):
        print(f"  {line}", file=sys.stderr)
    print(_import_text(report))
    return 0


def _import_text(report: ImportReport) -> str:
    """What an import did, per kind (``ImportReport.describe`` in the user's language)."""
    lines = import_summary_lines(report.path.name, report.dry_run, report.summary)
    if report.warnings:
        count = len(report.warnings)
        lines.append(translate("Cli", "{count} warning(s) (shown above)").format(count=count))
    return "\n".join(lines)


def _demo_text(summary: DemoSummary) -> str:
    """What the demo holds and what to try next (``DemoSummary.describe``, translated)."""
    from kpidesk.services.demo import COMPANY_NAME, INCOMPLETE_EMPLOYEE

    positions = ", ".join(f"{name} ×{count}" for name, count in summary.positions.items())
    month = summary.latest_full_month.code
    lines = [
        translate("Cli", "demo company «{name}» created in {file}").format(
            name=COMPANY_NAME, file=summary.path
        ),
        translate("Cli", "{stores} stores, {employees} employees: {positions}").format(
            stores=summary.stores, employees=summary.employees, positions=positions
        ),
        translate("Cli", "{rows} daily rows from {first} to {last}").format(
            rows=summary.daily_rows,
            first=f"{summary.first_day:%d.%m.%Y}",
            last=f"{summary.last_day:%d.%m.%Y}",
        ),
        translate("Cli", "{employee} has no NPS fact for {period} (an incomplete matrix)").format(
            employee=INCOMPLETE_EMPLOYEE, period=month
        ),
    ]
    try_it = f"kpidesk --db {summary.path} report bonus --period {month}"
    return "\n".join(
        [lines[0], *(f"  {line}" for line in lines[1:]), translate("Cli", "try:") + " " + try_it]
    )


def cmd_export(args: argparse.Namespace) -> int:
    service = open_company(args, readonly=True)
    with service:
        service.export_workbook(args.file, lang=args.lang)
    print(translate("Cli", "wrote {file}").format(file=args.file))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    service = open_company(args, backup=False)
    with service:
        path = service.backup(args.output)
    print(translate("Cli", "backed up to {file}").format(file=path))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from kpidesk.services import locations
    from kpidesk.services.company_files import restore_database

    path = locations.database_for_command(args.db)
    if isinstance(path, str):
        raise _server_command(path, "restore")
    _require_owner_of(path, args)
    safety = restore_database(path, args.file)
    if safety is None:
        print(translate("Cli", "restored {file} from {backup}").format(file=path, backup=args.file))
        return 0
    text = translate(
        "Cli", "restored {file} from {backup} (the previous state is kept in {safety})"
    )
    print(text.format(file=path, backup=args.file, safety=safety))
    return 0


def _server_command(location: str, command: str) -> Exception:
    """The refusal of a company-file command given a server (``init`` and ``restore``
    have their server forms: ``server init``, ``server upload``)."""
    from kpidesk.services.errors import UserError

    return UserError.of(
        "not_for_server",
        f"'{command}' works on a company file; for a company server use 'server init' or "
        "'server upload'",
        command=command,
    )


def _require_owner_of(path: Path, args: argparse.Namespace) -> None:
    """A company with users is replaced only by its owner (SPEC §8.1); a file that cannot
    be opened at all (damaged, not a company) is what a restore is for, so it is not
    asked."""
    from kpidesk.commands.users import log_in
    from kpidesk.core.rights import Right
    from kpidesk.services.company import CompanyService
    from kpidesk.services.errors import UserError

    if not path.is_file():
        return
    try:
        service = CompanyService.open(path, backup=False, readonly=True)
    except UserError:
        return
    with service:
        log_in(service, args)
        service.require(Right.IMPORT, "restore the company")


def cmd_check(args: argparse.Namespace) -> int:
    # a damaged file is refused with the damage report (the integrity check's findings
    # and the newest good backup), by the opening or by the check itself
    service = open_company(args, readonly=True)
    with service:
        report = service.check()
    print(_check_text(report))
    return 0 if report.ok else 1


def _check_text(report: CheckReport) -> str:
    """The check's report (``CheckReport.describe`` in the user's language)."""
    if report.ok:
        head = translate("Cli", "{file}: integrity ok")
    else:
        head = translate("Cli", "{file}: DAMAGED")
    lines = [head.format(file=report.path)]
    lines += [f"  {problem}" for problem in report.integrity]  # SQLite's own words
    if report.problems:
        count = len(report.problems)
        lines.append(
            translate("Cli", "{count} problem(s) in the company's data:").format(count=count)
        )
        lines += [f"  {line}" for line in problem_lines(report.problems)]
    else:
        lines.append(translate("Cli", "no problems in matrices, employees and payout schedules"))
    if report.rows:  # a company server: what it holds
        counts = ", ".join(f"{table} {count}" for table, count in report.rows.items())
        lines.append(translate("Cli", "rows per table: {counts}").format(counts=counts))
    return "\n".join(lines)
