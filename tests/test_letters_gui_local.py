"""City letters start from the address book; postal letters explain the district office."""

from __future__ import annotations

from pathlib import Path

from letters_helpers import SENDER, pdf_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from toolkit.directory.addressbook import BookEntry
from toolkit.directory.directory import Directory
from toolkit.gui.context import AppContext
from toolkit.gui.pages.letters_page import STEP_TO, LettersPage
from toolkit.letters.mailing import envelopes_pdf
from toolkit.settings import Settings

CLERK = BookEntry(
    name="Office of the City Clerk",
    title="City Clerk",
    organization="City of Chicago",
    address="City Hall, Room 107\n121 N. LaSalle St.\nChicago, IL 60602",
    city="Chicago",
    state="IL",
    source="City clerk's website",
    verified_on="2024-05-01",
)


def make_page(qtbot: QtBot, data_dir: Path) -> LettersPage:
    with Directory(data_dir) as directory:
        directory.book_add(CLERK)
    page = LettersPage(AppContext(Settings(), data_dir=data_dir))
    qtbot.addWidget(page)
    return page


def test_a_city_letter_offers_the_address_book_first(qtbot: QtBot, data_dir: Path) -> None:
    page = make_page(qtbot, data_dir)
    picker = page.recipients.picker
    assert picker is not None
    page.open_target("city-sanctuary")
    for name, value in {**SENDER, "city_name": "Chicago"}.items():
        page.form.set_value(name, value)
    page.steps.setCurrentIndex(STEP_TO)
    # The sender's ZIP is searched, but the address book stays in front.
    assert picker.zip_edit.text() == "60608"
    assert picker.tabs.indexOf(picker.book_tab) == 0
    assert picker.tabs.currentWidget() is picker.book_tab
    assert picker.tabs.tabText(0) == "Address book"
    assert picker.local_label.isVisibleTo(picker)
    assert "A city letter: your address book comes first" in picker.local_label.text()
    assert not page.office_note.isVisibleTo(page.recipients)
    item = picker.book_tab.list.item(0).text()
    assert "Source: City clerk's website" in item
    assert "Verified on 2024-05-01, more than a year ago: check this contact again" in item
    picker.book_tab.list.item(0).setCheckState(Qt.CheckState.Checked)
    letters = page.compose_letters()
    # The letter and its envelope use the address lines as entered.
    assert letters[0].mailing_address[-3:] == (
        "City Hall, Room 107",
        "121 N. LaSalle St.",
        "Chicago, IL 60602",
    )
    envelope = pdf_text(envelopes_pdf(letters))
    assert "CITY HALL ROOM 107\n121 N LASALLE ST\nCHICAGO IL 60602" in envelope


def test_a_federal_letter_puts_the_directory_first_and_says_where_mail_is_read(
    qtbot: QtBot, data_dir: Path
) -> None:
    page = make_page(qtbot, data_dir)
    picker = page.recipients.picker
    assert picker is not None
    page.open_target("city-sanctuary")
    page.open_target("federal-dhs-funding")
    assert picker.tabs.indexOf(picker.zip_tab) == 0 and picker.tabs.indexOf(picker.book_tab) == 2
    assert picker.tabs.currentWidget() is picker.zip_tab
    assert not picker.local_label.isVisibleTo(picker)
    note = page.office_note
    assert note.isVisibleTo(page.recipients)
    assert "district office nearest you" in note.text()
    assert "screened (irradiated) and delayed by weeks" in note.text()
    assert "where paper letters are read" in note.text()
    # The note sits right under the choice of office.
    layout = page.recipients.layout()
    assert layout is not None
    capitol_row = page.recipients.to_capitol.parentWidget()
    assert layout.indexOf(note) == layout.indexOf(capitol_row) + 1
