"""Loading translations: kpidesk's own (``resources/i18n/kpidesk_<lang>.qm``) and Qt's
(``qtbase_<lang>``) so that standard buttons speak the same language. Russian is the
default; English is the source language and needs no file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kpidesk.resources_path import resource_path

LANGUAGES = ("ru", "en")


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for ``lang``; returns them (keep them alive)."""
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Russian if lang == "ru" else QLocale.Language.English,
            QLocale.Country.Russia if lang == "ru" else QLocale.Country.UnitedStates,
        )
    )
    if lang == "en":
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(resource_path("i18n", f"kpidesk_{lang}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", folder):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Uninstall translators installed before."""
    for translator in translators:
        app.removeTranslator(translator)


def choose_language(saved: object) -> str:
    """The saved language if valid, else Russian (the product's default)."""
    return saved if isinstance(saved, str) and saved in LANGUAGES else "ru"
