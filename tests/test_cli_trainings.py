"""Command line for trainings: list, enrol, check in (exit codes 0/3/4), attendance JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-trainings") / "x.sqlite"
    assert run("--db", str(path), "demo").returncode == 0
    return path


def cli_json(*args: str) -> object:
    result = run(*args, "--json")
    assert result.returncode in (0, 3, 4), result.stderr
    return json.loads(result.stdout)


def test_trainings_json(demo: Path) -> None:
    trainings = cli_json("--db", str(demo), "trainings")
    # the programme and the smaller one a year before; the demo's meetings are listed by `meetings`
    assert isinstance(trainings, list) and len(trainings) == 2 and trainings[0]["id"] == 1
    t = trainings[0]
    assert {"id", "uid", "title", "start", "end", "venue", "sessions", "enrolled"} <= set(t)
    assert t["enrolled"] == 57 and len(t["sessions"]) == 2
    assert t["sessions"][0]["date"] == t["start"]


def test_checkin_flow_and_attendance(demo: Path) -> None:
    trainings = cli_json("--db", str(demo), "trainings")
    tid = str(trainings[0]["id"])
    day = trainings[0]["start"]
    first = cli_json("--db", str(demo), "checkin", tid, "هانى ابراهيم", "--session", day)
    assert first["result"] == "checked_in" and first["person"]["name"] == "هاني إبراهيم"
    assert first["session"]["date"] == day
    code = first["person"]["code"]
    assert isinstance(code, str) and len(code) == 8
    again = run("--db", str(demo), "checkin", tid, code, "--session", day, "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["result"] == "already"
    missing = run("--db", str(demo), "checkin", tid, "لا أحد بهذا الاسم", "--session", day)
    assert missing.returncode == 3
    several = run("--db", str(demo), "checkin", tid, "محمد", "--session", day, "--json")
    assert several.returncode == 4 and len(json.loads(several.stdout)["matches"]) >= 2
    grid = cli_json("--db", str(demo), "attendance", tid)
    assert [s["date"] for s in grid["sessions"]][0] == day
    hany = next(r for r in grid["rows"] if r["name"] == "هاني إبراهيم")
    assert hany["role"] == "trainer" and hany["eligible"] is False and hany["share"] == 0.5
    assert all(isinstance(r["eligible"], bool) and isinstance(r["code"], str) for r in grid["rows"])
    assert set(hany["statuses"].values()) <= {"present", "late", "absent", "excused"}


def test_enroll_twice_is_reported(demo: Path) -> None:
    tid = str(cli_json("--db", str(demo), "trainings")[0]["id"])
    people = cli_json("--db", str(demo), "search", "هاني")
    made = cli_json("--db", str(demo), "enroll", tid, str(people[0]["id"]))
    assert made[0]["already"] is True and len(made[0]["code"]) == 8
    assert run("--db", str(demo), "enroll", "999", "1").returncode == 3
    assert run("--db", str(demo), "attendance", "999").returncode == 3


def test_part_of_a_name_is_a_choice_as_in_the_window(tmp_path: Path) -> None:
    """`checkin 1 "أحمد"` used to check in the only أحمد enrolled where the window would ask: now a
    choice (exit 4) listing the check-in codes, nothing written; the code then checks that one in."""
    path = tmp_path / "demo.sqlite"
    assert run("--db", str(path), "demo").returncode == 0
    ask = run("--db", str(path), "--lang", "en", "checkin", "1", "أحمد")
    assert ask.returncode == 4 and "check-in code" in ask.stdout
    codes = [line.split("\t")[0].strip() for line in ask.stdout.splitlines() if line.startswith("  ")]
    assert codes and all(len(c) == 8 and c.isdigit() for c in codes)
    grid = cli_json("--db", str(path), "attendance", "1")
    assert all(v == "absent" for r in grid["rows"] for v in r["statuses"].values())  # nothing written
    done = run("--db", str(path), "checkin", "1", codes[0], "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["result"] == "checked_in"
    assert json.loads(done.stdout)["present"] >= 1


def test_tomorrow_cannot_be_checked_in_yet(tmp_path: Path) -> None:
    """The demo's second day is today and its first was yesterday; a training starting today has a
    second day that has not come: no check-in there (exit 1, "not_yet" in JSON)."""
    path = tmp_path / "demo.sqlite"
    assert run("--db", str(path), "demo").returncode == 0
    t = cli_json("--db", str(path), "trainings")[0]
    assert t["status"] == "running" and len(t["sessions"]) == 2
    yesterday, today = (s["date"] for s in t["sessions"])
    assert run("--db", str(path), "checkin", "1", "هاني إبراهيم").returncode == 0  # today by default
    assert run("--db", str(path), "checkin", "1", "هاني إبراهيم", "--session", yesterday).returncode == 0
    from desktop_app.db import open_database
    from desktop_app.services.trainings import SessionData, add_session

    db = open_database(path)
    import datetime as dt

    future = add_session(db, 1, SessionData(dt.date.fromisoformat(today) + dt.timedelta(days=1), "09:30", "16:00", "غدًا"))
    db.dispose()
    early = run("--db", str(path), "checkin", "1", "هاني إبراهيم", "--session", str(future), "--json")
    assert early.returncode == 1 and json.loads(early.stdout)["result"] == "not_yet"
