"""Contacts in and out of files, for the Network page: import (LinkedIn's Connections.csv
or vCard, read in the background, previewed, then merged as one undoable step) and export
(vCard 3.0 or CSV), each starting in the folder used last for contacts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...commands.network import ImportContactsCommand
from ...commands.undoable import push
from ...files.atomic import write_bytes_atomically
from ...services.network import NetworkService
from ..settings import Folder, Settings
from .dialogs import ImportPreviewDialog

if TYPE_CHECKING:
    from ...domain.contact_matching import ImportPlan

CONTACT_FILES = (
    "Contacts (*.csv *.vcf *.vcard);;LinkedIn Connections (*.csv);;vCard (*.vcf *.vcard)"
)


class ContactTransfer:
    """Import and export for one page; `say` puts a line in the page's status."""

    def __init__(
        self,
        page: QWidget,
        network: NetworkService,
        undo_stack: QUndoStack,
        settings: QSettings,
        say: Callable[[str], None],
    ) -> None:
        self._page = page
        self._network = network
        self._undo_stack = undo_stack
        self._settings = Settings(settings)
        self._say = say

    def _folder(self) -> Path:
        return self._settings.folder_or_home(Folder.CONTACTS)

    def import_contacts(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._page, "Import contacts", str(self._folder()), CONTACT_FILES
            )
            if not path:
                return False
        self._settings.remember_folder(Folder.CONTACTS, path)
        source = Path(path)
        plan = self._read(source)
        if plan is None:
            return False
        merge = self._preview(plan, source)
        if merge is None:
            return False
        return self._write(plan, merge, source)

    def _read(self, source: Path) -> ImportPlan | None:
        # The readers (and vobject) load when first used, never at start-up.
        from ...domain.contact_import import ContactImportError
        from .import_jobs import read_contacts_in_background

        try:
            found = read_contacts_in_background(self._page, source)
            if not found.contacts:
                left_out = [p for p in found.problems if not p.kept]
                reason = str(left_out[0]) if left_out else "it holds no contacts"
                raise ContactImportError("", f"no contact in it has a name ({reason})")
        except ContactImportError as error:
            # The file's name and the reason quote the file: plain text, never markup.
            self._warn("Cannot import contacts", f"{source.name} cannot be imported.\n\n{error}")
            return None
        return self._network.plan_import(found.contacts, found.problems)

    def _preview(self, plan: ImportPlan, source: Path) -> bool | None:
        """Whether to merge duplicates, or None when the person cancels."""
        dialog = ImportPreviewDialog(plan, source.name, self._page)
        try:
            if dialog.exec() != ImportPreviewDialog.DialogCode.Accepted:
                return None
            return dialog.merge_duplicates
        finally:
            dialog.deleteLater()

    def _write(self, plan: ImportPlan, merge: bool, source: Path) -> bool:
        from .import_jobs import run_in_background

        count = len(plan.contacts_to_write(merge))
        contacts = "contact" if count == 1 else "contacts"
        try:
            written = run_in_background(
                self._page,
                f"Importing {count:,} {contacts}…",
                self._network.import_for_worker(plan, merge),
            )
        except Exception as error:  # a full disk, say: worded already, and nothing written
            self._warn("Nothing was imported", str(error))
            return False
        command = ImportContactsCommand(self._network, plan, merge, source.name, written)
        push(self._undo_stack, command)
        result = command.result
        if result is not None:
            contacts = "contact" if result.total == 1 else "contacts"
            self._say(
                f"Imported {result.total:,} {contacts} from {source.name}: "
                f"{len(result.added_ids):,} new, {len(result.replaced):,} merged. "
                "Edit ▸ Undo takes the import back."
            )
        return True

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=self._page)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.exec()
        box.deleteLater()

    def export_contacts(self, kind: str, path: str | None = None) -> bool:
        from ...services.contact_files import contacts_as_csv, contacts_as_vcards

        suffix = ".vcf" if kind == "vcf" else ".csv"
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self._page,
                "Export contacts",
                str(self._folder() / f"contacts{suffix}"),
                "vCard (*.vcf)" if kind == "vcf" else "CSV (*.csv)",
            )
            if not path:
                return False
        target = Path(path)
        contacts = self._network.all_contacts()
        text = contacts_as_vcards(contacts) if kind == "vcf" else contacts_as_csv(contacts)
        try:
            write_bytes_atomically(target, text.encode("utf-8"))
        except OSError as error:
            QMessageBox.warning(
                self._page,
                "Cannot export contacts",
                f"Cannot write {target.name}: {error.strerror or error}",
            )
            return False
        self._settings.remember_folder(Folder.CONTACTS, target)
        noun = "contact" if len(contacts) == 1 else "contacts"
        self._say(f"Exported {len(contacts):,} {noun} to {target.name}.")
        return True
