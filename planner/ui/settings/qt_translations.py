"""Switch the UI language: our gettext catalogues plus Qt's own translations for standard widgets.

Qt translates its standard buttons (OK, Cancel, Save...), file and print dialogs and context menus
from `qtbase_<lang>.qm`, shipped in PySide6's translations folder. Installing or removing the
translator sends a LanguageChange event to every widget, so button boxes relabel themselves and
our own widgets can retranslate in `changeEvent` (the shape of Picard's picard/i18n/qt.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QTranslator

from planner import i18n

log = logging.getLogger(__name__)

_installed: QTranslator | None = None


def translations_dir() -> Path:
    """Where PySide6 keeps Qt's .qm files."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_qt_translator(lang: str) -> bool:
    """Install Qt's translator for `lang` (replacing any earlier one); English removes it.

    Returns True when Qt's standard texts are now in `lang`. When the .qm file is missing the
    standard buttons stay English, a warning is logged, and the program carries on.
    """
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_qt_translator needs a QApplication")
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed = None
    if lang == i18n.SOURCE_LANGUAGE:
        return True
    translator = QTranslator(app)
    folder = translations_dir()
    if not translator.load(f"qtbase_{lang}", str(folder)):
        log.warning("Qt's translations for %r were not found in %s; standard buttons stay English",
                    lang, folder)
        return False
    QCoreApplication.installTranslator(translator)
    _installed = translator
    return True


def qt_translator_language() -> str | None:
    """The language of the installed Qt translator, or None when Qt speaks English."""
    return _installed.language() or None if _installed is not None else None


def apply_ui_language(lang: str) -> str:
    """Set the process-wide UI language: gettext first, then Qt (whose LanguageChange event lets
    widgets retranslate with the new catalogue). Returns the language actually set."""
    i18n.set_language(lang)
    lang = i18n.current_language()
    install_qt_translator(lang)
    # Qt posts LanguageChange to every window; deliver it now, so that when this returns every
    # widget (and every button box) already speaks the new language.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang
