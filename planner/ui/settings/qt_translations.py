"""Switch the UI language: our gettext catalogues plus Qt's own translations for standard widgets.

Qt translates its standard buttons (OK, Cancel, Save...), file and print dialogs and context menus
from `qtbase_<lang>.qm`, shipped in PySide6's translations folder. Installing or removing the
translator sends a LanguageChange event to every widget, so button boxes relabel themselves and
our own widgets can retranslate in `changeEvent` (the shape of Picard's picard/i18n/qt.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QObject, QTranslator

from planner import i18n

log = logging.getLogger(__name__)

_installed: QTranslator | None = None
_fallback: QTranslator | None = None


class _MnemonicFallback(QTranslator):
    """Qt's catalogue without a few of Qt's newer source texts: since Qt 6 the file dialog asks for
    "&Look in:" and "Files of &type:", the catalogue knows "Look in:" and "Files of type:". For a text
    with a mnemonic (&) that the catalogue lacks, this asks for it without the & and puts the & back
    on the first letter: "&Zoeken in:". Installed after Qt's translator, so asked first."""

    def __init__(self, catalogue: QTranslator, parent: QObject | None = None):
        super().__init__(parent)
        self._catalogue = catalogue

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None is Qt's null string, "not known here": Qt then asks the next translator.
        if "&" not in source or not context.startswith("Q"):
            return None
        if self._catalogue.translate(context, source, disambiguation, n):
            return None  # the catalogue has it: let it answer
        found = self._catalogue.translate(context, source.replace("&", ""), disambiguation, n)
        return "&" + found if found else None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def translations_dir() -> Path:
    """Where PySide6 keeps Qt's .qm files."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_qt_translator(lang: str) -> bool:
    """Install Qt's translator for `lang` (replacing any earlier one); English removes it.

    Returns True when Qt's standard texts are now in `lang`. When the .qm file is missing the
    standard buttons stay English, a warning is logged, and the program carries on.
    """
    global _installed, _fallback
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_qt_translator needs a QApplication")
    if _fallback is not None:
        QCoreApplication.removeTranslator(_fallback)
        _fallback = None
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
    _fallback = _MnemonicFallback(translator, app)
    QCoreApplication.installTranslator(_fallback)
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
