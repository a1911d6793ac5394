"""The one-writer lock under pressure: several processes take it in a loop for several seconds and
each, while holding it, creates a marker file with O_EXCL; a second holder at the same moment finds
the marker there (an overlap). Zero overlaps, and enough rounds to have proved something."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.lock import LockedError, WriterLock

PROCESSES = 4
SECONDS = 4.0

# One worker: loop acquire → O_EXCL marker → remove → release until the deadline; print counts.
_WORKER = """
import json, os, sys, time
from pathlib import Path
from desktop_app.lock import LockedError, WriterLock

database, marker, deadline = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
held = overlaps = refused = 0
while time.time() < deadline:
    lock = WriterLock(database)
    try:
        lock.acquire()
    except LockedError:
        refused += 1
        continue
    try:
        held += 1
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            overlaps += 1
        else:
            os.close(fd)
            os.unlink(marker)
    finally:
        lock.release()
print(json.dumps({"held": held, "overlaps": overlaps, "refused": refused}))
"""


def hammer(database: Path, processes: int = PROCESSES, seconds: float = SECONDS) -> list[dict[str, int]]:
    """Run the workers against one database's lock; their counts."""
    marker = database.with_name("inside.marker")
    start_at = time.time() + 1.0  # every worker is loaded before the race begins
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"import time; time.sleep(max(0, {start_at} - time.time()))\n" + _WORKER,
                str(database),
                str(marker),
                str(start_at + seconds),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    results = []
    for child in children:
        out, _err = child.communicate(timeout=seconds + 60)
        assert child.returncode == 0
        results.append(json.loads(out))
    return results


@pytest.mark.skipif(sys.platform == "win32", reason="the POSIX lock; Windows locks a byte range")
def test_several_processes_never_hold_the_lock_together(tmp_path: Path) -> None:
    database = tmp_path / "office.sqlite"
    results = hammer(database)
    assert sum(r["overlaps"] for r in results) == 0, results
    # It proved something: every worker held the lock many times and was often refused.
    assert all(r["held"] >= 20 for r in results), results
    assert sum(r["refused"] for r in results) >= 20, results


def test_who_holds_the_lock_is_told_and_nothing_is_left_behind(tmp_path: Path) -> None:
    database = tmp_path / "office.sqlite"
    with WriterLock(database):
        with pytest.raises(LockedError) as info:
            WriterLock(database).acquire()
        assert info.value.holder is not None and info.value.holder.pid == os.getpid()
    assert sorted(p.name for p in tmp_path.iterdir()) == []
