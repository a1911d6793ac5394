"""Hostile or edited packages: every record is held to the forms' rules and refused whole with each
record and field named; the limits (member size, compression ratio, people, attendance marks) are
checked before the data is read, with memory to match; version 1 still imports, a newer version
is refused by name."""

from __future__ import annotations

import json
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.db import Database, open_database
from desktop_app.errors import DataError
from desktop_app.models import Person, Training
from desktop_app.services import packages
from desktop_app.services.demo import load_demo
from desktop_app.services.packages import PackageRefused, export_package, read_package
from desktop_app.services.sync import import_package
from tests.clocks import TEST_DAY
from tests.services.package_files import read_data, write_v1, write_v2

# 2,000,018 characters that do not compress (random letters), so only the record check can refuse them.
HOSTILE_NAME = (
    "".join(random.Random(12).choices("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ", k=2_000_000))
    + "\u202e\u200f\x00"
    + "ب" * 15
)


@pytest.fixture
def office(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "office.sqlite", create=True)
    load_demo(db, TEST_DAY)
    return db


@pytest.fixture
def exported(office: Database, tmp_path: Path) -> Path:
    path = tmp_path / "venue.zip"
    export_package(office, 1, path)
    return path


def _count(db: Database, model: type) -> int:
    with db.session_scope() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize("version", [1, 2])
def test_invalid_records_refuse_the_whole_package_naming_each_record_and_field(
    exported: Path, tmp_path: Path, version: int
) -> None:
    manifest, data = read_data(exported)
    person = data["people"][0]
    person.update(
        full_name=HOSTILE_NAME, phone="'; DROP TABLE person; --", email="not-an-email", national_id="123"
    )
    data["people"][3]["gender"] = "robot"
    data["enrollments"][2]["checkin_code"] = data["enrollments"][1]["checkin_code"]  # held once here
    data["attendance"].append({"uid": "0" * 8 + "-0000-4000-8000-" + "0" * 12, "enrollment_uid": "no-such-enrolment",
                               "session_uid": data["sessions"][0]["uid"], "status": "present",
                               "recorded_at": "2026-11-29T08:00:00+00:00", "method": "scan"})  # fmt: skip
    writer = write_v1 if version == 1 else write_v2
    bad = writer(tmp_path / f"bad{version}.zip", manifest, data)
    laptop = open_database(tmp_path / "laptop.sqlite", create=True)
    with pytest.raises(PackageRefused) as refused:
        import_package(laptop, read_package(bad))
    named = {(p.table, p.number, p.field) for p in refused.value.problems}
    assert {("people", 1, "full_name"), ("people", 1, "phone"), ("people", 1, "email"),
            ("people", 1, "national_id"), ("people", 4, "gender")} <= named  # fmt: skip
    assert ("attendance", len(data["attendance"]), "enrollment_uid") in named
    assert ("enrollments", 3, "checkin_code") in named
    message = refused.value.message
    assert "person 1" in message and "phone" in message and "national_id" in message
    assert "\x00" not in message and "\u202e" not in message and len(message) < 10_000
    assert _count(laptop, Person) == 0 and _count(laptop, Training) == 0  # nothing written


def test_a_member_bigger_than_the_limit_is_refused_before_it_is_read(exported: Path, tmp_path: Path) -> None:
    """A data.json of 300 MB of spaces (a few hundred KB zipped) costs next to nothing to refuse."""
    manifest, _data = read_data(exported)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "manifest.json", json.dumps({**manifest, "format_version": 1, "data_sha256": "0" * 64})
        )
        with archive.open("data.json", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    assert bomb.stat().st_size < 2 << 20
    tracemalloc.start()
    try:
        with pytest.raises(DataError, match="256 MB") as refused:
            read_package(bomb)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "before its data was read" in refused.value.message
    assert peak < 16 << 20, peak


def test_a_member_compressed_more_than_a_hundred_to_one_is_refused(exported: Path, tmp_path: Path) -> None:
    manifest, data = read_data(exported)
    data["people"][0]["notes"] = "ن" * 9_000  # a valid note, but the member now compresses far too well
    padded = write_v2(tmp_path / "padded.zip", manifest, data)
    read_package(padded)  # a note like that is fine on its own
    packed = tmp_path / "packed.zip"
    with zipfile.ZipFile(padded) as source, zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("extra.bin", b"\x00" * (8 << 20))
    with pytest.raises(DataError, match="100:1"):
        read_package(packed)


def test_more_people_or_marks_than_the_limits_are_refused_before_reading(
    exported: Path, tmp_path: Path
) -> None:
    manifest, data = read_data(exported)
    many_people = write_v2(tmp_path / "people.zip", manifest, data, counts={"people": 50_001})
    with pytest.raises(DataError, match="50,001 people, more than the limit of 50,000") as refused:
        read_package(many_people)
    assert "before its data was read" in refused.value.message
    many_marks = write_v2(tmp_path / "marks.zip", manifest, data, counts={"attendance": 500_001})
    with pytest.raises(DataError, match="500,001 attendance marks, more than the limit of 500,000"):
        read_package(many_marks)
    # A manifest that states fewer records than the member holds is caught while reading it.
    fewer = write_v2(tmp_path / "fewer.zip", manifest, data, counts={"people": 2})
    with pytest.raises(DataError, match="manifest states 2 records of people"):
        read_package(fewer)


def test_a_record_longer_than_the_limit_is_refused(
    exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packages, "MAX_RECORD_BYTES", 4096)
    manifest, data = read_data(exported)
    data["people"][0]["notes"] = "ن" * 3_000  # 6,000 bytes in UTF-8
    with pytest.raises(DataError, match="longer than"):
        read_package(write_v2(tmp_path / "long.zip", manifest, data))


def test_version_one_still_imports_and_a_newer_version_is_refused_by_name(
    office: Database, exported: Path, tmp_path: Path
) -> None:
    manifest, data = read_data(exported)
    old = write_v1(tmp_path / "v1.zip", manifest, data)
    laptop = open_database(tmp_path / "laptop.sqlite", create=True)
    result = import_package(laptop, read_package(old))
    assert result.added > 0 and _count(laptop, Person) == len(data["people"])
    newer = write_v2(tmp_path / "v3.zip", manifest, data, version=3)
    with pytest.raises(DataError, match="made by a newer Tashbeek"):
        read_package(newer)
