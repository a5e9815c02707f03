"""The tabs of a QTabWidget as a row of buttons that wraps onto a second line.

A tab bar never wraps: in a longer language or large text its tabs are wider than a small
screen and get cut, elided or hidden behind scroll arrows. These buttons wrap instead, are
announced as buttons (SectionButton) and keep the tab widget as the one source of truth.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QTabWidget, QWidget

from toolkit.gui.common.section_button import SectionButton
from toolkit.gui.incidents.flow_layout import FlowLayout


class StepRow(QWidget):
    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = tabs
        self.group = QButtonGroup(self)
        self.flow = FlowLayout(self, spacing=6)
        self.flow.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[SectionButton] = []
        for index in range(tabs.count()):
            button = SectionButton(tabs.tabText(index).replace("&", "&&"), tabs.tabText(index))
            button.setToolTip(tabs.tabToolTip(index))
            self.group.addButton(button, index)
            self.flow.addWidget(button)
            self.buttons.append(button)
        self.group.idClicked.connect(tabs.setCurrentIndex)
        tabs.currentChanged.connect(self._follow)
        # Tabs moved in code (a city letter puts the address book first): buttons follow.
        tabs.tabBar().tabMoved.connect(lambda _from, _to: self.relabel())
        tabs.tabBar().hide()
        self._follow(tabs.currentIndex())

    def relabel(self) -> None:
        for index, button in enumerate(self.buttons):
            text = self.tabs.tabText(index)
            button.setText(text.replace("&", "&&"))
            button.setAccessibleName(text)
            button.setToolTip(self.tabs.tabToolTip(index))
        self._follow(self.tabs.currentIndex())

    def _follow(self, index: int) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)
