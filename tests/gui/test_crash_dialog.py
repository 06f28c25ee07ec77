"""The crash dialog (issue 16): translated, the error in one line, and the support details
(version, OS, Qt, the log's last lines) one click away on the clipboard."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from kpidesk import __version__
from kpidesk.services import crash_log


def _error() -> BaseException:
    try:
        raise ValueError("сломалось")
    except ValueError as error:
        return error


def test_the_crash_dialog_speaks_russian_and_copies_the_details(qtbot, russian) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.gui.crash_dialog import CrashDialog

    error = _error()
    log = crash_log.record(error)
    dialog = CrashDialog(error, log)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "kpidesk: непредвиденная ошибка"
    assert dialog.copy_button.text() == "Скопировать сведения для поддержки"
    assert str(log) in dialog.log_label.text() and "журнал" in dialog.log_label.text()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"kpidesk {__version__}" in copied
    assert "OS: " in copied and "Qt: 6." in copied
    assert "ValueError: сломалось" in copied
    assert 'raise ValueError("сломалось")' in copied  # the traceback's lines from the log
    assert dialog.copied.text().startswith("Скопировано")


def test_the_exception_hook_opens_the_crash_dialog(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from kpidesk.app import install_exception_hook
    from kpidesk.gui.crash_dialog import CrashDialog

    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook()
    error = _error()
    sys.excepthook(ValueError, error, error.__traceback__)
    assert len(shown) == 1 and shown[0].error is error
    assert "сломалось" in crash_log.log_file().read_text(encoding="utf-8")
