"""The recipient picker: find by ZIP or district, tick candidates, keep an address book."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from toolkit.directory.addressbook import BookEntry
from toolkit.directory.directory import Directory
from toolkit.gui.directory.candidate_list import CandidateList
from toolkit.gui.directory.contact_dialog import ContactDialog
from toolkit.gui.directory.recipient_picker import RecipientPicker


@pytest.fixture
def directory(data_dir: Path) -> Iterator[Directory]:
    with Directory(data_dir, today=lambda: date(2026, 12, 1)) as opened:
        yield opened


@pytest.fixture
def picker(qtbot: QtBot, directory: Directory) -> RecipientPicker:
    widget = RecipientPicker(directory)
    qtbot.addWidget(widget)
    return widget


def tick(candidates: CandidateList, row: int) -> None:
    candidates.item(row).setCheckState(Qt.CheckState.Checked)


def import_congress(picker: RecipientPicker, public: Path, qtbot: QtBot) -> None:
    folder = public / "directory"
    picker.choose_files = lambda: [
        folder / "legislators-current.json",
        folder / "legislators-district-offices.json",
        folder / "zccd.csv",
    ]
    with qtbot.waitSignal(picker.data_imported):
        qtbot.mouseClick(picker.import_button, Qt.MouseButton.LeftButton)


def test_import_then_find_a_split_zip_and_choose(
    qtbot: QtBot, picker: RecipientPicker, public_data: Path
) -> None:
    assert "No directory data" in picker.as_of_label.text()
    import_congress(picker, public_data, qtbot)
    assert "Congress data as of 2026-06-10" in picker.as_of_label.text()
    # December 2026: two appointed senators' terms have ended.
    assert picker.expired_label.isVisibleTo(picker) and "2 people" in picker.expired_label.text()
    qtbot.keyClicks(picker.zip_edit, "89019")
    qtbot.mouseClick(picker.find_zip_button, Qt.MouseButton.LeftButton)
    assert picker.zip_list.count() == 8
    assert "4 districts (CA-23, CA-25, NV-1, NV-3)" in picker.zip_hint.text()
    with qtbot.waitSignal(picker.recipients_chosen) as chosen:
        tick(picker.zip_list, 2)
    first = picker.zip_list.recipients()[2]
    assert chosen.args == [[first.id]]
    assert [r.id for r in picker.chosen()] == [first.id]
    assert first.full_name in picker.chosen_label.text()
    # Untick through the list: the choice goes.
    with qtbot.waitSignal(picker.recipients_chosen) as chosen:
        picker.zip_list.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert chosen.args == [[]] and picker.chosen() == []


def test_expired_term_is_marked_in_the_list(
    qtbot: QtBot, picker: RecipientPicker, public_data: Path
) -> None:
    import_congress(picker, public_data, qtbot)
    picker.tabs.setCurrentIndex(1)
    picker.state_combo.setCurrentIndex(picker.state_combo.findData("OH"))
    qtbot.mouseClick(picker.find_state_button, Qt.MouseButton.LeftButton)
    texts = [picker.state_list.item(i).text() for i in range(picker.state_list.count())]
    husted = next(t for t in texts if "Husted" in t)
    assert "Term ended on 2026-11-03" in husted
    assert sum("Term ended" in t for t in texts) == 1


def test_choices_persist_across_tabs_and_searches(
    qtbot: QtBot, picker: RecipientPicker, public_data: Path
) -> None:
    import_congress(picker, public_data, qtbot)
    picker.set_zip("05401")
    tick(picker.zip_list, 0)
    picker.state_combo.setCurrentIndex(picker.state_combo.findData("VT"))
    picker.find_state()
    assert picker.state_list.item(0).checkState() == Qt.CheckState.Checked
    tick(picker.state_list, 2)
    picker.set_zip("35005")
    assert len(picker.chosen()) == 2
    picker.set_zip("05401")
    assert picker.zip_list.item(2).checkState() == Qt.CheckState.Checked
    picker.set_chosen(["S000033", "nobody"])
    assert picker.chosen_ids() == ["S000033"]


def test_no_match_and_missing_data_show_a_message(
    qtbot: QtBot, picker: RecipientPicker, public_data: Path
) -> None:
    picker.set_zip("60601")
    assert "zccd.csv" in picker.message_label.text()
    import_congress(picker, public_data, qtbot)
    picker.set_zip("00000")
    assert picker.message_label.text().startswith("No district found for ZIP 00000.")
    assert picker.message_label.objectName() == "warning"
    assert picker.zip_list.count() == 0
    picker.tabs.setCurrentIndex(1)
    picker.level_combo.setCurrentIndex(picker.level_combo.findData("state"))
    picker.find_state()
    assert "not imported yet" in picker.message_label.text()


def test_bad_import_file_keeps_data_and_says_why(
    qtbot: QtBot, picker: RecipientPicker, public_data: Path, tmp_path: Path
) -> None:
    import_congress(picker, public_data, qtbot)
    broken = tmp_path / "legislators-current.json"
    broken.write_text("[{", encoding="utf-8")
    picker.choose_files = lambda: [broken]
    qtbot.mouseClick(picker.import_button, Qt.MouseButton.LeftButton)
    assert "legislators-current.json is not valid JSON" in picker.message_label.text()
    picker.set_zip("60601")
    assert picker.zip_list.count() == 3


def test_address_book_add_edit_delete_import(
    qtbot: QtBot, picker: RecipientPicker, tmp_path: Path
) -> None:
    book = picker.book_tab
    picker.tabs.setCurrentWidget(book)
    book.edit_contact = lambda entry: BookEntry(
        name="Ana Núñez",
        title="Councilmember",
        organization="City Council of Springfield",
        address="800 E. Monroe St.\nSpringfield, IL 62701",
    )
    qtbot.mouseClick(book.add_button, Qt.MouseButton.LeftButton)
    assert book.list.count() == 1 and "Added Ana Núñez." in picker.message_label.text()
    with qtbot.waitSignal(picker.recipients_chosen) as chosen:
        tick(book.list, 0)
    assert chosen.args == [["book-1"]]
    # Editing a chosen contact updates the chosen recipient too.
    book.list.setCurrentRow(0)
    book.edit_contact = lambda entry: BookEntry(
        name=entry.name if entry else "",
        title="Council President",
        organization="City Council of Springfield",
        address="1 New St",
    )
    qtbot.mouseClick(book.edit_button, Qt.MouseButton.LeftButton)
    assert picker.chosen()[0].title == "Council President"
    assert book.list.item(0).checkState() == Qt.CheckState.Checked
    csv_file = tmp_path / "council.csv"
    csv_file.write_bytes(
        "name,title,organization,address\nBo Díaz,Mayor,City,2 Main\n".encode("latin-1")
    )
    book.choose_import = lambda: csv_file
    qtbot.mouseClick(book.import_button, Qt.MouseButton.LeftButton)
    assert book.list.count() == 2 and "Bo Díaz" in book.list.item(1).text()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,address\nX,1 Main\n", encoding="utf-8")
    book.choose_import = lambda: bad
    qtbot.mouseClick(book.import_button, Qt.MouseButton.LeftButton)
    assert "no column named \u201ctitle\u201d" in picker.message_label.text()
    # Delete the chosen contact after confirming: it leaves the choice as well.
    book.list.setCurrentRow(0)
    book.confirm = lambda question: "Ana Núñez" in question
    with qtbot.waitSignal(picker.recipients_chosen) as chosen:
        qtbot.mouseClick(book.delete_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [[]] and book.list.count() == 1


def test_contact_dialog_checks_before_closing(qtbot: QtBot) -> None:
    dialog = ContactDialog()
    qtbot.addWidget(dialog)
    dialog.state.setText("ZZ")
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog) and "name is required" in dialog.error.text()
    dialog.name.setText("Ana")
    dialog.accept()
    assert "two-letter code" in dialog.error.text() and dialog.entry() is None
    dialog.state.setText("il")
    dialog.accept()
    entry = dialog.entry()
    assert entry is not None and entry.state == "IL" and entry.kind == "city_council"


def test_address_book_shows_source_and_date_and_exports_vcard(
    qtbot: QtBot, picker: RecipientPicker, directory: Directory, tmp_path: Path
) -> None:
    book = picker.book_tab
    directory.book_add(
        BookEntry(
            name="王小明",
            organization="Cook County Board",
            address="118 N. Clark St., Room 567\nChicago, IL 60602",
            source="phone call",
            verified_on="2026-11-20",
        )
    )
    directory.book_add(BookEntry(name="Ana Núñez", verified_on="2025-11-01"))
    picker.refresh()
    texts = [book.list.item(i).text() for i in range(book.list.count())]
    assert "Source: phone call\nVerified on 2026-11-20" in texts[1]
    assert "Verified on 2025-11-01, more than a year ago" in texts[0]
    out = tmp_path / "contacts.vcf"
    book.choose_export = lambda: (out, "vcard")
    qtbot.mouseClick(book.export_button, Qt.MouseButton.LeftButton)
    assert "Saved 2 contacts to contacts.vcf." in picker.message_label.text()
    assert out.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2
    book.choose_import = lambda: out
    with qtbot.waitSignal(book.changed):
        qtbot.mouseClick(book.import_button, Qt.MouseButton.LeftButton)
    assert "Added 2 contacts from contacts.vcf." in picker.message_label.text()
    assert book.list.count() == 4
    assert [entry for _r, entry in directory.book_contacts()][2].address == (
        "118 N. Clark St., Room 567\nChicago, IL 60602"
    )
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    book.choose_export = lambda: (tmp_path / "a-file" / "contacts.csv", "csv")
    qtbot.mouseClick(book.export_button, Qt.MouseButton.LeftButton)
    assert picker.message_label.objectName() == "warning"
    assert "Could not write" in picker.message_label.text()


def test_picker_puts_the_address_book_first_for_county_letters(
    qtbot: QtBot, picker: RecipientPicker
) -> None:
    assert picker.tabs.currentWidget() is picker.zip_tab
    picker.set_level("county")
    assert [picker.tabs.widget(i) for i in range(3)] == [
        picker.book_tab,
        picker.zip_tab,
        picker.state_tab,
    ]
    assert "A county letter" in picker.local_label.text()
    assert picker.local_label.isVisibleTo(picker)
    picker.set_zip("60601", search=False)
    assert picker.tabs.currentWidget() is picker.book_tab
    picker.set_level("state")
    assert picker.tabs.widget(0) is picker.zip_tab and picker.tabs.widget(2) is picker.book_tab
    assert not picker.local_label.isVisibleTo(picker)
    picker.set_zip("60601", search=False)
    assert picker.tabs.currentWidget() is picker.zip_tab


def test_contact_dialog_keeps_source_and_verified_date(qtbot: QtBot) -> None:
    dialog = ContactDialog(
        BookEntry(name="Ana", source="City clerk's website"), today=lambda: date(2026, 12, 1)
    )
    qtbot.addWidget(dialog)
    assert dialog.source.text() == "City clerk's website"
    dialog.verified_on.setText("1 Dec")
    dialog.accept()
    assert "YYYY-MM-DD" in dialog.error.text() and dialog.entry() is None
    qtbot.mouseClick(dialog.today_button, Qt.MouseButton.LeftButton)
    assert dialog.verified_on.text() == "2026-12-01"
    dialog.accept()
    entry = dialog.entry()
    assert entry is not None and entry.verified_on == "2026-12-01"
    assert entry.source == "City clerk's website"
