"""The one-writer lock under pressure: several processes take it in a loop and each, while holding
it, creates a marker file with O_EXCL; a second holder at the same moment finds the marker there and
counts an overlap. The test suite runs it (four processes, four seconds) and wants zero overlaps.

Run: python benchmarks/lock_stress.py [PROCESSES] [SECONDS]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# One worker: loop acquire → O_EXCL marker → remove → release until the deadline; print counts.
_WORKER = """
import json, os, sys, time
from pathlib import Path
from desktop_app.lock import LockedError, WriterLock

database, marker, start, deadline = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
time.sleep(max(0.0, start - time.time()))  # every worker is loaded before the race begins
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


def hammer(database: Path, processes: int = 4, seconds: float = 4.0) -> list[dict[str, int]]:
    """Run the workers against one database's lock; each worker's counts."""
    marker = database.with_name(database.name + ".inside")
    start = time.time() + 1.0
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(database), str(marker), str(start), str(start + seconds)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        for _ in range(processes)
    ]
    results = []
    for child in children:
        out, _err = child.communicate(timeout=seconds + 60)
        if child.returncode != 0:
            raise RuntimeError(f"a worker failed with exit code {child.returncode}")
        results.append(json.loads(out))
    return results


def main() -> None:
    processes = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 8.0
    with tempfile.TemporaryDirectory() as tmp:
        results = hammer(Path(tmp) / "office.sqlite", processes, seconds)
        left = sorted(p.name for p in Path(tmp).iterdir())
    held = sum(r["held"] for r in results)
    print(f"{processes} processes, {seconds:g} s: held {held:,} times ({held / seconds:,.0f}/s), "
          f"refused {sum(r['refused'] for r in results):,}, overlaps {sum(r['overlaps'] for r in results)}; "
          f"files left: {left or 'none'}")  # fmt: skip


if __name__ == "__main__":
    main()
