"""Keep the Qt-free message catalogues in step with the code (needs Babel: `pip install '.[test]'`).

    python scripts/update_messages.py          # extract, merge into every .po, compile .mo
    python scripts/update_messages.py --check  # exit 1 if anything is missing or out of date

Messages are the English strings passed to `_()` in desktop_app/ (except views/, which use Qt's
tr()). English needs no translation: its catalogue maps each message to itself.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop_app"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("ar", "en")


def extract() -> Catalog:
    template = Catalog(project="Tashbeek", fuzzy=False)
    method_map = [("views/**.py", "ignore"), ("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=method_map, keywords={"_": None, "ngettext": (1, 2)}
    ):
        template.add(
            message, None, [(f"desktop_app/{filename}", lineno)], auto_comments=comments, context=context
        )
    return template


def merged(language: str, template: Catalog) -> Catalog:
    po = TRANSLATIONS / f"messages_{language}.po"
    if po.exists():
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=language)
    else:
        catalog = Catalog(locale=language, project="Tashbeek")
    catalog.update(template, no_fuzzy_matching=True)
    if language == "en":
        for message in catalog:
            if message.id and not all(_forms(message.string)):
                message.string = message.id
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, include_previous=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _forms(string: object) -> tuple[str, ...]:
    return tuple(string) if isinstance(string, (tuple, list)) else (str(string or ""),)


def untranslated(catalog: Catalog) -> list[str]:
    """Messages with no translation, or a plural message with any of its forms left empty."""
    return [str(m.id) for m in catalog if m.id and (m.fuzzy or not all(_forms(m.string)))]


_PLACEHOLDER = re.compile(r"{(\w*)}")


def wrong_placeholders(catalog: Catalog) -> list[str]:
    """Translations naming a {placeholder} the English does not fill, or dropping one it needs. A
    plural form may leave out its count (Arabic says "جلستان", not "2 جلستان")."""
    found = []
    for m in catalog:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, (tuple, list)) else (m.id,)
        wanted = set().union(*(set(_PLACEHOLDER.findall(i)) for i in ids))
        for form in _forms(m.string):
            used = set(_PLACEHOLDER.findall(form))
            optional = wanted if len(ids) > 1 else set()
            if form and (used - wanted or (wanted - optional) - used):
                found.append(f"{ids[0]!r}: {form!r}")
    return found


def problems() -> list[str]:
    """What `--check` complains about: missing messages, untranslated ones, stale .mo files."""
    template = extract()
    found: list[str] = []
    for language in LANGUAGES:
        po = TRANSLATIONS / f"messages_{language}.po"
        if not po.exists():
            found.append(f"{po.name} is missing")
            continue
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=language)
        missing = [str(m.id) for m in template if m.id and m.id not in catalog]
        found += [f"{po.name}: not in the catalogue: {m!r}" for m in missing]
        found += [f"{po.name}: untranslated: {m!r}" for m in untranslated(catalog)]
        found += [f"{po.name}: placeholders differ: {m}" for m in wrong_placeholders(catalog)]
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            found.append(f"{mo.name} is not compiled from {po.name}")
    return found


def main() -> int:
    if "--check" in sys.argv:
        found = problems()
        print("\n".join(found) or "translations complete")
        return 1 if found else 0
    template = extract()
    for language in LANGUAGES:
        catalog = merged(language, template)
        (TRANSLATIONS / f"messages_{language}.po").write_bytes(po_bytes(catalog))
        (TRANSLATIONS / f"messages_{language}.mo").write_bytes(mo_bytes(catalog))
        missing = untranslated(catalog)
        print(f"{language}: {len(catalog)} messages, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
