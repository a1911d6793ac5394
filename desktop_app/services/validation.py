"""Field rules shared by forms, imports and the CLI; each failure is a ValidationError(field, message)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

from desktop_app import clock
from desktop_app.errors import ValidationError
from desktop_app.i18n import _, ngettext
from desktop_app.text.arabic import clean_name
from desktop_app.text.governorates import BY_CODE
from desktop_app.text.phone import normalize_phone

_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]{2,}$")
_URL = re.compile(r"^(https?://)?[^\s/$.?#][^\s]*\.[^\s]{2,}$", re.IGNORECASE)
MAX_NAME = 300
# Control characters (NUL and the like) have no business in a name or a note; tab and line breaks do.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


T = TypeVar("T")


class Checks:
    """Runs each field's check and keeps every refusal, so a form shows all its problems at once;
    `done()` raises them together (nothing is written while one is left)."""

    def __init__(self) -> None:
        self.problems: list[ValidationError] = []

    def __call__(self, check: Callable[[], T], fallback: Any = None) -> T | Any:
        try:
            return check()
        except ValidationError as error:
            self.problems.extend(p for p in error.problems if p.field not in self.fields())
            return fallback

    def refuse(self, field: str, message: str) -> None:
        if field not in self.fields():
            self.problems.append(ValidationError(field, message))

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}

    def done(self) -> None:
        if self.problems:
            raise ValidationError.of(self.problems)


def too_long(limit: int) -> str:
    """The refusal of a text longer than `limit` characters (the count agrees with its noun)."""
    return ngettext(
        "This text is too long (at most {n} character).", "This text is too long (at most {n} characters).", limit
    ).format(n=limit)


def _no_control_characters(text: str, field: str) -> str:
    if _CONTROL.search(text):
        raise ValidationError(
            field,
            _("This text contains invisible control characters: type it again, or paste it as plain text."),
        )
    return text


def optional_text(value: Any, field: str, max_length: int = 2000) -> str | None:
    if value is None:
        return None
    text = clean_name(str(value)) if max_length <= MAX_NAME else str(value).strip()
    if not text:
        return None
    if len(text) > max_length:
        raise ValidationError(
            field, too_long(max_length)
        )
    return _no_control_characters(text, field)


def required_name(value: Any, field: str) -> str:
    text = clean_name(str(value)) if value is not None else ""
    if not text:
        raise ValidationError(field, _("The name is required."))
    if len(text) > MAX_NAME:
        raise ValidationError(field, too_long(MAX_NAME))
    _no_control_characters(text, field)
    if not any(unicodedata.category(ch).startswith("L") for ch in text):
        raise ValidationError(field, _("The name must contain letters."))
    return text


def phone(value: Any, field: str = "phone") -> str | None:
    try:
        return normalize_phone(None if value is None else str(value))
    except ValidationError as exc:
        raise ValidationError(field, exc.message) from None


def looks_like_email(text: str) -> bool:
    """True for text shaped like an email address (what `email` accepts)."""
    return bool(_EMAIL.match(text.strip().lower()))


def email(value: Any, field: str = "email") -> str | None:
    text = optional_text(value, field, 254)
    if text is None:
        return None
    text = text.lower()
    if not _EMAIL.match(text):
        raise ValidationError(
            field, _("The email address is not valid: it should look like name@example.org.")
        )
    return text


def website(value: Any, field: str = "website") -> str | None:
    text = optional_text(value, field, 500)
    if text is None:
        return None
    if not _URL.match(text):
        raise ValidationError(
            field, _("The website address is not valid: it should look like www.example.org.")
        )
    return text


def governorate(value: Any, field: str = "governorate") -> str | None:
    if value is None or value == "":
        return None
    code = str(value).strip().zfill(2)
    if code not in BY_CODE:
        raise ValidationError(field, _("Unknown governorate."))
    return code


def date_value(value: Any, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(field, _("The date is not valid: write it as YYYY-MM-DD.")) from None


def birth_date(value: Any, field: str = "birth_date") -> dt.date | None:
    date = date_value(value, field)
    if date is None:
        return None
    if date > clock.today():
        raise ValidationError(field, _("The birth date cannot be in the future."))
    if date.year < 1900:
        raise ValidationError(field, _("The birth date is too far in the past."))
    return date


def choice(value: Any, field: str, allowed: type[Any], default: Any = None) -> Any:
    """A value of the StrEnum `allowed`, or `default` for an empty value."""
    if value is None or value == "":
        return default
    try:
        return allowed(value)
    except ValueError:
        raise ValidationError(field, _("This value is not one of the allowed choices.")) from None
