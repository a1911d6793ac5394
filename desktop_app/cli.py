"""The command line: argparse subcommands over the same services the window uses.

No subcommand opens the window. Every other command runs without importing Qt and answers with
the exit codes below; `--json` prints one JSON document on stdout and nothing else there.

Exit codes: 0 done; 1 refused or failed for a reason in the data; 2 usage error; 3 the one thing
the command needs is not there; 4 several matches where one was needed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from desktop_app import __version__, config, i18n
from desktop_app.errors import TashbeekError
from desktop_app.i18n import _

# argparse's own user-facing messages, listed here so they enter our catalogue: usage errors then
# speak the user's language too (main() routes argparse's gettext calls through desktop_app.i18n).
ARGPARSE_MESSAGES = (
    _("usage: "),
    _("argument %(argument_name)s: %(message)s"),
    _("unrecognized arguments: %s"),
    _("the following arguments are required: %s"),
    _("expected one argument"),
    _("invalid %(type)s value: %(value)r"),
    _("invalid choice: %(value)r (choose from %(choices)s)"),
    _("%(prog)s: error: %(message)s\n"),
    _("positional arguments"),
    _("options"),
    _("show this help message and exit"),
    _("show program's version number and exit"),
    _("ambiguous option: %(option)s could match %(matches)s"),
)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_AMBIGUOUS = 0, 1, 2, 3, 4


def _add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Subparsers repeat the global options with SUPPRESS so "--db X" works before or after the
    # subcommand without a subcommand's default erasing what was given before it.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help=_("database file (SQLite) or SQLAlchemy URL (default: $TASHBEEK_DB, else the user data folder)"),
    )
    parser.add_argument(
        "--lang", choices=i18n.LANGUAGES, default=default, help=_("language of messages (ar or en)")
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tashbeek",
        description=_(
            "Tashbeek: registry, trainings, attendance, certificates. No command opens the window."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"tashbeek {__version__}",
        help=_("show program's version number and exit"),
    )  # fmt: skip
    _add_global_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, help_text: str, handler: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _add_global_options(p, top=False)
        p.set_defaults(handler=handler)
        return p

    command("demo", _("load the demo programme (creates the database if needed)"), cmd_demo).set_defaults(
        writes=True
    )

    db_parser = sub.add_parser("db", help=_("database maintenance"), description=_("database maintenance"))
    _add_global_options(db_parser, top=False)
    db_sub = db_parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, help_text, handler in (
        ("upgrade", "migrate the database to this version's schema (after a backup)", cmd_db_upgrade),
        (
            "check",
            "exit 0 only when the schema is current and the file is intact; never migrates",
            cmd_db_check,
        ),
    ):
        p = db_sub.add_parser(name, help=help_text, description=help_text)
        _add_global_options(p, top=False)
        p.set_defaults(handler=handler)

    p = command("search", _("find people by name, phone, national ID, email or organization"), cmd_search)
    p.add_argument("text", metavar="TEXT", nargs="+", help=_("what to look for"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument(
        "--limit", type=_positive_int, default=50, help=_("at most this many results (default 50)")
    )
    p = command("trainings", _("list the trainings with their sessions and enrolment counts"), cmd_trainings)
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("enroll", _("enrol people in a training (someone already enrolled is reported)"), cmd_enroll)
    p.set_defaults(writes=True)
    p.add_argument("training_id", metavar="TRAINING_ID", type=int)
    p.add_argument("person_ids", metavar="PERSON_ID", type=int, nargs="+")
    p.add_argument("--role", choices=["participant", "trainer", "organizer", "guest"], default="participant")
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("checkin", _("check a person in by check-in code, phone or name"), cmd_checkin)
    p.set_defaults(writes=True)
    p.add_argument("training_id", metavar="TRAINING_ID", type=int)
    p.add_argument("query", metavar="QUERY", nargs="+", help=_("check-in code, phone number or name"))
    p.add_argument("--session", metavar="DATE_OR_ID", help=_("the session (default: today's)"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("attendance", _("the attendance of a training: people by sessions, share, eligibility"),
                cmd_attendance)  # fmt: skip
    p.add_argument("training_id", metavar="TRAINING_ID", type=int)
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("certificates", _("issue certificates to the eligible participants and print them"),
                cmd_certificates)  # fmt: skip
    p.add_argument("training_id", metavar="TRAINING_ID", type=int)
    p.add_argument(
        "-o", "--output", metavar="OUT.pdf", help=_("one PDF with every certificate, for printing")
    )
    p.add_argument(
        "--split", metavar="DIR", help=_("also one PDF per person in this folder, named after them")
    )
    p.add_argument("--person", metavar="PERSON_ID", type=int, action="append",
                   help=_("issue to this person only (may be repeated); default: every eligible participant"))  # fmt: skip

    p = command("sheet", _("print the sign-in sheet of a session"), cmd_sheet)
    p.add_argument("training_id", metavar="TRAINING_ID", type=int)
    p.add_argument(
        "--session", metavar="DATE_OR_ID", help=_("the session (default: today's, or the only one)")
    )
    p.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    p.add_argument(
        "--blank-rows", type=int, default=10, metavar="N", help=_("empty rows for walk-ins (default 10)")
    )
    p.add_argument("--phone", action="store_true", help=_("add a column with each person's phone number"))

    for name, help_text in (
        ("report", _("print the attendance report of a training")),
        ("badges", _("print name badges with check-in QR codes, eight per page")),
        ("directory", _("print the directory of participants who agreed to share contact details")),
    ):
        p = command(name, help_text, cmd_training_document)
        p.add_argument("training_id", metavar="TRAINING_ID", type=int)
        p.add_argument("-o", "--output", metavar="OUT.pdf", required=True)

    import_parser = sub.add_parser("import", help=_("import people or organizations from .xlsx or .csv"),
                                   description=_("import people or organizations from .xlsx or .csv"))  # fmt: skip
    _add_global_options(import_parser, top=False)
    import_sub = import_parser.add_subparsers(dest="import_kind", metavar="WHAT", required=True)
    for kind in ("people", "organizations"):
        p = import_sub.add_parser(kind, help=_("import {what}").format(what=kind))
        _add_global_options(p, top=False)
        p.set_defaults(handler=cmd_import, kind=kind, writes=True)
        p.add_argument("file", metavar="FILE")
        if kind == "people":
            p.add_argument(
                "--training", type=int, metavar="ID", help=_("also enrol everyone imported in this training")
            )
            p.add_argument("--on-duplicate", choices=["auto", "merge", "skip", "create"], default="auto",
                           help=_("auto: strong matches merge, name-only likenesses are created and listed"))  # fmt: skip
        p.add_argument("--dry-run", action="store_true", help=_("check and report, write nothing"))
        p.add_argument(
            "--skip-invalid",
            action="store_true",
            help=_("import the valid rows even when others have problems"),
        )
        p.add_argument(
            "--map", action="append", default=[], metavar="COLUMN=FIELD", help=_("set a column's field")
        )
        p.add_argument("--report", metavar="OUT.xlsx", help=_("save the rejected rows with their problems"))
        p.add_argument("--json", action="store_true", help=_("print JSON"))

    export_parser = sub.add_parser("export", help=_("export people, organizations or attendance to .xlsx or .csv"),
                                   description=_("export people, organizations or attendance to .xlsx or .csv"))  # fmt: skip
    _add_global_options(export_parser, top=False)
    export_sub = export_parser.add_subparsers(dest="export_kind", metavar="WHAT", required=True)
    for kind in ("people", "organizations", "attendance"):
        p = export_sub.add_parser(kind, help=_("export {what}").format(what=kind))
        _add_global_options(p, top=False)
        p.set_defaults(handler=cmd_export, kind=kind)
        if kind == "attendance":
            p.add_argument("training_id", metavar="TRAINING_ID", type=int)
        p.add_argument("file", metavar="FILE", help=_("ends in .xlsx or .csv"))

    p = command("duplicates", _("list likely duplicate people with the rule that matched"), cmd_duplicates)
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("backup", _("write a checked backup of the database"), cmd_backup)
    p.add_argument("-o", "--output", metavar="FILE", help=_("where to write it (default: the backup folder)"))
    p.add_argument("--passphrase-file", metavar="F", help=_("protect it with the passphrase in this file"))

    p = command(
        "restore", _("replace the database with a backup (a copy of the current one is kept)"), cmd_restore
    )
    p.set_defaults(writes=True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--passphrase-file", metavar="F", help=_("the passphrase of a protected backup"))

    package_parser = sub.add_parser("package", help=_("venue packages: carry a training to a laptop and back"),
                                    description=_("venue packages: carry a training to a laptop and back"))  # fmt: skip
    _add_global_options(package_parser, top=False)
    package_sub = package_parser.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    p = package_sub.add_parser("export", help=_("write a package of a training"))
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_package_export)
    p.add_argument("training_id", metavar="TRAINING_ID", type=int)
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--passphrase-file", metavar="F", help=_("protect it with the passphrase in this file"))
    p = package_sub.add_parser("import", help=_("merge a package into this database (created if missing)"))
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_package_import, writes=True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--passphrase-file", metavar="F", help=_("the passphrase of a protected package"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("verify", _("check a certificate: its QR text, verification code or serial"), cmd_verify)
    p.add_argument("text", metavar="TEXT", nargs="+", help=_("QR text, verification code or serial"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("revoke", _("revoke a certificate, with the reason"), cmd_revoke)
    p.set_defaults(writes=True)
    p.add_argument("serial", metavar="SERIAL")
    p.add_argument("--reason", required=True, help=_("why it is revoked (shown when it is verified)"))

    p = command("screenshots", _("save a picture of every main screen and dialog (demo data unless --db)"),
                cmd_screenshots)  # fmt: skip
    p.add_argument("outdir", metavar="OUTDIR", help=_("folder for the PNG files"))
    return parser


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    return number


# ---------------------------------------------------------------- helpers


def database_target(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get("TASHBEEK_DB") or config.default_database_path())


def open_db(args: argparse.Namespace, *, create: bool = False, migrate: bool = True) -> Any:
    from desktop_app.db import open_database

    settings = config.load_settings()
    operator = settings.operator or _login_name()
    return open_database(
        database_target(args),
        create=create,
        migrate=migrate,
        operator=operator,
        backup_dir=settings.backup_path(),
    )


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def print_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")


# ---------------------------------------------------------------- commands


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop_app.services.demo import load_demo

    db = open_db(args, create=True)
    summary = load_demo(db)
    if summary.total():
        print(
            _(
                "Demo data loaded into {db}: {orgs} organizations, {people} people, {trainings} training(s), "
                "{sessions} sessions, {enrollments} enrollments."
            ).format(
                db=db.display_name(),
                orgs=summary.organizations,
                people=summary.people,
                trainings=summary.trainings,
                sessions=summary.sessions,
                enrollments=summary.enrollments,
            )  # fmt: skip
        )
    else:
        print(_("The demo data is already complete in {db}; nothing changed.").format(db=db.display_name()))
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from desktop_app.migrations import HEAD_REVISION

    db = open_db(args, migrate=True)
    print(_("The database {db} is at schema version {rev}.").format(db=db.display_name(), rev=HEAD_REVISION))
    return EXIT_OK


def cmd_db_check(args: argparse.Namespace) -> int:
    from desktop_app.db import integrity_ok

    db = open_db(args, migrate=False)
    if not integrity_ok(db):
        print(
            _("The database {db} is damaged (integrity check failed).").format(db=db.display_name()),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    print(_("The database {db} is current and intact.").format(db=db.display_name()))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from desktop_app.services.search import search_people
    from desktop_app.text.governorates import governorate_name
    from desktop_app.text.phone import format_phone

    db = open_db(args, migrate=False)
    hits = search_people(db, " ".join(args.text), limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "id": h.id,
                    "uid": h.uid,
                    "name": h.name,
                    "latin_name": h.latin_name,
                    "organization": h.organization,
                    "organization_id": h.organization_id,
                    "phone": h.phone,
                    "governorate": h.governorate,
                    "match": h.match,
                }  # fmt: skip
                for h in hits
            ]
        )
        return EXIT_OK
    if not hits:
        print(_("No one matches."))
        return EXIT_OK
    lang = i18n.language()
    for h in hits:
        parts = [str(h.id), h.name]
        if h.latin_name:
            parts.append(h.latin_name)
        parts += [
            h.organization or "—",
            format_phone(h.phone) or "—",
            governorate_name(h.governorate, lang) or "—",
        ]
        print("\t".join(parts))
    return EXIT_OK


def cmd_trainings(args: argparse.Namespace) -> int:
    from desktop_app.services.trainings import list_trainings

    db = open_db(args, migrate=False)
    trainings = list_trainings(db)
    if args.json:
        print_json(
            [
                {
                    "id": t.id,
                    "uid": t.uid,
                    "title": t.title,
                    "title_en": t.title_en,
                    "start": t.start.isoformat(),
                    "end": t.end.isoformat(),
                    "venue": t.venue,
                    "status": t.status,
                    "sessions": [
                        {"id": s.id, "date": s.date.isoformat()} for s in t.sessions if not s.cancelled
                    ],
                    "enrolled": t.enrolled,
                }  # fmt: skip
                for t in trainings
            ]
        )
        return EXIT_OK
    if not trainings:
        print(_("No trainings yet."))
    for t in trainings:
        print(
            "\t".join(
                [str(t.id), t.title, t.start.isoformat(), t.end.isoformat(), t.venue or "—", str(t.enrolled)]
            )
        )
    return EXIT_OK


def cmd_enroll(args: argparse.Namespace) -> int:
    from desktop_app.models import EnrollmentRole
    from desktop_app.services.trainings import enroll

    db = open_db(args)
    results = enroll(db, args.training_id, args.person_ids, role=EnrollmentRole(args.role))
    if args.json:
        print_json(
            [{"person_id": r.person_id, "enrollment_id": r.enrollment_id, "code": r.code, "already": r.already}
             for r in results]
        )  # fmt: skip
        return EXIT_OK
    for r in results:
        text = _("already enrolled") if r.already else _("enrolled")
        print(f"{r.person_id}\t{r.code}\t{text}")
    return EXIT_OK


def cmd_checkin(args: argparse.Namespace) -> int:
    from desktop_app.services.attendance import check_in

    db = open_db(args)
    result = check_in(db, args.training_id, " ".join(args.query), session_ref=args.session)
    if args.json:
        print_json(result.as_json())
    else:
        messages = {
            "checked_in": _("Checked in: {name} ({status})"),
            "already": _("Already checked in: {name}, at {time}"),
            "not_found": _("No one enrolled in this training matches."),
            "ambiguous": _("Several people match; be more precise:"),
        }
        name = result.person.name if result.person else ""
        time_text = result.at.astimezone().strftime("%H:%M") if result.at else ""
        status = {"present": _("present"), "late": _("late")}.get(result.status or "", result.status or "")
        print(messages[result.result].format(name=name, status=status, time=time_text))
        for match in result.matches:
            print(f"  {match.code}\t{match.name}\t{match.organization or '—'}")
    return {"checked_in": EXIT_OK, "already": EXIT_OK, "not_found": EXIT_NOT_FOUND}.get(
        result.result, EXIT_AMBIGUOUS
    )


def cmd_attendance(args: argparse.Namespace) -> int:
    from desktop_app.services.attendance import attendance_grid

    db = open_db(args, migrate=False)
    grid = attendance_grid(db, args.training_id)
    if args.json:
        print_json(grid.as_json())
        return EXIT_OK
    header = [_("Name")] + [date.isoformat() for _sid, date in grid.sessions] + [_("Share"), _("Eligible")]
    print("\t".join(header))
    marks = {"present": "✓", "late": "L", "absent": "·", "excused": "E"}
    for row in grid.rows:
        cells = [marks.get(row.statuses[sid], "?") for sid, _date in grid.sessions]
        eligible = (_("yes") if row.eligible else _("no")) if row.role == "participant" else "—"
        print("\t".join([row.name, *cells, f"{row.share:.0%}", eligible]))
    return EXIT_OK


def cmd_certificates(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.certificates import issue_certificates, print_certificates

    if not args.output and not args.split:
        print(_("Say where to write the certificates: -o OUT.pdf and/or --split DIR."), file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    result = issue_certificates(db, args.training_id, args.person)
    for name, reason in result.refused:
        print(_("Not issued: {name} ({reason})").format(name=name, reason=reason), file=sys.stderr)
    print(_("Issued {new} new certificates; {old} were already issued.").format(
        new=len(result.issued), old=len(result.already)))  # fmt: skip
    written = print_certificates(
        db,
        args.training_id,
        Path(args.output) if args.output else None,
        Path(args.split) if args.split else None,
    )
    for path in written:
        print(path)
    return EXIT_OK


def _wrote(path: str, pages: int) -> int:
    print(_("{path} ({pages} pages)").format(path=path, pages=pages))
    return EXIT_OK


def cmd_sheet(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.documents import write_sign_in_sheet

    db = open_db(args, migrate=False)
    pages = write_sign_in_sheet(db, args.training_id, Path(args.output), session_ref=args.session,
                                blank_rows=args.blank_rows, with_phone=args.phone)  # fmt: skip
    return _wrote(args.output, pages)


def cmd_training_document(args: argparse.Namespace) -> int:
    """report, badges, directory: one training in, one PDF out."""
    from pathlib import Path

    from desktop_app.services import documents

    writer = {
        "report": documents.write_attendance_report,
        "badges": documents.write_badge_sheets,
        "directory": documents.write_directory,
    }[args.command]
    return _wrote(args.output, writer(open_db(args, migrate=False), args.training_id, Path(args.output)))


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.importing import import_file, read_for_import, write_rejected_rows

    db = open_db(args)
    path = Path(args.file)
    report = import_file(
        db, path, kind=args.kind, training_id=getattr(args, "training", None), dry_run=args.dry_run,
        skip_invalid=args.skip_invalid, on_duplicate=getattr(args, "on_duplicate", "auto"), overrides=args.map,
    )  # fmt: skip
    if args.report and report.rejected_rows:
        write_rejected_rows(Path(args.report), read_for_import(path, args.kind).headers, report)
    refused = report.refused(args.skip_invalid)
    if args.json:
        print_json(report.as_json())
        return EXIT_REFUSED if refused else EXIT_OK
    print(_("Columns:"))
    for column in report.columns:
        if column.field is None:
            continue
        how = {"content": _("by its values"), "map": _("as --map says")}.get(column.source)
        line = f"  {column.header} → {column.field}"
        if how:
            line += f" ({how}" + (f": {column.reason}" if column.reason else "") + ")"
        print(line)
    ignored = [c for c in report.columns if c.field is None]
    if ignored:
        print(_("Ignored columns:"))
        for column in ignored:
            why = column.reason
            if column.guess:
                why = _("looks like {field} by its header, but {reason}").format(field=column.guess, reason=why)
            print(f"  {column.header}" + (f" ({why})" if why else ""))
    if report.refusal is not None:
        print(report.refusal_message())
        return EXIT_REFUSED
    for problem in report.problems:
        print(_("Row {row}, {column}: {message}").format(**problem.as_json()))
    for warning in report.warnings:
        print(_("Warning, row {row}, {column}: {message}").format(**warning.as_json()))
    for dup in report.possible_duplicates:
        print(
            _("Possible duplicate, row {row}: {name} ~ {other}").format(
                row=dup.row, name=dup.name, other=dup.existing_name
            )
        )
    if refused:
        print(_("Nothing was imported: fix the rows above, or use --skip-invalid."))
    else:
        verb = _("Would import") if args.dry_run else _("Imported")
        print(_("{verb}: {created} created, {merged} merged, {skipped} skipped.").format(
            verb=verb, created=report.created, merged=report.merged, skipped=report.skipped))  # fmt: skip
    return EXIT_REFUSED if refused else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services import exporting

    db = open_db(args, migrate=False)
    path = Path(args.file)
    if args.kind == "people":
        count = exporting.export_people(db, path)
    elif args.kind == "organizations":
        count = exporting.export_organizations(db, path)
    else:
        count = exporting.export_attendance(db, args.training_id, path)
    print(_("{path} ({count} rows)").format(path=path, count=count))
    return EXIT_OK


def cmd_duplicates(args: argparse.Namespace) -> int:
    from desktop_app.services.merging import duplicate_pairs

    pairs = duplicate_pairs(open_db(args, migrate=False))
    if args.json:
        print_json([p.as_json() for p in pairs])
        return EXIT_OK
    for p in pairs:
        print(f"{p.first.id}\t{p.first.name}\t{p.second.id}\t{p.second.name}\t{', '.join(p.rules)}")
    return EXIT_OK


def _passphrase(args: argparse.Namespace) -> str | None:
    from pathlib import Path

    name = getattr(args, "passphrase_file", None)
    if not name:
        return None
    try:
        text = Path(name).read_text("utf-8").strip("\r\n")
    except OSError as error:
        from desktop_app.errors import DataError

        raise DataError(_("The passphrase file cannot be read: {error}").format(error=error)) from None
    return text


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.backups import make_backup

    db = open_db(args, migrate=False)
    folder = config.load_settings().backup_path()
    target = Path(args.output) if args.output else None
    path = make_backup(db, folder, kind="manual", passphrase=_passphrase(args), target=target)
    print(path)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.db import database_url, sqlite_path
    from desktop_app.errors import DataError
    from desktop_app.services.backups import restore_backup

    path = sqlite_path(database_url(database_target(args)))
    if path is None:
        raise DataError(
            _(
                "This database is on a PostgreSQL server: back it up with the server's own tools (pg_dump) and restore with pg_restore."
            )
        )
    kept = restore_backup(
        path, Path(args.file), config.load_settings().backup_path(), passphrase=_passphrase(args)
    )
    print(_("Restored {file} into {db}.").format(file=args.file, db=path))
    if kept:
        print(_("The database it replaced was kept as {path}.").format(path=kept))
    return EXIT_OK


def cmd_package_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.packages import export_package

    summary = export_package(
        open_db(args, migrate=False), args.training_id, Path(args.output), passphrase=_passphrase(args)
    )
    print(_("{path}: {people} people, {attendance} attendance marks.").format(path=args.output, **summary))
    return EXIT_OK


def cmd_package_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.packages import import_package, read_package

    package = read_package(Path(args.file), _passphrase(args))  # checked whole before anything is opened
    db = open_db(args, create=True)
    result = import_package(db, package)
    if args.json:
        print_json(result.as_json())
    else:
        print(_("Merged: {added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflicts.").format(
            **result.as_json()))  # fmt: skip
        for item in result.conflict_list:
            print("  " + _("Conflict: {what}").format(what=item))
        for item in result.reissued_codes:
            print("  " + _("Check-in code re-issued: {what}").format(what=item))
        for item in result.warnings:
            print("  " + item)
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop_app.services.certificates import verify

    db = open_db(args, migrate=False)
    result = verify(db, " ".join(args.text))
    if args.json:
        print_json(result.as_json())
    elif result.status == "unknown":
        print(_("Unknown: no certificate issued here matches this text."))
    else:
        message = _("Genuine") if result.status == "genuine" else _("Revoked")
        print(f"{message}: {result.serial}")
        print(_("Issued to {name} for {training} on {date}.").format(
            name=result.name, training=result.training, date=result.issued_on))  # fmt: skip
        if result.status == "revoked":
            print(_("Reason: {reason}").format(reason=result.reason))
    return {"genuine": EXIT_OK, "revoked": EXIT_REFUSED}.get(result.status, EXIT_NOT_FOUND)


def cmd_revoke(args: argparse.Namespace) -> int:
    from desktop_app.services.certificates import revoke

    db = open_db(args)
    revoke(db, args.serial, args.reason)
    print(_("Revoked: {serial}").format(serial=args.serial))
    return EXIT_OK


def cmd_screenshots(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.views.screenshots import take_screenshots

    language = args.lang or i18n.language()
    # Only a database named explicitly: never the user's own by default.
    saved = take_screenshots(Path(args.outdir), args.db, language)
    for path in saved:
        print(path)
    return EXIT_OK


# ---------------------------------------------------------------- entry points


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    settings = config.load_settings()
    i18n.set_language(_language_hint(argv) or settings.language or i18n.DEFAULT_LANGUAGE)
    # argparse looks its messages up through a module-level gettext function: route it to ours.
    argparse._ = i18n._  # type: ignore[attr-defined]
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    handler = getattr(args, "handler", None)
    if handler is None:
        from desktop_app.app import run_window

        return run_window(
            database_target(args) if (args.db or os.environ.get("TASHBEEK_DB")) else None, args.lang
        )
    try:
        with _writer_lock(args):
            return int(handler(args))
    except TashbeekError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_("Interrupted."), file=sys.stderr)
        return 130
    except Exception:
        import logging

        from desktop_app.logs import setup_logging

        log_path = setup_logging()
        logging.getLogger("desktop_app.cli").exception("unexpected error in %s", argv)
        print(
            _("An unexpected error happened; the details are in {path}.").format(path=log_path),
            file=sys.stderr,
        )
        return EXIT_REFUSED


@contextlib.contextmanager
def _writer_lock(args: argparse.Namespace) -> Iterator[None]:
    """Writing commands hold the database's one-writer lock (SQLite files only); read-only ones don't.
    A file on a network share gets a warning: SQLite's locking is not safe there."""
    from desktop_app.db import database_url, sqlite_path
    from desktop_app.errors import DataError
    from desktop_app.lock import LockedError, WriterLock, on_network_share

    path = sqlite_path(database_url(database_target(args))) if getattr(args, "handler", None) else None
    if path is not None and path.parent.exists() and on_network_share(path.parent):
        print(_("Warning: {path} is on a network share, where SQLite can lose data; use PostgreSQL for a shared database.")
              .format(path=path), file=sys.stderr)  # fmt: skip
    if path is None or not getattr(args, "writes", False):
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = WriterLock(path)
    try:
        lock.acquire()
    except LockedError as error:
        who = error.holder
        raise DataError(
            _(
                "The database is open for writing on {machine} (process {pid}, since {since}); try again when it is closed."
            ).format(
                machine=who.machine if who else "?",
                pid=who.pid if who else "?",
                since=who.since if who else "?",
            )
        ) from None
    try:
        yield
    finally:
        lock.release()


def _language_hint(argv: Sequence[str]) -> str | None:
    """--lang read before argparse runs, so even usage errors come in the chosen language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def gui_main() -> int:
    """Entry point of the `tashbeek-gui` script (desktop shortcuts): the window, same options."""
    return main()
