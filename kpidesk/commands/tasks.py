"""``kpidesk report tasks`` and ``kpidesk tasks generate``: duties and tasks by assignee,
by controller or the debtors, and the period's duties created from the duty lists.

Must not: decide what is overdue or which duties are due (``core`` and the tasks service do).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from kpidesk.commands.company import open_company
from kpidesk.commands.language import problem_lines, translate
from kpidesk.commands.output import ReportSource, emit_report


def cmd_report_tasks(args: argparse.Namespace) -> int:
    from kpidesk.core.tasks_filters import Grouping, default_as_of
    from kpidesk.services.tasks import tasks_report

    as_of = args.as_of or default_as_of(args.period, date.today())
    service = open_company(args, readonly=True)
    with service:
        report = tasks_report(service, args.period, Grouping(args.by), as_of)
        source = ReportSource.of(service)
    text = report.as_json() if args.format == "json" else report.as_csv()
    emit_report(text, args.output, source, as_json=args.format == "json")
    return 0


def cmd_tasks_generate(args: argparse.Namespace) -> int:
    from kpidesk.services.tasks import generate_period_duties

    service = open_company(args)
    with service:
        outcome = generate_period_duties(service, args.period)
    for line in problem_lines(outcome.problems):
        print(f"  {line}", file=sys.stderr)
    if outcome.added:
        text = translate("Cli", "created {count} duties for {period}")
        print(text.format(count=len(outcome.added), period=args.period.code))
    else:
        text = translate("Cli", "no new duties for {period} (they exist already)")
        print(text.format(period=args.period.code))
    return 0
