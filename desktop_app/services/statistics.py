"""Statistics for funders: unique people reached and completed, disaggregated, organizations
reached, sessions, person-hours and rates, per period and filter; and the people behind any figure.

The counting rules (stated to the user by `counting_rules`, the same text in the window, the JSON, the
spreadsheet and the PDF):

- A session is *held* when it is not cancelled and its day has come. The period holds the held
  sessions whose day falls between its first and last day (all of them for "all time").
- A person is *reached* when they were present or late at one held session of the period or more, in
  any role; each person counts once however many sessions and trainings they attended. Merged
  duplicates are one person; archived people still count for the periods they took part in.
- A person *completed* when, as a participant who has not withdrawn, they attended at least the
  training's share of its sessions; a training counts in the period that holds its last session.
- Age is counted at the person's first attended session of the period, from the birth date or else
  the national ID; gender, age, governorate or organization that is not known is counted under
  "unknown" (no organization: "none"), never dropped. A person's organization and its kind are those
  of the enrolment of their first attended session in the period; their role is the first of
  participant, guest, trainer, organizer they had in the period.
- *Returning* people and organizations took part before the period began; the others are first-time.
- Rates (attendance, completion, lateness) and person-hours are about participants who have not
  withdrawn: attendance rate = present or late marks ÷ (enrolled participants × sessions held).

Everything is read in one transaction, with a few grouped queries: the attendance table is never
loaded row by row, so a registry of 100,000 people and 300,000 marks is counted in a fraction of a
second. Meetings and initiatives (the partner network) join as more kinds of activity: their
attendance goes into the same per-person facts (`_PersonFact`), so a person reached by a meeting and a
training is still one person.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import compress
from operator import attrgetter
from typing import Any

from sqlalchemy import String, and_, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop_app import clock, i18n
from desktop_app.assets import resource_path
from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import (
    Attendance,
    AttendanceStatus,
    Enrollment,
    EnrollmentRole,
    EnrollmentStatus,
    Organization,
    OrganizationKind,
    Person,
    Project,
    ProjectTraining,
    Training,
    TrainingCoOrganizer,
    TrainingSession,
)
from desktop_app.services.settings import age_band_bounds
from desktop_app.text.age_bands import UNKNOWN, AgeBands, age_on, birth_date_of, check_bounds
from desktop_app.text.governorates import BY_CODE

NONE = "none"  # no organization
GENDERS = ("male", "female", UNKNOWN)
ROLES = ("participant", "guest", "trainer", "organizer")
ORGANIZATION_KINDS = (*(k.value for k in OrganizationKind), NONE)
_ROLE_RANK = {role: n for n, role in enumerate(ROLES)}
_ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
_CHUNK = 900  # ids per IN (…) list: within every SQLite's and PostgreSQL's limit on parameters

# ---------------------------------------------------------------- what is asked


@dataclass(frozen=True)
class StatsFilter:
    """Which activity and which people to count. Empty tuples mean "all"."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    training_ids: tuple[int, ...] = ()
    # Trainings organized or co-organized by any of these organizations.
    co_organizer_ids: tuple[int, ...] = ()
    project_id: int | None = None
    # People living in these governorates (codes; "unknown" for none recorded).
    governorates: tuple[str, ...] = ()
    # People enrolled with an organization of these kinds ("none" for no organization).
    organization_kinds: tuple[str, ...] = ()
    # Age bands for this count only (their lower bounds); empty: the organization's setting.
    age_bounds: tuple[int, ...] = ()

    def check(self) -> None:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValidationError("date_to", _("The period cannot end before it starts."))
        for code in self.governorates:
            if code != UNKNOWN and code not in BY_CODE:
                raise ValidationError("governorate", _("Unknown governorate code: {code}.").format(code=code))
        for kind in self.organization_kinds:
            if kind not in ORGANIZATION_KINDS:
                raise ValidationError(
                    "organization_kind", _("Unknown organization kind: {kind}.").format(kind=kind)
                )
        if self.age_bounds:
            try:
                check_bounds(self.age_bounds)
            except ValueError:
                raise ValidationError(
                    "age_bounds",
                    _("Age bands are up to ten increasing ages from 1 to 120, such as 18, 25, 35, 50."),
                ) from None

    @property
    def narrows_people(self) -> bool:
        return bool(self.governorates or self.organization_kinds)

    def as_json(self) -> dict[str, Any]:
        return {
            "trainings": list(self.training_ids), "co_organizers": list(self.co_organizer_ids),
            "project": self.project_id, "governorates": list(self.governorates),
            "organization_kinds": list(self.organization_kinds), "age_bounds": list(self.age_bounds),
        }  # fmt: skip


def month_period(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def quarter_period(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    start, _end = month_period(year, 3 * quarter - 2)
    _start, end = month_period(year, 3 * quarter)
    return start, end


def year_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def period_containing(kind: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The month, quarter or year holding `day`."""
    if kind == "month":
        return month_period(day.year, day.month)
    if kind == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if kind == "year":
        return year_period(day.year)
    raise ValueError(kind)


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """ "2026" (a year), "2026-Q4" (a quarter), "2026-11" (a month), or "2026-01-01..2026-06-30"."""
    from desktop_app.text.arabic import fold_digits

    value = fold_digits(text.strip()).upper()
    try:
        if ".." in value:
            first, last = (dt.date.fromisoformat(part.strip()) for part in value.split("..", 1))
            if last < first:
                raise ValidationError("period", _("The period cannot end before it starts."))
            return first, last
        if "-Q" in value:
            year, quarter = value.split("-Q")
            if not 1 <= int(quarter) <= 4:
                raise ValueError(value)
            return quarter_period(int(year), int(quarter))
        if "-" in value:
            year, month = value.split("-")
            return month_period(int(year), int(month))
        return year_period(int(value))
    except (ValueError, TypeError):
        raise ValidationError(
            "period",
            _("{text} is not a period: write 2026, 2026-Q4, 2026-11 or 2026-01-01..2026-06-30.").format(
                text=text
            ),
        ) from None


# ---------------------------------------------------------------- what is answered


@dataclass(frozen=True)
class PeopleFigures:
    reached: int
    completed: int
    first_time: int
    returning: int
    repeat: int  # reached in two trainings or more
    by_gender: dict[str, int]
    by_age_band: dict[str, int]
    by_governorate: dict[str, int]
    by_organization_kind: dict[str, int]
    by_role: dict[str, int]
    # The same dimensions counted over the people who completed.
    completed_by: dict[str, dict[str, int]]
    # Reached people by age band and gender: the population pyramid.
    age_gender: dict[str, dict[str, int]]


@dataclass(frozen=True)
class OrganizationReached:
    id: int
    name: str
    name_en: str | None
    kind: str
    governorate: str
    people: int


@dataclass(frozen=True)
class OrganizationFigures:
    reached: int
    new: int
    returning: int
    by_kind: dict[str, int]
    by_governorate: dict[str, int]
    people: tuple[OrganizationReached, ...]  # most people first


@dataclass(frozen=True)
class SessionFigure:
    session_id: int
    training_id: int
    date: dt.date
    hours: float | None  # None: the session has no start and end time
    enrolled: int
    present: int
    late: int

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def rate(self) -> float | None:
        return _share(self.attended, self.enrolled)


@dataclass(frozen=True)
class TrainingFigure:
    training_id: int
    title: str
    title_en: str | None
    sessions: int  # held in the period
    enrolled: int  # participants who have not withdrawn
    attended: int  # their present or late marks in the period
    late: int
    walk_ins: int
    person_hours: float
    completes_in_period: bool  # its last session is in the period
    completed: int  # participants who completed (when it completes in the period)

    @property
    def attendance_rate(self) -> float | None:
        return _share(self.attended, self.enrolled * self.sessions)

    @property
    def completion_rate(self) -> float | None:
        return _share(self.completed, self.enrolled) if self.completes_in_period else None


@dataclass(frozen=True)
class MonthFigure:
    month: str  # "2026-11"
    sessions: int
    attended: int  # participants' present or late marks
    new_people: int  # people whose first attended session of the period is in this month
    expected: int = 0  # enrolled participants × sessions held, this month

    @property
    def attendance_rate(self) -> float | None:
        return _share(self.attended, self.expected)


@dataclass(frozen=True)
class TargetFigure:
    id: int
    indicator: str
    period_start: dt.date
    period_end: dt.date
    baseline: float | None
    target: float
    actual: float | None

    @property
    def reached_share(self) -> float | None:
        """Actual ÷ target (the "% reached" column of a logframe)."""
        if self.actual is None or not self.target:
            return None
        return self.actual / self.target

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "indicator": self.indicator,
            "rate": INDICATORS[self.indicator][0] if self.indicator in INDICATORS else False,
            "period": {"from": self.period_start.isoformat(), "to": self.period_end.isoformat()},
            "baseline": self.baseline, "target": self.target, "actual": self.actual,
            "reached": _round(self.reached_share),
        }  # fmt: skip


@dataclass(frozen=True)
class Statistics:
    date_from: dt.date | None
    date_to: dt.date | None
    filter: StatsFilter
    rules: str
    age_bands: tuple[str, ...]
    people: PeopleFigures
    organizations: OrganizationFigures
    trainings: int
    sessions: int
    sessions_without_times: int
    person_hours: float
    attended: int  # participants' present or late marks
    expected: int  # enrolled participants × sessions held, summed over trainings
    late: int
    walk_ins: int
    enrolled_completing: int  # enrolled participants of the trainings that complete in the period
    completed_enrollments: int
    per_training: tuple[TrainingFigure, ...]
    per_session: tuple[SessionFigure, ...]
    by_month: tuple[MonthFigure, ...]
    bounds: tuple[int, ...] = ()  # ages where the bands start
    project: dict[str, Any] | None = None  # id, name, name_en, donor, code
    targets: tuple[TargetFigure, ...] = ()
    # The filter's trainings and co-organizers by name, for the reports' headers.
    filter_names: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def attendance_rate(self) -> float | None:
        return _share(self.attended, self.expected)

    @property
    def completion_rate(self) -> float | None:
        return _share(self.completed_enrollments, self.enrolled_completing)

    @property
    def late_share(self) -> float | None:
        return _share(self.late, self.attended)

    def rules_in(self, language: str) -> str:
        return counting_rules(AgeBands(self.bounds) if self.bounds else None, language)

    def indicator(self, key: str) -> float | None:
        return INDICATORS[key][1](self)

    def as_json(self) -> dict[str, Any]:
        p, o = self.people, self.organizations
        return {
            "period": {"from": _iso(self.date_from), "to": _iso(self.date_to)},
            "filter": {**self.filter.as_json(), **self.filter_names},
            "rules": self.rules,
            "age_bands": list(self.age_bands),
            "people": {
                "reached": p.reached, "completed": p.completed, "first_time": p.first_time,
                "returning": p.returning, "repeat": p.repeat, "by_gender": p.by_gender,
                "by_age_band": p.by_age_band, "by_governorate": p.by_governorate,
                "by_organization_kind": p.by_organization_kind, "by_role": p.by_role,
                "completed_by": p.completed_by, "by_age_band_and_gender": p.age_gender,
            },
            "organizations": {
                "reached": o.reached, "new": o.new, "returning": o.returning, "by_kind": o.by_kind,
                "by_governorate": o.by_governorate,
                "people_per_organization": [
                    {"id": r.id, "name": r.name, "kind": r.kind, "governorate": r.governorate, "people": r.people}
                    for r in o.people
                ],
            },
            "trainings": self.trainings,
            "sessions": self.sessions,
            "sessions_without_times": self.sessions_without_times,
            "person_hours": round(self.person_hours, 2),
            "attendance_rate": _round(self.attendance_rate),
            "completion_rate": _round(self.completion_rate),
            "late_share": _round(self.late_share),
            "walk_ins": self.walk_ins,
            "per_training": [
                {"id": t.training_id, "title": t.title, "sessions": t.sessions, "enrolled": t.enrolled,
                 "attended": t.attended, "late": t.late, "walk_ins": t.walk_ins,
                 "person_hours": round(t.person_hours, 2), "attendance_rate": _round(t.attendance_rate),
                 "completes_in_period": t.completes_in_period, "completed": t.completed,
                 "completion_rate": _round(t.completion_rate)}
                for t in self.per_training
            ],
            "per_session": [
                {"id": s.session_id, "training": s.training_id, "date": s.date.isoformat(), "hours": s.hours,
                 "enrolled": s.enrolled, "present": s.present, "late": s.late, "attendance_rate": _round(s.rate)}
                for s in self.per_session
            ],
            "by_month": [
                {"month": m.month, "sessions": m.sessions, "attended": m.attended, "expected": m.expected,
                 "attendance_rate": _round(m.attendance_rate), "new_people": m.new_people}
                for m in self.by_month
            ],
            "project": self.project,
            "targets": [t.as_json() for t in self.targets],
        }  # fmt: skip


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# Indicators a project can set targets for: key -> (is a rate, value).
INDICATORS: dict[str, tuple[bool, Callable[[Statistics], float | None]]] = {
    "people_reached": (False, lambda s: s.people.reached),
    "people_completed": (False, lambda s: s.people.completed),
    "women_reached": (False, lambda s: s.people.by_gender["female"]),
    "women_completed": (False, lambda s: s.people.completed_by["gender"]["female"]),
    "first_time_people": (False, lambda s: s.people.first_time),
    "organizations_reached": (False, lambda s: s.organizations.reached),
    "organizations_new": (False, lambda s: s.organizations.new),
    "trainings": (False, lambda s: s.trainings),
    "sessions": (False, lambda s: s.sessions),
    "person_hours": (False, lambda s: round(s.person_hours, 2)),
    "attendance_rate": (True, lambda s: s.attendance_rate),
    "completion_rate": (True, lambda s: s.completion_rate),
}


def counting_rules(bands: AgeBands | None = None, language: str | None = None) -> str:
    """The rules every report states, in `language` (default: the current one)."""
    _ = _gettext_for(language)  # the messages below are still found by the catalogue's extractor
    bands = bands or AgeBands()
    edges = ("، " if (language or i18n.language()) == "ar" else ", ").join(str(b) for b in bands.bounds)
    return " ".join(
        [
            _("Each person is counted once in the period, however many sessions and trainings they attended; merged duplicates are one person and archived people still count."),
            _("Reached = present or late at one held session of the period or more (any role); a held session is one not cancelled whose day has come."),
            _("Completed = a participant, not withdrawn, who attended at least the training's share of its sessions; a training counts in the period that holds its last session."),
            _("Age is counted at the first attended session of the period, from the birth date or the national ID (bands start at {edges}); anything not known is counted as unknown, never dropped.").format(edges=edges),
            _("Returning = took part before the period began."),
            _("Rates and person-hours are about participants who have not withdrawn: attendance rate = present or late marks ÷ (enrolled participants × sessions held); sessions without start and end times count no hours."),
        ]
    )  # fmt: skip


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    try:
        with resource_path("translations", f"messages_{language}.mo").open("rb") as fh:
            return gettext.GNUTranslations(fh)
    except OSError:
        return gettext.NullTranslations()


def _gettext_for(language: str | None) -> Callable[[str], str]:
    """Messages in a language other than the current one (a report in English from an Arabic window)."""
    if language is None or language == i18n.language():
        return _
    return _catalogue(language).gettext


# ---------------------------------------------------------------- facts gathered from the database


@dataclass(slots=True)
class _PersonFact:
    """Everything a figure needs to know about one person in the period."""

    id: int
    role: str
    reached: bool = False
    completed: bool = False
    gender: str = UNKNOWN
    age_band: str = UNKNOWN
    governorate: str = UNKNOWN
    organization_id: int | None = None
    organization_kind: str = NONE
    returning: bool = False
    trainings: int = 0  # trainings they attended in the period (one enrolment per training)
    # (day, enrolment id) of their first attended session in the period ("9999…" for someone who
    # only completed): it names their organization and the day their age is counted at.
    first: tuple[str, int] = ("9999-12-31", 0)
    first_day: str | None = None

    def dimension(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass
class _Facts:
    bands: AgeBands
    date_from: dt.date | None
    date_to: dt.date | None
    trainings: dict[int, tuple[str, str | None, float]]  # id -> (title, English title, min share)
    sessions: dict[int, tuple[int, dt.date, float | None]]  # held in the period: id -> (training, day, hours)
    completing: set[int]  # trainings whose last session is in the period
    people: dict[int, _PersonFact]
    session_marks: dict[int, list[int]]  # session id -> [present, late] of participants
    enrolled: Counter[int]  # training -> participants who have not withdrawn
    walk_ins: Counter[int]  # training -> walk-ins who attended in the period
    completed_in: Counter[int]  # training -> participants who completed
    organization_people: dict[int, int]  # organization -> how many people attended with it in the period
    organizations: dict[int, tuple[str, str | None, str, str]]  # id -> (name, English, kind, governorate)
    returning_organizations: set[int]
    tally: _PeopleTally  # the people figures' counts (from `people`, or counted in the database)


@dataclass
class _PeopleTally:
    """What the people figures are made of: per dimension, how many reached and completed people
    have each value, and the few totals beside them."""

    reached: int = 0
    completed: int = 0
    returning: int = 0  # of the reached
    repeat: int = 0  # reached people in two trainings or more
    reached_by: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    completed_by: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    pyramid: Counter[tuple[str, str]] = field(default_factory=Counter)  # (age band, gender) of the reached
    new_by_month: Counter[str] = field(default_factory=Counter)  # month of a reached person's first day


_DIMENSIONS = ("gender", "age_band", "governorate", "organization_kind", "role")


def _tally_facts(people: Collection[_PersonFact]) -> _PeopleTally:
    """The tally of the people counted one by one. People fall into a few thousand groups of the
    same values, counted in one C loop (a Counter over attrgetter); the figures are added up from the
    groups, not from 100,000 people ten times over."""
    groups = Counter(map(attrgetter("reached", "completed", "returning", "trainings", *_DIMENSIONS), people))
    tally = _PeopleTally()
    reached_by, completed_by, pyramid = tally.reached_by, tally.completed_by, tally.pyramid
    for (reached, completed, returning, trainings, *values), n in groups.items():
        if reached:
            tally.reached += n
            tally.returning += n if returning else 0
            tally.repeat += n if trainings >= 2 else 0
            for name, value in zip(_DIMENSIONS, values, strict=True):
                reached_by[name][value] += n
            pyramid[(values[1], values[0])] += n  # (age band, gender)
        if completed:
            tally.completed += n
            for name, value in zip(_DIMENSIONS, values, strict=True):
                completed_by[name][value] += n
    first_days = Counter(compress(map(attrgetter("first_day"), people), map(attrgetter("reached"), people)))
    for day, n in first_days.items():
        if day:
            tally.new_by_month[day[:7]] += n
    return tally


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    items = sorted(set(ids))
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _iso_day(value: Any) -> str:
    """A date read as text: SQLite gives 'YYYY-MM-DD' already, PostgreSQL a date."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _text(column: Any) -> Any:
    """A column read back as plain text: no enum or date conversion per row (100,000s of rows)."""
    return type_coerce(column, String)


def _hours(start: dt.time | None, end: dt.time | None) -> float | None:
    if start is None or end is None:
        return None
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return minutes / 60 if minutes > 0 else None


def _scope_trainings(tx: Session, flt: StatsFilter) -> set[int] | None:
    """Trainings the filter allows (None: every training)."""
    allowed: set[int] | None = None
    if flt.training_ids:
        allowed = set(flt.training_ids)
        found = set(tx.scalars(select(Training.id).where(Training.id.in_(sorted(allowed)))))
        for missing in sorted(allowed - found)[:1]:
            raise NotFoundError(_("No training with number {id}.").format(id=missing))
    for org_id in flt.co_organizer_ids:
        if tx.get(Organization, org_id) is None:
            raise NotFoundError(_("No organization with number {id}.").format(id=org_id))
    if flt.co_organizer_ids:
        orgs = list(flt.co_organizer_ids)
        found = set(tx.scalars(select(Training.id).where(Training.organizer_id.in_(orgs))))
        found |= set(
            tx.scalars(
                select(TrainingCoOrganizer.training_id).where(TrainingCoOrganizer.organization_id.in_(orgs))
            )
        )
        allowed = found if allowed is None else allowed & found
    if flt.project_id is not None:
        if tx.get(Project, flt.project_id) is None:
            raise NotFoundError(_("No project with number {id}.").format(id=flt.project_id))
        found = set(
            tx.scalars(
                select(ProjectTraining.training_id).where(ProjectTraining.project_id == flt.project_id)
            )
        )
        allowed = found if allowed is None else allowed & found
    return allowed


def _people_condition(flt: StatsFilter) -> ColumnElement[bool] | None:
    """The governorate and organization-kind filters in SQL, over Person and the enrolment's
    Organization (the query must join both)."""
    parts = []
    if flt.governorates:
        codes = [g for g in flt.governorates if g != UNKNOWN]
        options = [Person.governorate.in_(codes)] if codes else []
        if UNKNOWN in flt.governorates:
            options.append(Person.governorate.is_(None))
        parts.append(or_(*options))
    if flt.organization_kinds:
        kinds = [k for k in flt.organization_kinds if k != NONE]
        options = [Organization.kind.in_(kinds)] if kinds else []
        if NONE in flt.organization_kinds:
            options.append(Enrollment.organization_id.is_(None))
        parts.append(or_(*options))
    return and_(*parts) if parts else None


def _narrowed(query: Any, condition: ColumnElement[bool] | None) -> Any:
    if condition is None:
        return query
    return (
        query.join(Person, Person.id == Enrollment.person_id)
        .outerjoin(Organization, Organization.id == Enrollment.organization_id)
        .where(condition)
    )


@dataclass
class _Sessions:
    """The sessions table read once (a few thousand rows even in a large registry)."""

    held_in_period: dict[int, tuple[int, dt.date, float | None]]
    completing: set[int]
    active: set[int]  # trainings with a session held in the period, or completing in it
    count: Counter[int]  # sessions not cancelled, per training
    # Trainings whose marks can be counted without looking at session dates: every session of
    # theirs is held and in the period, and their session ids grow with the date (so the smallest
    # attended id is the first attended day).
    simple: set[int]
    first_day_of: dict[int, str]  # session id -> ISO day, for the simple trainings
    reach_back: set[int]  # completing trainings that began before the period


def _read_sessions(
    tx: Session, allowed: set[int] | None, date_from: dt.date | None, last_day: dt.date
) -> _Sessions:
    by_training: dict[int, list[tuple[dt.date, Any, int, bool, float | None]]] = defaultdict(list)
    for sid, training_id, day, start, end, cancelled in tx.execute(
        select(TrainingSession.id, TrainingSession.training_id, TrainingSession.date,
               TrainingSession.start_time, TrainingSession.end_time, TrainingSession.cancelled)
    ):  # fmt: skip
        if allowed is None or training_id in allowed:
            by_training[training_id].append((day, start, sid, bool(cancelled), _hours(start, end)))
    held: dict[int, tuple[int, dt.date, float | None]] = {}
    completing: set[int] = set()
    count: Counter[int] = Counter()
    simple: set[int] = set()
    first_day_of: dict[int, str] = {}
    reach_back: set[int] = set()
    for training_id, rows in by_training.items():
        kept = [r for r in rows if not r[3]]
        count[training_id] = len(kept)
        inside = [r for r in kept if r[0] <= last_day and (date_from is None or r[0] >= date_from)]
        for day, _start, sid, _cancelled, hours in inside:
            held[sid] = (training_id, day, hours)
        if kept:
            last = max(r[0] for r in kept)
            if last <= last_day and (date_from is None or last >= date_from):
                completing.add(training_id)
                if date_from is not None and min(r[0] for r in kept) < date_from:
                    reach_back.add(training_id)
        ordered = sorted(rows, key=lambda r: (r[0], r[1] or dt.time.min, r[2]))
        if len(inside) == len(rows) and [r[2] for r in ordered] == sorted(r[2] for r in rows):
            simple.add(training_id)
            first_day_of.update((r[2], r[0].isoformat()) for r in rows)
    active = {t for t, _d, _h in held.values()} | completing
    return _Sessions(held, completing, active, count, simple & active, first_day_of, reach_back)


def _collect(tx: Session, flt: StatsFilter, today: dt.date) -> _Facts:
    flt.check()
    conn = tx.connection()  # Core rows: no ORM bookkeeping for 100,000s of them
    bands = AgeBands(flt.age_bounds or age_band_bounds(tx))
    date_from, date_to = flt.date_from, flt.date_to
    allowed = _scope_trainings(tx, flt)
    last_day = min(date_to, today) if date_to else today
    ss = _read_sessions(tx, allowed, date_from, last_day)
    total_trainings = tx.scalar(select(func.count()).select_from(Training)) or 0
    # Most trainings in scope: one pass over whole (index-only) tables beats many IN lists.
    broad = len(ss.active) * 3 >= total_trainings * 2 and total_trainings > 0

    trainings = {
        tid: (title, title_en, share)
        for tid, title, title_en, share in _rows_for(
            conn, select(Training.id, Training.title_ar, Training.title_en, Training.certificate_min_share),
            Training.id, ss.active, broad,
        )
        if tid in ss.active
    }  # fmt: skip

    people_condition = _people_condition(flt)
    enrollment_query = _narrowed(
        select(Enrollment.id, Enrollment.person_id, Enrollment.training_id, _text(Enrollment.role),
               _text(Enrollment.status), Enrollment.organization_id, Enrollment.walk_in),
        people_condition,
    )  # fmt: skip
    enrollments = [
        row for row in _rows_for(conn, enrollment_query, Enrollment.training_id, ss.active, broad)
        if row[2] in ss.active
    ]  # fmt: skip

    marks = _marks_per_enrollment(conn, ss, date_from, last_day, broad)
    session_marks = _marks_per_session(conn, ss, people_condition, broad)

    # One pass over the enrolments: people, organizations, trainings. (The hot loop of a large
    # registry: thresholds are worked out once per training, names are bound locally.)
    people: dict[int, _PersonFact] = {}
    enrolled: Counter[int] = Counter()
    walk_ins: Counter[int] = Counter()
    completed_in: Counter[int] = Counter()
    organization_people: dict[int, set[int]] = defaultdict(set)
    completing = ss.completing
    # Marks needed to complete each training that completes in the period (its share of its sessions).
    needed = {t: (trainings[t][2] - 1e-9) * ss.count[t] for t in completing if ss.count[t] > 0}
    rank = _ROLE_RANK
    marks_get, people_get, needed_get = marks.get, people.get, needed.get
    never = float("inf")
    for eid, pid, tid, role, status, org_id, walk_in in enrollments:
        participant = role == "participant" and status != "withdrawn"
        if participant:
            enrolled[tid] += 1
        counted = marks_get(eid)
        if counted is None:
            continue
        n_period, _late, first_period, n_all, first_all = counted
        completed = participant and n_all >= needed_get(tid, never)
        if not (n_period or completed):
            continue
        person = people_get(pid)
        if person is None:
            person = people[pid] = _PersonFact(pid, role)
        elif rank[role] < rank[person.role]:
            person.role = role  # the first of participant, guest, trainer, organizer they had
        if completed:
            person.completed = True
            completed_in[tid] += 1
        if n_period:
            person.reached = True
            person.trainings += 1
            if walk_in:
                walk_ins[tid] += 1
            if org_id is not None:
                organization_people[org_id].add(pid)
            key = (first_period, eid)
        else:
            key = ("9999-12-31", eid)
        if key < person.first:
            person.first = key
            person.organization_id = org_id
            person.first_day = first_period if n_period else first_all

    organizations = {
        oid: (name, name_en, kind, governorate or UNKNOWN)
        for oid, name, name_en, kind, governorate in _fetch(
            conn,
            select(Organization.id, Organization.name_ar, Organization.name_en, _text(Organization.kind),
                   Organization.governorate),
        )
    }  # fmt: skip
    _describe_people(conn, people, organizations, bands, broad)
    returning_organizations: set[int] = set()
    if date_from is not None:
        for pid in _took_part_before(
            conn, Enrollment.person_id, {p.id for p in people.values() if p.reached}, date_from
        ):
            people[pid].returning = True
        returning_organizations = _took_part_before(
            conn, Enrollment.organization_id, set(organization_people), date_from
        )
    return _Facts(
        bands, date_from, date_to, trainings, ss.held_in_period, completing, people, session_marks, enrolled,
        walk_ins, completed_in, {oid: len(members) for oid, members in organization_people.items()},
        organizations, returning_organizations, _tally_facts(people.values()),
    )  # fmt: skip


def _fetch(conn: Any, query: Any) -> list[Any]:
    """Rows as plain tuples straight from the database driver. For reads of 100,000 rows,
    SQLAlchemy's per-row result processing costs more than the query itself. The values written into
    the SQL here are numbers, dates and fixed words, never text a user typed."""
    sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _rows_for(conn: Any, query: Any, column: Any, ids: set[int], broad: bool) -> Iterator[Any]:
    """Rows of `query` for the given trainings: one plain query when most trainings are wanted
    anyway (the caller drops the rest), IN lists of a few hundred otherwise."""
    if broad:
        yield from _fetch(conn, query)
        return
    for chunk in _chunks(ids):
        yield from _fetch(conn, query.where(column.in_(chunk)))


_ATTENDED_TEXT = [s.value for s in _ATTENDED]


def _marks_per_enrollment(
    conn: Any, ss: _Sessions, date_from: dt.date | None, last_day: dt.date, broad: bool
) -> dict[int, tuple[int, int, str, int, str]]:
    """enrolment -> (present or late in the period, of which late, first such day, present or late at
    any held session of its training (completion), first such day), counted in the database."""
    result: dict[int, tuple[int, int, str, int, str]] = {}
    status = _text(Attendance.status)
    attended = status.in_(_ATTENDED_TEXT)
    is_late = status == AttendanceStatus.LATE.value
    exact = ss.active - ss.simple if broad else ss.active
    if broad and ss.simple:
        # Every session of these trainings is held and in the period, and ids follow dates: the
        # covering index (enrollment_id, status, session_id) answers without reading sessions.
        first_day_of = ss.first_day_of
        for eid, n, late, first in _fetch(
            conn,
            select(Attendance.enrollment_id, func.count(), func.sum(case((is_late, 1), else_=0)),
                   func.min(Attendance.session_id))
            .where(attended)
            .group_by(Attendance.enrollment_id),
        ):  # fmt: skip
            day = first_day_of.get(first)
            if day is not None:  # a simple training's enrolment
                result[eid] = (n, late, day, n, day)
    if not exact:
        return result
    day = _text(TrainingSession.date)
    in_period = TrainingSession.date >= date_from if date_from is not None else None
    window = [TrainingSession.cancelled.is_(False), TrainingSession.date <= last_day]
    if date_from is not None:
        back = sorted(ss.reach_back & exact)
        window.append(or_(TrainingSession.date >= date_from, TrainingSession.training_id.in_(back)) if back
                      else TrainingSession.date >= date_from)  # fmt: skip
    if in_period is None:
        columns = [func.count(), func.sum(case((is_late, 1), else_=0)), func.min(day)]
    else:
        columns = [
            func.sum(case((in_period, 1), else_=0)),
            func.sum(case((and_(in_period, is_late), 1), else_=0)),
            func.min(case((in_period, day), else_=None)),
        ]
    query = (
        select(Attendance.enrollment_id, *columns, func.count(), func.min(day))
        .join(TrainingSession, TrainingSession.id == Attendance.session_id)
        .where(attended, *window)
        .group_by(Attendance.enrollment_id)
    )
    simple = ss.simple if broad else set()
    for eid, n, late, first, n_all, first_all in _rows_for(
        conn, query, TrainingSession.training_id, exact, broad and len(exact) * 2 > len(ss.active)
    ):
        if eid in result and simple:
            continue
        result[eid] = (
            int(n or 0),
            int(late or 0),
            _iso_day(first) if first else "",
            int(n_all),
            _iso_day(first_all),
        )
    return result


def _marks_per_session(
    conn: Any, ss: _Sessions, people_condition: ColumnElement[bool] | None, broad: bool
) -> dict[int, list[int]]:
    """session -> [present, late] of participants who have not withdrawn, for sessions held in the period."""
    held = ss.held_in_period
    result: dict[int, list[int]] = {}
    status = _text(Attendance.status)
    attended = status.in_(_ATTENDED_TEXT)

    def add(rows: Iterable[Any], sign: int) -> None:
        for sid, mark, n in rows:
            if sid in held:
                counts = result.setdefault(sid, [0, 0])
                counts[mark == AttendanceStatus.LATE.value] += sign * n

    grouped = select(Attendance.session_id, status, func.count()).where(attended)
    if people_condition is None:
        # Everyone's marks from the index (session_id, status, …), minus those of the few people who
        # are not participants or have withdrawn: no join over every mark.
        add(_session_rows(conn, grouped.group_by(Attendance.session_id, status), held, broad), 1)
        not_participant = or_(
            Enrollment.role != EnrollmentRole.PARTICIPANT, Enrollment.status == EnrollmentStatus.WITHDRAWN
        )
        if broad:
            # Over every mark: the few enrolments first, then their marks by the index (enrollment_id,
            # status, …); a join would look an enrolment up for each of 300,000 marks.
            others = grouped.where(Attendance.enrollment_id.in_(select(Enrollment.id).where(not_participant)))
        else:
            # A few sessions (IN lists of session ids): their marks first, then each one's enrolment.
            others = grouped.join(Enrollment, Enrollment.id == Attendance.enrollment_id).where(not_participant)
        add(_session_rows(conn, others.group_by(Attendance.session_id, status), held, broad), -1)
        return result
    participants = _narrowed(
        grouped.join(Enrollment, Enrollment.id == Attendance.enrollment_id).where(
            Enrollment.role == EnrollmentRole.PARTICIPANT, Enrollment.status != EnrollmentStatus.WITHDRAWN
        ),
        people_condition,
    )
    add(_session_rows(conn, participants.group_by(Attendance.session_id, status), held, broad), 1)
    return result


def _session_rows(conn: Any, query: Any, held: dict[int, Any], broad: bool) -> Iterator[Any]:
    if broad:
        yield from _fetch(conn, query)
        return
    for chunk in _chunks(held):
        yield from _fetch(conn, query.where(Attendance.session_id.in_(chunk)))


def _took_part_before(conn: Any, column: Any, ids: set[int], day: dt.date) -> set[int]:
    """Which of `ids` (people or organizations, by `column` of Enrollment) were present or late at a
    held session before `day`, in any training."""
    found: set[int] = set()
    for chunk in _chunks(ids):
        found |= {
            row[0]
            for row in _fetch(
                conn,
                select(column)
                .distinct()
                .join(Attendance, Attendance.enrollment_id == Enrollment.id)
                .join(TrainingSession, TrainingSession.id == Attendance.session_id)
                .where(
                    column.in_(chunk),
                    _text(Attendance.status).in_(_ATTENDED_TEXT),
                    TrainingSession.cancelled.is_(False),
                    TrainingSession.date < day,
                ),
            )
        }
    return found


def _describe_people(
    conn: Any, people: dict[int, _PersonFact], organizations: dict[int, tuple[str, str | None, str, str]],
    bands: AgeBands, broad: bool,
) -> None:  # fmt: skip
    """Gender, age band, governorate and organization kind of each person counted."""
    query = select(
        Person.id, _text(Person.gender), _text(Person.birth_date), Person.national_id, Person.governorate
    )
    if broad and len(people) > 5 * _CHUNK:
        rows: Iterable[Any] = _fetch(conn, query)
    else:
        rows = (row for chunk in _chunks(people) for row in _fetch(conn, query.where(Person.id.in_(chunk))))
    band = bands.band
    for pid, gender, birth, national_id, governorate in rows:
        person = people.get(pid)
        if person is None:
            continue
        if gender:
            person.gender = gender
        if governorate:
            person.governorate = governorate
        day = person.first_day
        if day:
            if birth:
                born = str(birth)[:10]
                # Whole years, from ISO text: the year difference, less one before the birthday.
                person.age_band = band(int(day[:4]) - int(born[:4]) - (day[5:] < born[5:]))
            elif national_id:
                person.age_band = band(age_on(birth_date_of(None, national_id), dt.date.fromisoformat(day)))
        if person.organization_id is not None and person.organization_id in organizations:
            person.organization_kind = organizations[person.organization_id][2]


# ---------------------------------------------------------------- figures from facts


def _keyed(counts: Counter[str], keys: Sequence[str]) -> dict[str, int]:
    """Counts in the order of `keys`, every key present (zero included)."""
    result = {key: counts.get(key, 0) for key in keys}
    for key, n in counts.items():
        result.setdefault(key, n)
    return result


def _figures(facts: _Facts) -> Statistics:
    bands = facts.bands
    tally = facts.tally
    known = set(tally.reached_by["governorate"]) | set(tally.completed_by["governorate"])
    governorates = sorted(known - {UNKNOWN}) + [UNKNOWN]
    dimensions = {
        "gender": GENDERS, "age_band": bands.keys, "governorate": governorates,
        "organization_kind": ORGANIZATION_KINDS, "role": ROLES,
    }  # fmt: skip
    reached_counts, completed_counts, pyramid = tally.reached_by, tally.completed_by, tally.pyramid
    age_gender = {band: {g: pyramid[(band, g)] for g in GENDERS} for band in bands.keys}
    people = PeopleFigures(
        reached=tally.reached,
        completed=tally.completed,
        first_time=tally.reached - tally.returning,
        returning=tally.returning,
        repeat=tally.repeat,
        by_gender=_keyed(reached_counts["gender"], GENDERS),
        by_age_band=_keyed(reached_counts["age_band"], bands.keys),
        by_governorate=_keyed(reached_counts["governorate"], governorates),
        by_organization_kind=_keyed(reached_counts["organization_kind"], ORGANIZATION_KINDS),
        by_role=_keyed(reached_counts["role"], ROLES),
        completed_by={name: _keyed(completed_counts[name], keys) for name, keys in dimensions.items()},
        age_gender=age_gender,
    )

    rows = []
    for oid, members in facts.organization_people.items():
        name, name_en, kind, governorate = facts.organizations[oid]
        rows.append(OrganizationReached(oid, name, name_en, kind, governorate, members))
    rows.sort(key=lambda r: (-r.people, r.name, r.id))
    org_governorates = sorted({r.governorate for r in rows} - {UNKNOWN}) + [UNKNOWN]
    returning_orgs = facts.returning_organizations
    organizations = OrganizationFigures(
        reached=len(rows),
        new=sum(1 for r in rows if r.id not in returning_orgs),
        returning=sum(1 for r in rows if r.id in returning_orgs),
        by_kind=_count_keys((r.kind for r in rows), [k.value for k in OrganizationKind]),
        by_governorate=_count_keys((r.governorate for r in rows), org_governorates),
        people=tuple(rows),
    )

    per_session = []
    held: Counter[int] = Counter()
    attended: Counter[int] = Counter()
    late: Counter[int] = Counter()
    hours: dict[int, float] = defaultdict(float)
    for sid, (training_id, day, length) in sorted(
        facts.sessions.items(), key=lambda item: (item[1][1], item[0])
    ):
        present, late_here = facts.session_marks.get(sid, (0, 0))
        held[training_id] += 1
        attended[training_id] += present + late_here
        late[training_id] += late_here
        hours[training_id] += (present + late_here) * (length or 0)
        per_session.append(
            SessionFigure(sid, training_id, day, length, facts.enrolled[training_id], present, late_here)
        )
    per_training = []
    for tid in sorted(set(held) | facts.completing, key=lambda t: (facts.trainings[t][0], t)):
        title, title_en, _min_share = facts.trainings[tid]
        completes = tid in facts.completing
        per_training.append(TrainingFigure(
            tid, title, title_en, held[tid], facts.enrolled[tid], attended[tid], late[tid], facts.walk_ins[tid],
            hours[tid], completes, facts.completed_in[tid] if completes else 0,
        ))  # fmt: skip
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for figure in per_session:
        month = months[figure.date.isoformat()[:7]]
        month[0] += 1
        month[1] += figure.attended
        month[3] += figure.enrolled
    for key, n in tally.new_by_month.items():
        months[key][2] += n
    return Statistics(
        date_from=facts.date_from,
        date_to=facts.date_to,
        filter=StatsFilter(),
        rules=counting_rules(bands),
        age_bands=bands.keys,
        bounds=bands.bounds,
        people=people,
        organizations=organizations,
        trainings=sum(1 for t in per_training if t.sessions),
        sessions=len(per_session),
        sessions_without_times=sum(1 for s in per_session if s.hours is None),
        person_hours=sum(t.person_hours for t in per_training),
        attended=sum(t.attended for t in per_training),
        expected=sum(t.enrolled * t.sessions for t in per_training),
        late=sum(t.late for t in per_training),
        walk_ins=sum(t.walk_ins for t in per_training),
        enrolled_completing=sum(facts.enrolled[t] for t in facts.completing),
        completed_enrollments=sum(facts.completed_in[t] for t in facts.completing),
        per_training=tuple(per_training),
        per_session=tuple(per_session),
        by_month=tuple(MonthFigure(m, *months[m]) for m in sorted(months)),
    )


def _count_keys(values: Iterable[str], keys: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(keys, 0)
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


# ---------------------------------------------------------------- the service calls


def statistics(db: Database, flt: StatsFilter | None = None, *, today: dt.date | None = None) -> Statistics:
    """Every figure for the filter, in one read transaction (with the project's targets when the
    filter names a project)."""
    with db.session_scope() as tx:
        return statistics_in(tx, flt or StatsFilter(), today or clock.today())


def statistics_in(tx: Session, flt: StatsFilter, today: dt.date) -> Statistics:
    """`statistics` inside the caller's transaction (a report reads its settings in the same one)."""
    result = replace(_figures(_collect(tx, flt, today)), filter=flt, filter_names=_filter_names(tx, flt))
    if flt.project_id is not None:
        project = tx.get(Project, flt.project_id)
        assert project is not None  # _collect refused a missing one
        about = {"id": project.id, "name": project.name, "name_en": project.name_en, "donor": project.donor,
                 "code": project.code}  # fmt: skip
        result = replace(result, project=about, targets=_targets(tx, flt, today))
    return result


def _filter_names(tx: Session, flt: StatsFilter) -> dict[str, list[dict[str, Any]]]:
    names: dict[str, list[dict[str, Any]]] = {}
    if flt.training_ids:
        names["training_names"] = [
            {"id": tid, "title": title, "title_en": title_en}
            for tid, title, title_en in tx.execute(
                select(Training.id, Training.title_ar, Training.title_en)
                .where(Training.id.in_(flt.training_ids))
                .order_by(Training.id)
            )
        ]
    if flt.co_organizer_ids:
        names["co_organizer_names"] = [
            {"id": oid, "name": name, "name_en": name_en}
            for oid, name, name_en in tx.execute(
                select(Organization.id, Organization.name_ar, Organization.name_en)
                .where(Organization.id.in_(flt.co_organizer_ids))
                .order_by(Organization.id)
            )
        ]
    return names


def _targets(tx: Session, flt: StatsFilter, today: dt.date) -> tuple[TargetFigure, ...]:
    from desktop_app.models import ProjectTarget

    rows = tx.scalars(
        select(ProjectTarget)
        .where(ProjectTarget.project_id == flt.project_id)
        .order_by(ProjectTarget.period_start, ProjectTarget.indicator, ProjectTarget.id)
    ).all()
    actual: dict[tuple[dt.date, dt.date], Statistics] = {}
    result = []
    for row in rows:
        key = (row.period_start, row.period_end)
        if key not in actual:
            # The target's own period, over the project's activities and the same people filters.
            period = replace(flt, date_from=row.period_start, date_to=row.period_end)
            actual[key] = _figures(_collect(tx, period, today))
        value = actual[key].indicator(row.indicator) if row.indicator in INDICATORS else None
        result.append(TargetFigure(row.id, row.indicator, row.period_start, row.period_end, row.baseline,
                                   row.target, value))  # fmt: skip
    return tuple(result)


@dataclass(frozen=True)
class Figure:
    """One figure a user can open: a population and the categories that narrow it.

    population: reached, completed, first_time, returning, repeat (people) or organizations,
    organizations_new, organizations_returning; where: {dimension: key} with dimensions gender,
    age_band, governorate, organization_kind, role (people) or kind, governorate (organizations).
    """

    population: str
    where: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, population: str, **where: str) -> Figure:
        return cls(population, tuple(sorted(where.items())))


PEOPLE_POPULATIONS = ("reached", "completed", "first_time", "returning", "repeat")
ORGANIZATION_POPULATIONS = ("organizations", "organizations_new", "organizations_returning")
PEOPLE_DIMENSIONS = ("gender", "age_band", "governorate", "organization_kind", "role")
ORGANIZATION_DIMENSIONS = ("kind", "governorate")


@dataclass(frozen=True)
class FigurePerson:
    id: int
    name: str
    latin_name: str | None
    organization: str | None
    gender: str
    age_band: str
    governorate: str
    role: str
    trainings: int
    completed: bool
    returning: bool
    archived: bool


@dataclass(frozen=True)
class FigureOrganization:
    id: int
    name: str
    name_en: str | None
    kind: str
    governorate: str
    people: int
    returning: bool


def figure_people(
    db: Database, flt: StatsFilter, figure: Figure, *, today: dt.date | None = None
) -> list[FigurePerson]:
    """The people behind a figure (the same facts the figure was counted from), by name."""
    from desktop_app.text.arabic import sort_key

    if figure.population not in PEOPLE_POPULATIONS:
        raise ValidationError("figure", _("This figure does not list people."))
    for dimension, _key in figure.where:
        if dimension not in PEOPLE_DIMENSIONS:
            raise ValidationError("figure", _("This figure does not list people."))
    with db.session_scope() as tx:
        facts = _collect(tx, flt, today or clock.today())
        chosen = [p for p in facts.people.values() if _in_population(p, figure)]
        names: dict[int, tuple[str, str | None, bool]] = {}
        for chunk in _chunks(p.id for p in chosen):
            for pid, name, latin, archived in tx.execute(
                select(Person.id, Person.full_name, Person.latin_name, Person.archived).where(
                    Person.id.in_(chunk)
                )
            ):
                names[pid] = (name, latin, archived)
    rows = [
        FigurePerson(
            p.id,
            names[p.id][0],
            names[p.id][1],
            facts.organizations[p.organization_id][0] if p.organization_id in facts.organizations else None,
            p.gender,
            p.age_band,
            p.governorate,
            p.role,
            p.trainings,
            p.completed,
            p.returning,
            names[p.id][2],
        )  # fmt: skip
        for p in chosen
    ]
    rows.sort(key=lambda r: (sort_key(r.name), r.id))
    return rows


def _in_population(person: _PersonFact, figure: Figure) -> bool:
    population = figure.population
    if population == "completed":
        if not person.completed:
            return False
    elif not person.reached:
        return False
    if population == "first_time" and person.returning:
        return False
    if population == "returning" and not person.returning:
        return False
    if population == "repeat" and person.trainings < 2:
        return False
    return all(person.dimension(dimension) == key for dimension, key in figure.where)


def figure_organizations(
    db: Database, flt: StatsFilter, figure: Figure, *, today: dt.date | None = None
) -> list[FigureOrganization]:
    """The organizations behind an organization figure, most people first."""
    if figure.population not in ORGANIZATION_POPULATIONS or any(
        d not in ORGANIZATION_DIMENSIONS for d, _k in figure.where
    ):
        raise ValidationError("figure", _("This figure does not list organizations."))
    with db.session_scope() as tx:
        facts = _collect(tx, flt, today or clock.today())
    stats = _figures(facts)
    result = []
    for row in stats.organizations.people:
        returning = row.id in facts.returning_organizations
        if figure.population == "organizations_new" and returning:
            continue
        if figure.population == "organizations_returning" and not returning:
            continue
        values = {"kind": row.kind, "governorate": row.governorate}
        if all(values[d] == k for d, k in figure.where):
            result.append(FigureOrganization(row.id, row.name, row.name_en, row.kind, row.governorate,
                                             row.people, returning))  # fmt: skip
    return result
