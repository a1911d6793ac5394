"""The README's "An office on PostgreSQL" works as written: its SQL (read from the README itself, with
names of this test's own) makes an owner that migrates and an app role that does not own the tables
yet reads and writes them, the tables and sequences of a later migration included; `db upgrade` with
the app's URL is refused; a pg_dump of the office restores as the README says.

Needs a superuser's URL in TASHBEEK_TEST_DB_URL (CI's role is one); skipped otherwise."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ProgrammingError

PG_URL = os.environ.get("TASHBEEK_TEST_DB_URL")
pytestmark = pytest.mark.skipif(PG_URL is None, reason="needs TASHBEEK_TEST_DB_URL (a PostgreSQL superuser)")
README = Path(__file__).resolve().parents[1] / "README.md"


def readme_sql() -> str:
    """The ```sql block of the README's "An office on PostgreSQL" section."""
    section = README.read_text("utf-8").split("## An office on PostgreSQL", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sql\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 1
    return blocks[0]


def _run_as_superuser(admin: URL, sql: str) -> None:
    """Run the statements as psql would: `\\connect NAME` switches database."""
    database = admin.database
    statements: list[tuple[str | None, str]] = []
    for chunk in re.split(r";\s*\n|\n(?=\\connect)", sql):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.startswith("\\connect"):
            line, _, rest = chunk.partition("\n")
            database = line.split()[1]
            chunk = rest.strip()
            if not chunk:
                continue
        statements.append((database, chunk.rstrip(";")))
    for name, statement in statements:
        engine = create_engine(admin.set(database=name), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(statement))
        finally:
            engine.dispose()


@pytest.fixture
def office() -> Iterator[tuple[URL, URL, URL, str]]:
    """The README's statements with names of this test: (admin URL, owner URL, app URL, suffix)."""
    assert PG_URL is not None
    admin = make_url(PG_URL)
    suffix = uuid.uuid4().hex[:8]
    names = {"tashbeek_owner": f"tashbeek_owner_{suffix}", "tashbeek_app": f"tashbeek_app_{suffix}"}
    sql = readme_sql()
    for old, new in names.items():
        sql = sql.replace(old, new)
    database = f"tashbeek_office_{suffix}"
    sql = re.sub(r"\btashbeek\b", database, sql)
    _run_as_superuser(admin, sql)
    owner = admin.set(username=names["tashbeek_owner"], password="owner-secret", database=database)
    app = admin.set(username=names["tashbeek_app"], password="app-secret", database=database)
    try:
        yield admin, owner, app, suffix
    finally:
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for name in (database, f"{database}_restored"):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            for role in names.values():
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        engine.dispose()


def _tashbeek(url: URL, *args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TASHBEEK_DB": url.render_as_string(hide_password=False)}
    if password:
        env["TASHBEEK_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "desktop_app", "--lang", "en", *args],
                          capture_output=True, text=True, env=env, timeout=300)  # fmt: skip


def test_the_readme_grants_let_the_app_work_without_owning_a_table(office: tuple[URL, URL, URL, str]) -> None:
    _admin, owner, app, _suffix = office
    refused = _tashbeek(app, "db", "upgrade")  # the app's role may not create the tables
    assert refused.returncode == 1, refused.stderr
    done = _tashbeek(owner, "db", "upgrade")
    assert done.returncode == 0, done.stderr
    for args in (("demo",), ("checkin", "1", "هاني إبراهيم"), ("people", "update", "1", "--phone", "01011112222")):
        result = _tashbeek(app, *args)
        assert result.returncode == 0, (args, result.stderr)
    made = _tashbeek(app, "accounts", "add", "mona", "--new-password-file", os.devnull)
    assert made.returncode == 1  # an empty password is refused …
    env_made = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--lang", "en", "accounts", "add", "mona"], capture_output=True,
        text=True, timeout=300,
        env={**os.environ, "TASHBEEK_DB": app.render_as_string(hide_password=False),
             "TASHBEEK_NEW_PASSWORD": "first admin pw"},
    )  # fmt: skip
    assert env_made.returncode == 0, env_made.stderr
    signed = _tashbeek(app, "people", "update", "1", "--phone", "01011113333", "--user", "mona",
                       password="first admin pw")  # fmt: skip
    assert signed.returncode == 0, signed.stderr
    engine = create_engine(app)
    try:
        with engine.connect() as conn:
            tables = conn.execute(text(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"
            )).scalar()  # fmt: skip
            assert tables == 0  # the app owns nothing
            with pytest.raises(ProgrammingError):
                conn.execute(text("CREATE TABLE sneaky (id integer)"))
            conn.rollback()
            with pytest.raises(ProgrammingError):
                conn.execute(text("DROP TABLE person"))
            conn.rollback()
    finally:
        engine.dispose()
    # A later version's migration (run by the owner) adds a table with a sequence: the app may use it.
    owner_engine = create_engine(owner)
    with owner_engine.begin() as conn:
        conn.execute(text("CREATE TABLE later_feature (id serial PRIMARY KEY, note text)"))
    owner_engine.dispose()
    engine = create_engine(app)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO later_feature (note) VALUES ('works')"))
            assert conn.execute(text("SELECT count(*) FROM later_feature")).scalar() == 1
    finally:
        engine.dispose()


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs pg_dump and pg_restore")
def test_a_pg_dump_restores_as_the_readme_says(office: tuple[URL, URL, URL, str], tmp_path: Path) -> None:
    admin, owner, app, suffix = office
    assert _tashbeek(owner, "db", "upgrade").returncode == 0
    assert _tashbeek(app, "demo").returncode == 0
    dump = tmp_path / "office.dump"
    env = {**os.environ, "PGPASSWORD": "owner-secret"}
    connection = ["-h", owner.host or "localhost", "-p", str(owner.port or 5432), "-U", str(owner.username)]
    subprocess.run(["pg_dump", "-Fc", *connection, "-d", str(owner.database), "-f", str(dump)],
                   check=True, env=env, timeout=300)  # fmt: skip
    restored = f"{owner.database}_restored"
    sql = readme_sql()
    sql = sql.replace("tashbeek_owner", str(owner.username)).replace("tashbeek_app", str(app.username))
    sql = "\n".join(line for line in sql.splitlines() if not line.startswith("CREATE ROLE"))
    _run_as_superuser(admin, re.sub(r"\btashbeek\b", restored, sql))
    subprocess.run(["pg_restore", *connection, "-d", restored, "--no-owner", "--exit-on-error", str(dump)],
                   check=True, env=env, timeout=300)  # fmt: skip
    checked = _tashbeek(app.set(database=restored), "db", "check")
    assert checked.returncode == 0, checked.stderr
    written = _tashbeek(app.set(database=restored), "people", "update", "1", "--phone", "01011112222")
    assert written.returncode == 0, written.stderr
