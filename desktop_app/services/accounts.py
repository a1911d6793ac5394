"""Accounts and sign-in: who is working, with which role (desktop_app.access says what each role may do).

A database without accounts keeps the single-operator behaviour: nobody signs in and the audit
names the operator from the settings. The first account made is an administrator and turns sign-in
on for good (accounts are disabled, never deleted). Passwords are hashed with argon2id
(argon2-cffi); the password itself is never stored, logged, audited, packaged or put in a message.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.access import ADMINISTRATOR, Role
from desktop_app.db import Database
from desktop_app.errors import DataError, NotFoundError, ValidationError
from desktop_app.i18n import _, ngettext
from desktop_app.models import Account, utcnow
from desktop_app.services import audit
from desktop_app.services.sign_in import (
    AccountRow,
    RoleRefused,
    SignInRefused,
    check_role,
    role_name,
    sign_in_required,
    wrong_sign_in,
)

# The light half of accounts (no ORM: the window's start needs it) lives in services/sign_in.py;
# these names stay reachable here for this module's callers.
__all__ = [  # noqa: RUF022 - grouped: re-exported, then this module's own
    "AccountRow", "RoleRefused", "SignInRefused", "check_role", "role_name", "sign_in_required", "wrong_sign_in",
    "add_account", "adopt_package_accounts", "authenticate", "list_accounts", "lock_minutes", "package_record_problems",
    "package_records", "set_disabled", "set_lock_minutes", "set_password", "set_role",
]  # fmt: skip

MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # argon2 takes any length; a limit keeps a pasted file from costing seconds
MAX_NAME = 100
DEFAULT_LOCK_MINUTES = 15
LOCK_SETTING = "lock_after_minutes"

_hasher = PasswordHasher()


# Verified when a name is unknown, so a wrong name takes as long as a wrong password.
# Made on first use, not at import: hashing costs a tenth of a second, which every writing command
# and the window's start would pay for whether anyone signs in or not.
@cache
def _dummy_hash() -> str:
    return _hasher.hash("tashbeek: no such account")


def _row(account: Account) -> AccountRow:
    return AccountRow(
        id=account.id, uid=account.uid, name=account.name, display_name=account.display_name,
        role=Role(account.role), disabled=account.disabled, created_at=account.created_at,
        last_sign_in_at=account.last_sign_in_at,
    )  # fmt: skip


def _has_accounts(tx: Session) -> bool:
    return tx.scalar(select(Account.id).limit(1)) is not None


def list_accounts(db: Database) -> list[AccountRow]:
    with db.session_scope() as tx:
        return [_row(a) for a in tx.scalars(select(Account).order_by(Account.name))]


def authenticate(
    db: Database, name: str, password: str, *, record: bool = True, needed: Role | None = None
) -> AccountRow:
    """The account whose name and password these are; records the sign-in (unless `record` is false:
    a reading command writes nothing). A wrong name, a wrong password and a disabled account are
    refused with the same sentence. `needed`: the role the action needs, checked before the sign-in
    is recorded, so an action its role may not do leaves the database as it was."""
    with db.session_scope() as tx:
        account = _find(tx, name)
        try:
            _hasher.verify(account.password_hash if account else _dummy_hash(), password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            raise wrong_sign_in() from None
        if account is None or account.disabled:
            raise wrong_sign_in()
        if needed is not None:
            check_role(_row(account), needed)
        if record:
            if _hasher.check_needs_rehash(account.password_hash):  # stronger settings since it was set
                account.password_hash = _hasher.hash(password)
            account.last_sign_in_at = utcnow()
        return _row(account)


def _find(tx: Session, name: str) -> Account | None:
    return tx.scalar(select(Account).where(func.lower(Account.name) == name.strip().lower()))


def _get(tx: Session, name: str) -> Account:
    account = _find(tx, name)
    if account is None:
        raise NotFoundError(_("There is no account named {name}.").format(name=name))
    return account


def _administrator(tx: Session, actor: AccountRow | None) -> None:
    """Managing accounts needs an administrator once there are accounts."""
    if not _has_accounts(tx):
        return
    if actor is None:
        raise SignInRefused(_("Sign in as an administrator first."))
    check_role(actor, ADMINISTRATOR)


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("name", _("This field is required."))
    if len(name) > MAX_NAME:
        raise ValidationError("name", ngettext("A name is at most {n} character.", "A name is at most {n} characters.", MAX_NAME).format(n=MAX_NAME))
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "password", ngettext("A password has at least {n} character.", "A password has at least {n} characters.", MIN_PASSWORD).format(
                n=MIN_PASSWORD
            )
        )
    if len(password) > MAX_PASSWORD:
        raise ValidationError("password", ngettext("A password is at most {n} character.", "A password is at most {n} characters.", MAX_PASSWORD).format(
            n=MAX_PASSWORD
        ))


def add_account(
    db: Database,
    actor: AccountRow | None,
    name: str,
    password: str,
    role: Role = Role.STAFF,
    display_name: str = "",
) -> AccountRow:
    """A new account; the first one is an administrator whatever was asked (and turns sign-in on)."""
    name = _clean_name(name)
    display_name = " ".join(display_name.split())[:200]
    _check_password(password)
    with db.session_scope() as tx:
        _administrator(tx, actor)
        if not _has_accounts(tx):
            role = ADMINISTRATOR
        if _find(tx, name) is not None:
            raise ValidationError("name", _("There is already an account named {name}.").format(name=name))
        account = Account(
            name=name, display_name=display_name, password_hash=_hasher.hash(password), role=role.value
        )
        tx.add(account)
        tx.flush()
        audit.record(tx, db, "account", account.uid, "create",
                     {"name": [None, name], "display_name": [None, display_name], "role": [None, role.value]})  # fmt: skip
        return _row(account)


def _other_administrators(tx: Session, account: Account) -> int:
    return int(
        tx.scalar(
            select(func.count()).select_from(Account).where(
                Account.role == ADMINISTRATOR.value, Account.disabled.is_(False), Account.id != account.id
            )
        )
        or 0
    )


def _keep_an_administrator(tx: Session, account: Account) -> None:
    if account.role == ADMINISTRATOR.value and not account.disabled and not _other_administrators(tx, account):
        raise DataError(
            _("{name} is the only administrator: make another account administrator first.").format(
                name=account.name
            )
        )


def set_disabled(db: Database, actor: AccountRow | None, name: str, disabled: bool = True) -> AccountRow:
    """Disable an account (it can no longer sign in; its name stays in the audit), or enable it again."""
    with db.session_scope() as tx:
        _administrator(tx, actor)
        account = _get(tx, name)
        if disabled:
            _keep_an_administrator(tx, account)
        if account.disabled != disabled:
            audit.record(tx, db, "account", account.uid, "update", {"disabled": [account.disabled, disabled]})
            account.disabled = disabled
        return _row(account)


def set_role(db: Database, actor: AccountRow | None, name: str, role: Role) -> AccountRow:
    with db.session_scope() as tx:
        _administrator(tx, actor)
        account = _get(tx, name)
        if role is not ADMINISTRATOR:
            _keep_an_administrator(tx, account)
        if account.role != role.value:
            audit.record(tx, db, "account", account.uid, "update", {"role": [account.role, role.value]})
            account.role = role.value
        return _row(account)


def set_password(db: Database, actor: AccountRow | None, name: str, password: str) -> AccountRow:
    """A new password: an administrator sets anyone's (a reset), everyone may set their own."""
    _check_password(password)
    with db.session_scope() as tx:
        account = _get(tx, name)
        if actor is None or actor.id != account.id:
            _administrator(tx, actor)
        account.password_hash = _hasher.hash(password)
        audit.record(tx, db, "account", account.uid, "password", {})  # that it changed, never to what
        return _row(account)


# ---------------------------------------------------------------- venue packages


def package_records(tx: Session) -> list[dict[str, Any]]:
    """The accounts a venue laptop needs to sign people in: every enabled one (all roles are check-in
    or higher), with its hash, never a password."""
    return [
        {"uid": a.uid, "name": a.name, "display_name": a.display_name, "role": a.role,
         "password_hash": a.password_hash}  # fmt: skip
        for a in tx.scalars(select(Account).where(Account.disabled.is_(False)).order_by(Account.id))
    ]


def package_record_problems(row: dict[str, Any]) -> Iterable[tuple[str, str]]:
    """What is wrong with a package's account record, field by field."""
    name = row.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        yield "name", _("This value is not valid here.")
    if not isinstance(row.get("display_name", ""), str) or len(row.get("display_name") or "") > 200:
        yield "display_name", _("This value is not valid here.")
    if row.get("role") not in {r.value for r in Role}:
        yield "role", _("This value is not valid here.")
    hashed = row.get("password_hash")
    if not isinstance(hashed, str) or not hashed.startswith("$argon2") or len(hashed) > 300:
        yield "password_hash", _("This value is not valid here.")


def adopt_package_accounts(tx: Session, db: Database, rows: list[dict[str, Any]]) -> int:
    """A new database made from a package takes its accounts (those it has not already got)."""
    added = 0
    for row in rows:
        if _find(tx, row["name"]) is not None or tx.scalar(select(Account.id).where(Account.uid == row["uid"])):
            continue
        account = Account(
            uid=row["uid"], name=row["name"], display_name=row.get("display_name") or "",
            role=row["role"], password_hash=row["password_hash"],
        )  # fmt: skip
        tx.add(account)
        tx.flush()
        audit.record(tx, db, "account", account.uid, "package_import", {"name": [None, account.name],
                     "role": [None, account.role]})  # fmt: skip
        added += 1
    return added


# ---------------------------------------------------------------- the window's idle lock


def lock_minutes(db: Database) -> int:
    from desktop_app.services.settings import get_setting

    with db.session_scope() as tx:
        value = get_setting(tx, LOCK_SETTING)
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else DEFAULT_LOCK_MINUTES


def set_lock_minutes(db: Database, actor: AccountRow | None, minutes: int) -> None:
    """How long the window waits, idle, before it locks (1 to 240 minutes)."""
    from desktop_app.services.settings import put_setting

    if not 1 <= minutes <= 240:
        raise ValidationError(LOCK_SETTING, _("Choose from 1 to 240 minutes."))
    with db.session_scope() as tx:
        _administrator(tx, actor)
        put_setting(tx, db, LOCK_SETTING, minutes)
