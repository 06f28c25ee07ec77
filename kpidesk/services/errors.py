"""The one error type the GUI and the CLI show to a user: coded problems that say what and
where, never a traceback. Services translate lower-level failures into it.

A refusal is data, not a sentence (STYLE.md): every ``UserError`` carries at least one
:class:`Problem` with a stable ``code`` and its ``params``, which the GUI and the CLI turn
into the user's language (``reports.problem_text``). The English ``message`` is for logs.
"""

from __future__ import annotations

from kpidesk.core.problems import Location, Problem, Severity


class UserError(Exception):
    """Something the user can fix: a bad file, a locked period, a missing database.

    Attributes:
        message: an English summary, for logs.
        problems: the coded problems (at least one).
    """

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or [Problem("error", message)]

    @classmethod
    def of(
        cls,
        code: str,
        message: str,
        where: Location | None = None,
        value: str | None = None,
        **params: object,
    ) -> UserError:
        """A refusal with one coded problem; ``params`` are what a translation puts in."""
        problem = Problem(
            code,
            message,
            where or Location(),
            value,
            Severity.ERROR,
            tuple((key, "" if item is None else str(item)) for key, item in params.items()),
        )
        return cls(message, [problem])

    @property
    def codes(self) -> list[str]:
        """The problems' codes."""
        return [problem.code for problem in self.problems]

    def __str__(self) -> str:
        return self.message
