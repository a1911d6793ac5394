"""One station of the concurrency suite, run in an OS process of its own (multiprocessing's spawn
context): it opens the shared database as a separate program would, waits at the barrier with the
other stations, then does its operations one user action at a time, each as the command line does
it (on a SQLite file, under the one-writer lock taken with `--wait`'s waiting). It reports what was
acknowledged and every error a user would have seen."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from desktop_app.db import Database, make_engine
from desktop_app.services.workspace import claimed, locate

WAIT_SECONDS = 60.0  # what a station gives `--wait`: far more than the whole run should need


def _checkin(db: Database, item: Any) -> Any:
    from desktop_app.services.attendance import AlreadyIn, CheckedIn, check_in

    training_id, session_id, code = item
    result = check_in(db, training_id, code, session_id=session_id)
    if not isinstance(result, CheckedIn | AlreadyIn):
        raise AssertionError(f"{code}: {type(result).__name__}")
    return [code, "in" if isinstance(result, CheckedIn) else "already"]


def _certificate(db: Database, item: Any) -> Any:
    from desktop_app.services.certificates import issue_certificates

    training_id, person_id = item
    result = issue_certificates(db, training_id, [person_id], before_end=True)
    if len(result.issued) != 1 or result.refused:
        raise AssertionError(f"person {person_id}: {result}")
    return [person_id, result.issued[0]]


def _import(db: Database, item: Any) -> Any:
    from desktop_app.services.importing import import_file

    path, name = item
    report = import_file(db, Path(path), on_duplicate="create")
    if not report.written or report.created != 1:
        raise AssertionError(f"{path}: {report.as_json()}")
    return name


def _edit(db: Database, item: Any) -> Any:
    from desktop_app.services.registry import update_person

    person_id, notes = item
    update_person(db, person_id, notes=notes)
    return [person_id, notes]


def _merge(db: Database, item: Any) -> Any:
    from desktop_app.services.merging import merge_people

    survivor_id, other_id = item
    merge_people(db, survivor_id, other_id)
    return [survivor_id, other_id]


OPERATIONS = {"checkin": _checkin, "certificate": _certificate, "import": _import, "edit": _edit, "merge": _merge}


def station(url: str, number: int, task: str, items: list[Any], barrier: Any, results: Any) -> None:
    """Do `task` on every item; put {"station", "acks", "errors"} on the `results` queue."""
    os.environ.pop("TASHBEEK_DB", None)
    db = Database(url, make_engine(url), operator=f"station-{number}")
    location = locate(url)
    operation = OPERATIONS[task]
    acks: list[Any] = []
    errors: list[str] = []
    barrier.wait()
    for item in items:
        try:
            with claimed(location, wait=WAIT_SECONDS):  # the CLI's lock (none on a server)
                acks.append(operation(db, item))
        except Exception as exc:  # noqa: BLE001 - every failure is what a user would have seen
            errors.append(f"{type(exc).__name__}: {exc}")
    db.dispose()
    results.put({"station": number, "acks": acks, "errors": errors})
