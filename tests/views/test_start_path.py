"""The window's start path: the People list is shown without the ORM (no model class declared).

Declaring the 35 mapped classes and configuring their mappers is a good part of the start at
100,000 people (benchmarks/bench_window.py). The People list, its count and its filters' choices
read Core tables (services/listing) and Home counts on the runner after the first paint; this test
keeps a module-level import of a model (or of a service that declares them) off that path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from desktop_app.db import Database
from desktop_app.services.demo import load_demo

# Built as `tashbeek` (and benchmarks/bench_window.py's open_people) builds it, stopped before the
# event loop first turns: what has been imported and declared by then is the start's cost.
# (sqlalchemy.orm alone is about 0.05 s of CPU, the model classes and their mappers 0.15 s or more.)
CHILD = textwrap.dedent(
    """
    import json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop_app import collector, config
    collector.quiet_start()
    from desktop_app.app import build_window, create_application
    from desktop_app.db import open_database

    app = create_application("ar")
    window = build_window(open_database(sys.argv[1]), config.MachineSettings(auto_backup=False), "ar")
    window.show()
    page = window.show_section("people")
    before = {
        "rows": page.model.rowCount(), "count": page.model.total, "label": page.count_label.text(),
        "organizations": page.organization_filter.count(), "trainings": page.training_filter.count(),
        "search": page.search.isEnabled(),
        "models": sorted(m for m in sys.modules if m.startswith("desktop_app.models")),
        "orm": "sqlalchemy.orm" in sys.modules,
    }
    app.processEvents()
    window.context.runner.wait()  # Home's figures, counted after the first paint
    home = window.page("home")
    from desktop_app.models.base import Base
    after = {"people": home.numbers["people"].text(), "mapped": len(Base.registry.mappers)}
    print(json.dumps({"before": before, "after": after}))
    """
)


def test_the_people_list_is_shown_before_any_model_class_is_declared(db: Database) -> None:
    load_demo(db)
    people = db.engine.connect().exec_driver_sql("SELECT count(*) FROM person WHERE NOT archived").scalar()
    db.dispose()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, db.url], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    before, after = result["before"], result["after"]
    # A usable list: its rows, the right count, the filters' choices, the search box open.
    assert before["count"] == people and before["rows"] == min(people, 200)
    assert str(people) in before["label"]
    assert before["organizations"] > 1 and before["trainings"] > 1 and before["search"]
    # ...with no mapped class declared, nor even the ORM imported: Core tables and connections.
    assert before["models"] == [] and not before["orm"]
    # Home's figures arrive once the event loop turns (the ORM loads then, on the runner).
    assert after["people"] == str(people) and after["mapped"] > 0
