"""One table says which commands write (desktop_app.access): it names every command the parser
knows, and while another program holds the lock every writer is refused (exit 1, nothing written,
no file made) and every reader works."""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from desktop_app.access import COMMANDS, WINDOW_ACTIONS, Access
from desktop_app.cli import build_parser
from desktop_app.db import open_database
from desktop_app.lock import WriterLock
from desktop_app.services.backups import make_backup
from desktop_app.services.certificates import issue_certificates
from desktop_app.services.demo import load_demo
from desktop_app.services.packages import export_package
from desktop_app.services.templates import export_template
from tests.test_cli import run

pytestmark = pytest.mark.skipif(
    os.environ.get("TASHBEEK_TEST_DB_URL") is not None, reason="the lock is for SQLite files"
)


def _leaves(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> set[str]:
    """Every runnable command of the parser, by its words."""
    found = set()
    for action in parser._actions:  # argparse keeps its subcommands here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if sub.get_default("handler") is not None:
                    found.add(" ".join((*words, name)))
                found |= _leaves(sub, (*words, name))
    return found


def test_the_table_names_every_command_and_nothing_else() -> None:
    assert _leaves(build_parser()) == set(COMMANDS)
    assert COMMANDS["certificates"] is Access.WRITER and COMMANDS["db upgrade"] is Access.WRITER
    assert all(isinstance(v, Access) for v in WINDOW_ACTIONS.values())


def _fingerprint(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {
            t: hashlib.sha256(
                repr(conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()).encode()
            ).hexdigest()  # noqa: S608
            for t in tables
        }


@pytest.mark.slow
def test_while_the_lock_is_held_writers_are_refused_and_readers_work(tmp_path: Path) -> None:
    office = tmp_path / "office.sqlite"
    db = open_database(office, create=True)
    load_demo(db)
    serial = issue_certificates(db, 1, [1], before_end=True).issued[0]
    export_package(db, 1, tmp_path / "package.zip")
    backup = make_backup(db, tmp_path / "backups", kind="manual")
    template_file = export_template(db, "minimal", tmp_path / "minimal.json")
    db.dispose()
    people = tmp_path / "people.csv"
    people.write_text("الاسم,الموبايل\nشخص جديد,01055555555\n", encoding="utf-8")
    orgs = tmp_path / "orgs.csv"
    orgs.write_text("اسم الجهة\nجمعية جديدة\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    samples: dict[str, list[str]] = {
        "demo": ["demo"],
        "db init": ["db", "init"],
        "db upgrade": ["db", "upgrade"],
        "db check": ["db", "check"],
        "search": ["search", "هاني"],
        "trainings": ["trainings"],
        "trainings update": ["trainings", "update", "1", "--template", "modern"],
        "templates list": ["templates", "list", "--json"],
        "templates export": ["templates", "export", "formal", "-o", str(out / "formal.json")],
        "templates import": ["templates", "import", str(template_file)],
        "people update": ["people", "update", "1", "--phone", "01011112222"],
        "enroll": ["enroll", "1", "1"],
        "checkin": ["checkin", "1", "هاني إبراهيم"],
        "attendance": ["attendance", "1"],
        "certificates": [
            "certificates",
            "1",
            "--person",
            "2",
            "--before-end",
            "-o",
            str(out / "certificates.pdf"),
        ],
        "sheet": ["sheet", "1", "-o", str(out / "sheet.pdf")],
        "report": ["report", "1", "-o", str(out / "report.pdf")],
        "badges": ["badges", "1", "-o", str(out / "badges.pdf")],
        "directory": ["directory", "1", "-o", str(out / "directory.pdf")],
        "import people": ["import", "people", str(people)],
        "import organizations": ["import", "organizations", str(orgs)],
        "export people": ["export", "people", str(out / "people.xlsx")],
        "export organizations": ["export", "organizations", str(out / "orgs.csv")],
        "export attendance": ["export", "attendance", "1", str(out / "attendance.xlsx")],
        "export agreements": ["export", "agreements", str(out / "agreements.xlsx")],
        "export initiatives": ["export", "initiatives", str(out / "initiatives.csv")],
        "export meetings": ["export", "meetings", str(out / "meetings.xlsx")],
        "export actions": ["export", "actions", str(out / "actions.xlsx")],
        "export links": ["export", "links", str(out / "links.xlsx")],
        "duplicates": ["duplicates"],
        "backup": ["backup", "-o", str(out / "copy.sqlite")],
        "restore": ["restore", str(backup)],
        "package export": ["package", "export", "1", "-o", str(out / "package.zip")],
        "package import": ["package", "import", str(tmp_path / "package.zip")],
        "package conflicts": ["package", "conflicts"],
        "package conflicts resolve": ["package", "conflicts", "resolve", "1", "--keep", "venue"],
        "verify": ["verify", serial],
        "revoke": ["revoke", serial, "--reason", "خطأ"],
        "screenshots": ["screenshots", str(out / "screens")],
        "stats": ["stats", "--json"],
        "projects list": ["projects", "list"],
        "projects add": ["projects", "add", "منحة", "--training", "1"],
        "projects target": ["projects", "target", "1", "people_reached", "--period", "2026", "--target", "10"],
        "network": ["network", "--json"],
        "agreements": ["agreements"],
        "agreements add": ["agreements", "add", "بروتوكول", "--party", "1", "--party", "2"],
        "initiatives": ["initiatives", "--json"],
        "initiatives add": ["initiatives", "add", "مبادرة", "--lead", "1"],
        "meetings": ["meetings"],
        "meetings add": ["meetings", "add", "اجتماع", "--date", "2026-12-06"],
        "meetings minutes": ["meetings", "minutes", "2", "--minutes", "محضر"],
        "actions": ["actions", "--overdue"],
        "actions add": ["actions", "add", "متابعة", "--organization", "1"],
        "actions done": ["actions", "done", "1"],
        "accounts list": ["accounts", "list"],
        "accounts add": ["accounts", "add", "mona"],
        "accounts disable": ["accounts", "disable", "mona"],
        "accounts passwd": ["accounts", "passwd", "mona"],
        "accounts role": ["accounts", "role", "mona", "staff"],
    }
    assert set(samples) == set(COMMANDS)
    before = _fingerprint(office)
    with WriterLock(office):
        with ThreadPoolExecutor(3) as pool:
            done = pool.map(lambda argv: run("--db", str(office), "--lang", "en", *argv), samples.values())
            results = dict(zip(samples, done, strict=True))
    for command, result in results.items():
        if COMMANDS[command] is Access.WRITER:
            assert result.returncode == 1 and "open for writing" in result.stderr, (command, result.stderr)
        else:  # a serial alone is on record but proves nothing: verify's exit 1, not a refusal
            assert result.returncode == (1 if command == "verify" else 0), (command, result.stderr)
            assert "open for writing" not in result.stderr
    assert _fingerprint(office) == before
    made = {p.name for p in out.iterdir()}
    assert made == {"formal.json", "sheet.pdf", "report.pdf", "badges.pdf", "directory.pdf", "people.xlsx",
                    "orgs.csv", "attendance.xlsx", "copy.sqlite", "package.zip", "agreements.xlsx",
                    "initiatives.csv", "meetings.xlsx", "actions.xlsx", "links.xlsx"}  # fmt: skip
