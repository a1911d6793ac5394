"""Documents laid out from a template: a layout as data (page, background, elements placed in
millimetres) drawn by the same Arabic text engine as every other page.

A template is a JSON document (format 1, `resources/templates/template.schema.json`); services
validate it against the schema before it gets here, so this module trusts its shape. Elements:

- text: placeholders filled per page, font, size, weight, colour, alignment (start/centre/end, resolved
  for the paragraph's direction), line height, wrapped into its box or shrunk to fit, down to a
  minimum size; what still does not fit is refused (naming the element) or cut with "…";
- body: the training's certificate wording around the name, set the way certificates always were
  (the name as large as it fits, one line then two balanced lines; the wording shrinking to fit),
  stacked and centred in its box from the glyphs' measured ink;
- image (the organization's logo, a co-organizer's logo by position, or a picture of the template),
  signatures (one to three signatories: image, name, title), QR (verification payload or check-in
  code, quiet zone kept), serial and issue date, line and frame.

Elements are drawn in order (the first at the bottom). Consecutive elements that look the same on
every page of a batch (frames, logos, fixed wording, signatories) are drawn once into a form XObject
and placed on each page; the rest are drawn per page. A PDF background is put under every page
afterwards (ReportLab cannot place another PDF's page): its first page becomes one form XObject of the
finished file, through pypdf.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop_app.assets import resource_path
from desktop_app.pdf.draw import Align, draw_line
from desktop_app.pdf.layout import Line, break_lines, ellipsize, fit_size, text_width
from desktop_app.pdf.qr import draw_qr, qr_matrix
from desktop_app.progress import Progress, advance
from desktop_app.text.isolate import isolate, ltr

MM = 72 / 25.4
FORMAT_VERSION = 1
# Paper and badge sizes in millimetres, portrait (width, height); a badge is 90 × 65 (eight to an A4
# sheet, with cut marks), a card the ID-1 size card printers take (85.6 × 54).
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "Letter": (215.9, 279.4),
    "badge": (65.0, 90.0),
    "card": (54.0, 85.6),
}
CERTIFICATE_SIZES = ("A4", "A5", "Letter")
BADGE_SIZES = ("badge", "card")
# A line's box for layout, in ems of its size: from the baseline up to the top of the box, and down
# to its bottom (deep enough for the dots under ي and for descending Latin letters).
ASCENT, DESCENT = 1.0, 0.5
QR_MASK = 4  # the mask segno picks most often for verification payloads; fixing it halves the time

# Placeholders: {group.key}; gender forms {masculine|feminine} pick one per person.
PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_]+)\}")
ALTERNATIVE = re.compile(r"\{([^{}|]+)\|([^{}|]+)\}")
# Anything else in braces: a placeholder this version does not know (refused when a template is saved).
BRACED = re.compile(r"\{([^{}|]*)\}")
# Values that are the same for every page of a batch (a form XObject may hold what uses only these).
BATCH_GROUPS = ("training.", "identity.")

INK = "#1d2b36"
MUTED = "#5b6770"


class TextTooLong(ValueError):
    """A text element's text does not fit its box even at its minimum size (and may not be cut)."""

    def __init__(self, element: str, text: str, label: str = "") -> None:
        super().__init__(element, text)
        self.element = element
        self.text = text
        self.label = label


class NameTooLong(ValueError):
    """The name does not fit in two lines at the smallest size a certificate allows."""


class BodyTooLong(ValueError):
    """The wording does not fit between the header and the signatures at the smallest size."""


@dataclass(frozen=True)
class Signature:
    name: str
    title: str | None = None
    image: bytes | None = None


@dataclass(frozen=True)
class Element:
    """One element of a template: its box in millimetres from the page's top-left corner and the
    properties of its type (as in the file)."""

    id: str
    type: str
    x: float
    y: float
    width: float
    height: float
    props: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.props.get(key, default)

    def box(self, page_height: float) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) in points from the bottom-left corner, as PDF draws."""
        x0 = self.x * MM
        y1 = page_height - self.y * MM
        return x0, y1 - self.height * MM, x0 + self.width * MM, y1

    @cached_property
    def placeholders(self) -> frozenset[str]:
        """The placeholders this element prints (their values decide what each page shows)."""
        if self.type == "text":
            return frozenset(placeholders_in(str(self.get("text", ""))))
        if self.type == "body":
            return frozenset({"certificate.wording_before", "certificate.wording_after", "person.name"}
                             | ({"person.latin_name"} if self.get("latin_name", True) else set()))  # fmt: skip
        if self.type == "qr":
            return frozenset(
                {"person.checkin_code" if self.get("payload") == "checkin" else "certificate.qr_payload"}
            )
        if self.type == "serial_date":
            return frozenset({"certificate.serial", "certificate.issue_date"})
        return frozenset()

    @property
    def per_page(self) -> bool:
        """Whether the element can differ from one page of a batch to the next."""
        return any(not key.startswith(BATCH_GROUPS) for key in self.placeholders)


@dataclass(frozen=True)
class Template:
    """A template ready to draw: the file's page, background and elements, its images resolved."""

    kind: str  # "certificate" or "badge"
    name: str
    size: str
    orientation: str
    margins: tuple[float, float, float, float]  # top, right, bottom, left in millimetres
    elements: tuple[Element, ...]
    background: tuple[str, bytes] | None = None  # ("image" | "pdf", bytes)
    assets: Mapping[str, bytes] = field(default_factory=dict, hash=False, compare=False)
    key: str = ""  # what the template is known by in a batch (its reference and version)

    @property
    def size_mm(self) -> tuple[float, float]:
        w, h = PAGE_SIZES[self.size]
        return (h, w) if self.orientation == "landscape" else (w, h)

    @property
    def size_pt(self) -> tuple[float, float]:
        w, h = self.size_mm
        return w * MM, h * MM

    def printable(self) -> tuple[float, float, float, float]:
        """The area inside the margins, in points from the bottom-left corner."""
        w, h = self.size_pt
        top, right, bottom, left = (m * MM for m in self.margins)
        return left, bottom, w - right, h - top

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


def template_from_document(
    document: Mapping[str, Any], assets: Mapping[str, bytes], key: str = ""
) -> Template:
    """The drawable template of a (validated) template document; `assets` maps the asset ids the
    document uses to their bytes."""
    page = document["page"]
    margins = page["margins"]
    elements = tuple(
        Element(
            str(e["id"]),
            str(e["type"]),
            float(e["x"]),
            float(e["y"]),
            float(e["width"]),
            float(e["height"]),
            {k: v for k, v in e.items() if k not in ("id", "type", "x", "y", "width", "height")},
        )  # fmt: skip
        for e in document["elements"]
    )
    background = document.get("background")
    return Template(
        str(document["kind"]), str(document["name"]), str(page["size"]), str(page["orientation"]),
        (float(margins["top"]), float(margins["right"]), float(margins["bottom"]), float(margins["left"])),
        elements,
        (str(background["type"]), assets[background["asset"]]) if background else None,
        assets, key,
    )  # fmt: skip


@cache
def builtin_document(name: str) -> dict[str, Any]:
    """A built-in template's document as shipped (`resources/templates/builtin/NAME.json`)."""
    path = resource_path("templates", "builtin", f"{name}.json")
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return document


def builtin_template(name: str) -> Template:
    return template_from_document(builtin_document(name), {}, f"builtin:{name}")


def placeholders_in(text: str) -> list[str]:
    """The placeholder keys a text uses, in order (gender forms are not placeholders)."""
    return PLACEHOLDER.findall(ALTERNATIVE.sub("", text)) if "{" in text else []


def fill(text: str, values: Mapping[str, str], female: bool) -> str:
    """The text with its gender forms chosen and its placeholders filled; each value is a run of
    its own (isolated), so a Latin organization keeps its full stop inside an Arabic sentence."""
    if "{" not in text:
        return text
    text = ALTERNATIVE.sub(lambda m: m.group(2) if female else m.group(1), text)
    filled = PLACEHOLDER.sub(lambda m: isolate(values.get(m.group(1), "")), text)
    return "\n".join(re.sub(r"[ \t]{2,}", " ", line).strip() for line in filled.split("\n"))


def digest(data: bytes) -> str:
    """An asset's id: the SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Batch:
    """What every page of a batch shares: the images and signatories of the organization and the
    training (values come with each page)."""

    logo: bytes | None = None
    co_organizer_logos: tuple[bytes, ...] = ()
    signatories: tuple[Signature, ...] = ()


@dataclass(frozen=True)
class PageData:
    """One page's (or badge's) values by placeholder key, and the person's gender for {m|f} forms."""

    values: Mapping[str, str] = field(hash=False, compare=False)
    female: bool = False
    label: str = ""  # who the page is for, in messages (the name)




# ---------------------------------------------------------------- text elements


def _color(value: str | None, default: str = INK) -> Color:
    return _hex(value or default)


@cache
def _hex(value: str) -> Color:
    return HexColor(value)


def _is_rtl(text: str, direction: str) -> bool:
    if direction in ("rtl", "ltr"):
        return direction == "rtl"
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return True


def _align(align: str, rtl: bool) -> Align:
    if align == "center":
        return "center"
    return "right" if (align == "start") == rtl else "left"


@dataclass(frozen=True)
class TextLayout:
    size: float
    lines: tuple[Line, ...]
    rtl: bool


@lru_cache(maxsize=20_000)
def layout_text(
    text: str, width: float, height: float, *, family: str, bold: bool, size: float, min_size: float,
    fit: str, max_lines: int, balanced: bool, line_height: float, direction: str, refuse: bool,
) -> TextLayout | None:  # fmt: skip
    """The size and lines of a text in a box (points), or None when it does not fit even at its
    minimum size and may not be cut."""
    rtl = _is_rtl(text, direction)
    if fit == "shrink":
        chosen = fit_size(text, size, width, family=family, bold=bold, minimum=min_size)
        if refuse and text_width(text, chosen, family=family, bold=bold) > width + 0.01:
            return None
        lines = ellipsize(text, chosen, width, family=family, bold=bold, rtl=rtl)[:1]
        return TextLayout(chosen, tuple(lines), rtl)
    sizes = [size]
    while sizes[-1] - 1 > min_size:
        sizes.append(sizes[-1] - 1)
    if sizes[-1] != min_size and min_size < size:
        sizes.append(min_size)
    for candidate in sizes:
        lines = break_lines(text, candidate, width, family=family, bold=bold, rtl=rtl, balanced=balanced)
        if (
            len(lines) <= max_lines
            and all(line.width <= width + 0.01 for line in lines)
            and _block_height(len(lines), candidate, line_height) <= height + 0.01
        ):
            return TextLayout(candidate, tuple(lines), rtl)
    if refuse:
        return None
    smallest = sizes[-1]
    room = 1 + int(max(0.0, height - _block_height(1, smallest, line_height)) // (smallest * line_height))
    lines = ellipsize(text, smallest, width, max_lines=max(1, min(max_lines, room)), family=family, bold=bold,
                      rtl=rtl)  # fmt: skip
    return TextLayout(smallest, tuple(lines), rtl)


def _block_height(count: int, size: float, line_height: float) -> float:
    return size * (ASCENT + DESCENT) + (count - 1) * size * line_height


def text_layout(element: Element, page: PageData, page_height: float) -> TextLayout | None:
    """The layout of a text element for one page (None: it does not fit and may not be cut)."""
    x0, y0, x1, y1 = element.box(page_height)
    text = fill(str(element.get("text", "")), page.values, page.female)
    if not text.strip():
        return TextLayout(float(element.get("size", 12)), (), True)
    size = float(element.get("size", 12))
    fit = str(element.get("fit", "shrink"))
    return layout_text(
        text, x1 - x0, y1 - y0, family=str(element.get("font", "sans")), bold=bool(element.get("bold", False)),
        size=size, min_size=min(size, float(element.get("min_size", size))), fit=fit,
        max_lines=int(element.get("max_lines", 1 if fit == "shrink" else 50)),
        balanced=bool(element.get("balanced", False)), line_height=float(element.get("line_height", 1.4)),
        direction=str(element.get("direction", "auto")), refuse=element.get("overflow", "refuse") == "refuse",
    )  # fmt: skip


def _draw_text(canvas: Canvas, element: Element, page: PageData, page_height: float) -> None:
    layout = text_layout(element, page, page_height)
    if layout is None:
        raise TextTooLong(
            element.id, fill(str(element.get("text", "")), page.values, page.female), page.label
        )
    if not layout.lines:
        return
    x0, y0, x1, y1 = element.box(page_height)
    size, lines = layout.size, layout.lines
    step = size * float(element.get("line_height", 1.4))
    height = _block_height(len(lines), size, float(element.get("line_height", 1.4)))
    valign = element.get("valign", "top")
    top = y1 if valign == "top" else y0 + height if valign == "bottom" else y1 - (y1 - y0 - height) / 2
    align = _align(str(element.get("align", "center")), layout.rtl)
    x = x1 if align == "right" else x0 if align == "left" else (x0 + x1) / 2
    canvas.setFillColor(_color(element.get("color")))
    baseline = top - size * ASCENT
    for line in lines:
        draw_line(canvas, line, x, baseline, size, align)
        baseline -= step


# ---------------------------------------------------------------- the certificate body


@dataclass(frozen=True)
class _Block:
    """Lines set one under the other: `leading` apart, or further where one line's lowest ink and the
    next one's highest would come closer than a tenth of the size."""

    lines: tuple[Line, ...]
    size: float
    leading: float
    family: str = "serif"
    bold: bool = False

    @cached_property
    def inks(self) -> list[tuple[float, float]]:
        return [line.ink(self.size) for line in self.lines]

    @property
    def top(self) -> float:
        """Ink above the first baseline."""
        return self.inks[0][0] if self.lines else 0.0

    @cached_property
    def steps(self) -> list[float]:
        """Distance from each line's baseline to the next one's."""
        inks = self.inks
        return [
            max(self.leading, -inks[n][1] + inks[n + 1][0] + self.size * 0.1) for n in range(len(inks) - 1)
        ]

    @cached_property
    def height(self) -> float:
        """From the first line's highest ink to the last line's lowest."""
        if not self.lines:
            return 0.0
        return self.top + sum(self.steps) - self.inks[-1][1]


GAP = 14.0  # between the body's blocks, ink to ink
NAME_LATIN_GAP = 7.0  # from the name's lowest ink to the Latin name's highest


def name_lines(
    name: str, width: float, max_size: float = 34.0, min_size: float = 20.0
) -> tuple[float, list[Line]]:
    """The size and the lines a name is printed in: one line as large as possible down to the
    maximum, then two balanced lines, shrinking down to the minimum; NameTooLong past that."""
    size = max_size
    while size >= min_size:
        lines = break_lines(name, size, width, family="serif", bold=True, balanced=True)
        if len(lines) <= 2 and all(line.width <= width + 0.01 for line in lines):
            return size, lines
        size -= 1
    raise NameTooLong(name)


@lru_cache(maxsize=256)
def body_blocks(
    name: str, latin_name: str, before: str, after: str, width: float, available: float,
    size: float = 16.5, min_size: float = 12.0, name_size: float = 34.0, name_min_size: float = 20.0,
) -> tuple[tuple[str, _Block], ...]:  # fmt: skip
    """The body's blocks at the largest wording size that fits (BodyTooLong if none does)."""
    name_size, names = name_lines(isolate(name), width, name_size, name_min_size)
    name_block = _Block(tuple(names), name_size, name_size * 1.25, bold=True)
    latin = (
        _Block(tuple(ellipsize(latin_name, 12.5, width * 0.8, rtl=False)), 12.5, 16, "sans")
        if latin_name
        else None
    )
    current = size
    while current >= min_size:
        blocks: list[tuple[str, _Block]] = []
        if before:
            lines = break_lines(before, current, width, family="serif", balanced=True)
            blocks.append(("before", _Block(tuple(lines), current, current * 1.6)))
        blocks.append(("name", name_block))
        if latin is not None:
            blocks.append(("latin", latin))
        if after:
            lines = break_lines(after, current, width, family="serif", balanced=True)
            blocks.append(("after", _Block(tuple(lines), current, current * 1.6)))
        if stack_height(blocks) <= available:
            return tuple(blocks)
        current -= 0.5
    raise BodyTooLong(name)


def stack_height(blocks: Sequence[tuple[str, _Block]]) -> float:
    height = 0.0
    for n, (kind, block) in enumerate(blocks):
        if n:
            height += NAME_LATIN_GAP if kind == "latin" else GAP
        height += block.height
    return height


def _body_of(element: Element, page: PageData, page_height: float) -> tuple[tuple[str, _Block], ...]:
    x0, y0, x1, y1 = element.box(page_height)
    values = page.values
    size = float(element.get("size", 16.5))
    name_size = float(element.get("name_size", 34.0))
    return body_blocks(
        values.get("person.name", ""),
        values.get("person.latin_name", "") if element.get("latin_name", True) else "",
        values.get("certificate.wording_before", ""), values.get("certificate.wording_after", ""),
        x1 - x0, y1 - y0, size, min(size, float(element.get("min_size", 12.0))),
        name_size, min(name_size, float(element.get("name_min_size", 20.0))),
    )  # fmt: skip


def _draw_body(canvas: Canvas, element: Element, page: PageData, page_height: float) -> None:
    blocks = _body_of(element, page, page_height)
    x0, y0, x1, y1 = element.box(page_height)
    # Centred in the box, a little above the middle (the eye's centre of a page).
    height = stack_height(blocks)
    top = y1 - max(0.0, (y1 - y0 - height) * 0.45)
    center = (x0 + x1) / 2
    colors = {
        "name": _color(element.get("name_color"), "#1f5f5b"),
        "latin": _color(element.get("latin_color"), MUTED),
    }
    for n, (kind, block) in enumerate(blocks):
        if n:
            top -= NAME_LATIN_GAP if kind == "latin" else GAP
        color = colors.get(kind) or _color(element.get("color"))
        canvas.setFillColor(color)
        canvas.setStrokeColor(color)
        baseline = top - block.top
        for line, step in zip(block.lines, [*block.steps, 0.0], strict=True):
            draw_line(canvas, line, center, baseline, block.size, "center")
            baseline -= step
        top -= block.height


# ---------------------------------------------------------------- the other elements


def _image(data: bytes) -> ImageReader:
    return ImageReader(io.BytesIO(data))


def _draw_image(canvas: Canvas, data: bytes, x: float, y: float, w: float, h: float) -> None:
    """An image inside the box (x, y, w, h), keeping its proportions, centred."""
    canvas.drawImage(_image(data), x, y, w, h, preserveAspectRatio=True, anchor="c", mask="auto")


def _one_line(canvas: Canvas, text: str, x: float, baseline: float, size: float, width: float, *,
              align: Align = "center", family: str = "sans", bold: bool = False, rtl: bool = True,
              minimum: float = 7.0) -> None:  # fmt: skip
    """One line, shrunk to fit the width down to `minimum`, then cut with an ellipsis."""
    size = fit_size(text, size, width, family=family, bold=bold, minimum=minimum)
    for line in ellipsize(text, size, width, family=family, bold=bold, rtl=rtl)[:1]:
        draw_line(canvas, line, x, baseline, size, align)


def _draw_signatures(canvas: Canvas, element: Element, batch: Batch, page_height: float) -> None:
    """Right to left across the box; each signatory in a slot of its own, nothing leaves its slot."""
    chosen = batch.signatories[: int(element.get("count", 3))]
    if not chosen:
        return
    x0, y0, x1, y1 = element.box(page_height)
    name_color = _color(element.get("color"))
    title_color = _color(element.get("title_color"), MUTED)
    name_size = float(element.get("size", 11.0))
    title_size = float(element.get("title_size", 8.0))
    slot = min(220.0, (x1 - x0) / len(chosen))
    first_center = (x0 + x1) / 2 + (len(chosen) - 1) * slot / 2
    inner = slot - 18  # the slot's usable width (a gutter between slots)
    for n, person in enumerate(chosen):
        cx = first_center - n * slot
        if person.image:
            _draw_image(canvas, person.image, cx - inner / 2 + 10, y1 - 46, inner - 20, 44)
        canvas.setStrokeColor(_hex(MUTED))
        canvas.setLineWidth(0.5)
        canvas.line(cx - inner / 2 + 6, y1 - 50, cx + inner / 2 - 6, y1 - 50)
        canvas.setFillColor(name_color)
        _one_line(canvas, isolate(person.name), cx, y1 - 64, name_size, inner, bold=True,
                  minimum=min(name_size, 8.5))  # fmt: skip
        if person.title:
            canvas.setFillColor(title_color)
            baseline = y1 - 76
            for line in ellipsize(isolate(person.title), title_size, inner, max_lines=2):
                draw_line(canvas, line, cx, baseline, title_size, "center")
                baseline -= title_size * 1.35


def _draw_qr(canvas: Canvas, element: Element, page: PageData, page_height: float) -> None:
    x0, y0, x1, y1 = element.box(page_height)
    side = min(x1 - x0, y1 - y0)
    checkin = element.get("payload") == "checkin"
    payload = page.values.get("person.checkin_code" if checkin else "certificate.qr_payload", "")
    if not payload:
        return
    canvas.setFillColor(black)
    matrix = _qr(payload, None if checkin else QR_MASK)
    # Check-in codes (badges, eight to a page) as a bitmap, so every code decodes when the page is
    # scanned whole (see pdf/qr.py).
    draw_qr(canvas, matrix, x0 + (x1 - x0 - side) / 2, y0 + (y1 - y0 - side) / 2, side, bitmap=checkin)


@lru_cache(maxsize=64)
def _qr(payload: str, mask: int | None) -> list[list[bool]]:
    return qr_matrix(payload, mask=mask)


def _draw_serial_date(canvas: Canvas, element: Element, page: PageData, page_height: float) -> None:
    """Labels and values one under the other: "رقم الشهادة:" and the serial, "تاريخ الإصدار:" and
    the date."""
    x0, y0, x1, y1 = element.box(page_height)
    width = x1 - x0
    size = float(element.get("size", 8.5))
    label_size = float(element.get("label_size", 8.0))
    serial = page.values.get("certificate.serial", "")
    date = page.values.get("certificate.issue_date", "")
    serial_label = str(element.get("serial_label", "رقم الشهادة"))
    date_label = str(element.get("date_label", "تاريخ الإصدار"))
    lines = [
        (f"{serial_label}:" if serial_label and serial else "", label_size, True),
        (ltr(serial), size, False),
        (f"{date_label}:" if date_label and date else "", label_size, True),
        (date, size, False),
    ]
    align = _align(str(element.get("align", "start")), True)
    x = x1 if align == "right" else x0 if align == "left" else (x0 + x1) / 2
    baseline = y1 - label_size
    for text, line_size, is_label in lines:
        if text:
            canvas.setFillColor(
                _color(element.get("label_color"), MUTED) if is_label else _color(element.get("color"))
            )
            _one_line(canvas, text, x, baseline, line_size, width, align=align, minimum=6.5)
        baseline -= label_size + 4.5 if is_label else line_size + 7.5


def _diamond(canvas: Canvas, x: float, y: float, side: float) -> None:
    canvas.saveState()
    canvas.translate(x, y)
    canvas.rotate(45)
    canvas.rect(-side / 2, -side / 2, side, side, stroke=0, fill=1)
    canvas.restoreState()


def _draw_frame(canvas: Canvas, element: Element, page_height: float) -> None:
    x0, y0, x1, y1 = element.box(page_height)
    fill = element.get("fill")
    width = float(element.get("line_width", 1.0))
    radius = float(element.get("radius", 0)) * MM
    if fill:
        canvas.setFillColor(_hex(str(fill)))
    canvas.setLineWidth(width)
    canvas.setStrokeColor(_color(element.get("color"), "#1f5f5b"))
    stroke = 1 if width > 0 else 0
    if radius:
        canvas.roundRect(x0, y0, x1 - x0, y1 - y0, radius, stroke=stroke, fill=1 if fill else 0)
    else:
        canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=stroke, fill=1 if fill else 0)
    offset = float(element.get("inner_offset", 0)) * MM
    if offset:
        inner_color = _color(element.get("inner_color"), "#a8843a")
        canvas.setLineWidth(float(element.get("inner_width", 0.7)))
        canvas.setStrokeColor(inner_color)
        canvas.rect(x0 + offset, y0 + offset, x1 - x0 - 2 * offset, y1 - y0 - 2 * offset)
        if element.get("corners") == "diamond":
            canvas.setFillColor(inner_color)
            for cx, cy in ((x0 + offset, y0 + offset), (x1 - offset, y0 + offset), (x0 + offset, y1 - offset),
                           (x1 - offset, y1 - offset)):  # fmt: skip
                _diamond(canvas, cx, cy, 6.4)


def _draw_line(canvas: Canvas, element: Element, page_height: float) -> None:
    x0, y0, x1, y1 = element.box(page_height)
    color = _color(element.get("color"), "#a8843a")
    canvas.setStrokeColor(color)
    canvas.setLineWidth(float(element.get("line_width", 0.8)))
    if x1 - x0 >= y1 - y0:  # horizontal, through the middle of its box
        y = (y0 + y1) / 2
        if element.get("ornament") == "diamond":
            cx = (x0 + x1) / 2
            canvas.line(x0, y, cx - 8, y)
            canvas.line(cx + 8, y, x1, y)
            canvas.setFillColor(color)
            _diamond(canvas, cx, y, 4.4)
        else:
            canvas.line(x0, y, x1, y)
    else:
        x = (x0 + x1) / 2
        canvas.line(x, y0, x, y1)


def draw_element(canvas: Canvas, template: Template, element: Element, batch: Batch, page: PageData,
                 page_height: float) -> None:  # fmt: skip
    """Draw one element (boxes measured from a page, or a badge, `page_height` points tall)."""
    kind = element.type
    if kind == "text":
        _draw_text(canvas, element, page, page_height)
    elif kind == "body":
        _draw_body(canvas, element, page, page_height)
    elif kind == "image":
        data = image_data(template, element, batch)
        if data:
            x0, y0, x1, y1 = element.box(page_height)
            _draw_image(canvas, data, x0, y0, x1 - x0, y1 - y0)
    elif kind == "signatures":
        _draw_signatures(canvas, element, batch, page_height)
    elif kind == "qr":
        _draw_qr(canvas, element, page, page_height)
    elif kind == "serial_date":
        _draw_serial_date(canvas, element, page, page_height)
    elif kind == "frame":
        _draw_frame(canvas, element, page_height)
    elif kind == "line":
        _draw_line(canvas, element, page_height)


def image_data(template: Template, element: Element, batch: Batch) -> bytes | None:
    source = element.get("source")
    if source == "logo":
        return batch.logo
    if source == "co_organizer":
        position = int(element.get("position", 1))
        logos = batch.co_organizer_logos
        return logos[position - 1] if position <= len(logos) else None
    return template.assets.get(str(element.get("asset", "")))


# ---------------------------------------------------------------- checking a page before printing


def page_problems(template: Template, page: PageData) -> list[tuple[Element, str]]:
    """What cannot be printed on this page: (element, "name" | "body" | "text") for a name too long
    for the body, wording too long for it, or a text element's text that does not fit and may not be
    cut."""
    problems: list[tuple[Element, str]] = []
    height = template.size_pt[1]
    for element in template.elements:
        if element.type == "body":
            try:
                _body_of(element, page, height)
            except NameTooLong:
                problems.append((element, "name"))
            except BodyTooLong:
                problems.append((element, "body"))
        elif element.type == "text" and element.per_page and text_layout(element, page, height) is None:
            problems.append((element, "text"))
    return problems


def shrunk_below(template: Template, page: PageData) -> list[Element]:
    """Text elements that would print this page's text at their minimum size (or cut it): the text
    is at the edge of what the box holds."""
    found = []
    height = template.size_pt[1]
    for element in template.elements:
        if element.type != "text" or not element.per_page:
            continue
        layout = text_layout(element, page, height)
        if layout is None or (
            layout.lines and layout.size <= float(element.get("min_size", layout.size)) - 0.01
        ):
            found.append(element)
        elif layout.lines and any(line.text.endswith("…") for line in layout.lines) and \
                not fill(str(element.get("text", "")), page.values, page.female).endswith("…"):  # fmt: skip
            found.append(element)
    return found


# ---------------------------------------------------------------- writing


def _segments(template: Template) -> list[tuple[bool, tuple[Element, ...]]]:
    """The elements in drawing order, cut into runs that are the same on every page of a batch
    (drawn once into a form) and runs drawn per page."""
    runs: list[tuple[bool, list[Element]]] = []
    for element in template.elements:
        static = not element.per_page
        if runs and runs[-1][0] == static:
            runs[-1][1].append(element)
        else:
            runs.append((static, [element]))
    return [(static, tuple(elements)) for static, elements in runs]


def _batch_key(elements: Iterable[Element], page: PageData) -> str:
    keys = sorted({key for e in elements for key in e.placeholders})
    text = json.dumps([[k, page.values.get(k, "")] for k in keys], ensure_ascii=False)
    return hashlib.sha1(text.encode()).hexdigest()[:12]


class _Writer:
    """Forms made once per template, run of elements and batch values; pages drawn through them."""

    def __init__(self, canvas: Canvas, batch: Batch) -> None:
        self.canvas = canvas
        self.batch = batch
        self.forms: dict[str, str] = {}
        self.templates: dict[str, int] = {}

    def prepare(self, template: Template, page: PageData, width: float, height: float) -> list[tuple[str | None, tuple[Element, ...]]]:  # fmt: skip
        """Make the forms this page needs (before anything is drawn on the page); returns its runs
        with the form name of each static one."""
        number = self.templates.setdefault(template.key or str(id(template)), len(self.templates))
        plan: list[tuple[str | None, tuple[Element, ...]]] = []
        if template.background is not None and template.background[0] == "image":
            name = f"tpl{number}-bg"
            if name not in self.forms:
                self.canvas.beginForm(name, 0, 0, width, height)
                _draw_image(self.canvas, template.background[1], 0, 0, width, height)
                self.canvas.endForm()
                self.forms[name] = name
            plan.append((name, ()))
        for n, (static, elements) in enumerate(_segments(template)):
            if not static:
                plan.append((None, elements))
                continue
            name = f"tpl{number}-{n}-{_batch_key(elements, page)}"
            if name not in self.forms:
                self.canvas.beginForm(name, 0, 0, width, height)
                for element in elements:
                    draw_element(self.canvas, template, element, self.batch, page, height)
                self.canvas.endForm()
                self.forms[name] = name
            plan.append((name, elements))
        return plan

    def draw(self, template: Template, page: PageData, plan: list[tuple[str | None, tuple[Element, ...]]],
             height: float) -> None:  # fmt: skip
        for form, elements in plan:
            if form is not None:
                self.canvas.doForm(form)
                continue
            for element in elements:
                draw_element(self.canvas, template, element, self.batch, page, height)


def check_pages(jobs: Sequence[tuple[Template, PageData]]) -> None:
    """Raise on the first page that cannot be laid out (NameTooLong, BodyTooLong, TextTooLong)."""
    for template, page in jobs:
        for element, kind in page_problems(template, page):
            if kind == "name":
                raise NameTooLong(page.values.get("person.name", ""))
            if kind == "body":
                raise BodyTooLong(page.values.get("person.name", ""))
            raise TextTooLong(
                element.id, fill(str(element.get("text", "")), page.values, page.female), page.label
            )


def write_pages(
    target: Path | BinaryIO,
    jobs: Sequence[tuple[Template, PageData]],
    batch: Batch,
    progress: Progress | None = None,
    *,
    title: str = "",
    author: str = "",
) -> int:
    """Certificates (or any one-page-per-person document): one page per job, each drawn with its own
    template. Every page is checked before anything is written; returns the number of pages."""
    check_pages(jobs)
    pdf_background = next(
        (t.background[1] for t, _p in jobs if t.background and t.background[0] == "pdf"), None
    )
    buffer: io.BytesIO | None = io.BytesIO() if pdf_background is not None else None
    out: Any = buffer if buffer is not None else (str(target) if isinstance(target, Path) else target)
    first = jobs[0][0].size_pt if jobs else (595.2756, 841.8898)
    canvas = Canvas(out, pagesize=first, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("Tashbeek")
    writer = _Writer(canvas, batch)
    total = len(jobs)
    backgrounds: list[bytes | None] = []
    for n, (template, page) in enumerate(jobs):
        width, height = template.size_pt
        canvas.setPageSize((width, height))
        plan = writer.prepare(template, page, width, height)
        writer.draw(template, page, plan, height)
        canvas.showPage()
        backgrounds.append(
            template.background[1] if template.background and template.background[0] == "pdf" else None
        )
        advance(progress, n + 1, total)
    canvas.save()
    if buffer is not None:
        data = underlay_pdf(buffer.getvalue(), backgrounds)
        if isinstance(target, Path):
            target.write_bytes(data)
        else:
            target.write(data)
    return total


# ---------------------------------------------------------------- badges


BADGE_COLUMNS, BADGE_ROWS = 2, 4


def badge_origin(slot: int, width: float, height: float) -> tuple[float, float]:
    """Bottom-left corner of a badge's slot on an A4 sheet, right to left like the reading order."""
    page_w, page_h = PAGE_SIZES["A4"][0] * MM, PAGE_SIZES["A4"][1] * MM
    left = (page_w - BADGE_COLUMNS * width) / 2
    top = page_h - (page_h - BADGE_ROWS * height) / 2
    col, row = slot % BADGE_COLUMNS, slot // BADGE_COLUMNS
    return left + (BADGE_COLUMNS - 1 - col) * width, top - (row + 1) * height


def _cut_marks(canvas: Canvas, width: float, height: float) -> None:
    page_w, page_h = PAGE_SIZES["A4"][0] * MM, PAGE_SIZES["A4"][1] * MM
    left = (page_w - BADGE_COLUMNS * width) / 2
    bottom = (page_h - BADGE_ROWS * height) / 2
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.4)
    for c in range(BADGE_COLUMNS + 1):
        x = left + c * width
        canvas.line(x, bottom - 12, x, bottom - 3)
        canvas.line(x, bottom + BADGE_ROWS * height + 3, x, bottom + BADGE_ROWS * height + 12)
    for r in range(BADGE_ROWS + 1):
        y = bottom + r * height
        canvas.line(left - 12, y, left - 3, y)
        canvas.line(left + BADGE_COLUMNS * width + 3, y, left + BADGE_COLUMNS * width + 12, y)


def badges_per_page(template: Template) -> int:
    return BADGE_COLUMNS * BADGE_ROWS if template.size == "badge" else 1


def write_badge_pages(
    target: Path | BinaryIO,
    template: Template,
    badges: Sequence[PageData],
    batch: Batch,
    progress: Progress | None = None,
    *,
    title: str = "",
) -> int:
    """Badges from a badge template: eight to an A4 sheet with cut marks (size "badge"), or one card
    per page of its own size ("card"). Returns the number of pages."""
    width, height = template.size_pt
    per_page = badges_per_page(template)
    sheet = (PAGE_SIZES["A4"][0] * MM, PAGE_SIZES["A4"][1] * MM) if per_page > 1 else (width, height)
    buffer: io.BytesIO | None = (
        io.BytesIO() if template.background and template.background[0] == "pdf" else None
    )
    out: Any = buffer if buffer is not None else (str(target) if isinstance(target, Path) else target)
    canvas = Canvas(out, pagesize=sheet, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Tashbeek")
    writer = _Writer(canvas, batch)
    pages = max(1, -(-len(badges) // per_page))
    for number in range(pages):
        chunk = badges[number * per_page : (number + 1) * per_page]
        plans = [writer.prepare(template, badge, width, height) for badge in chunk]
        if per_page > 1:
            _cut_marks(canvas, width, height)
        for slot, (badge, plan) in enumerate(zip(chunk, plans, strict=True)):
            x, y = badge_origin(slot, width, height) if per_page > 1 else (0.0, 0.0)
            canvas.saveState()
            canvas.translate(x, y)
            writer.draw(template, badge, plan, height)
            canvas.restoreState()
        canvas.showPage()
        advance(progress, number + 1, pages)
    canvas.save()
    if buffer is not None and template.background is not None:
        placements = None if per_page == 1 else [badge_origin(s, width, height) for s in range(per_page)]
        data = underlay_pdf(buffer.getvalue(), [template.background[1]] * pages, placements, (width, height))
        if isinstance(target, Path):
            target.write_bytes(data)
        else:
            target.write(data)
    return pages


# ---------------------------------------------------------------- PDF backgrounds


def pdf_page_count(data: bytes) -> int:
    """The number of pages of a PDF (ValueError when it cannot be read, or is encrypted)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValueError("encrypted")
        count = len(reader.pages)
        reader.pages[0].get_contents()
    except (PyPdfError, OSError, KeyError, IndexError, TypeError, AttributeError) as error:
        raise ValueError(str(error)) from error
    return count


def underlay_pdf(
    document: bytes,
    backgrounds: Sequence[bytes | None],
    placements: Sequence[tuple[float, float]] | None = None,
    box: tuple[float, float] | None = None,
) -> bytes:
    """Put the first page of each page's background PDF under that page, scaled to the page (or to
    `box` at each of `placements`, for badges on a sheet). Each background becomes one form XObject
    of the file, drawn by every page that uses it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(document)))
    forms: dict[bytes, tuple[Any, float, float, float, float]] = {}
    for page, background in zip(writer.pages, backgrounds, strict=False):
        if background is None:
            continue
        if background not in forms:
            source = PdfReader(io.BytesIO(background)).pages[0]
            copied = source.clone(writer)
            form = DecodedStreamObject()
            contents = source.get_contents()
            form.set_data(contents.get_data() if contents is not None else b"")
            media = source.mediabox
            form.update({
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject(FloatObject(v) for v in (media.left, media.bottom, media.right, media.top)),
                NameObject("/Resources"): copied.get("/Resources", DictionaryObject()),
            })  # fmt: skip
            forms[background] = (writer._add_object(form), float(media.left), float(media.bottom),
                                 float(media.width), float(media.height))  # fmt: skip
        ref, left, bottom, bw, bh = forms[background]
        resources = page.setdefault(NameObject("/Resources"), DictionaryObject())
        xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject())
        xobjects[NameObject("/TshBackground")] = ref
        w, h = box if box is not None else (float(page.mediabox.width), float(page.mediabox.height))
        ops = []
        for x, y in placements or [(0.0, 0.0)]:
            sx, sy = w / bw, h / bh
            ops.append(
                f"q {sx:.6f} 0 0 {sy:.6f} {x - left * sx:.4f} {y - bottom * sy:.4f} cm /TshBackground Do Q"
            )
        prefix = DecodedStreamObject()
        prefix.set_data(("\n".join(ops) + "\n").encode())
        # A stream inside an array must stay an indirect reference: keep the page's own references.
        raw = page.raw_get("/Contents")
        resolved = raw.get_object()
        existing = list(resolved) if isinstance(resolved, ArrayObject) else [raw]
        page[NameObject("/Contents")] = ArrayObject([writer._add_object(prefix), *existing])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
