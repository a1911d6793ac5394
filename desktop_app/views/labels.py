"""Display names for the closed vocabularies (organization kinds, gender, roles, statuses) and
governorates, in the interface language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from desktop_app.text.dates import format_date
from desktop_app.text.governorates import GOVERNORATES, governorate_name
from desktop_app.text.isolate import isolate


def organization_kinds() -> list[tuple[str, str]]:
    return [
        ("association", QCoreApplication.translate("Labels", "Association / NGO")),
        ("union", QCoreApplication.translate("Labels", "Independent union")),
        ("youth", QCoreApplication.translate("Labels", "Youth group or initiative")),
        ("network", QCoreApplication.translate("Labels", "Network or coalition")),
        ("university", QCoreApplication.translate("Labels", "University")),
        ("government", QCoreApplication.translate("Labels", "Government body")),
        ("company", QCoreApplication.translate("Labels", "Company")),
        ("other", QCoreApplication.translate("Labels", "Other")),
    ]


def kind_name(kind: str | None) -> str:
    return dict(organization_kinds()).get(kind or "", "")


def genders() -> list[tuple[str, str]]:
    return [
        ("male", QCoreApplication.translate("Labels", "Male")),
        ("female", QCoreApplication.translate("Labels", "Female")),
    ]


def roles() -> dict[str, str]:
    return {
        "participant": QCoreApplication.translate("Labels", "Participant"),
        "trainer": QCoreApplication.translate("Labels", "Trainer"),
        "organizer": QCoreApplication.translate("Labels", "Organizer"),
        "guest": QCoreApplication.translate("Labels", "Guest"),
    }


def statuses() -> dict[str, str]:
    return {
        "registered": QCoreApplication.translate("Labels", "Registered"),
        "confirmed": QCoreApplication.translate("Labels", "Confirmed"),
        "withdrawn": QCoreApplication.translate("Labels", "Withdrawn"),
        "planned": QCoreApplication.translate("Labels", "Planned"),
        "running": QCoreApplication.translate("Labels", "Running"),
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
        "archived": QCoreApplication.translate("Labels", "Archived"),
        # An attendance mark's states.
        "present": QCoreApplication.translate("Labels", "Present"),
        "late": QCoreApplication.translate("Labels", "Late"),
        "excused": QCoreApplication.translate("Labels", "Excused"),
        "absent": QCoreApplication.translate("Labels", "Absent"),
    }


def governorate_items(language: str) -> list[tuple[str, str]]:
    return [(g.code, g.name_ar if language == "ar" else g.name_en) for g in GOVERNORATES]


def governorate_label(code: str | None, language: str) -> str:
    return governorate_name(code, language)


def training_choice(title: str, start: dt.date, language: str) -> str:
    """A training in a list of choices: its title isolated, so an Arabic title and an English date
    (or the reverse) each keep their own order ("29 November 2026" is not split around the title)."""
    return f"{isolate(title)} — {format_date(start, language)}"


def joined(parts: list[str]) -> str:
    """Words listed with the interface's own comma ("،" in Arabic, "," in English)."""
    return QCoreApplication.translate("Labels", ", ").join(parts)
