"""Tab-separated text as Excel puts it on the clipboard: rows end with CRLF (the last one
too), a cell holding a tab, a line break or a quote is quoted with doubled quotes. Pure
functions; the spreadsheet view uses them for copy and paste."""

from __future__ import annotations


def parse_tsv(text: str) -> list[list[str]]:
    """Cells of a tab-separated block: CRLF, LF or CR rows, quoted cells (with line breaks
    or tabs inside and ``""`` for a quote); the trailing line break Excel adds is dropped."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    index, length = 0, len(text)
    at_cell_start = True
    while index < length:
        char = text[index]
        if at_cell_start and char == '"':
            index += 1
            while index < length:
                if text[index] == '"':
                    if index + 1 < length and text[index + 1] == '"':
                        cell.append('"')
                        index += 2
                        continue
                    index += 1
                    break
                cell.append(text[index])
                index += 1
            at_cell_start = False
            continue
        if char == "\t":
            row.append("".join(cell))
            cell, at_cell_start = [], True
        elif char in "\r\n":
            if char == "\r" and index + 1 < length and text[index + 1] == "\n":
                index += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
        else:
            cell.append(char)
            at_cell_start = False
        index += 1
    if cell or row or not at_cell_start:
        row.append("".join(cell))
        rows.append(row)
    return rows


def _quote(cell: str) -> str:
    if any(char in cell for char in '\t\r\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def format_tsv(rows: list[list[str]]) -> str:
    """The block as Excel would copy it: tabs, CRLF after every row, quoted cells."""
    return "".join("\t".join(_quote(cell) for cell in row) + "\r\n" for row in rows)
