"""Writing interchange workbooks: the empty template and the whole company's export.
Errors writing the file become a :class:`UserError` naming it."""

from __future__ import annotations

from pathlib import Path

from kpidesk.core.company import CompanyContent
from kpidesk.services.errors import UserError


def write_template(path: Path, *, lang: str = "ru") -> Path:
    """Write the empty interchange workbook (headers and an instructions sheet)."""
    from kpidesk.io import writer

    try:
        return writer.write_template(path, lang=lang)
    except OSError as error:
        raise UserError.of(
            "cannot_write", f"cannot write {path}: {error.strerror or error}", file=path
        ) from None


def export_workbook(content: CompanyContent, path: Path, *, lang: str = "ru") -> Path:
    """Write ``content`` as an interchange workbook that imports back to the same data."""
    from kpidesk.io import writer

    try:
        writer.write_workbook(content, path, lang=lang)
    except OSError as error:
        raise UserError.of(
            "cannot_write", f"cannot write {path}: {error.strerror or error}", file=path
        ) from None
    return path
