"""200 bonus sheets of the reference data set to one PDF (SPEC §9 target: ≤ 1 s): the
period is computed once, then the sheets are rendered to a PDF file, timed as a median.
Run bench/generate.py first.

    python bench/bench_pdf.py [--period 2026-10] [--runs 7]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from timing import median_seconds, ms, reference_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kpidesk.core.periods import Period
from kpidesk.reports.headless import gui_application
from kpidesk.reports.pdf import write_pdf
from kpidesk.services.bonus_sheets import bonus_batch
from kpidesk.services.company import CompanyService


def main() -> int:
    args = reference_args(runs=7)
    app = gui_application()
    from kpidesk.reports.translations import install_translators

    translators = install_translators(app, "ru")
    period = Period.parse(args.period)
    with CompanyService.open(args.db, backup=False) as service:
        batch = bonus_batch(service, period)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sheets.pdf"
        pages: list[int] = []
        seconds = median_seconds(lambda: pages.append(write_pdf(batch, target)), runs=args.runs)
        size = target.stat().st_size
    print(f"{pages[-1]} sheets to one PDF ({size / 1024:.0f} KiB): median {ms(seconds)}")
    del translators
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
