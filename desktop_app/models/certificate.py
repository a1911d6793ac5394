"""Certificate: an issued participation certificate and exactly what it printed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, Entity, UTCDateTime


class Certificate(Entity):
    __tablename__ = "certificate"

    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    # <PREFIX>-<YEAR>-<installation tag>-<NNNN>; never reused.
    serial: Mapped[str] = mapped_column(String(60), unique=True)
    # Random, at least 64 bits, checked offline against this database.
    verification_code: Mapped[str] = mapped_column(String(40), unique=True)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    # A replacement names the revoked certificate it replaces (issued only by an explicit action).
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("certificate.id"), index=True)
    # What was printed, so a reprint shows exactly what was issued.
    printed_name: Mapped[str] = mapped_column(String(300))
    printed_latin_name: Mapped[str | None] = mapped_column(String(300))
    printed_organization: Mapped[str | None] = mapped_column(String(300))
    printed_training_title: Mapped[str] = mapped_column(String(300))
    printed_sessions_attended: Mapped[int | None] = mapped_column(Integer)
    # The rest of the page as printed: wording, dates, venue, signatories' names and titles.
    printed_details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The template and the version of it the certificate was printed with (a reprint uses the same);
    # None: printed before templates existed, i.e. with the built-in formal template's version 1.
    template_id: Mapped[int | None] = mapped_column(ForeignKey("template.id"), index=True)
    template_version: Mapped[int | None] = mapped_column(Integer)


class CertificateSerial(Base):
    """The last number given out under one serial stem (<PREFIX>-<YEAR>-<installation tag>-): the
    row is locked by the transaction that takes the next number, so two stations issuing at the same
    moment get two numbers (never computed as the largest issued + 1). Local to this database: a
    venue laptop numbers under its own tag, so these rows never travel in packages."""

    __tablename__ = "certificate_serial"

    stem: Mapped[str] = mapped_column(String(60), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)
