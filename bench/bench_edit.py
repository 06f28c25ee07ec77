"""Editing one fact in the KPI matrix editor until the updated KPI and bonus are on screen
(SPEC §9 target: median ≤ 16 ms), on the reference database: the model's ``setData`` →
the matrix service writes the fact (one transaction, audited) → the employee is recomputed
by ``core`` → ``dataChanged`` and the labels under the grid refresh. Run bench/generate.py
first; the database is copied so the reference stays unchanged.

    QT_QPA_PLATFORM=offscreen python bench/bench_edit.py [--period 2026-10] [--runs 41]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from timing import median_seconds, ms, reference_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from kpidesk.core.periods import Period
from kpidesk.gui.context import AppContext
from kpidesk.gui.matrix.rows import FACT
from kpidesk.gui.matrix.section import MatrixSection
from kpidesk.services.company import CompanyService


def main() -> int:
    args = reference_args(runs=41)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    period = Period.parse(args.period)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edit.kpidesk"
        shutil.copy(args.db, path)
        service = CompanyService.open(path, backup=False)
        context = AppContext(service, period=period, today=date(2026, 11, 22))
        section = MatrixSection(context)
        section.resize(1200, 700)
        section.show()
        app.processEvents()
        company = service.company()
        manual = {i.code for i in company.indicators if i.source.is_manual}
        employee = next(e for e in company.employees if not e.archived and e.works_in(period))
        section.open_item(employee=employee.name)
        model = section.model
        row = next(i for i, r in enumerate(model.rows) if r.indicator in manual)
        index = model.index(row, FACT)
        values = iter(range(10_000))
        changed: list[int] = []
        model.dataChanged.connect(lambda *_: changed.append(1))

        def edit() -> None:
            value = 40 + next(values) % 50
            assert model.setData(index, str(value)), model.last_error
            assert section.kpi_label.text()

        whole = median_seconds(edit, runs=args.runs, warmup=3)
        kpi = section.kpi_label.text()
        rows = model.rowCount()
        section.close()
        service.close()
    del app
    print(
        f"period {period.code}: {employee.name}, {rows} rows, manual fact "
        f"'{model.rows[row].indicator}'; dataChanged emitted {len(changed)} times"
    )
    print(f"last KPI label: {kpi}")
    print(f"edit a fact → KPI and bonus on screen: median {ms(whole)} (target ≤ 16 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
