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
    QPainter,
    QPen,
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
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
        for icon_name, tip, slot in (("fa5s.search-plus", self.tr("Zoom in"), lambda: self.view.zoom(1.25)),
                                     ("fa5s.search-minus", self.tr("Zoom out"), lambda: self.view.zoom(0.8)),
                                     ("fa5s.expand", self.tr("Fit"), self._fit)):  # fmt: skip
            button = QPushButton(icon(icon_name), "")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            filters.addWidget(button)
        png = QPushButton(icon("fa5s.image"), self.tr("Save PNG"))
        png.setToolTip(self.tr("Save the picture as PNG"))
        png.clicked.connect(lambda: self.export(".png"))
        pdf = QPushButton(icon("fa5s.file-pdf"), self.tr("Save PDF"))
        pdf.setToolTip(self.tr("Save the network as a PDF page"))
        pdf.clicked.connect(lambda: self.export(".pdf"))
        filters.addWidget(png)
        filters.addWidget(pdf)
        layout.addLayout(filters)
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


def _date_edit(day: dt.date | None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = day or clock.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _day(edit: QDateEdit) -> dt.date:
    picked = edit.date()
    return dt.date(picked.year(), picked.month(), picked.day())


def _time(edit: QTimeEdit) -> dt.time:
    picked = edit.time()
    return dt.time(picked.hour(), picked.minute())


class _Form(QDialog):
    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.form.addRow(self.buttons)


class AgreementDialog(_Form):
    """A new agreement: title, kind, status, dates, summary, and up to four parties with their
    signatories (a party's signatory is one of its organization's people)."""

    def __init__(self, parent: QWidget, context: AppContext, choices: network.Choices) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("New agreement"))
        self.context = context
        self.title = QLineEdit()
        self.kind = QComboBox()
        for key, text in (("protocol", self.tr("Cooperation protocol")), ("memorandum", self.tr("Memorandum of understanding")),
                          ("partnership", self.tr("Partnership")), ("grant", self.tr("Grant"))):  # fmt: skip
            self.kind.addItem(text, key)
        self.status = QComboBox()
        for key, text in (("signed", self.tr("Signed")), ("draft", self.tr("Draft")), ("active", self.tr("Active")),
                          ("expired", self.tr("Expired")), ("ended", self.tr("Ended"))):  # fmt: skip
            self.status.addItem(text, key)
        self.signed = _date_edit(None)
        self.start = _date_edit(None)
        self.end = _date_edit(clock.today() + dt.timedelta(days=365))
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(80)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow(self.tr("Signed on"), self.signed)
        self.form.addRow(self.tr("In force from"), self.start)
        self.form.addRow(self.tr("Until"), self.end)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.parties: list[tuple[QComboBox, QComboBox, QLineEdit]] = []
        for n in range(4):
            org = _org_combo(choices, self.tr("(none)"))
            person = QComboBox()
            person.addItem(self.tr("(signatory)"), None)
            title = QLineEdit()
            title.setPlaceholderText(self.tr("their title"))
            org.currentIndexChanged.connect(lambda _i, o=org, p=person: self._people(o, p))
            row = QHBoxLayout()
            row.addWidget(org, 2)
            row.addWidget(person, 2)
            row.addWidget(title, 1)
            self.form.addRow(self.tr("Party {n}").format(n=n + 1), row)
            self.parties.append((org, person, title))
        self.finish()

    def _people(self, org: QComboBox, person: QComboBox) -> None:
        person.clear()
        person.addItem(self.tr("(signatory)"), None)
        if org.currentData() is not None:
            for pid, name in network.people_of(self.context.db, int(org.currentData())):
                person.addItem(name, pid)

    def saver(self) -> Callable[[Database], int]:
        data = self.data()
        return lambda db: agreements.create_agreement(db, data)

    def data(self) -> agreements.AgreementData:
        parties = [agreements.PartyData(int(o.currentData()), p.currentData(), t.text() or None)
                   for o, p, t in self.parties if o.currentData() is not None]  # fmt: skip
        draft = self.status.currentData() == "draft"
        return agreements.AgreementData(
            self.title.text(), self.kind.currentData(), self.status.currentData(),
            None if draft else _day(self.signed), _day(self.start),
            _day(self.end), self.summary.toPlainText() or None, parties,
        )  # fmt: skip


class InitiativeDialog(_Form):
    def __init__(self, parent: QWidget, choices: network.Choices, language: str) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("New initiative"))
        self.name = QLineEdit()
        self.lead = _org_combo(choices, self.tr("(none)"))
        self.partners = QListWidget()
        self.partners.setMaximumHeight(140)
        for org_id, name, _en in choices.organizations:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, org_id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.partners.addItem(item)
        self.status = QComboBox()
        for key, text in (("active", self.tr("Active")), ("planned", self.tr("Planned")),
                          ("completed", self.tr("Completed")), ("stopped", self.tr("Stopped"))):  # fmt: skip
            self.status.addItem(text, key)
        self.start = _date_edit(None)
        self.goals = QPlainTextEdit()
        self.goals.setMaximumHeight(80)
        self.governorates = QLineEdit()
        self.governorates.setPlaceholderText(self.tr("governorate codes, such as 01, 21"))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Lead organization"), self.lead)
        self.form.addRow(self.tr("Partners"), self.partners)
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow(self.tr("Starts"), self.start)
        self.form.addRow(self.tr("Goals"), self.goals)
        self.form.addRow(self.tr("Governorates"), self.governorates)
        self.finish()

    def saver(self) -> Callable[[Database], int]:
        data = self.data()
        return lambda db: initiatives.create_initiative(db, data)

    def data(self) -> initiatives.InitiativeData:
        partners: list[tuple[int, str | None]] = [(int(self.partners.item(n).data(Qt.ItemDataRole.UserRole)), None)
                    for n in range(self.partners.count())
                    if self.partners.item(n).checkState() == Qt.CheckState.Checked]  # fmt: skip
        governorates = [g.strip() for g in self.governorates.text().replace("،", ",").split(",") if g.strip()]
        return initiatives.InitiativeData(
            self.name.text(), self.lead.currentData(), partners, _day(self.start), None,
            self.status.currentData(), self.goals.toPlainText() or None, governorates,
        )  # fmt: skip


class MeetingDialog(_Form):
    """A meeting, or a monthly series of them ahead; the people of a training or meeting are invited."""

    def __init__(self, parent: QWidget, choices: network.Choices, language: str) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("New meeting"))
        self.title = QLineEdit()
        self.day = _date_edit(clock.today() + dt.timedelta(days=7))
        self.start = QTimeEdit(QTime(18, 0))
        self.end = QTimeEdit(QTime(20, 0))
        self.venue = QLineEdit()
        self.online = QCheckBox(self.tr("Held online"))
        self.organizer = _org_combo(choices, self.tr("(none)"))
        self.invite = QComboBox()
        self.invite.addItem(self.tr("(nobody yet)"), None)
        for tid, title, _kind, day in choices.activities:
            self.invite.addItem(f"{title} ({_date(day, language)})", tid)
        self.monthly = QCheckBox(self.tr("Every month, on the same weekday and week (a series created ahead)"))
        self.count = QSpinBox()
        self.count.setRange(1, meetings.MAX_SERIES)
        self.count.setValue(6)
        self.agenda = QPlainTextEdit()
        self.agenda.setMaximumHeight(80)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Date"), self.day)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(self.end)
        self.form.addRow(self.tr("From – to"), times)
        self.form.addRow(self.tr("Place"), self.venue)
        self.form.addRow("", self.online)
        self.form.addRow(self.tr("Organizer"), self.organizer)
        self.form.addRow(self.tr("Invite the people of"), self.invite)
        self.form.addRow("", self.monthly)
        self.form.addRow(self.tr("Meetings ahead"), self.count)
        self.form.addRow(self.tr("Agenda"), self.agenda)
        self.finish()

    def saver(self) -> Callable[[Database], tuple[int, ...]]:
        """The write this form asks for, read from its fields now (the work runs off the GUI thread)."""
        day: dt.date = _day(self.day)
        start: dt.time = _time(self.start)
        end: dt.time = _time(self.end)
        invite = self.invite.currentData()
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
    def __init__(self, parent: QWidget, choices: network.Choices, language: str) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("New action item"))
        self.what = QLineEdit()
        self.owner = _org_combo(choices, self.tr("(none)"))
        self.has_due = QCheckBox(self.tr("Due by"))
        self.has_due.setChecked(True)
        self.due = _date_edit(clock.today() + dt.timedelta(days=14))
        self.source = QComboBox()
        self.source.addItem(self.tr("(none)"), None)
        for tid, title, _kind, day in choices.activities:
            self.source.addItem(f"{title} ({_date(day, language)})", tid)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.form.addRow(self.tr("What"), self.what)
        self.form.addRow(self.tr("Owner"), self.owner)
        due = QHBoxLayout()
        due.addWidget(self.has_due)
        due.addWidget(self.due, 1)
        self.form.addRow(self.tr("Due"), due)
        self.form.addRow(self.tr("From"), self.source)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.finish()

    def saver(self) -> Callable[[Database], int]:
        data = self.data()
        return lambda db: actions.create_action(db, data)

    def data(self) -> actions.ActionData:
        return actions.ActionData(
            self.what.text(), self.owner.currentData(), None,
            _day(self.due) if self.has_due.isChecked() else None,
            training_id=self.source.currentData(), notes=self.notes.toPlainText() or None,
        )  # fmt: skip


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
        layout.addWidget(label(self.tr("Partner network"), "pageTitle"))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.map = MapTab(context)
        self.map.open_organization.connect(self.open_organization.emit)
        self.tabs.addTab(self.map, icon("fa5s.project-diagram"), self.tr("Map"))

        self.agreements = _table([self.tr("Title"), self.tr("Kind"), self.tr("Status"), self.tr("Signed"),
                                  self.tr("Until"), self.tr("Parties")])  # fmt: skip
        self.tabs.addTab(self._tab(self.agreements, [
            ("fa5s.plus", self.tr("New agreement…"), self.new_agreement),
            ("fa5s.file-signature", self.tr("Attach the signed copy…"), self.attach_document),
            ("fa5s.folder-open", self.tr("Open the signed copy"), self.open_document),
            ("fa5s.print", self.tr("Summary sheet…"), self.print_agreement),
            ("fa5s.file-excel", self.tr("Export…"), lambda: self.export_table("agreements")),
        ]), icon("fa5s.handshake"), self.tr("Agreements"))  # fmt: skip
        self.initiatives = _table([self.tr("Name"), self.tr("Status"), self.tr("Lead"), self.tr("Starts"),
                                   self.tr("Partners")])  # fmt: skip
        self.tabs.addTab(self._tab(self.initiatives, [
            ("fa5s.plus", self.tr("New initiative…"), self.new_initiative),
            ("fa5s.file-excel", self.tr("Export…"), lambda: self.export_table("initiatives")),
        ]), icon("fa5s.hands-helping"), self.tr("Initiatives"))  # fmt: skip
        self.meetings = _table([self.tr("Date"), self.tr("Title"), self.tr("State"), self.tr("Attended"),
                                self.tr("Organizer"), self.tr("Open actions")])  # fmt: skip
        self.tabs.addTab(self._tab(self.meetings, [
            ("fa5s.plus", self.tr("New meeting…"), self.new_meeting),
            ("fa5s.edit", self.tr("Minutes and decisions…"), self.edit_minutes),
            ("fa5s.clipboard-check", self.tr("Check people in"), self.check_in),
            ("fa5s.print", self.tr("Print the minutes…"), self.print_minutes),
            ("fa5s.file-excel", self.tr("Export…"), lambda: self.export_table("meetings")),
        ]), icon("fa5s.calendar-check"), self.tr("Meetings"))  # fmt: skip
        self.action_items = _table([self.tr("Due"), self.tr("What"), self.tr("Owner"), self.tr("State"), self.tr("From")])
        self.show_done = QCheckBox(self.tr("Show done and dropped items"))
        self.show_done.toggled.connect(self.refresh_lists)
        self.tabs.addTab(self._tab(self.action_items, [
            ("fa5s.plus", self.tr("New action item…"), self.new_action),
            ("fa5s.check", self.tr("Mark done"), self.mark_done),
            ("fa5s.file-excel", self.tr("Export…"), lambda: self.export_table("actions")),
        ], self.show_done), icon("fa5s.tasks"), self.tr("Action items"))  # fmt: skip
        self.tabs.currentChanged.connect(lambda _i: self.on_show())
        self.dirty = True

    def _tab(self, table: QTableWidget, buttons: list[tuple[str, str, Any]], extra: QWidget | None = None) -> QWidget:
        widget = QWidget()
        column = QVBoxLayout(widget)
        row = QHBoxLayout()
        for icon_name, text, slot in buttons:
            button = QPushButton(icon(icon_name), text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        if extra is not None:
            row.addWidget(extra)
        row.addStretch(1)
        column.addLayout(row)
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
        rows = agreements.list_agreements(db)
        _fill(self.agreements, [
            (a.id, [a.title, kinds.get(a.kind, a.kind), status_names.get(a.status, a.status), _date(a.signed_on, language),
                    _date(a.end_date, language), " · ".join(p.organization for p in a.parties)])
            for a in rows
        ], {a.id for a in rows if a.expiring(today)})  # fmt: skip
        _fill(self.initiatives, [
            (i.id, [i.name, status_names.get(i.status, i.status), i.lead_organization or "—", _date(i.start_date, language),
                    " · ".join(name for _o, name, _r in i.partners)])
            for i in initiatives.list_initiatives(db)
        ])  # fmt: skip
        _fill(self.meetings, [
            (m.id, [_date(m.date, language) + (f" {m.start_time:%H:%M}" if m.start_time else ""), m.title,
                    status_names.get(m.state(today), m.state(today)), f"{m.attended}/{m.invited}", m.organizer or "—",
                    str(m.open_actions)])
            for m in meetings.list_meetings(db)
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
        chosen, _f = QFileDialog.getSaveFileName(self, self.tr("Save as"), suggested_file(name, ".pdf"), "PDF (*.pdf)")
        if not chosen:
            return
        path = with_suffix_confirmed(self, chosen, ".pdf")
        if path is None:
            return
        self.context.runner.run(self, self.tr("Writing the PDF…"), lambda _report: write(path),
                                lambda _pages: _open_file(path))  # fmt: skip

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
        dialog = InitiativeDialog(self, self._choices(), self.context.language)
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
