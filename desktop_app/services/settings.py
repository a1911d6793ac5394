"""Organization-wide settings kept in the database (identity, digits in documents, serial prefix).

Per-machine settings (language, operator, backup folder) are in `desktop_app.config` instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.i18n import _
from desktop_app.models import Setting
from desktop_app.services import audit

INSTALLATION_TAG = "installation_tag"

DEFAULTS: dict[str, Any] = {
    "identity_name_ar": "",
    "identity_name_en": "",
    "document_digits": "western",  # or "arabic" (Arabic-Indic digits in printed documents)
    "certificate_serial_prefix": "TSH",
    "certificate_wording": (
        "تشهد {organization_name} بأن {name} من {organization} قد شارك في {training} "
        "المنعقد في {venue} من {start} إلى {end}."
    ),
}

_VALIDATORS = {
    "document_digits": lambda v: v in ("western", "arabic"),
    "certificate_serial_prefix": lambda v: (
        isinstance(v, str) and v.isascii() and v.isalnum() and 1 <= len(v) <= 10
    ),
}


def get_setting(session: Session, key: str) -> Any:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return DEFAULTS.get(key) if value is None else value


def get_settings(db: Database) -> dict[str, Any]:
    """Every organization-wide setting, defaults filled in (the installation tag included)."""
    with db.session_scope() as session:
        stored = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    return {**DEFAULTS, **{k: v for k, v in stored.items() if v is not None}}


def set_setting(db: Database, key: str, value: Any) -> None:
    if key == INSTALLATION_TAG:
        raise ValidationError(key, _("The installation tag cannot be changed."))
    check = _VALIDATORS.get(key)
    if check is not None and not check(value):
        raise ValidationError(key, _("This value is not one of the allowed choices."))
    with db.session_scope() as session:
        setting = session.scalar(select(Setting).where(Setting.key == key))
        if setting is None:
            setting = Setting(key=key, value=value)
            session.add(setting)
            session.flush()
            audit.record(session, db, "setting", setting.uid, "create", {key: [None, value]})
        elif setting.value != value:
            audit.record(session, db, "setting", setting.uid, "update", {key: [setting.value, value]})
            setting.value = value


def installation_tag(db: Database) -> str:
    with db.session_scope() as session:
        return str(get_setting(session, INSTALLATION_TAG))
