"""The two workbook exports of SPEC §9 on the reference data set: the 200-sheet bonus
workbook with live formulas (≤ 1 s) and the whole-company interchange workbook (≤ 1.5 s),
each the writing alone (the period and the content are read once, before the timing), as
a median. Beside each, the floor measured in the same run: openpyxl's write-only mode
writing the same number of plain cells (no styles, no formulas), so the ratio shows how
far the file's own work is above the library's.

    python bench/generate.py
    python bench/bench_export.py [--period 2026-10] [--runs 5]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from timing import median_seconds, reference_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kpidesk.core.periods import Period
from kpidesk.io.bonus_workbook import write_bonus_workbook
from kpidesk.io.writer import write_workbook
from kpidesk.services.bonus_sheets import bonus_batch
from kpidesk.services.company import CompanyService


def _plain(path: Path, sheets: list[tuple[str, int, int]]) -> None:
    """The floor: write-only openpyxl, ``rows × columns`` numbers on each sheet."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows, columns in sheets:
        sheet = workbook.create_sheet(title)
        line = list(range(columns))
        for _ in range(rows):
            sheet.append(line)
    workbook.save(path)


def _shape(path: Path) -> list[tuple[str, int, int]]:
    """Each sheet's (title, rows, columns) of a written workbook."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    shape = []
    for ws in workbook.worksheets:  # a write-only file declares no dimensions: count
        rows = columns = 0
        for row in ws.iter_rows(values_only=True):
            rows, columns = rows + 1, max(columns, len(row))
        shape.append((ws.title, rows, columns))
    workbook.close()
    return shape


def main() -> int:
    args = reference_args(runs=5)
    period = Period.parse(args.period)
    with CompanyService.open(args.db, backup=False) as service:
        batch = bonus_batch(service, period)
        content = service.database.content.export_content()
    result = batch.result()
    with tempfile.TemporaryDirectory() as folder:
        bonus, company, floor = (Path(folder) / name for name in ("b.xlsx", "c.xlsx", "f.xlsx"))

        def write_bonus() -> None:
            write_bonus_workbook(result, bonus, company=batch.company, locked=batch.locked)

        timed = {
            f"bonus workbook, {len(result.employees)} sheets with formulas (≤ 1 s)": (
                median_seconds(write_bonus, runs=args.runs),
                bonus,
            ),
            "whole-company export (≤ 1.5 s)": (
                median_seconds(lambda: write_workbook(content, company), runs=args.runs),
                company,
            ),
        }
        for name, (seconds, path) in timed.items():
            shape = _shape(path)
            cells = sum(rows * columns for _, rows, columns in shape)
            plain = median_seconds(lambda shape=shape: _plain(floor, shape), runs=args.runs)
            print(
                f"{name:<58} median {seconds:6.3f} s   floor (write-only, {cells} plain "
                f"cells) {plain:6.3f} s = {seconds / plain:4.1f}×   "
                f"{path.stat().st_size / 1024:.0f} KiB"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
