"""Names across Arabic and Latin script (ARABIC.md §3): "Ahmed Mohamed" finds أحمد محمد and
محمود خالد finds "Mahmoud Khaled".

No transliteration library gives "Ahmed" for أحمد (they all drop the vowels Arabic does not write),
so a name word is keyed by two things of our own:

* the name table (`latin_names`): the Latin spellings Egyptians and Levantines really use per
  Arabic name;
* a consonant skeleton: letters folded into sound classes (g/j, k/q/c, s/ص, ph/f…), vowels and
  doubled letters dropped, "El-"/"Al-", "Abd El-"/"Abdul" and "-eddine" folded, but a leading vowel
  kept (أحمد "Ahmed" is not حامد "Hamed") and the final vowel's kind (هاني "Hany" is not هناء
  "Hana").

A Latin word is resolved to the table entries it spells: exactly, or else the nearest spelling
among the entries that share its skeleton ("Mohmed" is محمد, not محمود). An Arabic word in the
table is that entry; a word in neither falls back to its skeleton.

What the search index stores, besides the plain name tokens (all start with "~", which no name
token does, so they never meet a prefix search):

* an Arabic word the table does not know: ``~u`` + its skeleton(s);
* a Latin word: ``~s`` + its skeleton(s) and ``~l`` + every entry it resolves to.

Arabic words the table knows need nothing more: a Latin query word resolved to an entry looks for
the entry's Arabic spellings among the plain tokens. `query_alternatives` gives, per query word,
every token that satisfies it; `name_word_keys` gives the same keys per word of a stored name, so a
match can be checked without the database (duplicates, imports).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from desktop_app.text.arabic import normalize_name
from desktop_app.text.latin_names import NAMES

ARABIC_UNKNOWN = "~u"  # skeleton of an Arabic word the table does not know
LATIN_SKELETON = "~s"  # skeleton of a Latin word
LATIN_ENTRY = "~l"  # a table entry a Latin word spells
MIN_SIMILARITY = 60  # rapidfuzz ratio below which a skeleton-sharing spelling is not the same name

_VOWELS = frozenset("aeiuyw")  # in sound classes: y and w here are glides, Y and W consonants
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[a-z]")
_ANY_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")  # Latin letters, accented ones included

# ---------------------------------------------------------------- Latin words


def _ascii(text: str) -> str:
    """Lower-case ASCII letters: accents dropped, Franco-Arabic digits read (3 ع, 2 ء, 7 ح, 5 خ),
    apostrophes (ع or hamza in "Sa'ad", "Ra'fat") removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"(?<=[a-z])[23]|[23](?=[a-z])", "", text)
    text = re.sub(r"(?<=[a-z])7|7(?=[a-z])", "h", text)
    text = re.sub(r"(?<=[a-z])5|5(?=[a-z])", "kh", text)
    return re.sub(r"['’‘`´ʿʾ]", "", text)


_ARTICLES = frozenset({"el", "al", "il", "ul", "ol", "l"})
_ABD_ALONE = re.compile(r"^abd(?:el|al|ul|il|ol|oul)?$")  # "Abd", "Abdel", "Abdul": the name follows
_ABD_CONNECTORS = ("oul", "el", "al", "ul", "il", "ol")
_DIN_ALONE = re.compile(r"^(?:[aeiu]?[ld])?d(?:in|een|ine|ein|eine)$")  # "Eddine", "Eldin", "Din"
_DIN_SUFFIX = re.compile(
    r"^([a-z]{2,}?)(?:el|al|ul|il|ed|ad|ud|id|e|u|a|i)d(?:in|een|ine|ein|eine)$"
)  # "Noureddine", "Salaheldin", "Ezzedine": two names written as one
_ALLAH_SUFFIX = re.compile(r"^([a-z]{2,}?)(?:allah|alla|ullah|ulla|ollah|ellah)$")  # "Gadallah"


def _abd_compound(word: str) -> str | None:
    """ "abdelrahman" → "abdrahman", "abdurrahman" → "abdrahman"; None when not an Abd-compound
    ("Abdo", "Abdou" are a name of their own)."""
    if not word.startswith("abd") or len(word) <= 4:
        return None
    rest = word[3:]
    for connector in _ABD_CONNECTORS:
        if rest.startswith(connector) and len(rest) > len(connector) + 1:
            rest = rest[len(connector) :]
            break
    else:
        # "Abdurrahman", "Abdessalam": the article's l became the doubled first letter.
        if len(rest) > 3 and rest[0] in _VOWELS and rest[1] == rest[2] and rest[1] not in _VOWELS:
            rest = rest[2:]
    if not rest or rest[0] in _VOWELS and not any(c not in _VOWELS for c in rest):
        return None
    if not any(c not in "aeiouyw" for c in rest):
        return None
    return "abd" + rest


def _strip_article(word: str) -> str:
    for article in ("el", "al"):
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article) :]
    return word


def latin_words(text: str) -> list[tuple[str, ...]]:
    """The words of a Latin-letter name, each with its readings (with and without a leading
    "El"/"Al"), Abd-compounds joined and "-eddine" names split."""
    raw = [w for w in re.split(r"[^a-z]+", _ascii(text)) if w]
    words: list[str] = []
    i = 0
    while i < len(raw):
        word = raw[i]
        if word in _ARTICLES and i + 1 < len(raw):
            i += 1  # "El Sayed", "Abu El-Ela": the article belongs to the next word
            continue
        if _ABD_ALONE.match(word) and i + 1 < len(raw):
            j = i + 1
            while j + 1 < len(raw) and raw[j] in _ARTICLES:
                j += 1
            words.append("abd" + _strip_article(raw[j]))
            i = j + 1
            continue
        compound = _abd_compound(word)
        if compound is not None:
            words.append(compound)
        elif _DIN_ALONE.match(word):
            words.append("din")
        elif (m := _DIN_SUFFIX.match(word)) and any(c not in _VOWELS for c in m.group(1)):
            words += [m.group(1), "din"]
        elif (m := _ALLAH_SUFFIX.match(word)) and not word.startswith("abd"):
            words += [m.group(1), "allah"]
        else:
            words.append(word)
        i += 1
    readings: list[tuple[str, ...]] = []
    for word in words:
        bare = _strip_article(word)
        readings.append((word, bare) if bare != word else (word,))
    return readings


_DIGRAPHS = (
    ("sch", "c"), ("kh", "x"), ("sh", "c"), ("ch", "c"), ("gh", "G"), ("th", "t"), ("dh", "d"),
    ("ph", "f"), ("dj", "j"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
)  # fmt: skip
# "th", "dh" and "sh" are usually ث, ض/ذ and ش, but may be two letters (فتحي "Fathy", مدحت "Medhat",
# إسحاق "Ishak"): such a word is read both ways.
_SPLIT_DIGRAPH = re.compile(r"(?<=[tds])h")
_LETTERS = {
    "b": "b", "p": "b", "t": "t", "j": "j", "g": "j", "h": "h", "d": "d", "r": "r", "z": "z", "s": "s",
    "f": "f", "v": "f", "k": "k", "q": "k", "c": "k", "l": "l", "m": "m", "n": "n", "x": "ks",
    "a": "a", "e": "e", "i": "i", "o": "u", "u": "u",
}  # fmt: skip


@lru_cache(maxsize=65536)
def latin_fines(word: str) -> tuple[str, ...]:
    """A Latin word in sound classes, vowels kept ("Mohammed" → "muhamed", "Tariq" → "tarik"); a
    second reading when "th", "dh" or "sh" may be two letters."""
    first = latin_fine(word)
    if _SPLIT_DIGRAPH.search(word) is None:
        return (first,)
    second = latin_fine(_SPLIT_DIGRAPH.sub("'h", word))
    return (first, second) if second != first else (first,)


@lru_cache(maxsize=65536)
def latin_fine(word: str) -> str:
    """One reading of a Latin word in sound classes (an apostrophe keeps two letters apart)."""
    out: list[str] = []
    i = 0
    while i < len(word):
        for digraph, sound in _DIGRAPHS:
            if word.startswith(digraph, i):
                out.append(sound)
                i += len(digraph)
                break
        else:
            ch = word[i]
            # y and w are consonants (Y, W) where a word starts with them ("Yasser", "Wael"), and
            # vowel glides elsewhere ("Sayed", "Hany", "Marwa"), kept apart from i and u: "Sayed"
            # (سيد) and "Saied" (سعيد) are two names.
            if ch == "y":
                out.append("Y" if i == 0 and word[1:2] in ("a", "e", "i", "o", "u") else "y")
            elif ch == "w":
                out.append("W" if i == 0 else "w")
            elif ch == "c":  # "Nancy", "Cecile": soft before e, i, y
                out.append("s" if word[i + 1 : i + 2] in ("e", "i", "y") else "k")
            else:
                out.append(_LETTERS.get(ch, ""))
            i += 1
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def skeleton(fine: str) -> str:
    """Initial vowel mark, consonant classes, final vowel kind: "ahmed" → "Vhmd", "hani" → "hnI"."""
    consonants = "".join(c for c in fine if c not in _VOWELS)
    if not consonants:
        return ""
    initial = "V" if fine[0] in _VOWELS else ""
    final = ""
    run = re.search(r"[aeiuyw]+$", fine)
    if run:
        vowels = run.group()
        last = vowels[-1]
        if last == "e":  # "Rabie" ends in i; a lone final e is silent ("Nadine", "Yasmine")
            last = vowels[-2] if len(vowels) > 1 else ""
        final = {"a": "A", "i": "I", "y": "I", "u": "U", "w": "U"}.get(last, "")
    return initial + consonants + final


# ---------------------------------------------------------------- Arabic words

_ARABIC_SOUNDS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "x", "د": "d", "ذ": "z", "ر": "r",
    "ز": "z", "س": "s", "ش": "c", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "G", "ف": "f", "ق": "k",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "",
}  # fmt: skip


def _arabic_sounds(word: str) -> list[str]:
    """Sound classes of a normalised Arabic word the table does not know (short vowels unwritten,
    so only long vowels show). A final ه may be ة (a vowel) or a real h; a final ي may be ى."""
    prefix = ""
    if word.startswith("عبدال") and len(word) > 6:
        prefix, word = "abd", word[5:]
    out = []
    for i, ch in enumerate(word):
        last = i == len(word) - 1
        if ch == "و":
            out.append("W" if i == 0 else "w")
        elif ch == "ي":
            out.append("Y" if i == 0 and not last else "y")
        elif ch == "ع":
            out.append("" if last and i > 0 else "a")
        else:
            out.append(_ARABIC_SOUNDS.get(ch, ""))
    endings = [out[-1]] if out else []
    if word.endswith("ه") and len(word) > 1:
        endings = ["a", "h"]
    elif word.endswith("ي") and len(word) > 1:
        endings = ["y", "a"]
    return [re.sub(r"(.)\1+", r"\1", prefix + "".join(out[:-1]) + end) for end in endings]


# ---------------------------------------------------------------- the table


@dataclass(frozen=True)
class _ArabicTable:
    arabic: dict[str, str]  # normalised Arabic word → entry
    arabic_forms: dict[str, tuple[str, ...]]  # entry → its normalised Arabic words


@dataclass(frozen=True)
class _LatinTable:
    exact: dict[str, frozenset[str]]  # fine form of a listed spelling → entries
    by_skeleton: dict[str, dict[str, tuple[str, ...]]]  # skeleton → entry → fine forms


def _lines() -> list[tuple[list[str], list[str]]]:
    """The table's lines: (the Arabic spellings, the Latin spellings, the first naming the entry)."""
    lines = []
    for line in NAMES.strip().splitlines():
        left, _, right = line.partition("=")
        lines.append((left.split("|"), right.split()))
    return lines


# Two halves, built on first use: an Arabic query (most of them) needs only the Arabic half, which is
# ten times quicker to build than the Latin one (a command that searches once pays for what it uses).
@cache
def _arabic_table() -> _ArabicTable:
    arabic: dict[str, str] = {}
    forms: dict[str, set[str]] = defaultdict(set)
    for written_forms, spellings in _lines():
        entry = spellings[0].casefold()
        for written in written_forms:
            key = normalize_name(written)
            arabic.setdefault(key, entry)
            forms[entry].add(key)
    return _ArabicTable(arabic, {e: tuple(sorted(f)) for e, f in forms.items()})


@cache
def _latin_table() -> _LatinTable:
    exact: dict[str, set[str]] = defaultdict(set)
    by_skeleton: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for _written_forms, spellings in _lines():
        entry = spellings[0].casefold()
        for spelling in spellings:
            for word in latin_words(spelling)[:1]:
                for fine in latin_fines(word[0]):
                    exact[fine].add(entry)
                    by_skeleton[skeleton(fine)][entry].add(fine)
    return _LatinTable(
        {f: frozenset(e) for f, e in exact.items()},
        {s: {e: tuple(sorted(f)) for e, f in entries.items()} for s, entries in by_skeleton.items()},
    )


def _similarity(a: str, b: str) -> float:
    # "e" stands for a as often as for i (Ahmed/Ahmad, Hesham/Hisham): read it both ways.
    return max(
        fuzz.ratio(a.replace("e", "a"), b.replace("e", "a")),
        fuzz.ratio(a.replace("e", "i"), b.replace("e", "i")),
    )


@lru_cache(maxsize=65536)
def resolve(fine: str) -> tuple[tuple[str, ...], bool]:
    """The table entries a Latin word (in `latin_fine` form) spells, and whether exactly: a listed
    spelling, or else the nearest spellings among the entries sharing its skeleton."""
    table = _latin_table()
    found = table.exact.get(fine)
    if found:
        return tuple(sorted(found)), True
    candidates = table.by_skeleton.get(skeleton(fine))
    if not candidates:
        return (), False
    scores = {entry: max(_similarity(fine, f) for f in fines) for entry, fines in candidates.items()}
    best = max(scores.values())
    if best < MIN_SIMILARITY:
        return (), False
    return tuple(sorted(e for e, s in scores.items() if s >= best - 0.5)), False


@lru_cache(maxsize=65536)
def arabic_entry(word: str) -> str | None:
    """The table entry of a normalised Arabic word, if the table knows it."""
    return _arabic_table().arabic.get(word)


def entry_arabic_forms(entry: str) -> tuple[str, ...]:
    return _arabic_table().arabic_forms.get(entry, ())


# ---------------------------------------------------------------- keys


def is_latin(text: str | None) -> bool:
    """True for a name written in Latin letters only (no Arabic letter in it)."""
    if not text or _ARABIC_LETTER.search(text):
        return False
    return _LATIN_LETTER.search(_ascii(text)) is not None


def _split_scripts(text: str) -> tuple[str, str]:
    arabic: list[str] = []
    latin: list[str] = []
    for word in (text or "").split():
        (arabic if _ARABIC_LETTER.search(word) else latin).append(word)
    return " ".join(arabic), " ".join(latin)


@lru_cache(maxsize=65536)
def _arabic_word_keys(word: str) -> frozenset[str]:
    if arabic_entry(word) is not None:
        return frozenset({word})
    return frozenset({word} | {ARABIC_UNKNOWN + s for f in _arabic_sounds(word) if (s := skeleton(f))})


@lru_cache(maxsize=65536)
def _latin_word_keys(readings: tuple[str, ...]) -> frozenset[str]:
    keys = {readings[0]}
    for reading in readings:
        for fine in latin_fines(reading):
            if s := skeleton(fine):
                keys.add(LATIN_SKELETON + s)
            keys.update(LATIN_ENTRY + e for e in resolve(fine)[0])
    return frozenset(keys)


def name_word_keys(name: str | None) -> list[frozenset[str]]:
    """Per word of a stored name, the keys a query word may meet: the word itself and, as in
    `index_tokens`, its romanisation keys."""
    if not name:
        return []
    if not _ANY_LATIN.search(name):  # most names in an Arabic registry: no need to split scripts
        return [_arabic_word_keys(w) for w in normalize_name(name).split()]
    arabic, latin = _split_scripts(name)
    keys = [_arabic_word_keys(w) for w in normalize_name(arabic).split()] if arabic else []
    if latin:
        keys += [_latin_word_keys(r) for r in latin_words(latin)]
    return keys


def index_tokens(name: str | None) -> set[str]:
    """The romanisation tokens of a name, stored beside its plain name tokens."""
    return {k for keys in name_word_keys(name) for k in keys if k[0] == "~"}


@lru_cache(maxsize=65536)
def _arabic_query(word: str) -> frozenset[str]:
    entry = arabic_entry(word)
    if entry is not None:
        return frozenset({word, LATIN_ENTRY + entry})
    return frozenset({word} | {LATIN_SKELETON + s for f in _arabic_sounds(word) if (s := skeleton(f))})


@lru_cache(maxsize=65536)
def _latin_query(readings: tuple[str, ...]) -> frozenset[str]:
    keys = {readings[0]}
    for reading in readings:
        for fine in latin_fines(reading):
            entries, exactly = resolve(fine)
            for entry in entries:
                keys.add(LATIN_ENTRY + entry)
                keys.update(entry_arabic_forms(entry))
            # A spelling the table does not list may also be a name it does not know ("Anis" is
            # أنيس, not أنس): its skeleton still meets unknown words.
            if not exactly and (s := skeleton(fine)):
                keys.update((ARABIC_UNKNOWN + s, LATIN_SKELETON + s))
    return frozenset(keys)


def query_alternatives(query: str | None) -> list[frozenset[str]]:
    """Per word of a query, every index token that satisfies it across scripts (whole words)."""
    arabic, latin = _split_scripts(query or "")
    words = [_arabic_query(w) for w in normalize_name(arabic).split()] if arabic else []
    if latin:
        words += [_latin_query(r) for r in latin_words(latin)]
    return words


def matches(query: str, name: str | Iterable[str]) -> bool:
    """True when every word of `query` meets some word of `name` (or of one of several names of
    one person) across scripts, in any order: the whole-name query rule of the search."""
    names = [name] if isinstance(name, str) else list(name)
    words = [keys for n in names for keys in name_word_keys(n)]
    wanted = query_alternatives(query)
    return bool(wanted) and all(any(alternatives & keys for keys in words) for alternatives in wanted)


def words_in_order(wanted: list[frozenset[str]], keys: list[frozenset[str]]) -> bool:
    """The duplicate rule across scripts: at least two query words (`query_alternatives`) meet the
    name's words (`name_word_keys`) in the same order, the first word first ("Ahmed Mohamed" is
    أحمد محمد علي; "Mohamed Ahmed" is not)."""
    if len(wanted) < 2 or not keys or not wanted[0] & keys[0]:
        return False
    position = 1
    for alternatives in wanted[1:]:
        while position < len(keys) and not alternatives & keys[position]:
            position += 1
        if position == len(keys):
            return False
        position += 1
    return True
