"""``kpidesk selfcheck``: check an installation — the window opened offscreen on a
temporary demo company, every section built and shown, one bonus sheet rendered to PDF and
one chart to PNG (``app.run_selfcheck``). Prints a line per step and exits 0 when all
passed, 1 naming what failed (the tracebacks go to the log). For a user after installing,
and for CI inside and outside the PyInstaller bundle.

Must not: import Qt at module level, or touch the user's companies.
"""

from __future__ import annotations

import argparse
import sys
from typing import Protocol

from kpidesk.commands.language import current, release, translate


class CheckStep(Protocol):
    """What this module reads of ``gui.selfcheck.CheckStep`` (commands never import gui)."""

    @property
    def kind(self) -> str: ...

    @property
    def subject(self) -> str: ...


def step_label(step: CheckStep) -> str:
    """A step's name in the command's language."""
    if step.kind == "section":
        return translate("Cli", "section «{title}»").format(title=step.subject)
    labels = {
        "window": translate("Cli", "main window"),
        "icons": translate("Cli", "icons"),
        "pdf": translate("Cli", "bonus sheet to PDF"),
        "png": translate("Cli", "chart to PNG"),
    }
    return labels.get(step.kind, step.kind)


def cmd_selfcheck(args: argparse.Namespace) -> int:
    release()  # the window needs its own Qt application
    from kpidesk.app import run_selfcheck
    from kpidesk.services import crash_log

    crash_log.setup_logging()
    report = run_selfcheck(lang=current(), keep=args.keep)
    for step in report.steps:
        mark = translate("Cli", "ok") if step.ok else translate("Cli", "FAILED")
        line = f"{mark:>6}  {step_label(step)} ({step.seconds:.2f} s)"
        if step.detail and (not step.ok or args.keep):  # (a temporary file is gone by now)
            line += f": {step.detail}"
        print(line, file=sys.stdout if step.ok else sys.stderr)
    if report.ok:
        print(translate("Cli", "selfcheck passed: {count} step(s)").format(count=len(report.steps)))
        return 0
    failed = ", ".join(step_label(step) for step in report.failures())
    print(
        "kpidesk: "
        + translate("Cli", "selfcheck failed: {failed}; details in {file}").format(
            failed=failed, file=crash_log.log_file()
        ),
        file=sys.stderr,
    )
    return 1
