"""Incident notes: encrypted records of encounters, with exports a lawyer can use.

The page shows either the unlock view or an unlocked vault. Locking (button, idle timer,
leaving the page, closing the window) saves a draft, forgets the key and empties every widget.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
)

from toolkit.atomic import write_atomic
from toolkit.errors import UserError
from toolkit.gui import private_file_dialog
from toolkit.gui.common import confirm_dialog
from toolkit.gui.common.message import ERROR, OK
from toolkit.gui.context import AppContext
from toolkit.gui.incidents.idle_watch import IdleWatch
from toolkit.gui.incidents.recovery_dialog import RecoveryDialog
from toolkit.gui.incidents.unlock_view import UnlockView
from toolkit.gui.incidents.vault_view import VaultView
from toolkit.gui.pages.base import Page
from toolkit.i18n import _
from toolkit.incidents import attachments as att
from toolkit.incidents import erase
from toolkit.incidents import vault as vault_mod
from toolkit.incidents.vault import Vault
from toolkit.settings import Settings


class IncidentsPage(Page):
    key = "incidents"

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            _("Incident notes"),
            _(
                "Write down what happened, encrypted on this computer. Lock the vault when you "
                "step away; it also locks by itself after a few idle minutes."
            ),
        )
        self.vault: Vault | None = None
        # Dialogs are attributes so tests can answer them without a person.
        self.ask_save_path: Callable[[str, str, str], str] = self._ask_save_path
        self.ask_open_paths: Callable[[], list[Path]] = self._ask_open_paths
        self.ask_folder: Callable[[str], str] = self._ask_folder
        self.confirm: Callable[[str], bool] = self._confirm
        # Asks for the passphrase before the whole vault goes (None: cancelled); tests swap it.
        self.ask_delete_vault: Callable[[str], str | None] = self._ask_delete_vault
        self.ask_new_passphrase: Callable[[], str | None] = self._ask_new_passphrase
        self.show_recovery: Callable[[str, str], None] = self._show_recovery
        self.recovery_dialog: RecoveryDialog | None = None
        self.stack = QStackedWidget()
        self.unlock_view = UnlockView(context.data_dir)
        self.unlock_view.unlocked.connect(self.show_vault)
        self.unlock_view.created.connect(self._created)
        self.vault_view = VaultView()
        self.vault_view.pick_files = lambda: self.ask_open_paths()
        self.vault_view.lock_requested.connect(self.lock)
        self.vault_view.export_report.connect(self.export_report)
        self.vault_view.export_package.connect(self.export_package)
        self.vault_view.public_photo.connect(self.public_photo)
        self.vault_view.backup_requested.connect(self.backup)
        self.unlock_view.pick_backup = self._ask_backup_file
        self.vault_view.delete_record.connect(self.delete_record)
        self.vault_view.delete_vault.connect(self.delete_vault)
        self.vault_view.job_ended.connect(self._job_ended)
        # Idle time ran out during a long job: lock as soon as the job ends, not in its middle.
        self.lock_after_job = False
        self.stack.addWidget(self.unlock_view)
        self.stack.addWidget(self.vault_view)
        self.body.addWidget(self.stack, 1)
        self.idle = IdleWatch(context.settings.idle_lock_minutes)
        self.idle.idle.connect(self.idle_timeout)
        context.settings_listeners.append(self._settings_changed)

    # -- lock and unlock ----------------------------------------------------------------------
    def show_vault(self, opened: Vault) -> None:
        self.vault = opened
        self.vault_view.show_vault(opened)
        self.stack.setCurrentWidget(self.vault_view)
        self.idle.start()

    def _created(self, opened: Vault, code: str) -> None:
        self.show_vault(opened)
        self.show_recovery(opened.name, code)

    def lock(self) -> None:
        # A running job is cancelled (rolled back) before the key is forgotten.
        self.lock_after_job = False
        self.vault_view.jobs.stop_and_wait()
        if self.recovery_dialog is not None:
            # Locking hides the recovery code too (idle lock with the dialog still open).
            self.recovery_dialog.code_label.clear()
            self.recovery_dialog.reject()
            self.recovery_dialog = None
        if self.vault is not None:
            # A damaged (read-only) vault cannot take a draft; locking must still happen.
            with contextlib.suppress(UserError):
                self.vault_view.save_draft()
            self.vault.lock()
        self.vault = None
        self.idle.stop()
        self.vault_view.clear()
        self.unlock_view.clear()
        self.unlock_view.refresh()
        self.stack.setCurrentWidget(self.unlock_view)

    def idle_timeout(self) -> None:
        if self.vault is not None and self.vault_view.jobs.running:
            self.lock_after_job = True
        elif self.vault is not None:
            self.lock()
            self.context.show_status(_("Incident notes were locked after idle time."))

    def _job_ended(self) -> None:
        if self.lock_after_job:
            self.idle_timeout()

    def before_leave(self) -> None:
        self.lock()

    def _settings_changed(self, new: Settings) -> None:
        self.idle.set_minutes(new.idle_lock_minutes)

    # -- actions -----------------------------------------------------------------------------
    def _run(self, action: Callable[[], str]) -> None:
        try:
            message = action()
        except UserError as exc:
            self.vault_view.notice.show_message(str(exc), ERROR)
            return
        if message:
            self.vault_view.notice.show_message(message, OK)

    def _current(self) -> str:
        if self.vault is None:
            raise UserError(_("The vault is locked."))
        if not self.vault_view.save():
            raise UserError(self.vault_view.notice.text())
        return self.vault_view.form.record_id

    def export_report(self) -> None:
        def action() -> str:
            from toolkit.incidents.report_pdf import make_report_pdf

            assert self.vault is not None
            vault = self.vault
            record_id = self._current()
            settings = self.context.settings
            files, unreadable = att.list_for(self.vault, record_id)
            made = make_report_pdf(
                self.vault.get(record_id),
                files,
                paper=settings.paper,
                language=settings.language,
                org_name=settings.org_name,
                fingerprint=self.vault.fingerprint(),
                read=lambda info: att.read_bytes(vault, info),  # photo thumbnails
            )
            # Nothing lost silently: changes made outside the app, unreadable files and what
            # cannot be printed are said before anything is saved.
            problems = self.vault.problems_for(record_id) + [e.reason for e in unreadable]
            if problems:
                problems = [
                    _("The vault reports problems with this record: {problems}.").format(
                        problems="; ".join(problems)
                    )
                ]
            warnings = [*problems, *made.warnings]
            if warnings and not self.confirm(
                "\n\n".join([*warnings, _("Save the report anyway?")])
            ):
                return ""
            path = self.ask_save_path(
                _("Save the report"), f"incident-{record_id}.pdf", _("PDF (*.pdf)")
            )
            if not path:
                return ""
            write_atomic(Path(path), made.pdf)
            return _("Report written to {path}").format(path=path)

        self._run(action)

    def export_package(self) -> None:
        def action() -> str:
            from toolkit.incidents.package import report_warnings, write_package

            assert self.vault is not None
            record_id = self._current()
            language = self.context.settings.language
            warnings = report_warnings(self.vault, record_id, language)
            if warnings and not self.confirm(
                "\n\n".join([*warnings, _("Write the evidence package anyway?")])
            ):
                return ""
            path = self.ask_save_path(
                _("Save the evidence package"),
                f"evidence-{record_id}.zip",
                _("Zip package (*.zip);;Encrypted package (*.tkpkg)"),
            )
            if not path:
                return ""
            passphrase = None
            if path.endswith(".tkpkg"):
                passphrase = self.ask_new_passphrase()
                if not passphrase:
                    return ""
            settings = self.context.settings
            opened, kdf_n = self.vault, self.unlock_view.kdf_n

            def work(progress: att.Progress, cancelled: att.CancelCheck) -> str:
                write_package(
                    opened,
                    record_id,
                    Path(path),
                    passphrase=passphrase,
                    kdf_n=kdf_n,
                    paper=settings.paper,
                    language=settings.language,
                    progress=progress,
                    cancelled=cancelled,
                )
                return _("Evidence package written to {path}").format(path=path)

            self.vault_view.run_job(
                _("Writing the evidence package…"),
                work,
                _("Cancelled. No package was written."),
            )
            return ""

        self._run(action)

    def public_photo(self) -> None:
        def action() -> str:
            from toolkit.incidents.photo import public_copy, suggested_name

            assert self.vault is not None
            info = self.vault_view.attachments.selected()
            if info is None:
                return _("Choose a photo in the list of attached files first.")
            cleaned, suffix = public_copy(att.read_bytes(self.vault, info))
            # A neutral name: the original's name may say who or where.
            path = self.ask_save_path(
                _("Save the public copy"),
                suggested_name(suffix),
                _("Images (*{suffix})").format(suffix=suffix),
            )
            if not path:
                return ""
            write_atomic(Path(path), cleaned)
            return _("Public copy without location or camera data written to {path}").format(
                path=path
            )

        self._run(action)

    def delete_record(self) -> None:
        def action() -> str:
            assert self.vault is not None
            record_id = self.vault_view.form.record_id
            if not self.confirm(_("Delete this record and its files for good?")):
                return ""
            if record_id in {r.id for r in self.vault.records()}:
                self.vault.delete_record(record_id)
            if record_id in self.vault_view.drafts:
                self.vault.discard_draft(record_id)
                self.vault_view.drafts.pop(record_id)
            self.vault_view.dirty = False
            self.vault_view.fill_list()
            self.vault_view.new_record()
            return _("The record was deleted.")

        self._run(action)

    def delete_vault(self) -> None:
        if self.vault is None:
            return
        name = self.vault.name
        passphrase = self.ask_delete_vault(confirm_dialog.delete_vault_text(name, erase.limits()))
        if passphrase is None:
            return
        try:
            # The same check as unlocking (and counted the same): the person at the keyboard
            # must know the passphrase, not merely find the vault open.
            vault_mod.Vault(name, self.context.data_dir).unlock(passphrase)
        except UserError as exc:
            self.vault_view.notice.show_message(
                _("The vault was not deleted. {problem}").format(problem=str(exc)),
                ERROR,
                self.vault_view.delete_vault_button,
            )
            return
        self.vault_view.dirty = False
        self.lock()
        try:
            vault_mod.delete_vault(name, self.context.data_dir)
            self.unlock_view.show_message(
                _("The vault {name} was erased: its keys were destroyed.").format(name=name)
                + " "
                + erase.limits()
            )
        except UserError as exc:
            self.unlock_view.show_message(str(exc))
        self.unlock_view.refresh()

    def backup(self) -> None:
        """Copy the open vault into a folder the person picks (a USB stick), off the GUI thread."""
        opened = self.vault
        if opened is None:
            return
        folder = self.ask_folder(_("Choose a folder for the backup (a USB stick)"))
        if not folder:
            return

        def work(_progress: object, _cancelled: object) -> str:
            where = opened.backup_to(Path(folder))
            return _(
                "Backup written to {path}. It opens with this vault's passphrase or recovery code."
            ).format(path=where)

        self.vault_view.run_job(
            _("Writing the backup…"), work, _("Stopped. The backup may not be complete.")
        )

    # -- dialogs (replaced in tests) -----------------------------------------------------------
    def _ask_folder(self, title: str) -> str:
        return private_file_dialog.get_existing_directory(self, title)

    def _ask_backup_file(self) -> str:
        pattern = f"*{vault_mod.BACKUP_SUFFIX}"
        filters = _("Vault backups ({pattern})").format(pattern=pattern)
        chosen, _filter = private_file_dialog.get_open_file_name(
            self, _("Choose a vault backup"), "", filters
        )
        return chosen

    def _ask_save_path(self, title: str, suggested: str, filters: str) -> str:
        return private_file_dialog.save_path(self, title, suggested, filters)

    def _ask_open_paths(self) -> list[Path]:
        return private_file_dialog.open_paths(self, _("Attach files"))

    def _confirm(self, question: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        no = QMessageBox.StandardButton.No  # the safe answer is the default one
        answer = QMessageBox.question(self, _("Please confirm"), question, buttons, no)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_delete_vault(self, question: str) -> str | None:
        return confirm_dialog.ask(
            self,
            _("Delete whole vault"),
            question,
            _("Delete the vault for good"),
            _("Type the vault's passphrase to confirm:"),
        )

    def _ask_new_passphrase(self) -> str | None:
        first, ok = QInputDialog.getText(
            self,
            _("Package passphrase"),
            _("Passphrase for the package:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
        again, ok = QInputDialog.getText(
            self, _("Package passphrase"), _("Type it again:"), QLineEdit.EchoMode.Password
        )
        if not ok or again != first:
            raise UserError(_("The two passphrases are not the same. Nothing was written."))
        vault_mod.check_passphrase(first)
        return first

    def _show_recovery(self, name: str, code: str) -> None:
        def save_sheet() -> tuple[str, list[str]]:
            from toolkit.incidents.recovery_sheet import make_recovery_pdf

            path = self.ask_save_path(
                _("Save the recovery sheet"), f"recovery-{name}.pdf", _("PDF (*.pdf)")
            )
            if not path:
                return "", []
            if self.vault is None:
                raise UserError(_("The vault was locked, so the recovery sheet was not written."))
            made = make_recovery_pdf(
                name,
                code,
                self.vault.created(),
                paper=self.context.settings.paper,
                fingerprint=self.vault.fingerprint(),
            )
            write_atomic(Path(path), made.pdf)
            return path, made.warnings

        self.recovery_dialog = RecoveryDialog(code, save_sheet)
        self.recovery_dialog.exec()
        self.recovery_dialog = None
