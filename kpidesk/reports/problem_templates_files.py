"""The sentences of the problem codes about workbook files — reading one (the file, its
safety scan, its columns), the command line's options, adopting the owner's own workbook
(SPEC §6, §6.1) — in English (the source) and through
``QCoreApplication.translate("ProblemText", …)``: the part of
:func:`problem_templates.templates` kept in its own module for size.

Must not: decide whether something is a problem, or format values (``problem_text`` does).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def file_templates() -> dict[str, str]:
    """Code → translated sentence with ``{param}`` placeholders, for the workbook files'
    codes (built per call, as :func:`problem_templates.templates`)."""
    translate = QCoreApplication.translate
    return {
        # importing a workbook
        "no_such_file": translate("ProblemText", "There is no file {file}."),
        "import_cancelled": translate(
            "ProblemText", "The import of {file} was cancelled; nothing was changed."
        ),
        "cancelled": translate("ProblemText", "Reading the workbook was cancelled."),
        "unreadable": translate("ProblemText", "The workbook {value} cannot be read."),
        "file_unreadable": translate("ProblemText", "The file {file} cannot be opened."),
        "not_xlsx": translate(
            "ProblemText", "{file} is not an Excel workbook (.xlsx), or it is damaged."
        ),
        "old_excel_format": translate(
            "ProblemText",
            "{file} is an old Excel 97–2003 workbook (.xls); save it as an Excel workbook (.xlsx).",
        ),
        "csv_not_supported": translate(
            "ProblemText", "{file} is a text (CSV) file; save it as an Excel workbook (.xlsx)."
        ),
        "ods_not_supported": translate(
            "ProblemText",
            "{file} is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx).",
        ),
        "damaged": translate("ProblemText", "The workbook {file} is damaged."),
        "zip_bomb": translate(
            "ProblemText", "{file} is refused: it expands to too much data (a possible zip bomb)."
        ),
        "sheet_too_large": translate(
            "ProblemText", "{file} is refused: a sheet is larger than a workbook may be."
        ),
        "xml_dtd": translate(
            "ProblemText", "{file} is refused: it declares XML entities (a possible attack)."
        ),
        "xml_encoding": translate(
            "ProblemText",
            "{file} is written in an encoding that is not read; save it again as an Excel "
            "workbook (.xlsx).",
        ),
        "missing_column": translate("ProblemText", "The sheet '{sheet}' has no column {column}."),
        "missing_value": translate("ProblemText", "A value is required here."),
        "bad_value": translate("ProblemText", "The value '{value}' does not fit this column."),
        "duty_owner": translate(
            "ProblemText",
            "Fill exactly one of the position (the position's duty list) and the employee "
            "(the employee's own list).",
        ),
        # command line options
        "option_not_a_number": translate("ProblemText", "--{option}: '{value}' is not a number."),
        "dates_reversed": translate("ProblemText", "--to ({end}) is before --from ({start})."),
        "output_required": translate("ProblemText", "--format {format} needs -o FILE."),
        "period_or_dates": translate(
            "ProblemText", "Give either --period or --from and --to, not both."
        ),
        "from_needs_to": translate("ProblemText", "--from needs --to."),
        # adopting the owner's own workbook (SPEC §6.1)
        "adopt_not_a_table": translate(
            "ProblemText",
            "Not a KPI table or a daily log: no row names the columns of one (Показатель, "
            "Вес, Норма, Факт or Дата, Выручка); the sheet is left out.",
        ),
        "adopt_no_employee": translate(
            "ProblemText",
            "Whose matrix this is was not found: write 'ФИО:' or 'Сотрудник:' above the "
            "table, or choose the employee in the window.",
        ),
        "adopt_no_period": translate(
            "ProblemText",
            "The period was not found (no 'Период:' cell, no month in a title or in the "
            "sheet's name): give it with --period or in the window.",
        ),
        "adopt_index_not_reproduced": translate(
            "ProblemText",
            "No index method gives the sheet's own index of '{indicator}'; '{method}' is "
            "used. Check the sheet's formula.",
        ),
        "adopt_not_a_day": translate(
            "ProblemText", "The row is neither a day nor a total; it was left out."
        ),
        "adopt_method_differs": translate(
            "ProblemText",
            "The sheet computes the index of '{indicator}' another way than the company's "
            "indicator ('{method}'); kpidesk uses the company's.",
        ),
        "adopt_fact_computed": translate(
            "ProblemText",
            "'{indicator}' is computed by kpidesk from its data; the sheet's fact is not imported.",
        ),
    }
