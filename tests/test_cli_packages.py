"""Venue packages from the command line: the edits a venue makes (`people update`) reach the office,
an edit on both sides is listed by `package conflicts` and settled by `package conflicts resolve`,
and a refused import into a new database leaves no file behind."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.services.package_files import read_data, write_v1
from tests.test_cli import run


def _person(db: Path, name: str) -> dict:
    return json.loads(run("--db", str(db), "search", name, "--json").stdout)[0]


def test_people_update_uses_the_forms_rules(tmp_path: Path) -> None:
    office = tmp_path / "office.sqlite"
    assert run("--db", str(office), "demo").returncode == 0
    hany = _person(office, "هاني إبراهيم")
    done = run("--db", str(office), "--lang", "en", "people", "update", str(hany["id"]), "--phone", "0101 111 2222",
               "--latin-name", "Hany M. Ibrahim", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["phone"] == "+201011112222"
    assert _person(office, "هاني إبراهيم")["latin_name"] == "Hany M. Ibrahim"
    with sqlite3.connect(office) as conn:
        changes = [
            json.loads(r[0]) for r in conn.execute("SELECT changes FROM audit_entry WHERE action = 'update'")
        ]
    assert {
        "phone": ["+201001234567", "+201011112222"],
        "latin_name": ["Hany Ibrahim", "Hany M. Ibrahim"],
    } in changes
    bad = run(
        "--db", str(office), "--lang", "en", "people", "update", str(hany["id"]), "--national-id", "123"
    )
    assert bad.returncode == 1 and "--national-id" in bad.stderr and "14 digits" in bad.stderr
    assert run("--db", str(office), "people", "update", "99999", "--phone", "01000000000").returncode == 3
    assert run("--db", str(office), "people", "update", str(hany["id"])).returncode == 2  # nothing to change


def test_venue_edits_conflicts_and_their_resolution(tmp_path: Path) -> None:
    office, laptop = tmp_path / "office.sqlite", tmp_path / "laptop.sqlite"
    assert run("--db", str(office), "demo").returncode == 0
    assert run("--db", str(office), "package", "export", "1", "-o", str(tmp_path / "out.zip")).returncode == 0
    assert run("--db", str(laptop), "package", "import", str(tmp_path / "out.zip")).returncode == 0
    at_office, at_venue = _person(office, "هاني إبراهيم")["id"], _person(laptop, "هاني إبراهيم")["id"]
    assert (
        run(
            "--db", str(office), "people", "update", str(at_office), "--email", "hany@office.example.org"
        ).returncode
        == 0
    )
    changed = run("--db", str(laptop), "people", "update", str(at_venue), "--email", "hany@venue.example.org",
                  "--phone", "01011112222")  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    assert (
        run("--db", str(laptop), "package", "export", "1", "-o", str(tmp_path / "back.zip")).returncode == 0
    )
    merged = run("--db", str(office), "package", "import", str(tmp_path / "back.zip"), "--json")
    assert merged.returncode == 0, merged.stderr
    summary = json.loads(merged.stdout)
    assert (summary["people_updated"], summary["fields_updated"], summary["conflicts"]) == (1, 1, 1)
    assert _person(office, "هاني إبراهيم")["phone"] == "+201011112222"  # the venue's correction arrived
    conflicts = run("--db", str(office), "package", "conflicts", "--json")
    listed = json.loads(conflicts.stdout)
    assert isinstance(listed, list), conflicts.stdout + conflicts.stderr
    assert [(c["field"], c["office"], c["venue"]) for c in listed] == [
        ("email", "hany@office.example.org", "hany@venue.example.org")
    ]
    plain = run("--db", str(office), "--lang", "en", "package", "conflicts")
    assert "hany@venue.example.org" in plain.stdout and "resolve ID --keep office|venue" in plain.stdout
    settled = run("--db", str(office), "--lang", "en", "package", "conflicts", "resolve", str(listed[0]["id"]),
                  "--keep", "venue")  # fmt: skip
    assert settled.returncode == 0, settled.stderr
    assert json.loads(run("--db", str(office), "package", "conflicts", "--json").stdout) == []
    with sqlite3.connect(office) as conn:
        assert conn.execute("SELECT email FROM person WHERE id = ?", (at_office,)).fetchone() == (
            "hany@venue.example.org",
        )
    again = run(
        "--db", str(office), "package", "conflicts", "resolve", str(listed[0]["id"]), "--keep", "office"
    )
    assert again.returncode == 1
    assert (
        run("--db", str(office), "package", "conflicts", "resolve", "999", "--keep", "office").returncode == 3
    )


def test_a_refused_import_into_a_new_database_leaves_no_file(tmp_path: Path) -> None:
    office = tmp_path / "office.sqlite"
    assert run("--db", str(office), "demo").returncode == 0
    assert run("--db", str(office), "package", "export", "1", "-o", str(tmp_path / "out.zip")).returncode == 0
    manifest, data = read_data(tmp_path / "out.zip")
    data["people"][0]["gender"] = "robot"
    data["people"][1]["phone"] = "'; DROP TABLE person; --"
    bad = write_v1(tmp_path / "bad.zip", manifest, data)
    folder = tmp_path / "venue"
    folder.mkdir()
    refused = run("--db", str(folder / "laptop.sqlite"), "--lang", "en", "package", "import", str(bad))
    assert refused.returncode == 1
    assert "person 1" in refused.stderr and "gender" in refused.stderr and "person 2" in refused.stderr
    assert list(folder.iterdir()) == []
