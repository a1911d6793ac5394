"""Closed vocabularies stored as short strings (portable across SQLite and PostgreSQL). The
vocabularies themselves live in `desktop_app.enums`, where layers above the models may use them."""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import Enum

from desktop_app.enums import (
    AttendanceMethod,
    AttendanceStatus,
    EnrollmentRole,
    EnrollmentStatus,
    Gender,
    OrganizationKind,
    TrainingStatus,
)

__all__ = ["AttendanceMethod", "AttendanceStatus", "EnrollmentRole", "EnrollmentStatus", "Gender", "OrganizationKind", "TrainingStatus", "str_enum"]


def str_enum(cls: type[enum.StrEnum]) -> Enum:
    """A column type storing the enum's values (not names) as VARCHAR with a CHECK constraint."""
    kwargs: dict[str, Any] = {
        "native_enum": False,
        "create_constraint": True,
        "length": 20,
        "values_callable": lambda e: [m.value for m in e],
        "validate_strings": True,
        "name": cls.__name__.lower(),
    }
    return Enum(cls, **kwargs)
