"""A small chart of a payout schedule: the payout coefficient against the KPI from 0 to
200 % (SPEC §2.5), drawn with matplotlib's Qt canvas.

matplotlib is imported here and nowhere else in the Directories section, and this module
is imported only when the payout schedules tab is first shown, so that starting the
application does not pay for matplotlib (SPEC §9). The coefficients come from
``core.payout.coefficient_for``; nothing is computed here.
"""

from __future__ import annotations

from decimal import Decimal

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kpidesk.core.payout import PayoutSchedule, coefficient_for

_KPI_STEPS = 401  # 0 … 200 % in 0.5 % steps


class PayoutChart(QWidget):
    """Payout coefficient (y) against KPI (x, 0–200 %) of one schedule."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payout_chart")
        self.figure = Figure(figsize=(4.2, 2.6), dpi=90, layout="tight")
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.axes = self.figure.add_subplot(1, 1, 1)
        self.points: list[tuple[float, float]] = []

    def show_schedule(self, schedule: PayoutSchedule, x_label: str, y_label: str) -> None:
        """Draw ``schedule``; the axis labels come translated from the caller."""
        kpis = [Decimal(step) / Decimal(200) for step in range(_KPI_STEPS)]
        self.points = [(float(kpi * 100), float(coefficient_for(schedule, kpi))) for kpi in kpis]
        axes = self.axes
        axes.clear()
        axes.plot(
            [x for x, _ in self.points],
            [y for _, y in self.points],
            color="#1565c0",
            linewidth=2,
            drawstyle="steps-post",
        )
        axes.axvline(100, color="#9e9e9e", linewidth=0.8, linestyle="--")
        axes.set_xlim(0, 200)
        axes.set_ylim(0, max(1.6, max(y for _, y in self.points) * 1.1))
        axes.set_xlabel(x_label)
        axes.set_ylabel(y_label)
        axes.grid(True, alpha=0.3)
        self.canvas.draw()  # type: ignore[no-untyped-call]
