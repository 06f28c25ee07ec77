"""Cold start of the window on the reference database against a bare PySide6 window, each
sample a whole new process, the two run alternately in the same minutes (SPEC §9 target:
≤ 2× the bare window).

kpidesk starts the way the ``kpidesk`` command does — ``kpidesk.cli.main(["--db", DB])``,
so ``run_gui`` — with ``KPIDESK_START_PROBE=numbers`` (``gui.first_paint``): the window
prints the wall-clock time when its frame has been painted and when the first section's
numbers have been painted, then quits (the dashboard of the period containing yesterday:
past the reference data's last full month it is the setup checklist and the status bar).
A third process, alternating with the two, opens the window on ``--period`` (default
2026-10, the reference data's last month) through ``run_gui(db, period=…)``, as
``kpidesk demo`` does, so that its "numbers" are the dashboard's full figures.
The bare window prints the same mark after its first paint, detected the same way (the
first paint event, then a 0-ms timer). Each figure is "process start (just before it is
spawned) → the mark", so the interpreter's start, every import and Qt's set-up count, the
process's teardown does not.
The child also reports which heavy modules were imported at each mark.

The children write byte code (``PYTHONDONTWRITEBYTECODE`` is dropped, and the untimed
warm-up run fills the caches), as an installed kpidesk has it. They open a copy of the
database in a temporary ``KPIDESK_HOME``: opening takes the rotating backup, as a user's
start does, and that must not land beside the reference data.

    python bench/bench_startup.py [--runs 9] [--db bench/data/reference.kpidesk]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"

BARE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, mark)
        return False

def mark():
    print(f"kpidesk-start paint {time.time():.6f}", flush=True)
    app.quit()

app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""

# the kpidesk command, with a note of the heavy modules loaded at each mark of the probe
KPIDESK = """
import sys
from kpidesk.gui import first_paint

WATCHED = ("pandas", "matplotlib", "openpyxl", "kpidesk.store", "kpidesk.core.compute",
           "kpidesk.services.company")
original = first_paint.StartProbe.reached

def reached(self, stage):
    loaded = [name for name in WATCHED if name in sys.modules]
    print(f"kpidesk-modules {stage} {','.join(loaded) or '-'}", flush=True)
    return original(self, stage)

first_paint.StartProbe.reached = reached
if len(sys.argv) > 2:  # a period with data: the dashboard's figures, not its checklist
    from pathlib import Path

    from kpidesk.app import run_gui
    from kpidesk.core.periods import Period

    raise SystemExit(run_gui(Path(sys.argv[1]), period=Period.parse(sys.argv[2])))
from kpidesk.cli import main
raise SystemExit(main(["--db", sys.argv[1]]))
"""


def sample(code: str, env: dict[str, str], *extra: str) -> dict[str, object]:
    """One new process: the seconds from its spawning to each mark, its whole wall time
    and the modules it reported."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *extra],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    ended = time.time()
    result: dict[str, object] = {"process": ended - started}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "kpidesk-start":
            result[parts[1]] = float(parts[2]) - started
        elif len(parts) == 3 and parts[0] == "kpidesk-modules":
            result[f"modules {parts[1]}"] = parts[2]
    if "paint" not in result:
        raise SystemExit(f"no paint mark from the child:\n{done.stdout}\n{done.stderr}")
    return result


def median(samples: list[dict[str, object]], key: str) -> float:
    return statistics.median(float(s[key]) for s in samples)  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", type=Path, default=DATA / "reference.kpidesk")
    parser.add_argument(
        "--period", default="2026-10", help="a month with data, for the dashboard's figures"
    )
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: run bench/generate.py first", file=sys.stderr)
        return 1
    home = Path(tempfile.mkdtemp(prefix="kpidesk-bench-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KPIDESK_HOME=str(home))
    env["PYTHONPATH"] = str(ROOT)
    env["KPIDESK_START_PROBE"] = "numbers"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    database = str(shutil.copy(args.db, home / args.db.name))
    sample(BARE, env)  # warm-up: byte code, the disk cache
    sample(KPIDESK, env, database)
    bare: list[dict[str, object]] = []
    ours: list[dict[str, object]] = []
    full: list[dict[str, object]] = []
    for _ in range(args.runs):  # alternately, so both see the same load
        bare.append(sample(BARE, env))
        ours.append(sample(KPIDESK, env, database))
        full.append(sample(KPIDESK, env, database, args.period))
    load = os.getloadavg()
    floor = median(bare, "paint")
    paint, numbers = median(ours, "paint"), median(ours, "numbers")
    print(f"{args.runs} alternating runs; load average {load[0]:.2f} {load[1]:.2f}")
    print(f"bare PySide6 window, first paint: median {floor:.3f} s")
    print(f"kpidesk on {args.db.name}, first paint: median {paint:.3f} s ({paint / floor:.2f}×)")
    print(f"kpidesk, the dashboard's numbers painted: median {numbers:.3f} s")
    print(
        f"kpidesk on {args.period} (a month with data), first paint: median "
        f"{median(full, 'paint'):.3f} s, the dashboard's figures painted: median "
        f"{median(full, 'numbers'):.3f} s"
    )
    print(
        f"whole processes (with teardown): bare {median(bare, 'process'):.3f} s, "
        f"kpidesk {median(ours, 'process'):.3f} s"
    )
    print(f"heavy modules at the first paint: {ours[-1].get('modules paint', '?')}")
    print(f"heavy modules with the numbers: {ours[-1].get('modules numbers', '?')}")
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
