"""Bidirectional levels (Unicode Bidirectional Algorithm) and the visual order of a line.

python-bidi's Rust core implements the whole algorithm, bracket pairing (rule N0) included, but its
public API only returns a reordered string, which is useless for shaping: HarfBuzz needs each run in
logical order. Its debug output carries the resolved embedding level of every UTF-8 byte, so we read the
levels from there; the pure-Python implementation that ships in the same package (no bracket pairing)
is the fallback if that output ever changes shape. Levels are resolved for a whole paragraph and lines
are reordered one by one after line breaking (rules L1 and L2), never the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

from bidi import algorithm, get_display
from bidi.algorithm import get_embedding_levels, get_empty_storage

# Explicit directional formatting characters: stripped from names before storing, and never drawn.
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LEVELS_BLOCK = re.compile(r"levels: \[(.*?)\]", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def _levels_from_rust(text: str, base_rtl: bool) -> list[int] | None:
    debug = get_display(text, base_dir="R" if base_rtl else "L", debug=True)
    block = _LEVELS_BLOCK.search(str(debug))
    if block is None:
        return None
    byte_levels = [int(n) for n in _LEVEL.findall(block.group(1))]
    levels: list[int] = []
    offset = 0
    for char in text:
        if offset >= len(byte_levels):
            return None
        levels.append(byte_levels[offset])
        offset += len(char.encode("utf-8"))
    return levels if offset == len(byte_levels) else None


def _levels_from_python(text: str, base_rtl: bool) -> list[int]:
    storage = get_empty_storage()
    storage["base_level"] = 1 if base_rtl else 0
    storage["base_dir"] = "R" if base_rtl else "L"
    get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    return [int(c["level"]) for c in storage["chars"]]


@lru_cache(maxsize=4096)
def embedding_levels(text: str, base_rtl: bool = True) -> tuple[int, ...]:
    """The resolved level of every character of a paragraph (odd = right-to-left)."""
    if not text:
        return ()
    if not base_rtl and text.isascii():
        return (0,) * len(text)  # no right-to-left character and no embedding: all at level 0
    levels = _levels_from_rust(text, base_rtl)
    if levels is None:  # pragma: no cover - only if python-bidi changes its debug format
        levels = _levels_from_python(text, base_rtl)
    return tuple(levels)


class HasLevel(Protocol):
    @property
    def level(self) -> int: ...


T = TypeVar("T", bound=HasLevel)


def visual_order(items: Sequence[T]) -> list[T]:
    """Rule L2: from the highest level down to the lowest odd one, reverse every maximal sequence of
    items at that level or above. Items are runs with one level each, in logical order."""
    result = list(items)
    if not result:
        return result
    highest = max(item.level for item in result)
    lowest_odd = min((item.level for item in result if item.level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        start = None
        for i in range(len(result) + 1):
            inside = i < len(result) and result[i].level >= level
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                result[start:i] = reversed(result[start:i])
                start = None
    return result
