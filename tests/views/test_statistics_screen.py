"""The Statistics screen on the demo after people were checked in: the tiles, the table, `stats --json`,
the .xlsx, the CSV and the PDF all agree with a count made by hand from the attendance grid; a figure
opens to its people (from a chart, a tile or the table) and exports them; projects and targets are
edited in the window; Home shows this month's figures after the first paint."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from desktop_app.models import AttendanceStatus
from desktop_app.pdf.report_text import word
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.services.registry import get_person
from desktop_app.services.statistics import Figure
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.home import HomePage
from desktop_app.views.pages.statistics import StatisticsPage, TargetDialog
from tests.clocks import TEST_DAY
from tests.pdf import pdftools
from tests.test_cli import run

pytestmark = pytest.mark.gui

ATTENDED = ("present", "late")


def _check_people_in(window: MainWindow) -> None:
    """Today's session: two people in three come, one in seven of them late; tomorrow is not held yet."""
    db = window.context.db
    grid = attendance_grid(db, 1)
    today = next(sid for sid, day in grid.sessions if day == TEST_DAY)
    for n, row in enumerate(grid.rows):
        if n % 3 != 2:
            set_status(
                db,
                row.enrollment_id,
                today,
                AttendanceStatus.LATE if n % 7 == 0 else AttendanceStatus.PRESENT,
            )


def _hand_count(window: MainWindow) -> dict[str, object]:
    """From the attendance grid the staff see, and the people's records: never the statistics' queries."""
    db = window.context.db
    grid = attendance_grid(db, 1)
    held = {sid for sid, day in grid.sessions if day <= TEST_DAY}
    came = [r for r in grid.rows if any(r.statuses[sid] in ATTENDED for sid in held)]
    participants = [r for r in grid.rows if r.role == "participant" and r.status != "withdrawn"]
    marks = sum(r.statuses[sid] in ATTENDED for r in participants for sid in held)
    genders = Counter(get_person(db, r.person_id).gender or "unknown" for r in came)
    return {
        "reached": len({r.person_id for r in came}),
        "genders": {g: genders.get(g, 0) for g in ("male", "female", "unknown")},
        "rate": marks / (len(participants) * len(held)),
        "sessions": len(held),
    }


def _statistics_page(window: MainWindow, qtbot) -> StatisticsPage:  # type: ignore[no-untyped-def]
    page = window.show_section("statistics")
    assert isinstance(page, StatisticsPage)
    qtbot.waitUntil(lambda: page.stats is not None, timeout=20_000)
    return page


def test_screen_json_spreadsheet_csv_and_pdf_agree_with_the_grid(
    window: MainWindow,
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _check_people_in(window)
    hand = _hand_count(window)
    assert hand["reached"] == 38 and hand["sessions"] == 2  # 57 people, two in three came; yesterday and today

    page = _statistics_page(window, qtbot)
    tiles = {key: tile.number.text() for key, tile in page.tiles.items()}
    assert tiles["people_reached"] == str(hand["reached"])
    assert tiles["people_completed"] == "0"  # the training ends tomorrow
    assert tiles["sessions"] == "2"
    assert tiles["attendance_rate"] == f"{round(hand['rate'] * 100)}%"  # type: ignore[operator]
    page.table_choice.setCurrentIndex(page.table_choice.findData("gender"))
    on_screen = {
        page.table.item(r, 0).text(): int(page.table.item(r, 1).text()) for r in range(page.table.rowCount())
    }
    genders = hand["genders"]
    assert isinstance(genders, dict)
    assert on_screen == {word(g, "ar"): n for g, n in genders.items()}

    document = json.loads(run("--db", window.context.db.url, "stats", "--json").stdout)
    assert document["people"]["reached"] == hand["reached"]
    assert document["people"]["by_gender"] == genders
    assert document["attendance_rate"] == pytest.approx(hand["rate"], abs=1e-4)
    assert document == {**page.document, "rules": document["rules"]}  # the screen shows this document

    workbook = tmp_path / "report.xlsx"
    page.write_report_to(workbook)
    qtbot.waitUntil(workbook.exists, timeout=20_000)
    book = openpyxl.load_workbook(workbook)
    first = book.worksheets[0]
    assert first.sheet_view.rightToLeft
    figures = {row[0]: row[1] for row in first.iter_rows(values_only=True) if row[0]}
    assert figures[word("people_reached", "ar")] == hand["reached"]
    assert figures[word("attendance_rate", "ar")] == pytest.approx(hand["rate"], abs=1e-4)
    assert figures[word("rules", "ar")] == page.stats.rules_in("ar")  # type: ignore[union-attr]
    gender_sheet = next(s for s in book.worksheets if word("gender", "ar") in s.title)
    rows = list(gender_sheet.iter_rows(values_only=True))
    assert {r[0]: r[1] for r in rows[1:]} == {word(g, "ar"): n for g, n in genders.items()}

    table = tmp_path / "report.csv"
    page.write_report_to(table)
    qtbot.waitUntil(table.exists, timeout=20_000)
    with table.open(encoding="utf-8-sig") as f:
        cells = {(r["table"], r["category_key"], r["measure"]): r["value"] for r in csv.DictReader(f)}
    assert cells[("summary", "people_reached", "value")] == str(hand["reached"])
    assert {g: int(cells[("gender", g, "reached")]) for g in genders} == genders

    if pdftools.have_poppler():
        pdf = tmp_path / "report.pdf"
        page.write_report_to(pdf)
        qtbot.waitUntil(pdf.exists, timeout=30_000)
        text = "\n".join(pdftools.poppler_lines(pdf))
        assert word("report_title", "ar") in text and page.stats.rules_in("ar")[:40] in text  # type: ignore[union-attr]
        # The gender table's rows, cell by cell as laid out: category, reached, completed.
        laid_out = _layout_rows(pdf)
        for gender, n in genders.items():
            row = next(c for c in laid_out if len(c) == 3 and c[2] == word(gender, "ar") and c[0].isdigit())
            assert row[:2] == ["0", str(n)]  # completed (on the left), reached


def _layout_rows(pdf: Path) -> list[list[str]]:
    """pdftotext -layout, each line's cells (runs of text between wide gaps), bidi marks removed."""
    import re
    import subprocess

    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    rows = []
    for line in out.splitlines():
        cells = [pdftools.BIDI_MARKS.sub("", c).strip() for c in re.split(r"\s{3,}", line)]
        cells = [c for c in cells if c]
        if cells:
            rows.append(cells)
    return rows


def test_a_figure_opens_to_its_people_and_exports_them(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _check_people_in(window)
    page = _statistics_page(window, qtbot)
    page.charts_area.ensureWidgetVisible(page.charts["governorate"])
    chart = page.charts["governorate"]
    drawing = chart.drawing()
    assert drawing is not None and drawing.hits
    first = drawing.hits[0]
    QTest.mouseClick(chart, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(first.x + first.w / 2), int(first.y + first.h / 2)))  # fmt: skip
    qtbot.waitUntil(lambda: page.last_dialog is not None, timeout=20_000)
    dialog = page.last_dialog
    assert dialog is not None
    expected = page.document["people"]["by_governorate"][first.category]  # type: ignore[index]
    assert dialog.table.rowCount() == expected > 0
    out = tmp_path / "people.xlsx"
    dialog.export_to(out)
    qtbot.waitUntil(out.exists, timeout=20_000)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet.max_row == expected + 1
    dialog.close()

    # A tile: the completed people (none yet); the table: the women who came.
    page.last_dialog = None
    page.tiles["first_time"].click()
    qtbot.waitUntil(lambda: page.last_dialog is not None, timeout=20_000)
    assert page.last_dialog.table.rowCount() == page.stats.people.first_time  # type: ignore[union-attr]
    page.last_dialog.close()
    page.table_choice.setCurrentIndex(page.table_choice.findData("gender"))
    row = next(
        r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == word("female", "ar")
    )
    page.last_dialog = None
    page._table_activated(row, 1)
    qtbot.waitUntil(lambda: page.last_dialog is not None, timeout=20_000)
    assert page.last_dialog.table.rowCount() == int(page.table.item(row, 1).text())
    assert page.last_dialog.figure == Figure.of("reached", gender="female")
    page.last_dialog.close()


def test_filters_recount(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _check_people_in(window)
    page = _statistics_page(window, qtbot)
    everyone = page.stats.people.reached  # type: ignore[union-attr]
    page.governorate.setCurrentIndex(page.governorate.findData("01"))  # Cairo
    qtbot.waitUntil(
        lambda: page.stats is not None and page.stats.filter.governorates == ("01",), timeout=20_000
    )
    cairo = page.stats.people.reached
    assert 0 < cairo < everyone
    assert page.tiles["people_reached"].number.text() == str(cairo)
    page.clear_filters()
    qtbot.waitUntil(lambda: page.stats.filter.governorates == (), timeout=20_000)  # type: ignore[union-attr]
    page.period.set_kind("year")
    page.period.step(1)  # next year: nothing yet
    qtbot.waitUntil(lambda: page.stats.date_from is not None and page.stats.date_from.year == TEST_DAY.year + 1,
                    timeout=20_000)  # type: ignore[union-attr]  # fmt: skip
    assert page.tiles["people_reached"].number.text() == "0" and page.empty.isVisibleTo(page)


def test_age_bands_are_set_in_the_window(window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    _check_people_in(window)
    page = _statistics_page(window, qtbot)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("15، 30", True)))
    page.edit_age_bands()
    qtbot.waitUntil(lambda: list(page.stats.people.by_age_band) == ["under_15", "15_29", "30_plus", "unknown"],
                    timeout=20_000)  # type: ignore[union-attr]  # fmt: skip
    assert page.charts["pyramid"].chart is not None


def test_projects_and_targets_in_the_window(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _check_people_in(window)
    page = _statistics_page(window, qtbot)
    page.tabs.setCurrentIndex(1)
    projects = page.projects
    assert projects.empty.isVisibleTo(projects)
    projects.new_project()
    projects.name.setText("منحة بناء القدرات")
    projects.donor.setText("EEA Grants")
    projects.trainings.item(0).setCheckState(Qt.CheckState.Checked)
    projects.save()
    assert projects.project_id is not None and len(projects.rows) == 1
    dialog = TargetDialog(window.context, projects.project_id, None, projects)
    dialog.indicator.setCurrentIndex(dialog.indicator.findData("people_reached"))
    dialog.period.set_kind("year")
    dialog.target.setText("50")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    projects._load_targets()
    qtbot.waitUntil(lambda: projects.targets.rowCount() == 1, timeout=20_000)
    cells = [projects.targets.item(0, c).text() for c in range(6)]
    assert cells[3] == "50" and cells[4] == str(page.stats.people.reached)  # type: ignore[union-attr]
    assert cells[5] == f"{round(page.stats.people.reached / 50 * 100)}%"  # type: ignore[union-attr]
    wrong = TargetDialog(window.context, projects.project_id, None, projects)
    wrong.indicator.setCurrentIndex(wrong.indicator.findData("attendance_rate"))
    wrong.target.setText("150%")
    wrong.save()
    assert wrong.result() != wrong.DialogCode.Accepted
    assert not wrong.form.errors["target"].isHidden()
    # The filter bar offers the new project.
    page.tabs.setCurrentIndex(0)
    assert page.project.findData(projects.project_id) > 0


def test_home_shows_this_months_figures_after_the_first_paint(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _check_people_in(window)
    home = window.show_section("home")
    assert isinstance(home, HomePage)
    home.refresh()
    qtbot.waitUntil(lambda: home.month_numbers["reached"].text() == "38", timeout=20_000)
    assert home.month_numbers["sessions"].text() == "2"
    assert "نوفمبر" in home.month_title.text()


def test_statistics_in_english_read_left_to_right(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(language="en")
    _check_people_in(window)
    page = _statistics_page(window, qtbot)
    assert not page.isRightToLeft()
    assert all(view.chart is not None and not view.chart.rtl for view in page.charts.values())
    assert page.tiles["people_reached"].caption.text() == "People reached"
