"""Keep the window's Qt translations in step with the code (PySide6's own tools, no extra install).

    python scripts/update_qt_translations.py   # lupdate the .ts from desktop_app/views and app.py, lrelease the .qm

Translate new entries in resources/translations/tashbeek_ar.ts (Qt Linguist, or any editor),
then run this again to compile. A test fails while any entry is unfinished or the .qm is stale.

English is the source language, so tashbeek_en.ts holds only the messages with a count ("%n row(s)"):
lupdate -pluralonly writes them, and their English singular and plural are given there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "tashbeek_ar.ts"
TS_EN = ROOT / "resources" / "translations" / "tashbeek_en.ts"


def sources() -> list[str]:
    files = sorted((ROOT / "desktop_app" / "views").rglob("*.py")) + [ROOT / "desktop_app" / "app.py"]
    return [str(p.relative_to(ROOT)) for p in files]


def tool(name: str) -> str:
    """A PySide6 tool (pyside6-lupdate, pyside6-lrelease) of the Python running this: beside its
    interpreter in a virtual environment that is not activated, else wherever PATH finds it."""
    beside = shutil.which(name, path=str(Path(sys.executable).parent))
    found = beside or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: install PySide6-Essentials in this Python")
    return found


def lupdate(ts: Path = TS, plural_only: bool = False) -> None:
    options = ["-no-obsolete", *(["-pluralonly"] if plural_only else [])]
    subprocess.run([tool("pyside6-lupdate"), *options, *sources(), "-ts", str(ts)], cwd=ROOT, check=True,
                   capture_output=ts not in (TS, TS_EN))  # fmt: skip


def lrelease(ts: Path = TS, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
    return qm


def main() -> int:
    lupdate()
    lrelease()
    lupdate(TS_EN, plural_only=True)
    lrelease(TS_EN)
    return 0


if __name__ == "__main__":
    sys.exit(main())
