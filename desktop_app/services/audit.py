"""Audit trail: one AuditEntry per change, written in the same transaction as the change itself."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import AuditEntry, utcnow

_PLAIN = (str, int, float, bool, type(None))


def jsonable(value: Any) -> Any:
    """A JSON-friendly form of a column value (dates as ISO strings, enums as their values)."""
    if type(value) in _PLAIN:  # most values, checked first: an import records every field of every row
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field whose value changes."""
    if not old:  # a new record (imports create thousands): every value that is not empty
        return {key: [None, after] for key, value in new.items() if (after := jsonable(value)) is not None}
    changes: dict[str, list[Any]] = {}
    for key, value in new.items():
        before = jsonable(old.get(key))
        after = jsonable(value)
        if before != after:
            changes[key] = [before, after]
    return changes


def record(
    tx: Session,
    db: Database,
    entity: str,
    uid: str,
    action: str,
    changes: Mapping[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(),
        operator=db.operator or None,
        machine=db.machine,
        entity=entity,
        entity_uid=uid,
        action=action,
        changes=dict(changes or {}),
    )
    tx.add(entry)
    return entry


def apply(
    tx: Session,
    db: Database,
    obj: Any,
    entity: str,
    values: Mapping[str, Any],
    *,
    derived: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Write validated values onto a row and record what really changed; returns the old values.

    `derived` names columns computed from others (e.g. a name's matching key): written, not audited.
    """
    before = {key: getattr(obj, key) for key in values}
    for key, value in values.items():
        setattr(obj, key, value)
    changes = diff(before, values)
    for key in derived:
        changes.pop(key, None)
    if changes:
        record(tx, db, entity, obj.uid, "update", changes)
    return before
