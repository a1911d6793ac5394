"""People filters at 100,000 people (issue #19): the count, and the list's first page, for each
filter and for the issue's question ("women under 25 from Giza who took part in training X"),
beside the unfiltered list of today; and the exports of the question's list.

    python benchmarks/bench_people_filters.py

Targets: the count under 100 ms; the first page as fast as the unfiltered list's. Uses the
statistics benchmark's database (100,000 people with birth dates, governorates, 1,000 trainings,
about 300,000 attendance marks; TMPDIR chooses where it is built), with a third of the people
agreeing to share contacts. Prints medians of wall and CPU time with the load average: other work
on a shared machine slows the wall time.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_statistics import build, timed  # noqa: E402


def main() -> None:
    from desktop_app import clock
    from desktop_app.db import open_database
    from desktop_app.services import exporting, listing
    from desktop_app.services.listing import PersonFilter

    clock.set_clock(dt.datetime(2026, 11, 29, 12, 0).astimezone())
    path = Path(tempfile.gettempdir()) / "tashbeek-bench-people-filters.sqlite"
    if not path.exists():
        build(path)
        db = open_database(path)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE person SET consent_share_contact = (id % 3 = 0)")
        db.dispose()
    db = open_database(path)
    print(
        f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (on {os.cpu_count()} cores)"
    )
    question = PersonFilter(
        gender="female", age_bands=("under_18", "18_24"), governorate="21", training_id=17
    )
    filters = {
        "no filter (today's list)": PersonFilter(),
        "gender": PersonFilter(gender="female"),
        "age band 18_24": PersonFilter(age_bands=("18_24",)),
        "age band unknown": PersonFilter(age_bands=("unknown",)),
        "governorate": PersonFilter(governorate="21"),
        "organization kind": PersonFilter(organization_kind="union"),
        "took part in training 17": PersonFilter(training_id=17),
        "consented": PersonFilter(consented=True),
        "women under 25 from Giza in training 17": question,
        "women 18_24, Giza, union, consented": PersonFilter(
            gender="female", age_bands=("18_24",), governorate="21", organization_kind="union", consented=True
        ),
        "search 'محمد' (today's search)": PersonFilter(query="محمد"),
        "search 'محمد' + women 18_24": PersonFilter(query="محمد", gender="female", age_bands=("18_24",)),
    }
    for name, f in filters.items():
        print(f"{name}: {listing.count_people(db, f):,} people")
        timed(f"  count ({name})", lambda f=f: listing.PeopleQuery(db, f).count())
        counted = listing.PeopleQuery(db, f)
        counted.count()  # the window counts first, then reads the page (which uses the count)
        timed(f"  first page ({name})", counted.page)
        timed(f"  count + first page, as the window reloads ({name})",
              lambda f=f: (lambda q: (q.count(), q.page()))(listing.PeopleQuery(db, f)))  # fmt: skip
    out = Path(tempfile.mkdtemp())
    for suffix in (".xlsx", ".csv"):
        timed(f"export the question's list to {suffix}",
              lambda s=suffix: exporting.export_people(db, out / f"q{s}", question, replace=True), runs=3)  # fmt: skip
    timed("export the question's list to .vcf",
          lambda: exporting.export_contacts(db, out / "q.vcf", question, replace=True), runs=3)  # fmt: skip
    timed("export everyone consenting to .vcf (~33,000 cards)",
          lambda: exporting.export_contacts(db, out / "all.vcf", PersonFilter(consented=True), replace=True), runs=1)  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
