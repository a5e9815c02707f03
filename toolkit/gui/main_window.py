"""The main window: a column of large navigation buttons and one page per area."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from toolkit import APP_NAME
from toolkit.gui.common.clipboard import ClipboardWatch
from toolkit.gui.common.globe import globe_icon
from toolkit.gui.common.section_button import SectionButton
from toolkit.gui.context import AppContext
from toolkit.gui.pages.base import Page
from toolkit.gui.pages.registry import PAGES
from toolkit.i18n import _
from toolkit.settings import Settings


def two_lines(label: str, longest: int = 16) -> str:
    """Break a long navigation label at the space nearest its middle, so the column stays
    narrow in large-text mode and in languages with long words."""
    if len(label) <= longest or " " not in label:
        return label
    middle = len(label) / 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: abs(i - middle))
    return label[:cut] + "\n" + label[cut + 1 :]


PREFERRED_SIZE = QSize(1100, 760)
# At or below this the window opens maximized: every pixel is needed for Save and Print.
SMALL_SCREEN = QSize(1024, 600)


def opening_size(available: QSize) -> QSize | None:
    """The window's first size on a screen with ``available`` room; None means maximized."""
    if available.width() <= SMALL_SCREEN.width() or available.height() <= SMALL_SCREEN.height():
        return None
    return QSize(
        min(PREFERRED_SIZE.width(), int(available.width() * 0.9)),
        min(PREFERRED_SIZE.height(), int(available.height() * 0.9)),
    )


def clear_typed_text(root: QWidget) -> None:
    """Empty every box a person types in (the page itself goes soon after; its text now)."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    for box in root.findChildren(QLineEdit):
        box.clear()
    for text in root.findChildren(QPlainTextEdit):
        text.clear()
    for rich in root.findChildren(QTextEdit):
        if not rich.isReadOnly():
            rich.clear()


class _PageMap(dict[str, Page]):
    """The pages built so far; looking up one not yet built builds it."""

    def __init__(self, make: Callable[[str], Page]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> Page:
        page = self._make(key)
        self[key] = page
        return page


class MainWindow(QMainWindow):
    shown = Signal()
    # Emitted when language or text size changed, so the application can restyle and rebuild.
    appearance_changed = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        context.navigate = self.navigate
        context.show_status = lambda message: self.statusBar().showMessage(message, 8000)
        self._appearance = (context.settings.language, context.settings.large_text)
        self.pages: dict[str, Page] = {}
        self.nav_buttons: dict[str, QPushButton] = {}
        self.clipboard_watch = ClipboardWatch(self)
        # Asked (without blocking) before closing with unsaved work; tests replace it.
        self.ask_to_close: Callable[[list[str]], None] = self._ask_to_close
        self.ask_language: Callable[[QWidget], str] = self._ask_language
        self.confirm_language_loss: Callable[[list[str]], bool] = self._confirm_language_loss
        self._closing_confirmed = False
        self.fit_to_screen()
        self.build()

    def fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        size = opening_size(screen.availableGeometry().size()) if screen else PREFERRED_SIZE
        if size is None:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(size)

    def build(self) -> None:
        """(Re)create navigation and pages, e.g. after the language changed."""
        current = self.current_key() if self.pages else PAGES[0].key
        # Work in progress moves to the new pages (a letter survives a change of text size).
        self._kept_work = {
            key: work
            for key, page in self.pages.items()
            if (work := page.work_in_progress()) is not None
        }
        # Pages of a previous build are gone: drop their listeners so none runs on a deleted page.
        self.context.settings_listeners[:] = [self._settings_changed]
        self.setWindowTitle(APP_NAME)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._nav_bar())
        self.stack = QStackedWidget()
        row.addWidget(self.stack, 1)
        # Pages (and the areas they scroll in) are built the first time they are shown:
        # start-up pays only for the first one.
        self.pages = _PageMap(self._make_page)
        self.page_areas: dict[str, QScrollArea] = {}
        self.setCentralWidget(central)
        self.navigate(current, "")

    def _make_page(self, key: str) -> Page:
        info = next(info for info in PAGES if info.key == key)
        page = info.make(self.context)
        page.key = info.key
        area = self.page_areas[key] = self._scroll_area()
        area.setWidget(page)
        self.stack.addWidget(area)
        if key in self._kept_work:
            page.restore_work(self._kept_work.pop(key))
        return page

    def _nav_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("navBar")
        bar.setMinimumWidth(240)
        column = QVBoxLayout(bar)
        column.setContentsMargins(12, 18, 12, 18)
        column.setSpacing(6)
        name = QLabel(APP_NAME)
        name.setStyleSheet("font-weight: 700; padding: 4px 8px 14px 8px;")
        column.addWidget(name)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons = {}
        for info in PAGES:
            # "&" marks a keyboard shortcut in Qt button text; "&&" shows a literal ampersand.
            button = SectionButton(two_lines(_(info.label)).replace("&", "&&"), _(info.label))
            button.setObjectName("navButton")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, key=info.key: self.navigate(key, ""))
            self.nav_group.addButton(button)
            self.nav_buttons[info.key] = button
            column.addWidget(button)
        column.addStretch(1)
        # Always in reach, labelled in the current language and with a globe anyone recognises.
        self.language_button = QPushButton(globe_icon(), _("Language"))
        self.language_button.setObjectName("languageNavButton")
        self.language_button.setAccessibleName(_("Language"))
        self.language_button.setToolTip(_("Choose the language of the app"))
        self.language_button.clicked.connect(self.choose_language)
        column.addWidget(self.language_button)
        self.finish_button = QPushButton(_("Finish and clear"))
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setToolTip(
            _(
                "Lock incident notes, clear letters and forms, and remove what this app put "
                "on the clipboard, so the next person at this computer finds nothing of yours."
            )
        )
        self.finish_button.setAccessibleDescription(self.finish_button.toolTip())
        self.finish_button.clicked.connect(lambda _checked=False: self.finish_and_clear())
        column.addWidget(self.finish_button)
        return bar

    @staticmethod
    def _scroll_area() -> QScrollArea:
        """A page scrolls rather than forcing the window wider than a small laptop screen."""
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        return area

    def current_page(self) -> Page | None:
        area = self.stack.currentWidget()
        page = area.widget() if isinstance(area, QScrollArea) else None
        return page if isinstance(page, Page) else None

    def current_key(self) -> str:
        page = self.current_page()
        return page.key if page is not None else PAGES[0].key

    def navigate(self, key: str, target: str) -> None:
        if key not in self.nav_buttons:
            self.statusBar().showMessage(_("That page does not exist: {key}").format(key=key))
            return
        page = self.pages[key]
        previous = self.current_page()
        if previous is not None and previous is not page:
            previous.before_leave()
        self.stack.setCurrentWidget(self.page_areas[key])
        self.nav_buttons[key].setChecked(True)
        if target:
            page.open_target(target)

    def choose_language(self) -> None:
        """Show the language picker; switching keeps the page and the work kept across a
        rebuild, and asks first when a page would lose unsaved work."""
        code = self.ask_language(self)
        if not code:
            return
        if code == self.context.settings.language:
            # Saved even so: on first start this records the choice, and the picker stays away.
            self.context.save_settings(self.context.settings)
            return
        lost = [
            item
            for page in self.pages.values()
            if page.work_in_progress() is None
            for item in page.unsaved_work()
        ]
        if lost and not self.confirm_language_loss(lost):
            return
        page = self.current_key()
        self.context.save_settings(dataclasses.replace(self.context.settings, language=code))
        self.navigate(page, "")  # the rebuilt window opens Settings; go back where we were

    @staticmethod
    def _ask_language(parent: QWidget) -> str:
        from toolkit.gui.common.language_picker import LanguagePicker

        picker = LanguagePicker(parent)
        picker.exec()
        return picker.chosen

    def _confirm_language_loss(self, lost: list[str]) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            _("Change the language?"),
            _("Changing the language now loses this:")
            + "\n"
            + "\n".join(f"\N{BULLET} {item}" for item in lost),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _settings_changed(self, new: Settings) -> None:
        appearance = (new.language, new.large_text)
        if appearance != self._appearance:
            self._appearance = appearance
            self.appearance_changed.emit()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        self.shown.emit()

    def unsaved_work(self) -> list[str]:
        return [item for page in self.pages.values() for item in page.unsaved_work()]

    def finish_and_clear(self, rebuild: bool = True) -> None:
        """Leave nothing of this person behind: lock, clear every page, the clipboard the app
        filled, the file dialogs' history and the app's temporary files."""
        for page in self.pages.values():
            page.before_leave()
            page.finish_and_clear()
            clear_typed_text(page)
        # Imported here: start-up needs neither (QFileDialog, shutil and tempfile cost ~2 ms).
        from toolkit.gui import private_file_dialog
        from toolkit.gui.common import temporary_files

        self.clipboard_watch.clear_ours()
        private_file_dialog.forget_history()
        temporary_files.remove()
        if not rebuild:
            return
        # New pages are empty pages: whatever a page kept in a field is gone with the old one.
        self.pages = {}
        self.build()
        self.navigate(PAGES[0].key, "")
        self.statusBar().showMessage(_("Finished: nothing you typed is left on the screen."), 8000)

    def _ask_to_close(self, unsaved: list[str]) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("Close without saving?"),
            _("If you close now, this is lost:")
            + "\n"
            + "\n".join(f"\N{BULLET} {item}" for item in unsaved),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        close = box.addButton(_("Close and lose it"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._close_answered(button is close))
        box.open()  # not exec(): the question never blocks whoever closes the window

    def _close_answered(self, close: bool) -> None:
        if close:
            self.close_anyway()

    def close_anyway(self) -> None:
        """Close although work is unsaved (the person said so)."""
        self._closing_confirmed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        unsaved = self.unsaved_work()
        if unsaved and not self._closing_confirmed:
            event.ignore()
            self.ask_to_close(unsaved)
            return
        self._closing_confirmed = False
        self.finish_and_clear(rebuild=False)
        super().closeEvent(event)
