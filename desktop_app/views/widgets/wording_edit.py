"""The certificate's wording as a person reads it: each placeholder is a named chip («اسم المشارك»)
inserted from a list, and a masculine/feminine pair reads «شارك / شاركت»; the stored wording keeps
the services' placeholders ({name}, {شارك|شاركت})."""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolButton, QWidget

OPEN, CLOSE = "«", "»"
_STORED_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_STORED_PAIR = re.compile(r"\{([^{}|\s]+)\|([^{}|\s]+)\}")
_SHOWN_PAIR = re.compile(OPEN + r"([^«»/\s]+) / ([^«»/\s]+)" + CLOSE)
_CHIP = re.compile(OPEN + r"[^«»]+" + CLOSE)


def placeholder_names() -> dict[str, str]:
    """Each placeholder's name in the interface's language (the services' keys stay English)."""
    return {
        "name": QCoreApplication.translate("Wording", "participant's name"),
        "organization": QCoreApplication.translate("Wording", "their organization"),
        "organization_name": QCoreApplication.translate("Wording", "issuing organization"),
        "training": QCoreApplication.translate("Wording", "training title"),
        "start": QCoreApplication.translate("Wording", "first day"),
        "end": QCoreApplication.translate("Wording", "last day"),
        "venue": QCoreApplication.translate("Wording", "venue"),
        "sessions_attended": QCoreApplication.translate("Wording", "sessions attended"),
    }


def shown(stored: str, known: list[str]) -> str:
    """Stored wording → what the editor shows."""
    names = placeholder_names()
    text = _STORED_PAIR.sub(lambda m: f"{OPEN}{m.group(1)} / {m.group(2)}{CLOSE}", stored)
    return _STORED_PLACEHOLDER.sub(
        lambda m: f"{OPEN}{names[m.group(1)]}{CLOSE}" if m.group(1) in known and m.group(1) in names else m.group(0),
        text,
    )


def stored(text: str, known: list[str]) -> str:
    """What the editor shows → stored wording; a «…» that names no placeholder is left as typed
    (a quotation in guillemets stays one)."""
    keys = {name: key for key, name in placeholder_names().items() if key in known}
    text = _SHOWN_PAIR.sub(lambda m: "{" + m.group(1) + "|" + m.group(2) + "}", text)
    return _CHIP.sub(lambda m: "{" + keys[m.group(0)[1:-1]] + "}" if m.group(0)[1:-1] in keys else m.group(0), text)


class _Chips(QSyntaxHighlighter):
    """Placeholders drawn as chips: a tinted background and the accent colour."""

    def __init__(self, document: QTextDocument, known: list[str]) -> None:
        super().__init__(document)
        self.names = {f"{OPEN}{name}{CLOSE}" for key, name in placeholder_names().items() if key in known}
        self.chip = QTextCharFormat()
        self.chip.setBackground(QColor("#e3ebf5"))
        self.chip.setForeground(QColor("#1f3a5f"))
        self.chip.setFontWeight(600)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        for match in _CHIP.finditer(text):
            if match.group(0) in self.names or _SHOWN_PAIR.fullmatch(match.group(0)):
                self.setFormat(match.start(), match.end() - match.start(), self.chip)


class WordingEdit(QPlainTextEdit):
    """`wording()` and `set_wording()` speak the stored form; the user sees and inserts chips."""

    def __init__(self, wording: str, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = known
        self._chips = _Chips(self.document(), known)
        self.set_wording(wording)
        self.insert_button = QToolButton()
        self.insert_button.setText(self.tr("Insert a placeholder"))
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.insert_button)
        names = placeholder_names()
        for key in known:
            if key in names:
                action = menu.addAction(names[key])
                action.triggered.connect(partial(self.insert, key))
        self.insert_button.setMenu(menu)

    def set_wording(self, wording: str) -> None:
        self.setPlainText(shown(wording, self.known))

    def wording(self) -> str:
        return stored(self.toPlainText(), self.known)

    def insert(self, key: str) -> None:
        self.insertPlainText(f"{OPEN}{placeholder_names()[key]}{CLOSE}")
        self.setFocus()
