"""Where the save and open dialogs start: the user's Documents folder, with a name made from the
training or list being saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from desktop_app.files import safe_file_name


def documents_folder() -> Path:
    return Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()
    )


def suggested_file(name: str, suffix: str) -> str:
    """A path in the Documents folder for a file named after `name`, ending in `suffix`."""
    return str(documents_folder() / (safe_file_name(name) + suffix))
