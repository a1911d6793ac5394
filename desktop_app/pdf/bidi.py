"""Bidirectional levels (the Unicode Bidirectional Algorithm, UAX #9) and the visual order of a line.

We need each character's resolved embedding level, not a reordered string: HarfBuzz shapes each run
in logical order, lines are broken in logical order, and only then is each line reordered (rule L2).
No maintained library with Windows wheels exposes the levels through a public API (python-bidi
returns reordered text only; ICU's bidi has no such wheel), so the algorithm is implemented here,
for one paragraph at a time: explicit embeddings, overrides and isolates (X1–X10), weak types
(W1–W7), bracket pairs (N0), neutrals (N1–N2) and implicit levels (I1–I2). It is checked against
the Unicode conformance data (tests/pdf/test_bidi.py). Python's `unicodedata` gives the bidi classes;
bracket pairs are derived from it (opening/closing punctuation that mirrors into its partner).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

# Explicit directional formatting characters: stripped from names before storing, and never drawn.
MAX_DEPTH = 125
_STRONG = {"L": "L", "R": "R", "AL": "R", "EN": "R", "AN": "R"}  # for N1/N2: numbers act as R
_ISOLATE_INITIATORS = frozenset({"LRI", "RLI", "FSI"})
_REMOVED_BY_X9 = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})


@lru_cache(maxsize=4096)
def _bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch) or "L"


@lru_cache(maxsize=1)
def _brackets() -> dict[str, tuple[str, str]]:
    """Paired brackets: character → (its canonical opening bracket, "o" or "c")."""
    pairs: dict[str, tuple[str, str]] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        if unicodedata.category(ch) != "Ps" or not unicodedata.mirrored(ch):
            continue
        # Its partner is the next mirrored closing punctuation, one or two code points on: ( ), [ ], { }
        for step in (1, 2):
            closing = chr(cp + step)
            if unicodedata.category(closing) == "Pe" and unicodedata.mirrored(closing):
                pairs[ch] = (ch, "o")
                pairs[closing] = (ch, "c")
                break
    # U+2329/U+232A are canonically equivalent to U+3008/U+3009 (BidiBrackets.txt matches them).
    pairs["\u2329"] = ("\u3008", "o")
    pairs["\u232a"] = ("\u3008", "c")
    pairs["\u3008"] = ("\u3008", "o")
    pairs["\u3009"] = ("\u3008", "c")
    return pairs


def _first_strong(classes: Sequence[str], start: int, end: int) -> str | None:
    """P2/P3: the first strong type in [start, end), skipping isolated content; None if none."""
    depth = 0
    for i in range(start, end):
        t = classes[i]
        if t in _ISOLATE_INITIATORS:
            depth += 1
        elif t == "PDI":
            if depth == 0:
                return None
            depth -= 1
        elif depth == 0 and t in ("L", "R", "AL"):
            return "L" if t == "L" else "R"
    return None


def _matching_pdi(classes: Sequence[str], start: int) -> int:
    """Index of the PDI that closes the isolate initiator at `start` (len if none)."""
    depth = 0
    for i in range(start + 1, len(classes)):
        if classes[i] in _ISOLATE_INITIATORS:
            depth += 1
        elif classes[i] == "PDI":
            if depth == 0:
                return i
            depth -= 1
    return len(classes)


def _explicit(classes: list[str], base: int) -> list[int]:
    """X1–X8: levels from explicit embeddings, overrides and isolates; classes are overridden in
    place (X6) and isolate initiators/PDIs get their own levels."""
    n = len(classes)
    levels = [base] * n
    # Stack entries: (level, override "L"/"R"/None, isolate)
    stack: list[tuple[int, str | None, bool]] = [(base, None, False)]
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    for i in range(n):
        t = classes[i]
        level, override, _isolate = stack[-1]
        if t in ("RLE", "LRE", "RLO", "LRO"):
            rtl = t in ("RLE", "RLO")
            new = (level + 1) | 1 if rtl else (level + 2) & ~1
            levels[i] = level
            if new <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                stack.append((new, ("R" if rtl else "L") if t in ("RLO", "LRO") else None, False))
            elif overflow_isolates == 0:
                overflow_embeddings += 1
        elif t in _ISOLATE_INITIATORS:
            levels[i] = level
            if override:
                classes[i] = override
            rtl = t == "RLI" or (
                t == "FSI" and _first_strong(classes, i + 1, _matching_pdi(classes, i)) == "R"
            )
            new = (level + 1) | 1 if rtl else (level + 2) & ~1
            if new <= MAX_DEPTH and overflow_isolates == 0 and overflow_embeddings == 0:
                valid_isolates += 1
                stack.append((new, None, True))
            else:
                overflow_isolates += 1
        elif t == "PDI":
            if overflow_isolates > 0:
                overflow_isolates -= 1
            elif valid_isolates > 0:
                overflow_embeddings = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            level, override, _isolate = stack[-1]
            levels[i] = level
            if override:
                classes[i] = override
        elif t == "PDF":
            levels[i] = level
            if overflow_isolates > 0:
                pass
            elif overflow_embeddings > 0:
                overflow_embeddings -= 1
            elif not stack[-1][2] and len(stack) >= 2:
                stack.pop()
        elif t == "B":
            levels[i] = base
        elif t == "BN":
            levels[i] = level
        else:
            levels[i] = level
            if override:
                classes[i] = override
    return levels


def _sequences(classes: list[str], levels: list[int], kept: list[int]) -> list[list[int]]:
    """X10: isolating run sequences (lists of indexes into the text) over the characters kept by X9."""
    runs: list[list[int]] = []
    for i in kept:
        if runs and levels[runs[-1][-1]] == levels[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    sequences: list[list[int]] = []
    by_start: dict[int, list[int]] = {}
    for run in runs:
        first = run[0]
        if classes[first] == "PDI" and first in by_start:
            sequence = by_start.pop(first)
            sequence.extend(run)
        else:
            sequence = list(run)
            sequences.append(sequence)
        last = run[-1]
        if classes[last] in _ISOLATE_INITIATORS:
            pdi = _matching_pdi_kept(classes, kept, last)
            if pdi is not None:
                by_start[pdi] = sequence
    return sequences


def _matching_pdi_kept(classes: list[str], kept: list[int], start: int) -> int | None:
    position = kept.index(start)
    depth = 0
    for i in kept[position + 1 :]:
        if classes[i] in _ISOLATE_INITIATORS:
            depth += 1
        elif classes[i] == "PDI":
            if depth == 0:
                return i
            depth -= 1
    return None


def _resolve_sequence(
    seq: list[int], text: str, original: list[str], classes: list[str], levels: list[int], base: int,
    kept: list[int], explicit: list[int],
) -> None:  # fmt: skip
    """W1–W7, N0–N2, I1–I2 on one isolating run sequence (classes and levels updated in place;
    `explicit` keeps the levels X1–X8 gave, which sos and eos compare with)."""
    level = explicit[seq[0]]
    position = {i: k for k, i in enumerate(kept)}

    def level_before(i: int) -> int:
        k = position[i] - 1
        return explicit[kept[k]] if k >= 0 else base

    def level_after(i: int) -> int:
        k = position[i] + 1
        return explicit[kept[k]] if k < len(kept) else base

    first, last = seq[0], seq[-1]
    sos = "R" if max(level, level_before(first)) % 2 else "L"
    after = base if classes[last] in _ISOLATE_INITIATORS else level_after(last)
    eos = "R" if max(level, after) % 2 else "L"
    types = [classes[i] for i in seq]
    n = len(types)
    # W1: NSM takes the type of the previous character (ON after an isolate initiator or PDI).
    previous = sos
    for k in range(n):
        if types[k] == "NSM":
            types[k] = "ON" if previous in _ISOLATE_INITIATORS or previous == "PDI" else previous
        previous = types[k]
    # W2: EN after AL (looking back to the last strong type) becomes AN.
    last_strong = sos
    for k in range(n):
        if types[k] in ("L", "R", "AL"):
            last_strong = types[k]
        elif types[k] == "EN" and last_strong == "AL":
            types[k] = "AN"
    # W3: AL → R.
    types = ["R" if t == "AL" else t for t in types]
    # W4: a single ES between ENs → EN; a single CS between two numbers of the same type → that type.
    for k in range(1, n - 1):
        if types[k] == "ES" and types[k - 1] == "EN" and types[k + 1] == "EN":
            types[k] = "EN"
        elif types[k] == "CS" and types[k - 1] == types[k + 1] and types[k - 1] in ("EN", "AN"):
            types[k] = types[k - 1]
    # W5: a sequence of ETs next to an EN becomes EN.
    k = 0
    while k < n:
        if types[k] == "ET":
            end = k
            while end < n and types[end] == "ET":
                end += 1
            if (k > 0 and types[k - 1] == "EN") or (end < n and types[end] == "EN"):
                for m in range(k, end):
                    types[m] = "EN"
            k = end
        else:
            k += 1
    # W6: remaining separators and terminators → ON.
    types = ["ON" if t in ("ET", "ES", "CS") else t for t in types]
    # W7: EN after L (looking back to the last strong type, sos included) → L.
    last_strong = sos
    for k in range(n):
        if types[k] in ("L", "R"):
            last_strong = types[k]
        elif types[k] == "EN" and last_strong == "L":
            types[k] = "L"
    # N0: bracket pairs take the embedding direction, or the opposite one established before them.
    embedding = "R" if level % 2 else "L"
    brackets = _brackets()
    pairs: list[tuple[int, int]] = []
    openers: list[tuple[str, int]] = []
    for k in range(n):
        if types[k] != "ON":
            continue
        found = brackets.get(text[seq[k]])
        if found is None:
            continue
        key, kind = found
        if kind == "o":
            if len(openers) == 63:
                break
            openers.append((key, k))
        else:
            for depth in range(len(openers) - 1, -1, -1):
                if openers[depth][0] == key:
                    pairs.append((openers[depth][1], k))
                    del openers[depth:]
                    break
    pairs.sort()

    def strong(t: str) -> str | None:
        return "L" if t == "L" else "R" if t in ("R", "EN", "AN") else None

    for open_k, close_k in pairs:
        inside = {strong(types[k]) for k in range(open_k + 1, close_k)} - {None}
        chosen: str | None = None
        if embedding in inside:
            chosen = embedding
        elif inside:
            before = sos
            for k in range(open_k - 1, -1, -1):
                found_type = strong(types[k])
                if found_type:
                    before = found_type
                    break
            chosen = before if before != embedding else embedding
        if chosen is not None:
            for k in (open_k, close_k):
                types[k] = chosen
                # NSMs following a bracket that changed take its type.
                m = k + 1
                while m < n and original[seq[m]] == "NSM":
                    types[m] = chosen
                    m += 1
    # N1/N2: sequences of neutrals take the surrounding strong direction, else the embedding one.
    neutral = {"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"}
    k = 0
    while k < n:
        if types[k] in neutral:
            end = k
            while end < n and types[end] in neutral:
                end += 1
            before = sos if k == 0 else (strong(types[k - 1]) or embedding)
            after_type = eos if end == n else (strong(types[end]) or embedding)
            resolved = before if before == after_type else embedding
            for m in range(k, end):
                types[m] = resolved
            k = end
        else:
            k += 1
    # I1/I2.
    for k, i in enumerate(seq):
        t = types[k]
        if level % 2 == 0:
            levels[i] = level + (1 if t == "R" else 2 if t in ("AN", "EN") else 0)
        else:
            levels[i] = level + (1 if t in ("L", "EN", "AN") else 0)


def _levels(text: str, base: int) -> list[int]:
    original = [_bidi_class(ch) for ch in text]
    classes = list(original)
    levels = _explicit(classes, base)
    kept = [i for i in range(len(text)) if original[i] not in _REMOVED_BY_X9]
    explicit = list(levels)
    for seq in _sequences(classes, levels, kept):
        _resolve_sequence(seq, text, original, classes, levels, base, kept, explicit)
    # Characters removed by X9 take the level of the character before them (the paragraph level at
    # the start); L1: separators, and whitespace and isolate controls before them or at the end,
    # go back to the paragraph level.
    previous = base
    for i in range(len(text)):
        if original[i] in _REMOVED_BY_X9:
            levels[i] = previous
        previous = levels[i]
    trailing = True
    for i in range(len(text) - 1, -1, -1):
        t = original[i]
        if t in ("S", "B"):
            levels[i] = base
            trailing = True
        elif trailing and (t in ("WS", "LRI", "RLI", "FSI", "PDI") or t in _REMOVED_BY_X9):
            levels[i] = base
        else:
            trailing = False
    return levels


@lru_cache(maxsize=4096)
def embedding_levels(text: str, base_rtl: bool = True) -> tuple[int, ...]:
    """The resolved level of every character of a paragraph (odd = right-to-left)."""
    if not text:
        return ()
    if not base_rtl and text.isascii():
        return (0,) * len(text)  # no right-to-left character and no embedding: all at level 0
    return tuple(_levels(text, 1 if base_rtl else 0))


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
