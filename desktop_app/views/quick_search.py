"""Ctrl+K: one box that jumps to any person, organization or training.

Results appear under the box as you type (debounced), people first, with the same Arabic
matching as everywhere else; arrow keys choose and Enter opens the record in its section.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop_app.services.search import search_people
from desktop_app.text.arabic import MAX_QUERY_LENGTH, fold_text
from desktop_app.views.context import AppContext
from desktop_app.views.style import icon
from desktop_app.views.widgets.roles import TARGET_ROLE


@dataclass(frozen=True)
class Target:
    kind: str  # person | organization | training | agreement | initiative | meeting | action
    id: int


class QuickSearch(QLineEdit):
    opened = Signal(object)  # a Target

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("quickSearch")
        self.setMaxLength(MAX_QUERY_LENGTH)
        self.setPlaceholderText(self.tr("Quick search for people, organizations and trainings…  Ctrl+K"))
        self.setClearButtonEnabled(True)
        self.addAction(icon("fa5s.search", "#5a6475"), QLineEdit.ActionPosition.LeadingPosition)
        self.results = QStandardItemModel(self)
        completer = QCompleter(self.results, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.setCompleter(completer)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.update_results)
        self.textEdited.connect(lambda _: self.timer.start())
        self.returnPressed.connect(self._enter)

    def update_results(self) -> None:
        query = self.text().strip()
        self.results.clear()
        if not query:
            return
        # Imported at the first search, not with the window: these services declare the ORM model
        # classes, which the start (the People list, read through Core tables) does without.
        from desktop_app.services.listing import OrganizationFilter, list_organizations
        from desktop_app.services.network import find_records
        from desktop_app.services.trainings import list_trainings

        db = self.context.db
        for hit in search_people(db, query, limit=8):
            self._add(f"{hit.name} — {hit.organization or ''}", "fa5s.user", Target("person", hit.id))
        for org in list_organizations(db, OrganizationFilter(query=query), limit=4):
            self._add(org.name_ar, "fa5s.building", Target("organization", org.id))
        folded = fold_text(query)
        trainings = [t for t in list_trainings(db) if folded in fold_text(f"{t.title} {t.title_en or ''}")]
        for training in trainings[:4]:
            self._add(training.title, "fa5s.chalkboard-teacher", Target("training", training.id))
        icons = {"agreement": "fa5s.handshake", "initiative": "fa5s.hands-helping", "meeting": "fa5s.calendar-check",
                 "action": "fa5s.tasks"}  # fmt: skip
        for found in find_records(db, query):
            self._add(found.title, icons[found.kind], Target(found.kind, found.id))
        if self.results.rowCount() == 0:
            item = QStandardItem(self.tr("Nothing found"))
            item.setEnabled(False)
            self.results.appendRow(item)
        self.completer().complete()

    def _add(self, text: str, icon_name: str, target: Target) -> None:
        item = QStandardItem(icon(icon_name), text)
        item.setData(target, TARGET_ROLE)
        self.results.appendRow(item)

    def _activated(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if isinstance(target, Target):
            self.opened.emit(target)
            QTimer.singleShot(0, self.clear)

    def _enter(self) -> None:
        """Enter with the popup closed opens the first result."""
        if self.timer.isActive():
            self.timer.stop()
            self.update_results()
        if self.results.rowCount():
            self._activated(self.results.index(0, 0))
