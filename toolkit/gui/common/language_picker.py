"""The language picker: one large button per interface language, each named in itself, so a
person who reads no English can find theirs (shown on first start and from the navigation)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from toolkit.gui.common.globe import globe_pixmap
from toolkit.i18n import SUPPORTED_LANGUAGES, _, current_language, is_right_to_left


class LanguagePicker(QDialog):
    """``chosen`` holds the code picked ("" when closed without a choice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen = ""
        self.setWindowTitle(_("Language"))
        layout = QVBoxLayout(self)
        # No words anyone must read first: the globe, then each language in its own script.
        title = QLabel()
        title.setPixmap(globe_pixmap(72))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        for number, (code, name) in enumerate(SUPPORTED_LANGUAGES.items()):
            button = QPushButton(name)
            button.setObjectName("languageButton")
            button.setMinimumSize(200, 64)
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF() * 1.5)
            button.setFont(font)
            button.setAccessibleName(name)
            # Each name is laid out in its own direction, whatever the interface's.
            button.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if is_right_to_left(code)
                else Qt.LayoutDirection.LeftToRight
            )
            button.setCheckable(True)
            button.setChecked(code == current_language())
            button.clicked.connect(lambda _checked=False, c=code: self.choose(c))
            grid.addWidget(button, number // 2, number % 2)
            self.buttons[code] = button
        layout.addLayout(grid)

    def choose(self, code: str) -> None:
        self.chosen = code
        self.accept()
