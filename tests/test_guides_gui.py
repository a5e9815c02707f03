"""The Guides page: open a guide, follow links, back and forward, search, language, PDFs."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from pytestqt.qtbot import QtBot

from toolkit.gui.app import create_main_window
from toolkit.gui.guides.guide_list import ID_ROLE
from toolkit.gui.main_window import MainWindow
from toolkit.gui.pages.guides_page import GuidesPage
from toolkit.i18n import translate_in
from toolkit.settings import LoadResult, Settings
from toolkit.translations.status import UNREVIEWED

Maker = Callable[..., tuple[MainWindow, GuidesPage]]


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Maker]:
    """Windows are deleted after each test: left alive, every later restyle walks them all."""
    made: list[MainWindow] = []

    def make(settings: Settings | None = None) -> tuple[MainWindow, GuidesPage]:
        window = create_main_window(LoadResult(settings or Settings(hotline="(555) 010-0199")))
        made.append(window)
        page = window.pages["guides"]
        assert isinstance(page, GuidesPage)
        return window, page

    yield make
    for window in made:
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shown_text(page: GuidesPage) -> str:
    return page.reader.browser.toPlainText()


def test_page_opens_with_a_guide_and_the_notice(qtbot: QtBot, make_window: Maker) -> None:
    _window, page = make_window()
    text = shown_text(page)
    assert "Your rights at the door" in text
    assert "Not legal advice" in text and "Facts checked" in text
    assert "(555) 010-0199" in text and "Sources" in text


def test_clicking_a_guide_in_the_list_opens_it(qtbot: QtBot, make_window: Maker) -> None:
    _window, page = make_window()
    items = page.guide_list.list
    row = next(r for r in range(items.count()) if items.item(r).data(ID_ROLE) == "if-detained")
    rect = items.visualItemRect(items.item(row))
    items.scrollToItem(items.item(row))
    rect = items.visualItemRect(items.item(row))
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.reader.guide is not None and page.reader.guide.id == "if-detained"


def test_guide_link_back_and_forward(qtbot: QtBot, make_window: Maker) -> None:
    _window, page = make_window()
    reader = page.reader
    assert not reader.back_button.isEnabled()
    reader.browser.anchorClicked.emit(QUrl("guide:documenting-an-encounter"))
    assert "Documenting an encounter" in shown_text(page)
    assert page.guide_list.list.currentItem().data(ID_ROLE) == "documenting-an-encounter"
    qtbot.mouseClick(reader.back_button, Qt.MouseButton.LeftButton)
    assert reader.guide is not None and reader.guide.id == "rights-at-the-door"
    assert reader.forward_button.isEnabled()
    qtbot.mouseClick(reader.forward_button, Qt.MouseButton.LeftButton)
    assert reader.guide is not None and reader.guide.id == "documenting-an-encounter"
    assert not reader.forward_button.isEnabled()


def test_every_link_in_the_shown_guide_is_an_anchor(qtbot: QtBot, make_window: Maker) -> None:
    _window, page = make_window()
    html = page.reader.browser.toHtml()
    assert 'href="guide:if-detained"' in html
    assert 'href="app:letters/federal-warrant-oversight"' in html


def test_app_links_open_letters_and_incident_notes(qtbot: QtBot, make_window: Maker) -> None:
    window, page = make_window()
    opened: list[tuple[str, str]] = []
    real_navigate = window.navigate

    def navigate(key: str, target: str) -> None:
        opened.append((key, target))
        real_navigate(key, target)

    window.context.navigate = navigate
    page.reader.browser.anchorClicked.emit(QUrl("app:letters/federal-warrant-oversight"))
    assert opened[-1] == ("letters", "federal-warrant-oversight")
    assert window.current_key() == "letters"
    page.reader.browser.anchorClicked.emit(QUrl("app:incidents"))
    assert opened[-1] == ("incidents", "")
    assert window.current_key() == "incidents"


def test_open_target_from_another_page(qtbot: QtBot, make_window: Maker) -> None:
    window, page = make_window()
    window.navigate("settings", "")
    window.context.open_link("guide:digital-safety")
    assert window.current_key() == "guides"
    assert page.reader.guide is not None and page.reader.guide.id == "digital-safety"


def test_search_filters_as_you_type(qtbot: QtBot, make_window: Maker) -> None:
    _window, page = make_window()
    everything = page.guide_list.guide_ids()
    assert len(everything) >= 12
    qtbot.keyClicks(page.guide_list.search_box, "passcode")
    found = page.guide_list.guide_ids()
    assert "digital-safety" in found and len(found) < len(everything)
    page.guide_list.search_box.clear()
    assert page.guide_list.guide_ids() == everything


def test_language_switch_searches_spanish_without_accents(qtbot: QtBot, make_window: Maker) -> None:
    _window, page = make_window()
    reader = page.reader
    reader.language.setCurrentIndex(reader.language.findData("es"))
    assert reader.guide is not None and reader.guide.language == "es"
    assert "Sus derechos en la puerta" in shown_text(page)
    page.guide_list.search_box.setText("policia")
    assert "street-car-work" in page.guide_list.guide_ids()
    items = page.guide_list.list
    assert "policía" in items.item(0).text().lower()
    qtbot.mouseClick(reader.back_button, Qt.MouseButton.LeftButton)
    assert reader.guide is not None and reader.guide.language == "en"


def test_large_text_makes_the_reader_text_bigger(qtbot: QtBot, make_window: Maker) -> None:
    _window, page = make_window()
    normal = page.reader.browser.toHtml()
    _window2, large_page = make_window(Settings(large_text=True))
    assert "font-size:12pt" in normal.replace(" ", "")
    assert "font-size:16.8pt" in large_page.reader.browser.toHtml().replace(" ", "")


def test_hotline_change_shows_in_the_open_guide(qtbot: QtBot, make_window: Maker) -> None:
    _window, page = make_window()
    page.context.save_settings(Settings(org_name="Casa Unida", hotline="(555) 777-0000"))
    assert "Call Casa Unida: (555) 777-0000" in shown_text(page)


def test_save_as_pdf_and_summary(qtbot: QtBot, make_window: Maker, tmp_path: Path) -> None:
    _window, page = make_window()
    reader = page.reader
    targets = iter([tmp_path / "door", tmp_path / "flyer.pdf"])
    reader.ask_save_path = lambda _parent, _title, _name: str(next(targets))
    qtbot.mouseClick(reader.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reader.summary_button, Qt.MouseButton.LeftButton)
    full = PdfReader(io.BytesIO((tmp_path / "door.pdf").read_bytes()))
    flyer = PdfReader(io.BytesIO((tmp_path / "flyer.pdf").read_bytes()))
    assert len(full.pages) > 1 and len(flyer.pages) == 1
    assert "Your rights at the door" in (full.pages[0].extract_text() or "")
    assert "Saved" in reader.message.text()


def test_cancelled_save_writes_nothing(qtbot: QtBot, make_window: Maker, tmp_path: Path) -> None:
    _window, page = make_window()
    page.reader.ask_save_path = lambda _parent, _title, _name: ""
    page.reader.save_pdf()
    assert list(tmp_path.glob("*.pdf")) == []
    assert page.reader.message.isHidden()


def test_print_buttons_sit_under_both_columns(qtbot: QtBot, make_window: Maker) -> None:
    """The bar spans the page, so it does not add its width to the guide list's on small screens."""
    window, page = make_window()
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    bar = page.reader.print_bar
    assert bar.parentWidget() is page and bar.isVisible()
    assert bar.geometry().top() >= page.splitter.geometry().bottom()
    assert bar.width() > page.splitter.widget(0).width() + page.reader.width() // 2
    assert page.reader.print_button.isVisible() and page.reader.print_button.isEnabled()


def test_a_partial_language_marks_english_guides_and_links_open_them(
    qtbot: QtBot, make_window: Maker
) -> None:
    _window, page = make_window()
    page.reader.open_guide("family-safety-plan", "ko")
    assert page.guide_list.library is not None and page.guide_list.library.language == "ko"
    items = page.guide_list.list
    texts = {items.item(r).data(ID_ROLE): items.item(r).text() for r in range(items.count())}
    english_only = translate_in("ko", "English only")
    assert english_only in texts["digital-safety"]
    assert english_only not in texts["family-safety-plan"]
    assert page.reader.status_note.isVisibleTo(page.reader)
    unreviewed = translate_in("ko", UNREVIEWED)
    assert page.reader.status_note.text() == unreviewed
    page.reader._follow(QUrl("guide:digital-safety"))  # a guide Korean lacks
    assert page.reader.guide is not None and page.reader.guide.language == "en"
    assert page.reader.reading_language == "ko"
    assert "Digital safety" in shown_text(page)
    assert page.reader.status_note.text() != unreviewed
    assert "한국어" in page.reader.status_note.text()  # the language is named in itself
    # Its links lead back into Korean where Korean has the guide.
    page.reader._follow(QUrl("guide:if-detained"))
    assert page.reader.guide is not None and page.reader.guide.language == "ko"
    assert page.reader.language.currentData() == "ko"


def block_directions(page: GuidesPage) -> set[Qt.LayoutDirection]:
    """How the reader lays out each paragraph, heading and list item of the shown guide."""
    directions, block = set(), page.reader.browser.document().begin()
    while block.isValid():
        if block.text().strip():
            directions.add(block.textDirection())
        block = block.next()
    return directions


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_right_to_left_guides_read_right_to_left_and_english_ones_do_not(
    qtbot: QtBot, make_window: Maker, language: str
) -> None:
    _window, page = make_window()
    page.reader.open_guide("rights-at-the-door", language)
    assert page.reader.guide is not None and page.reader.guide.language == language
    # Every block, the notice's table cells too: full stops and bullets on the reading side.
    assert block_directions(page) == {Qt.LayoutDirection.RightToLeft}
    page.reader._follow(QUrl("guide:digital-safety"))  # an English stand-in
    assert page.reader.guide is not None and page.reader.guide.language == "en"
    assert block_directions(page) == {Qt.LayoutDirection.LeftToRight}


def test_search_in_a_partial_language_finds_its_guides_and_english_ones(
    qtbot: QtBot, make_window: Maker
) -> None:
    _window, page = make_window()
    page.reader.open_guide("if-detained", "vi")
    page.guide_list.search_box.setText("immunity")  # only in guides Vietnamese lacks
    assert "qualified-immunity" in page.guide_list.guide_ids()
    items = page.guide_list.list
    row = next(
        r for r in range(items.count()) if items.item(r).data(ID_ROLE) == "qualified-immunity"
    )
    assert translate_in("vi", "English only") in items.item(row).text()
    page.guide_list.search_box.setText("giam giữ")
    assert "if-detained" in page.guide_list.guide_ids()
