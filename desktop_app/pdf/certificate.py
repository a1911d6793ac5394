"""Participation certificates: one page per person, drawn from a template (`desktop_app.pdf.template`).

The page is a set of reserved boxes; the built-in "formal" template (A4 landscape) is the certificate
as it was before templates existed, element for element: the header (logos, issuer, title), the body
(wording, the name, the Latin name), the signatory row and the verification corner (QR code, serial,
date of issue). Each block is measured from its shaped glyphs' real ink and placed inside its box. A
name is set as large as it fits: one line, then two balanced lines, then smaller down to
`NAME_MIN_SIZE`; a name that still does not fit is refused (`NameTooLong`) rather than printed over
the frame.

The data comes in plain dataclasses: this module knows nothing of the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape

from desktop_app.pdf.layout import Line
from desktop_app.pdf.template import (
    Batch,
    BodyTooLong,
    NameTooLong,
    PageData,
    Signature,
    Template,
    TextTooLong,
    builtin_template,
    check_pages,
    write_pages,
)
from desktop_app.pdf.template import name_lines as _name_lines
from desktop_app.progress import Progress
from desktop_app.text.dates import format_date

__all__ = [
    "BodyTooLong",
    "CertificateLayout",
    "CertificatePage",
    "NameTooLong",
    "Signature",
    "TextTooLong",
    "check_page",
    "issued_line",
    "name_fits",
    "name_lines",
    "page_data",
    "write_certificates",
]

PAGE = landscape(A4)
WIDTH, HEIGHT = PAGE
# The boxes of the built-in formal template (points from the bottom-left corner), for tests that
# look at a part of the page.
CONTENT = (66.0, 60.0, WIDTH - 66.0, HEIGHT - 60.0)
SIGNATURE_ROW = (268.0, CONTENT[1], CONTENT[2], 150.0)
VERIFICATION = (CONTENT[0], CONTENT[1], 256.0, 150.0)  # QR code, serial, date of issue
BODY = (CONTENT[0] + 20, 162.0, CONTENT[2] - 20, 392.0)
NAME_MAX_SIZE = 34.0
NAME_MIN_SIZE = 20.0


def issued_line(day: dt.date, *, arabic_digits: bool) -> str:
    """The certificate's date line as printed (kept with the certificate, so a reprint says the same)."""
    return "تاريخ الإصدار: " + format_date(day, arabic_digits=arabic_digits)



@dataclass(frozen=True)
class CertificateLayout:
    """What every certificate of a batch shares."""

    issuer: str
    issuer_latin: str = ""
    logo: bytes | None = None
    partner_logos: tuple[bytes, ...] = ()
    signatories: tuple[Signature, ...] = ()
    title: str = "شهادة مشاركة"
    subtitle: str = "Certificate of Participation"

    def batch(self) -> Batch:
        return Batch(self.logo, self.partner_logos, self.signatories)


@dataclass(frozen=True)
class CertificatePage:
    """One person's certificate: every line already filled in and in the chosen digits."""

    name: str
    before: str  # the wording up to the name (may be empty)
    after: str  # the wording after the name
    serial: str
    qr_payload: str
    issued_line: str  # e.g. "تاريخ الإصدار: 29 نوفمبر 2026"
    serial_label: str = "رقم الشهادة"
    latin_name: str = ""
    # The template's placeholders as printed (person, training, certificate, identity), beyond the
    # fields above; and the person's gender for {masculine|feminine} forms.
    values: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    female: bool = False


def page_data(page: CertificatePage, layout: CertificateLayout | None = None) -> PageData:
    """The page's values by placeholder key: what it stored, with the fields every certificate has."""
    _label, _sep, date = page.issued_line.partition(": ")
    values = {
        "identity.name": layout.issuer if layout else "",
        "identity.name_en": layout.issuer_latin if layout else "",
        **page.values,
        "person.name": page.name,
        "person.latin_name": page.latin_name,
        "certificate.wording_before": page.before,
        "certificate.wording_after": page.after,
        "certificate.serial": page.serial,
        "certificate.qr_payload": page.qr_payload,
        "certificate.issue_date": date or page.issued_line,
    }
    return PageData(values, page.female, page.name)


def formal() -> Template:
    return builtin_template("formal")


def name_lines(name: str, width: float = BODY[2] - BODY[0]) -> tuple[float, list[Line]]:
    return _name_lines(name, width, NAME_MAX_SIZE, NAME_MIN_SIZE)


def name_fits(name: str, template: Template | None = None) -> bool:
    """Whether the name fits the template's body (the formal template's when none is given)."""
    from desktop_app.pdf.template import page_problems

    template = template or formal()
    bodies = [e for e in template.elements if e.type == "body"]
    if not bodies:
        return True
    page = PageData({"person.name": name})
    return not any(
        kind == "name" or (kind == "text" and "person.name" in element.placeholders)
        for element, kind in page_problems(template, page)
    )


def check_page(page: CertificatePage, template: Template | None = None) -> None:
    """Raise NameTooLong, BodyTooLong or TextTooLong when this page cannot be printed within its boxes."""
    check_pages([(template or formal(), page_data(page))])



def write_certificates(
    target: Path | BinaryIO,
    layout: CertificateLayout,
    pages: Sequence[CertificatePage],
    progress: Progress | None = None,
    templates: Sequence[Template] | Template | None = None,
) -> int:
    """Write the certificates as one PDF; returns the number of pages. Each page is drawn with its own
    template (`templates`: one for all, or one per page; the formal one by default). `progress`
    returning False stops the work with Cancelled; a page that cannot be laid out raises
    NameTooLong/BodyTooLong/TextTooLong (naming the person) before anything is written."""
    if templates is None or isinstance(templates, Template):
        chosen = [templates or formal()] * len(pages)
    else:
        chosen = list(templates)
    jobs = [(template, page_data(page, layout)) for template, page in zip(chosen, pages, strict=True)]
    return write_pages(target, jobs, layout.batch(), progress, title=layout.title, author=layout.issuer)
