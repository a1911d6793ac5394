"""The tables as Core sees them, for the reads that must not load the ORM: `tashbeek search`, the
People list, its count and pick lists at the window's start, "does this database have accounts".
Core `table()` stand-ins need no mapped class declared and no mapper configured (declaring the models
is a good part of a start). Only the columns some read uses are named; enum columns hold their stored
strings (the values, as models.enums.str_enum stores them). tests/services/test_search.py,
test_people_filters.py and test_accounts.py check every one against the models' tables.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Date, Integer, String, column, table

PERSON = table(
    "person",
    column("id", Integer), column("full_name", String), column("latin_name", String), column("name_key", String),
    column("email", String), column("national_id", String), column("phone", String), column("phone2", String),
    column("governorate", String), column("organization_id", Integer), column("archived", Boolean),
    column("gender", String), column("birth_date", Date), column("consent_share_contact", Boolean),
)  # fmt: skip
PERSON_NAME_TOKEN = table("person_name_token", column("person_id", Integer), column("token", String))
ORGANIZATION = table(
    "organization",
    column("id", Integer), column("name_ar", String), column("name_key", String),
    column("kind", String), column("archived", Boolean),
)  # fmt: skip
TRAINING = table(
    "training", column("id", Integer), column("title_ar", String), column("start_date", Date),
    column("kind", String),
)  # fmt: skip
ENROLLMENT = table("enrollment", column("id", Integer), column("person_id", Integer), column("training_id", Integer))
ATTENDANCE = table(
    "attendance", column("enrollment_id", Integer), column("session_id", Integer),
    column("status", String),
)  # fmt: skip
TRAINING_SESSION = table("training_session", column("id", Integer), column("date", Date), column("cancelled", Boolean))
SETTING = table("setting", column("key", String), column("value", JSON))
ACCOUNT = table("account", column("id", Integer))
