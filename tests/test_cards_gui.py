"""The cards and flyers page, driven as a person would (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from toolkit.cards import content
from toolkit.gui.cards.wording_dialog import WordingDialog
from toolkit.gui.context import AppContext
from toolkit.gui.pages.cards_page import CardsPage
from toolkit.i18n import set_language
from toolkit.settings import Settings


def _page(qtbot: QtBot, data_dir: Path, **settings: object) -> CardsPage:
    context = AppContext(Settings(**settings), data_dir=data_dir)  # type: ignore[arg-type]
    page = CardsPage(context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(page.cards.pdf), timeout=10_000)
    return page


def test_preview_shows_front_and_back_and_review_notice(qtbot: QtBot, data_dir: Path) -> None:
    page = _page(qtbot, data_dir, org_name="Eastside", hotline="555-0100")
    tab = page.cards
    assert tab.preview.pages_shown == 2
    assert tab.notice.isHidden()  # English is reviewed
    with qtbot.waitSignal(tab.preview_updated, timeout=10_000):
        tab.spins["en"].setValue(5)
        tab.spins["es"].setValue(5)
    assert not tab.notice.isHidden() and "Spanish" in tab.notice.text()
    assert "long edge" in tab.instructions.text()
    text = PdfReader_text(tab.pdf)
    assert "Know your rights" in text and "Eastside" in text


def PdfReader_text(pdf: bytes) -> str:
    import io

    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_cards_and_flyers_start_in_the_interface_language(qtbot: QtBot, data_dir: Path) -> None:
    set_language("vi")
    page = _page(qtbot, data_dir)
    counts = {code: spin.value() for code, spin in page.cards.spins.items() if spin.value()}
    assert counts == {"vi": 10}
    title = content.load_card("vi", data_dir).title
    assert " ".join(title.split()) in " ".join(PdfReader_text(page.cards.pdf).split())
    assert page.flyers.language.currentData() == "vi"
    set_language("en")
    english = _page(qtbot, data_dir)
    assert english.cards.spins["en"].value() == 10 and english.flyers.language.currentData() == "en"


def test_review_notice_names_languages_in_the_interface_language(
    qtbot: QtBot, data_dir: Path
) -> None:
    set_language("es")
    page = _page(qtbot, data_dir)
    assert "español" in page.cards.notice.text() and "Spanish" not in page.cards.notice.text()
    assert page.cards.spins["es"].accessibleName() == content.load_card("es").label


def _x_of(text: str, index: int) -> float:
    """Where Qt draws character ``index`` of ``text``, its direction found as a label's is."""
    from PySide6.QtGui import QFont, QTextLayout

    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout.lineAt(0).cursorToX(index)[0]


@pytest.mark.parametrize(("interface", "code"), [("en", "ar"), ("ar", "en")])
def test_a_language_named_in_two_scripts_reads_in_the_interface_direction(
    qtbot: QtBot, data_dir: Path, interface: str, code: str
) -> None:
    set_language(interface)
    page = _page(qtbot, data_dir)
    text = page.cards.language_labels[code].text()
    native, shown = content.load_card(code).name, text[text.rindex("(") :]
    first_native, first_shown = text.index(native), text.rindex("(")
    native_x, shown_x = _x_of(text, first_native), _x_of(text, first_shown)
    # English interface: "العربية (Arabic)" with the native name on the left; Arabic: the
    # native "English" on the right. Without the mark each would follow its first letter.
    assert (native_x < shown_x) if interface == "en" else (native_x > shown_x), (text, shown)


def test_fold_layout_and_save(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    page = _page(qtbot, data_dir)
    tab = page.cards
    with qtbot.waitSignal(tab.preview_updated, timeout=10_000):
        tab.layout_choice.setCurrentIndex(tab.layout_choice.findData("fold"))
    assert tab.preview.pages_shown == 2  # 10 cards, 5 per folded sheet
    assert "fold" in tab.instructions.text()
    out = tmp_path / "cards.pdf"
    tab.save_to(out)
    assert len(PdfReader(out).pages) == 2


def test_qr_without_hotline_shows_error_not_crash(qtbot: QtBot, data_dir: Path) -> None:
    page = _page(qtbot, data_dir)
    tab = page.cards
    with qtbot.waitSignal(tab.preview_updated, timeout=10_000):
        tab.qr.setChecked(True)
    assert not tab.error.isHidden() and "hotline" in tab.error.text()
    assert not tab.save_button.isEnabled()


def test_wording_dialog_saves_and_restores(qtbot: QtBot, data_dir: Path) -> None:
    dialog = WordingDialog("es", data_dir)
    qtbot.addWidget(dialog)
    dialog.title.setText("Sus derechos, Centro Este")
    dialog.save()
    assert content.load_card("es", data_dir).title == "Sus derechos, Centro Este"
    again = WordingDialog("es", data_dir)
    qtbot.addWidget(again)
    assert again.restore_button.isEnabled()
    again.confirm_restore = lambda: True
    again.restore()
    assert not content.load_card("es", data_dir).custom


def test_wording_dialog_refuses_empty_point(qtbot: QtBot, data_dir: Path) -> None:
    dialog = WordingDialog("en", data_dir)
    qtbot.addWidget(dialog)
    dialog.points[2].setText("")
    dialog.save()
    assert "points" in dialog.message.text()
    assert not content.load_card("en", data_dir).custom


def test_flyers_tab_previews_event_and_arabic(qtbot: QtBot, data_dir: Path) -> None:
    page = _page(qtbot, data_dir, org_name="Eastside", hotline="555-0100")
    tab = page.flyers
    qtbot.waitUntil(lambda: bool(tab.pdf), timeout=10_000)
    with qtbot.waitSignal(tab.preview_updated, timeout=10_000):
        tab.flyer.setCurrentIndex(tab.flyer.findData("event"))
    with qtbot.waitSignal(tab.preview_updated, timeout=10_000):
        tab.event_title.setText("Know your rights night")
        tab.event_date.setText("March 7")
        tab.event_place.setText("Library")
    assert "Know your rights night" in " ".join(PdfReader_text(tab.pdf).split())
    with qtbot.waitSignal(tab.preview_updated, timeout=10_000):
        tab.language.setCurrentIndex(tab.language.findData("ar"))
        tab.tear_off.setChecked(True)
    assert tab.preview.pages_shown == 1 and not tab.notice.isHidden()


NAV_WIDTH = 240
SCROLLBAR_AND_MARGINS = 24


def test_page_fits_a_1024_window_without_sideways_scrolling(qtbot: QtBot, data_dir: Path) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QScrollArea

    from toolkit.gui.style import BASE_POINT_SIZE, LARGE_TEXT_FACTOR

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QFont(app.font())
    try:
        for factor in (1.0, LARGE_TEXT_FACTOR):
            font = QFont(original)
            font.setPointSizeF(BASE_POINT_SIZE * factor)
            app.setFont(font)
            settings = Settings(org_name="Eastside", hotline="555-0100")
            page = CardsPage(AppContext(settings, data_dir=data_dir))
            # As the main window shows it: inside a scroll area beside the navigation column.
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setWidget(page)  # the area owns and closes the page
            qtbot.addWidget(area)
            area.resize(1024 - NAV_WIDTH, 700)
            area.show()
            qtbot.waitExposed(area)
            for code in ("ar", "ko"):
                page.cards.spins[code].setValue(5)
            qtbot.waitUntil(lambda p=page: p.cards.notice.isVisible(), timeout=10_000)
            assert page.minimumSizeHint().width() <= 1024 - NAV_WIDTH - SCROLLBAR_AND_MARGINS
            assert area.horizontalScrollBar().maximum() == 0
            for tab in (page.cards, page.flyers):
                page.tabs.setCurrentWidget(tab)
                qtbot.waitUntil(lambda t=tab: bool(t.pdf), timeout=10_000)
                assert area.horizontalScrollBar().maximum() == 0
                for button in (tab.save_button, tab.print_button):
                    # Not scrolled away or clipped: the whole button is on screen.
                    shown = button.visibleRegion().boundingRect()
                    assert shown.size() == button.size(), (factor, button.text())
    finally:
        app.setFont(original)
