"""Organization: a partner (NGO, union, youth group, university…) in the registry."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Entity
from desktop_app.models.enums import OrganizationKind, str_enum


class Organization(Entity):
    __tablename__ = "organization"

    name_ar: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    # Comparison key of the Arabic name (text.arabic.normalize_name), indexed for matching.
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[OrganizationKind] = mapped_column(str_enum(OrganizationKind), default=OrganizationKind.OTHER)
    governorate: Mapped[str | None] = mapped_column(String(2))
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(500))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    notes: Mapped[str | None] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Raised by every save through the ORM (SQLAlchemy's version counter, checked in the UPDATE's
    # WHERE): a form saved over a record another station changed since it was opened is told so.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
