"""Account: someone who signs in (name, argon2 hash, role); disabled, never deleted.

A database without any account keeps the single-operator behaviour (no sign-in); the first account
turns sign-in on (desktop_app.services.accounts holds the rules, desktop_app.access the roles).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Entity, UTCDateTime


class Account(Entity):
    __tablename__ = "account"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    # An argon2 encoded hash ("$argon2id$v=19$…"): the password itself is never stored anywhere.
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))  # access.Role's values
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
