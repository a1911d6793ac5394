"""Database layer: pragmas, migrations (no drift, cheap revision check, backup first), refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desktop_app import db as db_module
from desktop_app.db import Database, database_url, integrity_ok, make_engine, open_database, schema_revision
from desktop_app.errors import DataError, NotFoundError
from desktop_app.migrations import HEAD_REVISION, REVISIONS, SCRIPT_LOCATION
from desktop_app.models import Base
from desktop_app.services.settings import get_settings


def test_sqlite_pragmas_on_every_connection(tmp_path: Path) -> None:
    database = open_database(tmp_path / "p.sqlite", create=True)
    with database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    database.dispose()


def test_revision_list_matches_alembic_history() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    script = ScriptDirectory.from_config(cfg)
    history = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(history) == REVISIONS
    assert script.get_current_head() == HEAD_REVISION


def test_models_and_migrations_do_not_drift(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_upgrade_from_empty_to_head(empty_db_url: str) -> None:
    database = open_database(empty_db_url, create=True)
    try:
        assert schema_revision(database.engine) == HEAD_REVISION
        with database.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        database.dispose()


def test_fresh_database_is_at_head_and_intact(db: Database) -> None:
    assert schema_revision(db.engine) == HEAD_REVISION
    assert integrity_ok(db)
    tag = get_settings(db)["installation_tag"]
    assert isinstance(tag, str) and len(tag) == 5


def test_each_new_database_gets_its_own_installation_tag(tmp_path: Path) -> None:
    tags = set()
    for n in range(3):
        database = open_database(tmp_path / f"{n}.sqlite", create=True)
        tags.add(get_settings(database)["installation_tag"])
        database.dispose()
    assert len(tags) == 3


def test_missing_file_is_not_created_without_permission(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite"
    with pytest.raises(NotFoundError, match="No database"):
        open_database(path)
    assert not path.exists()


def test_new_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "private.sqlite"
    open_database(path, create=True).dispose()
    assert path.stat().st_mode & 0o077 == 0


def test_garbage_file_is_refused_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DataError, match="cannot be read"):
        open_database(path)


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    with pytest.raises(DataError, match="not a Tashbeek database"):
        open_database(path, create=True)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    open_database(path, create=True).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DataError, match="newer version"):
        open_database(path)


def test_database_behind_is_backed_up_before_migrating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    open_database(path, create=True).dispose()
    # Pretend the code knows a later revision than the file has.
    monkeypatch.setattr(db_module, "REVISIONS", (*REVISIONS, "later"))
    monkeypatch.setattr(db_module, "HEAD_REVISION", "later")
    migrated: list[bool] = []

    def fake_migrate(engine: object) -> None:
        migrated.append(True)

    monkeypatch.setattr(db_module, "run_migrations", fake_migrate)
    with pytest.raises(DataError, match="upgrade"):
        open_database(path, migrate=False)
    assert migrated == []
    backups = tmp_path / "backups"
    open_database(path, backup_dir=backups).dispose()
    assert migrated == [True]
    copies = list(backups.glob(f"old-before-upgrade-{HEAD_REVISION}-*.sqlite"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_session_scope_rolls_back_on_error(db: Database) -> None:
    from desktop_app.models import Organization

    with pytest.raises(RuntimeError):
        with db.session_scope() as session:
            session.add(Organization(name_ar="منظمة", name_key="منظمه"))
            session.flush()
            raise RuntimeError("boom")
    with db.session_scope() as session:
        assert session.query(Organization).count() == 0


def test_timestamps_come_back_aware_utc(db: Database) -> None:
    import datetime as dt

    from desktop_app.models import Organization

    with db.session_scope() as session:
        org = Organization(name_ar="منظمة", name_key="منظمه")
        session.add(org)
        session.flush()
        org_id = org.id
    with db.session_scope() as session:
        loaded = session.get(Organization, org_id)
        assert loaded is not None
        assert loaded.created_at.tzinfo is not None
        assert loaded.created_at.utcoffset() == dt.timedelta(0)


def test_deleting_a_referenced_row_is_refused(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    from desktop_app.models import Organization, Person

    with db.session_scope() as session:
        org = Organization(name_ar="منظمة", name_key="منظمه")
        session.add(org)
        session.flush()
        session.add(Person(full_name="أحمد", name_key="احمد", organization_id=org.id))
    with pytest.raises(IntegrityError):
        with db.session_scope() as session:
            session.execute(text("DELETE FROM organization"))


def test_a_database_at_the_first_revision_is_upgraded_with_its_data(tmp_path: Path) -> None:

    path = tmp_path / "v1.sqlite"
    open_database(path, create=True).dispose()
    _downgrade(path, "0001")  # the file as the first release shipped it
    with sqlite3.connect(path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(certificate)")]
        assert "printed_details" not in columns and "replaces_id" not in columns
        tag = conn.execute("SELECT value FROM setting WHERE key = 'installation_tag'").fetchone()
    open_database(path, backup_dir=tmp_path / "backups").dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
        columns = [row[1] for row in conn.execute("PRAGMA table_info(certificate)")]
        assert "printed_details" in columns and "replaces_id" in columns
        assert "walk_in" in [row[1] for row in conn.execute("PRAGMA table_info(enrollment)")]
        assert conn.execute("SELECT value FROM setting WHERE key = 'installation_tag'").fetchone() == tag


def _downgrade(path: Path, revision: str) -> None:
    """Step a database back to an earlier revision with the migrations' own downgrades."""
    from alembic import command
    from alembic.config import Config

    engine = make_engine(database_url(path))
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()


def test_0005_rebuilds_search_tokens_so_old_people_are_found_across_scripts(tmp_path: Path) -> None:
    from desktop_app.services.registry import PersonData, create_person
    from desktop_app.services.search import search_people

    path = tmp_path / "v4.sqlite"
    db = open_database(path, create=True)
    hany = create_person(db, PersonData("هاني إبراهيم", phone="01001234567"))
    db.dispose()
    _downgrade(path, "0004")
    with sqlite3.connect(path) as conn:  # tokens as that version wrote them (no romanisation)
        conn.execute("DELETE FROM person_name_token WHERE token LIKE '~%'")
    db = open_database(path, backup_dir=tmp_path / "backups")
    try:
        assert [h.id for h in search_people(db, "Hany Ibrahim")] == [hany]
        assert [h.id for h in search_people(db, "4567")] == [hany]
    finally:
        db.dispose()
