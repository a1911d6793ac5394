"""The partner network (Ctrl+0): one section with five tabs — the map of who works with whom, the
agreements, the initiatives, the meetings and the action items.

One section rather than five: they are one subject (the network a programme builds and follows up),
the sidebar stays short on a 1024×600 screen, and the keyboard scheme gives the next section Ctrl+0.
The map is drawn with Qt's graphics view from the network service's layout (the same positions the
CLI prints): wheel to zoom, drag to pan, hover a circle or a line for names and reasons, click a
circle to open the organization."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLineF, QPointF, QRectF, Qt, QTime, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.pdf.network_page import KIND_COLOURS, radius
from desktop_app.pdf.report_text import word
from desktop_app.services import actions, agreements, initiatives, meetings, network, network_documents
from desktop_app.services.changes import Change, Kind
from desktop_app.services.workspace import Database
from desktop_app.text.dates import format_date
from desktop_app.text.governorates import governorate_name
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.operations import Report
from desktop_app.views.paths import suggested_file, with_suffix_confirmed
from desktop_app.views.style import icon, label
from desktop_app.views.widgets import printing

SCENE = 1000.0  # the layout's [0, 1] square, in scene units


def _date(day: dt.date | None, language: str) -> str:
    return format_date(day, language) if day else "—"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def _fill(table: QTableWidget, rows: list[tuple[int, list[str]]], warn: set[int] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, (record_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            if warn and record_id in warn:
                item.setForeground(QBrush(QColor("#b03a2e")))
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _open_file(path: Path) -> None:
    """A written file, opened with the system's viewer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _selected(table: QTableWidget) -> int | None:
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


# ---------------------------------------------------------------- the map


class GraphView(QGraphicsView):
    """Zoom with the wheel, pan by dragging; a click on a circle opens its organization."""

    organization_clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setMinimumHeight(260)
        # No scroll bars (the map pans by dragging): fitting the map on a resize made them appear,
        # which resized the view, which fitted the map again — the window never settled.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The map is a picture, not text: it is not mirrored in a right-to-left window.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

        self.zoomed = False  # once the user zooms, a resize keeps their view

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)

    def zoom(self, factor: float) -> None:
        self.zoomed = True
        self.scale(factor, factor)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if not self.zoomed:
            self.fit()

    def fit(self) -> None:
        if self.scene() is not None:
            self.fitInView(self.scene().itemsBoundingRect().adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)

    def mouseReleaseEvent(self, event: Any) -> None:
        super().mouseReleaseEvent(event)
        item = self.itemAt(event.position().toPoint())
        org = item.data(0) if item is not None else None
        if isinstance(org, int):
            self.organization_clicked.emit(org)


MAX_EDGE_ITEMS = 3000  # beyond, the lines are drawn by one item
MAX_LISTED = 300  # lines in the side list
MAX_DRAWN_EDGES = 5000  # the strongest links drawn on a very large map


def _edge_pen(edge: network.Edge, is_new: bool, heaviest: int) -> QPen:
    colour = QColor("#c0392b") if is_new else QColor("#b8c4cc") if edge.organized_only else QColor("#34607f")
    colour.setAlphaF(0.9 if is_new else 0.5)
    pen = QPen(colour, 0.6 + 4 * edge.weight / heaviest)
    if edge.organized_only:
        pen.setStyle(Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    return pen


class EdgeLayer(QGraphicsItem):
    """All the links of a large network in one item: lines grouped by pen, drawn with one call per
    pen, and cached as a picture until the zoom changes."""

    def __init__(self, edges: list[network.Edge], where: dict[int, QPointF], new: set[tuple[int, int]],
                 heaviest: int) -> None:  # fmt: skip
        super().__init__()
        groups: dict[tuple[bool, bool, int], list[QLineF]] = {}
        for edge in edges:
            is_new = (edge.source, edge.target) in new
            # Widths in eight steps: a handful of pens instead of one per link.
            step = max(1, round(8 * edge.weight / heaviest))
            groups.setdefault((is_new, edge.organized_only, step), []).append(
                QLineF(where[edge.source], where[edge.target]))
        self.groups = [(
            _edge_pen(network.Edge(0, 0, (), max(1, heaviest * step // 8), organized), is_new, heaviest), lines)
            for (is_new, organized, step), lines in sorted(groups.items())]  # fmt: skip
        xs = [p.x() for p in where.values()] or [0.0]
        ys = [p.y() for p in where.values()] or [0.0]
        self.bounds = QRectF(min(xs) - 10, min(ys) - 10, max(xs) - min(xs) + 20, max(ys) - min(ys) + 20)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(0)

    def boundingRect(self) -> QRectF:
        return self.bounds

    def paint(self, painter: QPainter, _option: Any, _widget: Any = None) -> None:
        for pen, lines in self.groups:
            painter.setPen(pen)
            painter.drawLines(lines)


class MapTab(QWidget):
    open_organization = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.result: network.Network | None = None
        self.choices: network.Choices | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.scene = QGraphicsScene(self)
        self.view = GraphView()
        filters = QHBoxLayout()
        self.period = QComboBox()
        for key, text in (("all", self.tr("All time")), ("year", self.tr("Last 12 months")),
                          ("this_year", self.tr("This year"))):  # fmt: skip
            self.period.addItem(text, key)
        self.activity = QComboBox()
        self.initiative = QComboBox()
        self.governorate = QComboBox()
        self.kind = QComboBox()
        # No caption beside each box (a 1024-pixel screen has no room): the first item says it all.
        self.everything = {self.activity: self.tr("All trainings and meetings"),
                           self.initiative: self.tr("All initiatives"),
                           self.governorate: self.tr("All governorates"), self.kind: self.tr("All kinds")}  # fmt: skip
        for combo, tip in ((self.period, self.tr("Period")), (self.activity, self.tr("Training or meeting")),
                           (self.initiative, self.tr("Initiative")), (self.governorate, self.tr("Governorate")),
                           (self.kind, self.tr("Kind of organization"))):  # fmt: skip
            combo.setToolTip(tip)
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            filters.addWidget(combo, 2 if combo is self.activity else 1)
            combo.currentIndexChanged.connect(self.reload)
        view_tools = QHBoxLayout()
        view_tools.addStretch(1)
        for icon_name, tip, slot in (("fa5s.search-plus", self.tr("Zoom in"), lambda: self.view.zoom(1.25)),
                                     ("fa5s.search-minus", self.tr("Zoom out"), lambda: self.view.zoom(0.8)),
                                     ("fa5s.expand", self.tr("Fit"), self._fit)):  # fmt: skip
            button = QPushButton(icon(icon_name), "")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            view_tools.addWidget(button)
        # Icons with tooltips, like the zoom buttons: with words, the row did not fit 1024 pixels in Arabic.
        png = QPushButton(icon("fa5s.image"), "")
        png.setToolTip(self.tr("Save the picture as PNG"))
        png.clicked.connect(lambda: self.export(".png"))
        pdf = QPushButton(icon("fa5s.file-pdf"), "")
        pdf.setToolTip(self.tr("Save the network as a PDF page"))
        pdf.clicked.connect(lambda: self.export(".pdf"))
        print_button = QPushButton(icon("fa5s.print"), "")
        print_button.setToolTip(self.tr("Print the network (Ctrl+P)"))
        print_button.clicked.connect(self.print_map)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_map)
        view_tools.addWidget(png)
        view_tools.addWidget(pdf)
        view_tools.addWidget(print_button)
        # The filters on one line, the view's tools at the end of the next: on one line they needed
        # 966 pixels, more than a 1024×600 screen leaves beside the sections.
        layout.addLayout(filters)
        layout.addLayout(view_tools)
        split = QSplitter()
        self.view.setScene(self.scene)
        self.view.organization_clicked.connect(self.open_organization.emit)
        split.addWidget(self.view)
        side = QWidget()
        side.setMinimumWidth(220)
        side.setMaximumWidth(380)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = label("", "muted", wrap=True)
        side_layout.addWidget(self.summary)
        self.which = QComboBox()
        side_layout.addWidget(self.which)
        self.list = QListWidget()
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._open_item)
        side_layout.addWidget(self.list, 1)
        self.which.currentIndexChanged.connect(self._show_list)
        self.lists: dict[str, list[tuple[str, int]]] = {"new": [], "most": [], "once": [], "quiet": []}
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.loaded = False

    def _fit(self) -> None:
        self.view.zoomed = False
        self.view.fit()

    def _show_list(self) -> None:
        self.list.clear()
        entries = self.lists.get(self.which.currentData() or "new", [])
        for text, org in entries[:MAX_LISTED]:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, org)
            self.list.addItem(item)
        if len(entries) > MAX_LISTED:  # the whole list is in the export (Links)
            more = QListWidgetItem(self.tr("… and {n} more").format(n=len(entries) - MAX_LISTED))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)

    def _open_item(self, item: QListWidgetItem) -> None:
        org = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(org, int):
            self.open_organization.emit(org)

    def fill_choices(self) -> None:
        self.choices = choices = network.choices(self.context.db)
        language = self.context.language
        for combo, items in (
            (self.activity, [(i, f"{title} ({_date(day, language)})") for i, title, _k, day in choices.activities]),
            (self.initiative, list(choices.initiatives)),
            (self.governorate, [(g, governorate_name(g, language) or g) for g in choices.governorates]),
            (self.kind, [(k, word(k, language)) for k in choices.kinds]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.everything[combo], None)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> network.NetworkFilter:
        today = clock.today()
        start = {"all": None, "year": today - dt.timedelta(days=365), "this_year": today.replace(month=1, day=1)}[
            self.period.currentData()]  # fmt: skip
        governorate, kind = self.governorate.currentData(), self.kind.currentData()
        return network.NetworkFilter(
            start, None, (governorate,) if governorate else (), (kind,) if kind else (),
            self.activity.currentData(), self.initiative.currentData(),
        )  # fmt: skip

    def reload(self) -> None:
        if self.choices is None:
            self.fill_choices()
        db, flt = self.context.db, self.current_filter()

        def work(report: Report) -> network.Network:
            report(0, 0)
            return network.network(db, flt)

        self.context.runner.run(self, self.tr("Drawing the network…"), work, self.draw)

    def draw(self, result: network.Network) -> None:
        self.result = result
        self.loaded = True
        self.scene.clear()
        names = {n.id: n.name for n in result.nodes}
        where = {n.id: QPointF(n.x * SCENE, n.y * SCENE) for n in result.nodes}
        # New links stand out when one training or meeting is shown (over all time, most links were new once).
        single = self.activity.currentData() is not None
        new = {(n.source, n.target) for n in result.new_links} if single else set()
        heaviest = max((e.weight for e in result.edges), default=1)
        kinds = {"training": self.tr("training"), "meeting": self.tr("meeting"), "organized": self.tr("organized"),
                 "co_organized": self.tr("co-organized"), "agreement": self.tr("agreement"),
                 "initiative": self.tr("initiative")}  # fmt: skip
        language = self.context.language
        ordered = sorted(result.edges, key=lambda e: ((e.source, e.target) in new, not e.organized_only, e.weight))
        if len(ordered) > MAX_DRAWN_EDGES:
            # Tens of thousands of lines are a grey mass, and slow: the strongest are drawn (new links
            # of the chosen training always); every link is counted, listed and exported.
            ordered = ordered[-MAX_DRAWN_EDGES:]
        drawn = len(ordered)
        if len(ordered) > MAX_EDGE_ITEMS:
            # A large network: every line drawn by one item (an item per line costs seconds to build),
            # hover stays on the circles; a link's reasons are in the lists and the export.
            self.scene.addItem(EdgeLayer(ordered, where, new, heaviest))
            ordered = []
        for edge in ordered:
            line = QGraphicsLineItem(where[edge.source].x(), where[edge.source].y(),
                                     where[edge.target].x(), where[edge.target].y())  # fmt: skip
            line.setPen(_edge_pen(edge, (edge.source, edge.target) in new, heaviest))
            reasons = "\n".join(
                f"{kinds.get(r.kind, r.kind)}: {result.titles.get((r.kind if r.kind in ('agreement', 'initiative') else self._activity_kind(r), r.id), '')}"
                f" ({_date(r.date, language)})"
                for r in edge.reasons[:12]
            )  # fmt: skip
            line.setToolTip(f"{names[edge.source]} — {names[edge.target]}\n{reasons}")
            line.setZValue(0)
            self.scene.addItem(line)
        largest = max((n.people for n in result.nodes), default=0)
        degrees = dict(result.most_connected)
        named = {n.id for n in result.nodes} if len(result.nodes) <= 80 else set(list(degrees)[:10]) | {
            n.id for n in sorted(result.nodes, key=lambda n: -n.people)[:30]}  # fmt: skip
        for node in result.nodes:
            r = radius(node.people, largest) * 1.6
            centre = where[node.id]
            circle = QGraphicsEllipseItem(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r))
            circle.setBrush(QBrush(QColor(KIND_COLOURS.get(node.kind, KIND_COLOURS["other"]).hexval().replace("0x", "#"))))
            circle.setPen(QPen(QColor("white"), 1.5))
            circle.setData(0, node.id)
            circle.setToolTip(self.tr("{name}\n{people} people took part · {kind}").format(
                name=node.name, people=node.people, kind=word(node.kind, language)))  # fmt: skip
            circle.setCursor(Qt.CursorShape.PointingHandCursor)
            circle.setZValue(2)
            self.scene.addItem(circle)
            if node.id in named:
                text = QGraphicsSimpleTextItem(node.name if language == "ar" or not node.name_en else node.name_en)
                font = text.font()
                font.setPointSizeF(8)
                text.setFont(font)
                text.setBrush(QBrush(QColor("#1d2b36")))
                # Names keep their size at any zoom; centred under the circle, in screen pixels.
                text.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                text.setTransform(QTransform.fromTranslate(-text.boundingRect().width() / 2, 2))
                text.setPos(centre.x(), centre.y() + r)
                text.setData(0, node.id)
                text.setZValue(3)
                self.scene.addItem(text)
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-30, -30, 30, 30))
        self._fit()
        summary = self.tr("{orgs} organizations, {links} links; {new} new links between {m} organizations").format(
            orgs=len(result.nodes), links=len(result.edges), new=len(result.new_links), m=result.new_link_organizations)  # fmt: skip
        if drawn < len(result.edges):
            summary += "\n" + self.tr("The {n} strongest links are drawn.").format(n=drawn)
        self.summary.setText(summary)
        self.lists = {
            "new": [(f"{names[n.source]} — {names[n.target]}", n.source) for n in result.new_links[:MAX_LISTED + 1]],
            "most": [(f"{names[o]} ({d})", o) for o, d in result.most_connected],
            "once": [(names[o], o) for o in result.once],
            "quiet": [(f"{names[q.source]} — {names[q.target]} ({_date(q.last, language)})", q.source)
                      for q in result.quiet[:300]],
        }  # fmt: skip
        current = self.which.currentData() or "new"
        self.which.blockSignals(True)
        self.which.clear()
        for key, caption in (("new", self.tr("New links ({n})")), ("most", self.tr("Most connected")),
                             ("once", self.tr("Reached once, never since ({n})")),
                             ("quiet", self.tr("Quiet for 12 months ({n})"))):  # fmt: skip
            self.which.addItem(caption.format(n=len(self.lists[key])), key)
        self.which.setCurrentIndex(max(0, self.which.findData(current)))
        self.which.blockSignals(False)
        self._show_list()

    def _activity_kind(self, reason: network.Reason) -> str:
        if reason.kind in ("organized", "co_organized") and self.result is not None:
            return "meeting" if ("meeting", reason.id) in self.result.titles else "training"
        return reason.kind

    def export(self, suffix: str) -> None:
        if not self.context.may("network.export", self):
            return
        kind = "PDF (*.pdf)" if suffix == ".pdf" else "PNG (*.png)"
        chosen, _selected = QFileDialog.getSaveFileName(self, self.tr("Save the network as"),
                                                        suggested_file(self.tr("Network"), suffix), kind)  # fmt: skip
        if not chosen:
            return
        path = with_suffix_confirmed(self, chosen, suffix)
        if path is None or self.result is None:
            return
        if suffix == ".png":
            self.save_png(path)
            return
        db, flt, result = self.context.db, self.current_filter(), self.result

        def work(report: Report) -> int:
            report(0, 0)
            return network_documents.write_network_pdf(db, flt, path, replace=True, result=result)

        self.context.runner.run(self, self.tr("Writing the PDF…"), work, lambda _pages: None)

    def print_map(self) -> None:
        """The network's PDF page (as "Save the network as a PDF page" writes it) to a printer."""
        if self.result is None:
            return
        db, flt, result = self.context.db, self.current_filter(), self.result
        printing.print_made(self.context, self, self.tr("Network"),
                            lambda path, _report: network_documents.write_network_pdf(db, flt, path, replace=True,
                                                                                      result=result))  # fmt: skip

    def save_png(self, path: Path) -> None:
        """The picture as it is on screen (zoom and pan included), names at their screen size."""
        image = self.view.viewport().grab()
        if not image.save(str(path), "PNG"):
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The picture could not be written to {path}.").format(path=path))  # fmt: skip


# ---------------------------------------------------------------- forms


def _org_combo(choices: network.Choices, empty: str | None) -> QComboBox:
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for org_id, name, _en in choices.organizations:
        combo.addItem(name, org_id)
    return combo


NO_DATE = QDate(2000, 1, 1)  # an optional date's "none": the earliest the field allows, shown as "—"


def _date_edit(day: dt.date | None, *, optional: bool = False) -> QDateEdit:
    """A date field; an optional one can be left empty (its earliest date, shown as "—")."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        return edit
    day = day or clock.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _day(edit: QDateEdit) -> dt.date:
    picked = edit.date()
    return dt.date(picked.year(), picked.month(), picked.day())


def _day_or_none(edit: QDateEdit) -> dt.date | None:
    return None if edit.date() == edit.minimumDate() and edit.specialValueText() else _day(edit)


def _choose(combo: QComboBox, value: object) -> None:
    """Select the item holding `value` (the first item when none does)."""
    combo.setCurrentIndex(max(0, combo.findData(value)))


def _checkable_list(items: list[tuple[int, str]], checked: set[int]) -> QListWidget:
    listing = QListWidget()
    for record_id, text in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        item.setCheckState(Qt.CheckState.Checked if record_id in checked else Qt.CheckState.Unchecked)
        listing.addItem(item)
    return listing


def _checked(listing: QListWidget) -> list[int]:
    found = []
    for n in range(listing.count()):
        item = listing.item(n)
        if item is not None and item.checkState() == Qt.CheckState.Checked:
            found.append(int(item.data(Qt.ItemDataRole.UserRole)))
    return found


def _activities(choices: network.Choices, language: str, meeting_word: str) -> list[tuple[int, str]]:
    """Trainings and meetings to link, newest first ("meeting" said of a meeting)."""
    found = []
    for tid, title, kind, day in choices.activities:
        when = _date(day, language)
        # A monthly meeting's title often says its day already.
        text = title if when in title else f"{title} ({when})"
        found.append((tid, text + (f" · {meeting_word}" if kind == "meeting" else "")))
    return found


def _time(edit: QTimeEdit) -> dt.time:
    picked = edit.time()
    return dt.time(picked.hour(), picked.minute())


class _Form(QDialog):
    """A form: its fields, further pages as tabs when it has more than fits a 1024×600 screen, Save."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(680)
        outer = QVBoxLayout(self)
        self.pages = QTabWidget()
        self.pages.setTabBarAutoHide(True)  # a one-page form shows no tab
        outer.addWidget(self.pages, 1)
        details = QWidget()
        self.form = QFormLayout(details)
        self.pages.addTab(details, self.tr("Details"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.outer = outer

    def add_page(self, widget: QWidget, title: str) -> None:
        self.pages.addTab(widget, title)

    def finish(self) -> None:
        self.outer.addWidget(self.buttons)


class AgreementDialog(_Form):
    """An agreement, new or edited: title, kind, status, dates, summary; its parties with their
    signatories (a party's signatory is one of its organization's people); the trainings, meetings
    and initiatives it is linked to."""

    def __init__(
        self, parent: QWidget, context: AppContext, choices: network.Choices, row: agreements.AgreementRow | None = None
    ) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit agreement") if row else self.tr("New agreement"))
        self.context = context
        self.record_id = row.id if row else None
        self.title = QLineEdit(row.title if row else "")
        self.kind = QComboBox()
        for key, text in (("protocol", self.tr("Cooperation protocol")), ("memorandum", self.tr("Memorandum of understanding")),
                          ("partnership", self.tr("Partnership")), ("grant", self.tr("Grant"))):  # fmt: skip
            self.kind.addItem(text, key)
        self.status = QComboBox()
        for key, text in (("signed", self.tr("Signed")), ("draft", self.tr("Draft")), ("active", self.tr("Active")),
                          ("expired", self.tr("Expired")), ("ended", self.tr("Ended"))):  # fmt: skip
            self.status.addItem(text, key)
        if row is None:
            self.signed = _date_edit(clock.today(), optional=True)
            self.start = _date_edit(clock.today(), optional=True)
            self.end = _date_edit(clock.today() + dt.timedelta(days=365), optional=True)
        else:
            _choose(self.kind, row.kind)
            _choose(self.status, row.status)
            self.signed = _date_edit(row.signed_on, optional=True)
            self.start = _date_edit(row.start_date, optional=True)
            self.end = _date_edit(row.end_date, optional=True)
        self.summary = QPlainTextEdit(row.summary or "" if row else "")
        self.summary.setMaximumHeight(90)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow(self.tr("Signed on"), self.signed)
        self.form.addRow(self.tr("In force from"), self.start)
        self.form.addRow(self.tr("Until"), self.end)
        self.form.addRow(self.tr("Summary"), self.summary)

        parties_page = QWidget()
        parties_form = QFormLayout(parties_page)
        self.parties: list[tuple[QComboBox, QComboBox, QLineEdit]] = []
        given = list(row.parties) if row else []
        for n in range(max(4, len(given) + 1)):
            org = _org_combo(choices, self.tr("(none)"))
            person = QComboBox()
            person.addItem(self.tr("(signatory)"), None)
            title = QLineEdit()
            title.setPlaceholderText(self.tr("their title"))
            org.currentIndexChanged.connect(lambda _i, o=org, p=person: self._people(o, p))
            if n < len(given):
                _choose(org, given[n].organization_id)
                _choose(person, given[n].signatory_id)
                title.setText(given[n].signatory_title or "")
            row_layout = QHBoxLayout()
            row_layout.addWidget(org, 3)
            row_layout.addWidget(person, 2)
            row_layout.addWidget(title, 2)
            parties_form.addRow(self.tr("Party {n}").format(n=n + 1), row_layout)
            self.parties.append((org, person, title))
        self.add_page(parties_page, self.tr("Parties"))

        links_page = QWidget()
        links = QVBoxLayout(links_page)
        links.addWidget(label(self.tr("Trainings and meetings"), "muted"))
        self.trainings = _checkable_list(_activities(choices, context.language, self.tr("meeting")),
                                         set(row.training_ids) if row else set())  # fmt: skip
        links.addWidget(self.trainings, 2)
        links.addWidget(label(self.tr("Initiatives"), "muted"))
        self.initiatives = _checkable_list(list(choices.initiatives), set(row.initiative_ids) if row else set())
        links.addWidget(self.initiatives, 1)
        self.add_page(links_page, self.tr("Linked activities"))
        self.finish()

    def _people(self, org: QComboBox, person: QComboBox) -> None:
        person.clear()
        person.addItem(self.tr("(signatory)"), None)
        if org.currentData() is not None:
            for pid, name in network.people_of(self.context.db, int(org.currentData())):
                person.addItem(name, pid)

    def data(self) -> agreements.AgreementData:
        parties = [agreements.PartyData(int(o.currentData()), p.currentData(), t.text() or None)
                   for o, p, t in self.parties if o.currentData() is not None]  # fmt: skip
        draft = self.status.currentData() == "draft"
        return agreements.AgreementData(
            self.title.text(), self.kind.currentData(), self.status.currentData(),
            None if draft else _day_or_none(self.signed), _day_or_none(self.start),
            _day_or_none(self.end), self.summary.toPlainText() or None, parties,
            _checked(self.trainings), _checked(self.initiatives),
        )  # fmt: skip

    def saver(self) -> Callable[[Database], int]:
        """The write this form asks for, read from its fields now (the work runs off the GUI thread)."""
        data, record_id = self.data(), self.record_id
        if record_id is None:
            return lambda db: agreements.create_agreement(db, data)

        def update(db: Database) -> int:
            agreements.update_agreement(db, record_id, data)
            return record_id

        return update


class InitiativeDialog(_Form):
    """An initiative, new or edited: its details; the partner organizations and the role of each; the
    people involved and theirs; the trainings and meetings it is linked to. Its agreements are kept as
    they are (the agreement's form links them, one place for that link)."""

    PERSON, ROLE = 0, 1

    def __init__(
        self, parent: QWidget, context: AppContext, choices: network.Choices, row: initiatives.InitiativeRow | None = None
    ) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit initiative") if row else self.tr("New initiative"))
        self.context = context
        self.row = row
        self.name = QLineEdit(row.name if row else "")
        self.lead = _org_combo(choices, self.tr("(none)"))
        self.status = QComboBox()
        for key, text in (("active", self.tr("Active")), ("planned", self.tr("Planned")),
                          ("completed", self.tr("Completed")), ("stopped", self.tr("Stopped"))):  # fmt: skip
            self.status.addItem(text, key)
        self.start = _date_edit(row.start_date if row else clock.today(), optional=True)
        self.end = _date_edit(row.end_date if row else None, optional=True)
        self.goals = QPlainTextEdit(row.goals or "" if row else "")
        self.goals.setMaximumHeight(90)
        self.governorates = QLineEdit(", ".join(row.governorates) if row else "")
        self.governorates.setPlaceholderText(self.tr("governorate codes, such as 01, 21"))
        if row:
            _choose(self.lead, row.lead_organization_id)
            _choose(self.status, row.status)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Lead organization"), self.lead)
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow(self.tr("Starts"), self.start)
        self.form.addRow(self.tr("Ends"), self.end)
        self.form.addRow(self.tr("Goals"), self.goals)
        self.form.addRow(self.tr("Governorates"), self.governorates)

        # Partners: every organization, ticked when it is a partner, with its role beside it.
        roles = {org: role for org, _name, role in row.partners} if row else {}
        # The partners first, in their order, then every other organization.
        order = {org: n for n, (org, _name, _role) in enumerate(row.partners)} if row else {}
        organizations = sorted(choices.organizations, key=lambda o: order.get(o[0], len(order)))
        self.partners = QTableWidget(len(organizations), 2)
        self.partners.setHorizontalHeaderLabels([self.tr("Organization"), self.tr("Role")])
        self.partners.verticalHeader().setVisible(False)
        self.partners.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.partners.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for n, (org_id, org_name, _en) in enumerate(organizations):
            item = QTableWidgetItem(org_name)
            item.setData(Qt.ItemDataRole.UserRole, org_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if org_id in roles else Qt.CheckState.Unchecked)
            self.partners.setItem(n, 0, item)
            self.partners.setItem(n, 1, QTableWidgetItem(roles.get(org_id) or ""))
        partners_page = QWidget()
        partners_layout = QVBoxLayout(partners_page)
        partners_layout.addWidget(label(self.tr("Tick the partner organizations and write the role of each."), "muted"))
        partners_layout.addWidget(self.partners, 1)
        self.add_page(partners_page, self.tr("Partners"))

        # People involved: chosen among an organization's people, each with a role.
        self.people = QTableWidget(0, 2)
        self.people.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Role")])
        self.people.verticalHeader().setVisible(False)
        self.people.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for person_id, person_name, role in row.people if row else ():
            self._add_person_row(person_id, person_name, role)
        self.person_org = _org_combo(choices, self.tr("(organization)"))
        self.person = QComboBox()
        self.person_role = QLineEdit()
        self.person_role.setPlaceholderText(self.tr("their role"))
        self.person_org.currentIndexChanged.connect(self._people_of_org)
        self._people_of_org()
        add = QPushButton(icon("fa5s.user-plus"), self.tr("Add"))
        add.clicked.connect(self.add_person)
        remove = QPushButton(icon("fa5s.ban"), self.tr("Remove"))
        remove.clicked.connect(self.remove_person)
        picker = QHBoxLayout()
        picker.addWidget(self.person_org, 2)
        picker.addWidget(self.person, 2)
        picker.addWidget(self.person_role, 1)
        picker.addWidget(add)
        people_page = QWidget()
        people_layout = QVBoxLayout(people_page)
        people_layout.addLayout(picker)
        people_layout.addWidget(self.people, 1)
        removing = QHBoxLayout()
        removing.addStretch(1)
        removing.addWidget(remove)
        people_layout.addLayout(removing)
        self.add_page(people_page, self.tr("People involved"))

        links_page = QWidget()
        links = QVBoxLayout(links_page)
        links.addWidget(label(self.tr("Trainings and meetings"), "muted"))
        self.trainings = _checkable_list(_activities(choices, context.language, self.tr("meeting")),
                                         {t for t, _title, _kind in row.trainings} if row else set())  # fmt: skip
        links.addWidget(self.trainings, 1)
        links.addWidget(label(self.tr("Agreements are linked from the agreement's own form."), "caption", wrap=True))
        self.add_page(links_page, self.tr("Linked activities"))
        self.finish()

    def _people_of_org(self) -> None:
        self.person.clear()
        org = self.person_org.currentData()
        if org is None:
            self.person.addItem(self.tr("(choose an organization first)"), None)
            return
        for pid, name in network.people_of(self.context.db, int(org)):
            self.person.addItem(name, pid)

    def _add_person_row(self, person_id: int, name: str, role: str | None) -> None:
        n = self.people.rowCount()
        self.people.insertRow(n)
        item = QTableWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.people.setItem(n, self.PERSON, item)
        self.people.setItem(n, self.ROLE, QTableWidgetItem(role or ""))

    def _person_ids(self) -> list[int]:
        ids = []
        for n in range(self.people.rowCount()):
            item = self.people.item(n, self.PERSON)
            if item is not None:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def add_person(self) -> None:
        person_id = self.person.currentData()
        if person_id is None or int(person_id) in self._person_ids():
            return
        self._add_person_row(int(person_id), self.person.currentText(), self.person_role.text().strip() or None)
        self.person_role.clear()

    def remove_person(self) -> None:
        if self.people.currentRow() >= 0:
            self.people.removeRow(self.people.currentRow())

    @staticmethod
    def _text(table: QTableWidget, row: int, column: int) -> str | None:
        item = table.item(row, column)
        return (item.text().strip() or None) if item is not None else None

    def data(self) -> initiatives.InitiativeData:
        partners: list[tuple[int, str | None]] = []
        for n in range(self.partners.rowCount()):
            item = self.partners.item(n, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                partners.append((int(item.data(Qt.ItemDataRole.UserRole)), self._text(self.partners, n, 1)))
        people = [(pid, self._text(self.people, n, self.ROLE)) for n, pid in enumerate(self._person_ids())]
        governorates = [g.strip() for g in self.governorates.text().replace("،", ",").split(",") if g.strip()]
        row = self.row
        return initiatives.InitiativeData(
            self.name.text(), self.lead.currentData(), partners, _day_or_none(self.start), _day_or_none(self.end),
            self.status.currentData(), self.goals.toPlainText() or None, governorates, people,
            _checked(self.trainings),
            # Kept as they are: the agreement's form links them.
            [a for a, _t in row.agreements] if row else [],
        )  # fmt: skip

    def saver(self) -> Callable[[Database], int]:
        data, record_id = self.data(), self.row.id if self.row else None
        if record_id is None:
            return lambda db: initiatives.create_initiative(db, data)

        def update(db: Database) -> int:
            initiatives.update_initiative(db, record_id, data)
            return record_id

        return update


class MeetingDialog(_Form):
    """A new meeting, or a monthly series of them ahead (the people of a training or meeting are
    invited); or a meeting edited: its title, day and hours, place, organizer and agenda (its minutes
    have their own form, its people the check-in and the grid)."""

    def __init__(
        self, parent: QWidget, choices: network.Choices, language: str, details: meetings.MeetingDetails | None = None
    ) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit meeting") if details else self.tr("New meeting"))
        self.details = details
        row = details.row if details else None
        self.title = QLineEdit(row.title if row else "")
        self.day = _date_edit(row.date if row else clock.today() + dt.timedelta(days=7))
        self.start = QTimeEdit(QTime(18, 0))
        self.end = QTimeEdit(QTime(20, 0))
        # A meeting without hours keeps none unless the user asks for them.
        self.has_hours = QCheckBox(self.tr("At set hours"))
        self.has_hours.setChecked(row is None or row.start_time is not None)
        if row and row.start_time:
            self.start.setTime(QTime(row.start_time.hour, row.start_time.minute))
        if row and row.end_time:
            self.end.setTime(QTime(row.end_time.hour, row.end_time.minute))
        self.venue = QLineEdit(row.venue or "" if row else "")
        self.online = QCheckBox(self.tr("Held online"))
        self.online.setChecked(bool(row and row.online))
        self.organizer = _org_combo(choices, self.tr("(none)"))
        if row:
            _choose(self.organizer, row.organizer_id)
        self.invite = QComboBox()
        self.invite.addItem(self.tr("(nobody yet)"), None)
        for tid, title, _kind, day in choices.activities:
            self.invite.addItem(f"{title} ({_date(day, language)})", tid)
        self.monthly = QCheckBox(self.tr("Every month, on the same weekday and week (a series created ahead)"))
        self.count = QSpinBox()
        self.count.setRange(1, meetings.MAX_SERIES)
        self.count.setValue(6)
        self.agenda = QPlainTextEdit(details.agenda or "" if details else "")
        self.agenda.setMaximumHeight(80)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Date"), self.day)
        times = QHBoxLayout()
        times.addWidget(self.has_hours)
        times.addWidget(self.start)
        times.addWidget(self.end)
        self.has_hours.toggled.connect(self.start.setEnabled)
        self.has_hours.toggled.connect(self.end.setEnabled)
        self.start.setEnabled(self.has_hours.isChecked())
        self.end.setEnabled(self.has_hours.isChecked())
        self.form.addRow(self.tr("From – to"), times)
        self.form.addRow(self.tr("Place"), self.venue)
        self.form.addRow("", self.online)
        self.form.addRow(self.tr("Organizer"), self.organizer)
        if details is None:  # who is invited and the series are chosen when the meeting is made
            self.form.addRow(self.tr("Invite the people of"), self.invite)
            self.form.addRow("", self.monthly)
            self.form.addRow(self.tr("Meetings ahead"), self.count)
        self.form.addRow(self.tr("Agenda"), self.agenda)
        self.finish()

    def saver(self) -> Callable[[Database], tuple[int, ...]]:
        """The write this form asks for, read from its fields now (the work runs off the GUI thread)."""
        day: dt.date = _day(self.day)
        start = _time(self.start) if self.has_hours.isChecked() else None
        end = _time(self.end) if self.has_hours.isChecked() else None
        invite = self.invite.currentData()
        details = self.details
        if details is not None:
            meeting_id, row = details.row.id, details.row
            # What this form does not show is kept; the late-after time follows a changed start.
            data = meetings.MeetingData(
                self.title.text(), day, start, end, self.venue.text() or None, self.online.isChecked(),
                self.organizer.currentData(), governorate=details.governorate,
                invited_organization_ids=[org for org, _name in details.invited_organizations],
                agenda=self.agenda.toPlainText() or None, minutes=details.minutes,
                decisions="\n".join(details.decisions) or None, description=details.description, status=row.status,
                initiative_ids=list(details.initiative_ids),
                late_after=details.late_after if start == row.start_time else None,
            )  # fmt: skip

            def update(db: Database) -> tuple[int, ...]:
                meetings.update_meeting(db, meeting_id, data)
                return (meeting_id,)

            return update
        if self.monthly.isChecked():
            week = -1 if day.day > 28 else (day.day - 1) // 7 + 1
            series = meetings.SeriesData(
                self.title.text(), day.weekday(), "monthly", week, start, end, self.venue.text() or None,
                self.online.isChecked(), self.organizer.currentData(), day, self.count.value(),
                invite, agenda=self.agenda.toPlainText() or None,
            )  # fmt: skip
            return lambda db: meetings.create_series(db, series).meeting_ids
        data = meetings.MeetingData(self.title.text(), day, start, end, self.venue.text() or None,
                                    self.online.isChecked(), self.organizer.currentData(),
                                    agenda=self.agenda.toPlainText() or None)  # fmt: skip
        return lambda db: (meetings.create_meeting(db, data, invite_training_id=invite),)


class MinutesDialog(_Form):
    def __init__(self, parent: QWidget, details: meetings.MeetingDetails) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Minutes: {title}").format(title=details.row.title))
        self.agenda = QPlainTextEdit(details.agenda or "")
        self.minutes = QPlainTextEdit(details.minutes or "")
        self.decisions = QPlainTextEdit("\n".join(details.decisions))
        self.make_actions = QCheckBox(self.tr("Turn each decision into an action item"))
        self.make_actions.setChecked(True)
        self.form.addRow(self.tr("Agenda"), self.agenda)
        self.form.addRow(self.tr("Minutes"), self.minutes)
        self.form.addRow(self.tr("Decisions (one a line)"), self.decisions)
        self.form.addRow("", self.make_actions)
        self.finish()

    def saver(self, meeting_id: int) -> Callable[[Database], tuple[int, ...]]:
        fields = {"agenda": self.agenda.toPlainText() or None, "minutes": self.minutes.toPlainText() or None,
                  "decisions": self.decisions.toPlainText() or None}  # fmt: skip
        make_actions = self.make_actions.isChecked()
        return lambda db: meetings.record_minutes_and_actions(db, meeting_id, fields, make_actions=make_actions)


class ActionDialog(_Form):
    """An action item, new or edited: what, its owner, when it is due, where it comes from, notes."""

    def __init__(
        self, parent: QWidget, choices: network.Choices, language: str, row: actions.ActionRow | None = None
    ) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit action item") if row else self.tr("New action item"))
        self.row = row
        self.what = QLineEdit(row.title if row else "")
        self.owner = _org_combo(choices, self.tr("(none)"))
        self.has_due = QCheckBox(self.tr("Due by"))
        self.has_due.setChecked(row is None or row.due_date is not None)
        self.due = _date_edit(row.due_date if row and row.due_date else clock.today() + dt.timedelta(days=14))
        self.source = QComboBox()
        self.source.addItem(self.tr("(none)"), None)
        for tid, title, _kind, day in choices.activities:
            self.source.addItem(f"{title} ({_date(day, language)})", tid)
        self.notes = QPlainTextEdit(row.notes or "" if row else "")
        self.notes.setMaximumHeight(70)
        if row:
            _choose(self.owner, row.owner_organization_id)
            _choose(self.source, row.training_id)
        self.form.addRow(self.tr("What"), self.what)
        self.form.addRow(self.tr("Owner"), self.owner)
        due = QHBoxLayout()
        due.addWidget(self.has_due)
        due.addWidget(self.due, 1)
        self.form.addRow(self.tr("Due"), due)
        self.form.addRow(self.tr("From"), self.source)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.finish()

    def data(self) -> actions.ActionData:
        row = self.row
        return actions.ActionData(
            self.what.text(), self.owner.currentData(), row.owner_person_id if row else None,
            _day(self.due) if self.has_due.isChecked() else None, row.status if row else "open",
            training_id=self.source.currentData(), initiative_id=row.initiative_id if row else None,
            notes=self.notes.toPlainText() or None, done_on=row.done_on if row else None,
        )  # fmt: skip

    def saver(self) -> Callable[[Database], int]:
        data, record_id = self.data(), self.row.id if self.row else None
        if record_id is None:
            return lambda db: actions.create_action(db, data)

        def update(db: Database) -> int:
            actions.update_action(db, record_id, data)
            return record_id

        return update


# ---------------------------------------------------------------- the section


class NetworkPage(QWidget):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.ORGANIZATION, Kind.PERSON, Kind.TRAINING, Kind.ATTENDANCE, Kind.AGREEMENT,
                         Kind.INITIATIVE, Kind.MEETING, Kind.ACTION})  # fmt: skip

    open_organization = Signal(int)
    check_in_meeting = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        heading = QHBoxLayout()
        heading.addWidget(label(self.tr("Partner network"), "pageTitle"))
        heading.addStretch(1)
        # Archived agreements, initiatives and meetings come back into the lists, to be brought back.
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.toggled.connect(self.refresh_lists)
        heading.addWidget(self.show_archived)
        layout.addLayout(heading)
        self.archived: dict[str, set[int]] = {"agreements": set(), "initiatives": set(), "meetings": set()}
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.map = MapTab(context)
        self.map.open_organization.connect(self.open_organization.emit)
        self.tabs.addTab(self.map, icon("fa5s.project-diagram"), self.tr("Map"))

        self.agreements = _table([self.tr("Title"), self.tr("Kind"), self.tr("Status"), self.tr("Signed"),
                                  self.tr("Until"), self.tr("Parties")])  # fmt: skip
        self.tabs.addTab(self._tab(self.agreements, [
            ("fa5s.plus", self.tr("New agreement…"), self.new_agreement),
            ("fa5s.edit", self.tr("Edit…"), self.edit_agreement),
            ("fa5s.file-signature", self.tr("Attach the signed copy…"), self.attach_document),
        ], more=[
            ("fa5s.folder-open", self.tr("Open the signed copy"), self.open_document),
            ("fa5s.print", self.tr("Summary sheet…"), self.print_agreement),
            ("fa5s.file-excel", self.tr("Export…"), lambda: self.export_table("agreements")),
            ("fa5s.archive", self.tr("Archive…"), self.archive_agreement),
        ]), icon("fa5s.handshake"), self.tr("Agreements"))  # fmt: skip
        self.initiatives = _table([self.tr("Name"), self.tr("Status"), self.tr("Lead"), self.tr("Starts"),
                                   self.tr("Partners")])  # fmt: skip
        self.tabs.addTab(self._tab(self.initiatives, [
            ("fa5s.plus", self.tr("New initiative…"), self.new_initiative),
            ("fa5s.edit", self.tr("Edit…"), self.edit_initiative),
            ("fa5s.archive", self.tr("Archive…"), self.archive_initiative),
            ("fa5s.file-excel", self.tr("Export…"), lambda: self.export_table("initiatives")),
        ]), icon("fa5s.hands-helping"), self.tr("Initiatives"))  # fmt: skip
        self.meetings = _table([self.tr("Date"), self.tr("Title"), self.tr("State"), self.tr("Attended"),
                                self.tr("Organizer"), self.tr("Open actions")])  # fmt: skip
        self.tabs.addTab(self._tab(self.meetings, [
            ("fa5s.plus", self.tr("New meeting…"), self.new_meeting),
            ("fa5s.edit", self.tr("Edit…"), self.edit_meeting),
            ("fa5s.pen-fancy", self.tr("Minutes and decisions…"), self.edit_minutes),
            ("fa5s.clipboard-check", self.tr("Check people in"), self.check_in),
        ], more=[
            ("fa5s.print", self.tr("Print the minutes…"), self.print_minutes),
            ("fa5s.file-excel", self.tr("Export…"), lambda: self.export_table("meetings")),
            ("fa5s.archive", self.tr("Archive…"), self.archive_meeting),
        ]), icon("fa5s.calendar-check"), self.tr("Meetings"))  # fmt: skip
        self.action_items = _table([self.tr("Due"), self.tr("What"), self.tr("Owner"), self.tr("State"), self.tr("From")])
        self.show_done = QCheckBox(self.tr("Show done and dropped items"))
        self.show_done.toggled.connect(self.refresh_lists)
        self.tabs.addTab(self._tab(self.action_items, [
            ("fa5s.plus", self.tr("New action item…"), self.new_action),
            ("fa5s.edit", self.tr("Edit…"), self.edit_action),
            ("fa5s.check", self.tr("Mark done"), self.mark_done),
            ("fa5s.file-excel", self.tr("Export…"), lambda: self.export_table("actions")),
        ], self.show_done), icon("fa5s.tasks"), self.tr("Action items"))  # fmt: skip
        # A double-click opens the record's form, as everywhere in the window.
        for table, edit in ((self.agreements, self.edit_agreement), (self.initiatives, self.edit_initiative),
                            (self.meetings, self.edit_meeting), (self.action_items, self.edit_action)):  # fmt: skip
            table.cellDoubleClicked.connect(lambda _r, _c, e=edit: e())
        self.tabs.currentChanged.connect(lambda _i: self.on_show())
        self.dirty = True

    def _tab(
        self, table: QTableWidget, buttons: list[tuple[str, str, Any]], extra: QWidget | None = None,
        more: list[tuple[str, str, Any]] | None = None,
    ) -> QWidget:  # fmt: skip
        """A list with its buttons above it; the less used ones under "More" (a row of seven buttons
        does not fit a 1024-pixel screen in Arabic)."""
        widget = QWidget()
        column = QVBoxLayout(widget)
        row = QHBoxLayout()
        for icon_name, text, slot in buttons:
            button = QPushButton(icon(icon_name), text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        if more:
            menu = QMenu(widget)
            for icon_name, text, slot in more:
                menu.addAction(icon(icon_name), text).triggered.connect(lambda _c=False, s=slot: s())
            more_button = QPushButton(self.tr("More"))
            more_button.setMenu(menu)
            row.addWidget(more_button)
        row.addStretch(1)
        column.addLayout(row)
        if extra is not None:  # on its own line: beside the buttons it pushed the page past 1024 pixels
            column.addWidget(extra)
        column.addWidget(table, 1)
        return widget

    def show_tab(self, key: str) -> None:
        index = {"map": 0, "agreements": 1, "initiatives": 2, "meetings": 3, "actions": 4}[key]
        self.tabs.setCurrentIndex(index)

    def select(self, kind: str, record_id: int) -> None:
        """Show a record in its tab (what Ctrl+K opens)."""
        tab = {"agreement": "agreements", "initiative": "initiatives", "meeting": "meetings", "action": "actions"}[kind]
        if kind == "action":
            self.show_done.setChecked(True)  # a done item found by its title is shown too
        self.show_tab(tab)
        self.refresh_lists()
        table = {"agreements": self.agreements, "initiatives": self.initiatives, "meetings": self.meetings,
                 "actions": self.action_items}[tab]  # fmt: skip
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == record_id:
                table.setCurrentCell(row, 0)
                break

    def on_show(self) -> None:
        if self.tabs.currentWidget() is self.map and (self.dirty or not self.map.loaded):
            # After the first paint, and dropped if the page is gone by then.
            QTimer.singleShot(0, self, self._load_map)
        self.refresh_lists()

    def _load_map(self) -> None:
        if not self.isVisible() or not (self.dirty or not self.map.loaded):
            return
        self.dirty = False
        self.map.choices = None
        self.map.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.on_show()

    def refresh(self) -> None:
        self.dirty = True
        if self.isVisible():
            self.on_show()

    def refresh_lists(self) -> None:
        db, language = self.context.db, self.context.language
        today = clock.today()
        status_names = {"draft": self.tr("Draft"), "signed": self.tr("Signed"), "active": self.tr("Active"),
                        "expired": self.tr("Expired"), "ended": self.tr("Ended"), "planned": self.tr("Planned"),
                        "completed": self.tr("Completed"), "stopped": self.tr("Stopped"), "open": self.tr("Open"),
                        "done": self.tr("Done"), "dropped": self.tr("Dropped"), "held": self.tr("Held"),
                        "upcoming": self.tr("Upcoming"), "cancelled": self.tr("Cancelled"),
                        "past": self.tr("Past, nobody checked in")}  # fmt: skip
        kinds = {"protocol": self.tr("Cooperation protocol"), "memorandum": self.tr("Memorandum of understanding"),
                 "partnership": self.tr("Partnership"), "grant": self.tr("Grant")}  # fmt: skip
        everything = self.show_archived.isChecked()
        shelved = self.tr("archived")
        rows = agreements.list_agreements(db, include_archived=everything)
        found_initiatives = initiatives.list_initiatives(db, include_archived=everything)
        found_meetings = meetings.list_meetings(db, include_archived=everything)
        self.archived = {
            "agreements": {a.id for a in rows if a.archived},
            "initiatives": {i.id for i in found_initiatives if i.archived},
            "meetings": {m.id for m in found_meetings if m.status == "archived"},
        }

        def status(name: str, archived: bool) -> str:
            return f"{status_names.get(name, name)} · {shelved}" if archived else status_names.get(name, name)

        _fill(self.agreements, [
            (a.id, [a.title, kinds.get(a.kind, a.kind), status(a.status, a.archived), _date(a.signed_on, language),
                    _date(a.end_date, language), " · ".join(p.organization for p in a.parties)])
            for a in rows
        ], {a.id for a in rows if a.expiring(today)})  # fmt: skip
        _fill(self.initiatives, [
            (i.id, [i.name, status(i.status, i.archived), i.lead_organization or "—", _date(i.start_date, language),
                    " · ".join(name for _o, name, _r in i.partners)])
            for i in found_initiatives
        ])  # fmt: skip
        _fill(self.meetings, [
            (m.id, [_date(m.date, language) + (f" {m.start_time:%H:%M}" if m.start_time else ""), m.title,
                    status(m.state(today), m.status == "archived"), f"{m.attended}/{m.invited}", m.organizer or "—",
                    str(m.open_actions)])
            for m in found_meetings
        ])  # fmt: skip
        flt = actions.ActionFilter() if self.show_done.isChecked() else actions.ActionFilter(status="open")
        items = actions.list_actions(db, flt)
        _fill(self.action_items, [
            (a.id, [_date(a.due_date, language), a.title, a.owner or "—",
                    self.tr("Overdue") if a.overdue else status_names.get(a.status, a.status), a.source_title or "—"])
            for a in items
        ], {a.id for a in items if a.overdue})  # fmt: skip

    # -- writers
    def _choices(self) -> network.Choices:
        return network.choices(self.context.db)

    def _saved(self, *_result: object) -> None:
        """After this page's own write: the runner told the other screens; this one updates itself."""
        self.dirty = True
        self.refresh_lists()

    def _until_saved(
        self, dialog: QDialog, saver: Callable[[], Callable[[Database], Any]], changes: Callable[[Any], list[Change]]
    ) -> bool:
        """Show a form until it is saved or cancelled. Its write runs through the runner (one transaction);
        a refused value is shown and the form stays open to fix it."""
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.context.call(self, saver(), changes=changes)
            except Exception as error:  # noqa: BLE001 — shown, the form stays open to fix it
                show_error(self, error)
                continue
            self._saved()
            return True
        return False

    def _archive(
        self, table: QTableWidget, kind: Kind, question: str, archive: Callable[[Database, int, bool], None]
    ) -> None:
        """Archive the selected record after the user confirmed (it leaves the lists; nothing is deleted);
        an archived one (shown with "Show archived") is brought back the same way."""
        record_id = _selected(table)
        if record_id is None:
            return
        name_item = table.item(table.currentRow(), 1 if table is self.meetings else 0)
        name = name_item.text() if name_item is not None else ""
        group = "meetings" if table is self.meetings else "initiatives" if table is self.initiatives else "agreements"
        shelved = record_id in self.archived[group]
        if shelved:
            question = self.tr("Bring “{name}” back into the lists?")
        answer = QMessageBox.question(
            self, self.tr("Bring back") if shelved else self.tr("Archive"), question.format(name=name)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.call(self, lambda db: archive(db, record_id, not shelved), changes=[Change(kind, record_id)])
        except Exception as error:  # noqa: BLE001 — shown; nothing was written
            show_error(self, error)
            return
        self._saved()

    def edit_agreement(self) -> None:
        if not self.context.may("agreement.edit", self):
            return
        agreement_id = _selected(self.agreements)
        if agreement_id is None:
            return
        row = self.context.call(self, lambda db: agreements.get_agreement(db, agreement_id))
        dialog = AgreementDialog(self, self.context, self._choices(), row)
        self._until_saved(dialog, lambda: dialog.saver(), lambda aid: [Change(Kind.AGREEMENT, aid)])

    def archive_agreement(self) -> None:
        if not self.context.may("agreement.archive", self):
            return
        self._archive(self.agreements, Kind.AGREEMENT,
                      self.tr("Archive the agreement “{name}”? It leaves the lists and Home; nothing is deleted."),
                      agreements.set_archived)  # fmt: skip

    def edit_initiative(self) -> None:
        if not self.context.may("initiative.edit", self):
            return
        initiative_id = _selected(self.initiatives)
        if initiative_id is None:
            return
        row = self.context.call(self, lambda db: initiatives.get_initiative(db, initiative_id))
        dialog = InitiativeDialog(self, self.context, self._choices(), row)
        self._until_saved(dialog, lambda: dialog.saver(), lambda iid: [Change(Kind.INITIATIVE, iid)])

    def archive_initiative(self) -> None:
        if not self.context.may("initiative.archive", self):
            return
        self._archive(self.initiatives, Kind.INITIATIVE,
                      self.tr("Archive the initiative “{name}”? It leaves the lists; nothing is deleted."),
                      initiatives.set_archived)  # fmt: skip

    def edit_meeting(self) -> None:
        if not self.context.may("meeting.edit", self):
            return
        meeting_id = _selected(self.meetings)
        if meeting_id is None:
            return
        details = self.context.call(self, lambda db: meetings.meeting_details(db, meeting_id))
        dialog = MeetingDialog(self, self._choices(), self.context.language, details)
        self._until_saved(dialog, lambda: dialog.saver(), lambda ids: [Change(Kind.MEETING, i) for i in ids])

    def archive_meeting(self) -> None:
        if not self.context.may("meeting.archive", self):
            return
        self._archive(self.meetings, Kind.MEETING,
                      self.tr("Archive the meeting “{name}”? It leaves the lists and Home; "
                              "its attendance is kept."),
                      meetings.set_archived)  # fmt: skip

    def edit_action(self) -> None:
        if not self.context.may("action.edit", self):
            return
        action_id = _selected(self.action_items)
        if action_id is None:
            return
        row = self.context.call(self, lambda db: actions.get_action(db, action_id))
        dialog = ActionDialog(self, self._choices(), self.context.language, row)
        self._until_saved(dialog, lambda: dialog.saver(), lambda aid: [Change(Kind.ACTION, aid)])

    def new_agreement(self) -> None:
        if not self.context.may("agreement.edit", self):
            return
        dialog = AgreementDialog(self, self.context, self._choices())
        self._until_saved(dialog, lambda: dialog.saver(), lambda aid: [Change(Kind.AGREEMENT, aid)])

    def attach_document(self) -> None:
        if not self.context.may("agreement.edit", self):
            return
        agreement_id = _selected(self.agreements)
        if agreement_id is None:
            return
        chosen, _f = QFileDialog.getOpenFileName(self, self.tr("The signed copy"), "",
                                                 self.tr("PDF or picture (*.pdf *.png *.jpg *.jpeg)"))  # fmt: skip
        if not chosen:
            return
        source = Path(chosen)
        try:
            self.context.call(
                self, lambda db: agreements.attach_document(db, agreement_id, agreements.read_document(source),
                                                            source.name),
                changes=[Change(Kind.AGREEMENT, agreement_id)],
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001
            show_error(self, error)
            return
        self._saved()

    def open_document(self) -> None:
        if not self.context.may("agreement.document", self):
            return
        agreement_id = _selected(self.agreements)
        if agreement_id is None:
            return
        document = self.context.call(self, lambda db: agreements.get_document(db, agreement_id))
        if document is None:
            QMessageBox.information(self, self.tr("No signed copy"), self.tr("No signed copy is attached to this agreement yet."))
            return
        # A copy for the system's viewer, in a folder of its own (the database keeps the original).
        folder = Path(tempfile.mkdtemp(prefix="tashbeek-"))
        path = folder / (Path(document.name).stem + document.suffix)
        self.context.call(self, lambda _db: path.write_bytes(document.data))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_agreement(self) -> None:
        if not self.context.may("network.print", self):
            return
        agreement_id = _selected(self.agreements)
        if agreement_id is None:
            return
        db = self.context.db
        self._print(lambda path: network_documents.write_agreement_summary(db, agreement_id, path, replace=True),
                    self.tr("Agreement"))  # fmt: skip

    def _print(self, write: Any, name: str) -> None:
        """Through the printer's dialog, as every document prints ("Print to file" saves a PDF)."""
        from desktop_app.views.widgets import printing

        printing.print_made(self.context, self, name, lambda path, _report: write(path))

    def export_table(self, what: str) -> None:
        """The list (or the map's links) to .xlsx or .csv, as `tashbeek export` writes it."""
        if not self.context.may("export.file", self):
            return
        chosen, selected = QFileDialog.getSaveFileName(self, self.tr("Export as"), suggested_file(what, ".xlsx"),
                                                       "Excel (*.xlsx);;CSV (*.csv)")  # fmt: skip
        if not chosen:
            return
        suffix = ".csv" if chosen.lower().endswith(".csv") or "csv" in selected.lower() else ".xlsx"
        path = with_suffix_confirmed(self, chosen, suffix)
        if path is None:
            return
        db = self.context.db
        self.context.runner.run(self, self.tr("Exporting…"),
                                lambda _report: network_documents.export_network_table(db, what, path, replace=True),
                                lambda _rows: _open_file(path))  # fmt: skip

    def new_initiative(self) -> None:
        if not self.context.may("initiative.edit", self):
            return
        dialog = InitiativeDialog(self, self.context, self._choices())
        self._until_saved(dialog, lambda: dialog.saver(), lambda iid: [Change(Kind.INITIATIVE, iid)])

    def new_meeting(self) -> None:
        if not self.context.may("meeting.edit", self):
            return
        dialog = MeetingDialog(self, self._choices(), self.context.language)
        self._until_saved(dialog, lambda: dialog.saver(), lambda ids: [Change(Kind.MEETING, i) for i in ids])

    def edit_minutes(self) -> None:
        if not self.context.may("meeting.minutes", self):
            return
        meeting_id = _selected(self.meetings)
        if meeting_id is None:
            return
        details = self.context.call(self, lambda db: meetings.meeting_details(db, meeting_id))
        dialog = MinutesDialog(self, details)
        self._until_saved(dialog, lambda: dialog.saver(meeting_id),
                          lambda _ids: [Change(Kind.MEETING, meeting_id), Change(Kind.ACTION)])  # fmt: skip

    def check_in(self) -> None:
        meeting_id = _selected(self.meetings)
        if meeting_id is not None:
            self.check_in_meeting.emit(meeting_id)

    def print_minutes(self) -> None:
        if not self.context.may("network.print", self):
            return
        meeting_id = _selected(self.meetings)
        if meeting_id is None:
            return
        db = self.context.db
        self._print(lambda path: network_documents.write_minutes(db, meeting_id, path, replace=True),
                    self.tr("Minutes"))  # fmt: skip

    def new_action(self) -> None:
        if not self.context.may("action.edit", self):
            return
        dialog = ActionDialog(self, self._choices(), self.context.language)
        self._until_saved(dialog, lambda: dialog.saver(), lambda aid: [Change(Kind.ACTION, aid)])

    def mark_done(self) -> None:
        if not self.context.may("action.edit", self):
            return
        action_id = _selected(self.action_items)
        if action_id is None:
            return
        try:
            self.context.call(self, lambda db: actions.mark_done(db, action_id), changes=[Change(Kind.ACTION, action_id)])
        except Exception as error:  # noqa: BLE001
            show_error(self, error)
            return
        self._saved()
