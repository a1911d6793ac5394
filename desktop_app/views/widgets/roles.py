"""Named item-data roles and dialog results, so a value put into a list item or returned by a dialog
is read back by name, never by a bare number."""

from __future__ import annotations

from PySide6.QtCore import Qt

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole  # the id of the person, organization, … an item stands for
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 10  # the item's text folded for Arabic matching
TARGET_ROLE = Qt.ItemDataRole.UserRole + 20  # quick search: where the item leads
MATCH_ROLE = Qt.ItemDataRole.UserRole + 30  # check-in: the enrollment id of a match
PERSON_ROLE = Qt.ItemDataRole.UserRole + 40  # enrolment: the person id of a search result

# A dialog that offers a third answer besides Accepted (1) and Rejected (0).
SAVE_ANYWAY = 2
