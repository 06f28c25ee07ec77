"""Reading the interchange workbook (SPEC §6) into a ``CompanyContent`` plus cell problems.

python-calamine does the parsing (about ten times faster than openpyxl, SPEC §9); neither
openpyxl nor pandas is imported on this path, because their import time alone would eat
the whole-process import budget. :mod:`kpidesk.io.safety` vets the file first (SPEC §8).
Sheets and headers are found case-insensitively in English or Russian; any sheet may be
absent, columns may come in any order, unknown sheets and columns are ignored. Every bad
cell is reported; a row with a bad cell is left out of the content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path

from kpidesk.core.company import CompanyContent
from kpidesk.core.problems import Location, Problem
from kpidesk.io import safety
from kpidesk.io.assemble import assemble, resolve_indicator_names
from kpidesk.io.builders import Collector, read_row
from kpidesk.io.bulk import BULK
from kpidesk.io.cells import RawCell, is_blank, is_blank_row, show
from kpidesk.io.rows import RowCursor
from kpidesk.io.scan_ahead import ScanAhead, UnfinishedScanError
from kpidesk.io.sheet_loader import SheetLoader
from kpidesk.io.sheets import SheetSpec, header_keys, is_read, normalize, sheet_for_name

__all__ = ["ReadResult", "column_for", "locate", "read_workbook", "resolve_indicator_names"]

_PROGRESS_EVERY = 1000
THREADED = True  # python-calamine parses ahead in a thread (``io.sheet_loader``)


@dataclass(frozen=True)
class ReadResult:
    """What reading a workbook gave.

    Attributes:
        content: the items of every good row; ``content.origins`` holds each item's sheet
            and row (a matrix's and a schedule's first row).
        problems: cell-level problems (sheet, Excel row, header text, value, why) and
            file-level refusals; the import must not go ahead while any is an error.
        headers: sheet name as in the file → field (e.g. ``"weight"``) → header text as in
            the file, so that a later problem naming a field can name the column.
        row_origins: (``"matrices"`` or ``"schedules"``, item index, row index) → the sheet
            row of that matrix row or payout step.
        cancelled: reading stopped because ``cancelled()`` said so; content is empty.
    """

    content: CompanyContent
    problems: list[Problem]
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    row_origins: dict[tuple[str, int, int], Location] = field(default_factory=dict)
    cancelled: bool = False


class _CancelledError(Exception):
    pass


def _file_problem(code: str, message: str, path: Path) -> Problem:
    return Problem(code=code, message=message, value=path.name, params=(("file", path.name),))


def read_workbook(
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    scan: ScanAhead | None = None,
) -> ReadResult:
    """Read an interchange workbook.

    Never raises for a bad or hostile file: every refusal is a ``Problem``.

    Args:
        path: the .xlsx file.
        progress: called with (rows done, rows in all) now and then.
        cancelled: polled now and then; when it returns True reading stops.
        scan: the safety scan of ``path`` already running in a child process
            (``io.scan_ahead``); without it, or when it could not finish, the file is
            scanned here.

    Returns:
        The content, the problems, the header texts used, and matrix/payout row origins.
    """
    path = Path(path)
    if scan is not None:
        try:
            return _read_after(
                path, lambda loader: scan.check_sheets(path, loader.passed), progress, cancelled
            )
        except UnfinishedScanError:
            pass  # scanned here, below, with a loader that has been told nothing
    return _read_after(path, partial(_scan_here, path), progress, cancelled)


def _scan_here(path: Path, loader: SheetLoader) -> dict[str, int]:
    """The safety scan of the workbook and of the sheets to read, in this process; the
    loader is told each sheet that passes. Returns sheet name → its ``<row>`` elements.

    Raises:
        safety.UnsafeFileError: the file is refused.
    """
    archive = safety.open_checked(path)
    try:
        return safety.check_sheets(archive, is_read, loader.passed)
    finally:
        archive.close()


def _read_after(
    path: Path,
    check: Callable[[SheetLoader], dict[str, int]],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> ReadResult:
    """The workbook read once ``check`` (a scan that tells the loader each sheet it
    passes) has passed it, or its refusal as the one problem."""
    loader = SheetLoader(path, threaded=THREADED)  # parses each sheet the scan has passed
    try:
        try:
            plans = _plans(check(loader))
        except safety.UnsafeFileError as error:
            return ReadResult(CompanyContent(), [_file_problem(error.code, str(error), path)])
        return _read(path, plans, loader, progress, cancelled)
    finally:
        loader.close()


@dataclass(frozen=True)
class _SheetPlan:
    name: str
    spec: SheetSpec
    rows: int


def _plans(rows: dict[str, int]) -> list[_SheetPlan]:
    """The sheets to read, from the scan's sheet name → number of ``<row>`` elements (the
    scan passed each of them, in this order, to the loader; sheets never loaded need no
    scan: they may be large)."""
    plans = []
    for name, count in rows.items():
        spec = sheet_for_name(name)
        if spec is not None:
            plans.append(_SheetPlan(name, spec, count))
    return plans


def _read(
    path: Path,
    plans: list[_SheetPlan],
    loader: SheetLoader,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> ReadResult:
    out = Collector()
    headers: dict[str, dict[str, str]] = {}
    total = sum(plan.rows for plan in plans)
    done = 0
    if progress is not None:
        progress(0, total)
    try:
        loader.workbook()
    except _NOT_OURS:
        raise
    except BaseException as error:  # calamine's own errors, and a Rust panic
        return ReadResult(CompanyContent(), [_unreadable(path, error)])
    for plan in plans:
        try:
            rows = loader.take(plan.name).iter_rows()
            done = _read_sheet(plan, rows, out, headers, done, total, progress, cancelled)
        except _CancelledError:
            problem = _file_problem("cancelled", "reading the workbook was cancelled", path)
            return ReadResult(CompanyContent(), [problem], cancelled=True)
        except _NOT_OURS:
            raise
        except BaseException as error:  # calamine's own errors, and a Rust panic
            return ReadResult(CompanyContent(), [_unreadable(path, error, plan.name)])
    if progress is not None:
        progress(total, total)
    content, row_origins = assemble(out)
    return ReadResult(content, out.problems, headers, row_origins)


# what must pass through the reader's catch-all around python-calamine (which raises its
# own error types and, on a Rust panic, pyo3's PanicException, a BaseException)
_NOT_OURS = (_CancelledError, KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)


def _unreadable(path: Path, error: BaseException, sheet: str | None = None) -> Problem:
    return Problem(
        code="unreadable",
        message=f"the workbook cannot be read: {error}",
        where=Location(sheet=sheet),
        value=path.name,
    )


def _read_sheet(
    plan: _SheetPlan,
    rows: Iterable[Sequence[RawCell]],
    out: Collector,
    headers: dict[str, dict[str, str]],
    done: int,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    """Read one sheet's rows into ``out``; returns the updated count of rows done."""
    cursor: RowCursor | None = None
    numbered = enumerate(rows, start=1)
    for number, cells in numbered:
        done += 1
        if done % _PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise _CancelledError
            if progress is not None:
                progress(min(done, total), total)
        if is_blank_row(cells):
            continue
        if cursor is None:
            columns = _match_headers(plan, number, cells, out.problems)
            headers[plan.name] = {key: header for key, (_, header) in columns.items()}
            if columns is _REFUSED:
                return done
            cursor = RowCursor(plan.name, columns, out.problems)
            if plan.spec.kind in BULK:
                return _read_bulk(plan, numbered, cursor, out, done, total, progress, cancelled)
            continue
        cursor.start(number, cells)
        read_row(plan.spec.kind, cursor, out)
    return done


def _read_bulk(
    plan: _SheetPlan,
    numbered: Iterator[tuple[int, Sequence[RawCell]]],
    cursor: RowCursor,
    out: Collector,
    done: int,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    """The rows after the header of a large sheet, a chunk at a time: the well-formed
    ones converted in one pass (``io.bulk``), the others — blank rows skipped — through
    the careful path in their place, so the items keep the sheet's order."""
    kind = plan.spec.kind
    convert = BULK[kind]
    items: list[object] = getattr(out, kind)
    while True:
        chunk = list(islice(numbered, _PROGRESS_EVERY))
        if not chunk:
            return done
        if cancelled is not None and cancelled():
            raise _CancelledError
        converted = convert([cells for _, cells in chunk], cursor.positions)
        if not any(item is None for item in converted):  # the usual chunk: all well-formed
            items.extend(converted)
            out.origins.extend(kind, plan.name, [number for number, _ in chunk])
            done += len(chunk)
            if progress is not None:
                progress(min(done, total), total)
            continue
        numbers: list[int] = []  # the rows of the run of converted items not yet added
        run: list[object] = []
        for (number, cells), item in zip(chunk, converted, strict=True):
            if item is not None:
                numbers.append(number)
                run.append(item)
                continue
            if run:
                items.extend(run)
                out.origins.extend(kind, plan.name, numbers)
                numbers, run = [], []
            if not is_blank_row(cells):
                cursor.start(number, cells)
                read_row(kind, cursor, out)
        if run:
            items.extend(run)
            out.origins.extend(kind, plan.name, numbers)
        done += len(chunk)
        if progress is not None:
            progress(min(done, total), total)


_REFUSED: dict[str, tuple[int, str]] = {}


def _match_headers(
    plan: _SheetPlan, row: int, cells: Sequence[RawCell], problems: list[Problem]
) -> dict[str, tuple[int, str]]:
    """Field → (position, header text) from the header row; ``_REFUSED`` (after recording a
    problem per missing required column) when the sheet cannot be read."""
    found: dict[str, tuple[int, str]] = {}
    texts = [normalize(show(cell)) if not is_blank(cell) else "" for cell in cells]
    for column in plan.spec.columns:
        keys = header_keys(column)
        for position, key in enumerate(texts):
            if key in keys:
                found[column.field] = (position, show(cells[position]).strip())
                break
    missing = [c for c in plan.spec.columns if c.required and c.field not in found]
    if plan.spec.kind == "matrices" and "position" not in found and "employee" not in found:
        missing += [plan.spec.column("position"), plan.spec.column("employee")]
    for column in missing:
        problems.append(
            Problem(
                code="missing_column",
                message=f"the sheet has no column {column.both()}",
                where=Location(sheet=plan.name, row=row, field=column.field),
                params=(("sheet", plan.name), ("column", column.both())),
            )
        )
    return _REFUSED if missing else found


def locate(problem: Problem, result: ReadResult) -> Problem:
    """Fill a problem's column from its field, using the header texts of the file read.

    A semantic problem found after reading (e.g. weights that do not sum to 1) carries the
    item's origin (sheet, row) and ``field="weight"``; this names the column as the file
    does (``'Вес'``). Problems that already have a column, or no sheet, come back unchanged.
    """
    where = problem.where
    if where.column is not None or where.sheet is None or where.field is None:
        return problem
    column = result.headers.get(where.sheet, {}).get(where.field)
    if column is None:
        column = column_for(where.sheet, where.field)
    return replace(problem, where=replace(where, column=column))


def column_for(sheet_name: str, field: str) -> str | None:
    """The standard header for ``field`` on a sheet (named in either language), in the
    sheet name's language; ``None`` when the sheet or the field is unknown."""
    spec = sheet_for_name(sheet_name)
    if spec is None:
        return None
    try:
        column = spec.column(field)
    except KeyError:
        return None
    russian = normalize(sheet_name) == normalize(spec.ru)
    return column.ru if russian else column.en
