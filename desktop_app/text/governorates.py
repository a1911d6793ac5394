"""Reference data: Egypt's 27 governorates with the 2-digit codes used in national IDs.

Code 88 (born abroad) is valid in a national ID but is not a governorate of residence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Governorate:
    code: str
    name_ar: str
    name_en: str


GOVERNORATES: tuple[Governorate, ...] = (
    Governorate("01", "القاهرة", "Cairo"),
    Governorate("02", "الإسكندرية", "Alexandria"),
    Governorate("03", "بورسعيد", "Port Said"),
    Governorate("04", "السويس", "Suez"),
    Governorate("11", "دمياط", "Damietta"),
    Governorate("12", "الدقهلية", "Dakahlia"),
    Governorate("13", "الشرقية", "Sharqia"),
    Governorate("14", "القليوبية", "Qalyubia"),
    Governorate("15", "كفر الشيخ", "Kafr El Sheikh"),
    Governorate("16", "الغربية", "Gharbia"),
    Governorate("17", "المنوفية", "Monufia"),
    Governorate("18", "البحيرة", "Beheira"),
    Governorate("19", "الإسماعيلية", "Ismailia"),
    Governorate("21", "الجيزة", "Giza"),
    Governorate("22", "بني سويف", "Beni Suef"),
    Governorate("23", "الفيوم", "Faiyum"),
    Governorate("24", "المنيا", "Minya"),
    Governorate("25", "أسيوط", "Asyut"),
    Governorate("26", "سوهاج", "Sohag"),
    Governorate("27", "قنا", "Qena"),
    Governorate("28", "أسوان", "Aswan"),
    Governorate("29", "الأقصر", "Luxor"),
    Governorate("31", "البحر الأحمر", "Red Sea"),
    Governorate("32", "الوادي الجديد", "New Valley"),
    Governorate("33", "مطروح", "Matrouh"),
    Governorate("34", "شمال سيناء", "North Sinai"),
    Governorate("35", "جنوب سيناء", "South Sinai"),
)

BORN_ABROAD_CODE = "88"

BY_CODE: dict[str, Governorate] = {g.code: g for g in GOVERNORATES}


def governorate_name(code: str | None, language: str = "ar") -> str:
    """Display name of a governorate code ("" for none or unknown)."""
    gov = BY_CODE.get(code or "")
    if gov is None:
        return ""
    return gov.name_ar if language == "ar" else gov.name_en
