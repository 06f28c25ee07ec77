"""Writing interchange workbooks: the empty template and the whole company's export.
Errors writing the file become a :class:`UserError` naming it."""

from __future__ import annotations

from pathlib import Path

from kpidesk.core.company import Company, CompanyContent
from kpidesk.io.template_lists import TemplateLists
from kpidesk.services.errors import UserError


def template_lists(company: Company | None, lang: str = "ru") -> TemplateLists:
    """The template's drop-down lists: sources, methods and units, and when a company is
    given its positions, stores, employees and indicator codes (archived ones left out)."""
    if company is None:
        return TemplateLists.of(lang)
    return TemplateLists.of(
        lang,
        positions=[p.name for p in company.positions if not p.archived],
        stores=[s.name for s in company.stores if not s.archived],
        employees=[e.name for e in company.employees if not e.archived],
        indicators=[i.code for i in company.indicators if not i.archived],
    )


def write_template(path: Path, *, lang: str = "ru", company: Company | None = None) -> Path:
    """Write the empty interchange workbook (headers, an instructions sheet and drop-down
    lists — with the company's names when ``company`` is given)."""
    from kpidesk.io import writer

    try:
        return writer.write_template(path, lang=lang, lists=template_lists(company, lang))
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
