"""Personal data at rest: the log holds events, ids and exception types, never a name, phone, national
ID, e-mail, search text or SQL parameter; the log, the settings and every file Tashbeek writes that
carries personal data are readable by their owner only."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from desktop_app import cli, config, logs
from desktop_app.db import Database
from desktop_app.models import Person
from desktop_app.services.registry import PersonData, create_person

NAME, PHONE, NATIONAL_ID, EMAIL = "ميرفت عبد الستار", "01098765432", "29001011234567", "mervat@example.org"
SECRETS = (NAME, "ميرفت", PHONE, "1098765432", NATIONAL_ID, EMAIL)


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log of our own for the test (the handler is attached once per process)."""
    monkeypatch.setenv("TASHBEEK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(logs, "_configured", None)
    root = logging.getLogger("desktop_app")
    handlers = list(root.handlers)
    path = logs.setup_logging()
    yield path
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_sql_errors_never_carry_their_parameters(db: Database) -> None:
    create_person(db, PersonData(NAME, phone=PHONE, national_id=NATIONAL_ID, email=EMAIL))
    with pytest.raises(IntegrityError) as caught, db.session_scope() as session:
        session.execute(insert(Person).values(full_name=NAME, national_id=NATIONAL_ID, uid="x"))
    text = str(caught.value)
    assert NATIONAL_ID not in text and NAME not in text
    assert "hidden" in text


def test_the_log_of_a_day_of_work_holds_no_personal_data(
    log_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    office = tmp_path / "office.sqlite"
    assert cli.main(["--db", str(office), "demo"]) == 0
    people = tmp_path / "people.csv"
    people.write_text(f"الاسم,الموبايل,الرقم القومي,البريد\n{NAME},{PHONE},{NATIONAL_ID},{EMAIL}\n", encoding="utf-8")
    assert cli.main(["--db", str(office), "import", "people", str(people), "--training", "1"]) == 0
    assert cli.main(["--db", str(office), "search", NAME]) == 0
    assert cli.main(["--db", str(office), "checkin", "1", PHONE]) == 0

    # Then something breaks in the middle of work with those values in hand: a bug's exception
    # message quotes them, and a SQL error carries them as parameters.
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"could not handle {NAME} {PHONE} {NATIONAL_ID} {EMAIL}")

    monkeypatch.setattr("desktop_app.services.search.search_people", broken)
    assert cli.main(["--db", str(office), "search", NAME, "--json"]) == 1
    monkeypatch.setattr(
        "desktop_app.services.attendance.check_in",
        lambda *a, **k: (_ for _ in ()).throw(IntegrityError("INSERT …", {"national_id": NATIONAL_ID}, Exception(NAME))),
    )
    code = cli.main(["--db", str(office), "checkin", "1", NATIONAL_ID])
    assert code == 1
    capsys.readouterr()

    text = log_file.read_text("utf-8")
    assert "RuntimeError" in text and "search" in text  # the events are there…
    assert not [secret for secret in SECRETS if secret in text], text  # …the people are not
    assert mode(log_file) == 0o600 and mode(log_file.parent) == 0o700


def test_the_window_logs_an_error_without_its_values(log_file: Path, qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.views import errors

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    try:
        raise ValueError(f"bad value {NATIONAL_ID} for {NAME}")
    except ValueError as error:
        errors.show_error(None, error)
    text = log_file.read_text("utf-8")
    assert "ValueError" in text and NATIONAL_ID not in text and NAME not in text
    assert shown and NATIONAL_ID not in shown[0]


def test_the_command_line_is_logged_without_values() -> None:
    outline = logs.command_outline(
        ["--db", "/home/x/office.sqlite", "checkin", "1", NAME, "--session=2026-11-29", "--json"],
        cli.command_words(cli.build_parser()),
    )
    assert outline == "--db … checkin … … --session=… --json"


def test_settings_and_outputs_are_the_owners_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config.save_settings(config.MachineSettings(operator="مريم"))
    assert mode(config.config_dir() / config.SETTINGS_FILE) == 0o600
    office = tmp_path / "office.sqlite"
    assert cli.main(["--db", str(office), "demo"]) == 0
    outputs = {
        "people.xlsx": ["export", "people"],
        "people.csv": ["export", "people"],
        "attendance.xlsx": ["export", "attendance", "1"],
        "sheet.pdf": ["sheet", "1", "-o"],
        "badges.pdf": ["badges", "1", "-o"],
        "backup.sqlite": ["backup", "-o"],
        "venue.zip": ["package", "export", "1", "-o"],
    }
    for name, argv in outputs.items():
        assert cli.main(["--db", str(office), *argv, str(tmp_path / name)]) == 0, name
        assert mode(tmp_path / name) == 0o600, name
    capsys.readouterr()
