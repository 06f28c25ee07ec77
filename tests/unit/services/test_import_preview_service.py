"""The import preview (issue 14 item 9), on both engines: a dry run lists per sheet the rows
added, changed (old → new) and unchanged, agrees with the store's own counts, and writes
nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpidesk.core.company import CompanyContent
from kpidesk.core.daily import Fact
from kpidesk.core.org import Store
from kpidesk.core.periods import Period
from kpidesk.io.writer import write_workbook
from kpidesk.services.company import CompanyService
from kpidesk.services.import_preview import FieldChange
from tests.engines import demo_company

TODAY = date(2026, 11, 22)
OCTOBER = Period.month(2026, 10)
PAVLOV = "Павлов Денис Олегович"
SELLER = "Продавец-консультант"


@pytest.fixture
def service(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[CompanyService]:
    location = demo_company(engine, tmp_path, request, TODAY)
    with CompanyService.open(location, backup=False) as opened:
        yield opened


def _workbook(service: CompanyService, path: Path) -> Path:
    """Stores (one new), employees (Pavlov's pay changed), the seller template (one norm
    changed) and three facts of October (one changed, one new)."""
    company = service.company()
    pavlov = company.employee(PAVLOV)
    assert pavlov is not None
    template = next(m for m in company.matrices if m.position == SELLER)
    rows = list(template.rows)
    rows[1] = replace(rows[1], norm=Decimal("25"))
    facts = service.database.facts.facts(OCTOBER)
    nps = next(f for f in facts if f.employee == PAVLOV and f.indicator == "nps")
    content = CompanyContent(
        stores=(*company.stores, Store("Новый")),
        employees=tuple(
            replace(e, fixed_pay=Decimal("33000")) if e.name == PAVLOV else e
            for e in company.employees
        ),
        matrices=(replace(template, rows=tuple(rows)),),
        facts=(
            replace(nps, value=Decimal("72")),
            Fact(OCTOBER, PAVLOV, "standards", Decimal("1"))
            if not any(f.employee == PAVLOV and f.indicator == "standards" for f in facts)
            else Fact(OCTOBER, PAVLOV, "standards", Decimal("5")),
            facts[0],
        ),
    )
    return write_workbook(content, path, lang="ru")


def test_a_dry_run_previews_each_sheet_row_by_row(service: CompanyService, tmp_path: Path) -> None:
    path = _workbook(service, tmp_path / "changes.xlsx")
    revision = service.database.revision()
    report = service.import_workbook(path, dry_run=True)
    preview = report.preview
    assert preview is not None and preview.changes_anything
    assert service.database.revision() == revision  # nothing written
    assert service.company().employee(PAVLOV).fixed_pay == Decimal("32000")  # type: ignore[union-attr]

    stores = preview.sheet("stores")
    assert stores.added == ("Новый",) and stores.changed == () and stores.unchanged == 3
    employees = preview.sheet("employees")
    assert employees.added == ()
    assert [change.key for change in employees.changed] == [PAVLOV]
    assert employees.changed[0].fields == (
        FieldChange("fixed_pay", Decimal("32000"), Decimal("33000")),
    )
    assert employees.unchanged == len(service.company().employees) - 1
    matrices = preview.sheet("matrices")
    assert [change.key for change in matrices.changed] == [f"2026-08 · {SELLER}"]
    (row,) = matrices.changed[0].fields
    assert row.field == "conversion"
    assert row.old == (Decimal("0.2"), Decimal("18"), Decimal("24"), Decimal("30"))
    assert row.new == (Decimal("0.2"), Decimal("18"), Decimal("25"), Decimal("30"))
    facts = preview.sheet("facts")
    assert facts.changed[0].key == f"2026-10 · {PAVLOV} · nps"
    assert facts.changed[0].fields == (FieldChange("value", Decimal("71"), Decimal("72")),)
    assert facts.unchanged == 1
    # the preview and the store's own dry run count the same
    for kind in ("stores", "employees", "matrices", "facts"):
        sheet, counted = preview.sheet(kind), report.summary[kind]
        assert (len(sheet.added), len(sheet.changed), sheet.unchanged) == (
            counted.added,
            counted.changed,
            counted.unchanged,
        ), kind
    # the order of the workbook's sheets
    kinds = [sheet.kind for sheet in preview.sheets]
    order = [kinds.index(kind) for kind in ("stores", "employees", "matrices", "facts")]
    assert order == sorted(order)


def test_re_importing_what_is_stored_previews_no_change(
    service: CompanyService, tmp_path: Path
) -> None:
    company = service.company()
    content = CompanyContent(stores=company.stores, employees=company.employees)
    path = write_workbook(content, tmp_path / "same.xlsx", lang="en")
    report = service.import_workbook(path, dry_run=True)
    assert report.preview is not None and not report.preview.changes_anything
    assert report.preview.sheet("employees").unchanged == len(company.employees)
    applied = service.import_workbook(path)
    assert applied.preview is None and not applied.summary.changed_anything
