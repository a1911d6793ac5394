"""Bidi isolates: a value inserted into a sentence keeps its own direction and cannot reorder the
words around it (a phone number in an Arabic sentence, a Latin organization name, a file path); and
the other side of it, user text cleaned of the controls that could reorder or hide what surrounds it.

One place for the window, the command line and the printed pages alike.
"""

from __future__ import annotations

import unicodedata

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
# Marks, embeddings, overrides and isolates (Unicode's Bidi_Control characters).
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# ... and what draws nothing: zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen.
INVISIBLE = BIDI_CONTROLS | frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def ltr(text: str | None) -> str:
    """Phone numbers, IDs, codes, e-mails, paths: read left to right inside any sentence."""
    return f"{LRI}{text}{PDI}" if text else ""


def isolate(text: str | None) -> str:
    """A value of unknown direction (a name, an organization, a title): it takes the direction of
    its own first strong letter, and the sentence keeps its own."""
    return f"{FSI}{text}{PDI}" if text else ""


def clean_text(text: str) -> str:
    """Drop bidi controls and zero-width characters from user text (a name must never reorder or
    hide the line it is printed in)."""
    if not any(ch in INVISIBLE for ch in text):
        return text
    return "".join(ch for ch in text if ch not in INVISIBLE)


LRM, RLM = "\u200e", "\u200f"
_ISOLATE_OPENERS = frozenset((LRI, RLI, FSI))


def _strong(ch: str) -> str | None:
    """'R' for a right-to-left letter (Arabic, Hebrew…), 'L' for a left-to-right one, else None."""
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    return None


def mentions(text: str, rtl: bool) -> bool:
    """Whether `text` holds a letter of the right-to-left scripts (rtl=True) or of the left-to-right
    ones, outside isolated values: a sentence of the interface language, not a value alone."""
    wanted = "R" if rtl else "L"
    depth = 0
    for ch in text:
        if ch in _ISOLATE_OPENERS:
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif depth == 0 and _strong(ch) == wanted:
            return True
    return False


def base_direction(text: str) -> str | None:
    """The paragraph direction the Unicode Bidirectional Algorithm gives `text` by itself (rules
    P2–P3: its first strong letter outside isolates): "rtl", "ltr", or None with no letter."""
    depth = 0
    for ch in text:
        if ch in _ISOLATE_OPENERS:
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif ch == RLM and depth == 0:
            return "rtl"
        elif ch == LRM and depth == 0:
            return "ltr"
        elif depth == 0 and (strong := _strong(ch)) is not None:
            return "rtl" if strong == "R" else "ltr"
    return None


def directed(text: str, rtl: bool) -> str:
    """Each line of an interface sentence laid out in the interface's direction, whatever its first
    word: "Excel (.xlsx) أو CSV" stays an Arabic sentence. A line that holds no word of the interface
    language (a value alone) keeps its own direction."""
    mark = RLM if rtl else LRM
    lines = text.split("\n")
    return "\n".join(
        mark + line if mentions(line, rtl) and base_direction(line) != ("rtl" if rtl else "ltr") else line
        for line in lines
    )
