"""Closed vocabularies (organization kinds, roles, statuses…): plain string enums every layer may
use — the window and the PDF engine too — without loading the database models. The models store
them as short strings (`desktop_app.models.enums.str_enum`)."""

from __future__ import annotations

import enum


class OrganizationKind(enum.StrEnum):
    ASSOCIATION = "association"  # association / NGO
    UNION = "union"  # independent union
    YOUTH = "youth"  # youth group or initiative
    NETWORK = "network"  # network or coalition
    UNIVERSITY = "university"
    GOVERNMENT = "government"
    COMPANY = "company"
    OTHER = "other"


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class TrainingStatus(enum.StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ARCHIVED = "archived"


class EnrollmentRole(enum.StrEnum):
    PARTICIPANT = "participant"
    TRAINER = "trainer"
    ORGANIZER = "organizer"
    GUEST = "guest"


class EnrollmentStatus(enum.StrEnum):
    REGISTERED = "registered"
    CONFIRMED = "confirmed"
    WITHDRAWN = "withdrawn"


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    EXCUSED = "excused"


class AttendanceMethod(enum.StrEnum):
    MANUAL = "manual"
    SCAN = "scan"
    IMPORT = "import"
    SYNC = "sync"
