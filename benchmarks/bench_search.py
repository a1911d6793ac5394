"""Search speed at 100,000 and 500,000 people: median and p95 per query kind, transliteration
included (target: median under 3 ms, p95 under 10 ms). Wall time, and beside it the CPU time of
the process: on a machine shared with other work, wall time also counts the waits for a core.

    python benchmarks/bench_search.py [--people 100000] [--db PATH] [--repeat 20]

Each query goes through the real service (search_people: session, tiers, result rows), the way
the window and the CLI call it. "few hits" queries match fewer people than the limit, so every
tier runs to its end: the slow case before the covering index.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import build, phone_for  # noqa: E402

from desktop_app.services.search import search_people  # noqa: E402

QUERIES = {
    "common first name": ["محمد", "احمد", "فاطمه", "مريم", "محمود"],
    "rare family name": ["عائلة17", "عاءله233", "الصاوي", "شاهين", "عطيه"],
    # Numbers of generated people, typed the ways people type them (local, spaced, 00-prefixed,
    # Arabic-Indic digits), and one partly typed number.
    "phone": [
        "0" + phone_for(12_345)[3:],
        "+20 " + phone_for(54_321)[3:5] + " " + phone_for(54_321)[5:9] + " " + phone_for(54_321)[9:],
        "00" + phone_for(777)[1:],
        "".join(chr(0x0660 + int(d)) for d in "0" + phone_for(99_999)[3:]),
        "0" + phone_for(4_242)[3:9],
    ],
    "two-word prefix": ["محمد ابر", "فاط حس", "عبد الف", "احمد محمد", "هاني الشاف"],
    "few hits": ["هاني الشاف", "مريم الصاوي عطية", "هبة شنودة", "عائلة17 سامح", "يوسف النجار جرجس"],
    # Latin letters for the Arabic registry (the transliteration tier), common and rare.
    "latin name": ["Mohamed Ahmed", "Hany Elshafei", "Abd El-Fattah", "Mahmoud Khaled", "Fatma Hassan"],
    "latin few hits": ["Hani El-Shafei", "Mariam El-Sawy", "Heba Shenouda", "Youssef Elnaggar", "Rana Bassiouny"],
    "phone last digits": [phone_for(12_345)[-4:], phone_for(777)[-6:], phone_for(4_242)[-5:], "0000", "98765"],
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"tashbeek-bench-{args.people}.sqlite"
    db = build(path, args.people)
    for queries in QUERIES.values():  # warm the page cache and the statement cache
        for q in queries:
            search_people(db, q)
    all_times: list[float] = []
    all_cpu: list[float] = []
    print(f"{'kind':<20} {'median ms':>10} {'p95 ms':>8} {'CPU median':>11} {'CPU p95':>8} {'results':>8}")
    for kind, queries in QUERIES.items():
        times: list[float] = []
        cpu: list[float] = []
        counts = []
        for q in queries:
            for _ in range(args.repeat):
                started, cpu_started = time.perf_counter(), time.process_time()
                hits = search_people(db, q)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
            counts.append(len(hits))
        all_times += times
        all_cpu += cpu
        print(
            f"{kind:<20} {statistics.median(times):>10.2f} {percentile(times, 0.95):>8.2f}"
            f" {statistics.median(cpu):>11.2f} {percentile(cpu, 0.95):>8.2f} {sum(counts):>8}"
        )
    print(
        f"{'all':<20} {statistics.median(all_times):>10.2f} {percentile(all_times, 0.95):>8.2f}"
        f" {statistics.median(all_cpu):>11.2f} {percentile(all_cpu, 0.95):>8.2f}"
    )


if __name__ == "__main__":
    main()
