"""A company built step by step through the services, for the setup checklist, the KPI
templates and the plans tests (both engines)."""

from __future__ import annotations

from decimal import Decimal

from kpidesk.core.indicators import Indicator, Source
from kpidesk.core.matrix import Matrix, MatrixRow
from kpidesk.core.org import Employee, Position, Store
from kpidesk.core.payout import PayoutSchedule
from kpidesk.core.periods import Period
from kpidesk.services import directories
from kpidesk.services.company import CompanyService
from kpidesk.services.matrices import SaveMatrix

D = Decimal
OCT = Period.month(2026, 10)
STORE = "Центральный"
SELLER = "Продавец-консультант"
ANNA = "Иванова Анна"


def add_store_and_people(service: CompanyService) -> None:
    """A store, a position and one seller with pay."""
    directories.save_store(service, None, Store(STORE))
    directories.save_position(service, None, Position(SELLER))
    directories.save_employee(
        service, None, Employee(ANNA, SELLER, STORE, None, D(40000), D(20000))
    )


def add_matrix(service: CompanyService) -> None:
    """One manual indicator and the seller's template, 100 % on it."""
    directories.save_indicator(service, None, Indicator("nps", "NPS", "%", Source.parse("manual")))
    service.run(SaveMatrix(Matrix(OCT, (MatrixRow("nps", D(1), D(40), D(60), D(80)),), SELLER)))


def add_schedule(service: CompanyService) -> None:
    """The company's linear payout schedule."""
    directories.save_schedule(service, PayoutSchedule())
