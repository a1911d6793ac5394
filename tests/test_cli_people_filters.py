"""`tashbeek export people` with the People screen's filters: the same rule as the window
(services.listing.PersonFilter), to .csv and to a vCard contact list."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from desktop_app.db import Database
from tests.services.test_people_filters import PEOPLE, _parse_vcards, _unescape, scenario
from tests.test_cli import run

__all__ = ["scenario"]  # the fixture, shared with the service tests


def test_export_women_under_25_from_giza_who_took_part(
    db: Database, scenario: dict[str, int], tmp_path: Path
) -> None:
    filters = ["--gender", "female", "--age-band", "under_18", "--age-band", "18_24", "--governorate", "21",
               "--training", str(scenario["X"])]  # fmt: skip
    out = tmp_path / "women.csv"
    result = run("--db", db.url, "--lang", "en", "export", "people", *filters, str(out))
    assert result.returncode == 0, result.stderr
    assert "(4 rows)" in result.stdout
    with open(out, encoding="utf-8-sig", newline="") as f:
        names = {row[0] for row in list(csv.reader(f))[1:]}
    assert names == {PEOPLE[k][0] for k in ("yes_23", "yes_nid", "yes_24", "yes_17")}

    vcf = tmp_path / "women.vcf"
    result = run("--db", db.url, "--lang", "en", "export", "people", *filters, str(vcf))
    assert result.returncode == 0, result.stderr
    assert "3 contacts written. 1 left out: no consent to share contacts." in result.stdout
    cards = _parse_vcards(vcf.read_bytes())
    assert {_unescape(c["FN"][0][1]) for c in cards} == {PEOPLE[k][0] for k in ("yes_23", "yes_24", "yes_17")}

    consented = tmp_path / "consented.csv"
    assert (
        run(
            "--db", db.url, "export", "people", "--consented", "--org-kind", "union", str(consented)
        ).returncode
        == 0
    )
    with open(consented, encoding="utf-8-sig", newline="") as f:
        assert [row[0] for row in list(csv.reader(f))[1:]] == [PEOPLE["man"][0]]


def test_bad_filters_are_refused_before_writing(
    db: Database, scenario: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "x.csv"
    bad_band = run("--db", db.url, "--lang", "en", "export", "people", "--age-band", "20_30", str(out))
    assert bad_band.returncode != 0 and "18_24" in bad_band.stderr
    bad_governorate = run("--db", db.url, "--lang", "en", "export", "people", "--governorate", "99", str(out))
    assert bad_governorate.returncode != 0 and "99" in bad_governorate.stderr
    assert run("--db", db.url, "export", "people", "--gender", "other", str(out)).returncode != 0
    assert not out.exists()


def test_search_with_filters(db: Database, scenario: dict[str, int]) -> None:
    everyone = json.loads(run("--db", db.url, "search", "0101234", "--json", "--limit", "100").stdout)
    assert len(everyone) == len(PEOPLE)
    women = run("--db", db.url, "search", "0101234", "--json", "--gender", "female", "--age-band", "under_18",
                "--age-band", "18_24", "--governorate", "21", "--training", str(scenario["X"]))  # fmt: skip
    assert women.returncode == 0, women.stderr
    assert {h["name"] for h in json.loads(women.stdout)} == {
        PEOPLE[k][0] for k in ("yes_23", "yes_nid", "yes_24", "yes_17")
    }
    two = json.loads(
        run("--db", db.url, "search", "0101234", "--json", "--gender", "female", "--limit", "2").stdout
    )
    assert len(two) == 2
    archived = json.loads(run("--db", db.url, "search", "هالة", "--json", "--archived", "--consented").stdout)
    assert [h["name"] for h in archived] == [PEOPLE["archived"][0]]
    not_archived = json.loads(run("--db", db.url, "search", "هالة", "--json", "--consented").stdout)
    assert not_archived == []  # with a filter, archived people only with --archived (as on the People screen)
