"""The attendance grid in the Trainings section: marks, keyboard edits, totals, eligibility."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.db import Database
from desktop_app.services.attendance import attendance_grid, check_in
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.trainings import TrainingsPage

# Time-sensitive: every test here runs in the morning, the afternoon and late in the evening.
pytestmark = pytest.mark.usefixtures("clock_hour")


def test_grid_shows_and_edits_attendance(window: MainWindow, db: Database) -> None:
    page = window.show_section("trainings")
    assert isinstance(page, TrainingsPage)
    training = page.rows[0]
    first_day = training.sessions[0].date.isoformat()
    check_in(db, training.id, "هانى ابراهيم", session_ref=first_day)
    page.refresh()
    page.tabs.setCurrentIndex(1)
    model = page.grid_model
    assert model.rowCount() == 57 + 1  # people + totals
    assert model.columnCount() == 2 + 2 + 2  # name, role, two sessions, attended, eligible
    names = [model.index(r, 0).data() for r in range(model.rowCount() - 1)]
    hany = names.index("هاني إبراهيم")
    assert model.index(hany, 2).data() in ("حاضر", "متأخر")
    assert model.index(hany, 5).data() == "—"  # a trainer: no certificate column
    assert model.index(model.rowCount() - 1, 2).data() == "1"

    participant = next(r for r in range(len(names)) if model.index(r, 1).data() == "مشارك")
    cell = model.index(participant, 3)
    page.grid.setCurrentIndex(cell)
    page.grid.setFocus()
    QTest.keyClick(page.grid, Qt.Key.Key_2)  # late
    assert model.index(participant, 3).data() == "متأخر"
    assert page.grid.currentIndex().row() == participant + 1  # a digit moves on to the next person
    page.grid.setCurrentIndex(cell)
    QTest.keyClick(page.grid, Qt.Key.Key_Space)  # late -> excused
    assert model.index(participant, 3).data() == "معتذر"
    grid = attendance_grid(db, training.id)
    row = next(r for r in grid.rows if r.name == names[participant])
    assert row.statuses[training.sessions[1].id] == "excused" and row.share == 0.0
    page.grid.setCurrentIndex(model.index(participant, 2))
    QTest.keyClick(page.grid, Qt.Key.Key_1)
    page.grid.setCurrentIndex(model.index(participant, 3))
    QTest.keyClick(page.grid, Qt.Key.Key_1)
    assert model.index(participant, 4).data() == "100%" and model.index(participant, 5).data() == "✓"


def test_digits_tick_down_a_column_like_a_paper_list(window: MainWindow, db: Database) -> None:
    page = window.show_section("trainings")
    assert isinstance(page, TrainingsPage)
    page.tabs.setCurrentIndex(1)
    model = page.grid_model
    page.grid.setCurrentIndex(model.index(0, 2))
    page.grid.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2):
        QTest.keyClick(page.grid, key)
    assert [model.index(r, 2).data() for r in range(3)] == ["حاضر", "حاضر", "متأخر"]
    assert page.grid.currentIndex().row() == 3 and page.grid.currentIndex().column() == 2
    assert page.grid.horizontalHeader().sectionResizeMode(0) == page.grid.horizontalHeader().ResizeMode.Stretch


def test_one_working_group_marked_present_at_once(window: MainWindow, db: Database) -> None:
    """Filter the grid by working group, then mark the whole session present for that group only
    (one transaction; the other groups untouched)."""
    page = window.show_section("trainings")
    assert isinstance(page, TrainingsPage)
    page.tabs.setCurrentIndex(1)
    model = page.grid_model
    groups = model.groups()
    assert len(groups) >= 2
    page.group_filter.setCurrentIndex(page.group_filter.findData(groups[0]))
    shown = list(model.rows)
    assert shown and all(r.working_group == groups[0] for r in shown)
    assert model.rowCount() == len(shown) + 1
    page.grid.setCurrentIndex(model.index(0, 2))
    page.mark_column_present()
    training = page.rows[0]
    grid = attendance_grid(db, training.id)
    session_id = grid.sessions[0][0]
    marked = {r.enrollment_id for r in grid.rows if r.statuses[session_id] == "present"}
    assert marked == {r.enrollment_id for r in shown if r.status != "withdrawn"}
    assert model.index(model.rowCount() - 1, 2).data() == str(len(marked))
    page.group_filter.setCurrentIndex(0)  # everyone again
    assert model.rowCount() == len(grid.rows) + 1
