"""Passphrase protection for backups and venue packages (they carry national IDs and phone numbers
on USB sticks): scrypt turns the passphrase into a key, AES-GCM encrypts and authenticates.

File layout: MAGIC (8 bytes) | salt (16) | nonce (12) | ciphertext with its 16-byte tag. The header is
authenticated too, so a wrong passphrase and a file changed by even one byte are refused alike, whole.
"""

from __future__ import annotations

import os

from desktop_app.errors import DataError
from desktop_app.i18n import _

MAGIC = b"TSHKENC1"
_SCRYPT_N = 2**15  # ~0.1 s on an ordinary laptop: cheap once, expensive to guess at scale


# `cryptography` is imported where it is used: listing backups or starting the window never needs it.


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=8, p=1).derive(passphrase.encode("utf-8"))


def is_encrypted(data: bytes) -> bool:
    return data.startswith(MAGIC)


def encrypt(data: bytes, passphrase: str) -> bytes:
    if not passphrase:
        raise DataError(_("The passphrase is empty."))
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    header = MAGIC + salt + nonce
    return header + AESGCM(_key(passphrase, salt)).encrypt(nonce, data, header)


def decrypt(data: bytes, passphrase: str | None) -> bytes:
    if not is_encrypted(data):
        return data
    if not passphrase:
        raise DataError(_("This file is protected by a passphrase: give it with --passphrase-file."))
    if len(data) < len(MAGIC) + 28 + 16:
        raise DataError(_("The file is damaged (too short)."))
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = data[8:24], data[24:36]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, data[36:], data[:36])
    except InvalidTag:
        raise DataError(
            _("Wrong passphrase, or the file was changed or damaged: nothing was read.")
        ) from None
