"""Certificates: who gets one, serials and verification codes, what a reprint shows, the printed
PDF (names extractable exactly as stored, every QR code decodes and verifies), revocation."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.models import AttendanceStatus, Certificate, Person, Training
from desktop_app.services import certificates as certs
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.services.demo import load_demo
from desktop_app.services.settings import installation_tag
from tests.pdf import pdftools

# Time-sensitive: every test here runs in the morning, the afternoon and late in the evening.
pytestmark = pytest.mark.usefixtures("clock_hour")

SERIAL = re.compile(r"^TSH-(\d{4})-([A-Z0-9]{5})-(\d{4})$")


@pytest.fixture
def training_id(db: Database) -> int:
    """The demo programme, held three days ago; everyone attended both days except two people."""
    load_demo(db, clock.today() - dt.timedelta(days=3))
    grid = attendance_grid(db, 1)
    for n, row in enumerate(grid.rows):
        for sid, _date in grid.sessions[: 1 if n < 2 else None]:
            set_status(db, row.enrollment_id, sid, AttendanceStatus.PRESENT)
    return 1


def test_eligible_participants_get_one_certificate_each(db: Database, training_id: int) -> None:
    grid = attendance_grid(db, training_id)
    eligible = [r for r in grid.rows if r.eligible]
    assert 0 < len(eligible) < len(grid.rows)  # trainers and the two half-present people get none
    result = certs.issue_certificates(db, training_id)
    assert len(result.issued) == len(eligible) and not result.already
    tag = installation_tag(db)
    numbers = []
    for serial in result.issued:
        match = SERIAL.match(serial)
        assert match and match.group(1) == str(clock.today().year) and match.group(2) == tag
        numbers.append(int(match.group(3)))
    assert numbers == list(range(1, len(eligible) + 1))
    again = certs.issue_certificates(db, training_id)
    assert not again.issued and sorted(again.already) == sorted(result.issued)


def test_verification_codes_are_random_and_long(db: Database, training_id: int) -> None:
    certs.issue_certificates(db, training_id)
    with db.session_scope() as session:
        codes = session.scalars(select(Certificate.verification_code)).all()
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", code)  # 16 × 5 = 80 bits


def test_chosen_by_hand_and_refusals(db: Database, training_id: int) -> None:
    grid = attendance_grid(db, training_id)
    half = grid.rows[0]  # attended one day of two: not eligible, but may be chosen by hand
    assert not half.eligible
    result = certs.issue_certificates(db, training_id, [half.person_id, 999_999])
    assert len(result.issued) == 1
    assert result.refused == [("999999", "not enrolled in this training")]


def test_wording_placeholders_gender_and_missing_organization() -> None:
    wording = "تشهد {organization_name} بأن {name} من {organization} قد {شارك|شاركت} في {training}."
    values = {"organization_name": "المركز", "name": "منى", "organization": "", "training": "الورشة"}
    before, after = certs.fill_wording(wording, values, female=True)
    assert before == "تشهد المركز بأن"
    assert after == "قد شاركت في الورشة."
    values["organization"] = "جمعية النور"
    assert certs.fill_wording(wording, values, female=False)[1] == "من جمعية النور قد شارك في الورشة."
    with pytest.raises(ValidationError, match="nmae"):
        certs.check_wording("بأن {nmae}")


def test_a_reprint_shows_what_was_issued(db: Database, training_id: int) -> None:
    certs.issue_certificates(db, training_id)
    _layout, before = certs.training_certificates(db, training_id)
    with db.session_scope() as session:  # the training and a person change afterwards
        session.get(Training, training_id).title_ar = "عنوان جديد"  # type: ignore[union-attr]
        person = session.scalars(select(Person).where(Person.full_name == before[0].name)).one()
        person.full_name = "اسم آخر"
    _layout, after = certs.training_certificates(db, training_id)
    assert [p.page for p in after] == [p.page for p in before]


@pytest.mark.skipif(
    not pdftools.have_poppler() or not shutil.which("zbarimg"), reason="needs poppler and zbar"
)
def test_printed_certificates_are_searchable_and_their_codes_verify(
    db: Database, training_id: int, tmp_path: Path
) -> None:
    result = certs.issue_certificates(db, training_id)
    out = tmp_path / "certificates.pdf"
    written = certs.print_certificates(db, training_id, out, tmp_path / "split")
    assert written[0] == out and len(written) == 1 + len(result.issued)
    _layout, printed = certs.training_certificates(db, training_id)
    text = "\n".join(pdftools.poppler_lines(out))
    for item in printed:  # every holder's name comes back exactly as stored
        assert item.name in text.splitlines()
    split_names = sorted(p.name for p in (tmp_path / "split").iterdir())
    assert split_names == sorted(f"{i.name} - {i.serial}.pdf" for i in printed)
    # Every page's QR code decodes (rendered at 100 dpi, grey) and the payload verifies as genuine.
    subprocess.run(["pdftoppm", "-r", "100", "-gray", "-png", str(out), str(tmp_path / "page")], check=True)
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", *sorted(str(p) for p in tmp_path.glob("page*.png"))],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert len(decoded) == len(printed)
    for payload, item in zip(decoded, printed, strict=True):
        assert payload.startswith(f"TSHBK1:{item.serial}:")
        verdict = certs.verify(db, payload)
        assert (verdict.status, verdict.serial, verdict.name) == ("genuine", item.serial, item.name)


def test_verify_accepts_payload_code_or_serial_and_knows_revocation(db: Database, training_id: int) -> None:
    serial = certs.issue_certificates(db, training_id).issued[0]
    with db.session_scope() as session:
        code = session.scalars(
            select(Certificate.verification_code).where(Certificate.serial == serial)
        ).one()
    assert certs.verify(db, f"TSHBK1:{serial}:{code}").status == "genuine"
    assert certs.verify(db, code.lower().replace("-", " ")).status == "genuine"
    assert certs.verify(db, serial.lower()).status == "genuine"
    assert certs.verify(db, f"TSHBK1:{serial}:AAAA-AAAA-AAAA-AAAA").status == "unknown"  # forged code
    assert certs.verify(db, "nonsense").status == "unknown"
    with pytest.raises(ValidationError):
        certs.revoke(db, serial, "  ")
    certs.revoke(db, serial, "صدرت بالخطأ")
    verdict = certs.verify(db, serial)
    assert (verdict.status, verdict.reason) == ("revoked", "صدرت بالخطأ")
    # A revoked certificate is not printed again, and its holder can be issued a new one.
    assert serial not in [p.serial for p in certs.training_certificates(db, training_id)[1]]
    assert len(certs.issue_certificates(db, training_id).issued) == 1
