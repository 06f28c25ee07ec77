"""Where a command's text goes: stdout or a file the user named, and the one clear
message when a file cannot be written. A report names the company it came from (SPEC §5):
a JSON report's first field is ``company`` (its name and its file or server), a text (CSV)
report's first line is ``# ООО «Ромашка» — /path/…`` (:func:`emit_report`).

Must not: open the company or format a report (the command modules do).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpidesk.services.company import CompanyService


@dataclass(frozen=True)
class ReportSource:
    """The company a report came from: its name and its file (or server, no password)."""

    name: str
    location: str

    @classmethod
    def of(cls, service: CompanyService) -> ReportSource:
        """The source of a report read from ``service`` (take it while it is open)."""
        return cls(service.title, service.location)

    def line(self) -> str:
        """The first line of a text report: ``# ООО «Ромашка» — /home/…/x.kpidesk`` (no words
        to translate: a CSV report must not load Qt for its translators)."""
        return f"# {self.name} — {self.location}"

    def json(self) -> dict[str, str]:
        """The ``company`` field of a JSON report."""
        return {"name": self.name, "location": self.location}


def emit_report(text: str, output: Path | None, source: ReportSource, *, as_json: bool) -> None:
    """:func:`emit` a report naming its company: a JSON object gets ``company`` as its first
    field, any other text the company line first."""
    if as_json:
        document = json.loads(text)
        text = json.dumps({"company": source.json(), **document}, ensure_ascii=False, indent=1)
    else:
        text = source.line() + "\n" + text
    emit(text, output)


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
