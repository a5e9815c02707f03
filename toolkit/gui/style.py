"""The look shared by every page: large, clear controls for people new to computers."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11
LARGE_TEXT_FACTOR = 1.4

STYLESHEET = """
QPushButton { padding: 8px 16px; min-height: 36px; border-radius: 6px; }
QPushButton#navButton {
    text-align: left; padding: 10px 18px; min-height: 48px; border: none;
    font-weight: 600; border-radius: 8px;
}
QPushButton#navButton:checked { background: #1d4f91; color: white; }
QPushButton#navButton:hover:!checked { background: #dde6f3; }
QPushButton#primary { background: #1d4f91; color: white; font-weight: 600; }
QPushButton#danger { background: #a4262c; color: white; font-weight: 600; }
QFrame#navBar { background: #eef2f8; }
QLabel#pageTitle { font-weight: 700; }
QLabel#warning { background: #fff4ce; border: 1px solid #c8a600; padding: 8px; border-radius: 6px; }
QLabel#notice { background: #e8f1fb; border: 1px solid #9bbbe0; padding: 8px; border-radius: 6px; }
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox { padding: 4px; min-height: 28px; }
"""


def apply_style(app: QApplication, large_text: bool) -> None:
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * (LARGE_TEXT_FACTOR if large_text else 1.0))
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def title_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * 1.6)
    font.setBold(True)
    return font
