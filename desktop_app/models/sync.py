"""Venue packages on the receiving side: which packages were merged (so a repeat import changes
nothing), the base of each exchanged record (what the other installation last sent, so a field
changed on one side only can be told from one changed on both), and the conflicts waiting for a
decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, Entity, UTCDateTime


class ImportedPackage(Entity):
    __tablename__ = "imported_package"

    checksum: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the package data
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    source_installation: Mapped[str | None] = mapped_column(String(20))
    training_uid: Mapped[str | None] = mapped_column(String(36))
    package_created_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SyncBase(Base):
    """A person's or organization's field values as another installation (`peer`) last sent them.

    Local bookkeeping, never sent as a row of its own (a package carries the sender's bases inside
    each record), so it has no uid. `received_at` is this database's clock when the package came in;
    `package_created_at` the sender's clock when it was made, which is what the sender compares when
    it gets a package back (see services/packages.py)."""

    __tablename__ = "sync_base"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(20))  # person or organization
    record_uid: Mapped[str] = mapped_column(String(36), index=True)  # as the sender names it
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    package_created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("peer", "entity", "record_uid"),)


class SyncConflict(Entity):
    """A field changed both here ("office") and in a package ("venue") since their last exchange,
    with different values. The value here stays until someone chooses; `field` "identity" means
    the package's record has the uid of a person here but nothing else in common, and was kept
    apart as `held_uid`."""

    __tablename__ = "sync_conflict"

    entity: Mapped[str] = mapped_column(String(20))  # person or organization
    record_uid: Mapped[str] = mapped_column(String(36), index=True)  # the record here
    field: Mapped[str] = mapped_column(String(40))
    office_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    venue_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    base_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    peer: Mapped[str | None] = mapped_column(String(20))  # the installation the package came from
    package_checksum: Mapped[str | None] = mapped_column(String(64))
    held_uid: Mapped[str | None] = mapped_column(String(36))
    detected_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    resolution: Mapped[str | None] = mapped_column(String(10))  # office, venue, or agreed
    resolved_by: Mapped[str | None] = mapped_column(String(200))
