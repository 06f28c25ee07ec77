"""Report tables as CSV and JSON for the command line (SPEC §5).

CSV is UTF-8 with a byte-order mark so that Excel opens Cyrillic correctly, with ``,`` or
``;`` (what Russian Excel expects) as the separator; text that Excel would run as a formula
gets a leading apostrophe. JSON keeps Cyrillic as is and writes ``Decimal`` as a string so
that no number passes through a binary float. Standard library only.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from kpidesk.core.money import parse_number
from kpidesk.core.periods import Period

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _scalar(value: object) -> object:
    """A JSON-safe value: Decimal → its digits as given (``18533.10`` keeps its kopecks),
    date → ISO, Period → its code."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Period):
        return value.code
    return value


def _json_default(value: object) -> object:
    converted = _scalar(value)
    if converted is value:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
    return converted


def to_json(data: object, *, indent: int | None = 2) -> str:
    """JSON text with Cyrillic kept and Decimals, dates and periods as strings."""
    return json.dumps(data, ensure_ascii=False, indent=indent, default=_json_default)


def write_json(data: object, path: Path, *, indent: int | None = 2) -> Path:
    """Write :func:`to_json` of ``data`` to ``path`` (UTF-8)."""
    path = Path(path)
    path.write_text(to_json(data, indent=indent) + "\n", encoding="utf-8")
    return path


def _is_number(text: str) -> bool:
    try:
        parse_number(text)
    except ValueError:
        return False
    return True


def _csv_cell(value: object) -> str:
    converted = _scalar(value)
    if converted is None:
        return ""
    if isinstance(converted, bool):
        return "true" if converted else "false"
    text = str(converted)
    if text.startswith(_FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _columns(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None) -> list[str]:
    if columns is not None:
        return list(columns)
    found: dict[str, None] = {}
    for row in rows:
        found.update(dict.fromkeys(row))
    return list(found)


def write_csv_to(
    stream: TextIO,
    rows: Iterable[Mapping[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    delimiter: str = ",",
) -> None:
    """Write rows (dicts) as CSV to an open text stream, header first; no BOM.

    Args:
        stream: where to write (opened with ``newline=""`` if it is a file).
        rows: one mapping per line.
        columns: column order; default: keys in first-seen order.
        delimiter: ``,`` or ``;``.
    """
    materialized = list(rows)
    names = _columns(materialized, columns)
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(names)
    for row in materialized:
        writer.writerow([_csv_cell(row.get(name)) for name in names])


def to_csv(
    rows: Iterable[Mapping[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    delimiter: str = ",",
) -> str:
    """CSV text (without a BOM) for printing to a terminal."""
    buffer = io.StringIO()
    write_csv_to(buffer, rows, columns=columns, delimiter=delimiter)
    return buffer.getvalue()


def write_csv(
    rows: Iterable[Mapping[str, Any]],
    path: Path,
    *,
    columns: Sequence[str] | None = None,
    delimiter: str = ",",
) -> Path:
    """Write rows as a CSV file Excel opens correctly: UTF-8 with a BOM.

    Args:
        rows: one mapping per line.
        path: the file to create or replace.
        columns: column order; default: keys in first-seen order.
        delimiter: ``,`` or ``;`` (Russian Excel splits on ``;``).
    """
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        write_csv_to(stream, rows, columns=columns, delimiter=delimiter)
    return path
