"""Keep the window's Qt translations in step with the code (PySide6's own tools, no extra install).

    python scripts/update_qt_translations.py   # lupdate the .ts from desktop_app/views and app.py, lrelease the .qm

Translate new entries in resources/translations/tashbeek_ar.ts (Qt Linguist, or any editor),
then run this again to compile. A test fails while any entry is unfinished or the .qm is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "tashbeek_ar.ts"


def sources() -> list[str]:
    files = sorted((ROOT / "desktop_app" / "views").rglob("*.py")) + [ROOT / "desktop_app" / "app.py"]
    return [str(p.relative_to(ROOT)) for p in files]


def lupdate() -> None:
    subprocess.run(["pyside6-lupdate", "-no-obsolete", *sources(), "-ts", str(TS)], cwd=ROOT, check=True)


def lrelease(ts: Path = TS, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
    return qm


def main() -> int:
    lupdate()
    lrelease()
    return 0


if __name__ == "__main__":
    sys.exit(main())
