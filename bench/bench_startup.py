"""Cold start to a usable main window on the reference database, against a bare PySide6
window that shows and quits (SPEC §9 target: ≤ 2× the bare window). Each sample is a whole
new process; the window quits as soon as it has been shown and the event loop ran once.

    python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_seconds

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

KPIDESK = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from kpidesk.app import application, build_main_window
from kpidesk.services.company import CompanyService
app = application()
service = CompanyService.open(Path(sys.argv[1]), backup=False)
window = build_main_window(service)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
loaded = [m for m in ("pandas", "matplotlib", "openpyxl") if m in sys.modules]
print(",".join(loaded))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, default=DATA / "reference.kpidesk")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: run bench/generate.py first", file=sys.stderr)
        return 1
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KPIDESK_HOME=tempfile.mkdtemp())
    env["PYTHONPATH"] = str(ROOT)

    def run(code: str, *extra: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code, *extra],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        return done.stdout.strip()

    bare = median_seconds(lambda: run(BARE), runs=args.runs)
    ours = median_seconds(lambda: run(KPIDESK, str(args.db)), runs=args.runs)
    heavy = run(KPIDESK, str(args.db))
    print(f"bare PySide6 window: median {bare:.3f} s")
    print(f"kpidesk main window on {args.db.name}: median {ours:.3f} s ({ours / bare:.2f}×)")
    print(f"heavy modules loaded at start: {heavy or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
