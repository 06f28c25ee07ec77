"""The data series of the daily store chart (SPEC §4.7): a store's (or all stores') daily
revenue, receipts, visitors, prorated plan and conversion over a range, by day, ISO week or
month, as a ``pandas.DataFrame``.

pandas and numpy are imported inside :func:`daily_series`, never at module import: the
window must start without them (SPEC §9).

Must not: import Qt or matplotlib, or compute a KPI.
"""

from __future__ import annotations

from typing import Any

from kpidesk.core.periods import Period
from kpidesk.store.database import Database


def daily_series(database: Database, store: str | None, period: Period, freq: str = "D") -> Any:
    """A store's (``None``: all stores') daily data over a range for a chart.

    Args:
        database: the open company file.
        store: the store, or ``None`` for every store together.
        period: the range of days.
        freq: ``"D"`` (by day), ``"W"`` (ISO weeks, labelled by their Monday) or
            ``"M"`` (calendar months, labelled by their first day).

    Returns:
        A ``pandas.DataFrame`` indexed by day (or bucket start) with float columns
        ``revenue``, ``receipts``, ``visitors``, ``plan`` (the revenue plan spread evenly
        over each plan period's days), ``conversion`` (% — Σ receipts / Σ visitors of
        the bucket, a ratio of sums) and, by day, a bool ``weekend``. Missing days are
        NaN, never 0; an empty frame when the range has no data and no plan.

    Raises:
        ValueError: an unknown ``freq``.
    """
    import numpy as np
    import pandas as pd

    if freq not in ("D", "W", "M"):
        raise ValueError(f"unknown aggregation {freq!r} (expected D, W or M)")
    stores = [store] if store is not None else None
    entries = database.daily.daily_rows(period.start, period.end, stores)
    index = pd.date_range(period.start, period.end, freq="D")
    frame = pd.DataFrame(np.nan, index=index, columns=["revenue", "receipts", "visitors", "plan"])
    if entries:
        data = pd.DataFrame(
            {
                "day": pd.to_datetime([entry.day for entry in entries]),
                "revenue": [float(entry.revenue) for entry in entries],
                "receipts": [float(entry.receipts) for entry in entries],
                "visitors": [float(entry.visitors) for entry in entries],
            }
        )
        summed = data.groupby("day").sum()
        frame.loc[summed.index, ["revenue", "receipts", "visitors"]] = summed.to_numpy()
    plan = np.zeros(len(index))
    has_plan = np.zeros(len(index), dtype=bool)
    for item in database.daily.plans(period):
        if store is not None and item.store != store:
            continue
        first = max(item.period.start, period.start)
        last = min(item.period.end, period.end)
        if last < first:
            continue
        lo = (first - period.start).days
        hi = (last - period.start).days + 1
        plan[lo:hi] += float(item.revenue) / item.period.length
        has_plan[lo:hi] = True
    frame["plan"] = np.where(has_plan, plan, np.nan)
    if not entries and not has_plan.any():
        return frame.iloc[0:0]
    if freq == "D":
        frame["conversion"] = frame["receipts"] / frame["visitors"].where(frame["visitors"] > 0)
        frame["conversion"] *= 100.0
        frame["weekend"] = frame.index.day_of_week >= 5
        return frame
    rule = "W-MON" if freq == "W" else "MS"
    if freq == "W":
        grouped = frame.resample(rule, label="left", closed="left")
    else:
        grouped = frame.resample(rule)
    result = grouped.sum(min_count=1)
    result["conversion"] = (
        result["receipts"] / result["visitors"].where(result["visitors"] > 0) * 100.0
    )
    return result
