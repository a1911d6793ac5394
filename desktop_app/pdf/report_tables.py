"""The donor report's tables, built once from the statistics document (`Statistics.as_json()`) and
written by every face: the PDF prints them, the spreadsheet gives each its own sheet, the CSV lists
their cells. Values stay numbers here; each face formats them (digits, percent signs, number
formats)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from desktop_app.pdf.report_text import band_label, category_label, month_label, period_name, word
from desktop_app.text.age_bands import UNKNOWN

ColumnKind = Literal["text", "count", "rate", "hours", "date"]
Value = str | int | float | None


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: ColumnKind = "count"


@dataclass(frozen=True)
class ReportTable:
    key: str  # a short machine name (the CSV's "table", the sheet's name in English)
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    row_keys: tuple[str, ...]  # a machine key per row (a category's key, a training's id)
    # Per row, the kind of its numbers where rows differ (key figures: counts, hours and rates).
    row_kinds: tuple[ColumnKind, ...] = ()

    def kind(self, row: int, column: int) -> ColumnKind:
        declared = self.columns[column].kind
        if self.row_kinds and declared in ("count", "hours"):
            return self.row_kinds[row]
        return declared


PEOPLE_DIMENSIONS = ("gender", "age_band", "governorate", "organization_kind", "role")


def period_text(document: Mapping[str, Any], language: str) -> str:
    """The document's period as people name it ("2026", "الربع الرابع 2026", "all time", …)."""
    import datetime as dt

    period = document["period"]
    first = dt.date.fromisoformat(period["from"]) if period["from"] else None
    last = dt.date.fromisoformat(period["to"]) if period["to"] else None
    return period_name(first, last, language)


def key_figures(document: Mapping[str, Any]) -> list[tuple[str, float | None, ColumnKind]]:
    """The headline figures in the order reports show them: (word key, value, kind)."""
    people, orgs = document["people"], document["organizations"]
    return [
        ("people_reached", people["reached"], "count"),
        ("people_completed", people["completed"], "count"),
        ("first_time", people["first_time"], "count"),
        ("returning", people["returning"], "count"),
        ("repeat", people["repeat"], "count"),
        ("organizations_reached", orgs["reached"], "count"),
        ("organizations_new", orgs["new"], "count"),
        ("organizations_returning", orgs["returning"], "count"),
        ("trainings", document["trainings"], "count"),
        ("sessions", document["sessions"], "count"),
        ("person_hours", document["person_hours"], "hours"),
        ("sessions_without_times", document["sessions_without_times"], "count"),
        ("attendance_rate", document["attendance_rate"], "rate"),
        ("completion_rate", document["completion_rate"], "rate"),
        ("late_share", document["late_share"], "rate"),
        ("walk_ins", document["walk_ins"], "count"),
    ]


def tables_from(document: Mapping[str, Any], language: str) -> list[ReportTable]:
    """Every table of the report, in order: key figures, the people's disaggregations, the
    gender × age table, organizations, trainings, sessions, months, and targets when a project is
    chosen."""

    def w(key: str) -> str:
        return word(key, language)

    tables = [
        ReportTable(
            "summary",
            w("key_figures"),
            (Column("figure", w("indicator"), "text"), Column("value", w("value"), "count")),
            tuple((w(key), value) for key, value, _kind in key_figures(document)),
            tuple(key for key, _value, _kind in key_figures(document)),
            tuple(kind for _key, _value, kind in key_figures(document)),
        )  # fmt: skip
    ]
    people = document["people"]
    for dimension in PEOPLE_DIMENSIONS:
        reached = people[f"by_{dimension}"]
        completed = people["completed_by"][dimension]
        keys = list(dict.fromkeys([*reached, *completed]))
        tables.append(ReportTable(
            dimension, f"{w('people')} — {w(dimension)}",
            (Column("category", w(dimension), "text"), Column("reached", w("reached")), Column("completed", w("completed"))),
            tuple((category_label(dimension, k, language), reached.get(k, 0), completed.get(k, 0)) for k in keys),
            tuple(keys),
        ))  # fmt: skip
    pyramid = people["by_age_band_and_gender"]
    tables.append(ReportTable(
        "age_gender", f"{w('people')} — {w('age_band')} × {w('gender')}",
        (Column("age_band", w("age_band"), "text"), Column("male", w("male")), Column("female", w("female")),
         Column(UNKNOWN, w(UNKNOWN))),
        tuple((band_label(b, language), v["male"], v["female"], v[UNKNOWN]) for b, v in pyramid.items()),
        tuple(pyramid),
    ))  # fmt: skip
    orgs = document["organizations"]
    tables.append(ReportTable(
        "organization_kinds", f"{w('organizations')} — {w('kind')}",
        (Column("kind", w("kind"), "text"), Column("organizations", w("organizations"))),
        tuple((category_label("organization_kind", k, language), n) for k, n in orgs["by_kind"].items()),
        tuple(orgs["by_kind"]),
    ))  # fmt: skip
    tables.append(ReportTable(
        "organization_governorates", f"{w('organizations')} — {w('governorate')}",
        (Column("governorate", w("governorate"), "text"), Column("organizations", w("organizations"))),
        tuple((category_label("governorate", k, language), n) for k, n in orgs["by_governorate"].items()),
        tuple(orgs["by_governorate"]),
    ))  # fmt: skip
    tables.append(ReportTable(
        "organizations", f"{w('organizations')} — {w('people')}",
        (Column("name", w("name"), "text"), Column("kind", w("kind"), "text"),
         Column("governorate", w("governorate"), "text"), Column("people", w("people"))),
        tuple((_name(o, language), category_label("organization_kind", o["kind"], language),
               category_label("governorate", o["governorate"], language), o["people"])
              for o in orgs["people_per_organization"]),
        tuple(str(o["id"]) for o in orgs["people_per_organization"]),
    ))  # fmt: skip
    trainings = document["per_training"]
    tables.append(ReportTable(
        "trainings", w("per_training"),
        (Column("title", w("title"), "text"), Column("sessions", w("sessions")), Column("enrolled", w("enrolled")),
         Column("attended", w("attended")), Column("attendance_rate", w("attendance_rate"), "rate"),
         Column("completed", w("completed")), Column("completion_rate", w("completion_rate"), "rate"),
         Column("person_hours", w("hours"), "hours"), Column("walk_ins", w("walk_ins"))),
        tuple((_title(t, language), t["sessions"], t["enrolled"], t["attended"], t["attendance_rate"],
               t["completed"] if t["completes_in_period"] else None, t["completion_rate"], t["person_hours"],
               t["walk_ins"]) for t in trainings),
        tuple(str(t["id"]) for t in trainings),
    ))  # fmt: skip
    titles = {t["id"]: _title(t, language) for t in trainings}
    sessions = document["per_session"]
    tables.append(ReportTable(
        "sessions", w("per_session"),
        (Column("date", w("date"), "date"), Column("training", w("title"), "text"), Column("enrolled", w("enrolled")),
         Column("present", w("attended")), Column("late", w("late")),
         Column("attendance_rate", w("attendance_rate"), "rate"), Column("hours", w("hours"), "hours")),
        tuple((s["date"], titles.get(s["training"], ""), s["enrolled"], s["present"] + s["late"], s["late"],
               s["attendance_rate"], s["hours"]) for s in sessions),
        tuple(str(s["id"]) for s in sessions),
    ))  # fmt: skip
    months = document["by_month"]
    tables.append(ReportTable(
        "months", w("by_month"),
        (Column("month", w("month"), "text"), Column("sessions", w("sessions")), Column("attended", w("attended")),
         Column("attendance_rate", w("attendance_rate"), "rate"), Column("new_people", w("new_people"))),
        tuple((month_label(m["month"], language), m["sessions"], m["attended"], m["attendance_rate"], m["new_people"])
              for m in months),
        tuple(m["month"] for m in months),
    ))  # fmt: skip
    if document.get("project"):
        targets = document["targets"]
        tables.append(ReportTable(
            "targets", w("targets"),
            (Column("indicator", w("indicator"), "text"), Column("period", w("period"), "text"),
             Column("baseline", w("baseline")), Column("target", w("target")), Column("actual", w("actual")),
             Column("reached", w("reached_share"), "rate")),
            tuple((w(t["indicator"]), period_text({"period": t["period"]}, language),
                   t["baseline"], t["target"], t["actual"], t["reached"]) for t in targets),
            tuple(t["indicator"] for t in targets),
            tuple("rate" if t["rate"] else "count" for t in targets),
        ))  # fmt: skip
    return tables


def _title(training: Mapping[str, Any], language: str) -> str:
    return str(training.get("title_en") or training["title"]) if language == "en" else str(training["title"])


def _name(org: Mapping[str, Any], language: str) -> str:
    return str(org.get("name_en") or org["name"]) if language == "en" else str(org["name"])
