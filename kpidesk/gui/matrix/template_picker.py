""" "From a template…" in the KPI matrix editor (issue 14 item 2): a dialog listing the ready
matrices of ``core.templates`` — продавец-консультант, управляющий магазином, кассир,
кладовщик, маркетолог, менеджер по продажам — with each indicator's description, weight
and the base/norm/target resolved for the matrix being edited (from the store's plan, the
history, or the usual levels; "type in" where there is nothing to go by), and whether the
indicator is the company's own or new.

Picking one fills the editor's grid as one undo step: nothing is saved until the owner
saves, and then the new indicators are created with the matrix in one operation
(``services.kpi_templates.TemplateEditing``, which :class:`TemplatePicker` installs as the
editor's use cases). The editor knows this module only through the two lines that build a
:class:`TemplatePicker`.

Must not: resolve values or match indicators (the service does), or save anything.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.core.money import format_number
from kpidesk.core.template_library import TEMPLATES
from kpidesk.core.templates import KpiTemplate, Origin
from kpidesk.gui.matrix.page import MatrixPage
from kpidesk.gui.matrix.rows import EditRow
from kpidesk.reports.problem_text import error_text
from kpidesk.services.errors import UserError
from kpidesk.services.kpi_templates import TemplateEditing, TemplateFill


def origin_text(origin: Origin) -> str:
    """Where a row's numbers come from, in words."""
    return {
        Origin.FIXED: QCoreApplication.translate("TemplatePicker", "usual levels"),
        Origin.PLAN: QCoreApplication.translate("TemplatePicker", "from the store's plan"),
        Origin.HISTORY: QCoreApplication.translate("TemplatePicker", "from the last six periods"),
        Origin.TYPICAL: QCoreApplication.translate(
            "TemplatePicker", "usual levels (no history yet)"
        ),
        Origin.NONE: QCoreApplication.translate("TemplatePicker", "type in: no plan or history"),
    }[origin]


class TemplatePickerDialog(QDialog):
    """Choose a template and see what it would put into the matrix."""

    def __init__(
        self,
        fill: Callable[[KpiTemplate], TemplateFill],
        owner: str,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("template_picker")
        self.setWindowTitle(self.tr("KPI matrix from a template"))
        self._fill = fill
        self.lang = lang
        self.fill: TemplateFill | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A ready matrix for «%1»: the rows replace those in the editor for review. "
                "Nothing is saved until you press Save; new indicators are added then."
            ).replace("%1", owner),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("template_list")
        self.list.setMaximumWidth(240)
        for template in TEMPLATES:
            item = QListWidgetItem(template.position, self.list)
            item.setData(Qt.ItemDataRole.UserRole, template.key)
            item.setToolTip(template.description)
        body.addWidget(self.list)
        right = QVBoxLayout()
        self.description = QLabel(self)
        self.description.setObjectName("template_description")
        self.description.setWordWrap(True)
        right.addWidget(self.description)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("template_rows")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Indicator"),
                self.tr("What it measures"),
                self.tr("Weight"),
                self.tr("Base"),
                self.tr("Norm"),
                self.tr("Target"),
                self.tr("Values"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # even rows; the description's tooltip is whole
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        right.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("template_summary")
        self.summary.setWordWrap(True)
        right.addWidget(self.summary)
        body.addLayout(right, 1)
        layout.addLayout(body, 1)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("Fill the matrix"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show)
        self.resize(1180, 620)
        self.list.setCurrentRow(0)

    def choose(self, key: str) -> bool:
        """Select the template ``key``; whether there is one."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(row)
                return True
        return False

    def _number(self, value: object) -> str:
        return format_number(value, None, lang=self.lang) if isinstance(value, Decimal) else ""

    def _show(self, row: int) -> None:
        if not 0 <= row < len(TEMPLATES):
            return
        template = TEMPLATES[row]
        fill = self._fill(template)
        self.fill = fill
        self.description.setText(f"<b>{template.position}</b> — {template.description}")
        self.table.setRowCount(len(fill.rows))
        for line, filled in enumerate(fill.rows):
            levels = filled.levels
            name = filled.name + ("  " + self.tr("(new)") if filled.new else "")
            cells = [
                name,
                filled.description,
                format_number(filled.weight * 100, None, lang=self.lang) + "%",
                self._number(levels.base),
                self._number(levels.norm),
                self._number(levels.target),
                origin_text(levels.origin),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0 and not filled.new:
                    item.setToolTip(
                        self.tr("The company's indicator “%1”").replace("%1", filled.indicator)
                    )
                if column == 1:
                    item.setToolTip(filled.description)
                if 2 <= column <= 5:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 6 and levels.origin is Origin.NONE:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(line, column, item)
        new = len(fill.new_indicators)
        parts = [
            self.tr("Weights: %1.").replace(
                "%1", format_number(template.weight_sum * 100, None, lang=self.lang) + "%"
            ),
            self.tr("New indicators: %1.").replace("%1", str(new)),
        ]
        if fill.plan is not None and fill.store:
            parts.append(
                self.tr("Plan of «%1»: %2 ₽.")
                .replace("%1", fill.store)
                .replace("%2", format_number(fill.plan, 0, lang=self.lang))
            )
        if any(r.levels.origin is Origin.NONE for r in fill.rows):
            parts.append(self.tr("Rows marked “type in” need their norm before saving."))
        self.summary.setText(" ".join(parts))


def _layout_holding(layout: QLayout, widget: QWidget) -> QBoxLayout | None:
    """The box layout among ``layout`` and its children that holds ``widget``."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget and isinstance(layout, QBoxLayout):
            return layout
        child = item.layout()
        if child is not None:
            found = _layout_holding(child, widget)
            if found is not None:
                return found
    return None


class TemplatePicker:
    """Adds "From a template…" to a matrix editor and carries out the pick; ``reload``
    is the editor's: show the matrix in force again."""

    def __init__(self, section: MatrixPage, reload: Callable[[], None]) -> None:
        self.section = section
        self.reload = reload
        self.dialog: TemplatePickerDialog | None = None
        self._install_editing()
        section.context.companyOpened.connect(self._install_editing)
        self.button = QPushButton(
            QCoreApplication.translate("TemplatePicker", "From a template…"), section
        )
        self.button.setObjectName("matrix_from_template")
        self.button.setToolTip(
            QCoreApplication.translate(
                "TemplatePicker",
                "Fill the matrix from a ready KPI template for a typical position.",
            )
        )
        self.button.clicked.connect(self.open_dialog)
        copy = section.findChild(QPushButton, "matrix_copy_previous")
        top = section.layout()
        assert top is not None
        row = _layout_holding(top, copy) if copy is not None else None
        if row is not None and copy is not None:
            row.insertWidget(row.indexOf(copy), self.button)
        else:
            top.addWidget(self.button)
        section.model.modelReset.connect(self._follow)
        self._follow()

    def _install_editing(self) -> None:
        section = self.section
        if not isinstance(section.editing, TemplateEditing):
            section.editing = TemplateEditing(section.context.service)
            section.model.editing = section.editing

    def _follow(self) -> None:
        model = self.section.model
        self.button.setEnabled(model.target is not None and not model.read_only)

    @property
    def editing(self) -> TemplateEditing:
        """The editor's use cases (with the template's pending indicators)."""
        self._install_editing()
        editing = self.section.editing
        assert isinstance(editing, TemplateEditing)
        return editing

    def fill(self, template: KpiTemplate) -> TemplateFill:
        """What ``template`` would put into the matrix being edited."""
        target = self.section.model.target
        assert target is not None
        return self.editing.fill(
            template,
            target.period,
            position=target.position if target.employee is None else None,
            employee=target.employee,
            live=target.live,
        )

    def open_dialog(self) -> bool:
        """Show the templates; fill the grid with the one chosen. Whether it was filled."""
        target = self.section.model.target
        if target is None or self.section.model.read_only:
            return False
        owner = target.employee or target.position or ""
        dialog = TemplatePickerDialog(self.fill, owner, self.section.context.lang, self.section)
        self.dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.fill is None:
                return False
            return self.apply(dialog.fill)
        except UserError as error:
            self.section._show_problem(error_text(error, self.section.context.lang))
            return False
        finally:
            self.dialog = None
            dialog.deleteLater()

    def apply(self, fill: TemplateFill) -> bool:
        """Put ``fill``'s rows into the grid as one undo step (nothing saved)."""
        section = self.section
        editing = self.editing
        editing.pending = fill.new_indicators  # the last preview shown may be another one
        self.reload()  # the grid and the indicator list now know the new indicators
        rows = [
            EditRow(r.indicator, r.weight, r.levels.base, r.levels.norm, r.levels.target)
            for r in fill.rows
        ]
        section.model.replace_rows(
            rows,
            QCoreApplication.translate("TemplatePicker", "Template “%1”").replace(
                "%1", fill.template.position
            ),
        )
        section._show_info(
            QCoreApplication.translate(
                "TemplatePicker",
                "Filled from the template “%1”: check the values and save. New indicators "
                "(%2) are added when you save.",
            )
            .replace("%1", fill.template.position)
            .replace("%2", str(len(fill.new_indicators)))
        )
        return True
