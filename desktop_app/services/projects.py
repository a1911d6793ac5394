"""Projects (grants): which trainings they group and what their donors were promised, indicator by
indicator and period by period. The actual values are never stored: `statistics` counts them when a
project's report is made, so a target table can never disagree with the attendance.

Meetings and initiatives join a project the same way trainings do when the partner network lands
(one link table per kind of activity, each with a real foreign key).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import Project, ProjectTarget, ProjectTraining, Training
from desktop_app.services import audit, validation
from desktop_app.services.statistics import INDICATORS, parse_period
from desktop_app.text.arabic import fold_digits

MAX_TARGET = 10_000_000


@dataclass
class ProjectData:
    """What the project form (or `tashbeek projects add`) gives; validated on save."""

    name: str
    name_en: str | None = None
    donor: str | None = None
    code: str | None = None
    start_date: dt.date | str | None = None
    end_date: dt.date | str | None = None
    notes: str | None = None
    training_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class TargetRow:
    id: int
    indicator: str
    period_start: dt.date
    period_end: dt.date
    baseline: float | None
    target: float


@dataclass(frozen=True)
class ProjectRow:
    id: int
    name: str
    name_en: str | None
    donor: str | None
    code: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    notes: str | None
    archived: bool
    training_ids: tuple[int, ...]
    targets: tuple[TargetRow, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "name": self.name, "name_en": self.name_en, "donor": self.donor, "code": self.code,
            "start": self.start_date.isoformat() if self.start_date else None,
            "end": self.end_date.isoformat() if self.end_date else None,
            "trainings": list(self.training_ids),
            "targets": [
                {"id": t.id, "indicator": t.indicator,
                 "period": {"from": t.period_start.isoformat(), "to": t.period_end.isoformat()},
                 "baseline": t.baseline, "target": t.target}
                for t in self.targets
            ],
        }  # fmt: skip


def _clean(tx: Session, data: ProjectData) -> dict[str, object]:
    start = validation.date_value(data.start_date, "start_date")
    end = validation.date_value(data.end_date, "end_date")
    if start and end and end < start:
        raise ValidationError("end_date", _("The project cannot end before it starts."))
    for training_id in data.training_ids:
        if tx.get(Training, training_id) is None:
            raise NotFoundError(_("No training with number {id}.").format(id=training_id))
    return {
        "name": validation.required_name(data.name, "name"),
        "name_en": validation.optional_text(data.name_en, "name_en", validation.MAX_NAME),
        "donor": validation.optional_text(data.donor, "donor", validation.MAX_NAME),
        "code": validation.optional_text(data.code, "code", 100),
        "start_date": start,
        "end_date": end,
        "notes": validation.optional_text(data.notes, "notes", 10_000),
    }


def create_project(db: Database, data: ProjectData) -> int:
    with db.session_scope() as tx:
        values = _clean(tx, data)
        project = Project(**values)
        tx.add(project)
        tx.flush()
        for training_id in dict.fromkeys(data.training_ids):
            tx.add(ProjectTraining(project_id=project.id, training_id=training_id))
        changes = audit.diff({}, values)
        if data.training_ids:
            changes["trainings"] = [None, sorted(set(data.training_ids))]
        audit.record(tx, db, "project", project.uid, "create", changes)
        return project.id


def update_project(db: Database, project_id: int, data: ProjectData) -> None:
    """Change a project's fields and replace its trainings, in one transaction."""
    with db.session_scope() as tx:
        project = _get(tx, project_id)
        values = _clean(tx, data)
        changes = audit.diff({k: getattr(project, k) for k in values}, values)
        for key, value in values.items():
            setattr(project, key, value)
        before = set(
            tx.scalars(select(ProjectTraining.training_id).where(ProjectTraining.project_id == project_id))
        )
        wanted = set(data.training_ids)
        if before != wanted:
            tx.execute(delete(ProjectTraining).where(
                ProjectTraining.project_id == project_id, ProjectTraining.training_id.not_in(wanted)
            ))  # fmt: skip
            for training_id in sorted(wanted - before):
                tx.add(ProjectTraining(project_id=project_id, training_id=training_id))
            changes["trainings"] = [sorted(before), sorted(wanted)]
        if changes:
            audit.record(tx, db, "project", project.uid, "update", changes)


def set_project_archived(db: Database, project_id: int, archived: bool = True) -> None:
    with db.session_scope() as tx:
        project = _get(tx, project_id)
        audit.apply(tx, db, project, "project", {"archived": archived})


def _get(tx: Session, project_id: int) -> Project:
    project = tx.get(Project, project_id)
    if project is None:
        raise NotFoundError(_("No project with number {id}.").format(id=project_id))
    return project


def list_projects(db: Database, *, include_archived: bool = False) -> list[ProjectRow]:
    """Every project with its trainings and targets, by name."""
    with db.session_scope() as tx:
        query = select(Project).order_by(Project.name, Project.id)
        if not include_archived:
            query = query.where(Project.archived.is_(False))
        projects = tx.scalars(query).all()
        links: dict[int, list[int]] = {}
        for project_id, training_id in tx.execute(
            select(ProjectTraining.project_id, ProjectTraining.training_id).order_by(
                ProjectTraining.training_id
            )
        ):
            links.setdefault(project_id, []).append(training_id)
        targets: dict[int, list[TargetRow]] = {}
        for t in tx.scalars(
            select(ProjectTarget).order_by(
                ProjectTarget.period_start, ProjectTarget.indicator, ProjectTarget.id
            )
        ):
            targets.setdefault(t.project_id, []).append(
                TargetRow(t.id, t.indicator, t.period_start, t.period_end, t.baseline, t.target)
            )
        return [
            ProjectRow(
                p.id,
                p.name,
                p.name_en,
                p.donor,
                p.code,
                p.start_date,
                p.end_date,
                p.notes,
                p.archived,
                tuple(links.get(p.id, ())),
                tuple(targets.get(p.id, ())),
            )  # fmt: skip
            for p in projects
        ]


def get_project(db: Database, project_id: int) -> ProjectRow:
    for row in list_projects(db, include_archived=True):
        if row.id == project_id:
            return row
    raise NotFoundError(_("No project with number {id}.").format(id=project_id))


def parse_target_value(indicator: str, text: str | float) -> float:
    """A target or baseline as typed: "120", "80%" or "0.8" for a rate; ValidationError if not."""
    is_rate = INDICATORS[indicator][0] if indicator in INDICATORS else False
    if isinstance(text, int | float):
        value = float(text)
    else:
        raw = fold_digits(str(text)).strip().replace("٪", "%").replace("٫", ".").replace(",", "")
        percent = raw.endswith("%")
        try:
            value = float(raw.rstrip("%").strip())
        except ValueError:
            raise ValidationError("target", _("{text} is not a number.").format(text=text)) from None
        if percent:
            value /= 100
        elif is_rate and value > 1:
            value /= 100  # "80" for a rate means 80 %
    if value != value or value < 0 or value > MAX_TARGET:  # NaN, negative, absurd
        raise ValidationError("target", _("A target must be a number from 0 upwards."))
    if is_rate and value > 1:
        raise ValidationError("target", _("A rate is a share from 0 to 100%."))
    return value


def set_target(
    db: Database, project_id: int, indicator: str, period: str | tuple[dt.date, dt.date], target: str | float,
    baseline: str | float | None = None,
) -> int:  # fmt: skip
    """Set (or change) the target of one indicator for one period; returns the target's id."""
    if indicator not in INDICATORS:
        raise ValidationError(
            "indicator", _("Unknown indicator {name}; choose one of: {names}.").format(
                name=indicator, names=", ".join(INDICATORS))
        )  # fmt: skip
    start, end = parse_period(period) if isinstance(period, str) else period
    if end < start:
        raise ValidationError("period", _("The period cannot end before it starts."))
    value = parse_target_value(indicator, target)
    base = None if baseline is None or baseline == "" else parse_target_value(indicator, baseline)
    with db.session_scope() as tx:
        _get(tx, project_id)
        row = tx.scalar(select(ProjectTarget).where(
            ProjectTarget.project_id == project_id, ProjectTarget.indicator == indicator,
            ProjectTarget.period_start == start, ProjectTarget.period_end == end,
        ))  # fmt: skip
        if row is None:
            row = ProjectTarget(project_id=project_id, indicator=indicator, period_start=start, period_end=end,
                                target=value, baseline=base)  # fmt: skip
            tx.add(row)
            tx.flush()
            audit.record(tx, db, "project_target", row.uid, "create", audit.diff({}, {
                "project_id": project_id, "indicator": indicator, "period_start": start, "period_end": end,
                "target": value, "baseline": base,
            }))  # fmt: skip
        else:
            audit.apply(tx, db, row, "project_target", {"target": value, "baseline": base})
        return row.id


def remove_target(db: Database, target_id: int) -> None:
    with db.session_scope() as tx:
        row = tx.get(ProjectTarget, target_id)
        if row is None:
            raise NotFoundError(_("No target with number {id}.").format(id=target_id))
        audit.record(tx, db, "project_target", row.uid, "delete", {"indicator": [row.indicator, None]})
        tx.delete(row)


def project_count(db: Database) -> int:
    with db.session_scope() as tx:
        return tx.scalar(select(func.count()).select_from(Project).where(Project.archived.is_(False))) or 0
