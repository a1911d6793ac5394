"""Which field each column of a spreadsheet fills: guessed from its header, then checked against
what it holds, the way offices' real files need it (event-ticketing and CRM exports, Google Forms
responses, KoboToolbox exports, hand-typed Arabic sheets).

The header gives a first guess (Arabic or English words, form questions, KoboToolbox
``group/field`` names). Then the values decide:

* a person's name, job title or organization varies row to row and has letters: in a file of 10
  rows or more, a column with one value in every row, or at most three values repeated ("Attended",
  "Registered"), is none of them;
* emails look like emails, phones parse, dates parse, yes/no answers are consent, genders and
  governorates are ones we know;
* a column of Latin-letter names beside an Arabic name column is the Latin name, whatever its header
  says; a column nobody named that holds emails or phone numbers fills that field.

A column whose values contradict its header's field is left out and said why. When the person's
name (or an organization's) could only come from such a column, the import is refused, naming the
column and the reason, until the user chooses (``--map`` or the wizard): a file never becomes 20
people called "Attended".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.i18n import _, ngettext
from desktop_app.services.tabular import Cell, Table
from desktop_app.services.validation import looks_like_email
from desktop_app.text.arabic import fold_digits, fold_text
from desktop_app.text.governorates import GOVERNORATES
from desktop_app.text.isolate import isolate
from desktop_app.text.national_id import parse_national_id
from desktop_app.text.phone import normalize_phone
from desktop_app.text.romanize import is_latin, matches

PERSON_FIELDS = (
    "full_name", "first_name", "last_name", "latin_name", "organization", "governorate", "gender",
    "job_title", "phone", "phone2", "email", "national_id", "birth_date", "consent", "ignore",
)  # fmt: skip
ORGANIZATION_FIELDS = (
    "name_ar", "name_en", "kind", "governorate", "address", "phone", "email", "website", "notes", "ignore",
)  # fmt: skip

# Header words per field, tried in this order (an organization's "اسم الجهة" must not be taken for a
# person's name). Headers are compared after folding (hamza, ta marbuta, case, punctuation).
_PERSON_HEADERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("organization", ("الجهه", "المؤسسه", "المنظمه", "الجمعيه", "جهه العمل", "organization", "organisation", "institution", "association", "ngo", "union", "النقابه", "company", "employer", "affiliation")),
    ("latin_name", ("بالانجليزي", "بالانجليزيه", "بالحروف اللاتينيه", "english name", "name in english", "latin")),
    ("first_name", ("الاسم الاول", "first name", "given name", "firstname")),
    ("last_name", ("اسم العائله", "اللقب", "last name", "family name", "surname", "lastname")),
    ("national_id", ("الرقم القومي", "الرقم الوطني", "رقم البطاقه", "national id", "id number", "nid")),
    ("email", ("البريد", "الايميل", "ايميل", "email", "e-mail", "mail")),
    ("phone", ("الموبايل", "المحمول", "واتساب", "الجوال", "mobile", "whatsapp", "cell")),
    ("phone2", ("الهاتف", "التليفون", "تليفون", "هاتف", "phone", "telephone", "tel")),
    ("governorate", ("المحافظه", "محافظه", "governorate", "province", "city")),
    ("gender", ("النوع", "الجنس", "gender", "sex")),
    ("job_title", ("الصفه", "الوظيفه", "المسمي الوظيفي", "المنصب", "job", "title", "position", "role")),
    ("birth_date", ("تاريخ الميلاد", "birth", "date of birth", "dob")),
    ("consent", ("موافق", "الموافقه", "مشاركه البيانات", "مشاركه بيانات", "consent", "share contact", "agree")),
    ("full_name", ("الاسم الثلاثي", "الاسم الرباعي", "الاسم الكامل", "الاسم بالكامل", "اسم المشارك", "الاسم", "full name", "name", "participant")),
)  # fmt: skip
_ORGANIZATION_HEADERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name_en", ("بالانجليزي", "بالانجليزيه", "english", "latin")),
    ("kind", ("النوع", "نوع الجهه", "type", "kind")),
    ("governorate", ("المحافظه", "محافظه", "governorate", "province")),
    ("address", ("العنوان", "address")),
    ("email", ("البريد", "الايميل", "email", "e-mail")),
    ("website", ("الموقع", "website", "web", "url")),
    ("phone", ("الهاتف", "التليفون", "الموبايل", "phone", "mobile", "tel")),
    ("notes", ("ملاحظات", "notes", "comments")),
    ("name_ar", ("اسم الجهه", "اسم المؤسسه", "اسم المنظمه", "الاسم", "الجهه", "المؤسسه", "name", "organization", "organisation")),
)  # fmt: skip

# Columns every KoboToolbox (and ODK) export carries about the submission, not the person.
_FORM_METADATA = {
    "start", "end", "today", "deviceid", "simserial", "subscriberid", "phonenumber", "username", "audit",
    "instanceid", "instancename", "uuid", "version",
}  # fmt: skip

YES = {"نعم", "ايوه", "اه", "موافق", "موافقه", "yes", "y", "true", "1", "x", "✓", "oui"}
NO = {"لا", "غير موافق", "no", "n", "false", "0", "non"}
MALE = {"ذكر", "رجل", "m", "male", "man"}
FEMALE = {"انثي", "انثى", "امراه", "سيده", "f", "female", "woman"}

SMALL_FILE = 10  # rows: below this, one value in every row proves nothing
FEW_VALUES = 3  # at most this many distinct values, repeated: a status or an event, not a name
_SAMPLE = 200  # values looked at per column (the distinct-value rule counts every row)

_NAME_FIELDS = ("full_name", "first_name", "last_name", "latin_name")
_VARYING_FIELDS = (*_NAME_FIELDS, "job_title", "organization")


def _fold_header(text: str) -> str:
    # KoboToolbox names a question "group/question_name": the question is the last part.
    text = text.rsplit("/", 1)[-1].replace("_", " ")
    folded = fold_text(text).lower()
    return re.sub(r"[^\w\s]", " ", folded).strip()


def _header_matches(header: str, word: str) -> bool:
    return re.search(rf"(^|\s){re.escape(word)}($|\s)", header) is not None or (
        len(word) > 4 and word in header
    )


def is_form_metadata(header: str) -> bool:
    """A KoboToolbox/ODK metadata column ("_uuid", "_submission_time", "start", "deviceid"…)."""
    last = header.strip().rsplit("/", 1)[-1].strip().lower()
    return last.startswith("_") or last in _FORM_METADATA


def header_fields(header: str, kind: str) -> list[str]:
    """Every field a header's words name, in the table's order of preference."""
    folded = _fold_header(header)
    if not folded or is_form_metadata(header):
        return []
    table = _PERSON_HEADERS if kind == "people" else _ORGANIZATION_HEADERS
    return [name for name, words in table if any(_header_matches(folded, _fold_header(w)) for w in words)]


def header_field(header: str, kind: str, taken: Iterable[str] = ()) -> str | None:
    """The field a header names, if any (the first of the table whose words it holds)."""
    taken = set(taken)
    return next((name for name in header_fields(header, kind) if name not in taken), None)


def auto_mapping(headers: Sequence[str], kind: str = "people") -> dict[int, str]:
    """Column index → field, guessed from Arabic or English headers (form questions included)."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = header_field(header, kind, mapping.values())
        if name is not None:
            mapping[index] = name
    if kind == "people" and "phone2" in mapping.values() and "phone" not in mapping.values():
        # A single phone column, mobile or not, is the person's main number.
        mapping[next(i for i, f in mapping.items() if f == "phone2")] = "phone"
    return mapping


# ---------------------------------------------------------------- what a column holds


def cell_text(value: Cell) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone or ID that Excel stored as a number
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip() or None


def phone_text(value: Cell) -> str | None:
    text = cell_text(value)
    if text and text.isdigit() and len(text) == 10 and text.startswith("1"):
        text = "0" + text  # Excel dropped the leading zero of 010…
    return text


_DATE = re.compile(r"^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})([ T]\d{1,2}:\d{2}.*)?\s*$")
_GOVERNORATE_KEYS = {
    *(fold_text(g.name_ar).replace(" ", "").removeprefix("ال") for g in GOVERNORATES),
    *(fold_text(g.name_en).replace(" ", "") for g in GOVERNORATES),
}


def _is_phone(value: Cell) -> bool:
    text = phone_text(value)
    if not text or sum(c.isdigit() for c in fold_digits(text)) < 7:
        return False
    try:
        return normalize_phone(text) is not None
    except ValidationError:
        return False


def _is_national_id(value: Cell) -> bool:
    text = fold_digits(cell_text(value) or "")
    if not (text.isdigit() and len(text) == 14):
        return False
    try:
        parse_national_id(text)
    except ValidationError:
        return False
    return True


def _is_governorate(value: Cell) -> bool:
    key = fold_text(cell_text(value) or "").replace(" ", "").removeprefix("محافظه").removeprefix("ال")
    return key in _GOVERNORATE_KEYS or key.lower() in _GOVERNORATE_KEYS


def _is_date(value: Cell) -> bool:
    return isinstance(value, dt.date) or bool(_DATE.match(fold_digits(str(value))))


# Words of letters (hyphens, apostrophes and dots inside: "El-Sayed", "Sa'ad", "M. Ali"), no digits.
_NAME_SHAPE = re.compile(r"^[^\W\d_]+(?:[ '’.\-]+[^\W\d_]+){0,6}\.?$")


def _word(value: Cell) -> str:
    return fold_text(cell_text(value) or "").lower()


_CHECKS: dict[str, Callable[[Cell], bool]] = {
    "email": lambda v: looks_like_email(cell_text(v) or ""),
    "phone": _is_phone,
    "national_id": _is_national_id,
    "date": _is_date,
    "yes_no": lambda v: _word(v) in YES or _word(v) in NO,
    "gender": lambda v: _word(v) in MALE or _word(v) in FEMALE,
    "governorate": _is_governorate,
    "letters": lambda v: isinstance(v, str) and any(ch.isalpha() for ch in v),
    "name_shape": lambda v: isinstance(v, str) and _NAME_SHAPE.match(v.strip()) is not None,
    "latin": lambda v: isinstance(v, str) and is_latin(v),
    "arabic": lambda v: isinstance(v, str) and re.search(r"[\u0621-\u064a]", v) is not None,
}


@dataclass
class ColumnProfile:
    """What a column holds: how many cells are filled, how many distinct values, the share of the
    (sampled) filled cells that pass a check (each check run once, when first asked), and the
    average number of words."""

    filled: int
    distinct: int
    common: list[str]
    words: float
    sample: list[Cell]
    share: dict[str, float] = field(default_factory=dict)

    def looks(self, check: str, at_least: float = 0.5) -> bool:
        if check not in self.share:
            passed = sum(map(_CHECKS[check], self.sample))
            self.share[check] = passed / len(self.sample) if self.sample else 0.0
        return self.share[check] >= at_least


def profile(rows: Sequence[Sequence[Cell]], index: int) -> ColumnProfile:
    values = [row[index] for row in rows if row[index] is not None]
    counts = Counter(v.strip() if isinstance(v, str) else v for v in values)
    sample = values[:_SAMPLE]
    texts = [cell_text(v) or "" for v in sample]
    words = sum(len(t.split()) for t in texts) / len(texts) if texts else 0.0
    return ColumnProfile(
        len(values), len(counts), [str(v) for v, _n in counts.most_common(FEW_VALUES)], words, sample
    )


# ---------------------------------------------------------------- the mapping


@dataclass
class ColumnChoice:
    """One column: the field it fills (None: left out), how that was decided, and why."""

    index: int
    header: str
    field: str | None
    source: str  # header | content | map | "" (left out)
    guess: str | None = None  # the field its header suggested, when the values say otherwise
    reason: str = ""

    def as_json(self) -> dict[str, Any]:
        reason = self.reason.replace("\u2068", "").replace("\u2069", "")  # isolates are for display
        return {"column": self.header, "field": self.field, "source": self.source, "header_guess": self.guess,
                "reason": reason}  # fmt: skip


@dataclass
class ColumnMapping:
    columns: list[ColumnChoice]
    refusal: ColumnChoice | None = None  # the required field could only come from a doubtful column
    label_row: bool = False

    def fields(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns if c.field is not None}

    @property
    def doubts(self) -> list[ColumnChoice]:
        return [c for c in self.columns if c.guess is not None and c.field != c.guess]


def _name(header: str, index: int) -> str:
    return header or f"#{index + 1}"


def _contradiction(name: str, p: ColumnProfile, rows: int) -> str | None:
    """Why a column's values say it is not field `name` (None: nothing against it)."""
    if p.filled == 0:
        return None
    if name in _VARYING_FIELDS:
        # The values quoted are isolated (FSI … PDI), so Latin ones keep their order in an Arabic sentence.
        if rows >= SMALL_FILE and p.distinct == 1:
            return _("every row has the same value ({value})").format(value=isolate(p.common[0]))
        if rows >= SMALL_FILE and p.distinct <= FEW_VALUES:
            values = ngettext("it holds only {n} different value", "it holds only {n} different values", p.distinct)
            where = ngettext("in {rows} row", "in {rows} rows", rows)
            quoted = isolate(",\u00a0".join(p.common))  # not broken across lines inside the isolate
            return f"{values.format(n=p.distinct)} ({quoted}) {where.format(rows=rows)}"
        if p.filled < 3:
            return None  # too few values to judge: a bad one is a row problem
        if not p.looks("letters"):
            return _("its values are not written in letters")
        if name in _NAME_FIELDS and (p.looks("email") or p.looks("phone") or p.looks("date")):
            return _("its values are emails, phone numbers or dates, not names")
        if name == "latin_name" and not p.looks("latin"):
            return _("its values are not written in Latin letters")
        return None
    if p.filled < 3:
        return None
    expected = {
        "email": ("email", _("its values are not email addresses")),
        "phone": ("phone", _("its values are not phone numbers")),
        "phone2": ("phone", _("its values are not phone numbers")),
        "national_id": ("national_id", _("its values are not 14-digit national IDs")),
        "birth_date": ("date", _("its values are not dates")),
        "consent": ("yes_no", _("its values are not yes/no answers")),
        "gender": ("gender", _("its values are not genders")),
        "governorate": ("governorate", _("its values are not governorates")),
    }.get(name)
    if expected is not None and not p.looks(expected[0]):
        return expected[1]
    return None


def propose_mapping(
    table: Table, kind: str = "people", overrides: dict[int, str] | None = None
) -> ColumnMapping:
    """The field of every column, by header then by content; `overrides` (column → field, from
    --map or the wizard) are the user's decisions and are never doubted."""
    overrides = overrides or {}
    rows = table.rows
    headers = [(_name(h, i)) for i, h in enumerate(table.headers)]
    labels = table.labels or [""] * len(headers)
    profiles = {i: profile(rows, i) for i in range(len(headers))}
    taken = {f for f in overrides.values() if f != "ignore"}
    choices: dict[int, ColumnChoice] = {}
    for index, header in enumerate(headers):
        if index in overrides:
            wanted = overrides[index]
            choices[index] = ColumnChoice(index, header, None if wanted == "ignore" else wanted, "map")
            continue
        names = header_fields(table.headers[index], kind)
        # A KoboToolbox label row: the label names what the XML name does not.
        names += [n for n in header_fields(labels[index], kind) if n not in names]
        names = [n for n in names if n not in taken]
        if not names:
            reason = _("form metadata") if is_form_metadata(table.headers[index]) else ""
            if profiles[index].filled == 0 and not reason:
                reason = _("empty")
            elif not reason and header_fields(table.headers[index], kind):
                reason = _("another column was chosen")
            choices[index] = ColumnChoice(index, header, None, "", reason=reason)
            continue
        # The header's first field whose values fit; "Event Title" is no job title when every
        # row holds the same event, and "Job Title" further on still is.
        for name in names:
            if _contradiction(name, profiles[index], len(rows)) is None:
                choices[index] = ColumnChoice(index, header, name, "header")
                taken.add(name)
                break
        else:
            against = _contradiction(names[0], profiles[index], len(rows))
            choices[index] = ColumnChoice(index, header, None, "", guess=names[0], reason=against or "")
    if kind == "people" and "phone" not in taken:
        # A single phone column, mobile or not, is the person's main number.
        second = next((c for c in choices.values() if c.field == "phone2" and c.source == "header"), None)
        if second is not None:
            second.field = "phone"
    if kind == "people":
        metadata = {i for i, h in enumerate(table.headers) if is_form_metadata(h)}
        _by_content(choices, profiles, rows, overrides, metadata)
    mapping = ColumnMapping([choices[i] for i in range(len(headers))], label_row=bool(table.labels))
    mapping.refusal = _refusal(mapping, kind)
    return mapping


def _free(choices: dict[int, ColumnChoice], overrides: dict[int, str], metadata: set[int]) -> list[int]:
    """Columns no field was given to, that the user did not decide and that hold no form metadata."""
    return [i for i, c in choices.items() if c.field is None and i not in overrides and i not in metadata]


def _by_content(
    choices: dict[int, ColumnChoice], profiles: dict[int, ColumnProfile], rows: Sequence[Sequence[Cell]],
    overrides: dict[int, str], metadata: set[int],
) -> None:  # fmt: skip
    """Fields found from values alone: the Latin name beside an Arabic name, emails, phones."""
    filled = {c.field for c in choices.values() if c.field}
    by_field = {c.field: i for i, c in choices.items() if c.field}

    def take(index: int, name: str, reason: str) -> None:
        old = choices[index]
        choices[index] = ColumnChoice(index, old.header, name, "content", old.guess, reason)
        filled.add(name)
        by_field[name] = index

    def names(index: int, script: str) -> bool:
        """Person names in this script: words of letters, differing from row to row."""
        p = profiles[index]
        return (
            p.filled > 0 and p.looks(script, 0.8) and p.looks("name_shape", 0.9)
            and not (p.looks("email", 0.2) or p.looks("phone", 0.2) or p.looks("governorate", 0.5))
            and (len(rows) < SMALL_FILE or p.distinct > FEW_VALUES)
        )  # fmt: skip

    def agree(latin: int, arabic: int) -> float:
        pairs = [(r[latin], r[arabic]) for r in rows[:_SAMPLE] if r[latin] and r[arabic]]
        hits = sum(matches(str(a).split()[0], str(b)) for a, b in pairs if str(a).split())
        return hits / len(pairs) if pairs else 0.0

    full = by_field.get("full_name")
    if full is not None and full not in overrides and names(full, "latin"):
        # A Latin name in the name column and an Arabic one beside it: the Arabic is the name.
        arabic = [
            i
            for i in _free(choices, overrides, metadata) + [by_field.get("latin_name", -1)]
            if i >= 0 and names(i, "arabic")
        ]
        if arabic:
            latin_column = full
            take(arabic[0], "full_name", _("Arabic names beside the Latin ones"))
            take(latin_column, "latin_name", _("Latin-letter names beside the Arabic name"))
            full = arabic[0]
    if full is not None and "latin_name" not in filled and names(full, "arabic"):
        # Beside the Arabic names: a column of Latin-letter names spelling them ("Hany" for هاني in
        # half the rows at least), or, under a header nobody recognised, full Latin names.
        candidates = []
        for i in choices:
            if (
                i == full
                or i in overrides
                or not names(i, "latin")
                or choices[i].field in ("first_name", "last_name")
            ):
                continue
            p = profiles[i]
            spelled = agree(i, full) >= 0.5
            if spelled or (choices[i].field is None and p.words >= 1.5 and p.distinct >= 0.9 * p.filled):
                candidates.append(i)
        if candidates:
            best = max(candidates, key=lambda i: agree(i, full))
            if choices[best].field is not None:
                choices[best] = ColumnChoice(best, choices[best].header, None, "", choices[best].field)
            take(best, "latin_name", _("Latin-letter names beside the Arabic name"))
    for name, check in (
        ("email", "email"),
        ("national_id", "national_id"),
        ("phone", "phone"),
        ("phone2", "phone"),
    ):
        if name in filled:
            continue
        for index in _free(choices, overrides, metadata):
            p = profiles[index]
            if p.filled and p.looks(check, 0.9) and (name != "phone2" or "phone" in filled):
                take(index, name, {
                    "email": _("its values are email addresses"), "national_id": _("its values are national IDs"),
                }.get(name, _("its values are phone numbers")))  # fmt: skip
                break


def _refusal(mapping: ColumnMapping, kind: str) -> ColumnChoice | None:
    fields = set(mapping.fields().values())
    if kind == "people":
        if "full_name" in fields or "first_name" in fields or "last_name" in fields:
            return None
        doubtful = [c for c in mapping.doubts if c.guess in _NAME_FIELDS and c.guess != "latin_name"]
    else:
        if "name_ar" in fields:
            return None
        doubtful = [c for c in mapping.doubts if c.guess == "name_ar"]
    return doubtful[0] if doubtful else None


def settled(headers: Sequence[str], mapping: dict[int, str]) -> ColumnMapping:
    """A mapping the user chose column by column (the wizard): taken as it is."""
    return ColumnMapping(
        [
            ColumnChoice(i, _name(h, i), mapping.get(i), "map" if i in mapping else "")
            for i, h in enumerate(headers)
        ]
    )


def detect_label_row(table: Table, kind: str = "people") -> Table:
    """A KoboToolbox-style export whose second row holds the questions' labels under their XML
    names: the labels join the header and the data starts a row later."""
    if not table.rows:
        return table
    second = table.rows[0]
    labels = [cell_text(c) or "" for c in second]
    named = auto_mapping(labels, kind)
    # Most cells of a label row name a field; a data row's cells are values, and where they happen
    # to hold a header word ("Mobile Engineer") the value checks of typed fields tell them apart.
    # (Metadata columns repeat their name as their label: they do not count.)
    questions = [
        i for i, label in enumerate(labels)
        if label and label != table.headers[i] and not is_form_metadata(table.headers[i])
    ]  # fmt: skip
    if len(named) < max(2, len(questions) / 2):
        return table
    typed = {"phone": "phone", "phone2": "phone", "email": "email", "national_id": "national_id",
             "birth_date": "date", "gender": "gender", "consent": "yes_no"}  # fmt: skip
    if any(name in typed and _CHECKS[typed[name]](second[i]) for i, name in named.items()):
        return table
    return Table(table.headers, table.rows[1:], first_row=table.first_row + 1, labels=labels)
