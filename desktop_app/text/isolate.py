"""Bidi isolates: a value inserted into a sentence keeps its own direction and cannot reorder the
words around it (a phone number in an Arabic sentence, a Latin organization name, a file path).

One place for the window, the command line and the printed pages alike.
"""

from __future__ import annotations

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


def ltr(text: str | None) -> str:
    """Phone numbers, IDs, codes, e-mails, paths: read left to right inside any sentence."""
    return f"{LRI}{text}{PDI}" if text else ""


def isolate(text: str | None) -> str:
    """A value of unknown direction (a name, an organization, a title): it takes the direction of
    its own first strong letter, and the sentence keeps its own."""
    return f"{FSI}{text}{PDI}" if text else ""
