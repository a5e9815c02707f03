"""The look shared by every page: large, clear controls for people new to computers."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11
# The bundled faces (toolkit.gui.app.load_fonts), in fallback order: Latin, Vietnamese and
# Cyrillic, then Arabic and Farsi, then Chinese and Korean. Never the host's fonts.
UI_FAMILIES = ["Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC"]
LARGE_TEXT_FACTOR = 1.4

STYLESHEET = """
QPushButton {
    padding: 8px 16px; min-height: 36px; border-radius: 6px;
    background: #f7f9fc; border: 1px solid #8a99ad; color: #10233f;
}
QPushButton:hover { background: #e4ecf7; }
QPushButton:pressed { background: #cddbee; }
QPushButton:disabled { color: #8a8f96; border-color: #c3c9d1; background: #f1f2f4; }
QPushButton#navButton {
    text-align: left; padding: 7px 9px; min-height: 48px; border: 3px solid transparent;
    font-weight: 600; border-radius: 8px; background: transparent;
}
QPushButton[current="true"], QPushButton#navButton[current="true"] {
    background: #1d4f91; color: white; font-weight: 600;
}
QPushButton#navButton:hover[current="false"] { background: #dde6f3; }
QPushButton#primary { background: #1d4f91; color: white; font-weight: 600; border-color: #163d70; }
QPushButton#primary:hover { background: #24609f; }
QPushButton#primary:disabled { background: #9fb3cc; color: #eef2f7; }
QPushButton#danger { background: #a4262c; color: white; font-weight: 600; border-color: #7d1c21; }
QPushButton#danger:hover { background: #b8333a; }
QFrame#navBar { background: #eef2f8; }
QPushButton#finishButton { border-color: #7d1c21; color: #7d1c21; font-weight: 600; }
QLabel#pageTitle { font-weight: 700; }
QLabel#warning { background: #fff4ce; border: 1px solid #c8a600; padding: 8px; border-radius: 6px; }
QLabel#messageError {
    background: #fde7e9; border: 1px solid #a4262c; color: #5c0f13;
    padding: 8px; border-radius: 6px;
}
QLabel#messageOk {
    background: #e6f4ea; border: 1px solid #2e7d32; padding: 8px; border-radius: 6px;
}
QLabel#notice { background: #e8f1fb; border: 1px solid #9bbbe0; padding: 8px; border-radius: 6px; }
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox { padding: 4px; min-height: 28px; }
/* Focus last, so it wins: a thick dark ring on light controls, a yellow one on dark buttons. */
QPushButton:focus, QPushButton#navButton:focus { border: 3px solid #10233f; }
QPushButton#primary:focus, QPushButton#danger:focus, QPushButton[current="true"]:focus,
QPushButton#navButton[current="true"]:focus {
    border: 3px solid #ffbf47;
}
QCheckBox:focus, QRadioButton:focus { background: #fff1c7; }
QAbstractItemView:focus { border: 2px solid #1d4f91; }
"""


def apply_style(app: QApplication, large_text: bool) -> None:
    font = QFont(app.font())
    font.setFamilies(UI_FAMILIES)
    font.setPointSizeF(BASE_POINT_SIZE * (LARGE_TEXT_FACTOR if large_text else 1.0))
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def title_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * 1.6)
    font.setBold(True)
    return font
