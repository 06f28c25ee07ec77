"""The one error type the GUI and the CLI show to a user: a clear message that says what
and where, never a traceback. Services translate lower-level failures into it."""

from __future__ import annotations

from kpidesk.core.problems import Problem


class UserError(Exception):
    """Something the user can fix: a bad file, a locked period, a missing database.

    Attributes:
        problems: the individual problems, when there are several (an import's bad cells).
    """

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    def __str__(self) -> str:
        return self.message
