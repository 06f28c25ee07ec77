"""Where a command's text goes: stdout or a file the user named, and the one clear
message when a file cannot be written.

Must not: open the company or format a report (the command modules do).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to stdout (``output`` None) or to the file (CSV with a BOM for Excel)."""
    if output is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    from kpidesk.services.errors import UserError

    try:
        output.write_text(text, encoding="utf-8-sig" if output.suffix == ".csv" else "utf-8")
    except OSError as error:
        raise UserError.of(
            "cannot_write", f"cannot write {output}: {error.strerror or error}", file=output
        ) from None


def write_file(write: Callable[[], object], output: Path) -> None:
    """Run ``write`` (which writes ``output``), turning an OS error into a user error."""
    from kpidesk.services.errors import UserError

    try:
        write()
    except OSError as error:
        raise UserError.of(
            "cannot_write", f"cannot write {output}: {error.strerror or error}", file=output
        ) from None
    from kpidesk.commands.language import translate

    print(translate("Cli", "wrote {file}").format(file=output))
