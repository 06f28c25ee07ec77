"""The ``kpidesk`` command's entry point (the console script and ``python -m kpidesk``):
for ``kpidesk import FILE`` the file's safety scan starts in its child process
(``io.scan_ahead``) *before* the command line itself is imported, then
:func:`kpidesk.cli.launch` runs the command as for any other.

Why a module of its own (issue 17: the import's whole process in ≤ 0.6 s, SPEC §9): the
scan is the start of the import's critical path — python-calamine may parse a sheet only
once the scan has passed it — and ``kpidesk.cli`` imports argparse, logging and every
command's handlers (≈ 20–40 ms) before its ``main`` could start it. Here only the scan's
own modules (zipfile, expat, :mod:`kpidesk.io.safety`) are imported before the fork; the
rest loads in the parent while the child scans. Neither here nor there may anything load
:mod:`dataclasses`, :mod:`typing` or :mod:`json` (≈ 12 ms together before the fork;
``tests/unit/io/test_perf_scan_ahead.py`` checks it).

Must not: import anything at module level that every command does not import anyway
(``sys``, ``pathlib``: a ``--help`` or a report pays for no scan), nor decide
anything about the command: the guess of the workbook (:func:`workbook_to_import`) only
chooses whether to start a scan, which the reader takes only for the very file it imports.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

TYPE_CHECKING = False  # (not typing's, whose import would delay the scan's fork ≈ 2 ms)
if TYPE_CHECKING:
    from typing import NoReturn

_GLOBAL_VALUES = ("--db", "--lang", "--user")  # the global options that take a value


def workbook_to_import(arguments: Sequence[str]) -> Path | None:
    """The FILE of ``kpidesk [global options] import … FILE``, read off the arguments
    before argparse has its parser, so that the scan can start at once. Only a guess, and
    a safe one: the reader takes the scan only for the very file it imports (the same
    path, inode, size and time), and scans any other file itself."""
    tokens = iter(arguments)
    for token in tokens:
        if token in _GLOBAL_VALUES:
            next(tokens, None)
        elif not token.startswith(tuple(f"{option}=" for option in _GLOBAL_VALUES)):
            if token != "import":
                return None
            break
    for token in tokens:
        if token == "--":
            following = next(tokens, None)
            return None if following is None else Path(following)
        if not token.startswith("-"):
            return Path(token)
    return None


def launch() -> NoReturn:
    """Start the scan of the workbook an ``import`` names (when it does), then run the
    command (:func:`kpidesk.cli.launch`, which closes the scan and ends the process)."""
    arguments = sys.argv[1:]
    workbook = workbook_to_import(arguments)
    scan = None
    if workbook is not None:
        from kpidesk.io.scan_ahead import ScanAhead

        scan = ScanAhead.start(workbook)
    from kpidesk import cli

    cli.launch(arguments, scan)
