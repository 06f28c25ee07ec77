"""The ``kpidesk`` command (SPEC §5): argparse in, service calls, text/JSON/CSV out.

Exit codes: 0 success, 1 a user error (one clear message on stderr naming the file, sheet,
row and column), 2 a usage error (argparse). Heavy libraries (pandas, matplotlib, openpyxl,
Qt) load only inside the commands that need them so that ``kpidesk --help`` and the report
commands start fast.

Messages follow the interface language (SPEC §5): the global ``--lang ru|en``, else the
window's saved language, else Russian (``commands.language``); a command's own ``--lang``
(the language of a written workbook or PDF) defaults to it. argparse's usage and help stay
English.

This module is the parser, ``main`` and ``launch`` (``main``, then how the process ends);
the handlers live in ``kpidesk/commands/``, the entry point that runs ``launch`` in
``kpidesk/entry.py``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from kpidesk import __version__
from kpidesk.commands.adopt import cmd_adopt
from kpidesk.commands.company import (
    cmd_backup,
    cmd_check,
    cmd_demo,
    cmd_export,
    cmd_gui,
    cmd_import,
    cmd_init,
    cmd_restore,
    cmd_template,
)
from kpidesk.commands.periods import (
    cmd_daily_set,
    cmd_period_lock,
    cmd_period_reopen,
    cmd_period_status,
)
from kpidesk.commands.reports import (
    cmd_report_bonus,
    cmd_report_payroll,
    cmd_report_rating,
    cmd_report_stores,
)
from kpidesk.commands.selfcheck import cmd_selfcheck
from kpidesk.commands.server import cmd_server_init, cmd_server_upload
from kpidesk.commands.tasks import cmd_report_tasks, cmd_tasks_generate
from kpidesk.commands.users import (
    cmd_paylist,
    cmd_users_add,
    cmd_users_disable,
    cmd_users_list,
    cmd_users_passwd,
)
from kpidesk.entry import workbook_to_import

if TYPE_CHECKING:
    from kpidesk.io.scan_ahead import ScanAhead
    from kpidesk.services.errors import UserError

Handler = Callable[[argparse.Namespace], int]


def _period(text: str) -> object:
    from kpidesk.core.periods import Period

    try:
        return Period.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _location(text: str) -> object:
    from kpidesk.services.locations import location_of

    return location_of(text)


def _date(text: str) -> date:
    from kpidesk.core.periods import parse_date

    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command of SPEC §5."""
    parser = argparse.ArgumentParser(
        prog="kpidesk",
        description="Offline KPI matrices, daily store data and bonus sheets.",
    )
    parser.add_argument("--version", action="version", version=f"kpidesk {__version__}")
    parser.add_argument(
        "--db",
        type=_location,
        help="the company file, or a company server: postgresql://USER@HOST:PORT/DB",
    )
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=("ru", "en"),
        help="the language of messages (default: the window's setting, else ru)",
    )
    parser.add_argument(
        "--user",
        help="who works, once the company has users (the password from KPIDESK_PASSWORD "
        "or asked for)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.set_defaults(handler=cmd_gui)

    demo = commands.add_parser("demo", help="create (or reset) the demo company and open it")
    demo.add_argument("--no-gui", action="store_true", help="only create it and print a summary")
    demo.set_defaults(handler=cmd_demo)

    init = commands.add_parser("init", help="create an empty company database")
    init.add_argument("--name", default="", help="the company's name")
    init.add_argument("--half-months", action="store_true", help="pay in half-months")
    init.set_defaults(handler=cmd_init)

    template = commands.add_parser("template", help="write the empty interchange workbook")
    template.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    template.add_argument("--lang", choices=("ru", "en"), help="default: the global --lang")
    template.set_defaults(handler=cmd_template)

    imp = commands.add_parser("import", help="import an interchange workbook, all or nothing")
    imp.add_argument("file", type=Path, metavar="FILE.xlsx")
    imp.add_argument("--dry-run", action="store_true", help="check only, change nothing")
    imp.set_defaults(handler=cmd_import)

    adopt = commands.add_parser("adopt", help="adopt the owner's own KPI sheets and daily logs")
    adopt.add_argument("file", type=Path, metavar="FILE.xlsx")
    adopt.add_argument(
        "--period", type=_period, help="the period of sheets that name none, e.g. 2026-10"
    )
    adopt.add_argument("--dry-run", action="store_true", help="check only, change nothing")
    adopt.set_defaults(handler=cmd_adopt)

    export = commands.add_parser("export", help="the whole company as an interchange workbook")
    export.add_argument("file", type=Path, metavar="FILE.xlsx")
    export.add_argument("--lang", choices=("ru", "en"), help="default: the global --lang")
    export.set_defaults(handler=cmd_export)

    report = commands.add_parser("report", help="bonus and store reports")
    reports = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    bonus = reports.add_parser("bonus", help="every employee's KPI, bonus and total")
    bonus.add_argument("--period", type=_period, required=True, help="e.g. 2026-10")
    bonus.add_argument("--format", choices=("json", "csv", "xlsx", "pdf"), default="json")
    bonus.add_argument(
        "-o", "--output", type=Path, help="write to a file instead of stdout (xlsx, pdf: needed)"
    )
    bonus.add_argument("--store", help="only this store's employees (xlsx, pdf)")
    bonus.add_argument(
        "--lang", choices=("ru", "en"), help="xlsx and pdf language (default: the global --lang)"
    )
    bonus.add_argument("--appendix", action="store_true", help="pdf: add each number's explanation")
    bonus.set_defaults(handler=cmd_report_bonus)
    payroll = reports.add_parser(
        "payroll", help="the period's accruals for the payroll program (1C:ZUP), SPEC §7"
    )
    payroll.add_argument("--period", type=_period, required=True, help="e.g. 2026-10")
    payroll.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.xlsx", help="the file"
    )
    payroll.add_argument(
        "--format", choices=("xlsx", "csv"), help="default: by the file's suffix, else xlsx"
    )
    payroll.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="export the complete sheets and leave the incomplete ones out",
    )
    payroll.add_argument("--lang", choices=("ru", "en"), help="default: the global --lang")
    payroll.set_defaults(handler=cmd_report_payroll)
    stores = reports.add_parser("stores", help="store metrics over a range of days")
    stores.add_argument("--from", dest="start", type=_date, required=True, help="dd.mm.yyyy")
    stores.add_argument("--to", dest="end", type=_date, required=True, help="dd.mm.yyyy")
    stores.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    stores.add_argument("-o", "--output", type=Path, help="the file (required for xlsx)")
    stores.set_defaults(handler=cmd_report_stores)
    rating = reports.add_parser(
        "rating", help="rank employees, stores or departments by KPI or an indicator"
    )
    rating_range = rating.add_mutually_exclusive_group(required=True)
    rating_range.add_argument(
        "--period", type=_period, help="e.g. 2026-10, 2026-10-H1, 2026-W43, 2026-Q4, 2026"
    )
    rating_range.add_argument("--from", dest="start", type=_date, help="dd.mm.yyyy (with --to)")
    rating.add_argument("--to", dest="end", type=_date, help="dd.mm.yyyy (with --from)")
    rating.add_argument("--by", choices=("employee", "store", "department"), required=True)
    rating.add_argument(
        "--indicator", default="kpi", help="kpi (default), an indicator code or a store metric"
    )
    rating.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    rating.add_argument("-o", "--output", type=Path, help="the file (required for xlsx)")
    rating.set_defaults(handler=cmd_report_rating)
    report_tasks = reports.add_parser(
        "tasks", help="duties and tasks by assignee, by controller, or the debtors"
    )
    report_tasks.add_argument("--period", type=_period, required=True, help="e.g. 2026-10")
    report_tasks.add_argument(
        "--by", choices=("assignee", "controller", "debtors"), default="assignee"
    )
    report_tasks.add_argument(
        "--as-of",
        dest="as_of",
        type=_date,
        help="count overdue on this day (default: today or the period's end, if earlier)",
    )
    report_tasks.add_argument("--format", choices=("json", "csv"), default="json")
    report_tasks.add_argument("-o", "--output", type=Path)
    report_tasks.set_defaults(handler=cmd_report_tasks)

    tasks = commands.add_parser("tasks", help="duties and tasks")
    tasks_commands = tasks.add_subparsers(dest="tasks_command", metavar="ACTION", required=True)
    generate = tasks_commands.add_parser(
        "generate", help="create the period's duties from the duty lists (never twice)"
    )
    generate.add_argument("--period", type=_period, required=True, help="e.g. 2026-10")
    generate.set_defaults(handler=cmd_tasks_generate)

    backup = commands.add_parser("backup", help="copy the database to a backup file")
    backup.add_argument("-o", "--output", type=Path, help="the backup file (default: backups/)")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=cmd_restore)
    check = commands.add_parser("check", help="check the database's integrity and matrices")
    check.set_defaults(handler=cmd_check)
    selfcheck = commands.add_parser(
        "selfcheck",
        help="check this installation: the window offscreen on a temporary demo company, "
        "every section, a bonus sheet to PDF, a chart to PNG (exit 0 if all is well)",
    )
    selfcheck.add_argument(
        "--keep", type=Path, metavar="DIR", help="leave the PDF and the PNG in this folder"
    )
    selfcheck.set_defaults(handler=cmd_selfcheck)
    _add_period_and_daily_commands(commands)
    _add_user_commands(commands)
    server = commands.add_parser("server", help="put a company on a company server")
    server_actions = server.add_subparsers(dest="server_action", metavar="ACTION", required=True)
    server_init = server_actions.add_parser(
        "init", help="create an empty company in an empty database (--db postgresql://…)"
    )
    server_init.set_defaults(handler=cmd_server_init)
    upload = server_actions.add_parser(
        "upload", help="copy a whole company file onto an empty server, all or nothing"
    )
    upload.add_argument("file", type=Path, metavar="FILE.kpidesk")
    upload.set_defaults(handler=cmd_server_upload)
    return parser


def _add_user_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``users add|list|disable|enable|passwd`` and ``paylist check|approve|back|status``."""
    from kpidesk.core.rights import Role

    users = commands.add_parser("users", help="who may log in, and with which role")
    actions = users.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add a user (the first is an owner; password from KPIDESK_NEW_PASSWORD)"
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--store", help="a manager's store")
    add.add_argument("--employee", help="the employee this user is")
    add.set_defaults(handler=cmd_users_add)
    listing = actions.add_parser("list", help="the users")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(handler=cmd_users_list)
    for action, text in (("disable", "disable a user"), ("enable", "enable a user again")):
        switch = actions.add_parser(action, help=text)
        switch.add_argument("name", metavar="NAME")
        switch.set_defaults(handler=cmd_users_disable, enable=action == "enable")
    passwd = actions.add_parser(
        "passwd", help="set a user's password (from KPIDESK_NEW_PASSWORD or asked for)"
    )
    passwd.add_argument("name", metavar="NAME")
    passwd.set_defaults(handler=cmd_users_passwd)

    paylist = commands.add_parser("paylist", help="the pay list's sign-off: check, approve")
    steps = paylist.add_subparsers(dest="paylist_action", metavar="ACTION", required=True)
    for action, text in (
        ("check", "mark the period's pay list checked (the accountant)"),
        ("approve", "approve the period's pay list (the owner)"),
        ("back", "take the pay list one step back (the owner, with a reason)"),
        ("status", "where the period's pay list stands"),
    ):
        step = steps.add_parser(action, help=text)
        step.add_argument("period", type=_period, metavar="PERIOD", help="e.g. 2026-10")
        if action == "back":
            step.add_argument("--reason", required=True, help="why (kept in the audit log)")
        step.set_defaults(handler=cmd_paylist)


def _add_period_and_daily_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``period lock|reopen|status`` and ``daily set`` (closing a period, feeding days)."""
    period = commands.add_parser("period", help="lock, reopen or check a payroll period")
    actions = period.add_subparsers(dest="period_action", metavar="ACTION", required=True)
    lock = actions.add_parser("lock", help="lock a period after its bonuses are paid")
    lock.add_argument("period", type=_period, metavar="PERIOD", help="e.g. 2026-10")
    lock.set_defaults(handler=cmd_period_lock)
    reopen = actions.add_parser("reopen", help="reopen a locked period (the reason is logged)")
    reopen.add_argument("period", type=_period, metavar="PERIOD")
    reopen.add_argument("--reason", required=True, help="why it is reopened")
    reopen.set_defaults(handler=cmd_period_reopen)
    status = actions.add_parser("status", help="locked or not, and what is still missing")
    status.add_argument("period", type=_period, metavar="PERIOD")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(handler=cmd_period_status)

    daily = commands.add_parser("daily", help="a store's daily data")
    daily_actions = daily.add_subparsers(dest="daily_action", metavar="ACTION", required=True)
    daily_set = daily_actions.add_parser(
        "set",
        help="add one store's day, or change only the values given of a saved one",
        description="A new day needs --revenue, --receipts and --visitors; on a saved day "
        "every value left out keeps its saved value.",
    )
    daily_set.add_argument("--store", required=True)
    daily_set.add_argument("--date", dest="day", type=_date, required=True, help="dd.mm.yyyy")
    daily_set.add_argument("--revenue", help="₽, e.g. 125 400,50 (a new day: required)")
    daily_set.add_argument("--receipts", help="number of receipts (a new day: required)")
    daily_set.add_argument("--visitors", help="number of visitors (a new day: required)")
    daily_set.add_argument("--units", help="units sold (a new day: 0 when left out)")
    daily_set.add_argument("--returns", help='returns, ₽ ("" clears them)')
    daily_set.set_defaults(handler=cmd_daily_set)


def main(argv: Sequence[str] | None = None, scan: ScanAhead | None = None) -> int:
    """Run the command line; returns the exit code. ``scan``: the safety scan of the
    workbook an ``import`` names, already started (``entry.launch``); this closes it."""
    from kpidesk.commands import language
    from kpidesk.io.scan_ahead import ScanAhead

    arguments = sys.argv[1:] if argv is None else list(argv)
    if scan is None:
        # ``import FILE``: the file's safety scan starts now, in a child process, before
        # the parser is built and the services are imported (issue 17)
        workbook = workbook_to_import(arguments)
        scan = ScanAhead.start(workbook) if workbook is not None else None
    try:
        parser = build_parser()
        args = parser.parse_args(arguments)
        args.scan_ahead = scan
        lang = args.ui_lang or language.default_language()
        if getattr(args, "lang", "") is None:  # a command's own --lang follows the global one
            args.lang = lang
        handler: Handler = getattr(args, "handler", cmd_gui)
        with language.speaking(lang):
            return _run(handler, args)
    finally:
        if scan is not None:
            scan.close()


def launch(arguments: Sequence[str] | None = None, scan: ScanAhead | None = None) -> NoReturn:
    """The ``kpidesk`` command and ``python -m kpidesk`` (through ``entry.launch``, which
    may have started the ``scan`` of an import's workbook): :func:`main`, then the process
    ends with its exit code.

    After ``kpidesk import`` (SPEC §9 times its whole process) the process leaves with
    ``os._exit`` once its output is flushed and logging is shut down: the interpreter's
    own teardown — freeing every module and object, then the atexit handlers, of which
    logging's is the only one such a command registers — took 15–25 ms of a 0.5 s import
    and does nothing the command needs (by then the company is closed, the scan's child
    reaped and the sheet loader's threads joined). Every other command ends as usual:
    the window's Qt objects and QSettings write themselves on destruction.
    """
    arguments = sys.argv[1:] if arguments is None else list(arguments)
    code = main(arguments, scan)
    if workbook_to_import(arguments) is None:
        sys.exit(code)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # no console (a windowed build)
                stream.flush()
        except (OSError, ValueError):  # a reader gone (``| head``), a closed stream
            pass
    os._exit(code)


def _run(handler: Handler, args: argparse.Namespace) -> int:
    from kpidesk.commands.language import translate
    from kpidesk.services.errors import UserError

    try:
        return handler(args)
    except UserError as error:
        _print_user_error(error)
        return 1
    except KeyboardInterrupt:
        print("kpidesk: " + translate("Cli", "interrupted"), file=sys.stderr)
        return 1
    except SystemExit:
        raise
    except BrokenPipeError:
        # the reader (e.g. `| head`) went away: not an error of ours, and no traceback
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug: logged with its traceback, one line for the user
        from kpidesk.services import crash_log

        log = crash_log.record(error)
        detail = f"{type(error).__name__}: {error}"
        if log is None:
            line = translate("Cli", "unexpected error ({detail})").format(detail=detail)
        else:
            line = translate("Cli", "unexpected error ({detail}); details in {file}").format(
                detail=detail, file=log
            )
        print(f"kpidesk: {line}", file=sys.stderr)
        return 1


def _print_user_error(error: UserError) -> None:
    """``kpidesk: `` and each problem, translated, where it is first (one per line)."""
    from kpidesk.commands.language import problem_lines

    for line in problem_lines(error.problems):
        print(f"kpidesk: {line}", file=sys.stderr)
