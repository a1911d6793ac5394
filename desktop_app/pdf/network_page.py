"""The network of organizations as a printed page: the same layout as the window's picture (positions
in [0, 1] from the network service), organizations as circles sized by the people who took part and
coloured by kind, links as lines as thick as they are frequent (the host's links light and dashed,
new links in the accent colour), names in Arabic through our shaping engine, and the figures at the
side. Plain data in, no session, no Qt."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from desktop_app.pdf.draw import draw_string
from desktop_app.pdf.layout import fit_size
from desktop_app.text.isolate import isolate

MARGIN = 30.0
SIDE = 210.0  # the figures' column, on the right (the start of an Arabic page)
MUTED = HexColor("#5b6770")
ACCENT = HexColor("#c0392b")
LINK = HexColor("#34607f")
HOSTED = HexColor("#b8c4cc")
# One colour per kind of organization, told apart in print and by most colour-blind readers.
KIND_COLOURS = {
    "association": HexColor("#1f77b4"),
    "union": HexColor("#d62728"),
    "youth": HexColor("#2ca02c"),
    "network": HexColor("#9467bd"),
    "university": HexColor("#ff7f0e"),
    "government": HexColor("#8c564b"),
    "company": HexColor("#17becf"),
    "other": HexColor("#7f7f7f"),
}
MAX_LABELS = 60  # beyond, only the most connected are named (the rest are listed by the window)


@dataclass(frozen=True)
class PageNode:
    id: int
    name: str
    kind: str
    people: int
    x: float
    y: float


@dataclass(frozen=True)
class PageEdge:
    source: int
    target: int
    weight: int
    organized_only: bool
    new: bool


@dataclass(frozen=True)
class NetworkPage:
    title: str
    lines: tuple[str, ...]  # under the title: the period, the filter
    nodes: tuple[PageNode, ...]
    edges: tuple[PageEdge, ...]
    figures: tuple[tuple[str, str], ...]  # (label, value) at the side
    lists: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, items): most connected, new links…
    kind_names: dict[str, str]  # legend: kind -> its name
    labelled: frozenset[int]  # the organizations named on the picture
    footer: str = ""


def radius(people: int, largest: int) -> float:
    """A circle's radius: its area grows with the people who took part (3 pt for none)."""
    return 3.0 + 11.0 * math.sqrt(people / largest) if largest else 3.0


def write_network_page(target: Path | BinaryIO, page: NetworkPage) -> int:
    """Write the page; returns the number of pages (one)."""
    width, height = landscape(A4)
    canvas = Canvas(str(target) if isinstance(target, Path) else target, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(page.title)
    canvas.setCreator("Tashbeek")
    canvas.setFillColor(black)
    draw_string(canvas, page.title, width - MARGIN, height - MARGIN - 14, 16, bold=True)
    y = height - MARGIN - 34
    canvas.setFillColor(MUTED)
    for line in page.lines:
        draw_string(canvas, isolate(line), width - MARGIN, y, fit_size(line, 9.5, width - 2 * MARGIN))
        y -= 14
    top = y - 6
    _draw_side(canvas, page, width - MARGIN, top)
    _draw_graph(canvas, page, (MARGIN, MARGIN + 20, width - MARGIN - SIDE - 20, top))
    if page.footer:
        canvas.setFillColor(MUTED)
        draw_string(canvas, page.footer, MARGIN, MARGIN - 8, 7.5, align="left")
    canvas.showPage()
    canvas.save()
    return 1


def _draw_graph(canvas: Canvas, page: NetworkPage, box: tuple[float, float, float, float]) -> None:
    left, bottom, right, top = box
    pad = 24.0  # room for the largest circle and its name
    span = min(right - left, top - bottom) - 2 * pad
    ox = left + (right - left - span) / 2
    oy = bottom + (top - bottom - span) / 2

    def at(node: PageNode) -> tuple[float, float]:
        # y grows downwards in the layout (as on a screen), upwards on a PDF page.
        return ox + node.x * span, oy + (1 - node.y) * span

    where = {n.id: at(n) for n in page.nodes}
    heaviest = max((e.weight for e in page.edges), default=1)
    for edge in sorted(page.edges, key=lambda e: (e.new, not e.organized_only, e.weight)):
        a, b = where.get(edge.source), where.get(edge.target)
        if a is None or b is None:
            continue
        if edge.new:
            canvas.setStrokeColor(ACCENT)
            canvas.setDash()
        elif edge.organized_only:
            canvas.setStrokeColor(HOSTED)
            canvas.setDash(2, 2)
        else:
            canvas.setStrokeColor(LINK)
            canvas.setDash()
        canvas.setStrokeAlpha(0.9 if edge.new else 0.45)
        canvas.setLineWidth(0.4 + 2.6 * edge.weight / heaviest)
        canvas.line(a[0], a[1], b[0], b[1])
    canvas.setDash()
    canvas.setStrokeAlpha(1)
    largest = max((n.people for n in page.nodes), default=0)
    for node in page.nodes:
        x, y = where[node.id]
        r = radius(node.people, largest)
        colour: Color = KIND_COLOURS.get(node.kind, KIND_COLOURS["other"])
        canvas.setFillColor(colour)
        canvas.setStrokeColor(HexColor("#ffffff"))
        canvas.setLineWidth(0.8)
        canvas.circle(x, y, r, stroke=1, fill=1)
    canvas.setFillColor(black)
    for node in page.nodes:
        if node.id not in page.labelled:
            continue
        x, y = where[node.id]
        r = radius(node.people, largest)
        draw_string(canvas, _shortened(node.name), x, y - r - 8, 6.5, align="center")


def _shortened(name: str, limit: int = 28) -> str:
    return isolate(name if len(name) <= limit else name[: limit - 1] + "…")


def _draw_side(canvas: Canvas, page: NetworkPage, right: float, top: float) -> None:
    y = top - 4
    for label, value in page.figures:
        canvas.setFillColor(black)
        draw_string(canvas, value, right, y - 14, 15, bold=True)
        canvas.setFillColor(MUTED)
        draw_string(canvas, label, right, y - 28, 8.5)
        y -= 38
    for heading, items in page.lists:
        if not items:
            continue
        y -= 4
        canvas.setFillColor(black)
        draw_string(canvas, heading, right, y - 10, 9.5, bold=True)
        y -= 16
        canvas.setFillColor(MUTED)
        for item in items:
            if y < MARGIN + 90:
                break
            draw_string(canvas, _shortened(item, 44), right, y - 9, 8)
            y -= 12
    # Legend: the colours of the kinds shown.
    y = MARGIN + 8 + 12 * len(page.kind_names)
    for kind, name in page.kind_names.items():
        canvas.setFillColor(KIND_COLOURS.get(kind, KIND_COLOURS["other"]))
        canvas.circle(right - 4, y + 3, 4, stroke=0, fill=1)
        canvas.setFillColor(black)
        draw_string(canvas, name, right - 14, y, 8)
        y -= 12


def labelled(nodes: Sequence[PageNode], degrees: dict[int, int]) -> frozenset[int]:
    """The organizations named on the picture: all of them, or the most connected when too many."""
    if len(nodes) <= MAX_LABELS:
        return frozenset(n.id for n in nodes)
    ranked = sorted(nodes, key=lambda n: (-degrees.get(n.id, 0), n.id))
    return frozenset(n.id for n in ranked[:MAX_LABELS])
