"""Schema v6: personnel numbers. The v5 fixture migrates keeping its data (no numbers yet);
numbers are stored trimmed and unique ignoring case, on the company file and the server
(where the masking view gains the column, also on a server migrated from v5); a workbook
without the column keeps the stored numbers; old period snapshots still decode."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from store_testdata import OCT, small_content

from kpidesk.core import snapshot
from kpidesk.core.company import Company, CompanyContent, PeriodInputs
from kpidesk.core.periods import Period
from kpidesk.core.personnel_numbers import number_clashes
from kpidesk.services.company import CompanyService
from kpidesk.services.directories import save_employee
from kpidesk.services.errors import UserError
from kpidesk.store import CURRENT_VERSION, Database
from kpidesk.store.errors import ContentError, StoreError
from kpidesk.store.migrations import inspect_file, migrate
from tests.engines import create_database, database_name, drop_database, drop_roles

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_v5_fixture_migrates_to_v6_keeping_its_data(tmp_path: Path) -> None:
    assert inspect_file(FIXTURES / "schema_v5.sqlite") == 5
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_v5.sqlite", path)
    with Database.open(path, actor="t") as db:
        assert db.schema_version == CURRENT_VERSION >= 6
        company = db.content.load_company()
        assert company.name == "ООО «Версия 5»"
        anna = company.employee("Анна")
        assert anna is not None and anna.personnel_number is None
        assert [rate.start.code for rate in anna.rates] == ["2026-10"]
        assert db.users.user("Владелец") is not None
        step = db.signoffs.step(Period.parse("2026-10"))
        assert step is not None and step.step == "checked"
        assert db.locks.locked_periods() == ["2026-09"]
        assert any("pre-migration-v5" in backup.name for backup in db.backups())
        db.org.save_employee("Анна", replace(anna, personnel_number=" 0042 "))
        stored = db.content.load_company().employee("Анна")
        assert stored is not None and stored.personnel_number == "0042"


def _company(location: Path | str) -> CompanyService:
    service = CompanyService.open(location, create=True, actor="owner")
    service.database.content.apply_content(small_content())
    service.invalidate()
    return service


def test_numbers_are_unique_ignoring_case_and_spaces(company_location: Path | str) -> None:
    service = _company(company_location)
    try:
        anna = service.full_company().employee("Анна")
        boris = service.full_company().employee("Борис")
        assert anna is not None and boris is not None
        save_employee(service, "Анна", replace(anna.as_current(), personnel_number=" Т-07 "))
        assert service.full_company().employee("Анна").personnel_number == "Т-07"  # type: ignore[union-attr]
        with pytest.raises(UserError) as refused:
            save_employee(service, "Борис", replace(boris.as_current(), personnel_number="т-07"))
        assert refused.value.codes == ["duplicate_personnel_number"]
        params = dict(refused.value.problems[0].params)
        assert (params["holder"], params["name"]) == ("Анна", "Борис")
        assert refused.value.problems[0].where.field == "personnel_number"
        assert service.full_company().employee("Борис").personnel_number is None  # type: ignore[union-attr]
        # the store refuses it too, whatever code calls it
        with pytest.raises(ContentError, match="personnel number"):
            service.database.org.save_employee("Борис", replace(boris, personnel_number="Т-07"))
        # a rename keeps one's own number; clearing it frees it
        save_employee(
            service, "Анна", replace(anna.as_current(), name="Анна К.", personnel_number="Т-07")
        )
        renamed = service.full_company().employee("Анна К.")
        assert renamed is not None and renamed.personnel_number == "Т-07"
        save_employee(service, "Анна К.", replace(renamed.as_current(), personnel_number=""))
        save_employee(service, "Борис", replace(boris.as_current(), personnel_number="Т-07"))
        assert service.full_company().employee("Борис").personnel_number == "Т-07"  # type: ignore[union-attr]
    finally:
        service.close()


def test_an_import_keeps_stored_numbers_and_refuses_a_taken_one(
    company_location: Path | str,
) -> None:
    service = _company(company_location)
    try:
        db = service.database
        company = db.content.load_company()
        numbered = tuple(
            replace(e, personnel_number=f"00{i + 1}") for i, e in enumerate(company.employees)
        )
        db.org.merge_employees(numbered)
        # a workbook without the column: the numbers stay
        db.content.apply_content(CompanyContent(employees=company.employees))
        assert [e.personnel_number for e in db.content.load_company().employees] == [
            "001",
            "002",
            "003",
        ]
        clash = CompanyContent(employees=(replace(company.employees[0], personnel_number="002"),))
        problems = number_clashes(clash.employees, db.content.load_company().employees)
        assert [p.code for p in problems] == ["duplicate_personnel_number"]
        with pytest.raises(StoreError):
            db.content.apply_content(clash)
        assert db.content.load_company().employees[0].personnel_number == "001"
    finally:
        service.close()


def test_the_index_refuses_a_duplicate_in_raw_sql(tmp_path: Path) -> None:
    with Database.open(tmp_path / "c.kpidesk", actor="t") as db:
        db.content.apply_content(small_content())
        path = db.path
    conn = sqlite3.connect(path)
    conn.execute("UPDATE employees SET personnel_number = 'AB1' WHERE name = 'Анна'")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE employees SET personnel_number = 'ab1' WHERE name = 'Борис'")
    conn.close()


def test_a_server_migrated_from_v5_shows_numbers_through_the_masked_view(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpidesk.store import server_rights
    from kpidesk.store.postgres_dialect import connect, write

    name = database_name(request) + "_v5"
    url = create_database(name)
    try:
        conn = connect(url)
        try:
            migrate(conn, url, target=5)  # type: ignore[arg-type]
            # the rights as version 5 installed them: the view without the new column
            v5_view = server_rights.MASKED_EMPLOYEES_VIEW.replace(", personnel_number", "")
            monkeypatch.setattr(server_rights, "MASKED_EMPLOYEES_VIEW", v5_view)
            with write(conn):
                server_rights.install(conn, name, "test")
            migrate(conn, url)  # type: ignore[arg-type]
            columns = conn.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = ? AND table_name = 'employees'",
                (server_rights.MASKED_SCHEMA,),
            ).fetchall()
        finally:
            conn.close()
        assert "personnel_number" in {str(column) for (column,) in columns}
    finally:
        drop_database(name)
        drop_roles(name)


def test_an_old_snapshot_without_numbers_still_decodes() -> None:
    content = small_content()
    company = Company(
        stores=content.stores,
        positions=content.positions,
        departments=content.departments,
        employees=content.employees,
        indicators=content.indicators,
    )
    taken = snapshot.take(company, OCT, _no_inputs())
    data = snapshot._encode(taken)
    for employee in data["company"]["employees"]:
        del employee["personnel_number"]
    old = snapshot.decode(_packed(data))
    employees = old.company.employees
    assert employees and [e.personnel_number for e in employees] == [None] * len(employees)


def _no_inputs() -> PeriodInputs:
    return PeriodInputs()


def _packed(data: object) -> bytes:
    import json
    import zlib

    document = {"format": snapshot.FORMAT, "snapshot": data}
    return zlib.compress(json.dumps(document, ensure_ascii=False).encode("utf-8"))
