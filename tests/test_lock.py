"""The one-writer lock under pressure: several processes take it in a loop for several seconds and
each, while holding it, creates a marker file with O_EXCL; a second holder at the same moment finds
the marker there (an overlap). Zero overlaps, and enough rounds to have proved something."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from benchmarks.lock_stress import hammer
from desktop_app.lock import LockedError, WriterLock


@pytest.mark.skipif(sys.platform == "win32", reason="the POSIX lock; Windows locks a byte range")
def test_several_processes_never_hold_the_lock_together(tmp_path: Path) -> None:
    database = tmp_path / "office.sqlite"
    results = hammer(database, processes=4, seconds=4.0)
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
