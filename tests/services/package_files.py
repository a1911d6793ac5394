"""Taking packages apart and putting them back together, the way someone editing one by hand (or
an older Tashbeek) would: the records of any format version as one dict, and new version-1 or
version-2 files from it with consistent checksums, so only the checks of the data itself can refuse
them."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

LISTS = (
    "organizations", "people", "aliases", "co_organizers", "sessions", "enrollments", "attendance",
    "certificates", "signatories",
)  # fmt: skip


def read_data(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(manifest, data in the version-1 shape) of a package of either version."""
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        if manifest["format_version"] == 1:
            return manifest, json.loads(archive.read("data.json"))
        data: dict[str, Any] = {}
        for name in archive.namelist():
            if name.endswith(".jsonl"):
                data[name[: -len(".jsonl")]] = [json.loads(line) for line in archive.read(name).splitlines()]
    data["training"] = data["training"][0]
    settings = data.pop("settings")[0]
    data["settings"], data["logo"] = settings["settings"], settings["logo"]
    return manifest, data


def write_v1(path: Path, manifest: dict[str, Any], data: dict[str, Any]) -> Path:
    """A version-1 package (one data.json), as the previous release wrote them."""
    for rows in (data["people"], data["organizations"]):
        for row in rows:
            row.pop("bases", None)
    # A lone surrogate (hostile tests) is written as JSON's own escape, as a hand-edited file would have it.
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8", "backslashreplace")
    head = {k: v for k, v in manifest.items() if k not in ("members", "data_sha256")}
    head.update(format_version=1, data_sha256=hashlib.sha256(payload).hexdigest())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(head, ensure_ascii=False))
        archive.writestr("data.json", payload)
    return path


def write_v2(
    path: Path,
    manifest: dict[str, Any],
    data: dict[str, Any],
    *,
    counts: dict[str, int] | None = None,
    version: int = 2,
) -> Path:
    """A version-2 package; `counts` overrides the record counts the manifest states, `version` the
    format version it claims."""
    tables = {name: data[name] for name in LISTS}
    tables["training"] = [data["training"]]
    tables["settings"] = [{"settings": data["settings"], "logo": data["logo"]}]
    if "templates" in data:  # an optional member (absent from packages made before templates travelled)
        tables["templates"] = data["templates"]
    members = {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in tables.items():
            payload = b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8", "backslashreplace") + b"\n" for r in rows)
            archive.writestr(f"{name}.jsonl", payload)
            members[f"{name}.jsonl"] = {
                "sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload),
                "records": (counts or {}).get(name, len(rows)),
            }  # fmt: skip
        head = {k: v for k, v in manifest.items() if k != "data_sha256"}
        head.update(format_version=version, members=members)
        archive.writestr("manifest.json", json.dumps(head, ensure_ascii=False))
    return path
