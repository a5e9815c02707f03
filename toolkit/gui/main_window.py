"""The main window: a column of large navigation buttons and one page per area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from toolkit import APP_NAME
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
        self.resize(1100, 760)
        self.build()

    def build(self) -> None:
        """(Re)create navigation and pages, e.g. after the language changed."""
        current = self.current_key() if self.pages else PAGES[0].key
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
        # Pages are built the first time they are shown: start-up pays only for the first one.
        self.pages = _PageMap(self._make_page)
        self.page_areas: dict[str, QScrollArea] = {}
        for info in PAGES:
            self.page_areas[info.key] = self._scroll_area()
            self.stack.addWidget(self.page_areas[info.key])
        self.setCentralWidget(central)
        self.navigate(current, "")

    def _make_page(self, key: str) -> Page:
        info = next(info for info in PAGES if info.key == key)
        page = info.make(self.context)
        page.key = info.key
        self.page_areas[key].setWidget(page)
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
            button = QPushButton(two_lines(_(info.label)).replace("&", "&&"))
            button.setAccessibleName(_(info.label))
            button.setObjectName("navButton")
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, key=info.key: self.navigate(key, ""))
            self.nav_group.addButton(button)
            self.nav_buttons[info.key] = button
            column.addWidget(button)
        column.addStretch(1)
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
        if key not in self.page_areas:
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

    def _settings_changed(self, new: Settings) -> None:
        appearance = (new.language, new.large_text)
        if appearance != self._appearance:
            self._appearance = appearance
            self.appearance_changed.emit()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        self.shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        for page in self.pages.values():
            page.before_leave()
        super().closeEvent(event)
