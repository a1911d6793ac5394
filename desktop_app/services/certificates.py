"""Participation certificates: issuing (serials, verification codes, what was printed), printing,
verifying and revoking.

A certificate is issued once and keeps everything it printed; printing it again shows the same page.
Serials are <PREFIX>-<YEAR of issue>-<installation tag>-<NNNN>: the installation tag keeps two
computers (an office and a venue laptop) from ever issuing the same serial, and a number is never
reused because certificates are revoked, never deleted. Verification codes are 80 random bits.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.db import Database, retrying
from desktop_app.errors import Cancelled, NotFoundError, ValidationError, file_problem
from desktop_app.files import atomic_output, check_output, safe_file_name
from desktop_app.i18n import _
from desktop_app.models import (
    Certificate,
    CertificateSerial,
    Enrollment,
    EventKind,
    Organization,
    Person,
    Signatory,
    Template,
    Training,
    TrainingSession,
)
from desktop_app.models.enums import EnrollmentRole, EnrollmentStatus, Gender
from desktop_app.pdf import template as engine
from desktop_app.pdf.certificate import (
    BodyTooLong,
    CertificateLayout,
    CertificatePage,
    NameTooLong,
    Signature,
    TextTooLong,
    check_page,
    formal,
    issued_line,
    name_fits,
    write_certificates,
)
from desktop_app.progress import Progress, advance
from desktop_app.services import audit
from desktop_app.services import templates as tpl
from desktop_app.services.attendance import attendance_grid
from desktop_app.services.settings import (
    INSTALLATION_TAG,
    SignatoryData,
    document_logos,
    get_setting,
    save_training_signatories,
    signatories_for,
)
from desktop_app.services.trainings import get_training
from desktop_app.text.dates import format_date, to_arabic_digits
from desktop_app.text.isolate import clean_text, isolate

PAYLOAD_PREFIX = "TSHBK1"
PLACEHOLDERS = (
    "name",
    "organization",
    "training",
    "start",
    "end",
    "venue",
    "sessions_attended",
    "organization_name",
)
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O or U to misread
_ALTERNATIVE = re.compile(r"\{([^{}|]+)\|([^{}|]+)\}")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")



def new_verification_code() -> str:
    """80 random bits as 16 base-32 characters in groups of four (ABCD-EFGH-…)."""
    value = secrets.randbits(80)
    chars = "".join(_CODE_ALPHABET[(value >> (5 * i)) & 31] for i in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def normalize_code(text: str) -> str:
    cleaned = re.sub(r"[\s-]", "", text.upper()).translate(str.maketrans("ILOU", "110V"))
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def check_wording(wording: str) -> None:
    """Refuse a wording with a placeholder we cannot fill (a typo would print braces)."""
    for name in _PLACEHOLDER.findall(_ALTERNATIVE.sub("", wording)):
        if name not in PLACEHOLDERS:
            raise ValidationError(
                "certificate_wording",
                _("Unknown placeholder {{{name}}}. Use: {names}.").format(
                    name=name, names=", ".join("{" + p + "}" for p in PLACEHOLDERS)
                ),
            )


def fill_wording(wording: str, values: dict[str, str], female: bool) -> tuple[str, str]:
    """The wording with its placeholders filled, split at {name} (printed large on its own line).

    "{شارك|شاركت}" picks the masculine or feminine form; a phrase "من {organization}" disappears for a
    person without an organization."""
    text = _ALTERNATIVE.sub(lambda m: m.group(2) if female else m.group(1), wording)
    if not values.get("organization"):
        text = re.sub(r"\s*من\s+\{organization\}", "", text)
    before, marker, after = text.partition("{name}")
    if not marker:
        before, after = "", text

    def fill(part: str) -> str:
        # Each value is a run of its own (isolated): a Latin organization keeps its full stop and its
        # brackets in an Arabic sentence. The name is printed on its own line, not inserted here.
        filled = _PLACEHOLDER.sub(
            lambda m: isolate(values[m.group(1)]) if m.group(1) in values else m.group(0), part
        )
        return re.sub(r"\s{2,}", " ", filled).strip()

    return fill(before), fill(after)


def _next_serial(tx: Session, prefix: str, year: int, tag: str) -> str:
    """Allocate the next serial under the stem: the stem's counter row is incremented (and so locked
    until this transaction ends: a second station issuing at the same moment waits, then takes the
    number after ours). The first certificate under a stem in this database starts after the
    largest number already there (certificates issued before counters existed)."""
    from sqlalchemy.dialects import postgresql, sqlite

    stem = f"{prefix}-{year}-{tag}-"
    counter = cast(Table, CertificateSerial.__table__)
    while True:
        number = tx.scalar(
            update(counter)
            .where(counter.c.stem == stem)
            .values(last_number=counter.c.last_number + 1)
            .returning(counter.c.last_number)
        )
        if number is None:
            serials = tx.scalars(select(Certificate.serial).where(Certificate.serial.like(stem + "%"))).all()
            numbers = [int(s[len(stem) :]) for s in serials if s[len(stem) :].isdigit()]
            insert = postgresql.insert if tx.get_bind().dialect.name == "postgresql" else sqlite.insert
            number = tx.scalar(
                insert(counter)
                .values(stem=stem, last_number=max(numbers, default=0) + 1)
                # Another station made the row between our update and our insert: take its next.
                .on_conflict_do_update(index_elements=["stem"], set_={"last_number": counter.c.last_number + 1})
                .returning(counter.c.last_number)
            )
        serial = f"{stem}{number:04d}"
        # A certificate merged in from elsewhere under this very stem would be skipped, not repeated.
        if tx.scalar(select(Certificate.id).where(Certificate.serial == serial)) is None:
            return serial


def _digits(text: str, arabic: bool) -> str:
    return to_arabic_digits(text) if arabic else text


@dataclass(frozen=True)
class IssueResult:
    issued: list[str]  # serials
    already: list[str]  # serials of certificates the people already had
    refused: list[tuple[str, str]]  # (name, reason)
    revoked: list[tuple[str, str]] = field(default_factory=list)  # (name, revoked serial): skipped


def training_end(tx: Session, training: Training) -> dt.datetime:
    """When the training's last (not cancelled) session ends, local time; the end of its last day
    when sessions have no end time."""
    sessions = tx.scalars(
        select(TrainingSession).where(
            TrainingSession.training_id == training.id, TrainingSession.cancelled.is_(False)
        )
    ).all()
    ends = [dt.datetime.combine(s.date, s.end_time or dt.time(23, 59)) for s in sessions]
    last_day = training.end_date or training.start_date
    return max(ends, default=dt.datetime.combine(last_day, dt.time(23, 59)))


def training_has_ended(db: Database, training_id: int) -> tuple[bool, dt.datetime]:
    """(whether the last session has ended, when it ends): issuing before then needs confirming."""
    with db.session_scope() as tx:
        end = training_end(tx, get_training(tx, training_id))
    return clock.now().replace(tzinfo=None) >= end, end


def _check_training_over(tx: Session, training: Training, before_end: bool) -> None:
    end = training_end(tx, training)
    if not before_end and clock.now().replace(tzinfo=None) < end:
        raise ValidationError(
            "before_end",
            _(
                "The training's last session ends on {date} at {time}. Certificates are issued after "
                "it; to issue them now, confirm (--before-end)."
            ).format(date=format_date(end.date()), time=end.strftime("%H:%M")),
        )


def _revoked_serial(tx: Session, enrollment_id: int) -> str | None:
    """The serial of the enrollment's latest revoked certificate (None when it has none)."""
    return tx.scalar(
        select(Certificate.serial)
        .where(Certificate.enrollment_id == enrollment_id, Certificate.revoked_at.is_not(None))
        .order_by(Certificate.id.desc())
        .limit(1)
    )


def _printed_values(
    tx: Session, training: Training, enrollment: Enrollment, person: Person, attended: int,
    arabic_digits: bool, issuer: str,
) -> dict[str, str]:  # fmt: skip
    org_id = enrollment.organization_id or person.organization_id
    org = tx.get(Organization, org_id) if org_id else None
    return {
        "name": clean_text(person.full_name),
        "organization": clean_text(org.name_ar) if org else "",
        "training": training.title_ar,
        "start": format_date(training.start_date, arabic_digits=arabic_digits),
        "end": format_date(training.end_date, arabic_digits=arabic_digits),
        "venue": training.venue or "",
        "sessions_attended": _digits(str(attended), arabic_digits),
        "organization_name": issuer,
    }


def _person_values(
    tx: Session, training: Training, enrollment: Enrollment, person: Person, values: dict[str, str],
    arabic_digits: bool,
) -> dict[str, str]:  # fmt: skip
    """Every placeholder a template may print for this person (kept with the certificate)."""
    from desktop_app.pdf.training_documents import role_label

    group = ""
    if enrollment.working_group:
        names = training.working_group_names or []
        number = enrollment.working_group
        group = (
            names[number - 1]
            if number <= len(names) and names[number - 1]
            else _digits(f"المجموعة {number}", arabic_digits)
        )
    return {
        **tpl.training_values(tx, training, arabic_digits),
        "person.name": values["name"],
        "person.latin_name": person.latin_name or "",
        "person.organization": values["organization"],
        "person.role": role_label(enrollment.role.value, person.gender),
        "person.group": group,
        "person.checkin_code": enrollment.checkin_code,
        "person.sessions_attended": values["sessions_attended"],
    }  # fmt: skip


def _new_certificate(
    tx: Session, db: Database, training: Training, grid_row: Any, today: dt.date,
    replaces: Certificate | None = None, template: Template | None = None,
) -> Certificate:  # fmt: skip
    """Issue one certificate (the caller checked the person may have it) in the current transaction."""
    prefix = str(get_setting(tx, "certificate_serial_prefix"))
    tag = str(get_setting(tx, INSTALLATION_TAG))
    arabic_digits = get_setting(tx, "document_digits") == "arabic"
    wording = training.certificate_wording or str(get_setting(tx, "certificate_wording"))
    check_wording(wording)
    issuer = str(get_setting(tx, "identity_name_ar") or "")
    if not issuer and training.organizer_id:
        organizer = tx.get(Organization, training.organizer_id)
        issuer = organizer.name_ar if organizer else ""
    signatories = [{"name": s.name, "title": s.title} for s in _signatories(tx, training.id)]
    enrollment = tx.get(Enrollment, grid_row.enrollment_id)
    person = tx.get(Person, grid_row.person_id)
    assert enrollment is not None and person is not None
    attended = sum(1 for v in grid_row.statuses.values() if v in ("present", "late"))
    values = _printed_values(tx, training, enrollment, person, attended, arabic_digits, issuer)
    before, after = fill_wording(wording, values, person.gender == Gender.FEMALE)
    serial = _next_serial(tx, prefix, today.year, tag)
    template = template or tpl.training_template(tx, training, "certificate")
    version = tpl.keep_revision(tx, template)
    certificate = Certificate(
        enrollment_id=enrollment.id,
        serial=serial,
        verification_code=new_verification_code(),
        issued_at=clock.utcnow(),
        replaces_id=replaces.id if replaces is not None else None,
        printed_name=values["name"],
        printed_latin_name=person.latin_name,
        printed_organization=values["organization"] or None,
        printed_training_title=training.title_ar,
        printed_sessions_attended=attended,
        printed_details={
            "before": before,
            "after": after,
            "issued_on": today.isoformat(),
            "issued_line": issued_line(today, arabic_digits=arabic_digits),
            "issuer": issuer,
            "signatories": signatories,
            "values": _person_values(tx, training, enrollment, person, values, arabic_digits),
            "female": person.gender == Gender.FEMALE,
        },
        template_id=template.id,
        template_version=version,
    )
    tx.add(certificate)
    tx.flush()
    changes: dict[str, list[Any]] = {"serial": [None, serial]}
    if replaces is not None:
        changes["replaces"] = [None, replaces.serial]
    audit.record(tx, db, "certificate", certificate.uid, "issue", changes)
    return certificate


def _too_long() -> str:
    return _("the name is too long for a certificate (two lines at 20 pt); shorten it on the person's record")


@retrying
def issue_certificates(
    db: Database,
    training_id: int,
    person_ids: Sequence[int] | None = None,
    *,
    today: dt.date | None = None,
    before_end: bool = False,
    template: str | int | None = None,
    progress: Progress | None = None,
) -> IssueResult:
    """Issue certificates to the training's eligible participants, or to the people chosen by hand
    (any enrolled person who has not withdrawn). One transaction; people who already hold a valid
    certificate for this training keep it, and people whose certificate was revoked are skipped
    (a replacement is its own action: `reissue_certificate`). Before the training's last tx
    has ended, `before_end` must say so. A person chosen by hand who is not enrolled is a
    NotFoundError naming the id, and nothing is issued. The certificates print with the training's
    template unless `template` (a number or a name) is given; each keeps the one it was issued with."""
    today = today or clock.today()
    grid = attendance_grid(db, training_id)
    by_person = {row.person_id: row for row in grid.rows}
    if person_ids is None:
        chosen = [row for row in grid.rows if row.eligible]
        refused: list[tuple[str, str]] = []
    else:
        missing = [str(pid) for pid in person_ids if pid not in by_person]
        if missing:
            raise NotFoundError(
                _("Not enrolled in this training: person {ids}.").format(ids=", ".join(missing))
            )
        chosen, refused = [], []
        for pid in person_ids:
            grid_row = by_person[pid]
            if grid_row.status == EnrollmentStatus.WITHDRAWN.value:
                refused.append((grid_row.name, _("withdrawn from this training")))
            else:
                chosen.append(grid_row)
    issued: list[str] = []
    already: list[str] = []
    revoked: list[tuple[str, str]] = []
    with db.session_scope() as tx:
        training = tx.get(Training, training_id)
        assert training is not None  # attendance_grid checked it
        if training.kind is EventKind.MEETING:
            # A meeting's attendance is recorded like a training's, but nobody completes a meeting.
            raise ValidationError("training", _("Certificates are for trainings; this number is a meeting's."))
        _check_training_over(tx, training, before_end)
        chosen_template = (
            tpl.find_template(tx, template, "certificate")
            if template is not None
            else tpl.training_template(tx, training, "certificate")
        )
        layout = tpl.drawable(tx, chosen_template)
        for n, grid_row in enumerate(chosen):
            advance(progress, n, len(chosen))  # Cancel rolls every one of them back
            existing = tx.scalar(
                select(Certificate.serial).where(
                    Certificate.enrollment_id == grid_row.enrollment_id, Certificate.revoked_at.is_(None)
                )
            )
            if existing:
                already.append(existing)
                continue
            was_revoked = _revoked_serial(tx, grid_row.enrollment_id)
            if was_revoked:
                revoked.append((grid_row.name, was_revoked))
                continue
            if not name_fits(clean_text(grid_row.name), layout):
                refused.append((grid_row.name, _too_long()))
                continue
            issued.append(_new_certificate(tx, db, training, grid_row, today, template=chosen_template).serial)
    return IssueResult(issued, already, refused, revoked)


@retrying
def reissue_certificate(
    db: Database, training_id: int, person_id: int, *, today: dt.date | None = None, before_end: bool = False
) -> str:
    """Issue a replacement for a person's revoked certificate of this training, linked to it (the
    explicit action a revoked certificate needs); returns the new serial."""
    today = today or clock.today()
    grid = attendance_grid(db, training_id)
    grid_row = next((row for row in grid.rows if row.person_id == person_id), None)
    if grid_row is None:
        raise NotFoundError(_("Not enrolled in this training: person {ids}.").format(ids=person_id))
    with db.session_scope() as tx:
        training = tx.get(Training, training_id)
        assert training is not None
        _check_training_over(tx, training, before_end)
        valid = tx.scalar(
            select(Certificate.serial).where(
                Certificate.enrollment_id == grid_row.enrollment_id, Certificate.revoked_at.is_(None)
            )
        )
        if valid:
            raise ValidationError(
                "person",
                _("{name} already holds a valid certificate: {serial}.").format(
                    name=grid_row.name, serial=valid
                ),
            )
        old = tx.scalar(
            select(Certificate)
            .where(Certificate.enrollment_id == grid_row.enrollment_id, Certificate.revoked_at.is_not(None))
            .order_by(Certificate.id.desc())
            .limit(1)
        )
        if old is None:
            raise ValidationError(
                "person", _("{name} has no revoked certificate to replace.").format(name=grid_row.name)
            )
        template = tpl.training_template(tx, training, "certificate")
        if not name_fits(clean_text(grid_row.name), tpl.drawable(tx, template)):
            raise ValidationError("person", f"{grid_row.name}: {_too_long()}")
        return _new_certificate(tx, db, training, grid_row, today, replaces=old).serial


def _signatories(tx: Session, training_id: int) -> list[Signatory]:
    own = tx.scalars(
        select(Signatory)
        .where(Signatory.training_id == training_id)
        .order_by(Signatory.position, Signatory.id)
    ).all()
    if own:
        return list(own)
    return list(
        tx.scalars(
            select(Signatory)
            .where(Signatory.training_id.is_(None))
            .order_by(Signatory.position, Signatory.id)
        )
    )


@dataclass(frozen=True)
class PrintedCertificate:
    serial: str
    name: str
    page: CertificatePage
    template: engine.Template | None = None  # None: the built-in formal template


def training_certificates(
    db: Database, training_id: int, template: str | int | None = None
) -> tuple[CertificateLayout, list[PrintedCertificate]]:
    """The layout and the pages of every valid certificate of a training, as they were issued: each
    with the template and version it was printed with, or all with `template` for this run."""
    with db.session_scope() as tx:
        get_training(tx, training_id)  # a clear error for an unknown number
        templates: dict[tuple[int | None, int | None], engine.Template] = {}
        if template is not None:
            override: engine.Template | None = tpl.drawable(
                tx, tpl.find_template(tx, template, "certificate")
            )
        else:
            override = None
        formal = tx.scalar(select(Template).where(Template.builtin == "formal"))
        assert formal is not None
        rows = tx.scalars(
            select(Certificate)
            .join(Enrollment, Enrollment.id == Certificate.enrollment_id)
            .where(Enrollment.training_id == training_id, Certificate.revoked_at.is_(None))
            .order_by(Certificate.serial)
        ).all()
        logo, partner_logos = document_logos(tx, training_id)
        signatories = tuple(
            Signature(s.name, s.title, s.signature_image) for s in _signatories(tx, training_id)
        )
        issuer_latin = str(get_setting(tx, "identity_name_en") or "")
        pages = []
        issuer = ""
        for c in rows:
            details: dict[str, Any] = c.printed_details or {}
            issuer = issuer or details.get("issuer", "")
            key = (c.template_id, c.template_version)
            if override is None and key not in templates:
                # Printed before templates existed: the formal template's first version is that page.
                chosen = tx.get(Template, c.template_id) if c.template_id else formal
                assert chosen is not None
                templates[key] = tpl.drawable(tx, chosen, c.template_version or 1)
            values = dict(details.get("values") or {})
            values["certificate.code"] = c.verification_code
            pages.append(
                PrintedCertificate(
                    c.serial,
                    c.printed_name,
                    CertificatePage(
                        name=c.printed_name,
                        latin_name=c.printed_latin_name or "",
                        before=details.get("before", ""),
                        after=details.get("after", ""),
                        serial=c.serial,
                        qr_payload=f"{PAYLOAD_PREFIX}:{c.serial}:{c.verification_code}",
                        issued_line=details.get("issued_line", ""),
                        values=values,
                        female=bool(details.get("female", False)),
                    ),
                    override or templates[key],
                )
            )
        layout = CertificateLayout(
            issuer=issuer or str(get_setting(tx, "identity_name_ar") or ""),
            issuer_latin=issuer_latin,
            logo=logo,
            partner_logos=partner_logos,
            signatories=signatories,
        )
        return layout, pages


def _check_pages(pages: Sequence[CertificatePage], templates: Sequence[engine.Template | None] = ()) -> None:
    """Refuse the whole batch, naming each person, when any page cannot be laid out in its boxes
    (nothing overflows silently)."""
    problems = []
    for n, page in enumerate(pages):
        try:
            check_page(page, templates[n] if n < len(templates) else None)
        except NameTooLong:
            problems.append(f"{page.name} ({page.serial}): {_too_long()}")
        except BodyTooLong:
            problems.append(
                f"{page.name} ({page.serial}): "
                + _("the wording is too long for the page; shorten the training's wording")
            )
        except TextTooLong as error:
            problems.append(
                f"{page.name} ({page.serial}): "
                + _("the text of element {element} does not fit its box: {text}").format(
                    element=error.element, text=error.text
                )
            )
    if problems:
        raise ValidationError(
            "certificates",
            _("These certificates cannot be printed:") + "\n" + "\n".join(problems),
        )


def _file_name(name: str, serial: str) -> str:
    return f"{safe_file_name(name, fallback='certificate')} - {serial}.pdf"


def print_certificates(
    db: Database,
    training_id: int,
    out: Path | None,
    split_dir: Path | None = None,
    progress: Progress | None = None,
    *,
    replace: bool = False,
    template: str | int | None = None,
) -> list[Path]:
    """Write the training's certificates: one PDF for printing, and/or one file per person (in a
    folder created if its parent exists). Every target is checked before the first is written, so an
    existing file (unless `replace`) refuses the whole batch, not half of it. Each certificate
    prints with the template it was issued with, or all with `template` for this run."""
    layout, printed = training_certificates(db, training_id, template)
    if not printed:
        raise ValidationError("certificates", _("This training has no issued certificates to print."))
    _check_pages([p.page for p in printed], [p.template for p in printed])
    if out is not None:
        check_output(out, replace=replace)
    if split_dir is not None:
        try:
            split_dir.mkdir(exist_ok=True)
        except OSError as error:
            raise file_problem(error, split_dir) from None
        for item in printed:
            check_output(split_dir / _file_name(item.name, item.serial), replace=replace)
    written: list[Path] = []
    total = len(printed) * ((out is not None) + (split_dir is not None))
    done = 0

    def step(n: int, _total: int) -> bool:
        return progress(done + n, total) if progress else True

    if out is not None:
        with atomic_output(out, replace=replace) as tmp:
            write_certificates(
                tmp, layout, [p.page for p in printed], step, [p.template or formal() for p in printed]
            )
        written.append(out)
        done += len(printed)
    if split_dir is not None:
        for item in printed:
            path = split_dir / _file_name(item.name, item.serial)
            with atomic_output(path, replace=replace) as tmp:
                write_certificates(tmp, layout, [item.page], None, item.template)
            written.append(path)
            done += 1
            if progress and not progress(done, total):
                raise Cancelled()
    return written


@dataclass(frozen=True)
class Verification:
    """What verification found. "genuine": the verification code (or the whole QR text) matches a
    valid certificate; "on_record": a serial alone matches one (the serial is printed in plain text,
    so it proves nothing by itself); "revoked"; "unknown"."""

    status: str
    serial: str | None = None
    name: str | None = None
    training: str | None = None
    issued_on: str | None = None
    reason: str | None = None
    replaces: str | None = None  # serial of the revoked certificate this one replaces
    replaced_by: str | None = None  # serial of the certificate that replaces this revoked one

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


def verify(db: Database, text: str) -> Verification:
    """Check a certificate QR payload, a verification code or a printed serial against this database."""
    text = text.strip()
    serial: str | None = None
    code: str | None = None
    parts = text.split(":")
    if len(parts) == 3 and parts[0].upper() == PAYLOAD_PREFIX:
        serial, code = parts[1].strip().upper(), normalize_code(parts[2])
    elif re.fullmatch(r"[A-Za-z0-9]+-\d{4}-[A-Za-z0-9]+-\d+", text):
        serial = text.upper()
    else:
        code = normalize_code(text)
    with db.session_scope() as tx:
        query = select(Certificate)
        if serial is not None:
            query = query.where(func.upper(Certificate.serial) == serial)
        if code is not None:
            query = query.where(Certificate.verification_code == code)
        certificate = tx.scalar(query)
        if certificate is None:
            return Verification("unknown")
        details = certificate.printed_details or {}
        if certificate.revoked_at:
            status = "revoked"
        else:
            status = "genuine" if code is not None else "on_record"
        replaces = tx.get(Certificate, certificate.replaces_id) if certificate.replaces_id else None
        replaced_by = tx.scalar(
            select(Certificate.serial).where(Certificate.replaces_id == certificate.id).limit(1)
        )
        return Verification(
            status,
            certificate.serial,
            certificate.printed_name,
            certificate.printed_training_title,
            details.get("issued_on") or certificate.issued_at.date().isoformat(),
            certificate.revoked_reason,
            replaces.serial if replaces is not None else None,
            replaced_by,
        )


def qr_payload(db: Database, serial: str) -> str:
    """The text of a certificate's QR code (what a scanner types into the verification box)."""
    with db.session_scope() as tx:
        code = tx.scalar(select(Certificate.verification_code).where(Certificate.serial == serial))
    if code is None:
        raise NotFoundError(_("No certificate with serial {serial}.").format(serial=serial))
    return f"{PAYLOAD_PREFIX}:{serial}:{code}"


def revoke(db: Database, serial: str, reason: str) -> None:
    """Revoke a certificate (it then verifies as revoked, with the reason); it is never deleted."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("reason", _("Say why the certificate is revoked."))
    with db.session_scope() as tx:
        certificate = tx.scalar(
            select(Certificate).where(func.upper(Certificate.serial) == serial.strip().upper())
        )
        if certificate is None:
            raise NotFoundError(_("No certificate with serial {serial}.").format(serial=serial))
        if certificate.revoked_at is not None:
            raise ValidationError("serial", _("This certificate is already revoked."))
        certificate.revoked_at = clock.utcnow()
        certificate.revoked_reason = reason
        audit.record(
            tx, db, "certificate", certificate.uid, "revoke", {"revoked_reason": [None, reason]}
        )


@dataclass(frozen=True)
class CertificateDesign:
    """What the certificate dialog edits for one training."""

    wording: str
    own_wording: bool  # False: the organization's default wording is used
    signatories: list[SignatoryData]  # the training's own; empty: the organization's are used


def certificate_design(db: Database, training_id: int) -> CertificateDesign:
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        default = str(get_setting(tx, "certificate_wording"))
        own = training.certificate_wording
    return CertificateDesign(own or default, bool(own), signatories_for(db, training_id))


def save_certificate_design(
    db: Database, training_id: int, wording: str, signatories: list[SignatoryData]
) -> None:
    """Save a training's wording and signatories in one transaction (certificates already issued keep
    what they printed)."""
    wording = wording.strip()
    if not wording:
        raise ValidationError("certificate_wording", _("The certificate needs some wording."))
    check_wording(wording)
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        default = str(get_setting(tx, "certificate_wording"))
        audit.apply(
            tx,
            db,
            training,
            "training",
            {"certificate_wording": None if wording == default else wording},
        )
        save_training_signatories(tx, db, training_id, signatories)


def preview_certificate(
    db: Database, training_id: int, wording: str, signatories: list[SignatoryData]
) -> bytes:
    """One sample certificate page as PDF bytes, for the live preview (nothing is issued)."""
    check_wording(wording)
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        arabic = get_setting(tx, "document_digits") == "arabic"
        issuer = str(get_setting(tx, "identity_name_ar") or "")
        sample = tx.execute(
            select(Person, Organization.name_ar)
            .join(Enrollment, Enrollment.person_id == Person.id)
            .outerjoin(Organization, Organization.id == Enrollment.organization_id)
            .where(Enrollment.training_id == training_id)
            .order_by(Enrollment.id)
            .limit(1)
        ).first()
        name, latin, org, female = ("اسم المشارك", "Participant Name", "اسم الجهة", False)
        if sample is not None:
            person, org_name = sample
            name, latin, org = (
                clean_text(person.full_name),
                person.latin_name or "",
                clean_text(org_name or ""),
            )
            female = person.gender == Gender.FEMALE
        values = {
            "name": name, "organization": org, "training": training.title_ar,
            "start": format_date(training.start_date, arabic_digits=arabic),
            "end": format_date(training.end_date, arabic_digits=arabic),
            "venue": training.venue or "", "sessions_attended": _digits("2", arabic), "organization_name": issuer,
        }  # fmt: skip
    before, after = fill_wording(wording, values, female)
    layout, _pages = training_certificates(db, training_id)
    chosen = signatories or [SignatoryData(s.name, s.title, s.image) for s in layout.signatories]
    layout = CertificateLayout(
        issuer or layout.issuer, layout.issuer_latin, layout.logo, layout.partner_logos,
        tuple(Signature(s.name, s.title, s.signature_image) for s in chosen),
    )  # fmt: skip
    page = CertificatePage(
        name=name, latin_name=latin, before=before, after=after, serial="TSH-0000-XXXXX-0000",
        qr_payload=f"{PAYLOAD_PREFIX}:TSH-0000-XXXXX-0000:0000-0000-0000-0000",
        issued_line=issued_line(clock.today(), arabic_digits=arabic),
    )  # fmt: skip
    _check_pages([page])
    buffer = io.BytesIO()
    write_certificates(buffer, layout, [page])
    return buffer.getvalue()


@dataclass(frozen=True)
class IssuedCertificate:
    serial: str
    name: str
    issued_on: str
    revoked_reason: str | None
    revoked: bool
    person_id: int = 0
    replaces: str | None = None  # serial of the revoked certificate this one replaces
    replaced: bool = False  # revoked, and a replacement has been issued


def issued_certificates(db: Database, training_id: int) -> list[IssuedCertificate]:
    """Every certificate issued for the training, revoked ones included, by serial."""
    with db.session_scope() as tx:
        rows = tx.execute(
            select(Certificate, Enrollment.person_id)
            .join(Enrollment, Enrollment.id == Certificate.enrollment_id)
            .where(Enrollment.training_id == training_id)
            .order_by(Certificate.serial)
        ).all()
        serial_of = {c.id: c.serial for c, _pid in rows}
        replaced = {c.replaces_id for c, _pid in rows if c.replaces_id}
        return [
            IssuedCertificate(
                c.serial,
                c.printed_name,
                (c.printed_details or {}).get("issued_on") or c.issued_at.date().isoformat(),
                c.revoked_reason,
                c.revoked_at is not None,
                person_id,
                serial_of.get(c.replaces_id) if c.replaces_id else None,
                c.id in replaced,
            )  # fmt: skip
            for c, person_id in rows
        ]


# ---------------------------------------------------------------- the template designer's samples

HOSTILE_NAME = "عبد الرحمن محمد عبد العزيز إبراهيم مصطفى الشافعي عبد الفتاح سليمان الحسيني"


@dataclass(frozen=True)
class DesignSamples:
    """What the designer previews a template with: the batch (logos, signatories) and one page of
    values per person of the training, plus a hostile sample (a long name, a Latin organization,
    three signatories)."""

    batch: engine.Batch
    people: list[tuple[int, str, engine.PageData]]  # (person id, name, page)
    hostile: engine.PageData
    hostile_batch: engine.Batch

    def longest(self) -> engine.PageData | None:
        """The page of the person whose name is the longest in print (not in letters)."""
        from desktop_app.pdf.layout import text_width

        if not self.people:
            return None
        return max(self.people, key=lambda p: text_width(p[1], 20, family="serif", bold=True))[2]


def design_samples(db: Database, training_id: int, kind: str = "certificate") -> DesignSamples:
    """The people of a training as the designer previews them (nothing is issued or written)."""

    today = clock.today()
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        arabic = get_setting(tx, "document_digits") == "arabic"
        issuer = str(get_setting(tx, "identity_name_ar") or "")
        wording = training.certificate_wording or str(get_setting(tx, "certificate_wording"))
        logo, partner_logos = document_logos(tx, training_id)
        signatories = tuple(
            Signature(s.name, s.title, s.signature_image) for s in _signatories(tx, training_id)
        )
        training_values = tpl.training_values(tx, training, arabic)
        rows = tx.execute(
            select(Enrollment, Person)
            .join(Person, Person.id == Enrollment.person_id)
            .where(Enrollment.training_id == training_id, Enrollment.status != EnrollmentStatus.WITHDRAWN)
            .order_by(Enrollment.id)
        ).all()
        serial = "TSH-" + str(today.year) + "-XXXXX-0001"
        certificate = {
            "certificate.serial": serial,
            "certificate.issue_date": format_date(today, arabic_digits=arabic),
            "certificate.qr_payload": f"{PAYLOAD_PREFIX}:{serial}:0000-0000-0000-0000",
            "certificate.code": "0000-0000-0000-0000",
        }
        people = []
        for enrollment, person in rows:
            values = _printed_values(tx, training, enrollment, person, 2, arabic, issuer)
            female = person.gender == Gender.FEMALE
            before, after = fill_wording(wording, values, female)
            page_values = {
                **_person_values(tx, training, enrollment, person, values, arabic), **certificate,
                "certificate.wording_before": before, "certificate.wording_after": after,
            }  # fmt: skip
            if kind == "badge" and enrollment.role == EnrollmentRole.PARTICIPANT:
                page_values["person.role"] = ""  # a badge names the role of anyone who is not a participant
            people.append((person.id, values["name"], engine.PageData(page_values, female, values["name"])))
        hostile_values = {"name": HOSTILE_NAME, "organization": "Example Civil Society Network Ltd. (Cairo)",
                          "training": training.title_ar, "start": training_values["training.start"],
                          "end": training_values["training.end"], "venue": training.venue or "",
                          "sessions_attended": _digits("2", arabic), "organization_name": issuer}  # fmt: skip
        before, after = fill_wording(wording, hostile_values, False)
        hostile = engine.PageData(
            {**training_values, **certificate, "person.name": HOSTILE_NAME,
             "person.latin_name": "Abdelrahman Mohamed Abdelaziz Ibrahim Moustafa El-Shafei",
             "person.organization": hostile_values["organization"], "person.role": "مدرب",
             "person.group": "المجموعة 12", "person.checkin_code": "12345678",
             "certificate.wording_before": before, "certificate.wording_after": after},
            False, HOSTILE_NAME,
        )  # fmt: skip
    three = (*signatories, *(Signature(f"د. {n} عبد الفتاح إبراهيم الشافعي", "مديرة البرامج والشراكات الإقليمية والدولية")
                             for n in ("هاني", "سلوى", "كمال")))[:3]  # fmt: skip
    batch = engine.Batch(logo, partner_logos, signatories)
    return DesignSamples(batch, people, hostile, engine.Batch(logo, partner_logos, three))
