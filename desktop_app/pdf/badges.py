"""Name badges from a badge template: eight to an A4 page (2 × 4, 90 × 65 mm) with cut marks in the
margins, or one 85.6 × 54 mm card per page for card printers.

Each badge carries the QR code of the person's check-in code alone, so a scanner at the venue types
the code into the Check-in box like a keyboard would. The built-in "badge" template is the badge as it
was before templates existed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm

from desktop_app.pdf.template import (
    BADGE_COLUMNS,
    BADGE_ROWS,
    Batch,
    PageData,
    Template,
    badge_origin,
    builtin_template,
    write_badge_pages,
)
from desktop_app.progress import Progress

BADGE_W, BADGE_H = 90 * mm, 65 * mm  # 2 × 4 on A4 with the cut marks inside the printable area
COLUMNS, ROWS = BADGE_COLUMNS, BADGE_ROWS
PER_PAGE = COLUMNS * ROWS


@dataclass(frozen=True)
class Badge:
    name: str
    organization: str
    group: str  # e.g. "المجموعة 3" or the group's name; "" when none
    code: str  # the check-in code, also the QR payload
    role: str = ""  # e.g. "مدربة" for anyone who is not a participant, in the person's gender
    latin_name: str = ""


@dataclass(frozen=True)
class BadgeLayout:
    title: str  # the training
    logo: bytes | None = None
    co_organizer_logos: tuple[bytes, ...] = ()


def _origin(slot: int) -> tuple[float, float]:
    return badge_origin(slot, BADGE_W, BADGE_H)


def badge_data(layout: BadgeLayout, badge: Badge, extra: dict[str, str] | None = None) -> PageData:
    values = {
        **(extra or {}),
        "training.title": layout.title,
        "person.name": badge.name,
        "person.latin_name": badge.latin_name,
        "person.organization": badge.organization,
        "person.group": badge.group,
        "person.role": badge.role,
        "person.checkin_code": badge.code,
    }
    return PageData(values, False, badge.name)


def write_badges(
    target: Path | BinaryIO,
    layout: BadgeLayout,
    badges: Sequence[Badge],
    progress: Progress | None = None,
    template: Template | None = None,
    extra: dict[str, str] | None = None,
) -> int:
    """Write the badges (the built-in badge template unless another is given); returns the number of
    pages."""
    template = template or builtin_template("badge")
    pages = [badge_data(layout, badge, extra) for badge in badges]
    batch = Batch(layout.logo, layout.co_organizer_logos)
    return write_badge_pages(target, template, pages, batch, progress, title=layout.title)
