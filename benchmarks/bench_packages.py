"""Venue packages at their limits: the memory it takes to refuse a 1 GB "zip bomb" (a data.json or a
people.jsonl of spaces, about 1 MB zipped), and the time and memory to check and merge a package with
the most people and attendance marks a package may hold (50,000 and 500,000 by default), and the
memory to check and merge the largest version-1 package (one data.json) the cap on its size allows.

Each measurement runs in a fresh process and reports its peak resident memory (Linux's VmHWM) and
what the process used before the package was opened, and for the bombs Python's own peak allocation
(tracemalloc).

Run: python benchmarks/bench_packages.py [PEOPLE] [SESSIONS]
     python benchmarks/bench_packages.py v1 [SESSIONS]   (the version-1 package only, three times)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._data import FAMILY, FEMALE, MALE, phone_for  # noqa: E402
from desktop_app.services.packages import V1_MAX_DATA_BYTES  # noqa: E402
from desktop_app.text.checkin_code import luhn_digit  # noqa: E402

MB = 1 << 20

# Measures one step in a process of its own: {"seconds", "rss_mb", "traced_mb", "outcome"}.
_MEASURE = """
import json, sys, time, tracemalloc
from pathlib import Path
from desktop_app.db import open_database
from desktop_app.errors import DataError
from desktop_app.services.packages import read_package
from desktop_app.services.sync import import_into_new_database, import_package

from desktop_app import i18n

i18n.set_language("en")
step, package, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
trace = sys.argv[4] == "trace"
def status(field):
    # VmHWM is this program's peak resident memory; unlike ru_maxrss it does not count the parent's
    # memory this process had between fork and exec.
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))  # KB

before = status("VmRSS")
if trace:
    tracemalloc.start()
start, cpu = time.perf_counter(), time.process_time()
try:
    checked = read_package(package)
    outcome = "accepted"
    if step == "import" and not target.exists():
        result = import_into_new_database(target, checked)
        outcome = f"added {result.added:,}"
    elif step == "import":
        db = open_database(target)
        result = import_package(db, checked)
        db.dispose()
        outcome = f"added {result.added:,}, updated {result.updated:,}, unchanged {result.unchanged:,}"
except DataError as error:
    outcome = "refused: " + error.message.splitlines()[0]
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
traced = tracemalloc.get_traced_memory()[1] if trace else 0
after = status("VmHWM")
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": (after - before) / 1024, "base_mb": before / 1024,
                  "peak_mb": after / 1024, "traced_mb": traced / 2**20, "outcome": outcome}))
"""


def measure(step: str, package: Path, target: Path, trace: bool = True) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, step, str(package), str(target), "trace" if trace else "plain"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    ).stdout  # fmt: skip
    result: dict[str, object] = json.loads(out)
    return result


def bomb(path: Path, version: int, size_mb: int = 1024) -> Path:
    """A package whose one big member is `size_mb` MB of spaces."""
    manifest = {
        "format_version": version, "created_at": "2026-11-29T08:00:00+00:00", "synced_at": None,
        "source_installation": "BOMB1", "training_uid": str(uuid.uuid4()), "training_title": "x",
        "data_sha256": "0" * 64, "members": {},
    }  # fmt: skip
    big = "data.json" if version == 1 else "people.jsonl"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if version == 2:
            for table in ("organizations", "aliases", "training", "co_organizers", "sessions", "enrollments",
                          "attendance", "certificates", "signatories", "settings"):  # fmt: skip
                manifest["members"][f"{table}.jsonl"] = {"sha256": "0" * 64, "size": 0, "records": 0}
                archive.writestr(f"{table}.jsonl", b"")
            manifest["members"][big] = {"sha256": "0" * 64, "size": size_mb * MB, "records": 10}
        archive.writestr("manifest.json", json.dumps(manifest))
        with archive.open(big, "w", force_zip64=True) as member:
            chunk = b" " * MB
            for _ in range(size_mb):
                member.write(chunk)
    return path


def _tables(people: int, sessions: int, later: bool) -> dict[str, list[dict[str, object]]]:
    """The records of a valid package of the training with `people` people (each enrolled) and a mark
    for every session, as lists of rows by table. The records' uids are the same from one call to the
    next; `later` makes every mark "late", recorded an hour later (a second package of the training)."""
    rng = random.Random(5)
    uuid4 = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))  # noqa: E731
    now = "2026-11-29T08:00:00+00:00"
    marked = "2026-11-29T09:00:00+00:00" if later else now
    start = dt.date(2026, 11, 20)
    orgs: list[dict[str, object]] = [
        {"uid": uuid4(), "name_ar": f"جمعية التنمية رقم {n}", "kind": "association",
         "created_at": now, "updated_at": now, "bases": {}} for n in range(200)
    ]  # fmt: skip
    training = {"uid": uuid4(), "title_ar": "برنامج بناء التحالفات", "start_date": start.isoformat(),
                "end_date": (start + dt.timedelta(days=sessions - 1)).isoformat(), "status": "running",
                "certificate_min_share": 0.8, "working_group_count": 0, "created_at": now, "updated_at": now}  # fmt: skip
    days: list[dict[str, object]] = [
        {"uid": uuid4(), "date": (start + dt.timedelta(days=d)).isoformat(), "cancelled": False,
         "created_at": now, "updated_at": now} for d in range(sessions)
    ]  # fmt: skip
    tables: dict[str, list[dict[str, object]]] = {
        "organizations": orgs, "people": [], "enrollments": [], "attendance": [], "training": [training],
        "sessions": days, "settings": [{"settings": {"document_digits": "western"}, "logo": None}],
        "aliases": [], "co_organizers": [], "certificates": [], "signatories": [],
    }  # fmt: skip
    for i in range(people):
        person_uid, enrollment_uid = uuid4(), uuid4()
        name = f"{(MALE + FEMALE)[i % 60]} {MALE[(i // 7) % len(MALE)]} {FAMILY[(i // 11) % len(FAMILY)]}"
        tables["people"].append({
            "uid": person_uid, "full_name": name, "phone": phone_for(i + 1), "organization_uid": orgs[i % 200]["uid"],
            "consent_share_contact": False, "archived": False, "created_at": now, "updated_at": now, "bases": {},
        })  # fmt: skip
        payload = f"{i:07d}"
        tables["enrollments"].append({
            "uid": enrollment_uid, "person_uid": person_uid, "checkin_code": payload + luhn_digit(payload),
            "role": "participant", "status": "registered", "organization_uid": orgs[i % 200]["uid"],
            "created_at": now, "updated_at": now,
        })  # fmt: skip
        for day in days:
            tables["attendance"].append({
                "uid": uuid4(), "enrollment_uid": enrollment_uid, "session_uid": day["uid"],
                "status": "late" if later else "present", "recorded_at": marked, "method": "scan", "operator": "مريم", "machine": "venue-1",
                "created_at": now, "updated_at": now,
            })  # fmt: skip
    return tables


def large_package(path: Path, people: int, sessions: int, *, later: bool = False) -> int:
    """A valid version-2 package with `people` people (each enrolled) and a mark for every session;
    returns its uncompressed size in bytes (see `_tables`)."""
    tables = _tables(people, sessions, later)
    dump = lambda row: json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n"  # noqa: E731
    members = {name: b"".join(dump(row) for row in rows) for name, rows in tables.items()}
    training = tables["training"][0]
    manifest = {
        "format_version": 2, "created_at": "2026-11-29T08:00:00+00:00", "synced_at": None,
        "source_installation": "BENCH", "training_uid": training["uid"], "training_title": training["title_ar"],
        "members": {f"{name}.jsonl": {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                                      "records": data.count(b"\n")} for name, data in members.items()},
    }  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(f"{name}.jsonl", data)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    return sum(len(data) for data in members.values())


def _v1_payload(people: int, sessions: int) -> bytes:
    """data.json as the previous release wrote it (one object, keys sorted, no bases)."""
    tables = _tables(people, sessions, False)
    for row in (*tables["people"], *tables["organizations"]):
        row.pop("bases")
    settings = tables.pop("settings")[0]
    data: dict[str, object] = {**tables, "training": tables["training"][0], **settings}
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def v1_package(path: Path, limit: int, sessions: int) -> tuple[int, int]:
    """The largest valid version-1 package whose data.json fits in `limit` bytes (as many people as
    fit, each with a mark for every session); returns (people, data.json's size in bytes)."""
    per_person = len(_v1_payload(2000, sessions)) / 2000
    people = int(limit / per_person)
    payload = _v1_payload(people, sessions)
    while len(payload) > limit:  # the estimate ignores the fixed part: step down until it fits
        people -= max(1, (len(payload) - limit) // int(per_person) + 1)
        payload = _v1_payload(people, sessions)
    training = json.loads(payload)["training"]
    manifest = {
        "format_version": 1, "created_at": "2026-11-29T08:00:00+00:00", "synced_at": None,
        "source_installation": "BENCH", "training_uid": training["uid"], "training_title": training["title_ar"],
        "data_sha256": hashlib.sha256(payload).hexdigest(),
    }  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        archive.writestr("data.json", payload)
    return people, len(payload)


def bombs(work: Path) -> None:
    for version in (1, 2):
        started = time.perf_counter()
        path = bomb(work / f"bomb{version}.zip", version)
        built = time.perf_counter() - started
        got = measure("read", path, work / "none.sqlite")
        print(f"1 GB bomb, format {version} ({path.stat().st_size / MB:.1f} MB zipped, built in {built:.0f} s): "
              f"{got['outcome']} in {got['seconds']:.3f} s; peak resident {got['peak_mb']:.0f} MB "
              f"({got['base_mb']:.0f} MB before opening it), {got['traced_mb']:.1f} MB allocated by Python")  # fmt: skip


def version_one(work: Path, sessions: int, repeats: int) -> None:
    """The largest version-1 package the cap allows, checked and then merged, each `repeats` times in
    fresh processes: peak resident memory over what the process held before, per byte of data.json."""
    path = work / "v1.zip"
    people, size = v1_package(path, V1_MAX_DATA_BYTES, sessions)
    print(f"largest version-1 package the {V1_MAX_DATA_BYTES // MB} MB cap allows: {people:,} people, "
          f"{people * sessions:,} attendance marks; data.json {size / MB:.1f} MB, "
          f"{path.stat().st_size / MB:.1f} MB zipped")  # fmt: skip
    for step in ("read", "import"):
        for _ in range(repeats):
            target = work / "v1.sqlite"
            target.unlink(missing_ok=True)
            got = measure(step, path, target, trace=False)
            what = {"read": "check", "import": "check + merge into a new database"}[step]
            print(f"  {what}: {got['outcome']} in {got['seconds']:.1f} s ({got['cpu']:.1f} s CPU); peak resident "
                  f"{got['peak_mb']:.0f} MB ({got['base_mb']:.0f} MB before opening it: +{got['rss_mb']:.0f} MB, "
                  f"{got['rss_mb'] / (size / MB):.2f}× data.json's size)")  # fmt: skip


def largest(work: Path, people: int, sessions: int) -> None:
    path = work / "large.zip"
    size = large_package(path, people, sessions)
    print(f"package: {people:,} people, {people * sessions:,} attendance marks; "
          f"{size / MB:.0f} MB of records, {path.stat().st_size / MB:.0f} MB zipped")  # fmt: skip
    again = work / "again.zip"
    large_package(again, people, sessions, later=True)
    for step, package in (("read", path), ("import", path), ("import", again)):
        got = measure(step, package, work / "laptop.sqlite", trace=False)
        if package is again:
            step = "again"
        what = {"read": "check", "import": "check + merge into a new database",
                "again": "a second package into it (every record there, every mark later)"}[step]  # fmt: skip
        print(f"  {what}: {got['outcome']} in "
              f"{got['seconds']:.1f} s ({got['cpu']:.1f} s CPU); peak resident {got['peak_mb']:.0f} MB ({got['base_mb']:.0f} MB before "
              f"opening it: +{got['rss_mb']:.0f} MB, {got['rss_mb'] / (size / MB):.2f}× the records' size)")  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="tashbeek-bench-packages-") as tmp:
        work = Path(tmp)
        if sys.argv[1:2] == ["v1"]:
            version_one(work, int(sys.argv[2]) if len(sys.argv) > 2 else 10, repeats=3)
            return
        people = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
        sessions = int(sys.argv[2]) if len(sys.argv) > 2 else 10
        bombs(work)
        version_one(work, sessions, repeats=1)
        largest(work, people, sessions)


if __name__ == "__main__":
    main()
