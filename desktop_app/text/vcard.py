"""vCard 3.0 (RFC 2426, with RFC 6350's folding rule) for a contact list a phone can import.

Small on purpose: the app writes cards and never reads them, and it needs only FN, N, TEL, EMAIL,
ORG and NOTE. Lines end in CRLF; a line longer than 75 octets is folded (CRLF and one space) at a
UTF-8 character boundary, so an Arabic letter is never cut in two; text values escape backslash,
comma, semicolon and newlines (a raw newline would end the property).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

LINE_OCTETS = 75
CRLF = "\r\n"


@dataclass(frozen=True)
class Contact:
    full_name: str
    phones: tuple[str, ...] = ()  # international format (+20…)
    email: str | None = None
    organization: str | None = None
    title: str | None = None


def escape(value: str) -> str:
    """A text value with backslash, comma, semicolon and line breaks escaped (RFC 2426 §4)."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded to at most 75 octets a line without splitting a UTF-8 character."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        octets = len(char.encode("utf-8"))
        # A continuation line starts with one space, which counts towards its 75 octets.
        if size + octets > LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return CRLF.join(pieces) + CRLF


def card(contact: Contact) -> str:
    """One BEGIN:VCARD … END:VCARD block."""
    name = " ".join(contact.full_name.split())
    # N is family;given;additional;prefix;suffix. An Arabic full name is not split into family and
    # given names (the order of the parts differs between countries): it goes whole in "given".
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{escape(name)}", f"N:;{escape(name)};;;"]
    lines += [f"TEL;TYPE=CELL:{phone}" for phone in contact.phones[:1]]
    lines += [f"TEL;TYPE=VOICE:{phone}" for phone in contact.phones[1:]]
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(contact.email)}")
    if contact.organization:
        lines.append(f"ORG:{escape(contact.organization)}")
    if contact.title:
        lines.append(f"TITLE:{escape(contact.title)}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def cards(contacts: Iterable[Contact]) -> str:
    """A .vcf file's text: one card per contact."""
    return "".join(card(c) for c in contacts)
