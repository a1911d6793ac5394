"""ImportedPackage: a venue package merged into this database (so a repeat import changes nothing)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Entity, UTCDateTime


class ImportedPackage(Entity):
    __tablename__ = "imported_package"

    checksum: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the package data
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    source_installation: Mapped[str | None] = mapped_column(String(20))
    training_uid: Mapped[str | None] = mapped_column(String(36))
    package_created_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)
