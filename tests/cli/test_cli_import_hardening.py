"""No workbook can kill the import (SPEC §8, issue 13).

Two guards: every attack file, imported by ``python -m kpidesk`` in a subprocess under an
address-space limit, ends with exit 1, a clear message and at most 200 MB of peak memory;
and ~300 mutants of a filled template, imported in-process, each end with exit 0 or 1,
never on the "unexpected error" path, and a refused import leaves the database unchanged.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _attacks_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "kpidesk_test_attacks", ROOT / "tests" / "unit" / "io" / "attacks.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


attacks = _attacks_module()

PEAK_RSS_LIMIT_MB = 200
ADDRESS_SPACE_LIMIT = 1536 * 1024 * 1024  # calamine's terabyte grid fails fast under it

# Runs one import as its own child and reports the child's exit code, stderr and peak RSS
# (``RUSAGE_CHILDREN`` of this wrapper holds only that child).
_MEASURE = """
import json, resource, subprocess, sys
limit = int(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
done = subprocess.run(sys.argv[2:], capture_output=True, text=True, preexec_fn=cap)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"rc": done.returncode, "stderr": done.stderr, "peak_mb": peak}))
"""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = attacks.filled_template(tmp_path_factory.mktemp("base") / "filled.xlsx")
    return path


@pytest.fixture(scope="module")
def attack_files(base: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    files: dict[str, Path] = attacks.build_attacks(base, tmp_path_factory.mktemp("attacks"))
    return files


def _measure(database: Path, workbook: Path, home: Path) -> dict[str, object]:
    env = dict(os.environ, KPIDESK_HOME=str(home))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, "-m", "kpidesk", "--lang", "en", "--db", str(database)]
    command += ["import", str(workbook)]  # the English messages are asserted
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(ADDRESS_SPACE_LIMIT), *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_every_attack_file_is_refused_in_bounded_memory(
    attack_files: dict[str, Path], tmp_path: Path, kpidesk_home: Path
) -> None:
    figures: dict[str, tuple[int, float]] = {}
    for name, workbook in attack_files.items():
        result = _measure(tmp_path / f"{name}.kpidesk", workbook, kpidesk_home)
        stderr = str(result["stderr"])
        peak = float(result["peak_mb"])  # type: ignore[arg-type]
        figures[name] = (int(result["rc"]), peak)  # type: ignore[call-overload]
        assert result["rc"] == 1, (name, stderr)
        assert "unexpected error" not in stderr and "Traceback" not in stderr, (name, stderr)
        assert f"cannot import {workbook.name}" in stderr, (name, stderr)
        assert "nothing was changed" in stderr, (name, stderr)
        assert peak <= PEAK_RSS_LIMIT_MB, (name, peak)
    print("\nattack file: exit code, peak RSS (MB)")
    for name, (code, peak) in figures.items():
        print(f"  {name}: {code}, {peak:.0f}")


def test_attack_messages_name_the_part(attack_files: dict[str, Path], tmp_path: Path) -> None:
    from kpidesk.io.reader import read_workbook

    expected = {
        "far_cell_lower_case": "1048576 rows × 16384 columns",
        "far_cell_tab": "1048576 rows × 16384 columns",
        "prefixed_cell": "1048576 rows × 16384 columns",
        "implicit_columns": "columns beyond XFD",
        "four_letter_column": "columns beyond XFD",
        "z460000": "460000 rows × 26 columns",
        "implicit_rows": "rows × 7 columns",
        "huge_sheet_490mib": "MiB (limit 100 MiB)",
        "shared_strings_count": "xl/sharedStrings.xml announces 4000000000 strings",
        "utf16_sheet": "UTF-16",
        "billion_laughs": "declares XML entities",
        "duplicate_member": "appears twice",
        "missing_sheet_part": "is missing",
        "far_cell_second_reference": "is not valid XML (duplicate attribute",
        "far_cell_second_reference_unspaced": "is not valid XML",
    }
    for name, fragment in expected.items():
        problems = read_workbook(attack_files[name]).problems
        assert problems and problems[0].is_error, name
        assert fragment in problems[0].message, (name, problems[0].message)
        assert "xl/" in problems[0].message, (name, problems[0].message)


# ---------------------------------------------------------------------------- the fuzz

_SEED = 20261013
_MUTANTS = 300


def _dump(database: Path) -> str:
    """Every row of every table, as text, to compare a database before and after."""
    with sqlite3.connect(database) as connection:
        text = "\n".join(connection.iterdump())
    connection.close()
    return hashlib.sha256(text.encode()).hexdigest()


def _mutators(base: Path) -> list[Callable[[random.Random, bytes], bytes]]:
    with zipfile.ZipFile(base) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    daily = attacks.sheet_member(base, attacks.SHEET_DAILY)

    def zipped(parts: dict[str, bytes]) -> bytes:
        import io

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    def flip(rng: random.Random, data: bytes) -> bytes:
        blob = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            blob[rng.randrange(len(blob))] ^= 1 << rng.randrange(8)
        return bytes(blob)

    def truncate(rng: random.Random, data: bytes) -> bytes:
        return data[: rng.randrange(len(data))]

    def swap(rng: random.Random, data: bytes) -> bytes:
        names = list(members)
        first, second = rng.sample(names, 2)
        parts = dict(members)
        parts[first], parts[second] = members[second], members[first]
        return zipped(parts)

    def xml_edit(rng: random.Random, data: bytes) -> bytes:
        name = rng.choice([daily, daily, *members])
        text = members[name]
        edits: list[Callable[[bytes], bytes]] = [
            lambda t: t[: rng.randrange(max(len(t), 1))],
            lambda t: re.sub(rb"<v>[^<]*</v>", rng.choice(_VALUES), t, count=rng.randint(1, 5)),
            lambda t: t.replace(b' r="', rng.choice(_SPELLINGS), rng.randint(1, 50)),
            lambda t: re.sub(rb' r="[A-Z]+[0-9]+"', b"", t, count=rng.randint(1, 200)),
            lambda t: t.replace(b"</row>", b"", 1),
            lambda t: t.replace(b"<row ", b"<row>", 1).replace(b"<c ", b"<c/><c ", 3),
            lambda t: t.replace(b"</sheetData>", rng.choice(_FAR_ROWS) + b"</sheetData>"),
            lambda t: b'<!DOCTYPE x [<!ENTITY a "b">]>' + t,
            lambda t: t.decode("utf-8", "replace").encode(rng.choice(["utf-16", "utf-32"])),
            lambda t: t.replace(b"<", b"", 1),
        ]
        parts = dict(members)
        parts[name] = rng.choice(edits)(text)
        return zipped(parts)

    return [flip, flip, truncate, swap, xml_edit, xml_edit, xml_edit]


_VALUES = [
    b"<v>1e308</v>",
    b"<v>-1e308</v>",
    b"<v>NaN</v>",
    b"<v>inf</v>",
    b"<v>-0</v>",
    b"<v>99999999999999</v>",
    b"<v>abc</v>",
    b"<v></v>",
    b"<v>1e-320</v>",
]
_SPELLINGS = [b' r = "', b'\tr="', b" r='", b' R="', b' x:r="', b'\nr="']
_FAR_ROWS = [
    b'<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>',
    b'<row r="460000"><c r="Z460000"><v>1</v></c></row>',
    b'<row r="5"><c r="AAAAA5"><v>1</v></c></row>',
    b'<row r="99999999999"><c><v>1</v></c></row>',
    b"<row>" + b"<c/>" * 17_000 + b"</row>",
]


def test_mutants_never_crash_nor_half_import(
    base: Path,
    attack_files: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kpidesk.cli import main

    empty = tmp_path / "empty.kpidesk"
    assert main(["--db", str(empty), "init", "--name", "Fuzz"]) == 0
    pristine = _dump(empty)
    # the unmutated base imports, so that a mutant may import too (not only be refused)
    whole = tmp_path / "base.kpidesk"
    shutil.copyfile(empty, whole)
    assert main(["--db", str(whole), "import", str(base)]) == 0, capsys.readouterr().err
    rng = random.Random(_SEED)
    mutators = _mutators(base)
    data = base.read_bytes()
    cases: list[tuple[str, bytes]] = [
        (f"mutant-{number}", rng.choice(mutators)(rng, data)) for number in range(_MUTANTS)
    ]
    cases += [(name, path.read_bytes()) for name, path in attack_files.items()]
    codes = {0: 0, 1: 0}
    slowest = (0.0, "")
    started = time.perf_counter()
    for name, blob in cases:
        workbook = tmp_path / f"{name}.xlsx"
        workbook.write_bytes(blob)
        database = tmp_path / "company.kpidesk"
        shutil.copyfile(empty, database)
        capsys.readouterr()
        begin = time.perf_counter()
        code = main(["--db", str(database), "import", str(workbook)])
        took = time.perf_counter() - begin
        slowest = max(slowest, (took, name))
        err = capsys.readouterr().err
        assert code in (0, 1), (name, code, err)
        assert "unexpected error" not in err and "Traceback" not in err, (name, err)
        if code == 1:
            assert _dump(database) == pristine, (name, err)
        codes[code] += 1
        workbook.unlink()
    total = time.perf_counter() - started
    with capsys.disabled():
        print(
            f"\nfuzz: {len(cases)} workbooks, exit 0: {codes[0]}, exit 1: {codes[1]}, "
            f"slowest {slowest[1]} {slowest[0]:.2f} s, total {total:.1f} s"
        )
    assert codes[1] >= len(attack_files)  # every attack file refused
    assert total < 60
