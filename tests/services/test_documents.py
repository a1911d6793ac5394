"""Sign-in sheet, attendance report, badges and directory of the demo training: what each page says
(read back with pdftotext), badge QR codes that check people in, cancelling, hostile names."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from sqlalchemy import select, update

from desktop_app.db import Database
from desktop_app.errors import Cancelled, NotFoundError, ValidationError
from desktop_app.models import AttendanceStatus, Person
from desktop_app.pdf import badges as badges_pdf
from desktop_app.services import documents
from desktop_app.services.attendance import attendance_grid, check_in, set_status
from desktop_app.services.demo import load_demo
from desktop_app.text.arabic import sort_key
from tests.clocks import TEST_DAY
from tests.pdf import pdftools

pytestmark = pytest.mark.skipif(not pdftools.have_poppler(), reason="needs poppler-utils")
DAY1 = TEST_DAY - dt.timedelta(days=3)


@pytest.fixture
def training_id(db: Database) -> int:
    load_demo(db, DAY1)
    return 1


def _pages(pdf: Path) -> list[list[str]]:
    count = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))  # fmt: skip
    return [pdftools.poppler_lines(pdf, n) for n in range(1, count + 1)]


def test_sign_in_sheet(db: Database, training_id: int, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    pages = documents.write_sign_in_sheet(db, training_id, out, session_ref=DAY1.isoformat(), blank_rows=30,
                                          with_phone=True)  # fmt: skip
    texts = _pages(out)
    assert len(texts) == pages >= 2
    for n, lines in enumerate(texts, start=1):
        assert lines[0] == "كشف حضور"  # the header on every page
        assert "التوقيع" in " ".join(lines)  # and the column titles
        assert f"صفحة {n} من {pages}" in lines
    grid = attendance_grid(db, training_id)
    names = [row.name for row in grid.rows if row.status != "withdrawn"]
    everything = "\n".join("\n".join(lines) for lines in texts)
    positions = [everything.index(name) for name in sorted(names, key=sort_key)]
    assert positions == sorted(positions)  # Arabic alphabetical order
    last = len(names) + 30
    assert f"\n{last}\n" in f"\n{everything}\n"  # numbered blank rows for walk-ins
    assert "0100 253 5734" in everything  # a phone, kept in order inside the Arabic table


def test_sheet_refuses_silly_blank_rows_and_unknown_session(
    db: Database, training_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError):
        documents.write_sign_in_sheet(
            db, training_id, out / "x.pdf", session_ref=DAY1.isoformat(), blank_rows=-1
        )
    with pytest.raises(NotFoundError, match="no session"):
        documents.write_sign_in_sheet(db, training_id, out / "x.pdf", session_ref="1999-01-01")
    assert not list(out.iterdir())


def test_attendance_report(db: Database, training_id: int, tmp_path: Path) -> None:
    grid = attendance_grid(db, training_id)
    first = grid.rows[0]
    for sid, _date in grid.sessions:
        set_status(db, first.enrollment_id, sid, AttendanceStatus.PRESENT)
    out = tmp_path / "report.pdf"
    pages = documents.write_attendance_report(db, training_id, out)
    texts = _pages(out)
    assert len(texts) == pages
    everything = "\n".join("\n".join(lines) for lines in texts)
    assert "تقرير الحضور" in texts[-1][0]
    assert "100%" in everything and "2/2" in everything and "نعم" in everything
    assert "المجموع" in everything
    assert any(line.startswith("التوقيع") for line in texts[-1])  # the signature block closes the report


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbar-tools")
def test_badges_scan_into_check_in(db: Database, training_id: int, tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    layout, badges = documents.training_badges(db, training_id)
    pages = documents.write_badge_sheets(db, training_id, out)
    assert pages == -(-len(badges) // 8)
    # A scanner reads one badge at a time: each badge's cell of the page, rendered at 110 dpi.
    subprocess.run(["pdftoppm", "-r", "110", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(out),
                    str(tmp_path / "b")], check=True)  # fmt: skip
    image = Image.open(tmp_path / "b.png")
    scale = 110 / 72
    decoded = []
    for slot in range(8):
        left, bottom = badges_pdf._origin(slot)
        top = A4[1] - bottom - badges_pdf.BADGE_H
        image.crop((round(left * scale), round(top * scale), round((left + badges_pdf.BADGE_W) * scale),
                    round((top + badges_pdf.BADGE_H) * scale))).save(tmp_path / "cell.png")  # fmt: skip
        decoded += subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "cell.png")],
                                  capture_output=True, text=True, check=True).stdout.split()  # fmt: skip
    assert sorted(decoded) == sorted(b.code for b in badges[:8])
    # The scanner types the code into the Check-in box: that checks the person in.
    result = check_in(db, training_id, decoded[0], session_ref=DAY1.isoformat())
    assert result.result == "checked_in" and result.person is not None
    assert result.person.name == next(b.name for b in badges if b.code == decoded[0])
    page_one = pdftools.poppler_lines(out, 1)
    assert badges[0].name in page_one


def test_directory_lists_only_people_who_agreed(db: Database, training_id: int, tmp_path: Path) -> None:
    out = tmp_path / "directory.pdf"
    documents.write_directory(db, training_id, out)
    everything = "\n".join("\n".join(lines) for lines in _pages(out))
    with db.session_scope() as session:
        people = session.execute(select(Person.full_name, Person.consent_share_contact)).all()
    agreed = [name for name, ok in people if ok]
    refused = [name for name, ok in people if not ok]
    assert agreed and refused
    in_training = {row.name for row in attendance_grid(db, training_id).rows}
    for name in agreed:
        if name in in_training:
            assert name in everything
    for name in refused:
        assert name not in everything.splitlines()


def test_cancel_leaves_no_file(db: Database, training_id: int, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        documents.write_badge_sheets(
            db, training_id, folder / "badges.pdf", progress=lambda done, total: done < 2
        )
    assert not list(folder.iterdir())


def test_hostile_names_print_as_plain_text(db: Database, training_id: int, tmp_path: Path) -> None:
    with db.session_scope() as session:  # as if an old import had stored it unchecked
        person_id = attendance_grid(db, training_id).rows[0].person_id
        session.execute(
            update(Person).where(Person.id == person_id).values(full_name="\u202eأحمد <b>&amp;</b>")
        )
    out = tmp_path / "sheet.pdf"
    documents.write_sign_in_sheet(db, training_id, out, session_ref=DAY1.isoformat(), blank_rows=0)
    assert "أحمد <b>&amp;</b>" in pdftools.poppler_lines(out, 1)


def test_role_words_follow_gender(db: Database, training_id: int, tmp_path: Path) -> None:
    """منى الشافعي is a trainer (مدربة), مريم سليمان an organizer (منظمة), هاني إبراهيم a trainer (مدرب)."""
    _layout, badges = documents.training_badges(db, training_id)
    roles = {b.name: b.role for b in badges}
    assert roles["منى الشافعي"] == "مدربة"
    assert roles["مريم سليمان"] == "منظمة"
    assert roles["هاني إبراهيم"] == "مدرب"
    assert documents.role_label("guest", "female") == "ضيفة"
    assert documents.role_label("participant", None) == "مشارك"
    out = tmp_path / "report.pdf"
    documents.write_attendance_report(db, training_id, out)
    everything = "\n".join("\n".join(lines) for lines in _pages(out))
    assert "منى الشافعي (مدربة)" in everything and "مريم سليمان (منظمة)" in everything
    assert "(مدرب)" in everything and "(منظم)" not in everything
