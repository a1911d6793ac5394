"""Template: a document layout as data (certificate or badge), its saved versions and its images.

A template's current document is in `Template.document` (None for a built-in one, whose document
ships with the application under `resources/templates/builtin/`); every version ever saved, and every
built-in version a certificate was printed with, is kept in `TemplateRevision`, so a certificate
issued with version 3 is reprinted with version 3 after the template has moved on. Images and PDF
backgrounds are stored once, by the SHA-256 of their bytes, in `TemplateAsset`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Entity


class Template(Entity):
    __tablename__ = "template"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_en: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # "certificate" | "badge"
    # The built-in template's key ("formal", "modern-bilingual", …); None for one made by a user.
    builtin: Mapped[str | None] = mapped_column(String(60), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    document: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class TemplateRevision(Entity):
    """One version of a template's document, as it was saved (or shipped, for a built-in one)."""

    __tablename__ = "template_revision"

    template_id: Mapped[int] = mapped_column(ForeignKey("template.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (UniqueConstraint("template_id", "version"),)


class TemplateAsset(Entity):
    """An image or a PDF background a template uses, by the SHA-256 of its bytes."""

    __tablename__ = "template_asset"

    digest: Mapped[str] = mapped_column(String(64), unique=True)
    media_type: Mapped[str] = mapped_column(String(60))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
