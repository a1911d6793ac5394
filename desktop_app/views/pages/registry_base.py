"""The list + detail layout shared by the Organizations and People screens.

The list (lazy table model, debounced search, filters, count) sits beside a record editor. The
editor knows whether it holds unsaved changes; switching records, creating a new one or leaving
asks first. After a save the list reloads, keeps its place, and selects the saved record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import TashbeekError, ValidationError
from desktop_app.services.changes import Change, Kind
from desktop_app.services.workspace import Database
from desktop_app.text.arabic import MAX_QUERY_LENGTH
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.conflict import ConflictDialog
from desktop_app.views.errors import show_error
from desktop_app.views.style import icon, label
from desktop_app.views.table_models import LazyTableModel
from desktop_app.views.widgets.fields import ErrorForm

if TYPE_CHECKING:  # the registry service loads the models: not on the window's start path
    from desktop_app.services.registry import StaleRecord

SEARCH_DEBOUNCE_MS = 200


class RecordEditor(QWidget):
    """Base of the person and organization editors: a form with Save, Cancel and Archive."""

    saved = Signal(int)  # id of the saved record
    archived_changed = Signal(int)
    entity = ""  # "person" or "organization": names its actions in desktop_app.access

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.record_id: int | None = None
        self.version: int | None = None  # of the record as the form opened it (fill sets it)
        self.archived = False
        self._snapshot: dict[str, Any] = {}
        self.form = ErrorForm()
        self.title = label("", "sectionTitle")
        self.subtitle = label("", "muted")
        self.save_button = QPushButton(icon("fa5s.check", "white"), self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Undo unsaved changes (Esc)"))
        self.archive_button = QPushButton(icon("fa5s.archive"), self.tr("Archive"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.revert)
        self.archive_button.clicked.connect(self.toggle_archived)

    def build_layout(self, tabs: list[tuple[QWidget, str]]) -> None:
        """Title, subtitle, a "Details" tab holding the form (scrolling, never wider than the panel),
        the given extra tabs, and the Save/Cancel/Archive row."""
        form_page = QWidget()
        form_page.setObjectName("formPage")
        form_column = QVBoxLayout(form_page)
        form_column.addLayout(self.form)
        form_column.addStretch(1)  # rows keep their natural height
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_page)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Details"))
        for widget, title in tabs:
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self.button_row())
        self.tabs.currentChanged.connect(self._tab_changed)

    def _tab_changed(self, index: int) -> None:
        # Save and Cancel belong to the form; the other tabs only show what the record is linked to.
        on_form = index == 0
        self.save_button.setVisible(on_form)
        self.cancel_button.setVisible(on_form)

    @staticmethod
    def blank_as_none(values: dict[str, Any]) -> dict[str, Any]:
        """Form values with empty text as None (what the services expect for "not given")."""
        return {key: (value if value != "" else None) for key, value in values.items()}

    def button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        if getattr(self, "entity", "") == "person":
            from desktop_app.views.dialogs.help import help_button, open_help

            # The person form's own page (F1 in the form opens it too: MainWindow.help_screen).
            self.help_button = help_button(self, None)
            self.help_button.clicked.connect(lambda: open_help(self, "person", self.context.language))
            row.addWidget(self.help_button)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.archive_button)
        return row

    # -- to implement
    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def fill(self, record_id: int | None) -> None:
        """Load the record (None: an empty form for a new one)."""
        raise NotImplementedError

    def write(self) -> int:
        """Validate and store the form (raises ValidationError); returns the record id."""
        raise NotImplementedError

    def show_values(self, values: dict[str, Any]) -> None:
        """Put form values (as `values()` gives them) back into the fields."""
        raise NotImplementedError

    def shown(self, name: str, value: Any) -> str:
        """A form value as the conflict dialog shows it (editors name their choices' values)."""
        if value is None or value == "":
            return ""
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        return str(value)

    def settle(self, record_id: int, stale: StaleRecord) -> int:
        """Someone saved this record since the form opened: show both sides, save what the user
        keeps over the new version (asked again should it move once more), or save nothing."""
        mine, base = self.values(), dict(self._snapshot)
        self.fill(record_id)  # their version, read fresh
        theirs = self.values()
        self._snapshot = theirs
        dialog = ConflictDialog(self.form.labels, base, theirs, mine, self.shown, stale.by, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.show_values(mine)  # still unsaved, over their version now
            return -1
        chosen = dialog.chosen()
        self.show_values(chosen)
        if chosen == theirs:
            return record_id  # kept theirs: nothing to save
        return self.write()

    # What the editor stores, for archiving and for the change it announces.
    change_kind: Kind
    archive_record: Callable[[Database, int, bool], None]

    def set_archived(self, archived: bool) -> None:
        record_id = self.record_id
        assert record_id is not None
        self.context.call(
            self, lambda db: type(self).archive_record(db, record_id, archived),
            changes=[Change(self.change_kind, record_id)],
        )  # fmt: skip

    # -- behaviour
    def load(self, record_id: int | None) -> None:
        self.form.clear_errors()
        self.fill(record_id)
        self.record_id = record_id
        self._snapshot = self.values()
        self.archive_button.setVisible(record_id is not None)
        self.archive_button.setText(self.tr("Restore") if self.archived else self.tr("Archive"))

    def is_dirty(self) -> bool:
        return self.values() != self._snapshot

    def revert(self) -> None:
        self.load(self.record_id)

    def save(self) -> bool:
        if not self.context.may(f"{self.entity}.save", self):
            return False
        self.form.clear_errors()
        try:
            record_id = self.write()
        except ValidationError as exc:
            elsewhere = self.form.show_errors(exc)
            if elsewhere:
                QMessageBox.warning(self, self.tr("Cannot save"), "\n".join(p.message for p in elsewhere))
            return False
        except TashbeekError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), exc.message)
            return False
        except Exception as exc:  # noqa: BLE001 - shown with details, never a traceback
            show_error(self, exc)
            return False
        if record_id < 0:  # the user chose not to save (e.g. opened a duplicate instead)
            return False
        self.load(record_id)
        self.saved.emit(record_id)
        return True

    def toggle_archived(self) -> None:
        if not self.context.may(f"{self.entity}.archive", self):
            return
        if self.record_id is None:
            return
        if not self.archived:
            answer = QMessageBox.question(
                self, self.tr("Archive"),
                self.tr("Archive this record? It disappears from lists and searches but nothing is deleted; "
                        "you can restore it later."),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.set_archived(not self.archived)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        record_id = self.record_id
        self.load(record_id)
        self.archived_changed.emit(record_id)

    def unsaved_changes_box(self) -> tuple[QMessageBox, QPushButton, QPushButton]:
        """The question asked before leaving a record with unsaved changes (and its two answers)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("You have changes that are not saved yet."))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Stay here"), QMessageBox.ButtonRole.RejectRole)
        return box, save, discard

    def confirm_leave(self) -> bool:
        """True when it is fine to leave this record (saved, discarded, or nothing changed)."""
        if not self.is_dirty():
            return True
        box, save, discard = self.unsaved_changes_box()
        box.exec()
        if box.clickedButton() is save:
            return self.save()
        if box.clickedButton() is discard:
            self.revert()
            return True
        return False


class RegistryPage(QWidget):
    """List on one side, editor on the other. Subclasses supply the model, filters and editor."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        title, search_hint, new_label, empty_hint = self.texts()
        self.search = QLineEdit()
        self.search.setMaxLength(MAX_QUERY_LENGTH)
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("fa5s.search", "#5a6475"), QLineEdit.ActionPosition.LeadingPosition)
        self.archived = QCheckBox(self.tr("Show archived"))
        self.count_label = label("", "muted")
        self.new_button = QPushButton(icon("fa5s.plus", "white"), new_label)
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(new_label + " (Ctrl+N)")
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # the end in the reading direction
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)  # room for Arabic diacritics
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

        self.model = self.make_model()
        self.table.setModel(self.model)
        self.editor = self.make_editor()
        self.empty = label(empty_hint, "emptyState", wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QStackedWidget()
        self.detail.addWidget(self.empty)
        self.detail.addWidget(self.editor)

        list_panel = QWidget()
        column = QVBoxLayout(list_panel)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(label(title, "pageTitle"))
        heading.addStretch(1)
        heading.addWidget(self.new_button)
        column.addLayout(heading)
        column.addWidget(self.search)
        filters = QHBoxLayout()
        for widget in self.filter_widgets():
            if isinstance(widget, QComboBox):
                widget.setMinimumContentsLength(6)  # they share one line with "show archived" at 1024×600
            filters.addWidget(widget, 1)
        filters.addWidget(self.archived)
        column.addLayout(filters)
        self.list_column = column  # a page may add rows of filters under this one
        column.addWidget(self.table, 1)
        # The count under the list, where it does not crowd the title and the "new" button at 1024×600.
        column.addWidget(self.count_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(list_panel)
        splitter.addWidget(self.detail)
        # Half and half: at 1024×600 the record's form needs its half as much as the list does.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.detail.setMinimumWidth(360)
        splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.addWidget(splitter)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self.debounce.start())
        self.archived.toggled.connect(lambda _: self.reload())
        self.new_button.clicked.connect(self.new_record)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._row_changed())
        self.editor.saved.connect(self._saved)
        self.editor.archived_changed.connect(self._saved)
        self._shortcut("Ctrl+N", self.new_record)
        self._shortcut("Ctrl+F", self.focus_search)
        self._shortcut("Ctrl+S", self.editor.save)
        self._shortcut("Escape", self._escape)
        self._changing_row = False

    # -- subclass hooks
    def texts(self) -> tuple[str, str, str, str]:
        """Page title, search placeholder, "new" button label, and the hint shown with no record open."""
        raise NotImplementedError

    def make_model(self) -> LazyTableModel:
        raise NotImplementedError

    def make_editor(self) -> RecordEditor:
        raise NotImplementedError

    def filter_widgets(self) -> list[QWidget]:
        """Extra filter widgets under the search box (created here: called during __init__)."""
        return []

    def count_text(self, count: int) -> str:
        return str(count)

    # -- behaviour
    def stretch_columns(self, stretched: set[int]) -> None:
        """Text columns share the spare width; short ones (phone, counts) fit their contents."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(40)  # size columns from the first rows, not every loaded row
        for column in range(self.model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column in stretched
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        # Window-wide while this page is the visible one (shortcuts on hidden pages are inactive).
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _escape(self) -> None:
        if self.detail.currentWidget() is self.editor and self.editor.is_dirty():
            self.editor.revert()
        elif self.search.text():
            self.search.clear()

    def reload(self, keep_id: int | None = None) -> None:
        """Reload the list, keeping the place (rows loaded so far) and the selected record."""
        self.debounce.stop()  # this reload is the one a pending keystroke timer would have done
        loaded = self.model.rowCount()
        selected = keep_id if keep_id is not None else self.editor.record_id
        self.model.reload()
        while self.model.rowCount() < loaded and self.model.canFetchMore():
            self.model.fetchMore()
        self.count_label.setText(self.count_text(self.model.total))
        if selected is not None:
            self._select_row_of(selected)

    def select_row(self, row: int) -> None:
        """Select a list row as a click would (opening its record, asking first if needed)."""
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def _select_row_of(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        self._changing_row = True
        try:
            if row is None:
                self.table.selectionModel().clearSelection()
                self.table.selectionModel().setCurrentIndex(
                    QModelIndex(), QItemSelectionModel.SelectionFlag.Clear
                )
            else:
                index = self.model.index(row, 0)
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        finally:
            self._changing_row = False

    def _row_changed(self) -> None:
        if self._changing_row:
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        record_id = self.model.row_id(rows[0].row())
        if record_id == self.editor.record_id and self.detail.currentWidget() is self.editor:
            return
        if self.detail.currentWidget() is self.editor and not self.editor.confirm_leave():
            previous_id = self.editor.record_id
            self._select_row_of(previous_id if previous_id is not None else -1)
            return
        self.open_record(record_id)

    def open_record(self, record_id: int | None) -> None:
        """Show a record in the editor (None: a new one), selecting it in the list when it is there."""
        self.editor.load(record_id)
        self.detail.setCurrentWidget(self.editor)
        if record_id is not None:
            self._select_row_of(record_id)

    def new_record(self) -> None:
        if not self.context.may(f"{self.entity}.new", self):
            return
        if self.detail.currentWidget() is self.editor and not self.editor.confirm_leave():
            return
        self._select_row_of(-1)
        self.open_record(None)
        first = next(iter(self.editor.form.fields.values()))
        first.setFocus()

    def _saved(self, record_id: int) -> None:
        # The runner has announced the change to the other screens; this one updates itself.
        self.reload(keep_id=record_id)

    entity = "record"

    def on_show(self) -> None:
        """Called when the page becomes visible."""

    def refresh(self) -> None:
        self.reload()
