"""The Qt-free message catalogue (Python gettext) for services and the command line.

The CLI never imports Qt, so messages that services raise come from `.mo` files compiled from
`resources/translations/messages_<lang>.po`. Source strings are English; Arabic is the default
language. The window's own strings use Qt's `tr()` instead.
"""

from __future__ import annotations

import gettext

from desktop_app.assets import resource_path

LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str) -> None:
    """Switch every later message to `language` ("ar" or "en")."""
    global _current, _language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    mo = resource_path("translations", f"messages_{language}.mo")
    try:
        with mo.open("rb") as fh:
            _current = gettext.GNUTranslations(fh)
    except OSError:
        _current = gettext.NullTranslations()
    _language = language


def language() -> str:
    return _language


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


set_language(DEFAULT_LANGUAGE)
