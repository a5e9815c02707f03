"""A button that opens one of several pages or sections and shows which one is open.

A checkable QPushButton is announced by screen readers as a check box, and in an exclusive
group Tab reaches only the checked one. This button is never checkable: it keeps the
``setChecked``/``isChecked`` names so a QButtonGroup's owner can mark the open one, shows it
through the ``current`` style property and says it in the accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from toolkit.i18n import _


class SectionButton(QPushButton):
    def __init__(self, text: str, accessible_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAccessibleName(accessible_name or text.replace("&&", "&"))
        self._current = False
        self.setProperty("current", False)

    def setChecked(self, checked: bool) -> None:  # the QAbstractButton name
        """Mark this one as the open one; the others of its group are unmarked."""
        group = self.group()
        if checked and group is not None:
            for other in group.buttons():
                if isinstance(other, SectionButton) and other is not self:
                    other._set_current(False)
        self._set_current(checked)

    def isChecked(self) -> bool:  # the QAbstractButton name
        return self._current

    def _set_current(self, current: bool) -> None:
        if current == self._current:
            return
        self._current = current
        self.setProperty("current", current)
        self.setAccessibleDescription(_("Open now") if current else "")
        # A dynamic property changes the style only after a re-polish; a button not yet
        # polished (not yet shown) takes it when it is, and start-up skips QStyle's wrapper.
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            self.style().unpolish(self)
            self.style().polish(self)
