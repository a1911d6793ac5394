"""Command line for documents: certificates (one file and --split), verify (exit 0 genuine, 1 revoked or a serial alone,
3 unknown), revoke, sheet, report, badges, directory; each prints what it wrote."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from tests.pdf import pdftools
from tests.test_cli import run

pytestmark = pytest.mark.skipif(not pdftools.have_poppler(), reason="needs poppler-utils")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-documents") / "x.sqlite"
    assert run("--db", str(path), "demo").returncode == 0
    trainings = json.loads(run("--db", str(path), "trainings", "--json").stdout)
    day = trainings[0]["sessions"][0]["date"]
    # Two people check in on the first day; the hand-picked certificate below goes to one of them.
    assert run("--db", str(path), "checkin", "1", "هاني إبراهيم", "--session", day).returncode == 0
    return path


def _code(db: Path, serial: str) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT verification_code FROM certificate WHERE serial = ?", (serial,)
        ).fetchone()[0]


def test_certificates_verify_and_revoke(demo: Path, tmp_path: Path) -> None:
    grid = json.loads(run("--db", str(demo), "attendance", "1", "--json").stdout)
    person = next(r for r in grid["rows"] if r["name"] == "هاني إبراهيم")["person_id"]
    out, split = tmp_path / "c.pdf", tmp_path / "split"
    # The demo programme's last session (today's) has not ended at noon: issuing now needs --before-end.
    early = run(
        "--db", str(demo), "--lang", "en", "certificates", "1", "-o", str(out), "--person", str(person)
    )
    assert early.returncode == 1 and "--before-end" in early.stderr and not out.exists()
    result = run("--db", str(demo), "--lang", "en", "certificates", "1", "-o", str(out), "--split", str(split),
                 "--person", str(person), "--before-end")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Issued 1 new certificate." in result.stdout
    assert str(out) in result.stdout and out.exists()
    assert [p.name for p in split.iterdir()] == [
        re.search(r"هاني إبراهيم - \S+\.pdf", result.stdout).group(0)
    ]  # type: ignore[union-attr]
    assert "هاني إبراهيم" in pdftools.poppler_lines(out)
    serial = re.search(r"(TSH-\d{4}-\w+-\d{4})", result.stdout).group(1)  # type: ignore[union-attr]
    # A serial alone is on record but proves nothing (exit 1); the code or the QR text confirms.
    on_record = run("--db", str(demo), "verify", serial, "--json")
    assert on_record.returncode == 1 and json.loads(on_record.stdout)["status"] == "on_record"
    code = _code(demo, serial)
    genuine = run("--db", str(demo), "verify", f"TSHBK1:{serial}:{code}", "--json")
    assert genuine.returncode == 0 and json.loads(genuine.stdout)["name"] == "هاني إبراهيم"
    assert json.loads(genuine.stdout)["status"] == "genuine"
    assert run("--db", str(demo), "verify", code).returncode == 0
    assert run("--db", str(demo), "verify", "ZZZZ-ZZZZ-ZZZZ-ZZZZ").returncode == 3
    assert run("--db", str(demo), "revoke", serial, "--reason", "خطأ في الاسم").returncode == 0
    revoked = run("--db", str(demo), "--lang", "en", "verify", serial)
    assert revoked.returncode == 1 and "خطأ في الاسم" in revoked.stdout
    # The next batch does not silently re-issue it; --reissue does, linked to the revoked one.
    again = run("--db", str(demo), "--lang", "en", "certificates", "1", "-o", str(out), "--person", str(person),
                "--before-end", "--force")  # fmt: skip
    assert again.returncode == 1 and "was revoked" in again.stderr and "--reissue" in again.stderr
    replaced = run("--db", str(demo), "--lang", "en", "certificates", "1", "-o", str(out), "--reissue", str(person),
                   "--before-end", "--force")  # fmt: skip
    assert replaced.returncode == 0, replaced.stderr
    new = re.search(r"Issued (TSH-\d{4}-\w+-\d{4}) to replace", replaced.stdout).group(1)  # type: ignore[union-attr]
    shown = run("--db", str(demo), "--lang", "en", "verify", f"TSHBK1:{new}:{_code(demo, new)}")
    assert shown.returncode == 0 and f"Replaces the revoked certificate {serial}" in shown.stdout
    missing_output = run("--db", str(demo), "certificates", "1")
    assert missing_output.returncode == 2


def test_certificates_for_someone_not_enrolled_name_the_id(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    result = run("--db", str(demo), "--lang", "en", "certificates", "1", "-o", str(out), "--person", "987654",
                 "--before-end")  # fmt: skip
    assert result.returncode == 3 and "987654" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("command", "extra"),
    [("sheet", ["--blank-rows", "5", "--phone"]), ("report", []), ("badges", []), ("directory", [])],
)
def test_documents_print_what_they_wrote(demo: Path, tmp_path: Path, command: str, extra: list[str]) -> None:
    trainings = json.loads(run("--db", str(demo), "trainings", "--json").stdout)
    out = tmp_path / f"{command}.pdf"
    args = ["--db", str(demo), command, "1", "-o", str(out), *extra]
    if command == "sheet":
        args += ["--session", trainings[0]["sessions"][1]["date"]]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and out.stat().st_size > 1000
    assert trainings[0]["title"] in " ".join(pdftools.poppler_lines(out, 1))
