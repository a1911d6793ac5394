"""What signing in costs: one argon2id check (the window's sign-in and unlock), and what `--user`
adds to a writing command's run (`tashbeek checkin`, a process each, as a venue's scanner script).

    python benchmarks/bench_accounts.py [--runs 20]

Prints the median wall and CPU time of each (CPU: time.process_time in-process; the children's
user+system time for the commands). The machine is shared: read `uptime` beside the figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from desktop_app.access import Role
    from desktop_app.db import open_database
    from desktop_app.services import accounts
    from desktop_app.services.demo import load_demo

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "office.sqlite"
        db = open_database(path, create=True)
        load_demo(db)
        admin = accounts.add_account(db, None, "mona", "benchmark password")
        accounts.add_account(db, admin, "sami", "volunteer password", Role.CHECKIN)
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            accounts.authenticate(db, "sami", "volunteer password")
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        print(f"sign-in (argon2id verify + last sign-in written): median {statistics.median(walls) * 1000:.1f} ms wall, "
              f"{statistics.median(cpus) * 1000:.1f} ms CPU")  # fmt: skip
        db.dispose()

        for label, extra, env in (
            ("checkin, sign-in off (another database)", (), None),
            ("checkin --user sami", ("--user", "sami"), {"TASHBEEK_PASSWORD": "volunteer password"}),
        ):
            if not extra:  # the same command on a database without accounts
                bare = Path(folder) / "bare.sqlite"
                other = open_database(bare, create=True)
                load_demo(other)
                other.dispose()
                path_for = bare
            else:
                path_for = path
            runs = []
            for _ in range(max(3, args.runs // 4)):
                wall, cpu = time.perf_counter(), _children_cpu()
                result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path_for), "checkin", "1",
                                         "هاني إبراهيم", *extra], capture_output=True,
                                        env={**os.environ, **(env or {})})  # fmt: skip
                assert result.returncode == 0, result.stderr
                runs.append((time.perf_counter() - wall, _children_cpu() - cpu))
            print(f"{label}: median {statistics.median(r[0] for r in runs) * 1000:.0f} ms wall, "
                  f"{statistics.median(r[1] for r in runs) * 1000:.0f} ms CPU ({len(runs)} runs)")  # fmt: skip


if __name__ == "__main__":
    main()
