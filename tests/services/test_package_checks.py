"""Hostile or edited packages: every record is held to the forms' rules and refused whole with each
record and field named; the limits (member size, compression ratio, people, attendance marks) are
checked before the data is read, with memory to match; version 1 still imports, a newer version
is refused by name."""

from __future__ import annotations

import hashlib
import json
import random
import tracemalloc
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.db import Database, open_database
from desktop_app.errors import DataError
from desktop_app.models import Person, Training
from desktop_app.services import packages
from desktop_app.services.demo import load_demo
from desktop_app.services.packages import PackageRefused, export_package, read_package
from desktop_app.services.sync import import_package
from desktop_app.text.checkin_code import luhn_digit
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


def _grown_v1(exported: Path, tmp_path: Path, people: int) -> tuple[Path, int, dict[str, Any]]:
    """A valid version-1 package of the demo training with `people` more people, each enrolled and
    marked at every session (the shape of a real one: many small records); returns the file, the
    size of its data.json and the data written."""
    manifest, data = read_data(exported)
    rng = random.Random(7)
    uid = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))  # noqa: E731
    first, family = ["محمد", "أحمد", "مريم", "فاطمة", "يوسف", "سلمى"], ["النجار", "درويش", "شنودة", "المصري"]
    now = "2026-11-29T08:00:00+00:00"
    for i in range(people):
        person_uid, enrollment_uid, payload = uid(), uid(), f"9{i:06d}"
        data["people"].append({"uid": person_uid, "full_name": f"{first[i % 6]} {first[i // 6 % 6]} {family[i % 4]}",
                               "consent_share_contact": False, "archived": False, "created_at": now,
                               "updated_at": now})  # fmt: skip
        data["enrollments"].append({"uid": enrollment_uid, "person_uid": person_uid, "role": "participant",
                                    "checkin_code": payload + luhn_digit(payload), "status": "registered",
                                    "created_at": now, "updated_at": now})  # fmt: skip
        for training_session in data["sessions"]:
            data["attendance"].append({"uid": uid(), "enrollment_uid": enrollment_uid, "status": "present",
                                       "session_uid": training_session["uid"], "recorded_at": now,
                                       "method": "scan", "created_at": now, "updated_at": now})  # fmt: skip
    path = write_v1(tmp_path / "grown.zip", manifest, data)
    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo("data.json").file_size
    return path, size, data


def test_a_version_one_package_is_read_one_record_at_a_time(exported: Path, tmp_path: Path) -> None:
    """Checking a version-1 package takes memory well under 4× its data.json (parsing it whole took
    about 6×): its records are streamed from the zip, table by table, as they are checked and merged."""
    path, size, data = _grown_v1(exported, tmp_path, 3_600)
    assert size > 4 << 20
    tracemalloc.start()
    try:
        package = read_package(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * size, f"{peak / size:.2f}× data.json"
    assert peak < 2 * size, f"{peak / size:.2f}× data.json"  # streamed: far below the bound
    # Read again on demand (as the merge does), every record as it was written.
    assert [row["uid"] for row in package.records("people")] == [row["uid"] for row in data["people"]]
    assert sum(1 for _row in package.records("attendance")) == len(data["attendance"])
    assert next(iter(package.records("training")))["uid"] == data["training"]["uid"]
    assert next(iter(package.records("settings"))) == {"settings": data["settings"], "logo": data["logo"]}
    laptop = open_database(tmp_path / "laptop.sqlite", create=True)
    import_package(laptop, package)
    assert _count(laptop, Person) == len(data["people"])


def _v1_with_payload(path: Path, manifest: dict[str, Any], payload: bytes) -> Path:
    """A version-1 package whose data.json is `payload` as it is (with the checksum to match)."""
    head = {k: v for k, v in manifest.items() if k != "members"}
    head.update(format_version=1, data_sha256=hashlib.sha256(payload).hexdigest())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(head, ensure_ascii=False))
        archive.writestr("data.json", payload)
    return path


def test_a_version_one_package_that_is_not_what_the_previous_release_wrote_is_refused(
    exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest, data = read_data(exported)
    good = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    # Objects within objects, 5,000 deep, with keys that do not compress (to pass the ratio limit).
    deep = "".join(f'{{"{uuid.uuid4().hex}": ' for _n in range(5_000)).encode() + b"1" + b"}" * 5_000
    not_a_package = {
        "cut short": good[:-100],
        "trailing data": good + b' {"more": 1}',
        "not an object": b"[1, 2, 3]",
        "a table that is not a list": json.dumps({**data, "people": {"a": 1}}).encode(),
        "a table that is null": json.dumps({**data, "attendance": None}).encode(),
        "absurdly deep": b'{"people": [' + deep + b"]}",
        "an absurdly deep training": b'{"training": ' + deep + b"}",
        "a key twice": good[:-1] + b', "people": []}',
        "a dotted key": json.dumps({"people.item": data["people"][0], **data}).encode(),
        "not UTF-8": good.replace(b'"people"', b'"people\xff"', 1),
    }
    for what, payload in not_a_package.items():
        path = _v1_with_payload(tmp_path / "bad.zip", manifest, payload)
        with pytest.raises(DataError, match="not a Tashbeek package") as refused:
            read_package(path)
        assert not isinstance(refused.value, PackageRefused), what
    damaged = write_v1(tmp_path / "damaged.zip", manifest, data)
    with zipfile.ZipFile(damaged) as archive:
        head = json.loads(archive.read("manifest.json"))
    head["data_sha256"] = "0" * 64
    with zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(head))
        archive.writestr("data.json", good)
    with pytest.raises(DataError, match="checksum does not match"):
        read_package(damaged)
    # More records of a table than its limit: refused by name, before any record is checked.
    organization = data["organizations"][0]["uid"]
    many = {**data, "co_organizers": [{"organization_uid": organization, "position": 0, "uid": str(uuid.uuid4())}
                                      for _n in range(101)]}  # fmt: skip
    with pytest.raises(DataError, match="101 records of co_organizers, more than the limit of 100"):
        read_package(write_v1(tmp_path / "many.zip", manifest, many))
    # One record longer than a record may be (as a line of a version-2 package).
    # data.json is fed to the parser in chunks, and a record is measured to within one chunk.
    monkeypatch.setattr(packages, "MAX_RECORD_BYTES", 24 << 10)
    monkeypatch.setattr(packages, "V1_CHUNK_BYTES", 1024)
    read_package(write_v1(tmp_path / "short.zip", manifest, data))  # the demo's logo (20 KB) fits
    data["people"][0]["notes"] = "ن" * 20_000  # 40,000 bytes in UTF-8
    with pytest.raises(DataError, match="A record in data.json is longer than"):
        read_package(write_v1(tmp_path / "long.zip", manifest, data))


@pytest.mark.parametrize("version", [1, 2])
def test_a_lone_surrogate_is_refused_naming_the_record_and_field(
    exported: Path, tmp_path: Path, version: int
) -> None:
    """JSON may spell half of a UTF-16 pair ("\\ud800"): no text the database could store. It is a named
    problem like any other, never a crash in the merge (format 2 crashed with UnicodeEncodeError)."""
    manifest, data = read_data(exported)
    data["people"][0]["full_name"] = "سارة \ud800 علي"
    data["people"][2]["job_title"] = "\udfff"
    writer = write_v1 if version == 1 else write_v2
    bad = writer(tmp_path / f"surrogate{version}.zip", manifest, data)
    laptop = open_database(tmp_path / "laptop.sqlite", create=True)
    if version == 1:  # the previous release never wrote one: its data.json is refused as not a package
        with pytest.raises(DataError):
            import_package(laptop, read_package(bad))
    else:
        with pytest.raises(PackageRefused) as refused:
            import_package(laptop, read_package(bad))
        named = {(p.table, p.number, p.field) for p in refused.value.problems}
        assert {("people", 1, "full_name"), ("people", 3, "job_title")} <= named
        refused.value.message.encode("utf-8")  # the message itself can be printed
    assert _count(laptop, Person) == 0
