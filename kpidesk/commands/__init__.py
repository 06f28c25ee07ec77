"""The ``kpidesk`` command's handlers (SPEC §5), one module per group of commands; the
argument parser and ``main`` stay in ``kpidesk/cli.py``.

Every handler takes the parsed ``argparse.Namespace`` and returns the exit code. Must not:
import Qt, pandas, matplotlib or openpyxl at module level (they load inside the handlers
that need them, so that ``kpidesk --help`` and the JSON reports start fast).
"""
