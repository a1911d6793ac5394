"""Organization-wide settings kept in the database: identity, logo, certificate signatories,
digits in documents, certificate serial prefix (and the installation tag, which never changes).

Per-machine settings (language, operator, backup folder) are in `desktop_app.config` instead.
Saving the Settings screen is one transaction: every value is checked before anything is written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.i18n import _
from desktop_app.models import Organization, Setting, Signatory, TrainingCoOrganizer
from desktop_app.services import audit
from desktop_app.text.age_bands import DEFAULT_BOUNDS, bounds_or_default, check_bounds
from desktop_app.text.arabic import clean_name

INSTALLATION_TAG = "installation_tag"
LOGO = "identity_logo"
MAX_IMAGE_BYTES = 5_000_000
MAX_SIGNATORIES = 3
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG

DEFAULTS: dict[str, Any] = {
    "identity_name_ar": "",
    "identity_name_en": "",
    "document_digits": "western",  # or "arabic" (Arabic-Indic digits in printed documents)
    "certificate_serial_prefix": "TSH",
    # Ages where a new band starts in statistics and People filters (text.age_bands).
    "age_band_bounds": list(DEFAULT_BOUNDS),
    "certificate_wording": (
        "تشهد إدارة {organization_name} بأن {name} من {organization} قد {شارك|شاركت} في {training} "
        "المنعقد في {venue} من {start} إلى {end}."
    ),
}


@dataclass(frozen=True)
class SignatoryData:
    name: str
    title: str | None = None
    signature_image: bytes | None = None


@dataclass
class OrganizationSettings:
    """Everything the Settings screen edits for the organization, saved together."""

    identity_name_ar: str = ""
    identity_name_en: str = ""
    document_digits: str = "western"
    certificate_serial_prefix: str = "TSH"
    logo: bytes | None = None
    signatories: list[SignatoryData] = field(default_factory=list)


def check_setting_value(key: str, value: Any) -> Any:
    if key == INSTALLATION_TAG:
        raise ValidationError(key, _("The installation tag cannot be changed."))
    if key == "document_digits" and value not in ("western", "arabic"):
        raise ValidationError(key, _("This value is not one of the allowed choices."))
    if key == "certificate_serial_prefix":
        if not (isinstance(value, str) and value.isascii() and value.isalnum() and 1 <= len(value) <= 10):
            raise ValidationError(
                key, _("The serial prefix must be 1 to 10 Latin letters or digits, like TSH or CEDS.")
            )
        return value.upper()
    if key == "age_band_bounds":
        try:
            check_bounds(tuple(value))
        except (TypeError, ValueError):
            raise ValidationError(
                key, _("Age bands are up to ten increasing ages from 1 to 120, such as 18, 25, 35, 50.")
            ) from None
        return list(value)
    if isinstance(value, str) and key.startswith("identity_name"):
        return clean_name(value)
    return value


def check_image(key: str, data: bytes | None) -> None:
    """A logo or signature is decoded in full when it is chosen: a damaged file (a JPEG cut short) is
    refused here, not when every certificate print fails later."""
    if data is None:
        return
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError(key, _("The image is too large (at most 5 MB)."))
    if not data.startswith(_IMAGE_SIGNATURES):
        raise ValidationError(key, _("The image must be a PNG or JPEG file."))
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ("PNG", "JPEG"):
                raise ValidationError(key, _("The image must be a PNG or JPEG file."))
            image.load()  # decodes every pixel: a truncated or damaged file fails here
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises OSError, SyntaxError, ValueError… for damaged files
        raise ValidationError(
            key, _("The image file is damaged or incomplete; choose another file.")
        ) from error


def clean_signatories(signatories: list[SignatoryData]) -> list[SignatoryData]:
    if len(signatories) > MAX_SIGNATORIES:
        raise ValidationError("signatories", _("A certificate has room for at most three signatories."))
    cleaned = []
    for n, s in enumerate(signatories):
        name = clean_name(s.name)
        if not name:
            raise ValidationError(f"signatory_{n}", _("Each signatory needs a name."))
        check_image(f"signatory_{n}", s.signature_image)
        cleaned.append(SignatoryData(name, clean_name(s.title) or None, s.signature_image))
    return cleaned


def get_setting(tx: Session, key: str) -> Any:
    value = tx.scalar(select(Setting.value).where(Setting.key == key))
    return DEFAULTS.get(key) if value is None else value


def get_settings(db: Database) -> dict[str, Any]:
    """Every organization-wide setting, defaults filled in (the installation tag included)."""
    with db.session_scope() as tx:
        stored = {key: value for key, value in tx.execute(select(Setting.key, Setting.value))}
    return {**DEFAULTS, **{k: v for k, v in stored.items() if v is not None}}


def _setting_row(tx: Session, key: str) -> Setting:
    setting = tx.scalar(select(Setting).where(Setting.key == key))
    if setting is None:
        setting = Setting(key=key, value=None)
        tx.add(setting)
        tx.flush()
    return setting


def _write_value(tx: Session, db: Database, key: str, value: Any) -> None:
    setting = _setting_row(tx, key)
    if setting.value != value:
        audit.record(tx, db, "setting", setting.uid, "update", {key: [setting.value, value]})
        setting.value = value


def put_setting(tx: Session, db: Database, key: str, value: Any) -> None:
    """Write one setting in the caller's transaction (audited when it changes)."""
    _write_value(tx, db, key, value)


def age_band_bounds(tx: Session) -> tuple[int, ...]:
    """The organization's age bands (their lower bounds); the default when the stored value is unusable."""
    return bounds_or_default(get_setting(tx, "age_band_bounds"))


def save_age_band_bounds(db: Database, bounds: tuple[int, ...]) -> None:
    """Change the age bands (checked first; one transaction, audited)."""
    value = check_setting_value("age_band_bounds", bounds)
    with db.session_scope() as tx:
        _write_value(tx, db, "age_band_bounds", value)


def _write_blob(tx: Session, db: Database, key: str, data: bytes | None) -> None:
    setting = _setting_row(tx, key)
    if setting.blob != data:
        sizes = [f"<{len(b)} bytes>" if b else None for b in (setting.blob, data)]
        audit.record(tx, db, "setting", setting.uid, "update", {key: sizes})
        setting.blob = data


def _write_signatories(
    tx: Session, db: Database, signatories: list[SignatoryData], training_id: int | None = None
) -> None:
    """Replace the organization's signatories (training_id None) or one training's own."""
    condition = (
        Signatory.training_id.is_(None) if training_id is None else Signatory.training_id == training_id
    )
    existing = list(
        tx.scalars(select(Signatory).where(condition).order_by(Signatory.position, Signatory.id))
    )
    before = [[s.name, s.title] for s in existing]
    for n, data in enumerate(signatories):
        row = existing[n] if n < len(existing) else Signatory(training_id=training_id)
        row.position, row.name, row.title, row.signature_image = (
            n,
            data.name,
            data.title,
            data.signature_image,
        )
        tx.add(row)
    for row in existing[len(signatories) :]:
        tx.delete(row)  # settings, not history: nothing references a signatory row
    tx.flush()
    after = [[s.name, s.title] for s in signatories]
    if before != after:
        owner = "default" if training_id is None else f"training-{training_id}"
        audit.record(tx, db, "signatory", owner, "update", {"signatories": [before, after]})


def write_logo(tx: Session, db: Database, data: bytes | None) -> None:
    """Set the organization's logo inside a caller's transaction (checked like an upload)."""
    check_image(LOGO, data)
    _write_blob(tx, db, LOGO, data)


def write_default_signatories(tx: Session, db: Database, signatories: list[SignatoryData]) -> None:
    """Replace the organization's signatories inside a caller's transaction (checked like a form)."""
    _write_signatories(tx, db, clean_signatories(signatories))


def signatories_for(db: Database, training_id: int) -> list[SignatoryData]:
    """A training's own certificate signatories (empty: the organization's are used)."""
    with db.session_scope() as tx:
        rows = tx.scalars(
            select(Signatory)
            .where(Signatory.training_id == training_id)
            .order_by(Signatory.position, Signatory.id)
        ).all()
        return [SignatoryData(s.name, s.title, s.signature_image) for s in rows]


def save_training_signatories(
    tx: Session, db: Database, training_id: int, signatories: list[SignatoryData]
) -> None:
    _write_signatories(tx, db, clean_signatories(signatories), training_id)


def document_logos(tx: Session, training_id: int) -> tuple[bytes | None, tuple[bytes, ...]]:
    """The organization's logo and the co-organizers' logos of a training (up to three, in order),
    for the documents that print them."""
    own = tx.scalar(select(Setting.blob).where(Setting.key == LOGO))
    partners = tx.scalars(
        select(Organization.logo)
        .join(TrainingCoOrganizer, TrainingCoOrganizer.organization_id == Organization.id)
        .where(TrainingCoOrganizer.training_id == training_id, Organization.logo.is_not(None))
        .order_by(TrainingCoOrganizer.position)
    )
    return own, tuple(logo for logo in partners if logo)[:3]


def installation_tag(db: Database) -> str:
    with db.session_scope() as tx:
        return str(get_setting(tx, INSTALLATION_TAG))


def get_blob(db: Database, key: str) -> bytes | None:
    with db.session_scope() as tx:
        return tx.scalar(select(Setting.blob).where(Setting.key == key))


def default_signatories(db: Database) -> list[SignatoryData]:
    """The organization-wide certificate signatories, in printing order."""
    with db.session_scope() as tx:
        rows = tx.scalars(
            select(Signatory)
            .where(Signatory.training_id.is_(None))
            .order_by(Signatory.position, Signatory.id)
        ).all()
        return [SignatoryData(s.name, s.title, s.signature_image) for s in rows]


def load_organization_settings(db: Database) -> OrganizationSettings:
    values = get_settings(db)
    return OrganizationSettings(
        identity_name_ar=values["identity_name_ar"] or "",
        identity_name_en=values["identity_name_en"] or "",
        document_digits=values["document_digits"],
        certificate_serial_prefix=values["certificate_serial_prefix"],
        logo=get_blob(db, LOGO),
        signatories=default_signatories(db),
    )


def save_organization_settings(db: Database, data: OrganizationSettings) -> None:
    """Check every value, then write them all in one transaction (with audit entries)."""
    values = {
        key: check_setting_value(key, getattr(data, key))
        for key in ("identity_name_ar", "identity_name_en", "document_digits", "certificate_serial_prefix")
    }
    check_image(LOGO, data.logo)
    signatories = clean_signatories(data.signatories)
    with db.session_scope() as tx:
        for key, value in values.items():
            _write_value(tx, db, key, value)
        _write_blob(tx, db, LOGO, data.logo)
        _write_signatories(tx, db, signatories)


def save_identity(db: Database, *, name_ar: str, name_en: str, logo: bytes | None) -> None:
    """The organization's name and logo as the first-run guide asks them; an empty answer keeps
    what is there (the demo's organizer, or nothing), and every other setting stays as it is."""
    data = load_organization_settings(db)
    data.identity_name_ar = name_ar.strip() or data.identity_name_ar
    data.identity_name_en = name_en.strip() or data.identity_name_en
    data.logo = logo if logo is not None else data.logo
    save_organization_settings(db, data)
