"""Logos and signature images are decoded in full when they are chosen: a damaged file is refused
with a message beside its field, and nothing is saved."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.services.settings import (
    OrganizationSettings,
    SignatoryData,
    load_organization_settings,
    save_organization_settings,
)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), "teal").save(out, "JPEG", quality=90)
    return out.getvalue()


def test_a_truncated_jpeg_logo_is_refused_when_chosen(db: Database) -> None:
    good = _jpeg()
    truncated = good[: len(good) // 2]  # starts like a JPEG, ends halfway
    with pytest.raises(ValidationError, match="damaged") as caught:
        save_organization_settings(db, OrganizationSettings(logo=truncated))
    assert caught.value.field == "identity_logo"
    assert load_organization_settings(db).logo is None
    save_organization_settings(db, OrganizationSettings(logo=good))
    assert load_organization_settings(db).logo == good


def test_a_damaged_signature_image_is_refused(db: Database) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200  # a PNG signature and nothing readable after it
    with pytest.raises(ValidationError) as caught:
        save_organization_settings(
            db, OrganizationSettings(signatories=[SignatoryData("د. هاني", None, png)])
        )
    assert caught.value.field == "signatory_0"
    assert load_organization_settings(db).signatories == []
