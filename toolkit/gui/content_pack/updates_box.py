"""Content updates: choose a pack file, see what it changes, apply or cancel, roll back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from toolkit.content_pack import service, store
from toolkit.content_pack.changes import summary_lines
from toolkit.content_pack.directory_data import import_pack_data, pack_data_folder
from toolkit.content_pack.origin import origin_label
from toolkit.content_pack.verify import VerifiedPack
from toolkit.errors import UserError
from toolkit.gui import private_file_dialog
from toolkit.i18n import _


class ContentUpdatesBox(QGroupBox):
    """Nothing is applied until the person has seen the changes and pressed Apply."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(_("Content updates"))
        self.data_dir = data_dir
        self.pending: VerifiedPack | None = None
        self.again = False  # the pending pack is re-applied on purpose (applied here before)
        self.refused_path: Path | None = None  # a pack applied before, offered again
        layout = QVBoxLayout(self)
        self.current = QLabel("")
        self.current.setWordWrap(True)
        layout.addWidget(self.current)
        row = QHBoxLayout()
        self.choose_button = QPushButton(_("Choose a content pack…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.apply_button = QPushButton(_("Apply"))
        self.apply_button.setObjectName("primary")
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.rollback_button = QPushButton(_("Roll back"))
        self.rollback_button.clicked.connect(self.rollback)
        self.again_button = QPushButton(_("Use this pack again…"))
        self.again_button.setToolTip(
            _("Re-apply a pack applied on this computer before, though a newer one was")
        )
        self.again_button.clicked.connect(self.preview_again)
        self.again_button.hide()
        self.import_button = QPushButton(_("Import its directory data"))
        self.import_button.setToolTip(
            _("Add the representatives data in the content pack to the directory")
        )
        self.import_button.clicked.connect(self.import_data)
        for button in (
            self.choose_button,
            self.apply_button,
            self.cancel_button,
            self.again_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.rollback_button)
        layout.addLayout(row)
        data_row = QHBoxLayout()
        data_row.addWidget(self.import_button)
        data_row.addStretch(1)
        layout.addLayout(data_row)
        self.changes = QPlainTextEdit()
        self.changes.setReadOnly(True)
        self.changes.setAccessibleName(_("What the content pack changes"))
        self.changes.setFixedHeight(150)
        self.changes.hide()
        layout.addWidget(self.changes)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        status = store.status(self.data_dir)
        text = _("In use: {label}").format(label=status.label)
        if status.manifest is not None:
            text += " " + _("(of {date})").format(date=status.manifest.date.isoformat())
        self.current.setText(text)
        self.rollback_button.setEnabled(status.current is not None)
        self.import_button.setVisible(pack_data_folder(self.data_dir) is not None)
        pending = self.pending is not None
        self.apply_button.setEnabled(pending)
        self.cancel_button.setEnabled(pending)

    def _say(self, text: str, warning: bool = False) -> None:
        self.message.setObjectName("warning" if warning else "notice")
        self.message.setText(text)
        self.message.style().polish(self.message)

    def choose_file(self) -> None:
        path, _filter = private_file_dialog.get_open_file_name(
            self, _("Choose a content pack"), "", _("Content packs (*.zip)")
        )
        if path:
            self.preview_file(Path(path))

    def preview_file(self, path: Path, again: bool = False) -> None:
        """Verify the pack and show its changes; nothing is written."""
        self.pending = None
        self.refused_path = None
        self.again_button.hide()
        try:
            pack, changes = service.preview(path, self.data_dir, again=again)
        except store.AppliedBefore as exc:
            self.changes.hide()
            self.refused_path = path
            self.again_button.show()
            self._say(_("This pack was refused: {reason}").format(reason=exc), warning=True)
            self.refresh()
            return
        except UserError as exc:
            self.changes.hide()
            self._say(_("This pack was refused: {reason}").format(reason=exc), warning=True)
            self.refresh()
            return
        self.pending = pack
        self.again = again
        lines = [
            _("Content pack {version} of {date}, signed by {name} ({fp}).").format(
                version=pack.version,
                date=pack.manifest.date.isoformat(),
                name=pack.key.name,
                fp=pack.key.fingerprint,
            ),
            "",
            *summary_lines(changes),
        ]
        for text in changes.diffs.values():
            lines += ["", text]
        self.changes.setPlainText("\n".join(lines))
        self.changes.show()
        self._say(_("The pack checks out. Apply it, or cancel to change nothing."))
        self.refresh()

    def preview_again(self) -> None:
        """The person chose to use a pack applied here before: show its changes to confirm."""
        if self.refused_path is not None:
            self.preview_file(self.refused_path, again=True)

    def apply(self) -> None:
        if self.pending is None:
            return
        try:
            applied = store.apply(self.pending, self.data_dir, again=self.again)
        except UserError as exc:
            self._say(str(exc), warning=True)
        else:
            text = _(
                "Applied: {label}. Guides, cards and letters opened from now on use it."
            ).format(label=origin_label(applied.version))
            if pack_data_folder(self.data_dir) is not None:
                text += " " + _(
                    "It holds directory data: press \u201cImport its directory data\u201d to "
                    "add it to the directory."
                )
            self._say(text)
        self.pending = None
        self.changes.hide()
        self.refresh()

    def import_data(self) -> None:
        """Import the applied pack's directory data with the directory's own importers."""
        try:
            result = import_pack_data(self.data_dir)
        except UserError as exc:
            self._say(str(exc), warning=True)
            return
        self._say("\n".join(result.lines + result.warnings))

    def cancel(self) -> None:
        self.pending = None
        self.changes.hide()
        self._say(_("Cancelled: nothing was changed."))
        self.refresh()

    def rollback(self) -> None:
        try:
            now = store.rollback(self.data_dir)
        except UserError as exc:
            self._say(str(exc), warning=True)
        else:
            label = origin_label(now.version if now else None)
            self._say(_("Rolled back. Now in use: {label}").format(label=label))
        self.refresh()
