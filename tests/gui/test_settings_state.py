"""The window's settings in QSettings (issue 16): the window's size, layout and section come
back at the next start; the language and folder of an old ``state.json`` move over once;
the settings dialog saves there and keeps the command line's copy."""

from __future__ import annotations

import json
from pathlib import Path

from kpidesk.gui.app_settings import MIGRATED, AppSettings, settings_file
from kpidesk.services import locations


def test_the_window_comes_back_as_it_was_left(qtbot, main_window, demo_service) -> None:  # type: ignore[no-untyped-def]
    from kpidesk.app import build_main_window, current_section
    from tests.gui.conftest import DEMO_PERIOD, TODAY

    # (the offscreen screen is 800×600, and restoring keeps a window on its screen)
    main_window.resize(700, 500)
    main_window.show_section("charts")
    qtbot.waitUntil(lambda: main_window.size().width() == 700)
    AppSettings().save_window(main_window, current_section(main_window))
    assert settings_file().is_file()

    again = build_main_window(demo_service, lang="ru", period=DEMO_PERIOD, today=TODAY)
    qtbot.addWidget(again)
    assert again.size().width() == 1280  # the default, before restoring
    section = AppSettings().restore_window(again)
    again.show()
    assert section == "charts"
    assert (again.size().width(), again.size().height()) == (700, 500)
    again.close()


def test_nothing_saved_restores_nothing(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    assert AppSettings().restore_window(main_window) is None
    assert main_window.size().width() == 1280


def test_state_json_settings_move_over_once(kpidesk_home: Path) -> None:
    old = locations.config_dir() / "state.json"
    old.parent.mkdir(parents=True, exist_ok=True)
    folder = str(kpidesk_home / "Компании")
    old.write_text(
        json.dumps({"recent": [], "settings": {"language": "en", "data_dir": folder}}),
        encoding="utf-8",
    )
    settings = AppSettings()
    assert settings.language() == "en"
    assert settings.data_dir() == Path(folder)
    assert settings.qsettings.value(MIGRATED, False, type=bool)
    # later edits of the old file are not migrated again
    locations.set_setting("language", "ru")
    assert AppSettings().language() == "en"


def test_a_saved_setting_keeps_the_command_line_s_copy() -> None:
    settings = AppSettings()
    settings.set_language("en")
    settings.set_data_dir(Path("/tmp/kpidesk-companies"))
    assert locations.get_setting("language") == "en"
    assert locations.data_dir() == Path("/tmp/kpidesk-companies")
    from kpidesk.commands.language import default_language

    assert default_language() == "en"
    settings.set_data_dir(None)
    assert AppSettings().data_dir() is None and locations.get_setting("data_dir") is None


def test_the_settings_dialog_saves_into_qsettings(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from kpidesk.gui.settings_dialog import SettingsDialog

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(str(args[2])))
    dialog = SettingsDialog(main_window.context, main_window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.folder.setText("/tmp/kpidesk-folder")
    dialog.save()
    assert AppSettings().language() == "en"
    assert AppSettings().data_dir() == Path("/tmp/kpidesk-folder")
    assert told  # a restart is needed for the language
