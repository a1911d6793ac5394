"""The donor report's wording in Arabic and English: titles, figure names and category names, used by
the PDF, the spreadsheet, the CSV and the charts (on paper and on screen alike), so every face of the
report names a figure the same way."""

from __future__ import annotations

import datetime as dt

from desktop_app.text.age_bands import UNKNOWN
from desktop_app.text.dates import ARABIC_MONTHS, ENGLISH_MONTHS, to_arabic_digits
from desktop_app.text.governorates import governorate_name

_WORDS: dict[str, tuple[str, str]] = {
    # titles and sections
    "report_title": ("تقرير المؤشرات للجهات المانحة", "Indicator report for donors"),
    "statistics": ("الإحصاءات", "Statistics"),
    "period": ("الفترة", "Period"),
    "all_time": ("كل الفترات", "All time"),
    "filters": ("التصفية", "Filters"),
    "project": ("المشروع", "Project"),
    "rules": ("قواعد العد", "Counting rules"),
    "key_figures": ("المؤشرات الرئيسية", "Key figures"),
    "disaggregation": ("التصنيف التفصيلي", "Disaggregation"),
    "targets": ("المستهدفات والمتحقق", "Targets and actuals"),
    "per_training": ("حسب التدريب", "By training"),
    "per_session": ("حسب الجلسة", "By session"),
    "by_month": ("حسب الشهر", "By month"),
    "organizations": ("الجهات", "Organizations"),
    "organization": ("الجهة", "Organization"),
    "printed_on": ("طُبع في", "Printed on"),
    "page": ("صفحة {n} من {count}", "Page {n} of {count}"),
    "none_yet": ("لا توجد بيانات في هذه الفترة.", "No data in this period."),
    "more_rows": (
        "الصفوف المتبقية في جدول البيانات (.xlsx): {n}",
        "Rows not shown here, in the spreadsheet (.xlsx): {n}",
    ),
    # figures
    "people_reached": ("أشخاص حضروا", "People reached"),
    "people_completed": ("أتموا التدريب", "Completed"),
    "first_time": ("لأول مرة", "First time"),
    "returning": ("عائدون", "Returning"),
    "repeat": ("في تدريبين أو أكثر", "In two trainings or more"),
    "organizations_reached": ("الجهات المشاركة", "Organizations reached"),
    "organizations_new": ("جهات جديدة", "New organizations"),
    "organizations_returning": ("جهات عائدة", "Returning organizations"),
    "trainings": ("التدريبات", "Trainings"),
    "sessions": ("الجلسات المنعقدة", "Sessions held"),
    "sessions_without_times": ("جلسات بلا مواعيد (بلا ساعات)", "Sessions without times (no hours)"),
    "person_hours": ("ساعات الحضور", "Person-hours"),
    "attendance_rate": ("نسبة الحضور", "Attendance rate"),
    "completion_rate": ("نسبة الإتمام", "Completion rate"),
    "late_share": ("نسبة التأخير", "Late share"),
    "late": ("متأخرون", "Late"),
    "walk_ins": ("تسجيل في الموقع", "Walk-ins"),
    "women_reached": ("نساء حضرن", "Women reached"),
    "women_completed": ("نساء أتممن التدريب", "Women who completed"),
    "first_time_people": ("أشخاص لأول مرة", "First-time people"),
    "enrolled": ("المسجلون", "Enrolled"),
    "attended": ("الحضور", "Attended"),
    "people": ("الأشخاص", "People"),
    # dimensions
    "gender": ("النوع", "Gender"),
    "age_band": ("الفئة العمرية", "Age band"),
    "governorate": ("المحافظة", "Governorate"),
    "organization_kind": ("نوع الجهة", "Organization kind"),
    "role": ("الدور", "Role"),
    "kind": ("نوع الجهة", "Kind"),
    # columns
    "category": ("الفئة", "Category"),
    "reached": ("حضروا", "Reached"),
    "completed": ("أتموا", "Completed"),
    "indicator": ("المؤشر", "Indicator"),
    "baseline": ("خط الأساس", "Baseline"),
    "target": ("المستهدف", "Target"),
    "actual": ("المتحقق", "Actual"),
    "reached_share": ("نسبة التحقق", "% reached"),
    "title": ("العنوان", "Title"),
    "date": ("التاريخ", "Date"),
    "month": ("الشهر", "Month"),
    "name": ("الاسم", "Name"),
    "value": ("القيمة", "Value"),
    "count": ("العدد", "Count"),
    "hours": ("الساعات", "Hours"),
    "new_people": ("أشخاص جدد", "New people"),
    # chart titles
    "chart_governorate": ("الحضور حسب المحافظة", "People reached by governorate"),
    "chart_kind": ("الحضور حسب نوع الجهة", "People reached by organization kind"),
    "chart_pyramid": ("الحضور حسب النوع والفئة العمرية", "People reached by gender and age"),
    "chart_attendance_session": ("نسبة الحضور في كل جلسة", "Attendance rate per session"),
    "chart_attendance_month": ("نسبة الحضور في كل شهر", "Attendance rate per month"),
    "chart_trend": ("أشخاص جدد في كل شهر", "New people reached per month"),
    "others": ("غيرها", "Others"),
    # categories
    "male": ("ذكور", "Men"),
    "female": ("إناث", "Women"),
    UNKNOWN: ("غير معروف", "Unknown"),
    "none": ("بدون جهة", "No organization"),
    "association": ("جمعية / منظمة أهلية", "Association / NGO"),
    "union": ("نقابة مستقلة", "Independent union"),
    "youth": ("مجموعة أو مبادرة شبابية", "Youth group or initiative"),
    "network": ("شبكة أو تحالف", "Network or coalition"),
    "university": ("جامعة", "University"),
    "government": ("جهة حكومية", "Government body"),
    "company": ("شركة", "Company"),
    "other": ("أخرى", "Other"),
    "participant": ("مشارك", "Participant"),
    "trainer": ("مدرب", "Trainer"),
    "organizer": ("منظم", "Organizer"),
    "guest": ("ضيف", "Guest"),
    "yes": ("نعم", "Yes"),
    "no": ("لا", "No"),
}


def word(key: str, language: str) -> str:
    """The report's word for `key` in `language` ("ar" or "en"); the key itself if there is none."""
    pair = _WORDS.get(key)
    if pair is None:
        return key
    return pair[0] if language == "ar" else pair[1]


def band_label(key: str, language: str) -> str:
    """ "18_24" as "18–24", "under_18" as "أقل من 18", "50_plus" as "50 فأكثر"."""
    if key == UNKNOWN:
        return word(UNKNOWN, language)
    if key.startswith("under_"):
        age = key.removeprefix("under_")
        return f"أقل من {age}" if language == "ar" else f"under {age}"
    if key.endswith("_plus"):
        age = key.removesuffix("_plus")
        return f"{age} فأكثر" if language == "ar" else f"{age} and over"
    low, _sep, high = key.partition("_")
    return f"{low}–{high}"


def category_label(dimension: str, key: str, language: str) -> str:
    """A category of a disaggregation, named for people (a governorate by its name, not its code)."""
    if dimension == "age_band":
        return band_label(key, language)
    if dimension == "governorate":
        return governorate_name(key, language) or word(UNKNOWN, language)
    return word(key, language)


_QUARTERS = {
    "ar": ("الربع الأول", "الربع الثاني", "الربع الثالث", "الربع الرابع"),
    "en": ("Q1", "Q2", "Q3", "Q4"),
}


def period_name(first: dt.date | None, last: dt.date | None, language: str) -> str:
    """A period as people name it: "2026", "الربع الرابع 2026", "نوفمبر 2026", else first – last."""
    from desktop_app.text.dates import format_date, format_range

    if first is None and last is None:
        return word("all_time", language)
    if first is None or last is None:
        return f"{format_date(first, language) or '…'} – {format_date(last, language) or '…'}"
    following = last + dt.timedelta(days=1)
    if first.day == 1 and following.day == 1:
        months = (following.year - first.year) * 12 + following.month - first.month
        if months == 12 and first.month == 1:
            return str(first.year)
        if months == 3 and first.month in (1, 4, 7, 10):
            return f"{_QUARTERS['ar' if language == 'ar' else 'en'][first.month // 3]} {first.year}"
        if months == 1:
            return month_label(first.isoformat()[:7], language)
    return format_range(first, last, language)


def month_label(month: str, language: str) -> str:
    """ "2026-11" as "نوفمبر 2026" / "November 2026"."""
    year, number = month.split("-")
    names = ARABIC_MONTHS if language == "ar" else ENGLISH_MONTHS
    return f"{names[int(number) - 1]} {year}"


def number_text(
    value: float | None, *, percent: bool = False, arabic_digits: bool = False, decimals: int = 0
) -> str:
    """A count or a share as printed: "1234", "87%" ("٨٧٪" with Arabic-Indic digits); "—" for none."""
    if value is None:
        return "—"
    if percent:
        text = f"{value * 100:.{decimals}f}%"
    elif isinstance(value, int) or float(value).is_integer():
        text = str(int(value))
    else:
        text = f"{value:.1f}"
    return to_arabic_digits(text).replace("%", "٪").replace(".", "٫") if arabic_digits else text
