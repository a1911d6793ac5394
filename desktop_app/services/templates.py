"""Templates: document layouts as data. Listing, finding by number or name, checking, saving (a new
version each time), copying, exporting to one file (JSON with its images) and importing one.

Every document is checked against the JSON Schema that ships with the application
(`resources/templates/template.schema.json`) when it is loaded, saved and imported, and a template
refers only to placeholders this version knows: an unknown one is refused when the template is saved
or imported, not when 500 certificates print. A file from a newer version of the format is refused
with a message that says so.

Built-in templates have rows (made by the migration) but no document in the database: theirs ships
with the application. When a certificate is issued with a template, the version it used is kept
(`TemplateRevision`), so a reprint draws the same page even after the template changed.
"""

from __future__ import annotations

import base64
import binascii
import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.assets import resource_path
from desktop_app.db import Database
from desktop_app.errors import AmbiguousError, DataError, NotFoundError, ValidationError, file_problem
from desktop_app.files import atomic_output
from desktop_app.i18n import _, ngettext
from desktop_app.models import Template, TemplateAsset, TemplateRevision, Training
from desktop_app.pdf import template as engine
from desktop_app.services import audit
from desktop_app.services.settings import get_setting

FORMAT = "tashbeek-template"
FORMAT_VERSION = engine.FORMAT_VERSION
MAX_FILE_BYTES = 20_000_000
MAX_ASSET_BYTES = 10_000_000
KINDS = ("certificate", "badge")
# The organization-wide default templates (Settings): template numbers.
DEFAULT_SETTING = {"certificate": "certificate_template", "badge": "badge_template"}
FALLBACK_BUILTIN = {"certificate": "formal", "badge": "badge"}
_MAGIC = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff", "application/pdf": b"%PDF-"}

# Every placeholder a template may print: key → (Arabic name shown in the editor, English name).
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "person.name": ("اسم المشارك", "Name"),
    "person.latin_name": ("الاسم باللاتينية", "Latin name"),
    "person.organization": ("جهة المشارك", "Organization"),
    "person.role": ("الدور", "Role"),
    "person.group": ("المجموعة", "Group"),
    "person.checkin_code": ("رمز الحضور", "Check-in code"),
    "person.sessions_attended": ("عدد الأيام التي حضرها", "Sessions attended"),
    "training.title": ("عنوان التدريب", "Training title"),
    "training.title_en": ("عنوان التدريب بالإنجليزية", "Training title (English)"),
    "training.dates": ("تاريخ التدريب", "Training dates"),
    "training.start": ("تاريخ البداية", "Start date"),
    "training.end": ("تاريخ النهاية", "End date"),
    "training.hours": ("عدد الساعات", "Hours"),
    "training.venue": ("المكان", "Venue"),
    "training.governorate": ("المحافظة", "Governorate"),
    "training.organizer": ("الجهة المنظمة", "Organizer"),
    "training.co_organizers": ("الجهات الشريكة في التنظيم", "Co-organizers"),
    "certificate.serial": ("رقم الشهادة", "Serial"),
    "certificate.issue_date": ("تاريخ الإصدار", "Issue date"),
    "certificate.code": ("رمز التحقق", "Verification code"),
    "certificate.wording_before": ("نص الشهادة قبل الاسم", "Wording before the name"),
    "certificate.wording_after": ("نص الشهادة بعد الاسم", "Wording after the name"),
    "identity.name": ("اسم المؤسسة", "Organization name"),
    "identity.name_en": ("اسم المؤسسة بالإنجليزية", "Organization name (English)"),
}


@dataclass(frozen=True)
class TemplateRow:
    id: int
    name: str
    name_en: str
    kind: str
    builtin: bool
    version: int

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "name_en": self.name_en, "kind": self.kind,
                "builtin": self.builtin, "version": self.version}  # fmt: skip


@cache
def schema() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        resource_path("templates", "template.schema.json").read_text("utf-8")
    )
    return document


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def check_document(document: Any) -> None:
    """Refuse a document that is not a template of this format (DataError naming where and why), one
    from a newer version of the format, one whose element ids repeat, one whose text uses a
    placeholder this version does not know, or one that refers to an image it does not carry."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DataError(_("This is not a Tashbeek template."))
    version = document.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise DataError(
            _("This template was made by a newer version of Tashbeek (template format {found}; this "
              "version reads format {known}). Update Tashbeek to use it.").format(found=version, known=FORMAT_VERSION)
        )  # fmt: skip
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        error = min(errors, key=lambda e: len(list(e.absolute_path)))
        where = "/".join(str(p) for p in error.absolute_path) or "/"
        raise DataError(
            _("The template is damaged at {where}: {problem}").format(where=where, problem=error.message)
        )
    seen: set[str] = set()
    for element in document["elements"]:
        if element["id"] in seen:
            raise DataError(_("Two elements of the template share the id {id}.").format(id=element["id"]))
        seen.add(element["id"])
        unknown = [key for key in _placeholders(element) if key not in PLACEHOLDERS]
        if unknown:
            raise ValidationError(
                "template",
                _("Element {id} uses a placeholder this version does not know: {keys}.").format(
                    id=element["id"], keys=", ".join("{" + key + "}" for key in unknown)
                ),
            )
        if element["type"] == "image" and element["source"] == "asset" and not element.get("asset"):
            raise DataError(_("Image {id} of the template has no picture.").format(id=element["id"]))


def _placeholders(element: Mapping[str, Any]) -> list[str]:
    keys = engine.placeholders_in(str(element.get("text", "")))
    keys += [k for k in engine.BRACED.findall(str(element.get("text", ""))) if k not in keys]
    return keys


def used_assets(document: Mapping[str, Any]) -> list[str]:
    """The asset ids (digests) the document refers to."""
    ids = [str(e["asset"]) for e in document["elements"] if e.get("type") == "image" and e.get("asset")]
    background = document.get("background")
    if background:
        ids.append(str(background["asset"]))
    return list(dict.fromkeys(ids))


def _row(t: Template) -> TemplateRow:
    return TemplateRow(t.id, t.name, t.name_en or "", t.kind, t.builtin is not None, _version(t))


def _version(t: Template) -> int:
    if t.builtin is not None:
        return int(engine.builtin_document(t.builtin).get("version", 1))
    return t.version


def list_templates(db: Database, kind: str | None = None) -> list[TemplateRow]:
    with db.session_scope() as tx:
        query = select(Template).order_by(Template.id)
        if kind is not None:
            query = query.where(Template.kind == kind)
        return [_row(t) for t in tx.scalars(query)]


def find_template(tx: Session, ref: str | int, kind: str | None = None) -> Template:
    """A template by its number, its name (Arabic or English) or a built-in's key; NotFoundError or
    AmbiguousError otherwise, and a ValidationError when it is of the other kind."""
    text = str(ref).strip()
    found: Template | None = None
    if text.isdigit():
        found = tx.get(Template, int(text))
    if found is None:
        matches = list(tx.scalars(
            select(Template).where((Template.name == text) | (Template.name_en == text) | (Template.builtin == text))
        ))  # fmt: skip
        if len(matches) > 1:
            raise AmbiguousError(
                _("Several templates are called {name}; use its number.").format(name=text),
                [m.id for m in matches],
            )
        found = matches[0] if matches else None
    if found is None:
        raise NotFoundError(_("No template {ref}; `tashbeek templates list` shows them.").format(ref=text))
    if kind is not None and found.kind != kind:
        raise ValidationError(
            "template",
            _("Template {name} is a {kind} template.").format(name=found.name, kind=_kind_word(found.kind)),
        )
    return found


def _kind_word(kind: str) -> str:
    return _("certificate") if kind == "certificate" else _("badge")


def current_document(tx: Session, template: Template) -> dict[str, Any]:
    if template.builtin is not None:
        return copy.deepcopy(engine.builtin_document(template.builtin))
    assert template.document is not None
    return copy.deepcopy(template.document)


def document_of(db: Database, template_id: int) -> dict[str, Any]:
    """A template's current document (a copy the caller may change)."""
    with db.session_scope() as tx:
        return current_document(tx, find_template(tx, template_id))


def load_assets(tx: Session, digests: list[str]) -> dict[str, bytes]:
    if not digests:
        return {}
    rows = tx.execute(
        select(TemplateAsset.digest, TemplateAsset.data).where(TemplateAsset.digest.in_(digests))
    )
    found = {digest: bytes(data) for digest, data in rows}
    missing = [d for d in digests if d not in found]
    if missing:
        raise DataError(_("A picture of the template is missing from this database."))
    return found


def template_assets(db: Database, document: Mapping[str, Any]) -> dict[str, tuple[str, bytes]]:
    """The pictures a document uses, by digest: (media type, bytes)."""
    digests = used_assets(document)
    if not digests:
        return {}
    with db.session_scope() as tx:
        rows = tx.execute(
            select(TemplateAsset.digest, TemplateAsset.media_type, TemplateAsset.data).where(
                TemplateAsset.digest.in_(digests)
            )
        )
        return {digest: (media_type, bytes(data)) for digest, media_type, data in rows}


def drawable(tx: Session, template: Template, version: int | None = None) -> engine.Template:
    """The template ready to draw: its current document, or the version asked for (kept since a
    certificate was printed with it)."""
    document: dict[str, Any] | None = None
    if version is not None:
        document = tx.scalar(
            select(TemplateRevision.document).where(
                TemplateRevision.template_id == template.id, TemplateRevision.version == version
            )
        )
    if document is None:
        document = current_document(tx, template)
        version = _version(template)
    check_document(document)
    return engine.template_from_document(document, load_assets(tx, used_assets(document)),
                                         f"{template.uid}:{version}")  # fmt: skip


def keep_revision(tx: Session, template: Template) -> int:
    """Make sure the template's current version is kept (for a certificate printed with it); returns
    the version number."""
    version = _version(template)
    exists = tx.scalar(
        select(TemplateRevision.id).where(
            TemplateRevision.template_id == template.id, TemplateRevision.version == version
        )
    )
    if exists is None:
        tx.add(TemplateRevision(template_id=template.id, version=version,
                                     document=current_document(tx, template)))  # fmt: skip
        tx.flush()
    return version


def training_template(tx: Session, training: Training | None, kind: str) -> Template:
    """The template a training prints with: its own choice, else the default from Settings, else the
    built-in formal certificate (or badge)."""
    chosen = None
    if training is not None:
        chosen = training.template_id if kind == "certificate" else training.badge_template_id
    if chosen is None:
        setting = get_setting(tx, DEFAULT_SETTING[kind])
        chosen = int(setting) if isinstance(setting, int | str) and str(setting).isdigit() else None
    template = tx.get(Template, chosen) if chosen is not None else None
    if template is None or template.kind != kind:
        template = tx.scalar(select(Template).where(Template.builtin == FALLBACK_BUILTIN[kind]))
    assert template is not None, "the built-in templates are made by the migration"
    return template


def _store_assets(tx: Session, assets: Mapping[str, tuple[str, bytes]]) -> None:
    for digest, (media_type, data) in assets.items():
        _check_asset(digest, media_type, data)
        if tx.scalar(select(TemplateAsset.id).where(TemplateAsset.digest == digest)) is None:
            tx.add(TemplateAsset(digest=digest, media_type=media_type, data=data))
    tx.flush()


def _check_asset(digest: str, media_type: str, data: bytes) -> None:
    if engine.digest(data) != digest:
        raise DataError(_("A picture of the template is damaged (its contents do not match its name)."))
    if len(data) > MAX_ASSET_BYTES:
        raise DataError(_("A picture of the template is larger than 10 MB."))
    magic = _MAGIC.get(media_type)
    if magic is None or not data.startswith(magic):
        raise DataError(_("A picture of the template is not a PNG, JPEG or PDF file."))
    if media_type == "application/pdf":
        try:
            engine.pdf_page_count(data)
        except ValueError:
            raise DataError(_("The template's PDF background cannot be read.")) from None
    else:
        from PIL import Image, UnidentifiedImageError

        try:
            import io

            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise DataError(_("A picture of the template cannot be read.")) from None


def media_type_of(data: bytes) -> str:
    """The media type of an image or PDF by its first bytes (DataError when it is none of them)."""
    for media_type, magic in _MAGIC.items():
        if data.startswith(magic):
            return media_type
    raise DataError(_("A picture of the template is not a PNG, JPEG or PDF file."))


def _free_name(tx: Session, name: str, exclude: int | None = None) -> str:
    taken = {n for (n,) in tx.execute(select(Template.name).where(Template.id != (exclude or 0)))}
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def save_template(
    db: Database,
    template_id: int | None,
    document: dict[str, Any],
    assets: Mapping[str, tuple[str, bytes]] | None = None,
) -> int:
    """Save a template's document as its next version (a new template when `template_id` is None);
    `assets` are the new pictures by digest. A built-in template is never changed: copy it first.
    Returns the template's number."""
    document = copy.deepcopy(document)
    document.pop("assets", None)
    document["name"] = str(document.get("name", "")).strip()
    check_document(document)
    with db.session_scope() as tx:
        _store_assets(tx, assets or {})
        load_assets(tx, used_assets(document))  # every picture it uses is there
        name_taken = tx.scalar(
            select(Template.id).where(Template.name == document["name"], Template.id != (template_id or 0))
        )
        if name_taken is not None:
            raise ValidationError(
                "name", _("Another template is already called {name}.").format(name=document["name"])
            )
        if template_id is None:
            template = Template(name=document["name"], name_en=document.get("name_en") or None,
                                kind=document["kind"], version=0)  # fmt: skip
            tx.add(template)
            tx.flush()
        else:
            template = find_template(tx, template_id)
            if template.builtin is not None:
                raise ValidationError(
                    "template", _("A built-in template cannot be changed; make a copy of it.")
                )
            if template.kind != document["kind"]:
                raise ValidationError("template", _("A template cannot change from certificate to badge."))
        template.version += 1
        document["version"] = template.version
        template.name = document["name"]
        template.name_en = document.get("name_en") or None
        template.document = document
        tx.add(TemplateRevision(template_id=template.id, version=template.version, document=document))
        tx.flush()
        audit.record(tx, db, "template", template.uid, "save", {"version": [None, template.version]})
        return template.id


def copy_template(db: Database, source: str | int, name: str | None = None) -> int:
    """A new template from another one (a built-in one, usually), under a free name."""
    with db.session_scope() as tx:
        template = find_template(tx, source)
        document = current_document(tx, template)
        document["name"] = _free_name(
            tx, (name or "").strip() or _("{name} (copy)").format(name=template.name)
        )
        document.pop("name_en", None)
    return save_template(db, None, document)


def delete_template(db: Database, template_id: int) -> None:
    """Remove a template nobody uses; one a training or a certificate uses is refused."""
    from desktop_app.models import Certificate

    with db.session_scope() as tx:
        template = find_template(tx, template_id)
        if template.builtin is not None:
            raise ValidationError("template", _("A built-in template cannot be removed."))
        used = tx.scalar(
            select(Training.id).where((Training.template_id == template.id) | (Training.badge_template_id == template.id))
        ) or tx.scalar(select(Certificate.id).where(Certificate.template_id == template.id))  # fmt: skip
        if used is not None:
            raise ValidationError("template", _("This template is in use by a training or a certificate."))
        for revision in tx.scalars(
            select(TemplateRevision).where(TemplateRevision.template_id == template.id)
        ):
            tx.delete(revision)
        audit.record(tx, db, "template", template.uid, "delete", {})
        tx.delete(template)


def set_training_template(
    db: Database, training_id: int, ref: str | int | None, kind: str = "certificate"
) -> None:
    """The template a training prints its certificates (or badges) with; None: the default."""
    from desktop_app.services.trainings import get_training

    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        chosen = find_template(tx, ref, kind).id if ref is not None else None
        field = "template_id" if kind == "certificate" else "badge_template_id"
        audit.apply(tx, db, training, "training", {field: chosen})


def set_default_template(db: Database, kind: str, ref: str | int | None) -> None:
    """The template trainings print with when they chose none (Settings); None: the built-in one."""
    from desktop_app.services.settings import _write_value

    with db.session_scope() as tx:
        chosen = find_template(tx, ref, kind).id if ref is not None else None
        _write_value(tx, db, DEFAULT_SETTING[kind], chosen)


def training_templates(db: Database, training_id: int) -> tuple[TemplateRow, TemplateRow]:
    """The certificate and badge templates a training prints with (its own or the defaults)."""
    from desktop_app.services.trainings import get_training

    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        return (_row(training_template(tx, training, "certificate")),
                _row(training_template(tx, training, "badge")))  # fmt: skip


def default_template(db: Database, kind: str) -> int:
    with db.session_scope() as tx:
        return training_template(tx, None, kind).id


def export_template(db: Database, ref: str | int, out: Path, *, replace: bool = False) -> Path:
    """Write a template as one JSON file with its pictures inside (base64)."""
    with db.session_scope() as tx:
        document = _with_assets(tx, current_document(tx, find_template(tx, ref)))
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    with atomic_output(out, replace=replace) as tmp:
        try:
            tmp.write_text(text, "utf-8")
        except OSError as error:
            raise file_problem(error, out) from None
    return out


def _with_assets(tx: Session, document: dict[str, Any]) -> dict[str, Any]:
    """The document with the pictures it uses inside it (base64, by digest): one self-contained JSON."""
    digests = used_assets(document)
    if not digests:
        return document
    data = load_assets(tx, digests)
    media: dict[str, str] = {
        digest: media_type
        for digest, media_type in tx.execute(
            select(TemplateAsset.digest, TemplateAsset.media_type).where(TemplateAsset.digest.in_(digests))
        )
    }
    document["assets"] = {
        d: {"media_type": media[d], "b64": base64.b64encode(data[d]).decode("ascii")} for d in digests
    }
    return document


def read_template_file(path: Path) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
    """A template file's document and pictures, checked (DataError naming the problem)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(_("{file} is larger than 20 MB: not a template.").format(file=path.name))
        raw = path.read_bytes()
    except OSError as error:
        raise file_problem(error, path) from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DataError(_("{file} is not a Tashbeek template.").format(file=path.name)) from None
    check_document(document)
    return document, _carried_assets(document)


def _carried_assets(document: dict[str, Any]) -> dict[str, tuple[str, bytes]]:
    """The pictures a checked document carries inside it (base64, by digest), taken out of it and
    checked: each decodes, matches its digest, is a readable PNG, JPEG or PDF within the limits, and
    every picture the document uses is there (DataError naming the problem)."""
    assets: dict[str, tuple[str, bytes]] = {}
    for digest, item in (document.pop("assets", None) or {}).items():
        try:
            data = base64.b64decode(item["b64"], validate=True)
        except (binascii.Error, ValueError):
            raise DataError(
                _("A picture of the template is damaged (its contents do not match its name).")
            ) from None
        _check_asset(digest, item["media_type"], data)
        assets[digest] = (item["media_type"], data)
    missing = [d for d in used_assets(document) if d not in assets]
    if missing:
        raise DataError(_("A picture of the template is missing from the file."))
    return assets


def import_template(db: Database, path: Path, name: str | None = None) -> int:
    """Import a template file as a new template; a name already taken gets " (2)" unless `name` is
    given (then a taken name is refused). Returns the new template's number."""
    document, assets = read_template_file(path)
    with db.session_scope() as tx:
        if name is not None and name.strip():
            document["name"] = name.strip()
        else:
            document["name"] = _free_name(tx, str(document["name"]).strip())
    return save_template(db, None, document, assets)


def check_for_unknown(text: str) -> list[str]:
    """Placeholders in a text that this version does not know (for the editor's field)."""
    keys = engine.placeholders_in(text) + engine.BRACED.findall(text)
    return [k for k in dict.fromkeys(keys) if k not in PLACEHOLDERS]


def training_values(tx: Session, training: Training, arabic_digits: bool) -> dict[str, str]:
    """The training's and the organization's placeholder values, in the digits chosen in Settings."""
    from desktop_app.models import Organization, TrainingCoOrganizer, TrainingSession
    from desktop_app.text.dates import format_date, format_range, to_arabic_digits
    from desktop_app.text.governorates import governorate_name
    from desktop_app.text.isolate import clean_text

    organizer = tx.get(Organization, training.organizer_id) if training.organizer_id else None
    partners = tx.scalars(
        select(Organization.name_ar)
        .join(TrainingCoOrganizer, TrainingCoOrganizer.organization_id == Organization.id)
        .where(TrainingCoOrganizer.training_id == training.id)
        .order_by(TrainingCoOrganizer.position, TrainingCoOrganizer.id)
    ).all()
    minutes = 0
    for s in tx.scalars(
        select(TrainingSession).where(
            TrainingSession.training_id == training.id, TrainingSession.cancelled.is_(False)
        )
    ):
        if s.start_time is not None and s.end_time is not None:
            minutes += max(
                0, (s.end_time.hour * 60 + s.end_time.minute) - (s.start_time.hour * 60 + s.start_time.minute)
            )
    hours = f"{minutes / 60:g}" if minutes else ""
    return {
        "training.title": training.title_ar,
        "training.title_en": training.title_en or "",
        "training.dates": format_range(training.start_date, training.end_date, arabic_digits=arabic_digits),
        "training.start": format_date(training.start_date, arabic_digits=arabic_digits),
        "training.end": format_date(training.end_date, arabic_digits=arabic_digits),
        "training.hours": to_arabic_digits(hours) if arabic_digits else hours,
        "training.venue": training.venue or "",
        "training.governorate": governorate_name(training.governorate),
        "training.organizer": clean_text(organizer.name_ar) if organizer else "",
        "training.co_organizers": "، ".join(clean_text(n) for n in partners),
        "identity.name": str(get_setting(tx, "identity_name_ar") or ""),
        "identity.name_en": str(get_setting(tx, "identity_name_en") or ""),
    }  # fmt: skip


# ---------------------------------------------------------------- the designer: preview and warnings


@dataclass(frozen=True)
class Preview:
    """A one-page PDF of a template for one sample, and what could not be drawn on it."""

    pdf: bytes
    problems: list[str]


def element_label(element: Mapping[str, Any]) -> str:
    return str(element.get("label") or element["id"])


def render_preview(
    document: Mapping[str, Any], assets: Mapping[str, bytes], batch: engine.Batch, page: engine.PageData
) -> Preview:
    """The template drawn for one sample by the code that prints (no database: safe off the GUI
    thread). An element that cannot be laid out for this sample is left out and named."""
    import io

    template = engine.template_from_document(document, assets, "preview")
    problems: list[str] = []
    broken = engine.page_problems(template, page)
    if broken:
        ids = {element.id for element, _kind in broken}
        for element, kind in broken:
            problems.append(_problem_text(element, kind, page.label))
        template = engine.template_from_document(
            {**document, "elements": [e for e in document["elements"] if e["id"] not in ids]},
            assets,
            "preview",
        )
    buffer = io.BytesIO()
    engine.write_pages(buffer, [(template, page)], batch, title=str(document.get("name", "")))
    return Preview(buffer.getvalue(), problems)


def _problem_text(element: engine.Element, kind: str, name: str) -> str:
    label = str(element.get("label") or element.id)
    if kind == "name":
        return _("{element}: the name of {name} does not fit, even at the smallest size.").format(
            element=label, name=name
        )
    if kind == "body":
        return _("{element}: the wording does not fit for {name}, even at the smallest size.").format(
            element=label, name=name
        )
    return _("{element}: the text for {name} does not fit its box, even at the smallest size.").format(
        element=label, name=name
    )


OVERLAP_KINDS = ("text", "body", "image", "signatures", "qr", "serial_date")


def design_warnings(
    document: Mapping[str, Any],
    assets: Mapping[str, bytes],
    pages: list[engine.PageData],
    batch: engine.Batch | None = None,
) -> list[str]:
    """What to fix before printing: elements off the printable area, elements that overlap, and text
    that would shrink below its minimum (or not fit) for someone in the training, named."""
    template = engine.template_from_document(document, assets, "warnings")
    width, height = template.size_mm
    top, right, bottom, left = template.margins
    warnings: list[str] = []
    boxes = []
    for element in template.elements:
        x0, y0, x1, y1 = element.x, element.y, element.x + element.width, element.y + element.height
        # A filled shape without a line may run to the edge on purpose (a band, a panel).
        bleed = element.type == "frame" and element.get("fill") and not float(element.get("line_width", 1.0))
        outside = (
            x0 < left - 0.05 or y0 < top - 0.05 or x1 > width - right + 0.05 or y1 > height - bottom + 0.05
        )
        if outside and not bleed:
            warnings.append(
                _("{element} is outside the printable area (the margins).").format(
                    element=str(element.get("label") or element.id)
                )
            )
        # A logo this training does not have prints nothing: it overlaps nothing.
        empty = (
            element.type == "image" and batch is not None and not engine.image_data(template, element, batch)
        )
        if element.type in OVERLAP_KINDS and not empty:
            boxes.append((element, (x0, y0, x1, y1)))
    for n, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[n + 1 :]:
            if min(box_a[2], box_b[2]) - max(box_a[0], box_b[0]) > 0.5 and \
                    min(box_a[3], box_b[3]) - max(box_a[1], box_b[1]) > 0.5:  # fmt: skip
                warnings.append(
                    _("{a} and {b} overlap.").format(
                        a=str(a.get("label") or a.id), b=str(b.get("label") or b.id)
                    )
                )
    refused: dict[str, list[str]] = {}
    shrunk: dict[str, list[str]] = {}
    for page in pages:
        for element, _kind in engine.page_problems(template, page):
            refused.setdefault(str(element.get("label") or element.id), []).append(page.label)
        for element in engine.shrunk_below(template, page):
            shrunk.setdefault(str(element.get("label") or element.id), []).append(page.label)
    for label, names in refused.items():
        warnings.append(
            _("{element} cannot be printed for: {names}.").format(element=label, names=_names(names))
        )
    for label, names in shrunk.items():
        if label not in refused:
            warnings.append(
                _("{element} shrinks to its smallest size (or is cut) for: {names}.").format(
                    element=label, names=_names(names)
                )
            )
    return warnings


def _names(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    shown = "، ".join(unique[:5])
    more = len(unique) - 5
    return shown + (
        ngettext(" and {n} other person", " and {n} other people", more).format(n=more) if more > 0 else ""
    )


# ---------------------------------------------------------------- templates in venue packages

PACKAGE_USES = ("certificate", "badge")


@cache
def builtin_keys() -> frozenset[str]:
    """The keys of the built-in templates this version ships."""
    return frozenset(path.stem for path in resource_path("templates", "builtin").glob("*.json"))


def package_records(tx: Session, training: Training) -> list[dict[str, Any]]:
    """The templates a training prints with here, as venue-package records: one per use (its
    certificates, its badges). A built-in one travels as its key (every database ships it); one made
    by a user travels whole, pictures inside, so the venue prints the same pages."""
    records: list[dict[str, Any]] = []
    for use in PACKAGE_USES:
        template = training_template(tx, training, use)
        record: dict[str, Any] = {"use": use, "uid": template.uid, "name": template.name,
                                  "builtin": template.builtin, "version": _version(template)}  # fmt: skip
        if template.builtin is None:
            record["document"] = _with_assets(tx, current_document(tx, template))
        records.append(record)
    return records


def package_record_problems(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What is wrong with a package's template record, as (field, message): the same checks as a
    template file (schema, placeholders, pictures and their limits), so a package never brings in a
    template an import of the file would refuse."""
    use = row.get("use")
    if use not in PACKAGE_USES:
        return [("use", _("This value is not valid here."))]
    builtin = row.get("builtin")
    if builtin is not None:
        if not isinstance(builtin, str) or builtin not in builtin_keys():
            return [("builtin", _("This template is not one of the built-in templates."))]
        if engine.builtin_document(builtin).get("kind") != use:
            return [("builtin", _("A certificate template cannot print badges, nor a badge template certificates."))]
        return []
    document = copy.deepcopy(row.get("document"))
    try:
        check_document(document)
        assert isinstance(document, dict)
        _carried_assets(document)
    except (DataError, ValidationError) as error:
        return [("document", error.message)]
    if document.get("kind") != use:
        return [("document", _("A certificate template cannot print badges, nor a badge template certificates."))]
    return []


def adopt_package_templates(tx: Session, db: Database, training: Training, rows: list[dict[str, Any]]) -> int:
    """Take in a package's (checked) template records in the import's transaction: a built-in one is
    this database's own; one made by a user is matched by its uid (new here: added under a free name;
    changed since: the package's document becomes its next version); the training then prints with
    them. Returns how many templates were added or changed."""
    changed = 0
    for row in rows:
        use = str(row["use"])
        template: Template | None
        if row.get("builtin") is not None:
            template = tx.scalar(select(Template).where(Template.builtin == row["builtin"]))
            assert template is not None  # every database has its built-in rows (migration 0010d)
        else:
            template = tx.scalar(select(Template).where(Template.uid == row["uid"]))
            if template is not None and (template.builtin is not None or template.kind != use):
                continue  # a uid that names something else here: the venue's own choice stands
            document = copy.deepcopy(row["document"])
            _store_assets(tx, _carried_assets(document))
            if template is None:
                template = Template(uid=row["uid"], name=_free_name(tx, str(document["name"]).strip()),
                                    name_en=document.get("name_en") or None, kind=use, version=0)  # fmt: skip
                tx.add(template)
                tx.flush()
            # The name is this database's (it may have been made free here); the layout is the package's.
            document["name"] = template.name
            document.pop("version", None)
            current = current_document(tx, template) if template.document is not None else None
            if current is None or {k: v for k, v in current.items() if k != "version"} != document:
                template.version += 1
                document["version"] = template.version
                template.document = document
                tx.add(TemplateRevision(template_id=template.id, version=template.version, document=document))
                tx.flush()
                audit.record(tx, db, "template", template.uid, "package_import",
                             {"version": [None, template.version]})  # fmt: skip
                changed += 1
        if training_template(tx, training, use).id != template.id:
            field = "template_id" if use == "certificate" else "badge_template_id"
            audit.apply(tx, db, training, "training", {field: template.id})
    return changed
