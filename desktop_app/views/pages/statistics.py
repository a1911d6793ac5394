"""Statistics: the figures funders ask for, with the filters above them (period, project, trainings,
co-organizer, governorate, organization kind), indicator tiles, charts, a disaggregation table and
the counting rules; every figure opens to the people (or organizations) behind it. A second tab holds
the projects (grants) with their trainings and their targets per indicator and period.

Counting runs off the GUI thread (the operation runner), the charts are the same layout the PDF
prints, and the donor report is written from the very figures on screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.pdf.charts import charts_from
from desktop_app.pdf.report_text import category_label, number_text, period_name, word
from desktop_app.services import projects as project_service
from desktop_app.services.changes import Change, Kind
from desktop_app.services.listing import organization_choices
from desktop_app.services.reports import export_figure, figure_rows, write_report
from desktop_app.services.settings import save_age_band_bounds
from desktop_app.services.statistics import (
    INDICATORS,
    ORGANIZATION_KINDS,
    Figure,
    Statistics,
    StatsFilter,
    statistics,
)
from desktop_app.services.trainings import TrainingRow, list_trainings
from desktop_app.text.age_bands import DEFAULT_BOUNDS, UNKNOWN, parse_bounds
from desktop_app.text.arabic import fold_text
from desktop_app.text.dates import format_range
from desktop_app.text.governorates import GOVERNORATES
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.operations import Report
from desktop_app.views.paths import suggested_file, with_suffix_confirmed
from desktop_app.views.style import (
    BORDER,
    CAPTION_PT,
    MUTED,
    NAVY,
    NAVY_LIGHT,
    NAVY_PALE,
    SURFACE,
    icon,
    label,
)
from desktop_app.views.widgets import printing
from desktop_app.views.widgets.chart import ChartView
from desktop_app.views.widgets.fields import ErrorForm, OptionalDateEdit, accept_cancel
from desktop_app.views.widgets.period import PeriodPicker

ROW_KEY = Qt.ItemDataRole.UserRole
# Tiles: (figure key in the document, figure a click opens, kind)
TILES = (
    ("people_reached", "reached", "count"),
    ("people_completed", "completed", "count"),
    ("first_time", "first_time", "count"),
    ("returning", "returning", "count"),
    ("organizations_reached", "organizations", "count"),
    ("sessions", "", "count"),
    ("person_hours", "", "count"),
    ("attendance_rate", "", "rate"),
    ("completion_rate", "", "rate"),
    ("walk_ins", "", "count"),
)
TILE_STYLE = f"""
QPushButton#tile {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; }}
QPushButton#tile:hover {{ background: {NAVY_PALE}; }}
QPushButton#tile:focus {{ border: 2px solid {NAVY_LIGHT}; }}
QLabel#tileNumber {{ color: {NAVY}; font-size: 20pt; font-weight: bold; }}
QLabel#tileCaption {{ color: {MUTED}; font-size: {CAPTION_PT + 1}pt; }}
"""
TABLES = ("gender", "age_band", "governorate", "organization_kind", "role", "trainings", "organizations")


def tile_value(document: dict[str, Any], key: str) -> float | None:
    people, orgs = document["people"], document["organizations"]
    values: dict[str, float | None] = {
        "people_reached": people["reached"], "people_completed": people["completed"],
        "first_time": people["first_time"], "returning": people["returning"],
        "organizations_reached": orgs["reached"], "sessions": document["sessions"],
        "person_hours": document["person_hours"], "attendance_rate": document["attendance_rate"],
        "completion_rate": document["completion_rate"], "walk_ins": document["walk_ins"],
    }  # fmt: skip
    return values[key]


class Tile(QPushButton):
    """A key figure: its number large, its name under it; a click opens the people behind it."""

    def __init__(self, caption: str, openable: bool) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.number = label("—", "tileNumber")
        self.caption = label(caption, "tileCaption", wrap=True)
        for part in (self.number, self.caption):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(0)
        column.addWidget(self.number)
        column.addWidget(self.caption)
        # A button sizes itself by its own text, not its layout: give it the height the two lines need.
        self.setFixedHeight(96)  # room for a caption on two lines (English, at 1024 wide)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setEnabled(openable)
        self.setCursor(Qt.CursorShape.PointingHandCursor if openable else Qt.CursorShape.ArrowCursor)
        if openable:
            self.setToolTip(self.tr("Show the people behind this figure"))


class StatisticsPage(QWidget):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.PERSON, Kind.ORGANIZATION, Kind.TRAINING, Kind.ATTENDANCE, Kind.CERTIFICATE, Kind.PROJECT, Kind.SETTINGS})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        self.language = context.language
        self.stats: Statistics | None = None
        self.document: dict[str, Any] | None = None
        self.generation = 0  # counts asked for
        self.shown = 0  # the count on screen
        self.dirty = True
        self.last_file: Path | None = None
        self.last_dialog: FigureDialog | None = None
        self.chosen_trainings: tuple[int, ...] = ()
        self.setStyleSheet(TILE_STYLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        heading = QHBoxLayout()
        heading.addWidget(label(self.tr("Statistics"), "pageTitle"))
        self.period = PeriodPicker(self.language)
        self.period.changed.connect(self.schedule)
        heading.addSpacing(12)
        heading.addWidget(self.period)
        heading.addStretch(1)
        self.header_row = heading
        self.saved = QPushButton()
        self.saved.setFlat(True)
        self.saved.hide()
        self.saved.clicked.connect(self.open_last_file)
        heading.addWidget(self.saved)
        self.report_button = QPushButton(icon("fa5s.file-export", "white"), self.tr("Donor report"))
        self.report_button.setObjectName("primary")
        menu = QMenu(self.report_button)
        menu.addAction(icon("fa5s.file-pdf"), self.tr("PDF for the donor…"), lambda: self.save_report(".pdf"))
        menu.addAction(
            icon("fa5s.file-excel"), self.tr("Excel workbook (.xlsx)…"), lambda: self.save_report(".xlsx")
        )
        menu.addAction(
            icon("fa5s.file-csv"), self.tr("CSV for other tools…"), lambda: self.save_report(".csv")
        )
        menu.addSeparator()
        menu.addAction(icon("fa5s.print"), self.tr("Print the report… (Ctrl+P)"), self.print_report)
        self.report_button.setMenu(menu)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_report)
        heading.addWidget(self.report_button)
        layout.addLayout(heading)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._figures_tab(), icon("fa5s.chart-bar"), self.tr("Figures"))
        self.projects = ProjectsTab(context)
        self.projects.saved.connect(self._projects_changed)
        self.tabs.addTab(self.projects, icon("fa5s.bullseye"), self.tr("Projects and targets"))
        # The period and the report belong to the figures; the projects tab has its own periods.
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(150)
        self.debounce.timeout.connect(self.recount)
        self._fill_choices()

    # -- building
    def _figures_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(8, 8, 8, 8)
        self.project = QComboBox()
        self.trainings_button = QPushButton(self.tr("All trainings"))
        self.trainings_button.clicked.connect(self.choose_trainings)
        self.co_organizer = QComboBox()
        self.governorate = QComboBox()
        self.kind = QComboBox()
        for combo in (self.project, self.co_organizer, self.governorate, self.kind):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(self.schedule)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.bands_button = QPushButton(self.tr("Age bands…"))
        self.bands_button.setToolTip(self.tr("The ages where the age bands start, for every report"))
        self.bands_button.clicked.connect(self.edit_age_bands)
        second = QHBoxLayout()
        for widget in (self.project, self.trainings_button, self.co_organizer, self.governorate, self.kind):
            second.addWidget(widget, 1)
        # Clearing and the age bands go up by the period (the filter row needs its width at 1024×600).
        self.header_row.insertWidget(self.header_row.indexOf(self.period) + 1, self.clear_button)
        self.header_row.insertWidget(self.header_row.indexOf(self.period) + 2, self.bands_button)
        column.addLayout(second)

        body = QWidget()
        body.setObjectName("formPage")
        content = QVBoxLayout(body)
        content.setContentsMargins(8, 8, 8, 8)
        content.setSpacing(12)
        self.empty = label(self.tr("No one attended a session in this period yet. Check people in at a training, "
                                   "or choose another period."), "emptyState", wrap=True)  # fmt: skip
        content.addWidget(self.empty)
        tiles = QGridLayout()
        tiles.setSpacing(10)
        self.tiles: dict[str, Tile] = {}
        for n, (key, figure, _kind) in enumerate(TILES):
            tile = Tile(word(key, self.language), bool(figure))
            tile.clicked.connect(lambda _=False, f=figure: self.open_figure(Figure.of(f)))
            tiles.addWidget(tile, n // 5, n % 5)
            self.tiles[key] = tile
        content.addLayout(tiles)
        charts = QGridLayout()
        charts.setSpacing(10)
        self.charts: dict[str, ChartView] = {}
        for n, key in enumerate(("governorate", "organization_kind", "pyramid", "attendance", "trend")):
            view = ChartView()
            view.setObjectName(f"chart_{key}")
            view.setMinimumHeight(260)
            view.opened.connect(lambda category, series, k=key: self._chart_clicked(k, category, series))
            self.charts[key] = view
            if key == "trend":
                charts.addWidget(view, 2, 0, 1, 2)
            else:
                charts.addWidget(view, n // 2, n % 2)
        content.addLayout(charts)
        table_row = QHBoxLayout()
        table_row.addWidget(label(self.tr("Disaggregation"), "sectionTitle"))
        self.table_choice = QComboBox()
        for key in TABLES:
            self.table_choice.addItem(self._table_name(key), key)
        self.table_choice.currentIndexChanged.connect(lambda _: self._fill_table())
        table_row.addWidget(self.table_choice)
        table_row.addStretch(1)
        content.addLayout(table_row)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setMinimumHeight(260)
        self.table.cellActivated.connect(self._table_activated)
        self.table.cellDoubleClicked.connect(self._table_activated)
        content.addWidget(self.table)
        content.addWidget(label(self.tr("Double-click (or Enter on) a number to see the people behind it."),
                                "caption", wrap=True))  # fmt: skip
        content.addWidget(label(self.tr("Counting rules"), "sectionTitle"))
        self.rules = label("", "muted", wrap=True)
        self.rules.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        content.addWidget(self.rules)
        content.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        column.addWidget(scroll, 1)
        self.charts_area = scroll
        return tab

    def _tab_changed(self, index: int) -> None:
        for widget in (self.period, self.clear_button, self.bands_button):
            widget.setVisible(index == 0)

    def _table_name(self, key: str) -> str:
        names = {
            "gender": self.tr("By gender"), "age_band": self.tr("By age band"),
            "governorate": self.tr("By governorate"), "organization_kind": self.tr("By organization kind"),
            "role": self.tr("By role"), "trainings": self.tr("By training"),
            "organizations": self.tr("People per organization"),
        }  # fmt: skip
        return names[key]

    def _fill_choices(self) -> None:
        """The filters' choices: projects, co-organizers, governorates, organization kinds."""
        for combo in (self.project, self.co_organizer, self.governorate, self.kind):
            combo.blockSignals(True)
            combo.clear()
        self.project.addItem(self.tr("All projects"), None)
        for p in project_service.list_projects(self.context.db):
            self.project.addItem(p.name, p.id)
        self.co_organizer.addItem(self.tr("Any organizer"), None)
        for org_id, name in organization_choices(self.context.db):
            self.co_organizer.addItem(name, org_id)
        self.governorate.addItem(self.tr("All governorates"), None)
        for g in GOVERNORATES:
            self.governorate.addItem(g.name_ar if self.language == "ar" else g.name_en, g.code)
        self.governorate.addItem(word(UNKNOWN, self.language), UNKNOWN)
        self.kind.addItem(self.tr("All organization kinds"), None)
        for kind in ORGANIZATION_KINDS:
            self.kind.addItem(category_label("organization_kind", kind, self.language), kind)
        for combo in (self.project, self.co_organizer, self.governorate, self.kind):
            combo.blockSignals(False)

    # -- filters
    def current_filter(self) -> StatsFilter:
        first, last = self.period.value()

        def chosen(combo: QComboBox) -> tuple[Any, ...]:
            value = combo.currentData()
            return () if value is None else (value,)

        project = self.project.currentData()
        return StatsFilter(
            first, last, self.chosen_trainings, chosen(self.co_organizer), project, chosen(self.governorate),
            chosen(self.kind),
        )  # fmt: skip

    def clear_filters(self) -> None:
        for combo in (self.project, self.co_organizer, self.governorate, self.kind):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.chosen_trainings = ()
        self.trainings_button.setText(self.tr("All trainings"))
        self.period.set_kind("all")
        self.schedule()

    def choose_trainings(self) -> None:
        dialog = ChooseTrainingsDialog(
            list_trainings(self.context.db), set(self.chosen_trainings), self.language, self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.chosen_trainings = tuple(dialog.chosen())
        count = len(self.chosen_trainings)
        self.trainings_button.setText(
            self.tr("%n training(s)", "", count) if count else self.tr("All trainings")
        )
        self.schedule()

    def schedule(self) -> None:
        self.debounce.start()

    def edit_age_bands(self) -> None:
        """The organization's age bands (where each band starts), for every count and report."""
        if not self.context.may("statistics.age_bands", self):
            return
        current = ", ".join(str(b) for b in (self.stats.bounds if self.stats else DEFAULT_BOUNDS))
        text, ok = QInputDialog.getText(
            self, self.tr("Age bands"),
            self.tr("Ages where a new band starts, separated by commas (for example 15, 25, 35):"),
            QLineEdit.EchoMode.Normal, current,
        )  # fmt: skip
        if not ok:
            return
        try:
            bounds = parse_bounds(text)
            self.context.call(self, lambda db: save_age_band_bounds(db, bounds), changes=[Change(Kind.SETTINGS)])
        except ValueError:
            show_error(self, ValidationError("age_band_bounds", self.tr(
                "Age bands are up to ten increasing ages from 1 to 120, such as 18, 25, 35, 50.")))  # fmt: skip
            return
        except Exception as error:  # noqa: BLE001 - shown, never a traceback
            show_error(self, error)
            return
        self.recount()

    # -- counting (off the GUI thread)
    def on_show(self) -> None:
        if self.dirty:
            self.recount()

    def refresh(self) -> None:
        """Data changed elsewhere: count again now if the page is on screen, else when it is shown."""
        self.dirty = True
        if self.isVisible():
            self._fill_choices()
            self.recount()

    def _projects_changed(self) -> None:
        self._fill_choices()
        self.dirty = True

    def recount(self) -> None:
        self.debounce.stop()
        try:
            flt = self.current_filter()
            flt.check()
        except ValidationError as error:
            show_error(self, error)
            return
        self.dirty = False
        self.generation += 1
        generation = self.generation
        db = self.context.db

        def work(report: Report) -> tuple[Statistics, dict[str, Any]]:
            report(0, 0)
            stats = statistics(db, flt)
            return stats, stats.as_json()

        def done(result: tuple[Statistics, dict[str, Any]]) -> None:
            if generation == self.generation:  # a later filter has been asked for: its answer wins
                self.show_statistics(*result)
                self.shown = generation

        self.context.runner.run(self, self.tr("Counting…"), work, done)

    def show_statistics(self, stats: Statistics, document: dict[str, Any]) -> None:
        self.stats, self.document = stats, document
        self.empty.setVisible(stats.people.reached == 0 and stats.sessions == 0)
        for key, _figure, kind in TILES:
            value = tile_value(document, key)
            text = number_text(value, percent=kind == "rate")
            if key == "person_hours" and value is not None:
                text = number_text(round(float(value), 1))
            self.tiles[key].number.setText(text)
        for chart in charts_from(document, self.language, max_rows=12):
            self.charts[chart.key].set_chart(chart)
        self.rules.setText(stats.rules)
        self._fill_table()

    def _fill_table(self) -> None:
        document = self.document
        if document is None:
            return
        key = self.table_choice.currentData()
        w = self.language
        if key in ("gender", "age_band", "governorate", "organization_kind", "role"):
            reached = document["people"][f"by_{key}"]
            completed = document["people"]["completed_by"][key]
            headers = [word(key, w), word("reached", w), word("completed", w)]
            rows = [(k, [category_label(key, k, w), str(reached.get(k, 0)), str(completed.get(k, 0))])
                    for k in dict.fromkeys([*reached, *completed])]  # fmt: skip
        elif key == "trainings":
            headers = [word("title", w), word("sessions", w), word("enrolled", w), word("attendance_rate", w),
                       word("completed", w), word("completion_rate", w)]  # fmt: skip
            rows = [(str(t["id"]), [t["title"] if w == "ar" else (t.get("title_en") or t["title"]), str(t["sessions"]),
                                    str(t["enrolled"]), number_text(t["attendance_rate"], percent=True),
                                    str(t["completed"]) if t["completes_in_period"] else "—",
                                    number_text(t["completion_rate"], percent=True)])
                    for t in document["per_training"]]  # fmt: skip
        else:
            headers = [word("name", w), word("kind", w), word("governorate", w), word("people", w)]
            rows = [(str(o["id"]), [o["name"], category_label("organization_kind", o["kind"], w),
                                    category_label("governorate", o["governorate"], w), str(o["people"])])
                    for o in document["organizations"]["people_per_organization"]]  # fmt: skip
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, (row_key, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROW_KEY, row_key)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)

    # -- opening figures
    def _table_activated(self, row: int, column: int) -> None:
        key = self.table_choice.currentData()
        item = self.table.item(row, column)
        if item is None:
            return
        row_key = str(item.data(ROW_KEY))
        if key in ("gender", "age_band", "governorate", "organization_kind", "role"):
            population = "completed" if column == 2 else "reached"
            self.open_figure(Figure.of(population, **{key: row_key}))
        elif key == "organizations":
            self.open_figure(Figure.of("organizations"))

    def _chart_clicked(self, chart: str, category: str, series: str) -> None:
        if not category:
            return
        if chart == "pyramid":
            self.open_figure(Figure.of("reached", age_band=category, gender=series))
        elif chart in ("governorate", "organization_kind"):
            self.open_figure(Figure.of("reached", **{chart: category}))

    def open_figure(self, figure: Figure) -> None:
        """Find the people behind `figure` (off the GUI thread), then show them in a dialog."""
        if not figure.population:
            return
        flt = self.current_filter()
        db, language = self.context.db, self.language

        def work(report: Report) -> tuple[list[str], list[list[Any]]]:
            report(0, 0)
            headers, rows, _items = figure_rows(db, flt, figure, language)
            return headers, rows

        def done(result: tuple[list[str], list[list[Any]]]) -> None:
            self.last_dialog = FigureDialog(self.context, flt, figure, *result, parent=self)
            self.last_dialog.show()

        self.context.runner.run(self, self.tr("Finding the people…"), work, done)

    # -- the donor report
    def save_report(self, suffix: str) -> None:
        if not self.context.may("statistics.report", self):
            return
        if self.stats is None:
            return
        filters = {".pdf": "PDF (*.pdf)", ".xlsx": "Excel (*.xlsx)", ".csv": "CSV (*.csv)"}
        name = word("report_title", self.language)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the donor report as"), suggested_file(name, suffix), filters[suffix]
        )
        if not chosen:
            return
        path = with_suffix_confirmed(self, chosen, suffix)
        if path is None:
            return
        self.write_report_to(path)

    def print_report(self) -> None:
        """The donor report of the figures on screen, straight to a printer."""
        if self.stats is None:
            return
        stats, db, flt, language = self.stats, self.context.db, self.current_filter(), self.language
        printing.print_made(
            self.context, self, word("report_title", language),
            lambda path, report: write_report(db, flt, path, language=language, replace=True, progress=report,
                                              stats=stats),
        )  # fmt: skip

    def write_report_to(self, path: Path) -> None:
        stats, db, flt, language = self.stats, self.context.db, self.current_filter(), self.language

        def work(report: Report) -> object:
            # The very figures on screen, written as they are (the window asked before replacing).
            return write_report(db, flt, path, language=language, replace=True, progress=report, stats=stats)

        def done(_result: object) -> None:
            self.last_file = path
            self.saved.setText(self.tr("Saved: {file} — open").format(file=path.name))
            self.saved.show()

        self.context.runner.run(self, self.tr("Writing the report…"), work, done)

    def open_last_file(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file)))


class FigureDialog(QDialog):
    """The people (or organizations) behind a figure, with an export to .xlsx or .csv."""

    def __init__(
        self, context: AppContext, flt: StatsFilter, figure: Figure, headers: list[str], rows: list[list[Any]],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.context, self.flt, self.figure = context, flt, figure
        language = context.language
        parts = [category_label(dim, key, language) for dim, key in figure.where]
        title = {"reached": word("people_reached", language), "completed": word("people_completed", language),
                 "first_time": word("first_time", language), "returning": word("returning", language),
                 "repeat": word("repeat", language)}.get(figure.population, word("organizations_reached", language))  # fmt: skip
        self.setWindowTitle(" — ".join([title, *parts]))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        heading = label(" — ".join([title, *parts]), "sectionTitle", wrap=True)
        layout.addWidget(heading)
        self.count = label(self.tr("%n row(s)", "", len(rows)), "muted")
        layout.addWidget(self.count)
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                text = "" if value is None else str(value)
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        for c in range(len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            min(1, len(headers) - 1), QHeaderView.ResizeMode.Stretch
        )  # the organization
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(icon("fa5s.file-export"), self.tr("Export the list…"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(bool(rows))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def export(self) -> None:
        chosen, selected = QFileDialog.getSaveFileName(
            self, self.tr("Save the list as"), suggested_file(self.windowTitle(), ".xlsx"),
            "Excel (*.xlsx);;CSV (*.csv)",
        )  # fmt: skip
        if not chosen:
            return
        suffix = ".csv" if chosen.lower().endswith(".csv") or "csv" in selected.lower() else ".xlsx"
        path = with_suffix_confirmed(self, chosen, suffix)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        db, flt, figure, language = self.context.db, self.flt, self.figure, self.context.language

        def work(report: Report) -> int:
            report(0, 0)
            return export_figure(db, flt, figure, path, language=language, replace=True)

        self.context.runner.run(self, self.tr("Exporting…"), work,
                      lambda n: self.count.setText(self.tr("Saved {file}").format(file=path.name)))  # fmt: skip


class ChooseTrainingsDialog(QDialog):
    """Tick the trainings to count (none ticked: all of them); typing filters the list."""

    def __init__(
        self, trainings: list[TrainingRow], chosen: set[int], language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose trainings"))
        self.resize(560, 520)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by title"))
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget()
        for t in trainings:
            item = QListWidgetItem(f"{t.title} — {format_range(t.start, t.end, language)}")
            item.setData(ROW_KEY, t.id)
            item.setData(ROW_KEY + 1, fold_text(t.title))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if t.id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Leave every box empty to count all trainings."), "muted", wrap=True))
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(accept_cancel(self, self.tr("Count these"), self.tr("Cancel")))

    def _filter(self, text: str) -> None:
        words = fold_text(text).split()
        for n in range(self.list.count()):
            item = self.list.item(n)
            item.setHidden(not all(w in str(item.data(ROW_KEY + 1)) for w in words))

    def chosen(self) -> list[int]:
        return [int(self.list.item(n).data(ROW_KEY)) for n in range(self.list.count())
                if self.list.item(n).checkState() == Qt.CheckState.Checked]  # fmt: skip


class ProjectsTab(QWidget):
    """Projects on one side; the chosen project's fields, trainings and targets on the other."""

    saved = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.language = context.language
        self.project_id: int | None = None
        self.rows: list[project_service.ProjectRow] = []
        self.list = QTableWidget(0, 2)
        self.list.setHorizontalHeaderLabels([self.tr("Project"), self.tr("Donor")])
        self.list.verticalHeader().hide()
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.currentCellChanged.connect(lambda row, *_: self.show_project(row))
        new = QPushButton(icon("fa5s.plus"), self.tr("New project"))
        new.clicked.connect(lambda: self.new_project())
        self.empty = label(self.tr("No projects yet. A project is a grant: fill in its name, donor and trainings "
                                   "here and save it, then set its targets."), "muted", wrap=True)  # fmt: skip
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.addWidget(self.empty)
        left_column.addWidget(self.list, 1)
        left_column.addWidget(new)

        form_page = QWidget()
        form_page.setObjectName("formPage")
        right = QVBoxLayout(form_page)
        self.form = ErrorForm()
        self.name = QLineEdit()
        self.name_en = QLineEdit()
        self.donor = QLineEdit()
        self.code = QLineEdit()
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.start = OptionalDateEdit()
        self.end = OptionalDateEdit()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.form.add("name", self.tr("Name"), self.name)
        self.form.add("name_en", self.tr("Name in English"), self.name_en)
        self.form.add("donor", self.tr("Donor"), self.donor)
        self.form.add("code", self.tr("Grant reference"), self.code)
        dates = QWidget()
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        dates_row.addWidget(self.start)
        dates_row.addWidget(QLabel(self.tr("to")))
        dates_row.addWidget(self.end)
        self.form.add("start_date", self.tr("Dates"), dates)
        self.form.fields["end_date"] = self.end
        self.form.errors["end_date"] = self.form.errors["start_date"]
        self.form.add("notes", self.tr("Notes"), self.notes)
        right.addLayout(self.form)
        right.addWidget(label(self.tr("Trainings of this project"), "sectionTitle"))
        self.trainings = QListWidget()
        self.trainings.setMinimumHeight(120)
        right.addWidget(self.trainings, 1)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(icon("fa5s.save", "white"), self.tr("Save the project"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        targets_page = QWidget()
        targets_page.setObjectName("formPage")
        below = QVBoxLayout(targets_page)
        self.targets = QTableWidget(0, 6)
        self.targets.setHorizontalHeaderLabels([
            self.tr("Indicator"), self.tr("Period"), self.tr("Baseline"), self.tr("Target"), self.tr("Actual"),
            self.tr("% reached"),
        ])  # fmt: skip
        self.targets.verticalHeader().hide()
        self.targets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.targets.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.targets.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.targets.setMinimumHeight(100)
        self.targets.doubleClicked.connect(lambda _: self.edit_target())
        below.addWidget(self.targets, 1)
        target_row = QHBoxLayout()
        self.add_target_button = QPushButton(icon("fa5s.plus"), self.tr("Add or change a target…"))
        self.add_target_button.clicked.connect(lambda: self.edit_target(new=True))
        self.remove_target_button = QPushButton(self.tr("Remove the target"))
        self.remove_target_button.clicked.connect(self.remove_target)
        target_row.addWidget(self.add_target_button)
        target_row.addWidget(self.remove_target_button)
        target_row.addStretch(1)
        below.addLayout(target_row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_page)
        # A project's targets first (what the office looks at), its fields and trainings on the second tab.
        self.details = QTabWidget()
        self.details.addTab(targets_page, icon("fa5s.bullseye"), self.tr("Targets"))
        self.details.addTab(scroll, icon("fa5s.edit"), self.tr("Project details"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([240, 760])
        left.setMaximumWidth(340)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.target_rows: list[Any] = []
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.rows = project_service.list_projects(self.context.db, include_archived=True)
        self.list.setRowCount(len(self.rows))
        for r, p in enumerate(self.rows):
            for c, text in enumerate((p.name, p.donor or "")):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.list.setItem(r, c, item)
        self.empty.setVisible(not self.rows)
        index = next((n for n, p in enumerate(self.rows) if p.id == select), 0 if self.rows else -1)
        if index >= 0:
            self.list.setCurrentCell(index, 0)
            self.show_project(index)
        else:
            self.new_project(focus=False)

    def _fill_trainings(self, chosen: set[int]) -> None:
        self.trainings.clear()
        for t in list_trainings(self.context.db):
            item = QListWidgetItem(f"{t.title} — {format_range(t.start, t.end, self.language)}")
            item.setData(ROW_KEY, t.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if t.id in chosen else Qt.CheckState.Unchecked)
            self.trainings.addItem(item)

    def new_project(self, focus: bool = True) -> None:
        self.project_id = None
        self.list.clearSelection()
        for field in (self.name, self.name_en, self.donor, self.code):
            field.clear()
        self.notes.clear()
        self.start.set_date_value(None)
        self.end.set_date_value(None)
        self._fill_trainings(set())
        self.form.clear_errors()
        self.targets.setRowCount(0)
        self.add_target_button.setEnabled(False)
        self.remove_target_button.setEnabled(False)
        self.details.setCurrentIndex(1)  # a new project starts with its fields
        if focus:
            self.name.setFocus()

    def show_project(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        p = self.rows[row]
        self.project_id = p.id
        self.name.setText(p.name)
        self.name_en.setText(p.name_en or "")
        self.donor.setText(p.donor or "")
        self.code.setText(p.code or "")
        self.notes.setPlainText(p.notes or "")
        self.start.set_date_value(p.start_date)
        self.end.set_date_value(p.end_date)
        self._fill_trainings(set(p.training_ids))
        self.form.clear_errors()
        self.add_target_button.setEnabled(True)
        self.remove_target_button.setEnabled(bool(p.targets))
        self.details.setCurrentIndex(0)
        self._load_targets()

    def _load_targets(self) -> None:
        project_id = self.project_id
        if project_id is None:
            return
        db = self.context.db

        def work(report: Report) -> Statistics:
            report(0, 0)
            return statistics(db, StatsFilter(project_id=project_id))

        self.context.runner.run(self, self.tr("Counting…"), work, self._show_targets)

    def _show_targets(self, stats: Statistics) -> None:
        self.target_rows = list(stats.targets)
        self.targets.setRowCount(len(self.target_rows))
        for r, t in enumerate(self.target_rows):
            rate = INDICATORS.get(t.indicator, (False, None))[0]
            cells = [
                word(t.indicator, self.language),
                period_name(t.period_start, t.period_end, self.language),
                number_text(t.baseline, percent=rate), number_text(t.target, percent=rate),
                number_text(t.actual, percent=rate), number_text(t.reached_share, percent=True),
            ]  # fmt: skip
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.targets.setItem(r, c, item)
        header = self.targets.horizontalHeader()
        for c in range(1, 6):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.remove_target_button.setEnabled(bool(self.target_rows))

    def data(self) -> project_service.ProjectData:
        chosen = [int(self.trainings.item(n).data(ROW_KEY)) for n in range(self.trainings.count())
                  if self.trainings.item(n).checkState() == Qt.CheckState.Checked]  # fmt: skip
        return project_service.ProjectData(
            self.name.text(), self.name_en.text(), self.donor.text(), self.code.text(), self.start.date_value(),
            self.end.date_value(), self.notes.toPlainText(), chosen,
        )  # fmt: skip

    def save(self) -> None:
        if not self.context.may("projects.edit", self):
            return
        self.form.clear_errors()
        try:
            data, project_id = self.data(), self.project_id
            if project_id is None:
                self.project_id = self.context.call(
                    self, lambda db: project_service.create_project(db, data),
                    changes=lambda new_id: [Change(Kind.PROJECT, new_id)],
                )  # fmt: skip
            else:
                self.context.call(
                    self, lambda db: project_service.update_project(db, project_id, data),
                    changes=[Change(Kind.PROJECT, project_id)],
                )  # fmt: skip
        except ValidationError as error:
            if not self.form.show_error(error.field, error.message):
                show_error(self, error)
            return
        except Exception as error:  # noqa: BLE001 - shown, never a traceback
            show_error(self, error)
            return
        self.reload(select=self.project_id)  # shows the saved project's targets
        self.saved.emit()

    def edit_target(self, new: bool = False) -> None:
        if not self.context.may("projects.edit", self):
            return
        if self.project_id is None:
            return
        row = self.targets.currentRow()
        current = None if new or not 0 <= row < len(self.target_rows) else self.target_rows[row]
        dialog = TargetDialog(self.context, self.project_id, current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._load_targets()
            self.saved.emit()

    def remove_target(self) -> None:
        if not self.context.may("projects.edit", self):
            return
        row = self.targets.currentRow()
        if not 0 <= row < len(self.target_rows):
            return
        try:
            target_id, project_id = self.target_rows[row].id, self.project_id
            self.context.call(
                self, lambda db: project_service.remove_target(db, target_id), changes=[Change(Kind.PROJECT, project_id)]
            )
        except Exception as error:  # noqa: BLE001 - shown, never a traceback
            show_error(self, error)
            return
        self._load_targets()
        self.saved.emit()


class TargetDialog(QDialog):
    """One target: the indicator, the period, the baseline and the target (rates as percentages)."""

    def __init__(
        self, context: AppContext, project_id: int, current: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.project_id = context, project_id
        self.setWindowTitle(self.tr("Target"))
        self.form = ErrorForm()
        self.indicator = QComboBox()
        for key in INDICATORS:
            self.indicator.addItem(word(key, context.language), key)
        self.period = PeriodPicker(context.language, all_time=False)
        self.period.set_kind("year")
        self.baseline = QLineEdit()
        self.target = QLineEdit()
        for field in (self.baseline, self.target):
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            field.setPlaceholderText(self.tr("a number, or a share such as 80%"))
        self.form.add("indicator", self.tr("Indicator"), self.indicator)
        self.form.add("period", self.tr("Period"), self.period)
        self.form.add("baseline", self.tr("Baseline"), self.baseline)
        self.form.add("target", self.tr("Target"), self.target)
        if current is not None:
            self.indicator.setCurrentIndex(max(0, self.indicator.findData(current.indicator)))
            self.period.set_kind("custom")
            self.period.first.set_date_value(current.period_start)
            self.period.last.set_date_value(current.period_end)
            rate = INDICATORS.get(current.indicator, (False, None))[0]
            self.baseline.setText(
                "" if current.baseline is None else number_text(current.baseline, percent=rate)
            )
            self.target.setText(number_text(current.target, percent=rate))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(accept_cancel(self, self.tr("Save"), self.tr("Cancel"), self.save))

    def save(self) -> None:
        self.form.clear_errors()
        first, last = self.period.value()
        try:
            if first is None or last is None:
                raise ValidationError("period", self.tr("Choose the period of the target."))
            project_id, indicator = self.project_id, str(self.indicator.currentData())
            target, baseline = self.target.text(), self.baseline.text() or None
            self.context.call(
                self, lambda db: project_service.set_target(db, project_id, indicator, (first, last), target, baseline),
                changes=[Change(Kind.PROJECT, project_id)],
            )  # fmt: skip
        except ValidationError as error:
            if not self.form.show_error(error.field, error.message):
                show_error(self, error)
            return
        self.accept()
