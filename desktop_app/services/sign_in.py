"""Who is signed in, without the ORM: the account as the faces show it, the words for the roles, the
refusals, and whether a database asks anyone to sign in at all. The window's start needs these
before its first paint, when no mapped class is declared yet (tests/views/test_start_path.py);
services/accounts.py, which manages accounts through the models, re-exports them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.access import Role
from desktop_app.db import Database
from desktop_app.errors import DataError
from desktop_app.i18n import _
from desktop_app.services import tables

_ACCOUNT = tables.ACCOUNT


@dataclass(frozen=True)
class AccountRow:
    """An account as the faces show it (never its hash)."""

    id: int
    uid: str
    name: str
    display_name: str
    role: Role
    disabled: bool
    created_at: dt.datetime
    last_sign_in_at: dt.datetime | None

    @property
    def shown_name(self) -> str:
        return self.display_name or self.name


class SignInRefused(DataError):
    """A wrong name or password, a disabled account: the message never says which."""


class RoleRefused(DataError):
    """The account's role may not do this; the message names the role needed."""

    def __init__(self, message: str, needed: Role) -> None:
        super().__init__(message)
        self.needed = needed


def role_name(role: Role) -> str:
    return {Role.CHECKIN: _("check-in"), Role.STAFF: _("staff"), Role.ADMINISTRATOR: _("administrator")}[role]


def sign_in_required(db: Database) -> bool:
    """Whether this database has accounts (then everyone signs in): one Core read."""
    with db.reading() as conn:
        return conn.execute(select(_ACCOUNT.c.id).limit(1)).first() is not None


def wrong_sign_in() -> SignInRefused:
    return SignInRefused(_("The name or the password is not right."))


def check_role(account: AccountRow | None, needed: Role) -> None:
    """Refuse unless the signed-in account's role allows `needed` (no account: sign-in is off)."""
    if account is not None and not account.role.allows(needed):
        raise RoleRefused(
            _("This needs the {needed} role; {name} has the {role} role.").format(
                needed=role_name(needed), name=account.name, role=role_name(account.role)
            ),
            needed,
        )
