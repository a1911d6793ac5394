"""Arabic name handling: cleaning for storage and normalising for matching (ARABIC.md §3, §5).

Three levels, all pure functions:

* `clean_name` is what gets stored: the user's spelling, minus characters that could reorder a
  printed line (bidi controls) or hide in it (zero-width characters), trimmed, spaces folded.
* `fold_text` folds the letter variants people type interchangeably (hamza forms, ى/ي, ة/ه,
  ؤ/ئ, tashkeel, tatweel, Arabic-Indic digits, Latin case) — the basis of every comparison.
* `normalize_name` is the comparison key of a whole name: folded, "عبد ال…" joined, and a
  leading "ال" dropped from each word. `name_tokens` lists the index tokens that let a prefix
  search find a name however the user types it; `query_words` prepares a search query.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Bidi embedding/override/isolate controls and marks, zero-width characters, BOM, soft hyphen.
_INVISIBLE: dict[str | int, str | None] = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD, 0x061C]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A)),
    None,
)

_SPACES = re.compile(r"\s+")
_WORD_BREAK = re.compile(r"[\W_]+")

# Harakat, shadda, sukun, superscript alef, Quranic annotation marks, and tatweel.
_DIACRITICS = "".join(
    [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(0x0670)]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E9)]
    + [chr(0x0640)]
)

_LETTER_FOLDS: dict[str | int, str | None] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ؤ": "ء",
    "ئ": "ء",
    "ى": "ي",
    "ی": "ي",  # Persian yeh, typed on Persian/Urdu keyboards
    "ک": "ك",  # Persian keheh
    "ة": "ه",
    "ۀ": "ه",
}

_FOLD_MAP: dict[str | int, str | None] = {
    **{ch: None for ch in _DIACRITICS},
    **_LETTER_FOLDS,
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    **_INVISIBLE,
}
_FOLD_TABLE = str.maketrans(_FOLD_MAP)

_ABD = "عبد"
_AL = "ال"


# A search or check-in query longer than any name, phone or e-mail someone would type is refused
# (a pasted page would make a LIKE pattern the database cannot run); the window's boxes stop there.
MAX_QUERY_LENGTH = 200


def check_query(query: str) -> str:
    """`query` stripped, or a ValidationError when it is longer than anyone types."""
    from desktop_app.errors import ValidationError
    from desktop_app.i18n import _

    query = query.strip()
    if len(query) > MAX_QUERY_LENGTH:
        raise ValidationError(
            "query",
            _("The search text is too long ({length} characters): type at most {limit}, such as a name or a phone number.")
            .format(length=len(query), limit=MAX_QUERY_LENGTH),
        )  # fmt: skip
    return query


def clean_name(text: str | None) -> str:
    """The form of a name to store: no bidi controls or zero-width characters, trimmed, single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


_DIGITS_TABLE = {**{0x0660 + d: str(d) for d in range(10)}, **{0x06F0 + d: str(d) for d in range(10)}}


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to 0-9; nothing else changes."""
    return text.translate(_DIGITS_TABLE)


def fold_text(text: str | None) -> str:
    """Letters people type interchangeably made equal, Latin lower-cased, spaces folded."""
    if not text:
        return ""
    # NFKC first turns presentation forms (ﻻ, ﷲ…) and full-width characters into plain letters.
    text = unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE).casefold()
    return _SPACES.sub(" ", text).strip()


def _strip_al(word: str) -> str:
    """A word without its leading "ال", when enough of it remains to still be a word. Repeated, so
    the key is a fixed point: "آلآل00" → "الال00" → "00" at once, never "ال00" on the first pass
    and "00" on the second (found by the idempotence property test)."""
    while word.startswith(_AL) and len(word) >= 4:
        word = word[2:]
    return word


def _join_abd(words: Sequence[str]) -> list[str]:
    """Join "عبد" with a following "ال…" word: عبد الله → عبدالله (how many people type it)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word == _ABD and i + 1 < len(words) and words[i + 1].startswith(_AL):
            out.append(word + words[i + 1])
            i += 2
        else:
            out.append(word)
            i += 1
    return out


@lru_cache(maxsize=32768)  # the key and the tokens of one name both start here
def _name_words(text: str | None) -> tuple[str, ...]:
    # Punctuation (hyphens, dots, commas, brackets) separates words in a name.
    folded = fold_text(text)
    return tuple(w for w in _WORD_BREAK.split(folded) if w)


@lru_cache(maxsize=32768)  # an import normalises each name several times (checks, tokens, duplicates)
def normalize_name(text: str | None) -> str:
    """The comparison key of a name: equal keys mean "the same name, typed differently".

    أحمد/احمد, فاطمة/فاطمه, هاني/هانى, عبد الله/عبدالله, الشافعي/شافعي all give equal keys.
    Idempotent: normalize_name(normalize_name(x)) == normalize_name(x).
    """
    return " ".join(_strip_al(w) for w in _join_abd(_name_words(text)))


def name_tokens(text: str | None) -> set[str]:
    """Every token a prefix search may hit for this name.

    Each word as typed (folded), without its leading "ال", and "عبد ال…" both joined and split,
    so "عبد الف", "عبدالف" and "فتاح" all find عبد الفتاح.
    """
    tokens: set[str] = set()
    words = _name_words(text)
    for word in words:
        tokens.add(word)
        tokens.add(_strip_al(word))
        if word.startswith(_ABD + _AL) and len(word) > len(_ABD + _AL):
            rest = word[len(_ABD) :]
            tokens.update((_ABD, rest, _strip_al(rest)))
    for joined in _join_abd(words):
        tokens.add(joined)
    return tokens


def query_words(query: str | None) -> list[list[str]]:
    """The words of a search query, each with the prefixes any one of which may match a token.

    A word that starts with "ال" may also match the same word indexed without it
    (الشافعي finds شافعي); too short a remainder ("الف") is kept as typed only.
    """
    words: list[list[str]] = []
    seen: set[str] = set()
    for word in _name_words(query):
        if word in seen:
            continue
        seen.add(word)
        alternatives = [word]
        if word.startswith(_AL) and len(word) >= 5:
            alternatives.append(word[2:])
        words.append(alternatives)
    return words


def sort_key(text: str | None) -> str:
    """A key for Arabic alphabetical order that ignores hamza and tashkeel differences."""
    return fold_text(text)
