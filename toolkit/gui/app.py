"""Starting the desktop app: the QApplication, Qt's own translations, the main window."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from toolkit import APP_NAME, __version__, paths
from toolkit.gui import error_dialog
from toolkit.gui.context import AppContext
from toolkit.gui.main_window import MainWindow
from toolkit.gui.style import apply_style
from toolkit.i18n import _, is_right_to_left, set_language
from toolkit.settings import LoadResult, load, settings_path

_qt_translators: list[QTranslator] = []
# Qt's file names for its own translations where they differ from ours; Qt ships none for
# vi, tl and ht, whose standard buttons then stay in English.
QT_LANGUAGE_CODES = {"zh-Hans": "zh_CN", "pt": "pt_BR"}


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    keep_qt_settings_portable()
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    error_dialog.install(app)
    icon = paths.asset("icons", "toolkit.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def keep_qt_settings_portable() -> None:
    """In portable mode Qt's own settings (file dialog history) go to the stick, not HOME."""
    folder = paths.qt_settings_dir()
    if folder is None:
        return
    # Ini files instead of the Windows registry; on Unix the native format is the ini format
    # but has its own path, so both are set.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))


_loaded_families: set[str] = set()
_loaded_files: set[str] = set()
CJK_INTERFACES = frozenset({"zh-Hans", "ko"})


def load_fonts(language: str | None = None) -> set[str]:
    """Give Qt the bundled Noto faces, so every machine lays text out alike.

    With ``language``, only the faces its interface is written in (start-up: the Chinese and
    Korean collection alone takes some 20 ms); with None, every face. Returns the families
    loaded from the bundle so far.
    """
    for path in _font_files(language):
        if str(path) in _loaded_files:
            continue
        _loaded_files.add(str(path))
        font_id = QFontDatabase.addApplicationFont(str(path))
        _loaded_families.update(QFontDatabase.applicationFontFamilies(font_id))
    return _loaded_families


def _font_files(language: str | None) -> list[Path]:
    from toolkit.pdf import fonts

    latin = {fonts.SANS, fonts.SANS_BOLD, fonts.SANS_ITALIC, fonts.SANS_BOLD_ITALIC}
    arabic = {fonts.ARABIC, fonts.ARABIC_BOLD}
    wanted = [
        face
        for face in fonts.FACES
        if language is None
        or face.name in latin
        or (face.name in arabic and is_right_to_left(language))
    ]
    try:
        files = [fonts.instance_path(face) for face in wanted]
        if language is None or language in CJK_INTERFACES:
            files.append(fonts.cjk_collection_path())
    except fonts.FontError:
        return []  # Qt falls back to system fonts; PDFs report what is missing.
    return files


def install_qt_translations(app: QApplication, language: str) -> None:
    """Load Qt's own translations so standard dialogs and buttons speak the same language."""
    for translator in _qt_translators:
        app.removeTranslator(translator)
    _qt_translators.clear()
    qt_code = QT_LANGUAGE_CODES.get(language, language)
    QLocale.setDefault(QLocale(qt_code))
    if language == "en":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(f"{name}_{qt_code}", folder):
            app.installTranslator(translator)
            _qt_translators.append(translator)


def apply_direction(app: QApplication, language: str) -> None:
    """Arabic and Farsi mirror the whole layout: navigation on the right, labels right-aligned."""
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if is_right_to_left(language)
        else Qt.LayoutDirection.LeftToRight
    )


def create_main_window(loaded: LoadResult | None = None, defer: bool = False) -> MainWindow:
    """The window, ready to show; ``defer`` leaves ``finish_start`` to the caller (run_gui)."""
    loaded = loaded or load()
    app = application()
    settings = loaded.settings
    error_dialog.install(app)
    if defer:
        load_fonts(settings.language)  # only the faces the window is written in
    else:
        finish_start(app)  # also when the QApplication was made elsewhere (tests)
    set_language(settings.language)
    install_qt_translations(app, settings.language)
    apply_direction(app, settings.language)
    apply_style(app, settings.large_text)
    window = MainWindow(AppContext(settings=settings))

    def restyle() -> None:
        current = window.context.settings
        set_language(current.language)
        install_qt_translations(app, current.language)
        apply_direction(app, current.language)
        apply_style(app, current.large_text)
        window.build()
        window.navigate("settings", "")

    window.appearance_changed.connect(restyle)
    return window


def finish_start(app: QApplication) -> None:
    """What start-up leaves until the window is shown (nothing on screen needs it yet)."""
    from toolkit.gui.common import input_guard

    load_fonts()
    input_guard.install(app)


def run_gui(
    loaded: LoadResult | None = None,
    quit_after_show: bool = False,
    on_shown: Callable[[], None] | None = None,
) -> int:
    if (
        quit_after_show
        and not os.environ.get("QT_QPA_PLATFORM")
        and sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    first_start = loaded is None and not settings_path().exists()
    loaded = loaded or load()
    app = application()
    window = create_main_window(loaded, defer=True)
    # Right after the window shows, before anything else runs: the faces of other scripts
    # (typed names, the language picker) and the input guard.
    QTimer.singleShot(0, lambda: finish_start(app))
    if on_shown is not None:
        window.shown.connect(on_shown)
    if quit_after_show:
        window.shown.connect(lambda: QTimer.singleShot(0, app.quit))
    elif first_start:
        # Before anything else, in no particular language: the person picks theirs.
        QTimer.singleShot(0, window.choose_language)
    window.show()
    # What start-up made lives as long as the app: later collections need not walk it.
    gc.freeze()
    gc.enable()
    if loaded.warning and not quit_after_show:
        from PySide6.QtWidgets import QMessageBox  # start-up pays for the dialog type only here

        QMessageBox.warning(window, _("Settings"), loaded.warning)
    return app.exec()
