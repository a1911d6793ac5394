"""Everything a user can get wrong on the command line, command by command: a missing or damaged
database, a folder where a file should be, a missing input, an output in a missing folder or already
there, a read-only file or database, a full disk, impossible ids, a pasted page as a search. Each case
gets one sentence saying what is wrong, the exit code the README documents, and nothing written; never
"An unexpected error happened".

The commands run in this process (so a full disk or a read-only file can be injected: CI runs as
root, where permission bits stop nothing); a few also run as real processes, to hold the whole path.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app import cli

UNEXPECTED = ("unexpected", "Traceback")
NEW_PERSON = "58"  # a person the demo template adds without enrolling
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with everyone present at every session (so certificates have someone to print)."""
    from desktop_app.db import open_database
    from desktop_app.models import AttendanceStatus
    from desktop_app.services.attendance import attendance_grid, set_status
    from desktop_app.services.demo import load_demo
    from desktop_app.services.registry import PersonData, create_person

    path = tmp_path_factory.mktemp("hostile") / "demo.sqlite"
    db = open_database(path, create=True)
    load_demo(db)
    grid = attendance_grid(db, 1)
    for row in grid.rows:
        for session_id, _day in grid.sessions:
            if row.name != "هاني إبراهيم":  # he checks in during the tests
                set_status(db, row.enrollment_id, session_id, AttendanceStatus.PRESENT)
    assert create_person(db, PersonData("شخص غير مسجل في التدريب", phone="01055556666")) == int(NEW_PERSON)
    db.dispose()
    with sqlite3.connect(path) as conn:  # everything into the main file, so a copy of it is whole
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite"
    shutil.copy(demo_template, path)
    return path


def fingerprint(path: Path) -> str:
    """The database's content (every table), or the file's bytes when SQLite cannot read it."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1")]
            rows = [(t, conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()) for t in tables]  # noqa: S608
        return hashlib.sha256(repr(rows).encode()).hexdigest()
    except sqlite3.DatabaseError:
        return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path, table: str) -> None:
    """Overwrite every page of `table` with garbage: the file still opens as SQLite."""
    with sqlite3.connect(path) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [n for (n,) in conn.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,))]
    data = bytearray(path.read_bytes())
    for page in pages:
        start = size * (page - 1)
        data[start : start + size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def files_in(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(result: tuple[int, str, str], code: int, *words: str) -> None:
    exit_code, out, err = result
    message = err or out
    assert exit_code == code, (exit_code, out, err)
    assert not any(u in message for u in UNEXPECTED), message
    for word in words:
        assert word.lower() in message.lower(), (word, message)
    assert len([line for line in message.splitlines() if line.strip()]) <= 2, message  # a sentence, not a dump


# ---------------------------------------------------------------- the commands and what they take

# {db} is the database, {out} an output file (its folder is {dir}), {csv} a valid people file.
READERS = [
    ("search", ["search", "هاني"]),
    ("trainings", ["trainings"]),
    ("attendance", ["attendance", "1"]),
    ("sheet", ["sheet", "1", "-o", "{out}.pdf"]),
    ("report", ["report", "1", "-o", "{out}.pdf"]),
    ("badges", ["badges", "1", "-o", "{out}.pdf"]),
    ("directory", ["directory", "1", "-o", "{out}.pdf"]),
    ("export people", ["export", "people", "{out}.xlsx"]),
    ("export organizations", ["export", "organizations", "{out}.csv"]),
    ("export attendance", ["export", "attendance", "1", "{out}.xlsx"]),
    ("duplicates", ["duplicates"]),
    ("backup", ["backup", "-o", "{out}.sqlite"]),
    ("package export", ["package", "export", "1", "-o", "{out}.zip"]),
    ("verify", ["verify", "TSH-2026-XXXXX-0001"]),
    ("import dry run", ["import", "people", "{csv}", "--dry-run"]),
]
WRITERS = [
    ("enroll", ["enroll", "1", NEW_PERSON]),
    ("checkin", ["checkin", "1", "هاني إبراهيم"]),
    ("certificates", ["certificates", "1", "-o", "{out}.pdf", "--before-end"]),
    ("import", ["import", "people", "{csv}"]),
    ("revoke", ["revoke", "TSH-2026-XXXXX-0001", "--reason", "خطأ"]),
    ("db upgrade", ["db", "upgrade"]),
]
OUTPUTS = [(name, argv) for name, argv in READERS + WRITERS if any("{out}" in a for a in argv)]
WITH_IDS = [(name, argv) for name, argv in READERS + WRITERS if "1" in argv]


def fill(argv: list[str], tmp_path: Path, out_dir: Path | None = None) -> list[str]:
    csv = tmp_path / "people.csv"
    if not csv.exists():
        csv.write_text("الاسم,الموبايل\nسمير عادل,01011112222\n", encoding="utf-8")
    out = (out_dir or tmp_path) / "result"
    return [a.replace("{out}", str(out)).replace("{csv}", str(csv)) for a in argv]


# ---------------------------------------------------------------- the database itself


@pytest.mark.parametrize(("name", "argv"), READERS + WRITERS, ids=[n for n, _a in READERS + WRITERS])
def test_missing_database_is_exit_3_and_never_created(
    name: str, argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "absent.sqlite"
    result = run(capsys, "--db", str(path), *fill(argv, tmp_path))
    assert_refused(result, 3, "No database", "db init")
    assert not path.exists()
    assert not list(tmp_path.glob("result*"))


@pytest.mark.parametrize(("name", "argv"), READERS + WRITERS, ids=[n for n, _a in READERS + WRITERS])
def test_damaged_database_is_refused_and_left_as_it_is(
    name: str, argv: list[str], demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(demo, "person")
    before = fingerprint(demo)
    result = run(capsys, "--db", str(demo), *fill(argv, tmp_path))
    if name in ("trainings", "verify") and result[0] in (0, 3):
        pass  # a look-up that never reads the damaged pages may still answer: that is fine
    else:
        assert_refused(result, 1, "damaged")
    assert fingerprint(demo) == before
    assert not list(tmp_path.glob("result*"))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"this is a text file, not a database\n" * 100)
    before = junk.read_bytes()
    for argv in (["search", "x"], ["checkin", "1", "x"], ["db", "upgrade"]):
        assert_refused(run(capsys, "--db", str(junk), *argv), 1)
    assert junk.read_bytes() == before


@pytest.mark.parametrize("argv", [["search", "x"], ["import", "people", "{csv}", "--dry-run"], ["db", "check"]])
def test_reading_never_writes_a_schema_into_an_empty_file(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    assert_refused(run(capsys, "--db", str(empty), *fill(argv, tmp_path)), 1, "empty")
    assert empty.stat().st_size == 0


def test_a_folder_given_as_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_refused(run(capsys, "--db", str(tmp_path), "search", "x"), 1, "folder")
    assert_refused(run(capsys, "--db", str(tmp_path), "checkin", "1", "x"), 1, "folder")


@pytest.mark.parametrize(("name", "argv"), WRITERS, ids=[n for n, _a in WRITERS])
def test_read_only_database_refuses_writers_with_a_sentence(
    name: str, argv: list[str], demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A database SQLite may not write (simulated: CI runs as root, where file modes stop nothing)."""
    from desktop_app import db as dbmodule

    original = dbmodule._set_sqlite_pragmas

    def read_only(connection: sqlite3.Connection, record: object) -> None:
        original(connection, record)
        connection.execute("PRAGMA query_only=ON")

    monkeypatch.setattr(dbmodule, "_set_sqlite_pragmas", read_only)
    before = fingerprint(demo)
    result = run(capsys, "--db", str(demo), *fill(argv, tmp_path))
    if name == "db upgrade":  # already current: nothing to write, nothing refused
        assert result[0] == 0
    elif name == "revoke":  # the serial does not exist: found out before any write
        assert_refused(result, 3)
    else:
        assert_refused(result, 1, "cannot be written")
    assert fingerprint(demo) == before


@pytest.mark.skipif(AS_ROOT, reason="permission bits do not stop root; the simulated case above runs instead")
def test_read_only_database_file_for_real(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo.chmod(0o400)
    tmp_path.chmod(0o500)  # no journal or lock file can be made beside it either
    try:
        result = run(capsys, "--db", str(demo), "checkin", "1", "هاني إبراهيم")
        assert result[0] in (1, 3) and not any(u in result[2] for u in UNEXPECTED)
    finally:
        tmp_path.chmod(0o700)
        demo.chmod(0o600)


def test_full_database_disk_is_a_sentence(demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's "database or disk is full", made real by capping the file at its current size."""
    from desktop_app import db as dbmodule

    original = dbmodule._set_sqlite_pragmas

    def capped(connection: sqlite3.Connection, record: object) -> None:
        original(connection, record)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(dbmodule, "_set_sqlite_pragmas", capped)
    monkeypatch.setattr(dbmodule, "BUSY_TIMEOUT_MS", 100)
    csv = demo.with_name("many.csv")
    csv.write_text("الاسم,الموبايل\n" + "".join(f"شخص رقم {n} من القائمة,010{n:08d}\n" for n in range(3000)), encoding="utf-8")
    before = fingerprint(demo)
    assert_refused(run(capsys, "--db", str(demo), "import", "people", str(csv)), 1, "full")
    assert fingerprint(demo) == before


# ---------------------------------------------------------------- inputs


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "people", "{missing}.csv"],
        ["import", "people", "{missing}.xlsx"],
        ["import", "organizations", "{missing}.csv", "--dry-run"],
        ["restore", "{missing}.sqlite"],
        ["package", "import", "{missing}.zip"],
        ["backup", "-o", "{out}.tshbak", "--passphrase-file", "{missing}.txt"],
    ],
    ids=["import csv", "import xlsx", "import dry run", "restore", "package import", "passphrase file"],
)
def test_a_missing_input_file_is_exit_3(
    argv: list[str], demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nowhere" / "file")
    args = [a.replace("{missing}", missing).replace("{out}", str(tmp_path / "result")) for a in argv]
    before = fingerprint(demo)
    assert_refused(run(capsys, "--db", str(demo), *args), 3, "does not exist", "nowhere")
    assert fingerprint(demo) == before
    assert not list(tmp_path.glob("result*"))


@pytest.mark.parametrize(
    "argv",
    [["import", "people", "{dir}"], ["restore", "{dir}"], ["package", "import", "{dir}"],
     ["backup", "-o", "{out}.tshbak", "--passphrase-file", "{dir}"]],
    ids=["import", "restore", "package import", "passphrase file"],
)  # fmt: skip
def test_a_folder_where_an_input_file_should_be(
    argv: list[str], demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a folder.csv"
    folder.mkdir()
    args = [a.replace("{dir}", str(folder)).replace("{out}", str(tmp_path / "result")) for a in argv]
    before = fingerprint(demo)
    assert_refused(run(capsys, "--db", str(demo), *args), 1, "folder")
    assert fingerprint(demo) == before


# ---------------------------------------------------------------- outputs


@pytest.mark.parametrize(("name", "argv"), OUTPUTS, ids=[n for n, _a in OUTPUTS])
def test_output_in_a_missing_folder_is_exit_3(
    name: str, argv: list[str], demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(demo)
    result = run(capsys, "--db", str(demo), *fill(argv, tmp_path, tmp_path / "no such folder"))
    assert_refused(result, 3, "no such folder", "does not exist")
    assert fingerprint(demo) == before
    assert not (tmp_path / "no such folder").exists()


@pytest.mark.parametrize(("name", "argv"), OUTPUTS, ids=[n for n, _a in OUTPUTS])
def test_an_existing_output_is_never_replaced_without_force(
    name: str, argv: list[str], demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = fill(argv, tmp_path)
    target = next(Path(a) for a in args if "result" in a)
    target.write_bytes(b"someone's own file")
    before = fingerprint(demo)
    assert_refused(run(capsys, "--db", str(demo), *args), 1, "already exists", "--force")
    assert target.read_bytes() == b"someone's own file"
    assert fingerprint(demo) == before
    code, _out, err = run(capsys, "--db", str(demo), *args, "--force")
    assert code == 0, err
    assert target.read_bytes() != b"someone's own file"
    assert target.stat().st_mode & 0o077 == 0  # personal data: the owner's alone


@pytest.mark.parametrize(("name", "argv"), OUTPUTS, ids=[n for n, _a in OUTPUTS])
def test_a_folder_given_as_the_output(
    name: str, argv: list[str], demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = fill(argv, tmp_path)
    target = next(Path(a) for a in args if "result" in a)
    target.mkdir()
    assert_refused(run(capsys, "--db", str(demo), *args, "--force"), 1, "folder")


def _failing(error_number: int) -> Callable[..., None]:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(error_number, os.strerror(error_number))

    return fail


@pytest.mark.parametrize(("name", "argv"), OUTPUTS, ids=[n for n, _a in OUTPUTS])
@pytest.mark.parametrize(
    ("error_number", "words"), [(errno.ENOSPC, "disk is full"), (errno.EACCES, "not allowed"), (errno.EROFS, "cannot be written")],
    ids=["full disk", "no permission", "read-only disk"],
)  # fmt: skip
def test_a_write_that_fails_leaves_nothing_behind(
    name: str, argv: list[str], error_number: int, words: str, demo: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file system refuses the final write (simulated at the flush to the disk, where a full
    USB stick really says so): one sentence, and neither the file nor a half-written part of it."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    args = fill(argv, tmp_path, out_dir)
    before_db = fingerprint(demo)
    monkeypatch.setattr("desktop_app.files.os.fsync", _failing(error_number))
    result = run(capsys, "--db", str(demo), *args)
    assert_refused(result, 1, words)
    assert files_in(out_dir) == set()
    if name != "certificates":  # issuing is one transaction and the printing another: see the README
        assert fingerprint(demo) == before_db


@pytest.mark.skipif(AS_ROOT, reason="permission bits do not stop root; the simulated case above runs instead")
def test_a_read_only_output_folder_for_real(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        assert_refused(run(capsys, "--db", str(demo), "report", "1", "-o", str(locked / "r.pdf")), 1, "not allowed")
    finally:
        locked.chmod(0o700)


# ---------------------------------------------------------------- ids and text


@pytest.mark.parametrize(("name", "argv"), WITH_IDS, ids=[n for n, _a in WITH_IDS])
@pytest.mark.parametrize("bad", ["12345678901234567890123", "-3", "0", "abc"])
def test_impossible_ids_are_usage_errors(
    name: str, argv: list[str], bad: str, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = fill(argv, tmp_path)
    position = args.index("1")
    args[position] = bad
    before = fingerprint(demo)
    code, _out, err = run(capsys, "--db", str(demo), *args)
    assert code == 2 and "record number" in err and not any(u in err for u in UNEXPECTED), err
    assert fingerprint(demo) == before


@pytest.mark.parametrize("argv", [["search", "{text}"], ["checkin", "1", "{text}"]])
def test_a_pasted_page_as_a_query(argv: list[str], demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "محمد " * 20_000  # 100 kB
    before = fingerprint(demo)
    assert_refused(run(capsys, "--db", str(demo), *[a.replace("{text}", text) for a in argv]), 1, "too long")
    assert fingerprint(demo) == before


def test_an_unknown_training_is_exit_3(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["attendance", "999"], ["checkin", "999", "x"], ["report", "999", "-o", str(tmp_path / "r.pdf")]):
        assert_refused(run(capsys, "--db", str(demo), *argv), 3)


# ---------------------------------------------------------------- JSON


def test_errors_come_as_json_when_asked(tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--db", str(tmp_path / "absent.sqlite"), "search", "x", "--json")
    assert code == 3
    assert json.loads(out) == {"error": {"code": 3, "message": json.loads(out)["error"]["message"]}}
    assert "No database" in json.loads(out)["error"]["message"]
    code, out, _err = run(capsys, "--db", str(demo), "search", "x" * 300, "--json")
    assert code == 1 and json.loads(out)["error"]["code"] == 1
    code, out, _err = run(capsys, "--db", str(demo), "import", "people", str(tmp_path / "gone.csv"), "--json")
    assert code == 3 and "gone.csv" in json.loads(out)["error"]["message"]


# ---------------------------------------------------------------- databases from the command line


def test_db_init_creates_an_empty_database_and_refuses_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.sqlite"
    code, out, err = run(capsys, "--db", str(path), "db", "init")
    assert code == 0 and path.exists(), err
    assert path.stat().st_mode & 0o077 == 0
    assert run(capsys, "--db", str(path), "db", "check")[0] == 0
    assert run(capsys, "--db", str(path), "trainings", "--json")[1].strip() == "[]"
    before = path.read_bytes()
    assert_refused(run(capsys, "--db", str(path), "db", "init"), 1, "already exists")
    assert path.read_bytes() == before


def test_writing_into_a_damaged_database_is_refused_before_any_write(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`checkin` on a damaged file used to answer exit 0 and write into it."""
    with sqlite3.connect(demo) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='person'").fetchone()[0]
    data = bytearray(demo.read_bytes())
    page = 4096 * (root - 1)
    data[page + 8 : page + 4096] = b"\x00" * (4096 - 8)  # the person table's root page emptied
    demo.write_bytes(bytes(data))
    assert pages > root
    before = fingerprint(demo)
    assert_refused(run(capsys, "--db", str(demo), "checkin", "1", "12345670"), 1, "damaged")
    assert fingerprint(demo) == before
