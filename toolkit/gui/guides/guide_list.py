"""The left column of the Guides page: a search box over a list of guides grouped by topic."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from toolkit.guides.loader import Library
from toolkit.guides.model import Guide
from toolkit.guides.topics import topic_label
from toolkit.i18n import _, translate_in

if TYPE_CHECKING:
    from toolkit.guides.search import Hit, SearchIndex

ID_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # a search result's rich text, for its painter
HIGHLIGHT = "background-color: #fff1a8; color: #000000;"
TOPIC_COLOR = "#1d4f91"
# Guide titles sit under their topic's header. Qt's own painter (cheap at start-up) has no
# indent, but it keeps an item's icon column clear: a blank icon indents every wrapped line
# of a title, on the side the reading starts.
TITLE_INDENT_PX = 14


class GuideList(QWidget):
    """Emits ``guide_chosen(id)`` when a guide is clicked or chosen with Enter."""

    guide_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None
        self._index: SearchIndex | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(_("Search the guides…"))
        self.search_box.setAccessibleName(_("Search the guides"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.refresh)
        layout.addWidget(self.search_box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Guides found"))
        # The topic list uses Qt's own painter; search results, with their highlighted words,
        # a rich-text one made on the first search (it costs start-up some 10 ms).
        self._plain_delegate = self.list.itemDelegate()
        self.list.setIconSize(QSize(TITLE_INDENT_PX, 1))
        self._indent = _blank_icon(TITLE_INDENT_PX)
        self._html_delegate: QAbstractItemDelegate | None = None
        self.list.setAccessibleName(_("Guides"))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        layout.addWidget(self.list, 1)

    def set_library(self, library: Library) -> None:
        if self.library is not None and self.library.language == library.language:
            return
        self.library = library
        self._index = None
        self.refresh()

    def index(self) -> SearchIndex:
        # Built on the first search, not at start-up.
        if self._index is None:
            from toolkit.guides.search import SearchIndex

            assert self.library is not None
            self._index = SearchIndex(self.library)
        return self._index

    def _use_rich_text(self, rich: bool) -> None:
        if rich and self._html_delegate is None:
            from toolkit.gui.guides.html_delegate import HtmlDelegate

            self._html_delegate = HtmlDelegate(self.list, HTML_ROLE)
        delegate = self._html_delegate if rich else self._plain_delegate
        if delegate is not None and self.list.itemDelegate() is not delegate:
            self.list.setItemDelegate(delegate)

    def refresh(self) -> None:
        if self.library is None:
            return
        query = self.search_box.text().strip()
        self.list.clear()
        self._use_rich_text(bool(query))
        if not query:
            self.status.setText("")
            self._show_topics()
            return
        hits = self.index().search(query)
        self.status.setText(
            _("{count} guides match.").format(count=len(hits))
            if hits
            else _("No guide matches these words. Try fewer or shorter words.")
        )
        for hit in hits:
            self._add_hit(hit)

    def _show_topics(self) -> None:
        assert self.library is not None
        topic = None
        for guide in self.library.guides:
            if guide.topic != topic:
                topic = guide.topic
                label = topic_label(topic, self.library.language)
                header = QListWidgetItem(label)
                # Every role read later is set: PySide6 6.12 under-counts None for unset roles.
                header.setData(ID_ROLE, "")
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                header.setForeground(QBrush(QColor(TOPIC_COLOR)))
                font = QFont(self.list.font())
                font.setBold(True)
                header.setFont(font)
                self.list.addItem(header)
            mark = self.english_only_mark(guide)
            item = QListWidgetItem(self._indent, guide.title + (f" ({mark})" if mark else ""))
            item.setData(ID_ROLE, guide.id)
            item.setToolTip(guide.summary)
            self.list.addItem(item)

    def english_only_mark(self, guide: Guide) -> str:
        """ "English only", in the language being read, for an English stand-in; else ""."""
        if self.library is None or not self.library.is_fallback(guide):
            return ""
        return translate_in(self.library.language, "English only")

    def _add_hit(self, hit: Hit) -> None:
        mark = self.english_only_mark(hit.guide)
        title = hit.guide.title + (f" ({mark})" if mark else "")
        item = QListWidgetItem(f"{title}\n{hit.snippet_text()}")
        item.setData(ID_ROLE, hit.guide.id)
        from toolkit.guides.search import snippet_html

        snippet = snippet_html(hit.snippet, "b", HIGHLIGHT)
        item.setData(HTML_ROLE, f"<b>{escape(title)}</b><br><small>{snippet}</small>")
        self.list.addItem(item)

    def guide_ids(self) -> list[str]:
        """The guide ids shown, in order (topic headers left out)."""
        ids = [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]
        return [str(guide_id) for guide_id in ids if guide_id]

    def select(self, guide_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == guide_id:
                self.list.setCurrentItem(item)
                return
        self.list.clearSelection()

    def _chosen(self, item: QListWidgetItem) -> None:
        guide_id = item.data(ID_ROLE)
        if guide_id:
            self.guide_chosen.emit(str(guide_id))


def _blank_icon(width: int) -> QIcon:
    blank = QPixmap(width, 1)
    blank.fill(Qt.GlobalColor.transparent)
    return QIcon(blank)
