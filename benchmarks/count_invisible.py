"""Invisible characters (Unicode category Cf) that pdftotext and pypdf return from the demo's documents.

Issue #15 counted 85–234 ARABIC LETTER MARKs (U+061C) per document from both extractors. Not a
timing: the counts per extractor and per character, for the demo's attendance report, sign-in sheet,
directory, badges and certificates (everyone marked present). pdftotext's own U+202A/B/C (the
embeddings it writes around right-to-left lines) are counted apart: they are poppler's, not ours.

Run: python benchmarks/count_invisible.py
"""

from __future__ import annotations

import collections
import datetime as dt
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pypdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app import clock  # noqa: E402
from desktop_app.db import open_database  # noqa: E402
from desktop_app.models import AttendanceStatus  # noqa: E402
from desktop_app.services import certificates, documents  # noqa: E402
from desktop_app.services.attendance import attendance_grid, set_status  # noqa: E402
from desktop_app.services.demo import load_demo  # noqa: E402

POPPLER_OWN = {"\u202a", "\u202b", "\u202c"}


def _counts(text: str) -> collections.Counter[str]:
    return collections.Counter(f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) == "Cf")


def _print_documents(folder: Path) -> dict[str, Path]:
    """The demo's documents; everyone present at every session, so that certificates are issued."""
    clock.set_clock(dt.datetime(2026, 11, 29, 22, 0).astimezone())
    db = open_database(folder / "demo.sqlite", create=True)
    try:
        load_demo(db)
        grid = attendance_grid(db, 1)
        for row in grid.rows:
            for session_id, _date in grid.sessions:
                set_status(db, row.enrollment_id, session_id, AttendanceStatus.PRESENT)
        out = {
            name: folder / f"{name}.pdf"
            for name in ("report", "sheet", "directory", "badges", "certificates")
        }
        documents.write_attendance_report(db, 1, out["report"])
        documents.write_sign_in_sheet(db, 1, out["sheet"], session_ref=grid.sessions[0][1].isoformat())
        documents.write_directory(db, 1, out["directory"])
        documents.write_badge_sheets(db, 1, out["badges"])
        certificates.issue_certificates(db, 1)
        certificates.print_certificates(db, 1, out["certificates"])
        return out
    finally:
        db.dispose()
        clock.set_clock(None)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, pdf in _print_documents(Path(folder)).items():
            poppler = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            ours = "".join(ch for ch in poppler if ch not in POPPLER_OWN)
            reader = pypdf.PdfReader(pdf)
            py = "\n".join(page.extract_text() for page in reader.pages)
            own = sum(_counts(poppler).values()) - sum(_counts(ours).values())
            print(
                f"{name} ({len(reader.pages)} pages): pdftotext {dict(_counts(ours)) or 'none'}"
                f" (and {own} of its own embeddings); pypdf {dict(_counts(py)) or 'none'}"
            )


if __name__ == "__main__":
    main()
