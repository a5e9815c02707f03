"""The frame every page shares: a large title, an optional intro line, then the content."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from toolkit.gui.context import AppContext
from toolkit.gui.style import title_font


class Page(QWidget):
    """A page of the main window. Subclasses fill ``self.body`` (a QVBoxLayout)."""

    key = ""
    # A page whose parts scroll by themselves fits the window instead of growing past it:
    # its main buttons (Next, Save) then stay on screen. Long pages of settings leave it off.
    fits_window = False

    def __init__(self, context: AppContext, title: str, intro: str = "") -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.title_label.setFont(title_font(self.font()))
        self.title_label.setAccessibleName(title)
        layout.addWidget(self.title_label)
        if intro:
            intro_label = QLabel(intro)
            intro_label.setWordWrap(True)
            layout.addWidget(intro_label)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        layout.addLayout(self.body, 1)

    def heightForWidth(self, width: int) -> int:  # Qt's name
        # The window's scroll area makes a page at least this tall; only the minimum leaves
        # the room the page's own scrolling parts can give up.
        layout = self.layout()
        if self.fits_window and layout is not None:
            return layout.totalMinimumHeightForWidth(width)
        return super().heightForWidth(width)

    def open_target(self, target: str) -> None:
        """Show something specific on this page (a guide id, a template id); optional."""

    def before_leave(self) -> None:
        """Called when the person moves to another page or the window closes."""

    def unsaved_work(self) -> list[str]:
        """What closing the window now would lose, each named for the person ("the letter
        you are writing"); empty when nothing would be lost."""
        return []

    def work_in_progress(self) -> object | None:
        """What the person is in the middle of, handed to the page that replaces this one when
        the window rebuilds its pages (language, text size); None when there is nothing."""
        return None

    def restore_work(self, work: object) -> None:
        """Take up ``work`` from the page this one replaces (see ``work_in_progress``)."""

    def finish_and_clear(self) -> None:
        """Forget what the person typed on this page (the shared-laptop "Finish and clear")."""
