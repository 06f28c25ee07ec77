"""kpidesk — offline KPI matrices, daily store data and bonus sheets for small businesses."""

__version__ = "0.1.0"
