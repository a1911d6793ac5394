"""Accounts: argon2 hashes, the first account is the administrator, disabled never deleted, every audit
entry names the account, no password anywhere but in the sign-in itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.access import COMMANDS, ROLES, WINDOW_ACTIONS, Role, action_role, command_role
from desktop_app.db import Database
from desktop_app.errors import DataError, NotFoundError, ValidationError
from desktop_app.models import Account, AuditEntry
from desktop_app.services import accounts
from desktop_app.services.accounts import RoleRefused, SignInRefused

SECRET = "correct horse battery"


def test_the_role_table_names_only_known_commands_and_actions() -> None:
    commands = {f"command:{words}" for words in COMMANDS}
    assert set(ROLES) <= commands | set(WINDOW_ACTIONS)
    assert command_role("checkin") is Role.CHECKIN and command_role("restore") is Role.ADMINISTRATOR
    assert command_role("import people") is Role.STAFF
    assert action_role("backup.restore") is Role.ADMINISTRATOR and action_role("settings.organization") is Role.ADMINISTRATOR
    assert action_role("checkin.walk_in") is Role.CHECKIN and action_role("person.save") is Role.STAFF
    assert Role.ADMINISTRATOR.allows(Role.STAFF) and not Role.CHECKIN.allows(Role.STAFF)


def test_a_database_without_accounts_needs_no_sign_in(db: Database) -> None:
    assert not accounts.sign_in_required(db)
    assert accounts.list_accounts(db) == []


def test_the_first_account_is_the_administrator_and_turns_sign_in_on(db: Database) -> None:
    first = accounts.add_account(db, None, "mona", SECRET, Role.CHECKIN, "منى")
    assert first.role is Role.ADMINISTRATOR
    assert accounts.sign_in_required(db)
    with pytest.raises(SignInRefused):  # nobody signed in may not add a second one
        accounts.add_account(db, None, "sami", SECRET, Role.STAFF)
    second = accounts.add_account(db, first, "sami", SECRET, Role.CHECKIN)
    assert second.role is Role.CHECKIN
    with pytest.raises(RoleRefused) as refused:
        accounts.add_account(db, second, "third", SECRET, Role.STAFF)
    assert "administrator" in refused.value.message and refused.value.needed is Role.ADMINISTRATOR


def test_the_password_is_stored_as_an_argon2_hash_only(db: Database) -> None:
    accounts.add_account(db, None, "mona", SECRET)
    with db.session_scope() as tx:
        stored = tx.scalar(select(Account.password_hash))
        audit_text = json.dumps([e.changes for e in tx.scalars(select(AuditEntry))], ensure_ascii=False)
    assert stored is not None and stored.startswith("$argon2id$") and SECRET not in stored
    assert SECRET not in audit_text and "$argon2" not in audit_text


def test_sign_in_refuses_a_wrong_name_password_or_disabled_account_alike(db: Database) -> None:
    admin = accounts.add_account(db, None, "mona", SECRET)
    accounts.add_account(db, admin, "sami", "another password", Role.STAFF)
    signed = accounts.authenticate(db, "Mona ", SECRET)
    assert signed.name == "mona" and signed.last_sign_in_at is not None
    messages = set()
    for name, password in (("mona", "wrong password"), ("nobody", SECRET)):
        with pytest.raises(SignInRefused) as refused:
            accounts.authenticate(db, name, password)
        messages.add(refused.value.message)
        assert SECRET not in refused.value.message and "wrong password" not in refused.value.message
    accounts.set_disabled(db, admin, "sami")
    with pytest.raises(SignInRefused) as refused:
        accounts.authenticate(db, "sami", "another password")
    messages.add(refused.value.message)
    assert len(messages) == 1  # never says which of the two was wrong
    assert [a.name for a in accounts.list_accounts(db)] == ["mona", "sami"]  # disabled, not deleted


def test_the_last_administrator_cannot_be_disabled_or_demoted(db: Database) -> None:
    admin = accounts.add_account(db, None, "mona", SECRET)
    with pytest.raises(DataError):
        accounts.set_disabled(db, admin, "mona")
    with pytest.raises(DataError):
        accounts.set_role(db, admin, "mona", Role.STAFF)
    accounts.add_account(db, admin, "sami", SECRET, Role.STAFF)
    accounts.set_role(db, admin, "sami", Role.ADMINISTRATOR)
    assert accounts.set_role(db, admin, "mona", Role.STAFF).role is Role.STAFF


def test_passwords_are_checked_and_changed(db: Database) -> None:
    with pytest.raises(ValidationError) as short:
        accounts.add_account(db, None, "mona", "short")
    assert short.value.field == "password" and "short" not in short.value.message
    admin = accounts.add_account(db, None, "mona", SECRET)
    staff = accounts.add_account(db, admin, "sami", SECRET, Role.STAFF)
    accounts.set_password(db, staff, "sami", "my own new one")  # one's own
    assert accounts.authenticate(db, "sami", "my own new one").name == "sami"
    with pytest.raises(RoleRefused):
        accounts.set_password(db, staff, "mona", "taken over now")
    accounts.set_password(db, admin, "sami", "reset by admin")  # a reset
    assert accounts.authenticate(db, "sami", "reset by admin").name == "sami"
    with pytest.raises(NotFoundError):
        accounts.set_password(db, admin, "nobody", "whatever it is")
    with pytest.raises(ValidationError):
        accounts.add_account(db, admin, "SAMI", SECRET)  # names are unique whatever their case


def test_every_audit_entry_names_the_account(db: Database) -> None:
    from desktop_app.services.registry import PersonData, create_person

    admin = accounts.add_account(db, None, "mona", SECRET)
    db.operator = accounts.authenticate(db, "mona", SECRET).name
    accounts.add_account(db, admin, "sami", SECRET, Role.STAFF)
    create_person(db, PersonData(full_name="هاني إبراهيم", phone="01012345678"))
    with db.session_scope() as tx:
        operators = {e.operator for e in tx.scalars(select(AuditEntry).where(AuditEntry.entity != "account"))}
        account_entries = list(tx.scalars(select(AuditEntry).where(AuditEntry.entity == "account")))
    assert operators == {"mona"}
    assert account_entries[-1].operator == "mona"


def test_the_idle_lock_is_a_setting(db: Database) -> None:
    assert accounts.lock_minutes(db) == 15
    accounts.set_lock_minutes(db, None, 5)
    assert accounts.lock_minutes(db) == 5
    with pytest.raises(ValidationError):
        accounts.set_lock_minutes(db, None, 0)


def test_a_venue_package_carries_hashes_and_the_venue_signs_in(db: Database, tmp_path: Path) -> None:
    import zipfile

    from desktop_app.services.demo import load_demo
    from desktop_app.services.packages import export_package, read_package
    from desktop_app.services.sync import import_into_new_database

    load_demo(db)
    admin = accounts.add_account(db, None, "mona", SECRET)
    accounts.add_account(db, admin, "volunteer", "venue password", Role.CHECKIN)
    accounts.add_account(db, admin, "gone", "venue password", Role.STAFF)
    accounts.set_disabled(db, admin, "gone")
    out = tmp_path / "venue.zip"
    export_package(db, 1, out)
    raw = b"".join(zipfile.ZipFile(out).read(n) for n in zipfile.ZipFile(out).namelist())
    assert SECRET.encode() not in raw and b"venue password" not in raw and b"$argon2id$" in raw
    venue = tmp_path / "venue.sqlite"
    import_into_new_database(venue, read_package(out))
    from desktop_app.db import open_database

    venue_db = open_database(venue)
    try:
        assert accounts.sign_in_required(venue_db)
        assert accounts.authenticate(venue_db, "volunteer", "venue password").role is Role.CHECKIN
        assert {a.name for a in accounts.list_accounts(venue_db)} == {"mona", "volunteer"}
    finally:
        venue_db.dispose()


def test_a_package_from_before_accounts_still_imports(db: Database, tmp_path: Path) -> None:
    """A package without the accounts member (made before it existed) opens and imports."""
    import zipfile

    from desktop_app.services.demo import load_demo
    from desktop_app.services.packages import export_package, read_package
    from desktop_app.services.sync import import_into_new_database

    load_demo(db)
    out = tmp_path / "new.zip"
    export_package(db, 1, out)
    old = tmp_path / "old.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(old, "w") as target:
        for name in source.namelist():
            if name == "accounts.jsonl":
                continue
            data = source.read(name)
            if name == "manifest.json":
                manifest = json.loads(data)
                manifest["members"].pop("accounts.jsonl")
                data = json.dumps(manifest).encode()
            target.writestr(name, data)
    venue = tmp_path / "venue.sqlite"
    result = import_into_new_database(venue, read_package(old))
    assert result.training_id is not None


def test_a_package_with_a_plain_password_is_refused(db: Database, tmp_path: Path) -> None:
    import hashlib
    import zipfile

    from desktop_app.services.demo import load_demo
    from desktop_app.services.packages import PackageRefused, export_package, read_package

    load_demo(db)
    accounts.add_account(db, None, "mona", SECRET)
    out = tmp_path / "new.zip"
    export_package(db, 1, out)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(out) as source:
        manifest = json.loads(source.read("manifest.json"))
        row = json.loads(source.read("accounts.jsonl"))
        row["password_hash"] = "plain text"
        payload = json.dumps(row).encode() + b"\n"
        manifest["members"]["accounts.jsonl"] = {
            "sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload), "records": 1,
        }  # fmt: skip
        with zipfile.ZipFile(bad, "w") as target:
            for name in source.namelist():
                if name not in ("manifest.json", "accounts.jsonl"):
                    target.writestr(name, source.read(name))
            target.writestr("accounts.jsonl", payload)
            target.writestr("manifest.json", json.dumps(manifest))
    with pytest.raises(PackageRefused) as refused:
        read_package(bad)
    assert "password_hash" in refused.value.message and "plain text" not in refused.value.message


def test_the_sign_in_checks_core_table_matches_the_model() -> None:
    """services/sign_in reads the account table without the ORM: its stand-in names real columns."""
    from desktop_app.models import Account
    from desktop_app.services.sign_in import _ACCOUNT

    assert _ACCOUNT.name == Account.__table__.name
    assert {c.name for c in _ACCOUNT.columns} <= {c.name for c in Account.__table__.columns}
