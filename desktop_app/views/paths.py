"""Where the save and open dialogs start: the user's Documents folder, with a name made from the
training or list being saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.files import safe_file_name


def documents_folder() -> Path:
    return Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()
    )


def suggested_file(name: str, suffix: str) -> str:
    """A path in the Documents folder for a file named after `name`, ending in `suffix`."""
    return str(documents_folder() / (safe_file_name(name) + suffix))


def with_suffix_confirmed(parent: QWidget, chosen: str, suffix: str) -> Path | None:
    """The file the user chose in a save dialog, ending in `suffix`. The dialog itself asked before
    replacing the file it showed; when the suffix had to be added, the file with it is a different
    one, so ask here. None: the user would rather not replace it."""
    path = Path(chosen)
    if path.suffix.lower() == suffix.lower():
        return path
    path = path.with_name(path.name + suffix)
    if path.exists():
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Paths", "Replace the file?"),
            QCoreApplication.translate("Paths", "{file} already exists. Replace it?").format(file=path.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return path
