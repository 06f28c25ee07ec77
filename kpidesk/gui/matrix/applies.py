"""The KPI matrix editor's words on which matrix applies (SPEC §2.5): the note above the grid
— the employee's own matrix, the position's template, or none yet, since when, and what
saving creates — and, for a position's template, the line (and its tooltip) naming who
follows the template and who has their own matrix since when.

The strings keep the translation context ``MatrixSection``: the section shows them.

Must not: look anything up beyond what ``MatrixEditing`` answers, or hold state.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpidesk.core.matrix import Matrix
from kpidesk.core.periods import Period
from kpidesk.gui.matrix.rows import MatrixTarget
from kpidesk.gui.matrix.widgets import followers_text, short_name
from kpidesk.services.matrices import MatrixEditing, MatrixKind, PositionFollowers


def applies_text(
    editing: MatrixEditing, target: MatrixTarget, matrix: Matrix | None, period: Period
) -> str:
    """Which matrix applies to ``target`` in ``period`` (``matrix``: the one in force) and
    what saving the grid creates."""
    if target.employee is not None:
        applied = editing.applied(target.employee, period)
        if applied.matrix is None:
            text = QCoreApplication.translate(
                "MatrixSection",
                "No matrix applies yet: rows you add become the employee's own matrix from %1.",
            )
        elif applied.kind is MatrixKind.OVERRIDE:
            text = QCoreApplication.translate(
                "MatrixSection", "Applies: the employee's own matrix from %2."
            )
            if applied.matrix.period != period:
                text += " " + QCoreApplication.translate(
                    "MatrixSection", "Saving creates their own matrix from %1."
                )
        else:
            text = (
                QCoreApplication.translate(
                    "MatrixSection", "Applies: the template of the position '%3' from %2."
                )
                + " "
            )
            text += QCoreApplication.translate(
                "MatrixSection", "Saving creates the employee's own matrix from %1."
            )
        position = editing.employee(target.employee).position
    else:
        position = target.position or ""
        if matrix is None:
            text = QCoreApplication.translate(
                "MatrixSection", "The position has no template yet: rows you add apply from %1."
            )
        elif matrix.period == period:
            text = QCoreApplication.translate(
                "MatrixSection", "The template of the position from %2."
            )
        else:
            text = (
                QCoreApplication.translate(
                    "MatrixSection", "The template of the position in force since %2."
                )
                + " "
            )
            text += QCoreApplication.translate(
                "MatrixSection", "Saving creates a new template from %1."
            )
    since = matrix.period.code if matrix is not None else ""
    return text.replace("%1", period.code).replace("%2", since).replace("%3", position)


def followers_texts(found: PositionFollowers) -> tuple[str, str]:
    """The line naming who follows a position's template and who has their own matrix
    (short names), and its tooltip (full names, one a line)."""
    nobody = QCoreApplication.translate("MatrixSection", "nobody")
    following = QCoreApplication.translate("MatrixSection", "Follow the template: %1").replace(
        "%1", followers_text(found.following, nobody)
    )
    own_names = [
        QCoreApplication.translate("MatrixSection", "%1 (since %2)")
        .replace("%1", short_name(name))
        .replace("%2", since.code)
        for name, since in found.own
    ]
    own_text = QCoreApplication.translate("MatrixSection", "Their own matrix: %1").replace(
        "%1", ", ".join(own_names) if own_names else nobody
    )
    tip = [QCoreApplication.translate("MatrixSection", "Follow the template:"), *found.following]
    tip += ["", QCoreApplication.translate("MatrixSection", "Their own matrix:")]
    tip += [f"{name} ({since.code})" for name, since in found.own]
    return f"{following} · {own_text}", "\n".join(tip)
