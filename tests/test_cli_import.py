"""Command line for spreadsheets: import (exit 0 imported, 1 refused with the JSON report and nothing
written), --map, --report with the rejected rows, export by extension, duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.test_cli import run


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "x.sqlite"
    assert run("--db", str(path), "demo").returncode == 0
    return path


def test_import_refused_then_fixed(demo: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Mobile,X\nسعاد محمد,01012345678,1\nكريم علي,0101,2\n", encoding="utf-8")
    report_path = tmp_path / "rejected.xlsx"
    refused = run("--db", str(demo), "import", "people", str(bad), "--json", "--report", str(report_path))
    assert refused.returncode == 1
    report = json.loads(refused.stdout)
    assert report["written"] is False and report["created"] == 0
    assert report["problems"] == [{"row": 3, "column": "Mobile", "message": report["problems"][0]["message"]}]
    assert report["ignored_columns"] == ["X"]
    rejected = openpyxl.load_workbook(report_path).active
    assert [c.value for c in rejected[2]][:3] == [3, "كريم علي", "0101"]
    people_before = json.loads(run("--db", str(demo), "search", "سعاد", "--json").stdout)
    assert people_before == []
    ok = run("--db", str(demo), "import", "people", str(bad), "--skip-invalid", "--map", "X=ignore", "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["created"] == 1


def test_export_and_duplicates(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    result = run("--db", str(demo), "export", "people", str(out))
    assert result.returncode == 0 and str(out) in result.stdout
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM for Excel
    assert run("--db", str(demo), "export", "attendance", "1", str(tmp_path / "a.xlsx")).returncode == 0
    assert run("--db", str(demo), "export", "people", str(tmp_path / "p.pdf")).returncode == 1
    again = tmp_path / "again.csv"
    again.write_text("الاسم,الجهة\nهانى  ابراهيم,مركز التنمية الاقتصادية والاجتماعية\n", encoding="utf-8")
    imported = json.loads(run("--db", str(demo), "import", "people", str(again), "--json").stdout)
    assert imported["created"] == 1  # a name-only likeness is created (auto) and listed
    assert [d["existing_name"] for d in imported["possible_duplicates"]] == ["هاني إبراهيم"]
    pairs = json.loads(run("--db", str(demo), "duplicates", "--json").stdout)
    assert [({p["first"]["name"], p["second"]["name"]}, p["rules"]) for p in pairs] == [
        ({"هاني إبراهيم", "هانى ابراهيم"}, ["name_organization"])
    ]


def _participants(path: Path, with_names: bool) -> Path:
    """A CRM participant export: a status column, an event column, and (or not) the names."""
    header = "Contact ID,Participant Status,Event Title,Email" + (",First Name,Last Name" if with_names else ",Contact")
    lines = [header]
    for n in range(12):
        status = ("Registered", "Attended", "No-show")[n % 3]
        name = f",Person{n},Family{n}" if with_names else f",Person{n} Family{n}"
        lines.append(f"{100 + n},{status},Youth Workshop,p{n}@example.org{name}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_prints_the_mapping_and_the_ignored_columns_with_reasons(demo: Path, tmp_path: Path) -> None:
    path = _participants(tmp_path / "crm.csv", with_names=True)
    text = run("--db", str(demo), "--lang", "en", "import", "people", str(path), "--dry-run")
    assert text.returncode == 0, text.stderr
    assert "First Name → first_name" in text.stdout and "Email → email" in text.stdout
    ignored = text.stdout.split("Ignored columns:")[1]
    assert "Participant Status" in ignored and "Registered" in ignored and "Event Title" in ignored
    document = json.loads(run("--db", str(demo), "import", "people", str(path), "--json").stdout)
    columns = {c["column"]: c for c in document["columns"]}
    assert columns["Participant Status"]["field"] is None and columns["Participant Status"]["header_guess"] == "full_name"
    assert columns["Event Title"]["reason"] and document["ignored_columns"][:3] == ["Contact ID", "Participant Status", "Event Title"]
    assert document["created"] == 12 and document["refusal"] is None


def test_a_doubtful_name_column_is_refused_unless_map_settles_it(demo: Path, tmp_path: Path) -> None:
    path = _participants(tmp_path / "crm.csv", with_names=False)
    path.write_text(path.read_text("utf-8").replace("Participant Status", "Participant"), encoding="utf-8")
    refused = run("--db", str(demo), "import", "people", str(path))
    assert refused.returncode == 1
    assert "Participant" in refused.stdout and "Registered" in refused.stdout and "--map" in refused.stdout
    document = json.loads(run("--db", str(demo), "import", "people", str(path), "--json").stdout)
    assert document["refusal"]["column"] == "Participant" and document["written"] is False
    assert json.loads(run("--db", str(demo), "search", "Person3", "--json").stdout) == []
    settled = run("--db", str(demo), "import", "people", str(path), "--map", "Contact=full_name", "--json")
    assert settled.returncode == 0 and json.loads(settled.stdout)["created"] == 12
