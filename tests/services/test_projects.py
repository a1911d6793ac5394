"""Projects (grants): their trainings, their targets per indicator and period, and the actual values
counted from the attendance (never stored, so never stale)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.models import AttendanceStatus, AuditEntry, TrainingSession
from desktop_app.services.attendance import set_status
from desktop_app.services.projects import (
    ProjectData,
    create_project,
    get_project,
    list_projects,
    parse_target_value,
    remove_target,
    set_target,
    update_project,
)
from desktop_app.services.registry import PersonData, create_person
from desktop_app.services.statistics import StatsFilter, statistics
from desktop_app.services.trainings import TrainingData, create_training, enroll

MARCH = dt.date(2026, 3, 10)
SEPT = dt.date(2026, 9, 14)


def _training_with(db: Database, day: dt.date, people: list[tuple[str, str | None]], attended: int) -> int:
    """A one-day training; the first `attended` people came."""
    training = create_training(db, TrainingData(f"تدريب {day.isoformat()}", day, day))
    ids = [create_person(db, PersonData(name, gender=gender)) for name, gender in people]
    results = enroll(db, training, ids)
    with db.session_scope() as tx:
        sid = tx.scalar(select(TrainingSession.id).where(TrainingSession.training_id == training))
    for r in results[:attended]:
        set_status(db, r.enrollment_id, sid, AttendanceStatus.PRESENT)
    return training


@pytest.fixture
def grant(db: Database) -> dict[str, int]:
    march = _training_with(db, MARCH, [("هبة", "female"), ("منى", "female"), ("خالد", "male")], 3)
    sept = _training_with(
        db, SEPT, [("دينا", "female"), ("طارق", "male"), ("سلمى", "female"), ("مينا", "male")], 2
    )
    other = _training_with(db, SEPT, [("ياسر", "male")], 1)  # not the project's
    project = create_project(db, ProjectData("منحة التشبيك", donor="EEA Grants", code="EEA-2026-014",
                                             start_date="2026-01-01", end_date="2026-12-31", training_ids=[march, sept]))  # fmt: skip
    return {"project": project, "march": march, "sept": sept, "other": other}


def test_targets_show_the_actual_counted_from_attendance(db: Database, grant: dict[str, int]) -> None:
    project = grant["project"]
    set_target(db, project, "people_reached", "2026-01-01..2026-06-30", 5, baseline=0)
    set_target(db, project, "women_reached", "2026", "8")
    set_target(db, project, "attendance_rate", "2026-Q3", "80%", baseline="0.5")
    stats = statistics(db, StatsFilter(dt.date(2026, 1, 1), dt.date(2026, 12, 31), project_id=project))
    assert stats.project is not None and stats.project["name"] == "منحة التشبيك"
    assert stats.people.reached == 5  # the other training's man is not the project's
    by_indicator = {t.indicator: t for t in stats.targets}
    first_half = by_indicator["people_reached"]
    assert (first_half.actual, first_half.target, first_half.baseline) == (3, 5, 0)
    assert first_half.reached_share == pytest.approx(3 / 5)
    women = by_indicator["women_reached"]
    assert women.actual == 3 and women.reached_share == pytest.approx(3 / 8)  # هبة، منى، دينا
    rate = by_indicator["attendance_rate"]
    assert rate.target == pytest.approx(0.8) and rate.baseline == pytest.approx(0.5)
    assert rate.actual == pytest.approx(2 / 4)
    assert stats.as_json()["targets"][0]["period"] == {"from": "2026-01-01", "to": "2026-06-30"}


def test_a_target_set_again_is_changed_not_duplicated(db: Database, grant: dict[str, int]) -> None:
    first = set_target(db, grant["project"], "trainings", "2026", 4)
    again = set_target(db, grant["project"], "trainings", "2026", 6)
    assert first == again
    [target] = get_project(db, grant["project"]).targets
    assert target.target == 6
    remove_target(db, target.id)
    assert get_project(db, grant["project"]).targets == ()
    with db.session_scope() as tx:
        actions = [
            e.action for e in tx.scalars(select(AuditEntry).where(AuditEntry.entity == "project_target"))
        ]
    assert actions == ["create", "update", "delete"]


def test_projects_are_listed_edited_and_checked(db: Database, grant: dict[str, int]) -> None:
    [row] = list_projects(db)
    assert (row.name, row.donor, row.code) == ("منحة التشبيك", "EEA Grants", "EEA-2026-014")
    assert set(row.training_ids) == {grant["march"], grant["sept"]}
    update_project(
        db, grant["project"], ProjectData("منحة التشبيك", training_ids=[grant["sept"], grant["other"]])
    )
    assert set(get_project(db, grant["project"]).training_ids) == {grant["sept"], grant["other"]}
    with pytest.raises(ValidationError):
        create_project(db, ProjectData(" "))
    with pytest.raises(ValidationError):
        create_project(db, ProjectData("منحة", start_date="2026-05-01", end_date="2026-01-01"))
    with pytest.raises(NotFoundError):
        create_project(db, ProjectData("منحة", training_ids=[999]))
    with pytest.raises(NotFoundError):
        set_target(db, 999, "trainings", "2026", 1)
    with pytest.raises(ValidationError):
        set_target(db, grant["project"], "happiness", "2026", 1)
    with pytest.raises(ValidationError):
        set_target(db, grant["project"], "trainings", "2026-Q9", 1)
    assert len(list_projects(db)) == 1  # nothing half-written by the refusals


@pytest.mark.parametrize(
    ("indicator", "text", "value"),
    [("people_reached", "120", 120), ("people_reached", "١٢٠", 120), ("attendance_rate", "80%", 0.8),
     ("attendance_rate", "٨٠٪", 0.8), ("attendance_rate", "0.75", 0.75), ("attendance_rate", "75", 0.75),
     ("person_hours", "1,500", 1500)],
)  # fmt: skip
def test_target_values_as_typed(indicator: str, text: str, value: float) -> None:
    assert parse_target_value(indicator, text) == pytest.approx(value)


@pytest.mark.parametrize(("indicator", "text"), [("people_reached", "-3"), ("people_reached", "many"),
                                                 ("attendance_rate", "150%"), ("people_reached", "nan")])  # fmt: skip
def test_impossible_target_values_are_refused(indicator: str, text: str) -> None:
    with pytest.raises(ValidationError):
        parse_target_value(indicator, text)
