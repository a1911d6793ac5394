"""Person, the aliases left by merges, and the name-token index that makes search fast."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.models.base import Base, Entity, UTCDateTime
from desktop_app.models.enums import Gender, str_enum
from desktop_app.models.organization import Organization


class Person(Entity):
    __tablename__ = "person"

    full_name: Mapped[str] = mapped_column(String(300))
    latin_name: Mapped[str | None] = mapped_column(String(300))
    # Comparison key of the Arabic name (text.arabic.normalize_name); the whole-name match.
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    gender: Mapped[Gender | None] = mapped_column(str_enum(Gender))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    national_id: Mapped[str | None] = mapped_column(String(14), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)  # E.164
    phone2: Mapped[str | None] = mapped_column(String(20), index=True)  # E.164
    email: Mapped[str | None] = mapped_column(String(254), index=True)  # stored lower-case
    governorate: Mapped[str | None] = mapped_column(String(2))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    job_title: Mapped[str | None] = mapped_column(String(300))
    consent_share_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    # Indexed: every list and Home count people who are not archived (an index scan, not the table).
    archived: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    organization: Mapped[Organization | None] = relationship(lazy="raise")
    # Raised by every save through the ORM (SQLAlchemy's version counter, checked in the UPDATE's
    # WHERE): a form saved over a record another station changed since it was opened is told so.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}

    # Covering index for statistics: gender, age and governorate of 100,000 people in one narrow scan.
    __table_args__ = (Index("ix_person_statistics", "gender", "birth_date", "national_id", "governorate"),)


class PersonAlias(Entity):
    """A record merged into `person`: its uid, so rows from other machines still find the survivor,
    and the names it carried, so searching them still finds the survivor."""

    __tablename__ = "person_alias"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    alias_uid: Mapped[str] = mapped_column(String(36), unique=True)
    merged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    full_name: Mapped[str | None] = mapped_column(String(300))
    latin_name: Mapped[str | None] = mapped_column(String(300))


class PersonNameToken(Base):
    """One search token of a person (text.tokens.person_tokens): a normalised word of any of their
    names, a romanisation key, or the reversed digits of a phone.

    Derived data, rebuilt from the person row (and its aliases) on every save and never synced, so
    unlike the other tables it has no uid or timestamps. Prefix search is a range scan on
    (token, person_id), which works the same on SQLite and PostgreSQL.
    """

    __tablename__ = "person_name_token"

    # Byte-order collation on PostgreSQL so a prefix is a plain index range, as it is on SQLite.
    token: Mapped[str] = mapped_column(
        String(100).with_variant(String(100, collation="C"), "postgresql"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )

    # (person, token) covers the per-candidate probes of a multi-word search: no table reads.
    __table_args__ = (Index("ix_person_name_token_person_token", "person_id", "token"),)
