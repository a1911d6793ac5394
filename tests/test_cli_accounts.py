"""`tashbeek accounts …`, and every writing command once the database has accounts: --user with the
password from $TASHBEEK_PASSWORD or --password-file; no account or a wrong one exits 1, and so does
a role that may not (saying which role is needed). A check-in account cannot restore a backup."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.db import open_database
from desktop_app.models import AuditEntry
from desktop_app.services.backups import make_backup
from desktop_app.services.demo import load_demo

pytestmark = pytest.mark.skipif(
    os.environ.get("TASHBEEK_TEST_DB_URL") is not None, reason="SQLite files made by the test"
)

ADMIN_PASSWORD = "admin password 1"
VOLUNTEER_PASSWORD = "volunteer pass 2"


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str,
         password: str | None = None, new_password: str | None = None) -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.delenv("TASHBEEK_PASSWORD", raising=False)
    monkeypatch.delenv("TASHBEEK_NEW_PASSWORD", raising=False)
    if password is not None:
        monkeypatch.setenv("TASHBEEK_PASSWORD", password)
    if new_password is not None:
        monkeypatch.setenv("TASHBEEK_NEW_PASSWORD", new_password)
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite"
    db = open_database(path, create=True)
    load_demo(db)
    db.dispose()
    return path


def _with_accounts(office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(office)
    code, out, err = _run(capsys, monkeypatch, "--db", db, "accounts", "add", "mona", "--role", "checkin",
                          new_password=ADMIN_PASSWORD)  # fmt: skip
    assert code == 0, err
    assert "administrator" in out  # the first account, whatever was asked
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "accounts", "add", "sami", "--role", "checkin",
                           "--user", "mona", password=ADMIN_PASSWORD, new_password=VOLUNTEER_PASSWORD)  # fmt: skip
    assert code == 0, err


def test_without_accounts_nothing_changes(office: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    code, _out, err = _run(capsys, monkeypatch, "--db", str(office), "people", "update", "1", "--phone", "01011112222")
    assert code == 0, err
    code, out, _err = _run(capsys, monkeypatch, "--db", str(office), "accounts", "list")
    assert code == 0 and "No accounts" in out


def test_a_writing_command_needs_a_valid_account(office: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    _with_accounts(office, capsys, monkeypatch)
    db = str(office)
    update = ("people", "update", "1", "--phone", "01011112222")
    code, _out, err = _run(capsys, monkeypatch, "--db", db, *update)
    assert code == 1 and "--user" in err
    code, _out, err = _run(capsys, monkeypatch, "--db", db, *update, "--user", "mona", password="not it at all")
    assert code == 1 and "not right" in err and "not it at all" not in err
    code, _out, err = _run(capsys, monkeypatch, "--db", db, *update, "--user", "nobody", password=ADMIN_PASSWORD)
    assert code == 1 and "not right" in err
    code, _out, err = _run(capsys, monkeypatch, "--db", db, *update, "--user", "mona")
    assert code == 1 and "TASHBEEK_PASSWORD" in err  # no password given
    code, _out, err = _run(capsys, monkeypatch, "--db", db, *update, "--user", "mona", password=ADMIN_PASSWORD)
    assert code == 0, err
    # Readers still read without an account.
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "search", "هاني")
    assert code == 0, err
    # The password from a file; the audit names the account.
    secret = office.parent / "password.txt"
    secret.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "people", "update", "1", "--phone", "01011113333",
                           "--user", "mona", "--password-file", str(secret))  # fmt: skip
    assert code == 0, err
    database = open_database(office)
    try:
        with database.session_scope() as tx:
            entries = list(tx.scalars(select(AuditEntry).where(AuditEntry.entity == "person")
                                      .order_by(AuditEntry.id.desc()).limit(2)))  # fmt: skip
            everything = json.dumps([[e.operator, e.changes] for e in tx.scalars(select(AuditEntry))], ensure_ascii=False)
    finally:
        database.dispose()
    assert [e.operator for e in entries] == ["mona", "mona"]
    assert ADMIN_PASSWORD not in everything and VOLUNTEER_PASSWORD not in everything


def test_a_check_in_account_checks_in_but_cannot_restore_or_import(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(office)
    backup = make_backup(database, tmp_path / "backups", kind="manual")
    database.dispose()
    _with_accounts(office, capsys, monkeypatch)
    db = str(office)
    volunteer = ("--user", "sami")
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "checkin", "1", "هاني إبراهيم", *volunteer,
                           password=VOLUNTEER_PASSWORD)  # fmt: skip
    assert code == 0, err
    before = office.read_bytes()
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "restore", str(backup), *volunteer,
                           password=VOLUNTEER_PASSWORD)  # fmt: skip
    assert code == 1 and "administrator" in err
    assert office.read_bytes() == before
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "restore", str(backup), password=VOLUNTEER_PASSWORD)
    assert code == 1 and "--user" in err
    people = tmp_path / "people.csv"
    people.write_text("الاسم,الموبايل\nشخص جديد,01055555555\n", encoding="utf-8")
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "import", "people", str(people), *volunteer,
                           password=VOLUNTEER_PASSWORD, )  # fmt: skip
    assert code == 1 and "staff" in err
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "accounts", "list", *volunteer, password=VOLUNTEER_PASSWORD)
    assert code == 1 and "administrator" in err
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "restore", str(backup), "--user", "mona",
                           password=ADMIN_PASSWORD)  # fmt: skip
    assert code == 0, err


def test_accounts_list_role_disable_and_passwd(office: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    _with_accounts(office, capsys, monkeypatch)
    db = str(office)
    admin = ("--user", "mona")
    code, out, err = _run(capsys, monkeypatch, "--db", db, "accounts", "list", "--json", *admin, password=ADMIN_PASSWORD)
    assert code == 0, err
    listed = json.loads(out)
    assert [(a["name"], a["role"]) for a in listed] == [("mona", "administrator"), ("sami", "checkin")]
    assert "password" not in out and "argon2" not in out
    code, out, err = _run(capsys, monkeypatch, "--db", db, "accounts", "role", "sami", "staff", *admin, password=ADMIN_PASSWORD)
    assert code == 0 and "staff" in out, err
    # One's own password, with the old one.
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "accounts", "passwd", "sami", "--user", "sami",
                           password=VOLUNTEER_PASSWORD, new_password="a brand new one")  # fmt: skip
    assert code == 0, err
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "accounts", "passwd", "mona", "--user", "sami",
                           password="a brand new one", new_password="taking it over")  # fmt: skip
    assert code == 1 and "administrator" in err
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "accounts", "disable", "sami", *admin, password=ADMIN_PASSWORD)
    assert code == 0, err
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "people", "update", "1", "--phone", "01011112222",
                           "--user", "sami", password="a brand new one")  # fmt: skip
    assert code == 1 and "not right" in err
    code, _out, err = _run(capsys, monkeypatch, "--db", db, "accounts", "disable", "mona", *admin, password=ADMIN_PASSWORD)
    assert code == 1 and "only administrator" in err
