"""The foundation from the command line (SPEC §5, §6): template → fill → import → report
gives the SPEC §2 numbers; bad workbooks are refused whole with every bad cell listed;
importing twice changes nothing; demo; backup / restore / check; exit codes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from openpyxl import load_workbook

from kpidesk.store import CURRENT_VERSION

CLI_LANG = "en"  # these tests read the English messages (see conftest)


def _fill_template(path: Path) -> None:
    """Fill the Russian template with SPEC example A (a store's matrix) and example C
    (39 700 + 16 300 × 113,7 %), typing numbers the way owners do."""
    book = load_workbook(path)
    book["Магазины"].append(["Центральный"])
    employees = book["Сотрудники"]
    headers = [cell.value for cell in employees[1]]

    def employee_row(**values: object) -> list[object]:
        return [values.get(h) for h in headers]

    employees.append(
        employee_row(
            ФИО="Иванова Мария",
            Должность="Управляющий",
            Магазин="Центральный",
            Оклад="39 700",
            Премия="16\u00a0300,00",
        )
    )
    employees.append(
        employee_row(
            ФИО="Петров Пётр",
            Должность="Продавец",
            Магазин="Центральный",
            Оклад=39700,
            Премия=16300,
        )
    )
    indicators = book["Показатели"]
    for row in (
        ["revenue", "Выручка", "₽", "manual", "scale"],
        ["avg_check", "Средний чек", "₽", "manual", "scale"],
        ["conversion", "Конверсия", "%", "manual", "шкала"],
        ["loyalty", "Лояльность", "%", "manual", "scale"],
        ["sales", "Продажи", "₽", "manual", "ratio"],
    ):
        indicators.append(row)
    matrix = book["Матрица"]
    mh = [cell.value for cell in matrix[1]]

    def matrix_row(**values: object) -> list[object]:
        return [values.get(h) for h in mh]

    for code, weight, base, norm, target in (
        ("revenue", "0,3", "50 000", "100 000", "300 000"),
        ("Средний чек", "20%", 3000, 5000, 10000),
        ("conversion", 0.3, 10, 15, 20),
        ("loyalty", "0.2", 60, 80, 90),
    ):
        matrix.append(
            matrix_row(
                Период="2026-10",
                Сотрудник="Иванова Мария",
                Показатель=code,
                Вес=weight,
                База=base,
                Норма=norm,
                Цель=target,
            )
        )
    matrix.append(
        matrix_row(Период="2026-10", Должность="Продавец", Показатель="sales", Вес=1, Норма="1 000")
    )
    facts = book["Факты"]
    for employee, code, value in (
        ("Иванова Мария", "revenue", "200 000"),
        ("Иванова Мария", "avg_check", 6000),
        ("Иванова Мария", "Конверсия", "12"),
        ("Иванова Мария", "loyalty", "80,0"),
        ("Петров Пётр", "sales", "1 137"),
    ):
        facts.append(["2026-10", employee, code, value])
    book.save(path)
    book.close()


def test_template_fill_import_report_gives_the_spec_numbers(kpidesk, tmp_path: Path) -> None:
    workbook = tmp_path / "kpi.xlsx"
    database = tmp_path / "company.kpidesk"
    kpidesk("template", "-o", str(workbook), "--lang", "ru", check_code=0)
    _fill_template(workbook)
    kpidesk("--db", str(database), "import", str(workbook), check_code=0)
    done = kpidesk("--db", str(database), "report", "bonus", "--period", "2026-10", check_code=0)
    report = json.loads(done.stdout)
    assert report["period"] == "2026-10"
    people = {e["employee"]: e for e in report["employees"]}
    store = people["Иванова Мария"]
    assert store["status"] == "complete"
    assert store["kpi"] == "1.520"  # example A
    assert [r["index"] for r in store["rows"]] == ["3.0000", "1.5000", "0.4000", "1.0000"]
    assert store["bonus"] == "24450.00"  # 16 300 × 1.5 (the cap)
    seller = people["Петров Пётр"]
    assert seller["kpi"] == "1.137"  # example C
    assert seller["fixed_pay"] == "39700.00"
    assert seller["bonus"] == "18533.10"
    assert seller["total"] == "58233.10"
    assert seller["rows"] == [
        {
            "indicator": "sales",
            "weight": "1",
            "base": None,
            "norm": "1000",
            "target": None,
            "fact": "1137",
            "index": "1.1370",
        }
    ]
    # the same workbook again changes nothing
    again = kpidesk("--db", str(database), "import", str(workbook), check_code=0)
    assert "nothing changed" in again.stdout


def test_a_bad_workbook_is_refused_whole_with_every_bad_cell(kpidesk, tmp_path: Path) -> None:
    workbook = tmp_path / "kpi.xlsx"
    database = tmp_path / "company.kpidesk"
    kpidesk("template", "-o", str(workbook), "--lang", "en", check_code=0)
    book = load_workbook(workbook)
    book["Stores"].append(["North"])
    daily = book["Daily"]
    daily.append(["01.10.2026", "North", "1 000,50", 10, 100, 12])  # good
    daily.append(["02.10.2026", "North", "-5", 10, 100, 12])  # negative revenue
    daily.append(["03.10.2026", "Nowhere", "100", 1, 10, 1])  # unknown store
    daily.append(["32.10.2026", "North", "100", 1, 10, 1])  # not a date
    daily.append(["04.10.2026", "North", "500", 0, 10, 0])  # revenue without receipts
    book.save(workbook)
    book.close()
    done = kpidesk("--db", str(database), "import", str(workbook), check_code=1)
    assert "Traceback" not in done.stderr
    assert "nothing was changed" in done.stderr
    for row in ("row 3", "row 4", "row 5", "row 6"):
        assert row in done.stderr, done.stderr
    assert "sheet 'Daily'" in done.stderr
    assert "column 'Revenue'" in done.stderr and "column 'Store'" in done.stderr
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM daily").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM stores").fetchone()[0] == 0
    conn.close()


def test_dry_run_changes_nothing(kpidesk, tmp_path: Path) -> None:
    workbook = tmp_path / "kpi.xlsx"
    database = tmp_path / "company.kpidesk"
    kpidesk("template", "-o", str(workbook), "--lang", "ru", check_code=0)
    _fill_template(workbook)
    done = kpidesk("--db", str(database), "import", str(workbook), "--dry-run", check_code=0)
    assert "employees: 2 added" in done.stdout
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM employees").fetchone()[0] == 0
    conn.close()


def test_not_a_workbook_is_refused_with_a_message(kpidesk, tmp_path: Path) -> None:
    fake = tmp_path / "notes.xlsx"
    fake.write_text("this is not a workbook", encoding="utf-8")
    done = kpidesk("--db", str(tmp_path / "c.kpidesk"), "import", str(fake), check_code=1)
    assert "notes.xlsx" in done.stderr and "Traceback" not in done.stderr


def test_demo_then_report_for_its_latest_month(kpidesk, tmp_path: Path) -> None:
    database = tmp_path / "demo.kpidesk"
    done = kpidesk("--db", str(database), "demo", "--no-gui", check_code=0)
    assert "15 employees" in done.stdout
    month = done.stdout.split("--period ")[-1].split()[0]
    report = json.loads(
        kpidesk("--db", str(database), "report", "bonus", "--period", month, check_code=0).stdout
    )
    assert len(report["employees"]) == 15
    statuses = [e["status"] for e in report["employees"]]
    assert statuses.count("incomplete") == 1
    for employee in report["employees"]:
        if employee["status"] == "complete":
            total = float(employee["fixed_pay"]) + float(employee["bonus"])
            assert f"{total:.2f}" == employee["total"]
    csv = kpidesk(
        "--db", str(database), "report", "bonus", "--period", month, "--format", "csv", check_code=0
    ).stdout
    # the company line, the header, 15 employees, the totals line (SPEC §2.5)
    assert csv.count("\n") == 18 and csv.startswith("# ")
    assert csv.splitlines()[-1].split(",")[4] == "totals"
    stores = json.loads(
        kpidesk(
            "--db",
            str(database),
            "report",
            "stores",
            "--from",
            "01.10.2026",
            "--to",
            "31.10.2026",
            check_code=0,
        ).stdout
    )
    assert [s["store"] for s in stores["stores"]][-1] == "*"
    # the demo refuses to overwrite a real company
    real = tmp_path / "real.kpidesk"
    kpidesk("--db", str(real), "init", "--name", "Настоящая", check_code=0)
    workbook = tmp_path / "one.xlsx"
    kpidesk("template", "-o", str(workbook), "--lang", "ru", check_code=0)
    book = load_workbook(workbook)
    book["Магазины"].append(["Склад"])
    headers = [c.value for c in book["Сотрудники"][1]]
    book["Сотрудники"].append(
        [
            {"ФИО": "Кто-то", "Должность": "Кассир", "Оклад": 30000, "Премия": 5000}.get(h)
            for h in headers
        ]
    )
    book.save(workbook)
    book.close()
    kpidesk("--db", str(real), "import", str(workbook), check_code=0)
    refused = kpidesk("--db", str(real), "demo", "--no-gui", check_code=1)
    assert "refusing to overwrite" in refused.stderr


def test_export_import_export_round_trip(kpidesk, tmp_path: Path) -> None:
    demo = tmp_path / "demo.kpidesk"
    kpidesk("--db", str(demo), "demo", "--no-gui", check_code=0)
    first = tmp_path / "first.xlsx"
    kpidesk("--db", str(demo), "export", str(first), check_code=0)
    empty = tmp_path / "empty.kpidesk"
    kpidesk("--db", str(empty), "import", str(first), check_code=0)
    second = tmp_path / "second.xlsx"
    kpidesk("--db", str(empty), "export", str(second), check_code=0)
    a, b = load_workbook(first, read_only=True), load_workbook(second, read_only=True)
    try:
        assert a.sheetnames == b.sheetnames
        for name in a.sheetnames:
            rows_a = list(a[name].iter_rows(values_only=True))
            rows_b = list(b[name].iter_rows(values_only=True))
            assert rows_a == rows_b, name
    finally:
        a.close()
        b.close()


def test_backup_restore_and_check(kpidesk, tmp_path: Path) -> None:
    database = tmp_path / "demo.kpidesk"
    kpidesk("--db", str(database), "demo", "--no-gui", check_code=0)
    copy = tmp_path / "copy.sqlite"
    kpidesk("--db", str(database), "backup", "-o", str(copy), check_code=0)
    assert copy.exists()
    check = kpidesk("--db", str(database), "check", check_code=0)
    assert "integrity ok" in check.stdout
    with sqlite3.connect(database) as conn:
        conn.execute("DELETE FROM facts")
    conn.close()
    kpidesk("--db", str(database), "restore", str(copy), check_code=0)
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM facts").fetchone()[0] > 0
    conn.close()
    missing = kpidesk("--db", str(database), "restore", str(tmp_path / "nope.sqlite"), check_code=1)
    assert "nope.sqlite" in missing.stderr


def test_a_newer_database_is_refused(kpidesk, tmp_path: Path) -> None:
    database = tmp_path / "future.kpidesk"
    kpidesk("--db", str(database), "init", check_code=0)
    with sqlite3.connect(database) as conn:
        conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    conn.close()
    done = kpidesk("--db", str(database), "report", "bonus", "--period", "2026-10", check_code=1)
    assert "newer" in done.stderr and "Traceback" not in done.stderr


def test_usage_errors_exit_2(kpidesk) -> None:
    kpidesk("report", "bonus", "--period", "октябрь", check_code=2)
    kpidesk("frobnicate", check_code=2)


def test_missing_database_is_a_user_error(kpidesk, tmp_path: Path) -> None:
    done = kpidesk(
        "--db",
        str(tmp_path / "none.kpidesk"),
        "report",
        "bonus",
        "--period",
        "2026-10",
        check_code=1,
    )
    assert "no company file" in done.stderr
