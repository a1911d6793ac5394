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
    assert isinstance(trainings, list) and len(trainings) == 1
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
