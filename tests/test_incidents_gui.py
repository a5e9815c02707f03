from __future__ import annotations

from pathlib import Path

import pytest
from incidents_support import CHEAP_N
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from window_helpers import seen_bottom, show_page

from toolkit import i18n
from toolkit.gui.app import create_main_window
from toolkit.gui.context import AppContext
from toolkit.gui.incidents.attachments_panel import AttachmentsPanel
from toolkit.gui.main_window import MainWindow
from toolkit.gui.pages.incidents_page import IncidentsPage
from toolkit.incidents import attachments as att
from toolkit.incidents import vault
from toolkit.incidents.package import verify_package
from toolkit.pseudo_locale import PseudoTranslations
from toolkit.settings import LoadResult, Settings

PASS = "gui passphrase 1"


def make_page(qtbot: QtBot, data_dir: Path) -> tuple[IncidentsPage, list[str]]:
    page = IncidentsPage(AppContext(settings=Settings(), data_dir=data_dir))
    qtbot.addWidget(page)
    page.unlock_view.kdf_n = CHEAP_N
    codes: list[str] = []
    page.show_recovery = lambda name, code: codes.append(code)
    return page, codes


def create(page: IncidentsPage, qtbot: QtBot, name: str = "household") -> None:
    view = page.unlock_view
    view.new_name.setText(name)
    view.new_passphrase.line.setText(PASS)
    view.confirm_passphrase.line.setText(PASS)
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)


def form_text(page: IncidentsPage, name: str) -> QLineEdit | QPlainTextEdit:
    widget = page.vault_view.form.widgets[name]
    assert isinstance(widget, QLineEdit | QPlainTextEdit)
    return widget


def test_create_add_lock_unlock_and_export(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    page, codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    assert page.stack.currentWidget() is page.vault_view and len(codes) == 1
    assert vault.list_vaults(data_dir) == ["household"]

    form_text(page, "start_date").setText("2025-06-01")  # type: ignore[union-attr]
    form_text(page, "what_happened").setPlainText("Agents at the door of Señora Ruiz")  # type: ignore[union-attr]
    qtbot.mouseClick(page.vault_view.save_button, Qt.MouseButton.LeftButton)
    assert page.vault_view.list.count() == 1

    photo = tmp_path / "door.jpg"
    photo.write_bytes(b"jpeg bytes")
    with qtbot.waitSignal(page.vault_view.jobs.done, timeout=10_000):
        page.vault_view.add_files([photo])
    table = page.vault_view.attachments.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == "door.jpg"
    assert len(table.item(0, 2).text()) == 64

    report = tmp_path / "report.pdf"
    page.ask_save_path = lambda title, name, filters: str(report)
    page.export_report()
    printed = " ".join(page_.extract_text() for page_ in PdfReader(report).pages)
    assert "Señora Ruiz" in printed  # the statement (page 1 is the cover)
    # The page hands the report its files: "door.jpg" is read (and found not to be an image).
    assert "the app cannot read this image" in " ".join(printed.split())
    package = tmp_path / "evidence.zip"
    page.ask_save_path = lambda title, name, filters: str(package)
    with qtbot.waitSignal(page.vault_view.jobs.done, timeout=10_000):
        page.export_package()
    assert package.is_file() and "written" in page.vault_view.notice.text()

    page.vault_view.search.setText("ruiz")
    assert page.vault_view.list.count() == 1
    page.vault_view.search.setText("nobody")
    assert page.vault_view.list.count() == 0

    qtbot.mouseClick(page.vault_view.lock_button, Qt.MouseButton.LeftButton)
    assert page.vault is None and page.stack.currentWidget() is page.unlock_view
    assert form_text(page, "what_happened").toPlainText() == ""  # type: ignore[union-attr]
    assert page.vault_view.list.count() == 0 and page.vault_view.attachments.table.rowCount() == 0
    assert page.vault_view.search.text() == ""

    page.unlock_view.use_recovery.setChecked(True)
    page.unlock_view.passphrase.line.setText(codes[0])
    qtbot.mouseClick(page.unlock_view.unlock_button, Qt.MouseButton.LeftButton)
    assert page.vault is not None and page.vault_view.list.count() == 1
    assert page.unlock_view.passphrase.text() == ""

    page.lock()
    page.unlock_view.passphrase.line.setText("wrong passphrase")
    qtbot.mouseClick(page.unlock_view.unlock_button, Qt.MouseButton.LeftButton)
    assert page.vault is None
    assert "Wrong passphrase" in page.unlock_view.message.text()


def test_drafts_autosave_and_come_back(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    form_text(page, "what_happened").setPlainText("half a story")  # type: ignore[union-attr]
    assert page.vault_view.autosave.isActive()
    with qtbot.waitSignal(page.vault_view.autosave.timeout, timeout=5000):
        page.vault_view.autosave.setInterval(10)
        page.vault_view.autosave.start()
    page.before_leave()  # the window closing or the person leaving the page locks
    assert page.vault is None
    page.unlock_view.passphrase.line.setText(PASS)
    page.unlock_view.unlock()
    assert page.vault_view.list.count() == 1
    assert page.vault_view.list.item(0).text().startswith("Draft")
    page.vault_view.list.setCurrentRow(0)
    assert form_text(page, "what_happened").toPlainText() == "half a story"  # type: ignore[union-attr]


def test_idle_lock(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    assert page.vault is not None
    form_text(page, "start_date").setText("2025-06-01")  # type: ignore[union-attr]
    page.idle.timer.setInterval(30)
    page.idle.start()
    with qtbot.waitSignal(page.idle.idle, timeout=5000):
        pass
    assert page.vault is None
    assert form_text(page, "start_date").text() == ""  # type: ignore[union-attr]


def test_delete_record_and_vault_ask_first(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    form_text(page, "start_date").setText("2025-06-01")  # type: ignore[union-attr]
    page.vault_view.save()
    page.confirm = lambda question: False
    page.delete_record()
    assert page.vault_view.list.count() == 1
    page.confirm = lambda question: True
    page.delete_record()
    assert page.vault_view.list.count() == 0
    asked: list[str] = []
    page.ask_delete_vault = lambda question: asked.append(question)  # type: ignore[func-returns-value]
    page.delete_vault()  # cancelled
    assert asked and vault.list_vaults(data_dir) != [] and page.vault is not None
    page.ask_delete_vault = lambda question: "not the passphrase"
    page.delete_vault()
    assert vault.list_vaults(data_dir) != [] and page.vault is not None
    assert "not deleted" in page.vault_view.notice.text()
    qtbot.waitUntil(
        lambda: vault.Vault("household", data_dir).retry_state().wait <= 0, timeout=5000
    )
    page.ask_delete_vault = lambda question: PASS
    page.delete_vault()
    assert vault.list_vaults(data_dir) == [] and page.vault is None


# -- first run and the create box --
def test_first_run_shows_only_create_with_a_primary_button(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    view = page.unlock_view
    assert view.open_box.isHidden() and view.new_vault_button.isHidden()
    assert not view.create_box.isHidden() and view.back_button.isHidden()
    assert view.create_button.objectName() == "primary"
    texts = " ".join(label.text() for label in view.create_box.findChildren(QLabel))
    assert "recovery code" in texts and "passphrase" in texts


def test_with_vaults_open_comes_first_and_create_waits(qtbot: QtBot, data_dir: Path) -> None:
    vault.create_vault("first", PASS, data_dir=data_dir, kdf_n=CHEAP_N)[0].lock()
    page, codes = make_page(qtbot, data_dir)
    view = page.unlock_view
    assert not view.open_box.isHidden() and view.create_box.isHidden()
    assert view.unlock_button.isEnabled() and not view.new_vault_button.isHidden()
    qtbot.mouseClick(view.new_vault_button, Qt.MouseButton.LeftButton)
    assert not view.create_box.isHidden() and view.new_vault_button.isHidden()
    assert view.open_box.isHidden()  # one primary action on screen at a time
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert view.create_box.isHidden() and not view.open_box.isHidden()
    qtbot.mouseClick(view.new_vault_button, Qt.MouseButton.LeftButton)
    create(page, qtbot)
    assert page.vault is not None and page.vault.name == "household" and codes
    page.lock()
    assert view.create_box.isHidden() and view.vault_name.text() == "household"


# -- long jobs off the GUI thread --
def _saved_record(page: IncidentsPage, qtbot: QtBot) -> None:
    create(page, qtbot)
    form_text(page, "start_date").setText("2025-06-01")  # type: ignore[union-attr]
    assert page.vault_view.save()


def _rows(page: IncidentsPage) -> tuple[int, int]:
    assert page.vault is not None
    conn = page.vault.conn()
    chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    return int(chunks), int(conn.execute("SELECT count(*) FROM attachments").fetchone()[0])


def test_import_runs_in_a_worker_with_progress(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    page, _codes = make_page(qtbot, data_dir)
    _saved_record(page, qtbot)
    video = tmp_path / "video.mp4"
    video.write_bytes(b"v" * (3 * att.CHUNK_SIZE))
    jobs = page.vault_view.jobs
    seen: list[int] = []
    jobs.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(jobs.done, timeout=10_000) as finished:
        page.vault_view.add_files([video])
        assert jobs.running and not jobs.isHidden()
        assert not page.vault_view.splitter.isEnabled()  # nothing else touches the vault
        assert page.vault_view.lock_button.isEnabled()
    assert finished.args == ["Files attached: 1."]
    assert seen and seen[-1] == 1000 and not jobs.running and jobs.isHidden()
    assert page.vault_view.splitter.isEnabled()
    assert page.vault_view.attachments.table.rowCount() == 1
    assert _rows(page) == (3, 1)


def test_cancelled_import_leaves_no_partial_rows(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    page, _codes = make_page(qtbot, data_dir)
    _saved_record(page, qtbot)
    video = tmp_path / "video.mp4"
    video.write_bytes(b"v" * (4 * att.CHUNK_SIZE))
    jobs = page.vault_view.jobs
    with qtbot.waitSignal(jobs.done, timeout=10_000) as finished:
        page.vault_view.add_files([video])
        qtbot.mouseClick(jobs.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["Cancelled. No file was added to the vault."]
    assert _rows(page) == (0, 0) and page.vault_view.attachments.table.rowCount() == 0
    with qtbot.waitSignal(jobs.done, timeout=10_000):  # the vault still takes files
        page.vault_view.add_files([video])
    assert _rows(page) == (4, 1)


def test_locking_during_an_import_cancels_it_first(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    page, _codes = make_page(qtbot, data_dir)
    _saved_record(page, qtbot)
    video = tmp_path / "video.mp4"
    video.write_bytes(b"v" * (4 * att.CHUNK_SIZE))
    page.vault_view.add_files([video])
    page.vault_view.jobs.cancel()  # stop at the first chunk so the test is deterministic
    qtbot.mouseClick(page.vault_view.lock_button, Qt.MouseButton.LeftButton)
    assert page.vault is None and not page.vault_view.jobs.running
    reopened = vault.Vault("household", data_dir)
    reopened.unlock(PASS)
    assert reopened.conn().execute("SELECT count(*) FROM chunks").fetchone()[0] == 0
    reopened.lock()


def test_idle_during_a_job_locks_when_it_ends(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    _saved_record(page, qtbot)
    photo = tmp_path / "door.jpg"
    photo.write_bytes(b"jpeg")
    with qtbot.waitSignal(page.vault_view.jobs.done, timeout=10_000):
        page.vault_view.add_files([photo])
        page.idle_timeout()
        assert page.vault is not None  # not in the middle of the job
    assert page.vault is None
    reopened = vault.Vault("household", data_dir)
    reopened.unlock(PASS)
    assert reopened.conn().execute("SELECT count(*) FROM attachments").fetchone()[0] == 1
    reopened.lock()


def test_package_is_written_in_a_worker_and_cancel_writes_nothing(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    page, _codes = make_page(qtbot, data_dir)
    _saved_record(page, qtbot)
    video = tmp_path / "video.mp4"
    video.write_bytes(b"v" * (3 * att.CHUNK_SIZE))
    jobs = page.vault_view.jobs
    with qtbot.waitSignal(jobs.done, timeout=10_000):
        page.vault_view.add_files([video])
    package = tmp_path / "evidence.zip"
    page.ask_save_path = lambda title, name, filters: str(package)
    with qtbot.waitSignal(jobs.done, timeout=10_000) as finished:
        page.export_package()
        jobs.cancel()
    assert finished.args == ["Cancelled. No package was written."]
    assert list(tmp_path.glob("*evidence*")) == []
    with qtbot.waitSignal(jobs.done, timeout=10_000):
        page.export_package()
    assert verify_package(package).ok


# -- wipe after wrong passphrases --
def test_wipe_setting_is_off_by_default_and_saved_in_the_vault(
    qtbot: QtBot, data_dir: Path
) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    wipe = page.vault_view.wipe
    assert wipe.isHidden() and not wipe.enabled.isChecked() and not wipe.count.isEnabled()
    qtbot.mouseClick(page.vault_view.wipe_toggle, Qt.MouseButton.LeftButton)
    assert not wipe.isHidden() and "erased for good" in wipe.warning.text()
    assert (wipe.count.minimum(), wipe.count.maximum()) == (3, 20)
    wipe.enabled.setChecked(True)
    wipe.count.setValue(4)
    assert page.vault is not None and page.vault.wipe_after() == 4
    assert "4" in wipe.message.text()
    page.lock()
    assert vault.Vault("household", data_dir).retry_state().tries_left == 4
    page.unlock_view.passphrase.line.setText(PASS)
    page.unlock_view.unlock()
    assert wipe.enabled.isChecked() and wipe.count.value() == 4
    wipe.enabled.setChecked(False)
    assert page.vault.wipe_after() == 0


# -- the countdown after a wrong passphrase --
def test_countdown_after_a_wrong_passphrase_then_unlock_comes_back(
    qtbot: QtBot, data_dir: Path
) -> None:
    made, _code = vault.create_vault("household", PASS, data_dir=data_dir, kdf_n=CHEAP_N)
    made.set_wipe_after(5)
    made.lock()
    page, _codes = make_page(qtbot, data_dir)
    view = page.unlock_view
    view.vault_name.setText("household")  # typed: vault names are never listed
    view.passphrase.line.setText("wrong passphrase")
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    assert "Wrong passphrase" in view.message.text() and "4 more wrong tries" in view.message.text()
    assert not view.unlock_button.isEnabled() and "0:01" in view.unlock_button.text()
    view.passphrase.line.setText(PASS)
    view.unlock()  # pressing Enter during the wait does nothing
    assert page.vault is None
    qtbot.waitUntil(view.unlock_button.isEnabled, timeout=5000)
    assert view.unlock_button.text() == "Unlock"
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    assert page.vault is not None


# -- idle time counts only when nobody touches the laptop --
def test_user_input_resets_the_idle_timer(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    timer = page.idle.timer
    timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer rounds remainingTime()
    timer.setInterval(60_000)
    page.idle.start()
    target = page.vault_view.search

    def drained() -> bool:
        return timer.remainingTime() < 59_900

    events = [
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"),
        QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(5, 5),
            QPointF(5, 5),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    ]
    for event in events:
        qtbot.waitUntil(drained, timeout=2000)
        QApplication.sendEvent(target, event)
        assert timer.remainingTime() > 59_900, event.type()
    qtbot.waitUntil(drained, timeout=2000)
    QApplication.sendEvent(target, QEvent(QEvent.Type.UpdateRequest))  # not a person
    assert timer.remainingTime() < 59_900
    assert page.vault is not None


def test_section_buttons_switch_the_form_and_follow_it(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    form = page.vault_view.form
    last = form.tabs.count() - 1
    qtbot.mouseClick(form.section_group.button(last), Qt.MouseButton.LeftButton)
    assert form.tabs.currentIndex() == last
    form.clear()  # locking goes back to the first section, and its button shows it
    assert form.tabs.currentIndex() == 0 and form.section_group.button(0).isChecked()


def test_recovery_dialog_says_which_letters_of_the_name_the_sheet_cannot_print(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer

    page, _codes = make_page(qtbot, data_dir)
    page.show_recovery = page._show_recovery
    page.ask_save_path = lambda title, name, filters: str(tmp_path / "sheet.pdf")
    seen: dict[str, str] = {}

    def save_then_close() -> None:
        dialog = page.recovery_dialog
        assert dialog is not None
        dialog.save()
        seen["message"] = dialog.message.text()
        dialog.accept()

    QTimer.singleShot(200, save_then_close)
    create(page, qtbot, name="ትግርኛ")  # Tigrinya, in Ge'ez letters no bundled font has
    assert "sheet.pdf" in seen["message"] and "cannot be printed" in seen["message"]
    assert "ት" in seen["message"] and (tmp_path / "sheet.pdf").exists()


# -- issue 14: the recovery dialog and the idle lock, erase words, changes outside the app --
def test_idle_lock_closes_the_recovery_dialog_and_writes_no_sheet(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer

    page, _codes = make_page(qtbot, data_dir)
    page.show_recovery = page._show_recovery
    seen: dict[str, str] = {}

    def idle_then_save() -> None:
        dialog = page.recovery_dialog
        assert dialog is not None and dialog.code_label.text()
        page.idle_timeout()
        seen["code"] = dialog.code_label.text()
        seen["visible"] = str(dialog.isVisible())
        page.ask_save_path = lambda title, name, filters: str(tmp_path / "sheet.pdf")
        dialog.save()
        seen["message"] = dialog.message.text()

    QTimer.singleShot(200, idle_then_save)
    create(page, qtbot)  # exec() returns once the idle lock closes the dialog
    assert page.vault is None and page.recovery_dialog is None
    assert seen["code"] == "" and seen["visible"] == "False"
    assert "not written" in seen["message"]
    assert not (tmp_path / "sheet.pdf").exists()


def test_delete_whole_vault_says_what_erase_cannot_reach(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    asked: list[str] = []
    page.ask_delete_vault = lambda question: asked.append(question) or PASS  # type: ignore[func-returns-value]
    page.delete_vault()
    assert "copies made earlier" in asked[0]
    assert vault.list_vaults(data_dir) == []


def test_changes_outside_the_app_are_shown_at_unlock(qtbot: QtBot, data_dir: Path) -> None:
    import sqlite3

    made, _code = vault.create_vault("household", PASS, data_dir=data_dir, kdf_n=CHEAP_N)
    made.save(vault.Incident(start_date="2025-01-02", what_happened="one"))
    made.lock()
    conn = sqlite3.connect(vault.vault_path("household", data_dir))
    with conn:
        conn.execute("DELETE FROM records")
    conn.close()
    page, _codes = make_page(qtbot, data_dir)
    page.unlock_view.refresh()
    page.unlock_view.vault_name.setText("household")
    page.unlock_view.passphrase.line.setText(PASS)
    page.unlock_view.unlock()
    assert "changed outside the app" in page.vault_view.notice.text()
    assert "removed" in page.vault_view.notice.text()


def test_report_export_names_changes_outside_the_app_first(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    import sqlite3

    made, _code = vault.create_vault("household", PASS, data_dir=data_dir, kdf_n=CHEAP_N)
    item = made.save(vault.Incident(start_date="2025-01-02", what_happened="one"))
    (tmp_path / "f.bin").write_bytes(b"f" * 100)
    att.add_file(made, item.id, tmp_path / "f.bin")
    made.lock()
    conn = sqlite3.connect(vault.vault_path("household", data_dir))
    with conn:
        conn.execute("DELETE FROM chunks")
        conn.execute("DELETE FROM attachments")
    conn.close()
    page, _codes = make_page(qtbot, data_dir)
    page.unlock_view.refresh()
    page.unlock_view.vault_name.setText("household")
    page.unlock_view.passphrase.line.setText(PASS)
    page.unlock_view.unlock()
    page.vault_view.list.setCurrentRow(0)
    asked: list[str] = []
    page.confirm = lambda question: asked.append(question) or False  # type: ignore[func-returns-value]
    page.ask_save_path = lambda title, name, filters: str(tmp_path / "report.pdf")
    with qtbot.waitSignal(page.vault_view.jobs.done, timeout=10_000, raising=False):
        page.export_report()
    assert asked and "a file of record" in asked[0] and "was removed" in asked[0]
    assert not (tmp_path / "report.pdf").exists()


# -- a shared computer: vault names are typed, never listed --
def test_vault_names_are_typed_and_a_wrong_name_reveals_nothing(
    qtbot: QtBot, data_dir: Path
) -> None:
    vault.create_vault("Peña-familia", PASS, data_dir=data_dir, kdf_n=CHEAP_N)[0].lock()
    other = vault.create_vault("Núñez", PASS, data_dir=data_dir, kdf_n=CHEAP_N)[0]
    other.set_wipe_after(5)
    other.lock()
    page, _codes = make_page(qtbot, data_dir)
    view = page.unlock_view
    shown = " ".join(w.text() for w in view.findChildren(QLabel) if w.isVisibleTo(view))
    assert view.vault_name.text() == "" and "Núñez" not in shown and "Peña" not in shown
    view.unlock()
    assert "Type the name" in view.message.text()
    view.vault_name.setText("nobody")
    view.passphrase.line.setText("wrong passphrase")
    view.unlock()
    assert view.message.text() == "No vault has that name, or the passphrase is wrong."
    view.vault_name.setText("Peña-familia")
    view.passphrase.line.setText("wrong passphrase")
    view.unlock()
    assert "Wrong passphrase" in view.message.text()
    # Typos against one family's vault never count against another's.
    assert vault.Vault("Núñez", data_dir).retry_state().tries_left == 5
    qtbot.waitUntil(view.unlock_button.isEnabled, timeout=5000)
    view.passphrase.line.setText(PASS)
    view.unlock()
    assert page.vault is not None and page.vault.name == "Peña-familia"


# -- the open vault's main actions are on screen, not below the fold --
def open_in_window(
    qtbot: QtBot, window: MainWindow, opened: vault.Vault, width: int, height: int
) -> IncidentsPage:
    page = show_page(qtbot, window, "incidents", width, height)
    assert isinstance(page, IncidentsPage)
    page.show_vault(opened)
    # Rows that wrap change minimum heights; the layouts settle over a few event rounds.
    for _round in range(10):
        QApplication.processEvents()
    return page


@pytest.mark.parametrize(
    ("language", "large_text"),
    [("en", False), ("pseudo", False), ("ar", False), ("en", True), ("pseudo", True), ("ar", True)],
)
def test_every_record_action_shows_without_scrolling_at_1280x800(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, language: str, large_text: bool
) -> None:
    if language == "pseudo":  # every string 40 % longer: more rows of wrapped buttons
        monkeypatch.setattr(i18n, "load_catalog", lambda _language: PseudoTranslations())
    opened = vault.create_vault("household", PASS, data_dir=data_dir, kdf_n=CHEAP_N)[0]
    settings = Settings(language="en" if language == "pseudo" else language, large_text=large_text)
    window = create_main_window(LoadResult(settings))
    page = open_in_window(qtbot, window, opened, 1280, 800)
    view = page.vault_view
    seen = seen_bottom(window, "incidents")
    buttons = [b for b in view.findChildren(QPushButton) if b.isVisibleTo(view)]
    shown = {b.text() for b in buttons}
    for label in ("Save", "Lock", "Export report", "Export package", "Delete record", "New record"):
        assert i18n._(label) in shown
    for button in buttons:
        top = button.mapTo(window, button.rect().topLeft()).y()
        bottom = button.mapTo(window, button.rect().bottomLeft()).y()
        assert top >= 0 and bottom <= min(seen, window.height()), (
            f"{button.text()!r} at {top}..{bottom}, the window shows 0..{seen}"
        )


def test_attachments_take_one_row_until_there_are_files(qtbot: QtBot) -> None:
    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.show()
    empty = panel.sizeHint().height()
    assert panel.empty_hint.isVisible() and not panel.table.isVisible()
    assert empty <= panel.add_button.sizeHint().height() + 8
    info = att.AttachmentInfo("a1", "r1", "photo.jpg", 12345, "ab" * 32, "image", "2026-12-02")
    panel.set_items([info])
    assert panel.table.isVisible() and not panel.empty_hint.isVisible()
    assert panel.table.item(0, 0).text() == "photo.jpg"
    panel.clear()
    assert panel.empty_hint.isVisible() and not panel.table.isVisible()


def test_a_small_window_scrolls_to_every_action_and_squeezes_no_row(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "load_catalog", lambda _language: PseudoTranslations())
    opened = vault.create_vault("household", PASS, data_dir=data_dir, kdf_n=CHEAP_N)[0]
    window = create_main_window(LoadResult(Settings()))
    page = open_in_window(qtbot, window, opened, 1024, 600)
    form, area = page.vault_view.form, window.page_areas["incidents"]
    # The wrapped rows of section buttons keep their room: the form starts below them.
    sections = form.section_group.buttons()
    lowest = max(b.mapTo(form, b.rect().bottomLeft()).y() for b in sections)
    assert form.tabs.y() > lowest and form.tabs.height() >= form.tabs.minimumHeight()
    for button in page.vault_view.findChildren(QPushButton):
        if not button.isVisibleTo(page):
            continue
        area.ensureWidgetVisible(button)
        top = button.mapTo(area.viewport(), button.rect().topLeft()).y()
        assert top >= 0 and top + button.height() <= area.viewport().height(), button.text()


def test_a_date_typed_in_persian_digits_saves(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    form_text(page, "start_date").setText("۲۰۲۶-۱۱-۳۰")  # type: ignore[union-attr]
    form_text(page, "start_time").setText("۰۶:۱۰")  # type: ignore[union-attr]
    qtbot.mouseClick(page.vault_view.save_button, Qt.MouseButton.LeftButton)
    assert page.vault_view.notice.text() == i18n._("Saved."), page.vault_view.notice.text()
    assert page.vault is not None
    saved = page.vault.records()[0]
    assert (saved.start_date, saved.start_time) == ("2026-11-30", "06:10")


# -- a backup on a USB stick, and restoring it, without the command line --
def test_back_up_from_the_window_then_restore_it_under_a_new_name(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    form_text(page, "start_date").setText("2026-11-30")  # type: ignore[union-attr]
    form_text(page, "what_happened").setPlainText("Agents at the door")  # type: ignore[union-attr]
    qtbot.mouseClick(page.vault_view.save_button, Qt.MouseButton.LeftButton)
    stick = tmp_path / "stick"
    stick.mkdir()
    page.ask_folder = lambda title: str(stick)
    view = page.vault_view
    view.wipe_toggle.setChecked(True)
    assert view.backup_row.isVisibleTo(view)
    qtbot.mouseClick(view.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.jobs.running, timeout=10_000)
    backups = list(stick.glob(f"*{vault.BACKUP_SUFFIX}"))
    assert len(backups) == 1 and str(backups[0]) in view.notice.text()
    assert b"Agents at the door" not in backups[0].read_bytes()  # encrypted like the vault

    page.lock()
    unlock = page.unlock_view
    unlock.show_create()
    unlock.new_name.setText("household-copy")
    unlock.pick_backup = lambda: str(backups[0])
    qtbot.mouseClick(unlock.restore_button, Qt.MouseButton.LeftButton)
    assert "household-copy" in unlock.message.text()
    assert unlock.vault_name.text() == "household-copy" and unlock.open_box.isVisibleTo(unlock)
    unlock.passphrase.line.setText(PASS)
    unlock.unlock()
    assert page.vault is not None and page.vault.name == "household-copy"
    assert page.vault.records()[0].what_happened == "Agents at the door"


def test_restoring_over_a_vault_or_from_a_wrong_file_says_so(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    page.lock()
    unlock = page.unlock_view
    unlock.show_create()
    not_a_backup = tmp_path / "photo.tkbackup"
    not_a_backup.write_bytes(b"not a vault")
    unlock.new_name.setText("household")
    unlock.pick_backup = lambda: str(not_a_backup)
    unlock.restore_backup()
    assert "already exists" in unlock.message.text()
    unlock.new_name.setText("other")
    unlock.restore_backup()
    assert "photo.tkbackup" in unlock.message.text()
    assert vault.list_vaults(data_dir) == ["household"]
