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
from desktop_app.errors import NotFoundError, ValidationError
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
    result = certs.issue_certificates(db, training_id, [half.person_id])
    assert len(result.issued) == 1 and result.refused == []


def test_a_person_chosen_by_hand_who_is_not_enrolled_is_named_and_nothing_is_issued(
    db: Database, training_id: int
) -> None:
    half = attendance_grid(db, training_id).rows[0]
    with pytest.raises(NotFoundError, match="999999"):
        certs.issue_certificates(db, training_id, [half.person_id, 999_999])
    assert certs.issued_certificates(db, training_id) == []


def test_wording_placeholders_gender_and_missing_organization() -> None:
    wording = "تشهد {organization_name} بأن {name} من {organization} قد {شارك|شاركت} في {training}."
    values = {"organization_name": "المركز", "name": "منى", "organization": "", "training": "الورشة"}
    before, after = certs.fill_wording(wording, values, female=True)
    assert before == "تشهد \u2068المركز\u2069 بأن"  # each value is isolated
    assert after == "قد شاركت في \u2068الورشة\u2069."
    values["organization"] = "جمعية النور"
    assert certs.fill_wording(wording, values, female=False)[1] == (
        "من \u2068جمعية النور\u2069 قد شارك في \u2068الورشة\u2069."
    )
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
    assert certs.verify(db, serial.lower()).status == "on_record"  # a printed serial proves nothing
    assert certs.verify(db, f"TSHBK1:{serial}:AAAA-AAAA-AAAA-AAAA").status == "unknown"  # forged code
    assert certs.verify(db, "nonsense").status == "unknown"
    with pytest.raises(ValidationError):
        certs.revoke(db, serial, "  ")
    certs.revoke(db, serial, "صدرت بالخطأ")
    verdict = certs.verify(db, serial)
    assert (verdict.status, verdict.reason) == ("revoked", "صدرت بالخطأ")
    # A revoked certificate is not printed again.
    assert serial not in [p.serial for p in certs.training_certificates(db, training_id)[1]]


def test_a_revoked_certificate_is_never_reissued_silently(db: Database, training_id: int) -> None:
    first = certs.issue_certificates(db, training_id)
    serial = first.issued[0]
    holder = next(i for i in certs.issued_certificates(db, training_id) if i.serial == serial)
    certs.revoke(db, serial, "صدرت بالخطأ")
    again = certs.issue_certificates(db, training_id)
    assert again.issued == []  # the next batch skips the person and says so
    assert again.revoked == [(holder.name, serial)]
    assert len(again.already) == len(first.issued) - 1
    # A replacement is its own action, linked to the revoked certificate and shown in verification.
    person_id = next(r.person_id for r in attendance_grid(db, training_id).rows if r.name == holder.name)
    new = certs.reissue_certificate(db, training_id, person_id)
    assert new != serial
    with db.session_scope() as session:
        code = session.scalars(select(Certificate.verification_code).where(Certificate.serial == new)).one()
    verdict = certs.verify(db, f"TSHBK1:{new}:{code}")
    assert (verdict.status, verdict.replaces) == ("genuine", serial)
    assert certs.verify(db, serial).replaced_by == new
    with pytest.raises(ValidationError, match="already holds a valid certificate"):
        certs.reissue_certificate(db, training_id, person_id)
    other = next(r.person_id for r in attendance_grid(db, training_id).rows if r.name != holder.name)
    with pytest.raises(ValidationError, match="no revoked certificate"):
        certs.reissue_certificate(db, training_id, other)


def test_verifying_by_serial_alone_is_on_record_not_proof(db: Database, training_id: int) -> None:
    serial = certs.issue_certificates(db, training_id).issued[0]
    with db.session_scope() as session:
        code = session.scalars(
            select(Certificate.verification_code).where(Certificate.serial == serial)
        ).one()
    assert certs.verify(db, serial).status == "on_record"
    assert certs.verify(db, code).status == "genuine"
    assert certs.verify(db, f"TSHBK1:{serial}:{code}").status == "genuine"


def test_issuing_before_the_last_session_has_ended_needs_confirming(
    db: Database, clock_hour: dt.datetime
) -> None:
    # The demo's second day is today, 09:30–16:00: before 16:00 the training is not over.
    load_demo(db, clock.today() - dt.timedelta(days=1))
    grid = attendance_grid(db, 1)
    for row in grid.rows:
        for sid, _date in grid.sessions:
            set_status(db, row.enrollment_id, sid, AttendanceStatus.PRESENT)
    ended, end = certs.training_has_ended(db, 1)
    assert end == dt.datetime.combine(clock.today(), dt.time(16, 0))
    if clock_hour.hour < 16:
        assert not ended
        with pytest.raises(ValidationError, match="before-end"):
            certs.issue_certificates(db, 1)
        assert certs.issued_certificates(db, 1) == []
        assert certs.issue_certificates(db, 1, before_end=True).issued
    else:
        assert ended and certs.issue_certificates(db, 1).issued


def test_a_name_too_long_for_two_lines_is_refused_and_named(db: Database, training_id: int) -> None:
    long_name = " ".join(["عبد الرحمن محمد إبراهيم الشافعي"] * 9)[:300]
    with db.session_scope() as session:
        person = session.scalars(
            select(Person).where(Person.id == attendance_grid(db, training_id).rows[5].person_id)
        ).one()
        person.full_name = long_name
    result = certs.issue_certificates(db, training_id)
    assert [name for name, _reason in result.refused] == [long_name]
    assert "too long" in result.refused[0][1]
    assert len(result.issued) == len([r for r in attendance_grid(db, training_id).rows if r.eligible]) - 1
