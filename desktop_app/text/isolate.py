"""Bidi isolates: a value inserted into a sentence keeps its own direction and cannot reorder the
words around it (a phone number in an Arabic sentence, a Latin organization name, a file path); and
the other side of it, user text cleaned of the controls that could reorder or hide what surrounds it.

One place for the window, the command line and the printed pages alike.
"""

from __future__ import annotations

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
