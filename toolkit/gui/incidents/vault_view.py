"""An unlocked vault: the list with search, the form, attachments and the actions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from toolkit.errors import UserError
from toolkit.gui.common.message import ERROR, OK, WARNING, InlineMessage
from toolkit.gui.common.wrapping_column import WrappingColumn
from toolkit.gui.incidents.attachments_panel import AttachmentsPanel
from toolkit.gui.incidents.flow_layout import FlowLayout
from toolkit.gui.incidents.job_panel import JobPanel
from toolkit.gui.incidents.job_worker import Work
from toolkit.gui.incidents.record_form import RecordForm
from toolkit.gui.incidents.wipe_setting import WipeSetting
from toolkit.i18n import _
from toolkit.incidents import attachments as att
from toolkit.incidents import record as record_mod
from toolkit.incidents.vault import Vault

AUTOSAVE_MS = 3000
DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1


class VaultView(QWidget):
    lock_requested = Signal()
    # Export actions are handled by the page, which owns the file dialogs.
    export_report = Signal()
    export_package = Signal()
    public_photo = Signal()
    delete_record = Signal()
    delete_vault = Signal()
    backup_requested = Signal()
    job_ended = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.vault: Vault | None = None
        self.drafts: dict[str, dict[str, object]] = {}
        self.dirty = False
        self.pick_files: Callable[[], list[Path]] = lambda: []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.vault_label = QLabel("")
        self.vault_label.setWordWrap(True)
        top.addWidget(self.vault_label, 1)
        self.wipe_toggle = QPushButton(_("Vault settings"))
        self.wipe_toggle.setCheckable(True)
        top.addWidget(self.wipe_toggle)
        self.delete_vault_button = QPushButton(_("Delete whole vault"))
        self.delete_vault_button.setObjectName("danger")
        self.delete_vault_button.clicked.connect(self.delete_vault.emit)
        top.addWidget(self.delete_vault_button)
        self.lock_button = QPushButton(_("Lock"))
        self.lock_button.setObjectName("primary")
        self.lock_button.clicked.connect(self.lock_requested.emit)
        top.addWidget(self.lock_button)
        layout.addLayout(top)
        self.wipe = WipeSetting()
        self.wipe.hide()
        self.wipe_toggle.toggled.connect(self.wipe.setVisible)
        layout.addWidget(self.wipe)
        self.backup_row = self._backup_row()
        self.backup_row.hide()
        self.wipe_toggle.toggled.connect(self.backup_row.setVisible)
        layout.addWidget(self.backup_row)

        self.splitter = splitter = QSplitter()
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search the records"))
        self.search.setAccessibleName(_("Search the records"))
        self.search.textChanged.connect(self.fill_list)
        left_column.addWidget(self.search)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Records"))
        self.list.currentItemChanged.connect(self._selected)
        left_column.addWidget(self.list, 1)
        # Under the list it acts on, above New record: the buttons beside Save wrap one row
        # less (Save stays on screen with large text), and New record, not Delete, is nearest.
        self.delete_button = QPushButton(_("Delete record"))
        self.delete_button.setObjectName("danger")
        self.delete_button.clicked.connect(self.delete_record.emit)
        left_column.addWidget(self.delete_button)
        self.new_button = QPushButton(_("New record"))
        self.new_button.clicked.connect(self.new_record)
        left_column.addWidget(self.new_button)
        splitter.addWidget(left)

        right = WrappingColumn()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        self.form = RecordForm()
        self.form.changed.connect(self._changed)
        right_column.addWidget(self.form, 1)
        self.attachments = AttachmentsPanel()
        self.attachments.files_added.connect(self.add_files)
        self.attachments.pick_requested.connect(lambda: self.add_files(self.pick_files()))
        right_column.addWidget(self.attachments)
        # Errors and confirmations appear here, right above the buttons that caused them.
        self.notice = InlineMessage()
        right_column.addWidget(self.notice)
        # Four big buttons can be wider than a small screen: they wrap onto a second row.
        actions = FlowLayout()
        self.save_button = QPushButton(_("Save"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        actions.addWidget(self.save_button)
        for label, signal in (
            (_("Export report"), self.export_report),
            (_("Export package"), self.export_package),
            (_("Public photo copy"), self.public_photo),
        ):
            button = QPushButton(label)
            button.clicked.connect(signal.emit)
            actions.addWidget(button)
        right_column.addLayout(actions)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        # Room for a record's date and start of its title; the form takes the rest.
        splitter.setSizes([220, 600])
        layout.addWidget(splitter, 1)
        self.jobs = JobPanel()
        self.jobs.done.connect(self._job_done)
        layout.addWidget(self.jobs)

        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_draft)

    def _backup_row(self) -> QWidget:
        """With the vault settings: a copy for a USB stick, so a lost laptop loses nothing."""
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        about = QLabel(
            _(
                "A backup is encrypted like the vault and opens with the same passphrase or "
                "recovery code. Keep it on a USB stick, away from this laptop."
            )
        )
        about.setWordWrap(True)
        row.addWidget(about, 1)
        self.backup_button = QPushButton(_("Back up this vault…"))
        self.backup_button.clicked.connect(self.backup_requested.emit)
        row.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignTop)
        return row_widget

    def heightForWidth(self, width: int) -> int:  # Qt's name
        # The page's scroll area makes a page at least this tall. Asking only the minimum lets
        # the vault fit the window when it can: the form scrolls by itself and takes the room
        # left, and Save and Export stay on screen instead of below the fold.
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout else super().heightForWidth(width)

    # -- showing -----------------------------------------------------------------------------
    def show_vault(self, opened: Vault) -> None:
        self.vault = opened
        self.vault_label.setText(_("Vault: {name}").format(name=opened.name))
        self.drafts = opened.drafts()
        problems = opened.load().errors
        notes = []
        if opened.damage_note:
            notes.append(
                _("This vault is damaged and open read-only: {note}").format(
                    note=opened.damage_note
                )
            )
        changed = [text for texts in opened.integrity.values() for text in texts]
        if changed:
            notes.append(
                _("This vault file was changed outside the app: {changes}.").format(
                    changes="; ".join(changed[:3]) + ("…" if len(changed) > 3 else "")
                )
            )
        if len(problems) > len(changed):
            unreadable = len(problems) - len(changed)
            notes.append(
                _("{n} items could not be read; everything else is shown.").format(n=unreadable)
            )
        self.notice.show_message(" ".join(notes), WARNING)
        self.wipe.show_vault(opened)
        self.fill_list()
        self.new_record()

    def fill_list(self) -> None:
        if self.vault is None:
            return
        query = self.search.text()
        self.list.blockSignals(True)
        self.list.clear()
        saved = {r.id for r in self.vault.records()}
        for draft_id, data in self.drafts.items():
            if draft_id in saved:
                continue
            draft = record_mod.from_dict({**data, "id": draft_id}, validate=False)
            if record_mod.matches(draft, query):
                item = QListWidgetItem(_("Draft: {title}").format(title=draft.title() or "…"))
                item.setData(Qt.ItemDataRole.UserRole, draft_id)
                item.setData(DRAFT_ROLE, True)
                self.list.addItem(item)
        for item_record in self.vault.records():
            if record_mod.matches(item_record, query):
                item = QListWidgetItem(item_record.title())
                item.setData(Qt.ItemDataRole.UserRole, item_record.id)
                self.list.addItem(item)
        self.list.blockSignals(False)

    def _selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None or self.vault is None:
            return
        self.save_draft()
        self.open_record(str(current.data(Qt.ItemDataRole.UserRole)))

    def open_record(self, record_id: str) -> None:
        assert self.vault is not None
        draft = self.drafts.get(record_id)
        if draft is not None:
            self.form.set_data({**draft, "id": record_id})
            self.notice.setText(_("Unsaved changes were restored from the autosaved draft."))
        else:
            self.form.set_record(self.vault.get(record_id))
            self.notice.setText("")
        self.dirty = False
        self.refresh_attachments()

    def refresh_attachments(self) -> None:
        if self.vault is None or not self.form.record_id:
            self.attachments.clear()
            return
        self.attachments.set_items(att.attachments(self.vault, self.form.record_id))

    def new_record(self) -> None:
        self.save_draft()
        self.form.set_record(record_mod.Incident())
        self.list.clearSelection()
        self.dirty = False
        self.attachments.clear()

    # -- saving ------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.dirty = True
        self.autosave.start()

    def save_draft(self) -> None:
        """Autosave the form, encrypted, so a crash or a lock loses nothing."""
        self.autosave.stop()
        if self.vault is None or not self.dirty or not self.vault.writable:
            return
        data = self.form.data()
        record_id = str(data.get("id", ""))
        if not record_id or self.form.is_empty():
            return
        self.vault.save_draft(record_id, data)
        self.drafts[record_id] = data
        self.dirty = False

    def current_record(self) -> record_mod.Incident:
        return record_mod.from_dict(self.form.data())

    def save(self) -> bool:
        if self.vault is None:
            return False
        try:
            saved = self.vault.save(self.current_record())
        except UserError as exc:
            self.notice.show_message(str(exc), ERROR, self.save_button)
            return False
        self.autosave.stop()
        self.drafts.pop(saved.id, None)
        self.dirty = False
        self.fill_list()
        self._select(saved.id)
        self.notice.show_message(_("Saved."), OK)
        return True

    def _select(self, record_id: str) -> None:
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == record_id:
                self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def add_files(self, files: list[Path]) -> None:
        if self.vault is None or not files or self.jobs.running:
            return
        # Files belong to a saved record: save first (this also checks the date).
        if not self.save():
            problem = self.notice.text()
            self.notice.show_message(
                _("No file was added. {problem}").format(problem=problem), ERROR, self.attachments
            )
            return
        opened, record_id, chosen = self.vault, self.form.record_id, [Path(p) for p in files]

        def work(progress: att.Progress, cancelled: att.CancelCheck) -> str:
            added = att.add_files(opened, record_id, chosen, progress=progress, cancelled=cancelled)
            return _("Files attached: {n}.").format(n=len(added))

        self.run_job(
            _("Adding files to the vault…"),
            work,
            _("Cancelled. No file was added to the vault."),
        )

    # -- long jobs ---------------------------------------------------------------------------
    def run_job(self, title: str, work: Work, cancel_message: str) -> None:
        """Run ``work`` off the GUI thread; the record stays on screen but cannot change."""
        self.save_draft()
        if self.jobs.start(title, work, cancel_message):
            self._set_busy(True)
            self.notice.setText("")

    def _set_busy(self, busy: bool) -> None:
        # The worker uses the vault's connection: nothing else may touch it meanwhile.
        for widget in (self.splitter, self.delete_vault_button, self.wipe, self.wipe_toggle):
            widget.setEnabled(not busy)

    def _job_done(self, message: str) -> None:
        self._set_busy(False)
        self.notice.setText(message)
        if self.vault is not None:
            self.refresh_attachments()
        self.job_ended.emit()

    def clear(self) -> None:
        """Forget everything decrypted: list, form, attachments, search, drafts."""
        self.jobs.stop_and_wait()
        self.autosave.stop()
        self.vault = None
        self.drafts = {}
        self.dirty = False
        self.list.clear()
        self.search.clear()
        self.form.clear()
        self.attachments.clear()
        self.notice.setText("")
        self.vault_label.setText("")
        self.wipe.show_vault(None)
        self.wipe_toggle.setChecked(False)
