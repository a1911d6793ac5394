"""The partner network from the command line: what a script needs to record a programme's story
(agreement, initiative, follow-up meetings, action items), the lists, and `tashbeek network`."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from tests.clocks import DEFAULT_TIME, TEST_DAY
from tests.conftest import _start_clock
from tests.test_cli import run


def _ok(*args: str) -> subprocess.CompletedProcess[str]:
    result = run("--lang", "en", *args)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-network") / "x.sqlite"
    with pytest.MonkeyPatch.context() as patch:  # the tests' day, not the machine's (see test_cli_stats)
        _start_clock(dt.datetime.combine(TEST_DAY, DEFAULT_TIME), patch)
        _ok("--db", str(path), "demo")
    return path


def test_a_script_records_the_story_and_lists_it(story: Path, tmp_path: Path) -> None:
    db = ("--db", str(story))
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(b"%PDF-1.4\n%%EOF\n")
    added = json.loads(_ok(*db, "agreements", "add", "بروتوكول تجريبي", "--status", "signed", "--signed-on",
                           TEST_DAY.isoformat(), "--party", "1:1:رئيس مجلس الأمناء", "--party", "2",
                           "--document", str(signed), "--json").stdout)  # fmt: skip
    listed = json.loads(_ok(*db, "agreements", "--json").stdout)
    mine = next(a for a in listed if a["id"] == added["id"])
    assert mine["parties"][0]["signatory_title"] == "رئيس مجلس الأمناء" and mine["document"] == "signed.pdf"
    initiative = json.loads(_ok(*db, "initiatives", "add", "مبادرة تجريبية", "--lead", "1", "--partner", "4:الإعلام",
                                "--governorate", "01", "--json").stdout)["id"]  # fmt: skip
    assert any(i["id"] == initiative for i in json.loads(_ok(*db, "initiatives", "--json").stdout))
    meeting = json.loads(_ok(*db, "meetings", "add", "اجتماع تجريبي", "--date", TEST_DAY.isoformat(), "--start",
                             "10:00", "--invite-person", "1", "--json").stdout)["id"]  # fmt: skip
    rows = json.loads(_ok(*db, "meetings", "--json").stdout)
    assert next(m for m in rows if m["id"] == meeting)["invited"] == 1
    # The meeting's number works where a training's does: check-in and the grid.
    _ok(*db, "checkin", str(meeting), "هاني إبراهيم")
    grid = json.loads(_ok(*db, "attendance", str(meeting), "--json").stdout)
    assert [r["name"] for r in grid["rows"]] == ["هاني إبراهيم"]
    made = json.loads(_ok(*db, "meetings", "minutes", str(meeting), "--decisions", "- أولًا\n- ثانيًا", "--actions",
                          "--json").stdout)["actions"]  # fmt: skip
    assert len(made) == 2
    again = json.loads(_ok(*db, "meetings", "minutes", str(meeting), "--actions", "--json").stdout)["actions"]
    assert again == []  # a decision becomes an action item once
    late = json.loads(_ok(*db, "actions", "add", "متأخر", "--organization", "2", "--due", "2026-01-01",
                          "--json").stdout)["id"]  # fmt: skip
    assert late in [a["id"] for a in json.loads(_ok(*db, "actions", "--overdue", "--json").stdout)]
    done = json.loads(_ok(*db, "actions", "done", str(late), "--json").stdout)
    assert done["status"] == "done" and done["done_on"] == TEST_DAY.isoformat()
    assert late not in [a["id"] for a in json.loads(_ok(*db, "actions", "--overdue", "--json").stdout)]


def test_bad_input_names_the_field_and_writes_nothing(story: Path) -> None:
    db = ("--db", str(story))
    before = _ok(*db, "agreements", "--json").stdout
    one = run("--lang", "en", *db, "agreements", "add", "x", "--party", "1")
    assert one.returncode != 0 and "at least two" in one.stderr
    bad = run("--lang", "en", *db, "agreements", "add", "x", "--party", "abc", "--party", "2")
    assert bad.returncode != 0 and "--party" in bad.stderr
    assert _ok(*db, "agreements", "--json").stdout == before
    missing = run("--lang", "en", *db, "actions", "done", "99999")
    assert missing.returncode == 3 and "No action item" in missing.stderr


def test_network_json_and_pdf(story: Path, tmp_path: Path) -> None:
    db = ("--db", str(story))
    document = json.loads(_ok(*db, "network", "--json").stdout)
    assert set(document) == {"nodes", "edges", "new_links", "once", "most_connected", "quiet"}
    assert len(document["most_connected"]) <= 10
    one = json.loads(_ok(*db, "network", "--training", "1", "--json").stdout)
    assert {n["via"]["id"] for n in one["new_links"]} <= {1}
    out = tmp_path / "network.pdf"
    assert "1 pages" in _ok(*db, "network", "-o", str(out)).stdout or out.exists()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "شبكة الشراكات" in text
    refused = run("--lang", "en", *db, "network", "-o", str(out))
    assert refused.returncode != 0 and "--force" in refused.stderr
    wrong = run("--lang", "en", *db, "network", "-o", str(tmp_path / "network.png"))
    assert wrong.returncode != 0 and not (tmp_path / "network.png").exists()


@pytest.mark.parametrize("what", ["agreements", "initiatives", "meetings", "actions", "links"])
def test_network_records_export_to_excel(story: Path, tmp_path: Path, what: str) -> None:
    import openpyxl

    out = tmp_path / f"{what}.xlsx"
    _ok("--db", str(story), "export", what, str(out))
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) >= 2 and all(isinstance(h, str) and h for h in rows[0])
    assert sheet.sheet_view.rightToLeft
