"""What changed, said by what it means: "person 12", "attendance of training 7", "settings".

The window's operation runner announces a Change after each piece of work, and every screen refreshes
only for the changes that concern it (the People list does not reload for a check-in; the check-in
counter does not for an edited phone number). Qt-free, so services and tests can name changes too.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Kind(enum.StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    TRAINING = "training"  # a training, its sessions, its enrolment
    ATTENDANCE = "attendance"  # marks of a training (id: the training)
    CERTIFICATE = "certificate"  # certificates of a training (id: the training)
    PROJECT = "project"
    AGREEMENT = "agreement"  # an agreement, its parties, its signed document
    INITIATIVE = "initiative"  # an initiative, its partners, people and links
    MEETING = "meeting"  # a meeting of the partner network (a training-table row of kind "meeting")
    ACTION = "action"  # an action item
    TEMPLATE = "template"  # a certificate or badge template (id: the template)
    SETTINGS = "settings"  # the organization's settings (identity, signatories, wording, age bands)
    BACKUP = "backup"  # a backup was written (nothing in the database changed)
    EVERYTHING = "everything"  # a restore, a merged package, the demo: every screen reloads
    # Another station (or program) changed the database, what is not known: the screen on view
    # refreshes its live figures (`refresh_live`), the other screens reload when next shown.
    ELSEWHERE = "elsewhere"


@dataclass(frozen=True)
class Change:
    kind: Kind
    id: int | None = None  # the record; for attendance and certificates the training; None: some or all

    @classmethod
    def everything(cls) -> Change:
        return cls(Kind.EVERYTHING)

    def concerns(self, kinds: Iterable[Kind]) -> bool:
        """Whether a screen that shows `kinds` must refresh for this change."""
        kinds = set(kinds)
        return self.kind is Kind.EVERYTHING or self.kind in kinds or (self.kind is Kind.ELSEWHERE and bool(kinds))
