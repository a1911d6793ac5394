"""The search index tokens of a person (ARABIC.md §3): every name they carry (Arabic, Latin, names
merged in as aliases) as prefix tokens and romanisation keys, and the last digits of their phones.

One function, used wherever a person is written (forms, imports, merges, packages, migrations,
benchmarks), so the index never depends on the way a person came in.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from desktop_app.text.arabic import name_tokens
from desktop_app.text.phone import phone_digits_tail
from desktop_app.text.romanize import index_tokens

MAX_TOKEN = 100  # the token column's length
PHONE_TAIL = "~p"  # a phone's digits reversed: "ends with 5678" is a prefix range on "~p8765"


@lru_cache(maxsize=32768)  # an import tokenises a name more than once (new people, merges, checks)
def _name_part(name: str) -> frozenset[str]:
    return frozenset(name_tokens(name) | index_tokens(name))


def person_tokens(names: Iterable[str | None], phones: Iterable[str | None] = ()) -> set[str]:
    """Index tokens for a person with these names and (E.164) phone numbers."""
    tokens: set[str] = set()
    for name in names:
        if name:
            tokens |= _name_part(name)
    for phone in phones:
        tail = phone_digits_tail(phone)
        if tail:
            tokens.add(PHONE_TAIL + tail)
    return {t[:MAX_TOKEN] for t in tokens}
