"""Organization-wide settings (a key/value table) and certificate signatories."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Entity


class Setting(Entity):
    """One organization-wide setting: identity, digits in documents, serial prefix, installation tag."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    blob: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # e.g. the logo image


class Signatory(Entity):
    """A person who signs certificates: organization-wide (training_id None) or for one training."""

    __tablename__ = "signatory"

    training_id: Mapped[int | None] = mapped_column(ForeignKey("training.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(String(300))
    signature_image: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
