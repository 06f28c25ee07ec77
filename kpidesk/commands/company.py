"""The company file's commands: open the window, create the demo or an empty company,
the empty interchange template, import and export, backup and restore, the check; and
:func:`open_company`, how every command opens the database.

Must not: import Qt at module level (``gui`` and ``demo`` load the window only when run).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpidesk.services.company import CompanyService


def open_company(
    args: argparse.Namespace, *, create: bool = False, backup: bool = True
) -> CompanyService:
    """The company of ``--db`` (or the last one used), remembered as the last one used."""
    from kpidesk.services import locations
    from kpidesk.services.company import CompanyService

    path = locations.database_for_command(args.db)
    service = CompanyService.open(path, create=create, backup=backup)
    locations.remember_database(path)
    return service


def cmd_gui(args: argparse.Namespace) -> int:
    from kpidesk.app import run_gui

    return run_gui(database=args.db)


def cmd_demo(args: argparse.Namespace) -> int:
    from kpidesk.services import locations
    from kpidesk.services.demo_setup import create_demo_database

    path = args.db or locations.demo_database()
    summary = create_demo_database(path, today=date.today())
    locations.remember_database(path)
    print(summary.describe())
    if args.no_gui:
        return 0
    from kpidesk.app import run_gui

    return run_gui(database=path, period=summary.latest_full_month)


def cmd_init(args: argparse.Namespace) -> int:
    from kpidesk.services import locations
    from kpidesk.services.company import CompanyService

    path = locations.database_for_command(args.db)
    service = CompanyService.create(path, name=args.name, half_months=args.half_months)
    service.close()
    locations.remember_database(path)
    print(f"created {path}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from kpidesk.services.exchange import write_template

    write_template(args.output, lang=args.lang)
    print(f"wrote {args.output}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    service = open_company(args, create=True)
    with service:
        report = service.import_workbook(args.file, dry_run=args.dry_run)
    for problem in report.warnings:
        print(f"  {problem.describe()}", file=sys.stderr)
    print(report.describe())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    service = open_company(args, backup=False)
    with service:
        service.export_workbook(args.file, lang=args.lang)
    print(f"wrote {args.file}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    service = open_company(args, backup=False)
    with service:
        path = service.backup(args.output)
    print(f"backed up to {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from kpidesk.services import locations
    from kpidesk.services.company import restore_database

    path = locations.database_for_command(args.db)
    safety = restore_database(path, args.file)
    print(f"restored {path} from {args.file} (the previous state is kept in {safety})")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    service = open_company(args, backup=False)
    with service:
        report = service.check()
    print(report.describe())
    return 0 if report.ok else 1
