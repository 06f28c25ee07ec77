"""Indicators in words in the window (issue 14 item 4): the source list shows Russian names
grouped by family with a one-line description each, the code still visible; every text of
the catalogue is listed for translation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

from kpidesk.core.indicators import Source
from kpidesk.core.source_names import CATALOGUE, FAMILIES
from kpidesk.gui.directories.section import DirectoriesSection
from kpidesk.gui.directories.source_delegate import SourceDelegate, source_items
from kpidesk.reports.source_words import WORDS, label_text


def test_every_catalogue_text_is_marked_for_translation() -> None:
    texts = {name for _kind, name in FAMILIES}
    texts |= {entry.name for entry in CATALOGUE} | {entry.description for entry in CATALOGUE}
    assert texts <= set(WORDS)


def test_the_source_list_is_grouped_and_russian(qapp, russian) -> None:  # type: ignore[no-untyped-def]
    items = source_items()
    headings = [
        items.item(row).text()
        for row in range(items.rowCount())
        if items.item(row).data(Qt.ItemDataRole.UserRole) is None
    ]
    assert headings[:3] == [
        "Вводится вручную",
        "Магазин (ежедневные данные)",
        "Продавец (продажи по продавцам)",
    ]
    codes = [items.item(row).data(Qt.ItemDataRole.UserRole) for row in range(items.rowCount())]
    assert len([code for code in codes if code]) == len(CATALOGUE)
    at = codes.index("store:conversion")
    conversion = items.item(at)
    assert conversion.text().strip() == "Конверсия магазина (store:conversion)"
    assert conversion.toolTip() == "Чеки / посетители × 100: покупателей на 100 посетителей."
    # headings cannot be chosen
    heading = items.item(codes.index(None))
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert (
        label_text(Source.parse("marketing:romi"))
        == "Окупаемость маркетинга (ROMI) (marketing:romi)"
    )


def test_the_indicators_page_edits_the_source_by_name(main_window, russian, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert main_window.show_section("directories")
    section = main_window.section("directories")
    assert isinstance(section, DirectoriesSection)
    tab = section.tab_of["indicators"]
    model = tab.model
    column = [c.key for c in model.columns].index("source")
    row = next(i for i, item in enumerate(model.items) if item.source.text == "store:conversion")
    index = model.index(row, column)
    assert model.data(index) == "Конверсия магазина (store:conversion)"
    assert "Чеки / посетители" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    delegate = tab.view.itemDelegateForColumn(column)
    assert isinstance(delegate, SourceDelegate)
    editor = delegate.createEditor(tab.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    assert editor.currentData() == "store:conversion"
    editor.setCurrentIndex(editor.findData("store:avg_check"))
    delegate.setModelData(editor, model, index)
    changed = model.items[row]
    assert changed.source.text == "store:avg_check"
    assert (
        section.context.service.company().indicator(changed.code).source.text == "store:avg_check"
    )
    editor.deleteLater()
