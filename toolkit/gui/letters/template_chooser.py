"""Choosing a letter template: filter by level, see its title, summary, bills and status note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from toolkit.content_dates import month_year, stale_warning
from toolkit.i18n import _, current_language
from toolkit.letters.catalog import TemplateMeta, list_templates
from toolkit.pdf.markup import para_text
from toolkit.settings import Settings


class TemplateChooser(QWidget):
    template_changed = Signal(str)

    def __init__(self, settings: Callable[[], Settings] | None = None) -> None:
        super().__init__()
        # The center's current settings: whom the out-of-date warning tells people to ask.
        self._settings = settings or Settings
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Show letters to:")))
        self.level = QComboBox()
        for label, level in (
            (_("Everyone"), ""),
            (_("Congress"), "federal"),
            (_("State legislature"), "state"),
            (_("City council"), "city"),
        ):
            self.level.addItem(label, level)
        self.level.currentIndexChanged.connect(self._fill)
        row.addWidget(self.level, 1)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Letter templates"))
        self.list.currentRowChanged.connect(self._selected)
        self.list.setWordWrap(True)
        # At least four letters in view, whatever the text size.
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 4 + 12)
        layout.addWidget(self.list, 1)
        self.info = QLabel("")
        self.info.setWordWrap(True)
        self.info.setTextFormat(self.info.textFormat().RichText)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The description scrolls on its own rather than being cut off when space is short.
        info_area = QScrollArea()
        info_area.setWidgetResizable(True)
        info_area.setFrameShape(QFrame.Shape.NoFrame)
        info_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        info_area.setWidget(self.info)
        layout.addWidget(info_area, 1)
        self._shown: list[TemplateMeta] = []
        self._fill()

    def _fill(self) -> None:
        current = self.current_id()
        self._shown = list_templates(self.level.currentData() or None)
        self.list.blockSignals(True)
        self.list.clear()
        for meta in self._shown:
            self.list.addItem(meta.title_in(current_language()))
        self.list.blockSignals(False)
        ids = [m.id for m in self._shown]
        self.list.setCurrentRow(ids.index(current) if current in ids else 0)

    def current(self) -> TemplateMeta | None:
        row = self.list.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def current_id(self) -> str:
        meta = self.current() if hasattr(self, "_shown") else None
        return meta.id if meta else ""

    def select(self, template_id: str) -> bool:
        ids = [m.id for m in self._shown]
        if template_id not in ids:
            self.level.setCurrentIndex(0)
            ids = [m.id for m in self._shown]
        if template_id not in ids:
            return False
        self.list.setCurrentRow(ids.index(template_id))
        return True

    def _selected(self, row: int) -> None:
        meta = self.current()
        if meta is None:
            self.info.setText("")
            return
        self.info.setText(describe(meta, current_language(), self._settings()))
        self.template_changed.emit(meta.id)


def describe(meta: TemplateMeta, language: str, settings: Settings | None = None) -> str:
    parts = [f"<b>{para_text(meta.title_in(language))}</b>", para_text(meta.summary_in(language))]
    if meta.bills:
        bills = "; ".join(f"{b.number}, {b.title}" for b in meta.bills)
        parts.append(_("Bills: {bills}").format(bills=para_text(bills)))
    if meta.status_in(language):
        parts.append(f"<i>{para_text(meta.status_in(language))}</i>")
    parts.append(
        _("Facts checked: {date}").format(date=month_year(meta.dates.facts_checked, language))
        + "<br/>"
        + para_text(meta.content_origin())
    )
    current = settings or Settings()
    warning = stale_warning(meta.dates, language, current.org_name, current.hotline)
    if warning:
        parts.append(f'<b style="color:#8a5a00">{para_text(warning)}</b>')
    return "<br/><br/>".join(parts)
