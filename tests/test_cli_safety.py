"""Command line: backup and restore (with a passphrase file), venue packages (exit 0, repeat import
changes nothing), and the one-writer lock (writing commands wait their turn, reading ones don't)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.lock import WriterLock
from tests.test_cli import run


def test_backup_restore_and_packages(tmp_path: Path) -> None:
    office = tmp_path / "office.sqlite"
    assert run("--db", str(office), "demo").returncode == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة سر طويلة\n", encoding="utf-8")
    backup = run(
        "--db", str(office), "backup", "-o", str(tmp_path / "b.tshbak"), "--passphrase-file", str(secret)
    )
    assert backup.returncode == 0 and "b.tshbak" in backup.stdout
    restored = tmp_path / "restored.sqlite"
    assert run("--db", str(restored), "restore", str(tmp_path / "b.tshbak")).returncode == 1  # no passphrase
    ok = run("--db", str(restored), "restore", str(tmp_path / "b.tshbak"), "--passphrase-file", str(secret))
    assert ok.returncode == 0, ok.stderr
    assert "هاني إبراهيم" in run("--db", str(restored), "search", "هاني", "--json").stdout
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all")
    refused = run("--db", str(restored), "--lang", "en", "restore", str(junk))
    assert refused.returncode == 1 and "not a Tashbeek database" in refused.stderr

    package = tmp_path / "venue.zip"
    assert run("--db", str(office), "package", "export", "1", "-o", str(package)).returncode == 0
    laptop = tmp_path / "laptop.sqlite"
    first = run("--db", str(laptop), "package", "import", str(package), "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert set(summary) >= {"added", "updated", "unchanged", "conflicts", "conflict_list", "reissued_codes"}
    assert summary["added"] > 0
    trainings = json.loads(run("--db", str(laptop), "trainings", "--json").stdout)
    assert len(trainings) == 1
    again = json.loads(run("--db", str(laptop), "package", "import", str(package), "--json").stdout)
    assert (again["added"], again["updated"]) == (0, 0)


def test_writing_commands_respect_the_lock(tmp_path: Path) -> None:
    office = tmp_path / "office.sqlite"
    assert run("--db", str(office), "demo").returncode == 0
    with WriterLock(office):
        busy = run("--db", str(office), "--lang", "en", "checkin", "1", "هاني إبراهيم")
        assert busy.returncode == 1 and "open for writing" in busy.stderr
        assert run("--db", str(office), "search", "هاني").returncode == 0  # reading needs no lock
    assert run("--db", str(office), "enroll", "1", "1").returncode == 0
    assert not office.with_name("office.sqlite.lock").exists()
