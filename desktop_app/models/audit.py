"""AuditEntry: who changed what, when; written in the same transaction as the change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Entity, UTCDateTime, utcnow


class AuditEntry(Entity):
    __tablename__ = "audit_entry"

    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    operator: Mapped[str | None] = mapped_column(String(200))
    machine: Mapped[str | None] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(50))
    entity_uid: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(30))
    # {field: [old, new]} with JSON-friendly values (dates as ISO strings).
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
