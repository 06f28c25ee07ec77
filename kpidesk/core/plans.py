"""Plans from history (SPEC §2.10): base, norm and target of a matrix row suggested from
the last six (or fewer) facts of the same indicator.

Higher is better: base = the minimum, norm = the mean, target = mean × (1 + uplift).
Lower is better: base = the maximum, norm = the mean, target = mean × (1 − uplift).
The uplift defaults to 20 % (seed 001: "+20% to the average"). Values are exact Decimals;
the matrix editor shows them for confirmation before anything is saved.

Must not: read facts from storage (the caller passes them, oldest first) or save anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kpidesk.core.money import ONE

HISTORY_PERIODS = 6
DEFAULT_UPLIFT = Decimal("0.2")


@dataclass(frozen=True)
class PlanSuggestion:
    """Suggested base, norm and target, and how many past facts they come from.

    When every past fact is the same, base equals norm; validation reports such a row
    (``base_equals_norm``) if it is saved unchanged.
    """

    base: Decimal
    norm: Decimal
    target: Decimal
    periods_used: int


def plan_from_history(
    facts: Sequence[Decimal],
    uplift: Decimal = DEFAULT_UPLIFT,
    *,
    lower_is_better: bool = False,
) -> PlanSuggestion | None:
    """Suggest a row's base, norm and target from past facts.

    Args:
        facts: past facts of the indicator, oldest first; periods without a fact left out.
            Only the last six are used.
        uplift: the stretch over the mean for the target (0.2 = 20 %).
        lower_is_better: the indicator improves as it falls (complaints, cost per lead).

    Returns:
        The suggestion, or ``None`` when there is no history.
    """
    recent = list(facts[-HISTORY_PERIODS:])
    if not recent:
        return None
    mean = sum(recent, Decimal(0)) / len(recent)
    if lower_is_better:
        return PlanSuggestion(max(recent), mean, mean * (ONE - uplift), len(recent))
    return PlanSuggestion(min(recent), mean, mean * (ONE + uplift), len(recent))
