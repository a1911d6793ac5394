"""`tashbeek stats` and `tashbeek projects`: the JSON document's shape, the donor report in three formats,
the people behind a figure, projects with targets, and every failure as one sentence with the README's
exit code (outputs never replaced without --force)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.clocks import DEFAULT_TIME, TEST_DAY
from tests.conftest import _start_clock
from tests.test_cli import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A module's fixture runs before each test's clock is set: the demo and its check-ins are made
    # on the tests' day, not the machine's (after midnight the two differ).
    with pytest.MonkeyPatch.context() as patch:
        _start_clock(dt.datetime.combine(TEST_DAY, DEFAULT_TIME), patch)
        path = tmp_path_factory.mktemp("cli-stats") / "x.sqlite"
        assert run("--db", str(path), "demo").returncode == 0
        trainings = json.loads(run("--db", str(path), "trainings", "--json").stdout)
        today = trainings[0]["sessions"][0]["date"]
        grid = json.loads(run("--db", str(path), "attendance", "1", "--json").stdout)
        other = next(
            r["code"] for r in grid["rows"] if r["name"] != "هاني إبراهيم" and r["role"] == "participant"
        )
        for query in ("هاني إبراهيم", other):  # by name, then by check-in code
            result = run("--db", str(path), "checkin", "1", query, "--session", today)
            assert result.returncode == 0, result.stderr
        return path


def test_json_document_has_the_documented_shape(demo: Path) -> None:
    result = run("--db", str(demo), "stats", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["period"] == {"from": None, "to": None}
    assert isinstance(doc["rules"], str) and doc["rules"]
    people = doc["people"]
    for key in ("reached", "completed", "first_time", "returning"):
        assert isinstance(people[key], int)
    assert set(people["by_gender"]) == {"male", "female", "unknown"}
    assert list(people["by_age_band"]) == ["under_18", "18_24", "25_34", "35_49", "50_plus", "unknown"]
    for key in ("by_governorate", "by_organization_kind", "by_role"):
        assert sum(people[key].values()) == people["reached"]
    assert set(doc["organizations"]) >= {"reached", "new", "returning"}
    for key in ("trainings", "sessions"):
        assert isinstance(doc[key], int)
    assert isinstance(doc["person_hours"], int | float)
    for key in ("attendance_rate", "completion_rate"):
        assert doc[key] is None or 0 <= doc[key] <= 1
    # the demo: the programme (yesterday and today), the smaller one a year before (one day) and its
    # follow-up meeting, counted as a meeting
    assert doc["trainings"] == 2 and doc["meetings"] == 1 and doc["sessions"] == 4
    programme = json.loads(run("--db", str(demo), "stats", "--training", "1", "--json").stdout)
    assert programme["people"]["reached"] == 2 and programme["sessions"] == 2


def test_the_same_period_three_ways(demo: Path) -> None:
    day = json.loads(run("--db", str(demo), "trainings", "--json").stdout)[0]["sessions"][0]["date"]
    year = day[:4]
    by_period = json.loads(run("--db", str(demo), "stats", "--period", year, "--json").stdout)
    by_dates = json.loads(run("--db", str(demo), "stats", "--from", f"{year}-01-01", "--to", f"{year}-12-31",
                              "--json").stdout)  # fmt: skip
    by_training = json.loads(run("--db", str(demo), "stats", "--training", "1", "--json").stdout)
    assert by_period["people"] == by_dates["people"] == by_training["people"]
    assert by_period["period"] == {"from": f"{year}-01-01", "to": f"{year}-12-31"}


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx", ".csv"])
def test_donor_report_files_and_force(demo: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"report{suffix}"
    result = run("--db", str(demo), "--lang", "en", "stats", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and out.stat().st_size > 0
    before = out.read_bytes()
    again = run("--db", str(demo), "--lang", "en", "stats", "-o", str(out))
    assert again.returncode == 1 and "--force" in again.stderr and len(again.stderr.strip().splitlines()) == 1
    assert out.read_bytes() == before
    assert run("--db", str(demo), "stats", "-o", str(out), "--force").returncode == 0


def test_age_bands_for_one_report(demo: Path) -> None:
    doc = json.loads(run("--db", str(demo), "stats", "--age-bands", "١٥،٣٠", "--json").stdout)
    assert list(doc["people"]["by_age_band"]) == ["under_15", "15_29", "30_plus", "unknown"]
    assert doc["filter"]["age_bounds"] == [15, 30]


def test_people_behind_a_figure(demo: Path, tmp_path: Path) -> None:
    listed = run("--db", str(demo), "stats", "--list", "reached", "--training", "1", "--json")
    assert listed.returncode == 0
    people = json.loads(listed.stdout)
    assert len(people) == 2 and "هاني إبراهيم" in {p["name"] for p in people}
    men = json.loads(
        run("--db", str(demo), "stats", "--list", "reached", "--where", "gender=male", "--json").stdout
    )
    assert all(p["gender"] == "male" for p in men)
    out = tmp_path / "people.csv"
    assert run("--db", str(demo), "stats", "--list", "reached", "--training", "1", "-o", str(out)).returncode == 0
    assert len(out.read_text("utf-8-sig").splitlines()) == 3  # header and two people


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["stats", "--training", "999"], 3, "999"),
        (["stats", "--project", "42"], 3, "42"),
        (["stats", "--from", "2026-02-30"], 2, "2026-02-30"),
        (["stats", "--period", "2026-Q7"], 2, "2026-Q7"),
        (["stats", "--age-bands", "30,20"], 2, "18, 25, 35, 50"),
        (["stats", "--from", "2026-05-01", "--to", "2026-01-01"], 1, "period"),
        (["stats", "--period", "2026", "--from", "2026-01-01"], 1, "--period"),
        (["stats", "--governorate", "99"], 1, "99"),
        (["stats", "--where", "gender=female"], 1, "--list"),
        (["stats", "--list", "reached", "--where", "mood=happy"], 1, ""),
        (["stats", "-o", "report.docx"], 1, ".pdf"),
        (["projects", "target", "1", "happiness", "--period", "2026", "--target", "3"], 2, "happiness"),
    ],
)  # fmt: skip
def test_failures_are_one_sentence_with_the_documented_code(
    demo: Path, tmp_path: Path, args: list[str], code: int, words: str
) -> None:
    result = run("--db", str(demo), "--lang", "en", *args)
    assert result.returncode == code, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "report.docx").exists()


def test_missing_database_is_exit_3_and_nothing_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    assert run("--db", str(missing), "stats").returncode == 3
    assert not missing.exists()


def test_projects_add_target_list_and_the_report_shows_targets(demo: Path, tmp_path: Path) -> None:
    added = run("--db", str(demo), "projects", "add", "منحة التشبيك", "--donor", "EEA Grants", "--code",
                "EEA-2026-014", "--training", "1", "--json")  # fmt: skip
    assert added.returncode == 0, added.stderr
    project = json.loads(added.stdout)["id"]
    day = json.loads(run("--db", str(demo), "trainings", "--json").stdout)[0]["sessions"][0]["date"]
    target = run("--db", str(demo), "projects", "target", str(project), "people_reached", "--period", day[:4],
                 "--target", "40", "--baseline", "0")  # fmt: skip
    assert target.returncode == 0, target.stderr
    rate = run("--db", str(demo), "projects", "target", str(project), "attendance_rate", "--period", day[:4],
               "--target", "٨٠٪")  # fmt: skip
    assert rate.returncode == 0, rate.stderr
    listed = json.loads(run("--db", str(demo), "projects", "list", "--json").stdout)
    mine = next(p for p in listed if p["id"] == project)
    assert mine["trainings"] == [1] and {t["indicator"] for t in mine["targets"]} == {
        "people_reached",
        "attendance_rate",
    }
    doc = json.loads(run("--db", str(demo), "stats", "--project", str(project), "--json").stdout)
    assert doc["project"]["name"] == "منحة التشبيك"
    reached = next(t for t in doc["targets"] if t["indicator"] == "people_reached")
    assert reached["actual"] == doc["people"]["reached"] and reached["reached"] == pytest.approx(
        reached["actual"] / 40
    )
    assert next(t for t in doc["targets"] if t["indicator"] == "attendance_rate")["target"] == pytest.approx(
        0.8
    )
    refused = run("--db", str(demo), "--lang", "en", "projects", "target", str(project), "attendance_rate",
                  "--period", day[:4], "--target", "150%")  # fmt: skip
    assert refused.returncode == 1 and "0 to 100%" in refused.stderr
