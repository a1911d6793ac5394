"""The certificate and badge designer: a template's page as the printer will print it, with its
elements as handles over it.

The page under the handles is the real PDF, drawn by the code that prints (`services.templates.
render_preview`) on the thread pool and shown through QtPdf; it is redrawn after each change, once
the edits pause (debounced), and a late answer for an older state is dropped. Elements are placed in
millimetres from the page's top-left corner (the page is paper: it is never mirrored, whatever the
window's direction). Drag to move, corner handles to resize, arrow keys nudge by 1 mm (Shift: 5 mm);
edges snap to the margins, the centre lines and the other elements' edges and centres. Every change
is one step of undo; copy, paste, delete (after asking) and the drawing order work on the selected
element. The preview uses a real person of the training, the longest name in it, or a hostile sample;
the warnings list says what to fix before printing, naming the people a text does not fit.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import TashbeekError
from desktop_app.pdf import template as engine
from desktop_app.services import certificates as certs
from desktop_app.services import templates as tpl
from desktop_app.services.changes import Change, Kind
from desktop_app.services.workspace import Database
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.help import help_button
from desktop_app.views.errors import show_error
from desktop_app.views.style import icon, label
from desktop_app.views.widgets import printing

SNAP_MM = 1.5  # an edge within this distance of a guide lands on it
NUDGE_MM, BIG_NUDGE_MM = 1.0, 5.0
MIN_MM = 2.0
DEBOUNCE_MS = 120
HANDLE_MM = 2.2
ACCENT = QColor("#1f5f5b")
SELECTED = QColor("#c0392b")


# ---------------------------------------------------------------- the preview, off the GUI thread


class _PreviewSignals(QObject):
    done = Signal(int, object, object, float)  # generation, Preview or error, warnings, seconds


class _PreviewJob(QRunnable):
    def __init__(self, generation: int, work: Callable[[], tuple[Any, Any]]) -> None:
        super().__init__()
        self.generation = generation
        self.work = work
        self.signals = _PreviewSignals()
        self.started = time.perf_counter()

    def run(self) -> None:
        try:
            preview, warnings = self.work()
        except BaseException as error:  # delivered to the GUI thread, never lost
            self.signals.done.emit(self.generation, error, [], 0.0)
            return
        self.signals.done.emit(self.generation, preview, warnings, time.perf_counter() - self.started)


# ---------------------------------------------------------------- elements as handles


# Where the handles sit: four corners (both sides move) and four edges (one side moves).
HANDLES = ("tl", "t", "tr", "r", "br", "b", "bl", "l")
_CURSORS = {"tl": Qt.CursorShape.SizeFDiagCursor, "br": Qt.CursorShape.SizeFDiagCursor,
            "tr": Qt.CursorShape.SizeBDiagCursor, "bl": Qt.CursorShape.SizeBDiagCursor,
            "t": Qt.CursorShape.SizeVerCursor, "b": Qt.CursorShape.SizeVerCursor,
            "l": Qt.CursorShape.SizeHorCursor, "r": Qt.CursorShape.SizeHorCursor}  # fmt: skip


class _Handle(QGraphicsRectItem):
    """A corner or an edge of an element: dragging it resizes the element (the opposite corner or
    edge stays)."""

    def __init__(self, owner: _ElementItem, corner: str) -> None:
        super().__init__(-HANDLE_MM / 2, -HANDLE_MM / 2, HANDLE_MM, HANDLE_MM, owner)
        self.owner = owner
        self.corner = corner  # one of HANDLES: the sides it moves ("t", "r", "b", "l")
        self.setBrush(QBrush(SELECTED))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setCursor(_CURSORS[corner])
        self.setZValue(10)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        owner = self.owner
        x0, y0 = owner.pos().x(), owner.pos().y()
        x1, y1 = x0 + owner.rect().width(), y0 + owner.rect().height()
        sides = self.corner
        # An edge snaps along the one axis it moves on.
        point = owner.designer.snap_point(
            event.scenePos(), owner.element_id, x=bool({"l", "r"} & set(sides)), y=bool({"t", "b"} & set(sides))
        )
        if "l" in sides:
            x0 = min(point.x(), x1 - MIN_MM)
        elif "r" in sides:
            x1 = max(point.x(), x0 + MIN_MM)
        if "t" in sides:
            y0 = min(point.y(), y1 - MIN_MM)
        elif "b" in sides:
            y1 = max(point.y(), y0 + MIN_MM)
        owner.set_geometry(x0, y0, x1 - x0, y1 - y0)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.owner.designer.commit_geometry(self.owner)


class _ElementItem(QGraphicsRectItem):
    """An element's box over the page, in millimetres; moved by dragging, snapped to guides."""

    def __init__(self, designer: TemplateDesigner, element: dict[str, Any]) -> None:
        super().__init__(0, 0, float(element["width"]), float(element["height"]))
        self.designer = designer
        self.element_id = str(element["id"])
        self.setPos(float(element["x"]), float(element["y"]))
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setToolTip(tpl.element_label(element))
        self.handles = [_Handle(self, corner) for corner in HANDLES]
        self._place_handles()
        self._style()

    def _place_handles(self) -> None:
        w, h = self.rect().width(), self.rect().height()
        for handle in self.handles:
            sides = handle.corner
            x = w if "r" in sides else 0 if "l" in sides else w / 2
            y = h if "b" in sides else 0 if "t" in sides else h / 2
            handle.setPos(x, y)
            handle.setVisible(self.isSelected())

    def _style(self) -> None:
        pen = QPen(SELECTED if self.isSelected() else ACCENT)
        pen.setCosmetic(True)
        pen.setWidthF(1.6 if self.isSelected() else 1.0)
        pen.setStyle(Qt.PenStyle.SolidLine if self.isSelected() else Qt.PenStyle.DashLine)
        self.setPen(pen)
        fill = QColor(SELECTED if self.isSelected() else ACCENT)
        fill.setAlpha(28 if self.isSelected() else 10)
        self.setBrush(QBrush(fill))

    def set_geometry(self, x: float, y: float, w: float, h: float) -> None:
        self.designer.placing = True
        self.setPos(x, y)
        self.designer.placing = False
        self.setRect(0, 0, w, h)
        self._place_handles()
        self.designer.show_geometry(self)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and not self.designer.placing:
            return self.designer.snap_box(self, value)
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._style()
            self._place_handles()
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.designer.show_geometry(self)
        return super().itemChange(change, value)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.designer.commit_geometry(self)


class _PageView(QGraphicsView):
    """The page: arrow keys nudge the selected element, Delete removes it (after asking)."""

    def __init__(self, designer: TemplateDesigner) -> None:
        super().__init__()
        self.designer = designer
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paper is never mirrored
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QBrush(QColor("#e6e9ec")))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def keyPressEvent(self, event: Any) -> None:
        step = BIG_NUDGE_MM if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE_MM
        moves = {Qt.Key.Key_Left: (-step, 0.0), Qt.Key.Key_Right: (step, 0.0),
                 Qt.Key.Key_Up: (0.0, -step), Qt.Key.Key_Down: (0.0, step)}  # fmt: skip
        key = Qt.Key(event.key())
        if key in moves and self.designer.selected_id() is not None:
            self.designer.nudge(*moves[key])
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.designer.selected_id() is not None:
            self.designer.delete_selected()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.designer.fit_page()


# ---------------------------------------------------------------- undo


class _Change(QUndoCommand):
    """One edit: the document before and after (a template is small; snapshots keep undo simple)."""

    def __init__(
        self, designer: TemplateDesigner, before: dict[str, Any], after: dict[str, Any], text: str
    ) -> None:
        super().__init__(text)
        self.designer = designer
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.designer.show_document(self.after)

    def undo(self) -> None:
        self.designer.show_document(self.before)


# ---------------------------------------------------------------- the dialog


class TemplateDesigner(QDialog):
    def __init__(
        self,
        context: AppContext,
        training_id: int | None,
        kind: str = "certificate",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.training_id = training_id
        self.kind = kind
        self.setWindowTitle(self.tr("Template designer"))
        self.resize(1280, 800)
        self.document: dict[str, Any] = {}
        self.assets: dict[str, tuple[str, bytes]] = {}
        self.template_id: int | None = None
        self.builtin = False
        self.items: dict[str, _ElementItem] = {}
        self._removed: list[_ElementItem] = []
        self.placing = False
        self.clipboard: dict[str, Any] | None = None
        self.generation = 0
        self.shown_generation = 0
        self.preview_pdf: bytes | None = None  # the page on screen, as the print button prints it
        self.last_preview_seconds = 0.0  # from the request to the page on screen (the benchmark reads it)
        self._requested_at = 0.0
        self._buffer: QBuffer | None = None
        self._jobs: set[_PreviewJob] = set()
        self.samples = self._read_samples()
        self.sample: engine.PageData | None = None

        self.undo_stack = QUndoStack(self)
        self.pdf = QPdfDocument(self)
        self.scene = QGraphicsScene(self)
        self.page_item = QGraphicsPixmapItem()
        self.page_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.page_item.setZValue(-10)
        self.scene.addItem(self.page_item)
        # Snap guides: drawn while a drag lands on one, hidden when it ends.
        guide_pen = QPen(QColor("#d35400"))
        guide_pen.setCosmetic(True)
        guide_pen.setWidthF(1.0)
        guide_pen.setStyle(Qt.PenStyle.DashLine)
        self.guide_x, self.guide_y = QGraphicsLineItem(), QGraphicsLineItem()
        for guide in (self.guide_x, self.guide_y):
            guide.setPen(guide_pen)
            guide.setZValue(20)
            guide.setVisible(False)
            self.scene.addItem(guide)
        self.view = _PageView(self)
        self.view.setScene(self.scene)
        self.scene.selectionChanged.connect(self._selection_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_preview)

        self._build_toolbar()
        self._build_properties()
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(72)
        self.status = label("", "muted", wrap=True)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.properties_panel)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addLayout(self.sample_row)
        layout.addWidget(splitter, 1)
        self.warnings_title = label(self.tr("Before printing"), "sectionTitle")
        layout.addWidget(self.warnings_title)
        layout.addWidget(self.warnings)
        layout.addWidget(self.status)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_preview)
        self._load_template_list()
        self._choose_template()

    # ------------------------------------------------------------ building the window

    def _button(self, icon_name: str, text: str, slot: Callable[[], object], tip: str = "") -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(tip or text)
        button.clicked.connect(slot)
        return button

    def _build_toolbar(self) -> None:
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("Certificates"), "certificate")
        self.kind_box.addItem(self.tr("Badges"), "badge")
        self.kind_box.setCurrentIndex(0 if self.kind == "certificate" else 1)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.template_box = QComboBox()
        # A long template name ends in "…": the toolbar must fit a 1024-pixel screen in both languages.
        self.template_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template_box.setMinimumContentsLength(14)
        self.template_box.activated.connect(lambda _i: self._choose_template())
        self.copy_button = self._button("fa5s.clone", self.tr("New from this template"), self.new_from_this)
        self.save_button = self._button("fa5s.save", self.tr("Save"), self.save)
        self.use_button = self._button("fa5s.check", self.tr("Use for this training"), self.use_for_training)
        self.use_button.setEnabled(self.training_id is not None)
        self.default_button = self._button("fa5s.cog", self.tr("Make default"), self.make_default,
                                           self.tr("Trainings that chose no template print with this one"))  # fmt: skip
        # The least used action says what it does in its tooltip (the toolbar needed 1,040 pixels).
        self.default_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.default_button.setToolTip(self.tr("Make default") + " — " + self.default_button.toolTip())
        self.add_button = QToolButton()
        self.add_button.setIcon(icon("fa5s.plus"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for kind, text in self._element_kinds():
            menu.addAction(text, partial(self.add_element, kind))
        self.add_button.setMenu(menu)
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setIcon(icon("fa5s.undo"))
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setIcon(icon("fa5s.redo"))
        self.addActions([undo, redo])
        undo_button, redo_button = QToolButton(), QToolButton()
        undo_button.setDefaultAction(undo)
        redo_button.setDefaultAction(redo)
        for action_text, shortcut, slot in (
            (self.tr("Copy"), QKeySequence.StandardKey.Copy, self.copy_selected),
            (self.tr("Paste"), QKeySequence.StandardKey.Paste, self.paste),
        ):
            action = QAction(action_text, self)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)
        self.toolbar = QHBoxLayout()
        for widget in (label(self.tr("Template"), "caption"), self.kind_box, self.template_box, self.copy_button,
                       self.save_button, self.use_button, self.default_button):  # fmt: skip
            self.toolbar.addWidget(widget)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(help_button(self, "designer"))
        self.edit_row = QHBoxLayout()
        for widget in (
            self.add_button,
            self._button("fa5s.copy", self.tr("Copy"), self.copy_selected),
            self._button("fa5s.paste", self.tr("Paste"), self.paste),
            self._button("fa5s.trash-alt", self.tr("Delete"), self.delete_selected),
            self._button("fa5s.level-up-alt", self.tr("Forward"), lambda: self.move_in_order(1),
                         self.tr("Draw it above the next element")),
            self._button("fa5s.level-down-alt", self.tr("Backward"), lambda: self.move_in_order(-1),
                         self.tr("Draw it under the previous element")),
            undo_button,
            redo_button,
            self._button("fa5s.print", self.tr("Print"), self.print_preview, self.tr("Print the preview (Ctrl+P)")),
        ):  # fmt: skip
            if widget is not self.add_button:  # the others say what they do in their tooltips
                widget.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            self.edit_row.addWidget(widget)

        self.sample_box = QComboBox()
        # A long name ends in "…": the row must fit a 1024-pixel screen in English too.
        self.sample_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sample_box.setMinimumContentsLength(12)
        self.sample_box.activated.connect(lambda _i: self._sample_changed())
        self.longest_button = QPushButton(self.tr("Longest name"))
        self.longest_button.clicked.connect(self.show_longest)
        self.hostile_button = QPushButton(self.tr("Hostile sample"))
        self.hostile_button.setToolTip(self.tr("A long name, a Latin organization, three signatories"))
        self.hostile_button.clicked.connect(self.show_hostile)
        self.sample_row = self.edit_row
        self.sample_row.addSpacing(16)
        self.sample_row.addWidget(label(self.tr("Preview with"), "caption"))
        self.sample_row.addWidget(self.sample_box)
        self.sample_row.addWidget(self.longest_button)
        self.sample_row.addWidget(self.hostile_button)
        self.sample_row.addStretch(1)
        self.timing = label("", "muted", elide=True)
        self.sample_row.addWidget(self.timing)
        self._fill_samples()

    def _element_kinds(self) -> list[tuple[str, str]]:
        return [
            ("text", self.tr("Text")),
            ("logo", self.tr("Organization's logo")),
            ("co_organizer", self.tr("Co-organizer's logo")),
            ("picture", self.tr("Picture…")),
            ("qr", self.tr("QR code")),
            ("serial_date", self.tr("Serial and date")),
            ("signatures", self.tr("Signatures")),
            ("line", self.tr("Line")),
            ("frame", self.tr("Frame")),
        ]

    def _build_properties(self) -> None:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.addWidget(label(self.tr("Element"), "sectionTitle"))
        self.element_title = label(self.tr("Choose an element on the page."), "muted", wrap=True)
        column.addWidget(self.element_title)
        form = QFormLayout()
        self.geometry_boxes: dict[str, QDoubleSpinBox] = {}
        for key, text in (("x", self.tr("From the left (mm)")), ("y", self.tr("From the top (mm)")),
                          ("width", self.tr("Width (mm)")), ("height", self.tr("Height (mm)"))):  # fmt: skip
            box = QDoubleSpinBox()
            box.setRange(-50, 500)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            box.editingFinished.connect(lambda k=key: self._geometry_edited(k))
            self.geometry_boxes[key] = box
            form.addRow(text, box)
        self.label_edit = QLineEdit()
        self.label_edit.editingFinished.connect(
            lambda: self._set_property("label", self.label_edit.text().strip() or None)
        )
        form.addRow(self.tr("Name in the designer"), self.label_edit)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMaximumHeight(90)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(500)
        self._text_timer.timeout.connect(lambda: self._set_property("text", self.text_edit.toPlainText()))
        self.text_edit.textChanged.connect(self._text_typed)
        form.addRow(self.tr("Text"), self.text_edit)
        self.field_box = QComboBox()
        self.field_box.addItem(self.tr("Insert a field…"), "")
        for key, (arabic, english) in tpl.PLACEHOLDERS.items():
            if key.startswith("certificate.wording"):
                continue
            self.field_box.addItem(arabic if self.context.language == "ar" else english, key)
        self.field_box.activated.connect(self._insert_field)
        form.addRow("", self.field_box)
        self.size_box = QDoubleSpinBox()
        self.size_box.setRange(4, 200)
        self.size_box.setDecimals(1)
        self.size_box.editingFinished.connect(lambda: self._set_property("size", self.size_box.value()))
        form.addRow(self.tr("Size (pt)"), self.size_box)
        self.min_size_box = QDoubleSpinBox()
        self.min_size_box.setRange(4, 200)
        self.min_size_box.setDecimals(1)
        self.min_size_box.editingFinished.connect(
            lambda: self._set_property("min_size", self.min_size_box.value())
        )
        form.addRow(self.tr("Smallest size (pt)"), self.min_size_box)
        self.bold_box = QCheckBox(self.tr("Bold"))
        self.bold_box.toggled.connect(lambda on: self._set_property("bold", on))
        form.addRow("", self.bold_box)
        self.align_box = QComboBox()
        for value, text in (("start", self.tr("Start of the line")), ("center", self.tr("Centre")),
                            ("end", self.tr("End of the line"))):  # fmt: skip
            self.align_box.addItem(text, value)
        self.align_box.activated.connect(lambda _i: self._set_property("align", self.align_box.currentData()))
        form.addRow(self.tr("Alignment"), self.align_box)
        self.fit_box = QComboBox()
        self.fit_box.addItem(self.tr("One line, shrunk to fit"), "shrink")
        self.fit_box.addItem(self.tr("Wrapped into the box"), "wrap")
        self.fit_box.activated.connect(lambda _i: self._set_property("fit", self.fit_box.currentData()))
        form.addRow(self.tr("Fitting"), self.fit_box)
        # The rest of a text element's layout, each a choice the engine already makes.
        self.font_box = self._choice_box("font", (("sans", self.tr("Sans (Noto Sans Arabic)")),
                                                  ("serif", self.tr("Serif (Amiri)"))))  # fmt: skip
        form.addRow(self.tr("Font"), self.font_box)
        self.valign_box = self._choice_box("valign", (("top", self.tr("Top")), ("middle", self.tr("Middle")),
                                                      ("bottom", self.tr("Bottom"))))  # fmt: skip
        form.addRow(self.tr("Vertical alignment"), self.valign_box)
        self.direction_box = self._choice_box("direction", (
            ("auto", self.tr("From its first letter")), ("rtl", self.tr("Right to left")),
            ("ltr", self.tr("Left to right"))))  # fmt: skip
        form.addRow(self.tr("Direction"), self.direction_box)
        self.line_height_box = QDoubleSpinBox()
        self.line_height_box.setRange(0.8, 4.0)
        self.line_height_box.setDecimals(2)
        self.line_height_box.setSingleStep(0.05)
        self.line_height_box.editingFinished.connect(
            lambda: self._set_property("line_height", round(self.line_height_box.value(), 2))
        )
        form.addRow(self.tr("Line height (× size)"), self.line_height_box)
        self.max_lines_box = QSpinBox()
        self.max_lines_box.setRange(1, 50)
        self.max_lines_box.editingFinished.connect(
            lambda: self._set_property("max_lines", self.max_lines_box.value())
        )
        form.addRow(self.tr("Most lines"), self.max_lines_box)
        self.overflow_box = self._choice_box("overflow", (
            ("refuse", self.tr("Refuse to print (named in the warnings)")),
            ("ellipsis", self.tr("Cut with “…”"))))  # fmt: skip
        form.addRow(self.tr("Text that does not fit"), self.overflow_box)
        self.count_box = QSpinBox()
        self.count_box.setRange(1, 3)
        self.count_box.editingFinished.connect(lambda: self._set_property("count", self.count_box.value()))
        form.addRow(self.tr("Signatories (1–3)"), self.count_box)
        self.color_edit = QLineEdit()
        self.color_edit.setPlaceholderText("#1d2b36")
        self.color_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.color_edit.editingFinished.connect(self._color_edited)
        form.addRow(self.tr("Colour"), self.color_edit)
        self.position_box = QSpinBox()
        self.position_box.setRange(1, 3)
        self.position_box.valueChanged.connect(lambda v: self._set_property("position", v))
        form.addRow(self.tr("Co-organizer (1–3)"), self.position_box)
        self.picture_button = QPushButton(self.tr("Choose a picture…"))
        self.picture_button.clicked.connect(self.choose_picture)
        form.addRow("", self.picture_button)
        self.background_button = QPushButton(self.tr("Page background (image or PDF)…"))
        self.background_button.clicked.connect(self.choose_background)
        column.addLayout(form)
        column.addStretch(1)
        column.addWidget(self.background_button)
        scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(330)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The panel never scrolls sideways: a list as wide as its longest choice ("Refuse to print
        # (named in the warnings)") would push the fields past its edge, so lists take the room the
        # panel has and show the rest when they are opened.
        for combo in panel.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.properties_panel = scroll
        self.type_rows: dict[str, list[QWidget]] = {
            "text": [self.text_edit, self.field_box, self.font_box, self.size_box, self.min_size_box, self.bold_box,
                     self.align_box, self.valign_box, self.direction_box, self.fit_box, self.line_height_box,
                     self.max_lines_box, self.overflow_box, self.color_edit],
            "image": [self.position_box, self.picture_button],
            "line": [self.color_edit],
            "frame": [self.color_edit],
            "body": [self.size_box, self.min_size_box, self.color_edit],
            "signatures": [self.count_box, self.size_box, self.color_edit],
            "serial_date": [self.size_box, self.color_edit, self.align_box],
            "qr": [],
        }  # fmt: skip
        self.form = form
        self._show_properties(None)

    # ------------------------------------------------------------ templates and samples

    def _load_template_list(self) -> None:
        current = self.template_id
        self.template_box.blockSignals(True)
        self.template_box.clear()
        kind = self.kind
        rows = self.context.call(self, lambda db: tpl.list_templates(db, kind))
        self._rows = {row.id: row for row in rows}
        for row in rows:
            name = row.name if self.context.language == "ar" or not row.name_en else row.name_en
            text = name + ("  ·  " + self.tr("built-in") if row.builtin else "")
            self.template_box.addItem(text, row.id)
        if current is None and self.training_id is not None:
            training_id = self.training_id
            chosen = self.context.call(self, lambda db: tpl.training_templates(db, training_id))
            current = chosen[0 if kind == "certificate" else 1].id
        elif current is None:
            current = self.context.call(self, lambda db: tpl.default_template(db, kind))
        index = self.template_box.findData(current)
        self.template_box.setCurrentIndex(max(0, index))
        self.template_box.blockSignals(False)

    def _choose_template(self) -> None:
        template_id = self.template_box.currentData()
        if template_id is None:
            return
        self.template_id = int(template_id)
        self.builtin = self._rows[self.template_id].builtin
        chosen = self.template_id

        def read(db: Database) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
            document = tpl.document_of(db, chosen)
            return document, tpl.template_assets(db, document)

        self.document, self.assets = self.context.call(self, read)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.show_document(self.document)
        self.save_button.setToolTip(
            self.tr("A built-in template is saved as a new one") if self.builtin else ""
        )

    def _kind_changed(self) -> None:
        self.kind = str(self.kind_box.currentData())
        self.template_id = None
        self.samples = self._read_samples()
        self._fill_samples()
        self._load_template_list()
        self._choose_template()

    def _read_samples(self) -> certs.DesignSamples | None:
        training_id, kind = self.training_id, self.kind
        if not training_id:
            return None
        return self.context.call(self, lambda db: certs.design_samples(db, training_id, kind))

    def _fill_samples(self) -> None:
        self.sample_box.clear()
        if self.samples is None or not self.samples.people:
            self.sample_box.addItem(self.tr("Sample person"), -1)
            self.sample = None
        else:
            for person_id, name, _page in self.samples.people:
                self.sample_box.addItem(name, person_id)
            self.sample = self.samples.people[0][2]
        self.hostile_sample = False
        has = self.samples is not None and bool(self.samples.people)
        self.longest_button.setEnabled(has)

    def _sample_changed(self) -> None:
        person_id = self.sample_box.currentData()
        if self.samples is not None:
            self.sample = next((p for pid, _n, p in self.samples.people if pid == person_id), self.sample)
        self.hostile_sample = False
        self.schedule_preview()

    def show_longest(self) -> None:
        if self.samples is None:
            return
        page = self.samples.longest()
        if page is not None:
            self.sample = page
            self.hostile_sample = False
            index = next(n for n, p in enumerate(self.samples.people) if p[2] is page)
            self.sample_box.setCurrentIndex(index)
            self.schedule_preview()

    def show_hostile(self) -> None:
        self.hostile_sample = True
        self.schedule_preview()

    def _sample_page(self) -> tuple[engine.Batch, engine.PageData]:
        if self.samples is None:
            from desktop_app.services.certificates import HOSTILE_NAME

            page = engine.PageData({"person.name": "اسم المشارك", "certificate.wording_before": "تشهد الجهة بأن",
                                    "certificate.wording_after": "قد شارك في التدريب.",
                                    "certificate.serial": "TSH-0000-XXXXX-0001",
                                    "certificate.qr_payload": "TSHBK1:TSH-0000-XXXXX-0001:0"}, False, HOSTILE_NAME)  # fmt: skip
            return engine.Batch(), page
        if self.hostile_sample or self.sample is None:
            return self.samples.hostile_batch, self.samples.hostile
        return self.samples.batch, self.sample

    # ------------------------------------------------------------ showing the document

    def show_document(self, document: dict[str, Any]) -> None:
        """Put a state of the document on the page (handles, properties) and redraw the preview."""
        selected = self.selected_id()
        self.document = copy.deepcopy(document)
        self.scene.blockSignals(True)
        self.scene.clearFocus()
        if self.scene.mouseGrabberItem() is not None:
            self.scene.mouseGrabberItem().ungrabMouse()
        self._removed = list(self.items.values())  # kept alive until the next rebuild: Qt may still hold them
        for item in self.items.values():
            self.scene.removeItem(item)
        self.items = {}
        for z, element in enumerate(self.document["elements"]):
            item = _ElementItem(self, element)
            item.setZValue(z)
            self.scene.addItem(item)
            self.items[item.element_id] = item
        width, height = engine.PAGE_SIZES[self.document["page"]["size"]]
        if self.document["page"]["orientation"] == "landscape":
            width, height = height, width
        self.page_mm = (width, height)
        self.scene.setSceneRect(QRectF(-8, -8, width + 16, height + 16))
        if selected in self.items:
            self.items[selected].setSelected(True)
        self.scene.blockSignals(False)
        self._selection_changed()
        self.fit_page()
        self.schedule_preview()

    def fit_page(self) -> None:
        if hasattr(self, "page_mm"):
            self.view.fitInView(
                QRectF(-4, -4, self.page_mm[0] + 8, self.page_mm[1] + 8), Qt.AspectRatioMode.KeepAspectRatio
            )

    def schedule_preview(self) -> None:
        self._requested_at = time.perf_counter()
        self._timer.start()

    def _start_preview(self) -> None:
        self.generation += 1
        generation = self.generation
        document = copy.deepcopy(self.document)
        assets = {digest: data for digest, (_media, data) in self.assets.items()}
        batch, page = self._sample_page()
        pages = [p for _id, _n, p in self.samples.people] if self.samples is not None else []
        people_batch = self.samples.batch if self.samples is not None else None

        def work() -> tuple[tpl.Preview, list[str]]:
            tpl.check_document(document)
            return tpl.render_preview(document, assets, batch, page), tpl.design_warnings(
                document, assets, pages, people_batch
            )

        job = _PreviewJob(generation, work)
        job.signals.done.connect(self._preview_done)
        self._jobs.add(job)
        QThreadPool.globalInstance().start(job)

    def _preview_done(self, generation: int, result: object, warnings: object, _seconds: float) -> None:
        self._jobs = {job for job in self._jobs if job.generation > generation}
        if generation != self.generation:
            return  # an older state: a newer preview is on its way
        if isinstance(result, BaseException):
            self.status.setText(result.message if isinstance(result, TashbeekError) else str(result))
            return
        assert isinstance(result, tpl.Preview) and isinstance(warnings, list)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(result.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.preview_pdf = result.pdf
        # 6 pixels a millimetre (about 150 dpi): sharp on the screen, a page in tens of milliseconds.
        image = self.pdf.render(0, QSize(round(self.page_mm[0] * 6), round(self.page_mm[1] * 6)))
        pixmap = QPixmap.fromImage(image)
        self.page_item.setPixmap(pixmap)
        self.page_item.setScale(self.page_mm[0] / max(1, pixmap.width()))
        self.shown_generation = generation
        self.last_preview_seconds = time.perf_counter() - self._requested_at - DEBOUNCE_MS / 1000
        self.timing.setText(self.tr("Preview: {ms} ms").format(ms=round(self.last_preview_seconds * 1000)))
        self.warnings.clear()
        self.warnings.addItems([*result.problems, *warnings])
        # An empty list only takes the page's room (a 600-pixel screen has little): it shows when
        # there is something to fix, and the title says when there is not.
        self.warnings.setVisible(self.warnings.count() > 0)
        self.warnings_title.setText(
            self.tr("Before printing") if self.warnings.count() else self.tr("Before printing: nothing to fix.")
        )
        self.status.setText("")

    def print_preview(self) -> None:
        """The previewed page (the sample person on the template as it is now) to a printer."""
        if self.preview_pdf is not None:
            printing.print_pdf(self.context, self, self.preview_pdf, self.windowTitle())

    # ------------------------------------------------------------ selection and properties

    def selected_id(self) -> str | None:
        chosen = [item for item in self.items.values() if item.isSelected()]
        return chosen[0].element_id if chosen else None

    def element(self, element_id: str | None) -> dict[str, Any] | None:
        return next((e for e in self.document.get("elements", []) if e["id"] == element_id), None)

    def select(self, element_id: str) -> None:
        self.scene.clearSelection()
        if element_id in self.items:
            self.items[element_id].setSelected(True)

    def _selection_changed(self) -> None:
        self._show_properties(self.element(self.selected_id()))

    def _show_properties(self, element: dict[str, Any] | None) -> None:
        widgets = [w for rows in self.type_rows.values() for w in rows]
        for widget in {*widgets, *self.geometry_boxes.values(), self.label_edit}:
            self.form.setRowVisible(widget, False) if widget is not self.bold_box else None
            widget.setVisible(False)
        if element is None:
            self.element_title.setText(self.tr("Choose an element on the page."))
            return
        kind = element["type"]
        self.element_title.setText(tpl.element_label(element))
        for widget in [*self.geometry_boxes.values(), self.label_edit, *self.type_rows.get(kind, [])]:
            widget.setVisible(True)
            self.form.setRowVisible(widget, True)
        for key, box in self.geometry_boxes.items():
            box.blockSignals(True)
            box.setValue(float(element[key]))
            box.blockSignals(False)
        self.label_edit.setText(str(element.get("label", "")))
        self.text_edit.blockSignals(True)
        if self.text_edit.toPlainText() != str(element.get("text", "")):
            self.text_edit.setPlainText(str(element.get("text", "")))
        self.text_edit.blockSignals(False)
        for box, key, default in ((self.size_box, "size", 12.0), (self.min_size_box, "min_size", 0.0)):
            box.blockSignals(True)
            box.setValue(float(element.get(key, default if default else element.get("size", 12.0))))
            box.blockSignals(False)
        # The engine's defaults (pdf/template.py) for what the element leaves unsaid.
        choices = ((self.align_box, "align", "center"), (self.fit_box, "fit", "shrink"),
                   (self.font_box, "font", "sans"), (self.valign_box, "valign", "top"),
                   (self.direction_box, "direction", "auto"), (self.overflow_box, "overflow", "refuse"))  # fmt: skip
        for combo, key, choice in choices:
            combo.setCurrentIndex(max(0, combo.findData(element.get(key, choice))))
        fit = str(element.get("fit", "shrink"))
        self.line_height_box.blockSignals(True)
        self.line_height_box.setValue(float(element.get("line_height", 1.4)))
        self.line_height_box.blockSignals(False)
        whole = ((self.max_lines_box, int(element.get("max_lines", 1 if fit == "shrink" else 50))),
                 (self.count_box, int(element.get("count", 3))))  # fmt: skip
        for spin, number in whole:
            spin.blockSignals(True)
            spin.setValue(number)
            spin.blockSignals(False)
        self.bold_box.blockSignals(True)
        self.bold_box.setChecked(bool(element.get("bold", False)))
        self.bold_box.blockSignals(False)
        self.color_edit.setText(str(element.get("color") or ""))
        self.position_box.blockSignals(True)
        self.position_box.setValue(int(element.get("position", 1)))
        self.position_box.blockSignals(False)
        self.form.setRowVisible(self.position_box, element.get("source") == "co_organizer")
        self.form.setRowVisible(self.picture_button, element.get("source") == "asset")

    def show_geometry(self, item: _ElementItem) -> None:
        if item.element_id != self.selected_id():
            return
        values = {
            "x": item.pos().x(),
            "y": item.pos().y(),
            "width": item.rect().width(),
            "height": item.rect().height(),
        }
        for key, box in self.geometry_boxes.items():
            box.blockSignals(True)
            box.setValue(values[key])
            box.blockSignals(False)

    # ------------------------------------------------------------ snapping

    def _guides(self, exclude: str) -> tuple[list[float], list[float]]:
        width, height = self.page_mm
        top, right, bottom, left = (
            float(self.document["page"]["margins"][k]) for k in ("top", "right", "bottom", "left")
        )
        xs = [left, width - right, width / 2]
        ys = [top, height - bottom, height / 2]
        for element in self.document["elements"]:
            if element["id"] == exclude:
                continue
            x, y, w, h = (float(element[k]) for k in ("x", "y", "width", "height"))
            xs += [x, x + w / 2, x + w]
            ys += [y, y + h / 2, y + h]
        return xs, ys

    @staticmethod
    def _nearest(values: list[float], guides: list[float]) -> tuple[float, float] | None:
        """The smallest shift that puts one of `values` on a guide, if one is within SNAP_MM, with
        that guide: (shift, guide)."""
        best: tuple[float, float] | None = None
        for value in values:
            for guide in guides:
                shift = guide - value
                if abs(shift) <= SNAP_MM and (best is None or abs(shift) < abs(best[0])):
                    best = (shift, guide)
        return best

    def snap_box(self, item: _ElementItem, position: QPointF) -> QPointF:
        """Where a dragged box lands: its edges or centre on a margin, a centre line or another
        element; the guides it landed on are drawn across the page while the drag lasts."""
        xs, ys = self._guides(item.element_id)
        w, h = item.rect().width(), item.rect().height()
        x, y = position.x(), position.y()
        hit_x = self._nearest([x, x + w / 2, x + w], xs)
        hit_y = self._nearest([y, y + h / 2, y + h], ys)
        self.show_guides(hit_x[1] if hit_x else None, hit_y[1] if hit_y else None)
        return QPointF(round(x + (hit_x[0] if hit_x else 0.0), 2), round(y + (hit_y[0] if hit_y else 0.0), 2))

    def snap_point(self, point: QPointF, exclude: str, *, x: bool = True, y: bool = True) -> QPointF:
        """Where a dragged corner or edge lands (on the axes it moves on), its guides drawn."""
        xs, ys = self._guides(exclude)
        hit_x = self._nearest([point.x()], xs) if x else None
        hit_y = self._nearest([point.y()], ys) if y else None
        self.show_guides(hit_x[1] if hit_x else None, hit_y[1] if hit_y else None)
        return QPointF(
            round(point.x() + (hit_x[0] if hit_x else 0.0), 2), round(point.y() + (hit_y[0] if hit_y else 0.0), 2)
        )

    def show_guides(self, x: float | None, y: float | None) -> None:
        """Draw the guides an edge snapped to (a vertical line at x, a horizontal one at y), across
        the page; None hides that one."""
        width, height = self.page_mm
        for line, at, (x0, y0, x1, y1) in (
            (self.guide_x, x, (x or 0.0, 0.0, x or 0.0, height)),
            (self.guide_y, y, (0.0, y or 0.0, width, y or 0.0)),
        ):
            line.setVisible(at is not None)
            if at is not None:
                line.setLine(x0, y0, x1, y1)

    def hide_guides(self) -> None:
        self.show_guides(None, None)

    # ------------------------------------------------------------ edits (each one step of undo)

    def change(self, document: dict[str, Any], text: str) -> None:
        if document == self.document:
            return
        self.undo_stack.push(_Change(self, copy.deepcopy(self.document), copy.deepcopy(document), text))

    def _edited(self, element_id: str, text: str, **values: Any) -> None:
        document = copy.deepcopy(self.document)
        element = next(e for e in document["elements"] if e["id"] == element_id)
        for key, value in values.items():
            if value is None:
                element.pop(key, None)
            else:
                element[key] = value
        self.change(document, text)

    def commit_geometry(self, item: _ElementItem) -> None:
        """A drag ended: its geometry becomes one step of undo. Called from the item's own mouse
        handler, so the handles are rebuilt after the handler has returned, never under it."""
        self.hide_guides()
        element = self.element(item.element_id)
        if element is None:
            return
        values = {"x": round(item.pos().x(), 2), "y": round(item.pos().y(), 2),
                  "width": round(item.rect().width(), 2), "height": round(item.rect().height(), 2)}  # fmt: skip
        if any(abs(float(element[k]) - v) > 0.001 for k, v in values.items()):
            element_id = item.element_id
            QTimer.singleShot(0, self, lambda: self._edited(element_id, self.tr("Move"), **values))

    def _geometry_edited(self, key: str) -> None:
        element_id = self.selected_id()
        element = self.element(element_id)
        if element_id is None or element is None:
            return
        value = round(self.geometry_boxes[key].value(), 2)
        if key in ("width", "height"):
            value = max(MIN_MM, value)
        if abs(float(element[key]) - value) > 0.001:
            self._edited(element_id, self.tr("Move"), **{key: value})

    def _choice_box(self, key: str, choices: tuple[tuple[str, str], ...]) -> QComboBox:
        """A list of the values a property may take (stored value, words shown)."""
        box = QComboBox()
        for value, text in choices:
            box.addItem(text, value)
        box.activated.connect(lambda _i: self._set_property(key, box.currentData()))
        return box

    def _set_property(self, key: str, value: Any) -> None:
        element_id = self.selected_id()
        element = self.element(element_id)
        if element_id is None or element is None or element.get(key) == value:
            return
        if key == "min_size" and element["type"] == "text":
            value = min(float(value), float(element.get("size", value)))
        self._edited(element_id, self.tr("Change"), **{key: value})

    def _text_typed(self) -> None:
        self._text_timer.start()

    def _insert_field(self, index: int) -> None:
        key = self.field_box.itemData(index)
        self.field_box.setCurrentIndex(0)
        if key:
            self.text_edit.insertPlainText("{" + str(key) + "}")
            self._text_timer.stop()
            self._set_property("text", self.text_edit.toPlainText())

    def _color_edited(self) -> None:
        text = self.color_edit.text().strip()
        if not text:
            self._set_property("color", None)
        elif len(text) == 7 and text.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in text[1:]):
            self._set_property("color", text.lower())
        else:
            self.status.setText(self.tr("A colour is written like #1f5f5b."))

    def nudge(self, dx: float, dy: float) -> None:
        element_id = self.selected_id()
        element = self.element(element_id)
        if element_id is None or element is None:
            return
        self._edited(
            element_id,
            self.tr("Move"),
            x=round(float(element["x"]) + dx, 2),
            y=round(float(element["y"]) + dy, 2),
        )

    def _new_id(self, stem: str) -> str:
        taken = {e["id"] for e in self.document["elements"]}
        n = 1
        while f"{stem}_{n}" in taken:
            n += 1
        return f"{stem}_{n}"

    def add_element(self, kind: str, asset: str | None = None) -> None:
        width, height = self.page_mm
        small = self.kind == "badge"
        base: dict[str, Any] = {"x": round(width / 2 - (15 if small else 40), 1), "y": round(height / 2 - 5, 1),
                                "width": 30 if small else 80, "height": 8 if small else 12}  # fmt: skip
        if kind == "text":
            element = {
                **base,
                "type": "text",
                "text": self.tr("Text"),
                "size": 9 if small else 14,
                "align": "center",
            }
        elif kind in ("logo", "co_organizer"):
            element = {**base, "type": "image", "source": kind, "width": 20, "height": 18}
            if kind == "co_organizer":
                element["position"] = 1
        elif kind == "picture":
            data = self._ask_picture(pdf=False)
            if data is None:
                return
            digest = engine.digest(data)
            self.assets[digest] = (tpl.media_type_of(data), data)
            element = {**base, "type": "image", "source": "asset", "asset": digest, "width": 30, "height": 20}
        elif kind == "qr":
            element = {**base, "type": "qr", "width": 25, "height": 25,
                       "payload": "checkin" if self.kind == "badge" else "verification"}  # fmt: skip
        elif kind == "serial_date":
            element = {**base, "type": "serial_date", "width": 40, "height": 20}
        elif kind == "signatures":
            element = {**base, "type": "signatures", "width": 170, "height": 32}
        elif kind == "line":
            element = {**base, "type": "line", "height": 2}
        else:
            element = {**base, "type": "frame", "line_width": 1.0}
        element = {
            "id": self._new_id(element["type"] if kind != "co_organizer" else "co_organizer"),
            **element,
        }
        document = copy.deepcopy(self.document)
        document["elements"].append(element)
        self.change(document, self.tr("Add"))
        self.select(element["id"])

    def copy_selected(self) -> None:
        element = self.element(self.selected_id())
        if element is not None:
            self.clipboard = copy.deepcopy(element)

    def paste(self) -> None:
        if self.clipboard is None:
            return
        element = copy.deepcopy(self.clipboard)
        stem = str(element["id"]).rstrip("0123456789_") or element["type"]
        element["id"] = self._new_id(stem)
        element["x"] = round(float(element["x"]) + 5, 2)
        element["y"] = round(float(element["y"]) + 5, 2)
        document = copy.deepcopy(self.document)
        document["elements"].append(element)
        self.change(document, self.tr("Paste"))
        self.select(element["id"])

    def delete_selected(self) -> None:
        element = self.element(self.selected_id())
        if element is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete {element} from the template?").format(element=tpl.element_label(element)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        document = copy.deepcopy(self.document)
        document["elements"] = [e for e in document["elements"] if e["id"] != element["id"]]
        self.change(document, self.tr("Delete"))

    def move_in_order(self, step: int) -> None:
        element_id = self.selected_id()
        if element_id is None:
            return
        document = copy.deepcopy(self.document)
        elements = document["elements"]
        index = next(n for n, e in enumerate(elements) if e["id"] == element_id)
        target = max(0, min(len(elements) - 1, index + step))
        if target == index:
            return
        elements.insert(target, elements.pop(index))
        self.change(document, self.tr("Drawing order"))
        self.select(element_id)

    def _ask_picture(self, *, pdf: bool) -> bytes | None:
        kinds = self.tr("Pictures (*.png *.jpg *.jpeg)") + (";;" + self.tr("PDF (*.pdf)") if pdf else "")
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a picture"), "", kinds)
        if not path:
            return None
        try:
            data = Path(path).read_bytes()
            tpl.media_type_of(data)
        except (OSError, TashbeekError) as error:
            show_error(self, error)
            return None
        return data

    def choose_picture(self) -> None:
        element_id = self.selected_id()
        data = self._ask_picture(pdf=False)
        if element_id is None or data is None:
            return
        digest = engine.digest(data)
        self.assets[digest] = (tpl.media_type_of(data), data)
        self._edited(element_id, self.tr("Change"), asset=digest)

    def choose_background(self) -> None:
        data = self._ask_picture(pdf=True)
        if data is None:
            return
        digest = engine.digest(data)
        media_type = tpl.media_type_of(data)
        self.assets[digest] = (media_type, data)
        document = copy.deepcopy(self.document)
        document["background"] = {
            "type": "pdf" if media_type == "application/pdf" else "image",
            "asset": digest,
        }
        self.change(document, self.tr("Background"))

    # ------------------------------------------------------------ saving and choosing

    def save(self) -> bool:
        """Save the template (a built-in one as a new template, under a name asked for)."""
        if not self.context.may("templates.design", self):
            return False
        document = copy.deepcopy(self.document)
        template_id = self.template_id
        if self.builtin:
            name, ok = QInputDialog.getText(self, self.tr("New template"), self.tr("Name of the new template:"),
                                            text=self.tr("{name} (mine)").format(name=document["name"]))  # fmt: skip
            if not ok or not name.strip():
                return False
            document["name"] = name.strip()
            document.pop("name_en", None)
            template_id = None
        used = {d: self.assets[d] for d in tpl.used_assets(document) if d in self.assets}
        try:
            saved = self.context.call(
                self, lambda db: tpl.save_template(db, template_id, document, used),
                changes=lambda new_id: [Change(Kind.TEMPLATE, new_id)],
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing was written
            show_error(self, error)
            return False
        self.template_id = saved
        self.builtin = False
        self._load_template_list()
        self._choose_template()
        self.status.setText(self.tr("Saved."))
        return True

    def new_from_this(self) -> None:
        if not self.context.may("templates.design", self):
            return
        name, ok = QInputDialog.getText(self, self.tr("New template"), self.tr("Name of the new template:"),
                                        text=self.tr("{name} (mine)").format(name=self.document["name"]))  # fmt: skip
        if not ok or not name.strip():
            return
        document = {**copy.deepcopy(self.document), "name": name.strip()}
        document.pop("name_en", None)
        used = {d: self.assets[d] for d in tpl.used_assets(document) if d in self.assets}
        try:
            self.template_id = self.context.call(
                self, lambda db: tpl.save_template(db, None, document, used),
                changes=lambda new_id: [Change(Kind.TEMPLATE, new_id)],
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing was written
            show_error(self, error)
            return
        self._load_template_list()
        self._choose_template()

    def _saved_first(self) -> bool:
        if self.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self, self.tr("Save"), self.tr("Save the changes to the template first?")
        )
        return answer == QMessageBox.StandardButton.Yes and self.save()

    def use_for_training(self) -> None:
        if (
            self.training_id is None
            or not self.context.may("templates.design", self)
            or not self._saved_first()
        ):
            return
        try:
            training_id, template_id, kind = self.training_id, self.template_id, self.kind
            self.context.call(
                self, lambda db: tpl.set_training_template(db, training_id, template_id, kind),
                changes=[Change(Kind.TRAINING, training_id)],
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing was written
            show_error(self, error)
            return
        self.status.setText(self.tr("This training now prints with this template."))

    def make_default(self) -> None:
        if not self.context.may("templates.design", self) or not self._saved_first():
            return
        try:
            kind, template_id = self.kind, self.template_id
            self.context.call(
                self, lambda db: tpl.set_default_template(db, kind, template_id), changes=[Change(Kind.SETTINGS)]
            )
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing was written
            show_error(self, error)
            return
        self.status.setText(self.tr("Trainings that chose no template now print with this one."))

    def reject(self) -> None:
        if not self.undo_stack.isClean():
            answer = QMessageBox.question(
                self, self.tr("Close"), self.tr("Close without saving the changes?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
