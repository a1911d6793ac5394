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
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

from desktop_app import __version__, collector, config, i18n
from desktop_app.errors import DataError, TashbeekError
from desktop_app.i18n import _, ngettext

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

# `people update` options: the field names `import --map` uses, as options.
PERSON_UPDATE_OPTIONS = (
    ("--full-name", "full_name"),
    ("--latin-name", "latin_name"),
    ("--phone", "phone"),
    ("--phone2", "phone2"),
    ("--email", "email"),
    ("--national-id", "national_id"),
    ("--job-title", "job_title"),
)


def add_training_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("training_id", metavar="TRAINING_ID", type=record_id,
                        help=_("the training's number (see `tashbeek trainings`)"))  # fmt: skip


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
    parser.add_argument(
        "--user", metavar="NAME", default=default,
        help=_("the account to work as, when the database has accounts (password: $TASHBEEK_PASSWORD or --password-file)"),
    )  # fmt: skip
    parser.add_argument(
        "--password-file", metavar="FILE", default=default,
        help=_("a file holding the account's password (instead of $TASHBEEK_PASSWORD)"),
    )  # fmt: skip
    parser.add_argument(
        "--wait", metavar="SECONDS", type=wait_seconds, default=0.0 if top else argparse.SUPPRESS,
        help=_("a writing command waits up to this many seconds for another writer of the same "
               "database file to finish, instead of refusing at once"),
    )  # fmt: skip


class _Unbuilt:
    """Stands for the parser of a command that is not on the command line: every call on it (adding
    arguments, defaults, subcommands) does nothing and answers another stand-in."""

    def __getattr__(self, _name: str) -> Callable[..., _Unbuilt]:
        return lambda *_args, **_kwargs: _Unbuilt()


class _Commands:
    """The top-level subcommands as `build_parser`'s blocks add them (`sub.add_parser(name, ...)`).

    Every command is listed with its help (`tashbeek --help`, and the choices a usage error names);
    only the one being run gets its arguments, its actions and their arguments built: building all of
    them was a tenth of a reading command's own time. `only=None` builds everything."""

    def __init__(self, action: argparse._SubParsersAction[argparse.ArgumentParser], only: str | None) -> None:
        self.action = action
        self.only = only

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if self.only is None or name == self.only:
            return self.action.add_parser(name, **kwargs)
        self.action.add_parser(name, help=kwargs.get("help"), add_help=False)  # listed, never run
        return cast(argparse.ArgumentParser, _Unbuilt())


_VALUED = ("--db", "--lang", "--kiosk", "--user", "--password-file", "--wait")  # the global options that take a value


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command word of a command line, for `build_parser(only=...)`: "" when there is none (the
    window opens), None when it cannot be told for certain before argparse reads it (--help,
    --version, an abbreviated option), and then every command is built."""
    arguments = iter(argv)
    for arg in arguments:
        if arg in _VALUED:
            next(arguments, None)  # the option's value
        elif arg.startswith(tuple(f"{option}=" for option in _VALUED)):
            continue
        elif arg.startswith("-"):
            return None
        else:
            return arg
    return ""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only` (a command word), every command is listed but only that
    one is built (see _Commands). A new command is one more `sub.add_parser("word", help=...)` block
    below, built from the parser it returns, as the others are."""
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
    parser.add_argument(
        "--kiosk", metavar="TRAINING_ID", type=record_id,
        help=_("open the window straight into kiosk mode (full-screen check-in) for this training's "
               "current session"),
    )  # fmt: skip
    sub = _Commands(parser.add_subparsers(dest="command", metavar="COMMAND"), only)

    def command(
        name: str, help_text: str, handler: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _add_global_options(p, top=False)
        p.set_defaults(handler=handler, command_path=name)
        return p

    command("demo", _("load the demo programme (creates the database if needed)"), cmd_demo)

    db_parser = sub.add_parser("db", help=_("database maintenance"), description=_("database maintenance"))
    _add_global_options(db_parser, top=False)
    db_sub = db_parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, help_text, handler in (
        ("init", _("create a new, empty database (refuses a file that exists)"), cmd_db_init),
        ("upgrade", _("migrate the database to this version's schema (after a backup)"), cmd_db_upgrade),
        (
            "check",
            _("exit 0 only when the schema is current and the file is intact; never migrates"),
            cmd_db_check,
        ),
    ):
        p = db_sub.add_parser(name, help=help_text, description=help_text)
        _add_global_options(p, top=False)
        p.set_defaults(handler=handler, command_path=f"db {name}")

    p = command("search", _("find people by name, phone, national ID, email or organization"), cmd_search)
    p.add_argument("text", metavar="TEXT", nargs="+", help=_("what to look for"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--limit", type=result_limit, default=50, help=_("at most this many results (default 50)"))
    _add_person_filters(p)
    p = command("trainings", _("list the trainings with their sessions and enrolment counts"), cmd_trainings)
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    trainings_sub = p.add_subparsers(dest="trainings_command", metavar="ACTION")
    p = trainings_sub.add_parser("update", help=_("change a training's details (checked like the training form)"),
                                 description=_("change a training's details (checked like the training form)"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_trainings_update, command_path="trainings update")
    add_training_id(p)
    p.add_argument("--title", metavar="TEXT", help=_("the title in Arabic"))
    p.add_argument("--title-en", metavar="TEXT", help=_("the title in English; an empty text clears it"))
    p.add_argument("--venue", metavar="TEXT", help=_("the venue; an empty text clears it"))
    p.add_argument("--start", metavar="DATE", help=_("the first day, such as 2026-11-20"))
    p.add_argument("--end", metavar="DATE", help=_("the last day, such as 2026-11-21"))
    p.add_argument(
        "--status", choices=["planned", "running", "completed", "archived"], help=_("the training's status")
    )
    p.add_argument("--template", metavar="ID_OR_NAME",
                   help=_("the template its certificates print with; \"default\" for the one in Settings"))  # fmt: skip
    p.add_argument("--badge-template", metavar="ID_OR_NAME",
                   help=_("the template its badges print with; \"default\" for the one in Settings"))  # fmt: skip
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    templates_parser = sub.add_parser("templates", help=_("certificate and badge templates"),
                                      description=_("certificate and badge templates"))  # fmt: skip
    _add_global_options(templates_parser, top=False)
    templates_sub = templates_parser.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    p = templates_sub.add_parser("list", help=_("list the templates (number, name, kind, built-in)"),
                                 description=_("list the templates (number, name, kind, built-in)"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_templates_list, command_path="templates list")
    p.add_argument("--kind", choices=["certificate", "badge"], help=_("only templates of this kind"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p = templates_sub.add_parser("export", help=_("write a template and its pictures to one file"),
                                 description=_("write a template and its pictures to one file"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_templates_export, command_path="templates export")
    p.add_argument("template", metavar="ID_OR_NAME", help=_("the template's number or name"))
    p.add_argument(
        "-o", "--output", metavar="FILE.json", required=True, help=_("where to write the template")
    )
    p.add_argument("--force", action="store_true", help=_("replace an output file that already exists"))
    p = templates_sub.add_parser("import", help=_("add a template from a file; prints its number"),
                                 description=_("add a template from a file; prints its number"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_templates_import, command_path="templates import")
    p.add_argument("file", metavar="FILE", help=_("a template file (from `templates export`)"))
    p.add_argument(
        "--name", metavar="NAME", help=_('the name to give it (default: its own, with " (2)" if taken)')
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    people_parser = sub.add_parser("people", help=_("change people in the registry"),
                                   description=_("change people in the registry"))  # fmt: skip
    _add_global_options(people_parser, top=False)
    people_sub = people_parser.add_subparsers(dest="people_command", metavar="ACTION", required=True)
    p = people_sub.add_parser("update", help=_("change a person's details (checked like the person form)"),
                              description=_("change a person's details (checked like the person form)"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_people_update, command_path="people update")
    p.add_argument(
        "person_id",
        metavar="PERSON_ID",
        type=record_id,
        help=_("the person's number (see `tashbeek search`)"),
    )
    for option, field_name in PERSON_UPDATE_OPTIONS:
        p.add_argument(option, dest=field_name, metavar="TEXT", help=_("new value; an empty text clears it"))
    p.add_argument(
        "--if-version", dest="if_version", metavar="N", type=record_id,
        help=_("save only if the record is still at this version (as `--json` printed it): "
               "exit 1, saying who changed what, if someone changed it since"),
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("enroll", _("enrol people in a training (someone already enrolled is reported)"), cmd_enroll)
    add_training_id(p)
    p.add_argument(
        "person_ids",
        metavar="PERSON_ID",
        type=record_id,
        nargs="+",
        help=_("the people's numbers (see `tashbeek search`)"),
    )
    p.add_argument("--role", choices=["participant", "trainer", "organizer", "guest"], default="participant",
                   help=_("their role in the training (default: participant)"))  # fmt: skip
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("checkin", _("check a person in by check-in code, phone or name"), cmd_checkin)
    add_training_id(p)
    p.add_argument("query", metavar="QUERY", nargs="+", help=_("check-in code, phone number or name"))
    p.add_argument("--session", metavar="DATE_OR_ID", help=_("the session (default: today's)"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("attendance", _("the attendance of a training: people by sessions, share, eligibility"),
                cmd_attendance)  # fmt: skip
    add_training_id(p)
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("certificates", _("issue certificates to the eligible participants and print them"),
                cmd_certificates)  # fmt: skip
    add_training_id(p)
    p.add_argument(
        "-o", "--output", metavar="OUT.pdf", help=_("one PDF with every certificate, for printing")
    )
    p.add_argument(
        "--split", metavar="DIR", help=_("also one PDF per person in this folder, named after them")
    )
    p.add_argument("--force", action="store_true", help=_("replace output files that already exist"))
    p.add_argument("--person", metavar="PERSON_ID", type=record_id, action="append",
                   help=_("issue to this person only (may be repeated); default: every eligible participant"))  # fmt: skip
    p.add_argument("--reissue", metavar="PERSON_ID", type=record_id, action="append",
                   help=_("issue a replacement for this person's revoked certificate, linked to it (may be repeated)"))  # fmt: skip
    p.add_argument("--before-end", action="store_true",
                   help=_("issue even though the training's last session has not ended yet"))  # fmt: skip
    p.add_argument("--template", metavar="ID_OR_NAME",
                   help=_("print with this template for this run (certificates issued now keep it)"))  # fmt: skip

    p = command("sheet", _("print the sign-in sheet of a session"), cmd_sheet)
    add_training_id(p)
    p.add_argument(
        "--session", metavar="DATE_OR_ID", help=_("the session (default: today's, or the only one)")
    )
    p.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help=_("where to write the PDF"))
    p.add_argument("--force", action="store_true", help=_("replace an output file that already exists"))
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
        add_training_id(p)
        p.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help=_("where to write the PDF"))
        p.add_argument("--force", action="store_true", help=_("replace an output file that already exists"))
        if name == "badges":
            p.add_argument(
                "--template", metavar="ID_OR_NAME", help=_("print with this badge template for this run")
            )

    import_parser = sub.add_parser("import", help=_("import people or organizations from .xlsx or .csv"),
                                   description=_("import people or organizations from .xlsx or .csv"))  # fmt: skip
    _add_global_options(import_parser, top=False)
    import_sub = import_parser.add_subparsers(dest="import_kind", metavar="WHAT", required=True)
    import_help = {"people": _("import people"), "organizations": _("import organizations")}
    for kind in ("people", "organizations"):
        p = import_sub.add_parser(kind, help=import_help[kind], description=import_help[kind])
        _add_global_options(p, top=False)
        p.set_defaults(handler=cmd_import, kind=kind, command_path=f"import {kind}")
        p.add_argument("file", metavar="FILE", help=_("the .xlsx or .csv file to read"))
        if kind == "people":
            p.add_argument(
                "--training",
                type=record_id,
                metavar="ID",
                help=_("also enrol everyone imported in this training"),
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
        p.add_argument("--force", action="store_true", help=_("replace an output file that already exists"))
        p.add_argument("--json", action="store_true", help=_("print JSON"))

    export_parser = sub.add_parser("export", help=_("export people, organizations or attendance to .xlsx or .csv"),
                                   description=_("export people, organizations or attendance to .xlsx or .csv"))  # fmt: skip
    _add_global_options(export_parser, top=False)
    export_sub = export_parser.add_subparsers(dest="export_kind", metavar="WHAT", required=True)
    export_help = {
        "people": _("export people"),
        "organizations": _("export organizations"),
        "attendance": _("export a training's attendance"),
        "agreements": _("export the agreements"),
        "initiatives": _("export the initiatives"),
        "meetings": _("export the meetings"),
        "actions": _("export the action items"),
        "links": _("export the network's links with their reasons"),
    }
    for kind in export_help:
        p = export_sub.add_parser(kind, help=export_help[kind], description=export_help[kind])
        _add_global_options(p, top=False)
        p.set_defaults(handler=cmd_export, kind=kind, command_path=f"export {kind}")
        if kind == "attendance":
            add_training_id(p)
        if kind == "people":
            _add_person_filters(p)
            p.add_argument("file", metavar="FILE", help=_("ends in .xlsx or .csv, or .vcf for a phone's contact list"))
        else:
            p.add_argument("file", metavar="FILE", help=_("ends in .xlsx or .csv"))
        p.add_argument("--force", action="store_true", help=_("replace an output file that already exists"))

    p = command("duplicates", _("list likely duplicate people with the rule that matched"), cmd_duplicates)
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("backup", _("write a checked backup of the database"), cmd_backup)
    p.add_argument("-o", "--output", metavar="FILE", help=_("where to write it (default: the backup folder)"))
    p.add_argument("--force", action="store_true", help=_("replace an output file that already exists"))
    p.add_argument("--passphrase-file", metavar="F", help=_("protect it with the passphrase in this file"))

    p = command(
        "restore", _("replace the database with a backup (a copy of the current one is kept)"), cmd_restore
    )
    p.add_argument("file", metavar="FILE", help=_("the backup to restore"))
    p.add_argument("--passphrase-file", metavar="F", help=_("the passphrase of a protected backup"))

    package_parser = sub.add_parser("package", help=_("venue packages: carry a training to a laptop and back"),
                                    description=_("venue packages: carry a training to a laptop and back"))  # fmt: skip
    _add_global_options(package_parser, top=False)
    package_sub = package_parser.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    p = package_sub.add_parser("export", help=_("write a package of a training"),
                               description=_("write a package of a training"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_package_export, command_path="package export")
    add_training_id(p)
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("where to write the package"))
    p.add_argument("--force", action="store_true", help=_("replace an output file that already exists"))
    p.add_argument("--passphrase-file", metavar="F", help=_("protect it with the passphrase in this file"))
    p = package_sub.add_parser("import", help=_("merge a package into this database (created if missing)"),
                               description=_("merge a package into this database (created if missing)"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_package_import, command_path="package import")
    p.add_argument("file", metavar="FILE", help=_("the package to merge"))
    p.add_argument("--passphrase-file", metavar="F", help=_("the passphrase of a protected package"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = package_sub.add_parser("conflicts", help=_("fields changed both here and at the venue, kept here until you choose"),
                               description=_("fields changed both here and at the venue, kept here until you choose"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_package_conflicts, command_path="package conflicts")
    p.add_argument("--all", action="store_true", help=_("also list the conflicts already resolved"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    conflicts_sub = p.add_subparsers(dest="conflicts_command", metavar="ACTION")
    p = conflicts_sub.add_parser("resolve", help=_("settle a conflict: keep this database's value or the venue's"),
                                 description=_("settle a conflict: keep this database's value or the venue's"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_package_conflicts_resolve, command_path="package conflicts resolve")
    p.add_argument(
        "conflict_id",
        metavar="ID",
        type=record_id,
        help=_("the conflict's number (see `tashbeek package conflicts`)"),
    )
    p.add_argument("--keep", choices=["office", "venue"], required=True,
                   help=_("office: the value here stays; venue: the value from the package replaces it"))  # fmt: skip

    p = command("verify", _("check a certificate: its QR text, verification code or serial"), cmd_verify)
    p.add_argument("text", metavar="TEXT", nargs="+", help=_("QR text, verification code or serial"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    p = command("revoke", _("revoke a certificate, with the reason"), cmd_revoke)
    p.add_argument("serial", metavar="SERIAL", help=_("the certificate's serial number"))
    p.add_argument("--reason", required=True, help=_("why it is revoked (shown when it is verified)"))

    p = command("stats", _("the figures funders ask for; -o writes the donor report (.pdf, .xlsx or .csv)"),
                cmd_stats)  # fmt: skip
    p.add_argument("--from", dest="date_from", metavar="DATE", type=iso_date,
                   help=_("first day of the period, such as 2026-01-01; default: all time"))  # fmt: skip
    p.add_argument("--to", dest="date_to", metavar="DATE", type=iso_date,
                   help=_("last day of the period, such as 2026-12-31"))  # fmt: skip
    p.add_argument("--period", metavar="PERIOD", type=period_value,
                   help=_("a year, quarter or month instead of --from/--to: 2026, 2026-Q4, 2026-11"))  # fmt: skip
    p.add_argument("--training", metavar="ID", type=record_id, action="append", default=[],
                   help=_("count this training only (may be repeated)"))  # fmt: skip
    p.add_argument("--co-organizer", metavar="ID", type=record_id, action="append", default=[],
                   help=_("count the trainings this organization organized or co-organized (may be repeated)"))  # fmt: skip
    p.add_argument(
        "--project", metavar="ID", type=record_id, help=_("count this project's trainings, with its targets")
    )
    p.add_argument("--governorate", metavar="CODE", action="append", default=[],
                   help=_("count people living in this governorate, by its code (may be repeated)"))  # fmt: skip
    p.add_argument("--organization-kind", metavar="KIND", action="append", default=[],
                   help=_("count people of organizations of this kind (may be repeated)"))  # fmt: skip
    p.add_argument("--age-bands", metavar="AGES", type=age_bounds,
                   help=_("ages where the age bands start, such as 15,25,35 (default: the organization's)"))  # fmt: skip
    p.add_argument("--list", metavar="FIGURE", choices=[*PEOPLE_FIGURES, *ORGANIZATION_FIGURES],
                   help=_("list the people or organizations behind a figure instead"))  # fmt: skip
    p.add_argument("--where", metavar="DIMENSION=KEY", action="append", default=[], type=where_value,
                   help=_("narrow --list to one category of a disaggregation (may be repeated)"))  # fmt: skip
    p.add_argument("-o", "--output", metavar="FILE",
                   help=_("write the donor report (.pdf, .xlsx or .csv), or with --list the list (.xlsx or .csv)"))  # fmt: skip
    p.add_argument("--force", action="store_true", help=_("replace an output file that already exists"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    projects_parser = sub.add_parser("projects", help=_("projects (grants): their trainings and targets"),
                                     description=_("projects (grants): their trainings and targets"))  # fmt: skip
    _add_global_options(projects_parser, top=False)
    projects_sub = projects_parser.add_subparsers(dest="projects_command", metavar="ACTION", required=True)
    p = projects_sub.add_parser("list", help=_("list the projects with their trainings and targets"),
                                description=_("list the projects with their trainings and targets"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_projects_list, command_path="projects list")
    p.add_argument("--all", action="store_true", help=_("archived projects too"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p = projects_sub.add_parser("add", help=_("add a project"), description=_("add a project"))
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_projects_add, command_path="projects add")
    p.add_argument("name", metavar="NAME", help=_("the project's name"))
    p.add_argument("--name-en", metavar="NAME", help=_("its name in English"))
    p.add_argument("--donor", metavar="NAME", help=_("the donor"))
    p.add_argument("--code", metavar="CODE", help=_("the grant's reference"))
    p.add_argument(
        "--from", dest="date_from", metavar="DATE", type=iso_date, help=_("the project's first day")
    )
    p.add_argument("--to", dest="date_to", metavar="DATE", type=iso_date, help=_("the project's last day"))
    p.add_argument("--training", metavar="ID", type=record_id, action="append", default=[],
                   help=_("a training of the project (may be repeated)"))  # fmt: skip
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p = projects_sub.add_parser("target", help=_("set a project's target for an indicator and a period"),
                                description=_("set a project's target for an indicator and a period"))  # fmt: skip
    _add_global_options(p, top=False)
    p.set_defaults(handler=cmd_projects_target, command_path="projects target")
    p.add_argument("project_id", metavar="PROJECT_ID", type=record_id, help=_("the project's number"))
    p.add_argument("indicator", choices=list(INDICATOR_KEYS),
                   help=_("what is counted: one of the names in braces above"))  # fmt: skip
    p.add_argument("--period", metavar="PERIOD", required=True,
                   help=_("2026, 2026-Q4, 2026-11 or 2026-01-01..2026-06-30"))  # fmt: skip
    p.add_argument(
        "--target", metavar="VALUE", required=True, help=_("the target: a number, or a share such as 80%%")
    )
    p.add_argument("--baseline", metavar="VALUE", help=_("the value before the project"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))

    _add_network_commands(sub)

    accounts_parser = sub.add_parser("accounts", help=_("accounts and roles: who signs in (the first account is the administrator)"),
                                     description=_("accounts and roles: who signs in (the first account is the administrator)"))  # fmt: skip
    _add_global_options(accounts_parser, top=False)
    accounts_sub = accounts_parser.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    roles = ["checkin", "staff", "administrator"]
    for name, help_text, handler in (
        ("list", _("list the accounts with their roles"), cmd_accounts_list),
        ("add", _("add an account (the first one is the administrator and turns sign-in on)"), cmd_accounts_add),
        ("disable", _("disable an account (never deleted: the audit keeps its name)"), cmd_accounts_disable),
        ("passwd", _("set an account's password (an administrator's reset, or one's own)"), cmd_accounts_passwd),
        ("role", _("change an account's role"), cmd_accounts_role),
    ):
        p = accounts_sub.add_parser(name, help=help_text, description=help_text)
        _add_global_options(p, top=False)
        p.set_defaults(handler=handler, command_path=f"accounts {name}")
        p.add_argument("--json", action="store_true", help=_("print JSON"))
        if name == "list":
            continue
        p.add_argument("name", metavar="NAME", help=_("the account's name"))
        if name in ("add", "passwd"):
            p.add_argument("--new-password-file", metavar="FILE",
                           help=_("a file holding the new password (else $TASHBEEK_NEW_PASSWORD, or typed twice)"))  # fmt: skip
        if name == "add":
            p.add_argument("--role", choices=roles, default="staff", help=_("the account's role (default staff)"))
            p.add_argument("--display-name", metavar="TEXT", default="", help=_("the name shown in the window"))
        if name == "role":
            p.add_argument("role", choices=roles, help=_("the new role"))
        if name == "disable":
            p.add_argument("--enable", action="store_true", help=_("enable a disabled account again"))

    p = command("screenshots", _("save a picture of every main screen and dialog (demo data unless --db)"),
                cmd_screenshots)  # fmt: skip
    p.add_argument("outdir", metavar="OUTDIR", help=_("folder for the PNG files"))
    p.add_argument("--size", metavar="WxH", type=_screen_size, default=(1280, 800),
                   help=_("the window's size in pixels, such as 1024x600 (default 1280x800)"))  # fmt: skip
    return parser


MAX_RECORD_ID = 2**63 - 1  # the largest id SQLite and PostgreSQL store


def record_id(value: str) -> int:
    """A record's number as typed on the command line (Arabic-Indic digits too)."""
    from desktop_app.text.arabic import fold_digits

    shown = value if len(value) <= 30 else value[:30] + "…"
    try:
        number = int(fold_digits(value.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value} is not a record number: give a whole number such as 12.").format(value=shown)
        ) from None
    if not 1 <= number <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(
            _("{value} is not a record number: numbers start at 1 and have at most 19 digits.").format(
                value=shown
            )
        )
    return number


def result_limit(value: str) -> int:
    """How many results to show: 1 to 10,000."""
    from desktop_app.text.arabic import fold_digits

    try:
        number = int(fold_digits(value.strip()))
    except ValueError:
        number = 0
    if not 1 <= number <= 10_000:
        raise argparse.ArgumentTypeError(_("give a whole number from 1 to 10000"))
    return number


PEOPLE_FIGURES = ("reached", "completed", "first_time", "returning", "repeat")
ORGANIZATION_FIGURES = ("organizations", "organizations_new", "organizations_returning")
# The indicators a project can set targets for (services.statistics.INDICATORS), listed here so the
# CLI's help needs no database code.
INDICATOR_KEYS = (
    "people_reached", "people_completed", "women_reached", "women_completed", "first_time_people",
    "organizations_reached", "organizations_new", "trainings", "sessions", "person_hours",
    "attendance_rate", "completion_rate",
)  # fmt: skip


def iso_date(value: str) -> Any:
    """A date as typed: 2026-11-29 (Arabic-Indic digits too)."""
    import datetime as dt

    from desktop_app.text.arabic import fold_digits

    try:
        return dt.date.fromisoformat(fold_digits(value.strip()))
    except ValueError:
        shown = value if len(value) <= 30 else value[:30] + "…"
        raise argparse.ArgumentTypeError(
            _("{value} is not a date: write it as YYYY-MM-DD.").format(value=shown)
        ) from None


def wait_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:
        raise argparse.ArgumentTypeError(_("give a number of seconds from 0 to 3600"))
    return seconds


def period_value(value: str) -> Any:
    from desktop_app.errors import ValidationError
    from desktop_app.services.statistics import parse_period

    try:
        return parse_period(value)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def age_bounds(value: str) -> tuple[int, ...]:
    from desktop_app.text.age_bands import parse_bounds

    try:
        return parse_bounds(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("Age bands are up to ten increasing ages from 1 to 120, such as 18, 25, 35, 50.")
        ) from None


def where_value(value: str) -> tuple[str, str]:
    dimension, sep, key = value.partition("=")
    if not sep or not dimension.strip() or not key.strip():
        raise argparse.ArgumentTypeError(_("write it as DIMENSION=KEY, e.g. gender=female"))
    return dimension.strip(), key.strip()


# ---------------------------------------------------------------- helpers


def database_target(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get("TASHBEEK_DB") or config.default_database_path())


def _writes(args: argparse.Namespace) -> bool:
    """Whether the command writes to the database: the access table says (a dry run never does)."""
    from desktop_app.access import COMMANDS, Access

    if getattr(args, "dry_run", False):
        return False
    return COMMANDS.get(getattr(args, "command_path", ""), Access.READER) is Access.WRITER


def open_db(args: argparse.Namespace, *, create: bool = False, check: bool = False) -> Any:
    """The database the command names, opened through the workspace. A reading command (by the access
    table) never creates, migrates or writes it; a writing command may migrate it (after a backup).
    Writing commands, and reading ones that write a file from it (`check`: exports, documents,
    backups, packages), first check that the database is intact, so nothing is written into a
    damaged file or copied out of one; only `create` makes a new one."""
    from desktop_app.services.workspace import Workspace, locate

    settings = config.load_settings()
    workspace = Workspace.open(
        locate(database_target(args)), write=_writes(args), create=create, check=check,
        operator=settings.operator or _login_name(), backup_dir=settings.backup_path(),
        lock=getattr(args, "held_lock", None),
    )  # fmt: skip
    args.opened = [*getattr(args, "opened", []), workspace]  # closed when the command ends (_run)
    _sign_in(args, workspace.db)
    return workspace.db


def _sign_in(args: argparse.Namespace, db: Any) -> None:
    """When the database has accounts: a writing command (and one only an administrator may run)
    signs in with --user and its password, and the account's role must allow the command (exit 1
    saying which role is needed). The audit then names the account. Other reading commands run
    without an account (whoever can open the file or the server can read it), but a --user given
    to one is checked all the same. A database without accounts works as before."""
    from desktop_app.access import ADMINISTRATOR, command_role
    from desktop_app.services import sign_in

    words = getattr(args, "command_path", "")
    needed = command_role(words)
    user = getattr(args, "user", None)
    args.account = None
    if not sign_in.sign_in_required(db):
        return  # one Core read: a database without accounts loads none of the ORM for it
    if not user:
        if not (_writes(args) or needed is ADMINISTRATOR):
            return
        raise sign_in.SignInRefused(
            _("This database has accounts: sign in with --user NAME and the password in "
              "$TASHBEEK_PASSWORD or --password-file FILE (`{command}` needs the {role} role).")
            .format(command=words, role=sign_in.role_name(needed))
        )  # fmt: skip
    from desktop_app.services import accounts

    account = accounts.authenticate(
        db, user, _password(args), record=_writes(args) and not db.read_only, needed=needed
    )
    args.account = account
    db.operator = account.name


def _read_secret(name: str) -> str:
    """The first line of a file holding a password (never echoed, never put in a message)."""
    from pathlib import Path

    try:
        text = Path(name).read_text("utf-8").strip("\r\n")
    except OSError as error:
        from desktop_app.errors import file_problem

        raise file_problem(error, name) from None
    except UnicodeDecodeError:
        raise DataError(_("The password file {path} is not text.").format(path=name)) from None
    return text.splitlines()[0] if text else ""


def _password(args: argparse.Namespace) -> str:
    name = getattr(args, "password_file", None)
    if name:
        return _read_secret(name)
    password = os.environ.get("TASHBEEK_PASSWORD")
    if not password:
        from desktop_app.services.accounts import SignInRefused

        raise SignInRefused(_("Give the password of --user in $TASHBEEK_PASSWORD or --password-file FILE."))
    return password


def _new_password(args: argparse.Namespace) -> str:
    """The password an account is given: --new-password-file, $TASHBEEK_NEW_PASSWORD, or typed twice."""
    name = getattr(args, "new_password_file", None)
    if name:
        return _read_secret(name)
    if os.environ.get("TASHBEEK_NEW_PASSWORD"):
        return os.environ["TASHBEEK_NEW_PASSWORD"]
    if not sys.stdin.isatty():
        raise DataError(_("Give the new password in $TASHBEEK_NEW_PASSWORD or --new-password-file FILE."))
    import getpass

    first = getpass.getpass(_("New password: "))
    if getpass.getpass(_("The same password again: ")) != first:
        raise DataError(_("The two passwords differ: nothing was changed."))
    return first


def _authorize_replacing(args: argparse.Namespace, location: Any) -> None:
    """Before a command replaces a whole database (restore): the one there now decides who may. A
    database that cannot be opened (damaged: what a restore repairs) has no accounts to ask."""
    from desktop_app.services.workspace import Workspace

    if not location.exists():
        return
    try:
        workspace = Workspace.open(location, write=False)
    except TashbeekError:
        return
    try:
        _sign_in(args, workspace.db)
    finally:
        workspace.db.dispose()


def check_new_output(args: argparse.Namespace, *paths: str | None) -> None:
    """Refuse an output before any work: an existing file (unless --force), a folder, a missing folder."""
    from pathlib import Path

    from desktop_app.files import check_output

    for path in paths:
        if path:
            check_output(Path(path), replace=bool(getattr(args, "force", False)))


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
        counts = [
            ngettext("{n} organization", "{n} organizations", summary.organizations),
            ngettext("{n} person", "{n} people", summary.people),
            ngettext("{n} training", "{n} trainings", summary.trainings),
            ngettext("{n} session", "{n} sessions", summary.sessions),
            ngettext("{n} enrolment", "{n} enrolments", summary.enrollments),
        ]
        numbers = (
            summary.organizations,
            summary.people,
            summary.trainings,
            summary.sessions,
            summary.enrollments,
        )
        print(_("Demo data loaded into {db}: {counts}.").format(
            db=db.display_name(), counts=_("; ").join(c.format(n=n) for c, n in zip(counts, numbers, strict=True))))  # fmt: skip
    else:
        print(_("The demo data is already complete in {db}; nothing changed.").format(db=db.display_name()))
    return EXIT_OK


def cmd_db_init(args: argparse.Namespace) -> int:
    """A new, empty, migrated database; an existing file (or a server database holding tables) is
    never touched."""
    from desktop_app.migrations import HEAD_REVISION
    from desktop_app.services.workspace import locate

    location = locate(database_target(args))
    if location.in_use():
        raise DataError(
            _("{path} already exists and was left as it is: `db init` only creates new databases.")
            .format(path=location.display_name)
        )  # fmt: skip
    db = open_db(args, create=True)
    print(
        _("Created an empty database at {db} (schema version {rev}).").format(
            db=db.display_name(), rev=HEAD_REVISION
        )
    )
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from desktop_app.migrations import HEAD_REVISION

    db = open_db(args)
    print(_("The database {db} is at schema version {rev}.").format(db=db.display_name(), rev=HEAD_REVISION))
    return EXIT_OK


def cmd_db_check(args: argparse.Namespace) -> int:
    from desktop_app.db import integrity_ok

    db = open_db(args)
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

    db = open_db(args)
    filtered = any(
        (args.governorate, args.gender, args.age_bands, args.org_kind, args.training, args.consented)
    )  # the listing service (and its filters) loaded only when one is given: most searches have none
    if filtered:  # the best matches the filters keep: search wide, then narrow, then cut
        from desktop_app.services.listing import MAX_MATCHES, matching_ids

        flt = _person_filter(args)
        hits = search_people(db, " ".join(args.text), limit=max(MAX_MATCHES, args.limit), archived=args.archived)
        kept = matching_ids(db, flt, [h.id for h in hits])
        hits = [h for h in hits if h.id in kept][: args.limit]
    else:
        hits = search_people(db, " ".join(args.text), limit=args.limit, archived=args.archived)
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

    db = open_db(args)
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


def cmd_trainings_update(args: argparse.Namespace) -> int:
    """The training form's service from the command line: the same rules and audit entry."""
    from desktop_app.services import templates
    from desktop_app.services.trainings import TrainingData, list_trainings, training_details, update_training

    fields = ("title", "title_en", "venue", "start", "end", "status")
    if all(getattr(args, f) is None for f in (*fields, "template", "badge_template")):
        print(_("Say what to change: --title, --title-en, --venue, --start, --end, --status, --template, "
                "--badge-template."), file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    db = open_db(args)
    if any(getattr(args, f) is not None for f in fields):
        row = next((t for t in list_trainings(db) if t.id == args.training_id), None)
        details = training_details(db, args.training_id)  # NotFoundError for an unknown number
        assert row is not None
        update_training(db, args.training_id, TrainingData(
            title_ar=args.title if args.title is not None else row.title,
            start_date=args.start or row.start, end_date=args.end or row.end,
            title_en=args.title_en if args.title_en is not None else row.title_en,
            description=details.description, organizer_id=details.organizer_id,
            co_organizer_ids=list(details.co_organizer_ids),
            venue=args.venue if args.venue is not None else row.venue, governorate=details.governorate,
            status=args.status or details.status, certificate_min_share=details.certificate_min_share,
            late_after=details.late_after, working_group_count=details.working_group_count,
            working_group_names=list(details.working_group_names),
        ))  # fmt: skip
    for kind, ref in (("certificate", args.template), ("badge", args.badge_template)):
        if ref is not None:
            templates.set_training_template(db, args.training_id, None if ref == "default" else ref, kind)
    row = next(t for t in list_trainings(db) if t.id == args.training_id)
    chosen = templates.training_templates(db, args.training_id)
    if args.json:
        print_json({"id": row.id, "title": row.title, "title_en": row.title_en, "venue": row.venue,
                    "start": row.start.isoformat(), "end": row.end.isoformat(), "status": row.status,
                    "template": chosen[0].as_json(), "badge_template": chosen[1].as_json()})  # fmt: skip
    else:
        print(_("Updated: {title}").format(title=row.title))
    return EXIT_OK


def cmd_templates_list(args: argparse.Namespace) -> int:
    from desktop_app.services.templates import list_templates

    rows = list_templates(open_db(args), args.kind)
    if args.json:
        print_json([r.as_json() for r in rows])
        return EXIT_OK
    for r in rows:
        kind = _("certificate") if r.kind == "certificate" else _("badge")
        print("\t".join([str(r.id), r.name, kind, _("built-in") if r.builtin else "—"]))
    return EXIT_OK


def cmd_templates_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.templates import export_template

    check_new_output(args, args.output)
    print(export_template(open_db(args), args.template, Path(args.output), replace=args.force))
    return EXIT_OK


def cmd_templates_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.templates import import_template, list_templates

    db = open_db(args)
    new_id = import_template(db, Path(args.file), args.name)
    row = next(r for r in list_templates(db) if r.id == new_id)
    if args.json:
        print_json(row.as_json())
    else:
        print(new_id)
    return EXIT_OK


def cmd_people_update(args: argparse.Namespace) -> int:
    """The person form's service from the command line: the same rules and audit entry."""
    from desktop_app.errors import DataError, ValidationError
    from desktop_app.services.registry import get_person, update_person

    given = {name: getattr(args, name) for _option, name in PERSON_UPDATE_OPTIONS}
    changes = {name: value for name, value in given.items() if value is not None}
    if not changes:
        options = ", ".join(option for option, _name in PERSON_UPDATE_OPTIONS)
        print(_("Say what to change: {options}.").format(options=options), file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    try:
        update_person(db, args.person_id, if_version=args.if_version, **changes)
    except ValidationError as error:
        option = dict((name, option) for option, name in PERSON_UPDATE_OPTIONS).get(error.field, error.field)
        raise DataError(f"{option}: {error.message}") from None
    person = get_person(db, args.person_id)
    if args.json:
        fields = {name: getattr(person, name) for _option, name in PERSON_UPDATE_OPTIONS}
        print_json({"id": person.id, "uid": person.uid, "version": person.version, **fields})
    else:
        print(_("Updated: {name}").format(name=person.full_name))
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
    """The check-in service decides; this prints the decision the way the window shows it."""
    from desktop_app.services.attendance import AlreadyIn, CheckedIn, Choose, NotFound, NotYet, check_in

    db = open_db(args)
    result = check_in(db, args.training_id, " ".join(args.query), session_ref=args.session)
    code = {CheckedIn: EXIT_OK, AlreadyIn: EXIT_OK, NotFound: EXIT_NOT_FOUND, Choose: EXIT_AMBIGUOUS,
            NotYet: EXIT_REFUSED}[type(result)]  # fmt: skip
    if args.json:
        print_json(result.as_json())
        return code
    name = result.person.name if result.person else ""
    if isinstance(result, CheckedIn):
        status = _("late") if result.status == "late" else _("present")
        print(_("Checked in: {name} ({status})").format(name=name, status=status))
    elif isinstance(result, AlreadyIn):
        time_text = result.at.astimezone().strftime("%H:%M") if result.at else ""
        print(_("Already checked in: {name}, at {time}").format(name=name, time=time_text))
    elif isinstance(result, NotFound):
        print(_("No one enrolled in this training matches."), file=sys.stderr)
    elif isinstance(result, NotYet):
        print(_("The session of {date} has not come yet: check people in on the day.").format(
            date=result.session_date.isoformat()), file=sys.stderr)  # fmt: skip
    else:
        print(
            _(
                "Several people match, or only part of a name: run the command again with the check-in code of the right one:"
            )
        )
        for match in result.matches:
            print(f"  {match.code}\t{match.name}\t{match.organization or '—'}")
    if isinstance(result, CheckedIn | AlreadyIn):
        print(
            _("Present: {present} of {total} participants").format(
                present=result.present, total=result.expected
            )
        )
    return code


def cmd_attendance(args: argparse.Namespace) -> int:
    from desktop_app.services.attendance import attendance_grid

    db = open_db(args)
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

    from desktop_app.services.certificates import issue_certificates, print_certificates, reissue_certificate

    if not args.output and not args.split:
        print(_("Say where to write the certificates: -o OUT.pdf and/or --split DIR."), file=sys.stderr)
        return EXIT_USAGE
    check_new_output(args, args.output)
    db = open_db(args)
    if args.reissue:
        for person_id in args.reissue:
            serial = reissue_certificate(db, args.training_id, person_id, before_end=args.before_end)
            print(_("Issued {serial} to replace the revoked certificate of person {id}.").format(
                serial=serial, id=person_id))  # fmt: skip
    else:
        result = issue_certificates(db, args.training_id, args.person, before_end=args.before_end,
                                    template=args.template)  # fmt: skip
        for name, reason in result.refused:
            print(_("Not issued: {name} ({reason})").format(name=name, reason=reason), file=sys.stderr)
        for name, serial in result.revoked:
            print(_("Not issued: {name} (certificate {serial} was revoked; to replace it use --reissue)").format(
                name=name, serial=serial), file=sys.stderr)  # fmt: skip
        print(ngettext("Issued {n} new certificate.", "Issued {n} new certificates.", len(result.issued))
              .format(n=len(result.issued)))  # fmt: skip
        if result.already:
            print(ngettext("{n} person already had a certificate.", "{n} people already had a certificate.",
                           len(result.already)).format(n=len(result.already)))  # fmt: skip
    written = print_certificates(
        db,
        args.training_id,
        Path(args.output) if args.output else None,
        Path(args.split) if args.split else None,
        replace=args.force,
        template=args.template,
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

    check_new_output(args, args.output)
    db = open_db(args, check=True)
    pages = write_sign_in_sheet(db, args.training_id, Path(args.output), session_ref=args.session,
                                blank_rows=args.blank_rows, with_phone=args.phone, replace=args.force)  # fmt: skip
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
    check_new_output(args, args.output)
    extra = {"template": args.template} if args.command == "badges" and args.template else {}
    return _wrote(args.output, writer(open_db(args, check=True), args.training_id, Path(args.output),
                                      replace=args.force, **extra))  # fmt: skip


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.importing import import_file, read_for_import, write_rejected_rows

    check_new_output(args, args.report)
    db = open_db(args)  # a dry run only reads: it never creates or migrates
    path = Path(args.file)
    report = import_file(
        db, path, kind=args.kind, training_id=getattr(args, "training", None), dry_run=args.dry_run,
        skip_invalid=args.skip_invalid, on_duplicate=getattr(args, "on_duplicate", "auto"), overrides=args.map,
    )  # fmt: skip
    if args.report and report.rejected_rows:
        write_rejected_rows(
            Path(args.report), read_for_import(path, args.kind).headers, report, replace=args.force
        )
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
                why = _("looks like {field} by its header, but {reason}").format(
                    field=column.guess, reason=why
                )
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


def _add_person_filters(p: argparse.ArgumentParser) -> None:
    """The People screen's filters (services.listing.PersonFilter), for commands that list people."""
    from desktop_app.enums import Gender, OrganizationKind

    p.add_argument("--gender", choices=[g.value for g in Gender], help=_("only people of this gender"))
    p.add_argument("--age-band", dest="age_bands", metavar="BAND", action="append", default=[],
                   help=_("only people whose age today is in this band, such as 18_24, 50_plus or unknown (may be repeated)"))  # fmt: skip
    p.add_argument("--governorate", metavar="CODE", help=_("only people living in this governorate, by its code"))
    p.add_argument("--org-kind", "--organization-kind", dest="org_kind", choices=[k.value for k in OrganizationKind],
                   help=_("only people of organizations of this kind"))  # fmt: skip
    p.add_argument("--training", metavar="ID", type=record_id,
                   help=_("only people who took part in this training (present or late at a held session)"))  # fmt: skip
    p.add_argument("--consented", action="store_true", help=_("only people who agreed to share their contacts"))
    p.add_argument("--archived", action="store_true", help=_("include archived people"))


def _person_filter(args: argparse.Namespace) -> Any:
    from desktop_app.services.listing import PersonFilter

    return PersonFilter(
        governorate=args.governorate, archived=args.archived, gender=args.gender, age_bands=tuple(args.age_bands),
        organization_kind=args.org_kind, training_id=args.training, consented=True if args.consented else None,
    )  # fmt: skip


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services import exporting, network_documents

    check_new_output(args, args.file)
    db = open_db(args, check=True)
    path = Path(args.file)
    if args.kind == "people":
        flt = _person_filter(args)
        # Without a filter the export is what it always was: everyone, archived people too; with one,
        # the People screen's list (archived people only with --archived).
        flt = flt if flt.narrows else None
        if path.suffix.lower() == ".vcf":
            contacts = exporting.export_contacts(db, path, flt, replace=args.force)
            print(_("{path}: {summary}").format(path=path, summary=contacts.summary()))
            return EXIT_OK
        count = exporting.export_people(db, path, flt, replace=args.force)
    elif args.kind == "organizations":
        count = exporting.export_organizations(db, path, replace=args.force)
    elif args.kind in network_documents.NETWORK_EXPORTS:
        count = network_documents.export_network_table(db, args.kind, path, replace=args.force)
    else:
        count = exporting.export_attendance(db, args.training_id, path, replace=args.force)
    print(_("{path} ({count} rows)").format(path=path, count=count))
    return EXIT_OK


def cmd_duplicates(args: argparse.Namespace) -> int:
    from desktop_app.services.merging import duplicate_pairs

    pairs = duplicate_pairs(open_db(args))
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
        from desktop_app.errors import file_problem

        raise file_problem(error, name) from None
    except UnicodeDecodeError:
        raise DataError(_("The passphrase file {path} is not text: write the passphrase in it as plain text.")
                        .format(path=name)) from None  # fmt: skip
    if not text:
        raise DataError(_("The passphrase file {path} is empty.").format(path=name))
    return text


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.backups import make_backup

    check_new_output(args, args.output)
    passphrase = _passphrase(args)
    db = open_db(args, check=True)
    folder = config.load_settings().backup_path()
    target = Path(args.output) if args.output else None
    path = make_backup(db, folder, kind="manual", passphrase=passphrase, target=target, replace=args.force)
    print(path)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.workspace import locate, restore_into

    location = locate(database_target(args))
    _authorize_replacing(args, location)
    kept = restore_into(location, Path(args.file), config.load_settings().backup_path(), passphrase=_passphrase(args))
    print(_("Restored {file} into {db}.").format(file=args.file, db=location.display_name))
    if kept:
        print(_("The database it replaced was kept as {path}.").format(path=kept))
    return EXIT_OK


def cmd_package_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.packages import export_package

    check_new_output(args, args.output)
    passphrase = _passphrase(args)
    summary = export_package(
        open_db(args, check=True),
        args.training_id,
        Path(args.output),
        passphrase=passphrase,
        replace=args.force,
    )
    print(_("{path}: {people} people, {attendance} attendance marks.").format(path=args.output, **summary))
    return EXIT_OK


def cmd_package_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.packages import read_package
    from desktop_app.services.sync import import_into_new_database, import_package
    from desktop_app.services.workspace import locate

    package = read_package(Path(args.file), _passphrase(args))  # checked whole before anything is opened
    location = locate(database_target(args))
    if location.path is not None and not location.exists():
        operator = config.load_settings().operator or _login_name()
        result = import_into_new_database(location.path, package, operator=operator)
    else:
        result = import_package(open_db(args), package)
    if args.json:
        print_json(result.as_json())
    else:
        print(_("Merged: {added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflicts.").format(
            **result.as_json()))  # fmt: skip
        if result.fields_updated:
            print("  " + _("Taken from the package — fields: {fields}, people: {people}, organizations: {orgs}.").format(
                fields=result.fields_updated, people=result.people_updated, orgs=result.organizations_updated))  # fmt: skip
        field_conflicts = {c["id"] for c in result.field_conflicts}
        for item in result.conflict_list:
            print("  " + _("Conflict: {what}").format(what=item))
        if field_conflicts:
            print("  " + _("The values here are kept until you choose: tashbeek package conflicts"))
        for item in result.reissued_codes:
            print("  " + _("Check-in code re-issued: {what}").format(what=item))
        for item in result.warnings:
            print("  " + item)
    return EXIT_OK


def cmd_package_conflicts(args: argparse.Namespace) -> int:
    from desktop_app.services.sync import list_conflicts

    db = open_db(args)
    rows = list_conflicts(db, include_resolved=args.all)
    if args.json:
        print_json([row.as_json() for row in rows])
        return EXIT_OK
    if not rows:
        print(_("No conflicts are waiting for a decision."))
        return EXIT_OK
    for row in rows:
        states = {"office": _("kept here"), "venue": _("taken from the venue"), "agreed": _("now the same")}
        state = states.get(row.resolution or "", "")
        print("\t".join([str(row.id), row.name, row.field, _("here: {value}").format(value=row.office_text),
                         _("venue: {value}").format(value=row.venue_text), state]).rstrip())  # fmt: skip
    if any(row.resolved_at is None for row in rows):
        print(_("Settle one with: tashbeek package conflicts resolve ID --keep office|venue"))
    return EXIT_OK


def cmd_package_conflicts_resolve(args: argparse.Namespace) -> int:
    from desktop_app.services.sync import resolve_conflict

    resolve_conflict(open_db(args), args.conflict_id, args.keep)
    kept = _("the value here") if args.keep == "office" else _("the venue's value")
    print(_("Conflict {id} settled: {kept} is kept.").format(id=args.conflict_id, kept=kept))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop_app.services.certificates import verify

    db = open_db(args)
    result = verify(db, " ".join(args.text))
    if args.json:
        print_json(result.as_json())
    elif result.status == "unknown":
        print(_("Unknown: no certificate issued here matches this text."))
    else:
        message = {
            "genuine": _("Genuine"),
            "revoked": _("Revoked"),
            # A serial is printed in plain text: anyone can copy it, so it proves nothing alone.
            "on_record": _("On record, not verified (a serial alone is no proof; give the verification code or scan the QR code)"),
        }[result.status]  # fmt: skip
        print(f"{message}: {result.serial}")
        print(_("Issued to {name} for {training} on {date}.").format(
            name=result.name, training=result.training, date=result.issued_on))  # fmt: skip
        if result.status == "revoked":
            print(_("Reason: {reason}").format(reason=result.reason))
        if result.replaces:
            print(_("Replaces the revoked certificate {serial}.").format(serial=result.replaces))
        if result.replaced_by:
            print(_("Replaced by certificate {serial}.").format(serial=result.replaced_by))
    return {"genuine": EXIT_OK, "revoked": EXIT_REFUSED, "on_record": EXIT_REFUSED}.get(
        result.status, EXIT_NOT_FOUND
    )


def cmd_revoke(args: argparse.Namespace) -> int:
    from desktop_app.services.certificates import revoke

    db = open_db(args)
    revoke(db, args.serial, args.reason)
    print(_("Revoked: {serial}").format(serial=args.serial))
    return EXIT_OK


def _stats_filter(args: argparse.Namespace) -> Any:
    from desktop_app.errors import ValidationError
    from desktop_app.services.statistics import StatsFilter

    date_from, date_to = args.date_from, args.date_to
    if args.period:
        if date_from or date_to:
            raise ValidationError("period", _("Give either --period or --from/--to, not both."))
        date_from, date_to = args.period
    return StatsFilter(
        date_from, date_to, tuple(args.training), tuple(args.co_organizer), args.project,
        tuple(args.governorate), tuple(args.organization_kind), args.age_bands or (),
    )  # fmt: skip


def cmd_stats(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services import reports, statistics

    flt = _stats_filter(args)
    flt.check()
    if args.where and not args.list:
        raise DataError(_("--where narrows a --list; add --list FIGURE."))
    if args.output:
        path = Path(args.output)
        if args.list:
            if path.suffix.lower() not in (".xlsx", ".csv"):
                raise DataError(_("The list is written to a file ending in .xlsx or .csv."))
        else:
            reports.report_kind(path)
        check_new_output(args, args.output)
    db = open_db(args, check=bool(args.output))
    if args.list:
        figure = statistics.Figure(args.list, tuple(sorted(args.where)))
        if args.output:
            count = reports.export_figure(db, flt, figure, Path(args.output), replace=args.force)
            print(_("{path} ({count} rows)").format(path=args.output, count=count))
            return EXIT_OK
        headers, rows, items = reports.figure_rows(db, flt, figure)
        if args.json:
            print_json([item.__dict__ for item in items])
            return EXIT_OK
        print("\t".join(headers))
        for row in rows:
            print("\t".join("" if v is None else str(v) for v in row))
        return EXIT_OK
    if args.output:
        written = reports.write_report(db, flt, Path(args.output), replace=args.force)
        stats = written.statistics
        if args.json:
            print_json(stats.as_json())
        else:
            unit = {"pdf": _("{path} ({pages} pages)"), "xlsx": _("{path} ({pages} sheets)"),
                    "csv": _("{path} ({count} rows)")}[written.kind]  # fmt: skip
            print(unit.format(path=args.output, pages=written.pages, count=written.pages))
        return EXIT_OK
    stats = statistics.statistics(db, flt)
    if args.json:
        print_json(stats.as_json())
    else:
        _print_stats(stats.as_json())
    return EXIT_OK


def _print_stats(document: dict[str, Any]) -> None:
    """The figures as text: key figures, then every disaggregation, then the rules."""
    from desktop_app.pdf.report_tables import period_text, tables_from

    language = i18n.language()
    print(period_text(document, language))
    for table in tables_from(document, language):
        if table.key not in (
            "summary",
            "gender",
            "age_band",
            "governorate",
            "organization_kind",
            "role",
            "targets",
        ):
            continue
        print()
        print(table.title)
        for n, row in enumerate(table.rows):
            cells = []
            for c, value in enumerate(row):
                kind = table.kind(n, c)
                if value is None:
                    cells.append("—")
                elif kind == "rate":
                    cells.append(f"{float(value):.1%}")
                else:
                    cells.append(str(value))
            print("  " + "\t".join(cells))
    print()
    print(document["rules"])


def _account_json(account: Any) -> dict[str, Any]:
    return {
        "name": account.name, "display_name": account.display_name, "role": account.role.value,
        "disabled": account.disabled, "created_at": account.created_at.isoformat(),
        "last_sign_in_at": account.last_sign_in_at.isoformat() if account.last_sign_in_at else None,
    }  # fmt: skip


def _account_done(args: argparse.Namespace, account: Any, message: str) -> int:
    if args.json:
        print_json(_account_json(account))
    else:
        print(message)
    return EXIT_OK


def cmd_accounts_list(args: argparse.Namespace) -> int:
    from desktop_app.services.accounts import list_accounts, role_name

    found = list_accounts(open_db(args))
    if args.json:
        print_json([_account_json(a) for a in found])
        return EXIT_OK
    if not found:
        print(_("No accounts: nobody signs in (add the first, the administrator, with `accounts add`)."))
    for a in found:
        print("\t".join([a.name, a.display_name or "—", role_name(a.role),
                         _("disabled") if a.disabled else _("enabled")]))  # fmt: skip
    return EXIT_OK


def cmd_accounts_add(args: argparse.Namespace) -> int:
    from desktop_app.access import Role
    from desktop_app.services.accounts import add_account, role_name

    db = open_db(args)
    password = _new_password(args)
    account = add_account(db, args.account, args.name, password, Role(args.role), args.display_name)
    return _account_done(args, account, _("Added the account {name} ({role}).").format(
        name=account.name, role=role_name(account.role)))  # fmt: skip


def cmd_accounts_disable(args: argparse.Namespace) -> int:
    from desktop_app.services.accounts import set_disabled

    account = set_disabled(open_db(args), args.account, args.name, disabled=not args.enable)
    message = _("The account {name} is disabled.") if account.disabled else _("The account {name} is enabled.")
    return _account_done(args, account, message.format(name=account.name))


def cmd_accounts_passwd(args: argparse.Namespace) -> int:
    from desktop_app.services.accounts import set_password

    db = open_db(args)
    account = set_password(db, args.account, args.name, _new_password(args))
    return _account_done(args, account, _("The password of {name} is changed.").format(name=account.name))


def cmd_accounts_role(args: argparse.Namespace) -> int:
    from desktop_app.access import Role
    from desktop_app.services.accounts import role_name, set_role

    account = set_role(open_db(args), args.account, args.name, Role(args.role))
    return _account_done(args, account, _("{name} now has the {role} role.").format(
        name=account.name, role=role_name(account.role)))  # fmt: skip


def cmd_projects_list(args: argparse.Namespace) -> int:
    from desktop_app.services.projects import list_projects

    projects = list_projects(open_db(args), include_archived=args.all)
    if args.json:
        print_json([p.as_json() for p in projects])
        return EXIT_OK
    if not projects:
        print(_("No projects yet."))
    for p in projects:
        print("\t".join([str(p.id), p.name, p.donor or "—", p.code or "—",
                         ", ".join(str(t) for t in p.training_ids) or "—"]))  # fmt: skip
        for t in p.targets:
            print(f"  {t.indicator}\t{t.period_start.isoformat()}..{t.period_end.isoformat()}\t{t.target:g}")
    return EXIT_OK


def cmd_projects_add(args: argparse.Namespace) -> int:
    from desktop_app.services.projects import ProjectData, create_project

    db = open_db(args)
    project_id = create_project(db, ProjectData(
        args.name, args.name_en, args.donor, args.code, args.date_from, args.date_to, training_ids=list(args.training)
    ))  # fmt: skip
    if args.json:
        print_json({"id": project_id})
    else:
        print(_("Added project {id}: {name}").format(id=project_id, name=args.name))
    return EXIT_OK


def cmd_projects_target(args: argparse.Namespace) -> int:
    from desktop_app.services.projects import set_target

    db = open_db(args)
    target_id = set_target(db, args.project_id, args.indicator, args.period, args.target, args.baseline)
    if args.json:
        print_json({"id": target_id})
    else:
        print(_("Target set: {indicator} for {period}.").format(indicator=args.indicator, period=args.period))
    return EXIT_OK


# ---------------------------------------------------------------- the partner network


def _subcommand(parent: Any, name: str, help_text: str, handler: Callable[[argparse.Namespace], int],
                path: str) -> argparse.ArgumentParser:  # fmt: skip
    p: argparse.ArgumentParser = parent.add_parser(name, help=help_text, description=help_text)
    _add_global_options(p, top=False)
    p.set_defaults(handler=handler, command_path=path)
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    return p


def _add_network_commands(sub: Any) -> None:
    """`network`, and the lists of agreements, initiatives, meetings and action items with the
    commands that record them (what a script needs to record a programme's story)."""
    p = _subcommand(sub, "network", _("the network of organizations: links, new links, quiet links"), cmd_network,
                    "network")  # fmt: skip
    p.add_argument("--training", metavar="ID", type=record_id, help=_("one training or meeting only"))
    p.add_argument("--initiative", metavar="ID", type=record_id,
                   help=_("an initiative with its trainings, meetings and agreements"))  # fmt: skip
    p.add_argument("--from", dest="date_from", metavar="DATE", type=iso_date, help=_("first day of the period"))
    p.add_argument("--to", dest="date_to", metavar="DATE", type=iso_date, help=_("last day of the period"))
    p.add_argument("--governorate", metavar="CODE", action="append", default=[],
                   help=_("organizations of this governorate, by its code (may be repeated)"))  # fmt: skip
    p.add_argument("--organization-kind", metavar="KIND", action="append", default=[],
                   help=_("organizations of this kind (may be repeated)"))  # fmt: skip
    p.add_argument("-o", "--output", metavar="FILE.pdf", help=_("write the network as a PDF page"))
    p.add_argument("--force", action="store_true", help=_("replace an output file that already exists"))

    lists = (
        ("agreements", _("cooperation protocols and other agreements"), cmd_agreements),
        ("initiatives", _("joint initiatives and campaigns"), cmd_initiatives),
        ("meetings", _("follow-up and coordination meetings"), cmd_meetings),
        ("actions", _("action items: who does what by when"), cmd_actions),
    )
    parsers: dict[str, Any] = {}
    for name, help_text, handler in lists:
        p = _subcommand(sub, name, help_text, handler, name)
        p.add_argument("--all", action="store_true", help=_("archived ones too"))
        parsers[name] = p.add_subparsers(dest=f"{name}_command", metavar="ACTION")
        if name == "actions":
            p.add_argument("--overdue", action="store_true", help=_("only open items past their due date"))
            p.add_argument("--status", choices=["open", "done", "dropped"], help=_("only items of this status"))
            p.add_argument("--organization", metavar="ID", type=record_id,
                           help=_("only items owned by this organization or its people"))  # fmt: skip
            p.add_argument("--training", metavar="ID", type=record_id,
                           help=_("only items from this training or meeting"))  # fmt: skip

    p = _subcommand(parsers["agreements"], "add", _("record an agreement"), cmd_agreements_add, "agreements add")
    p.add_argument("title", metavar="TITLE", help=_("the agreement's title"))
    p.add_argument("--kind", choices=["protocol", "memorandum", "partnership", "grant"], default="protocol",
                   help=_("protocol, memorandum, partnership or grant"))  # fmt: skip
    p.add_argument("--status", choices=["draft", "signed", "active", "expired", "ended"], default="draft",
                   help=_("draft, signed, active, expired or ended"))  # fmt: skip
    p.add_argument("--party", metavar="ORG[:PERSON[:TITLE]]", action="append", default=[], required=True,
                   help=_("a party: the organization's number, then the signatory's number and title (repeat for each)"))  # fmt: skip
    p.add_argument("--signed-on", metavar="DATE", type=iso_date, help=_("the day it was signed"))
    p.add_argument("--start", metavar="DATE", type=iso_date, help=_("the first day it is in force"))
    p.add_argument("--end", metavar="DATE", type=iso_date, help=_("the last day it is in force"))
    p.add_argument("--summary", metavar="TEXT", help=_("what the parties agreed"))
    p.add_argument("--training", metavar="ID", type=record_id, action="append", default=[],
                   help=_("a training or meeting it is linked to (may be repeated)"))  # fmt: skip
    p.add_argument("--initiative", metavar="ID", type=record_id, action="append", default=[],
                   help=_("an initiative it is linked to (may be repeated)"))  # fmt: skip
    p.add_argument("--document", metavar="FILE", help=_("the signed copy: a PDF file or a picture"))

    p = _subcommand(parsers["initiatives"], "add", _("record an initiative"), cmd_initiatives_add, "initiatives add")
    p.add_argument("name", metavar="NAME", help=_("the initiative's name"))
    p.add_argument("--lead", metavar="ORG", type=record_id, help=_("the lead organization's number"))
    p.add_argument("--partner", metavar="ORG[:ROLE]", action="append", default=[],
                   help=_("a partner organization's number and its role (may be repeated)"))  # fmt: skip
    p.add_argument("--person", metavar="PERSON[:ROLE]", action="append", default=[],
                   help=_("a person involved and their part (may be repeated)"))  # fmt: skip
    p.add_argument("--from", dest="date_from", metavar="DATE", type=iso_date, help=_("its first day"))
    p.add_argument("--to", dest="date_to", metavar="DATE", type=iso_date, help=_("its last day"))
    p.add_argument("--status", choices=["planned", "active", "completed", "stopped"], default="planned",
                   help=_("planned, active, completed or stopped"))  # fmt: skip
    p.add_argument("--goals", metavar="TEXT", help=_("what it means to achieve"))
    p.add_argument("--governorate", metavar="CODE", action="append", default=[],
                   help=_("a governorate it works in, by its code (may be repeated)"))  # fmt: skip
    p.add_argument("--training", metavar="ID", type=record_id, action="append", default=[],
                   help=_("a training or meeting of it (may be repeated)"))  # fmt: skip
    p.add_argument("--agreement", metavar="ID", type=record_id, action="append", default=[],
                   help=_("an agreement it belongs to (may be repeated)"))  # fmt: skip

    p = _subcommand(parsers["meetings"], "add", _("record a meeting, or a monthly or weekly series of them"),
                    cmd_meetings_add, "meetings add")  # fmt: skip
    p.add_argument("title", metavar="TITLE", help=_("the meeting's title"))
    p.add_argument("--date", metavar="DATE", type=iso_date, help=_("its day (a series: the first meeting is on or after it)"))
    p.add_argument("--start", metavar="HH:MM", help=_("when it starts"))
    p.add_argument("--end", metavar="HH:MM", help=_("when it ends"))
    p.add_argument("--venue", metavar="PLACE", help=_("where it is held (online: the link or the platform)"))
    p.add_argument("--online", action="store_true", help=_("held online"))
    p.add_argument("--organizer", metavar="ORG", type=record_id, help=_("the organizing organization's number"))
    p.add_argument("--invite-organization", metavar="ORG", type=record_id, action="append", default=[],
                   help=_("an organization invited (may be repeated)"))  # fmt: skip
    p.add_argument("--invite-person", metavar="PERSON", type=record_id, action="append", default=[],
                   help=_("a person invited (may be repeated)"))  # fmt: skip
    p.add_argument("--invite-training", metavar="ID", type=record_id,
                   help=_("invite the participants of this training or meeting"))  # fmt: skip
    p.add_argument("--initiative", metavar="ID", type=record_id, action="append", default=[],
                   help=_("an initiative it follows up (may be repeated)"))  # fmt: skip
    p.add_argument("--agenda", metavar="TEXT", help=_("the agenda"))
    p.add_argument("--repeat", choices=["monthly", "weekly"], help=_("create a series of meetings ahead"))
    p.add_argument("--weekday", metavar="DAY", help=_("a series' day of the week, by its name (English or Arabic) or its number (0 Monday … 6 Sunday)"))
    p.add_argument("--week", type=int, choices=[1, 2, 3, 4, -1], default=1,
                   help=_("a monthly series' week of the month (-1: the last)"))  # fmt: skip
    p.add_argument("--count", type=int, default=6, help=_("how many meetings of the series to create ahead"))

    p = _subcommand(parsers["meetings"], "minutes", _("record a meeting's agenda, minutes and decisions"),
                    cmd_meetings_minutes, "meetings minutes")  # fmt: skip
    p.add_argument("meeting_id", metavar="MEETING_ID", type=record_id, help=_("the meeting's number"))
    p.add_argument("--agenda", metavar="TEXT", help=_("the agenda"))
    p.add_argument("--minutes", metavar="TEXT", help=_("the minutes"))
    p.add_argument("--decisions", metavar="TEXT", help=_("the decisions, one a line"))
    p.add_argument("--actions", action="store_true",
                   help=_("turn each decision into an open action item of the meeting"))  # fmt: skip

    p = _subcommand(parsers["actions"], "add", _("record an action item"), cmd_actions_add, "actions add")
    p.add_argument("title", metavar="WHAT", help=_("what is to be done"))
    p.add_argument("--organization", metavar="ORG", type=record_id, help=_("the organization that owns it"))
    p.add_argument("--person", metavar="PERSON", type=record_id, help=_("the person who owns it"))
    p.add_argument("--due", metavar="DATE", type=iso_date, help=_("its due date"))
    p.add_argument("--training", metavar="ID", type=record_id,
                   help=_("the training (a recommendation) or meeting (a decision) it comes from"))  # fmt: skip
    p.add_argument("--initiative", metavar="ID", type=record_id, help=_("the initiative it belongs to"))
    p.add_argument("--notes", metavar="TEXT", help=_("notes"))

    p = _subcommand(parsers["actions"], "done", _("mark an action item done"), cmd_actions_done, "actions done")
    p.add_argument("action_id", metavar="ID", type=record_id, help=_("the action item's number"))
    p.add_argument("--on", metavar="DATE", type=iso_date, help=_("the day it was done (default: today)"))


def _pairs(values: list[str], flag: str, parts: int) -> list[tuple[int, list[str]]]:
    """ "12:34:رئيس المجلس" → (12, ["34", "رئيس المجلس"]): a number, then up to `parts` more fields."""
    from desktop_app.errors import ValidationError

    result = []
    for value in values:
        head, *rest = value.split(":", parts)
        try:
            number = record_id(head.strip())
        except argparse.ArgumentTypeError:
            raise ValidationError(flag, _("{flag} starts with a record's number: {value}").format(
                flag=f"--{flag}", value=value)) from None  # fmt: skip
        result.append((number, [r.strip() for r in rest]))
    return result


def _network_filter(args: argparse.Namespace) -> Any:
    from desktop_app.services.network import NetworkFilter

    return NetworkFilter(args.date_from, args.date_to, tuple(args.governorate), tuple(args.organization_kind),
                         args.training, args.initiative)  # fmt: skip


def cmd_network(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services import network_documents
    from desktop_app.services.network import network

    if args.output:
        if Path(args.output).suffix.lower() != ".pdf":
            raise DataError(_("The network is written to a file ending in .pdf."))
        check_new_output(args, args.output)
    db = open_db(args, check=bool(args.output))
    flt = _network_filter(args)
    result = network(db, flt, with_layout=bool(args.output))
    if args.output:
        pages = network_documents.write_network_pdf(db, flt, Path(args.output), replace=args.force, result=result)
        if not args.json:
            print(_("{path} ({pages} pages)").format(path=args.output, pages=pages))
    if args.json:
        print_json(result.as_json())
        return EXIT_OK
    if args.output:
        return EXIT_OK
    names = {n.id: n.name for n in result.nodes}
    print(_("{orgs} organizations, {links} links").format(orgs=len(result.nodes), links=len(result.edges)))
    print(_("New links: {n} between {m} organizations").format(n=len(result.new_links), m=result.new_link_organizations))
    for link in result.new_links:
        print(f"  {names[link.source]} — {names[link.target]}\t{link.via_kind} {link.via_id}")
    print(_("Most connected:"))
    for org_id, degree in result.most_connected:
        print(f"  {org_id}\t{names[org_id]}\t{degree}")
    print(_("Reached once and never since: {n}").format(n=len(result.once)))
    for org_id in result.once:
        print(f"  {org_id}\t{names[org_id]}")
    print(_("Quiet links (nothing shared in 12 months): {n}").format(n=len(result.quiet)))
    for q in result.quiet:
        print(f"  {names[q.source]} — {names[q.target]}\t{q.last.isoformat() if q.last else '—'}")
    return EXIT_OK


def _iso(day: Any) -> str:
    return day.isoformat() if day else "—"


def cmd_agreements(args: argparse.Namespace) -> int:
    from desktop_app.services.agreements import list_agreements

    rows = list_agreements(open_db(args), include_archived=args.all)
    if args.json:
        print_json([a.as_json() for a in rows])
        return EXIT_OK
    if not rows:
        print(_("No agreements yet."))
    for a in rows:
        print("\t".join([str(a.id), a.title, a.kind, a.status, _iso(a.signed_on), _iso(a.end_date),
                         " + ".join(p.organization for p in a.parties)]))  # fmt: skip
    return EXIT_OK


def cmd_agreements_add(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.services.agreements import AgreementData, PartyData, create_agreement

    parties = []
    for org, rest in _pairs(args.party, "party", 2):
        signatory = record_id(rest[0]) if rest and rest[0] else None
        parties.append(PartyData(org, signatory, rest[1] if len(rest) > 1 else None))
    data = AgreementData(args.title, args.kind, args.status, args.signed_on, args.start, args.end, args.summary,
                         parties, list(args.training), list(args.initiative))  # fmt: skip
    agreement_id = create_agreement(open_db(args), data, document=Path(args.document) if args.document else None)
    return _added(args, agreement_id, _("Added agreement {id}: {name}").format(id=agreement_id, name=args.title))


def _added(args: argparse.Namespace, record: int, message: str) -> int:
    if args.json:
        print_json({"id": record})
    else:
        print(message)
    return EXIT_OK


def cmd_initiatives(args: argparse.Namespace) -> int:
    from desktop_app.services.initiatives import list_initiatives

    rows = list_initiatives(open_db(args), include_archived=args.all)
    if args.json:
        print_json([i.as_json() for i in rows])
        return EXIT_OK
    if not rows:
        print(_("No initiatives yet."))
    for i in rows:
        print("\t".join([str(i.id), i.name, i.status, i.lead_organization or "—", _iso(i.start_date),
                         " + ".join(name for _id, name, _role in i.partners) or "—"]))  # fmt: skip
    return EXIT_OK


def cmd_initiatives_add(args: argparse.Namespace) -> int:
    from desktop_app.services.initiatives import InitiativeData, create_initiative

    data = InitiativeData(
        args.name, args.lead, [(org, rest[0] if rest else None) for org, rest in _pairs(args.partner, "partner", 1)],
        args.date_from, args.date_to, args.status, args.goals, list(args.governorate),
        [(person, rest[0] if rest else None) for person, rest in _pairs(args.person, "person", 1)],
        list(args.training), list(args.agreement),
    )  # fmt: skip
    initiative_id = create_initiative(open_db(args), data)
    return _added(args, initiative_id, _("Added initiative {id}: {name}").format(id=initiative_id, name=args.name))


def cmd_meetings(args: argparse.Namespace) -> int:
    from desktop_app import clock
    from desktop_app.services.meetings import list_meetings

    rows = list_meetings(open_db(args), include_archived=args.all)
    if args.json:
        print_json([m.as_json() for m in rows])
        return EXIT_OK
    if not rows:
        print(_("No meetings yet."))
    today = clock.today()
    for m in rows:
        when = m.date.isoformat() + (" " + m.start_time.strftime("%H:%M") if m.start_time else "")
        print("\t".join([str(m.id), when, m.title, m.state(today), f"{m.attended}/{m.invited}",
                         m.organizer or "—"]))  # fmt: skip
    return EXIT_OK


def cmd_meetings_add(args: argparse.Namespace) -> int:
    from desktop_app.errors import ValidationError
    from desktop_app.services import meetings

    db = open_db(args)
    if args.repeat:
        if not args.weekday:
            raise ValidationError("weekday", _("A series needs --weekday."))
        series = meetings.create_series(db, meetings.SeriesData(
            args.title, args.weekday, args.repeat, args.week, args.start, args.end, args.venue, args.online,
            args.organizer, args.date, args.count, args.invite_training, list(args.invite_person),
            list(args.invite_organization), list(args.initiative), args.agenda,
        ))  # fmt: skip
        if args.json:
            print_json({"series": series.series_id, "meetings": [
                {"id": i, "date": d.isoformat()} for i, d in zip(series.meeting_ids, series.dates, strict=True)]})  # fmt: skip
            return EXIT_OK
        print(_("Added a series of {n} meetings:").format(n=len(series.meeting_ids)))
        for meeting_id, day in zip(series.meeting_ids, series.dates, strict=True):
            print(f"{meeting_id}\t{day.isoformat()}")
        return EXIT_OK
    if args.date is None:
        raise ValidationError("date", _("A meeting needs --date."))
    meeting_id = meetings.create_meeting(db, meetings.MeetingData(
        args.title, args.date, args.start, args.end, args.venue, args.online, args.organizer,
        invited_organization_ids=list(args.invite_organization), agenda=args.agenda,
        initiative_ids=list(args.initiative),
    ), invite_people=list(args.invite_person), invite_training_id=args.invite_training)  # fmt: skip
    return _added(args, meeting_id, _("Added meeting {id}: {name}").format(id=meeting_id, name=args.title))


def cmd_meetings_minutes(args: argparse.Namespace) -> int:
    from desktop_app.services import meetings

    given = {k: getattr(args, k) for k in ("agenda", "minutes", "decisions") if getattr(args, k) is not None}
    created = meetings.record_minutes_and_actions(open_db(args), args.meeting_id, given, make_actions=args.actions)
    if args.json:
        print_json({"id": args.meeting_id, "actions": list(created)})
    else:
        print(_("Minutes recorded for meeting {id}.").format(id=args.meeting_id))
        for action_id in created:
            print(_("Added action item {id}").format(id=action_id))
    return EXIT_OK


def cmd_actions(args: argparse.Namespace) -> int:
    from desktop_app.services.actions import ActionFilter, list_actions

    rows = list_actions(open_db(args), ActionFilter(args.status, args.overdue, args.organization,
                                                    training_id=args.training))  # fmt: skip
    if args.json:
        print_json([a.as_json() for a in rows])
        return EXIT_OK
    if not rows:
        print(_("No action items."))
    for a in rows:
        state = _("overdue") if a.overdue else a.status
        print("\t".join([str(a.id), _iso(a.due_date), state, a.title, a.owner or "—", a.source_title or "—"]))
    return EXIT_OK


def cmd_actions_add(args: argparse.Namespace) -> int:
    from desktop_app.services.actions import ActionData, create_action

    action_id = create_action(open_db(args), ActionData(
        args.title, args.organization, args.person, args.due, training_id=args.training,
        initiative_id=args.initiative, notes=args.notes,
    ))  # fmt: skip
    return _added(args, action_id, _("Added action item {id}").format(id=action_id))


def cmd_actions_done(args: argparse.Namespace) -> int:
    from desktop_app.services.actions import mark_done

    row = mark_done(open_db(args), args.action_id, args.on)
    if args.json:
        print_json(row.as_json())
    else:
        print(_("Action item {id} done on {day}.").format(id=row.id, day=_iso(row.done_on)))
    return EXIT_OK


def cmd_screenshots(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop_app.views.screenshots import take_screenshots

    language = args.lang or i18n.language()
    # Only a database named explicitly: never the user's own by default.
    problems: list[str] = []
    saved = take_screenshots(
        Path(args.outdir), args.db, language, held_lock=getattr(args, "held_lock", None), size=args.size,
        problems=problems,
    )  # fmt: skip
    for path in saved:
        print(path)
    for problem in problems:  # for whoever looks at the pictures: what to look at first
        print(_("Look at: {problem}").format(problem=problem), file=sys.stderr)
    return EXIT_OK


def _screen_size(text: str) -> tuple[int, int]:
    """"1024x600" (or 1024×600) as (1024, 600), each side between 320 and 7680 pixels."""
    match = re.fullmatch(r"\s*(\d{3,4})\s*[xX×]\s*(\d{3,4})\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(_("a size is written WIDTHxHEIGHT, such as 1024x600"))
    width, height = int(match.group(1)), int(match.group(2))
    if not (320 <= width <= 7680 and 320 <= height <= 7680):
        raise argparse.ArgumentTypeError(_("each side is between 320 and 7680 pixels"))
    return width, height


# ---------------------------------------------------------------- entry points


def main(argv: Sequence[str] | None = None) -> int:
    collector.quiet_start()
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    finally:
        collector.usual()  # for callers that go on (tests call main in their own process)


def _run(argv: list[str]) -> int:
    settings = config.load_settings()
    i18n.set_language(_language_hint(argv) or settings.language or i18n.DEFAULT_LANGUAGE)
    # argparse looks its messages up through a module-level gettext function: route it to ours.
    argparse._ = i18n._  # type: ignore[attr-defined]
    parser = build_parser(chosen_command(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as leaving:  # --help, --version, or a usage error already printed
        return int(leaving.code or 0)
    if args.lang:
        i18n.set_language(args.lang)
    handler = getattr(args, "handler", None)
    if handler is None:
        from desktop_app.app import run_window

        return run_window(
            database_target(args) if (args.db or os.environ.get("TASHBEEK_DB")) else None, args.lang,
            kiosk=args.kiosk,
        )  # fmt: skip
    if args.kiosk is not None:
        print(_("--kiosk opens the window: it cannot be combined with a command."), file=sys.stderr)
        return EXIT_USAGE
    as_json = bool(getattr(args, "json", False))
    try:
        with _writer_lock(args):
            try:
                return int(handler(args))
            finally:
                # Its connections closed now, not whenever the collector finds them: SQLite folds its
                # write-ahead log into the file on the last close, and that must not happen later,
                # in the middle of whatever the caller does next (tests run commands in one process).
                for workspace in getattr(args, "opened", []):
                    workspace.close()
    except TashbeekError as exc:
        return _refuse(exc, as_json)
    except OSError as exc:
        from desktop_app.errors import file_problem

        return _refuse(file_problem(exc), as_json)
    except KeyboardInterrupt:
        print(_("Interrupted."), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place every other failure ends
        from desktop_app.errors import database_problem

        known = database_problem(exc) if _is_database_error(exc) else None
        if known is not None:
            return _refuse(known, as_json)
        return _unexpected(exc, argv, as_json)


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    return isinstance(exc, SQLAlchemyError | sqlite3.Error)


def command_words(parser: argparse.ArgumentParser) -> set[str]:
    """Every command and action name of the parser (search, import, people, …), at any depth."""
    words: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                words.add(name)
                words |= command_words(sub)
    return words


def _refuse(exc: TashbeekError, as_json: bool) -> int:
    """A failure the user can act on: one sentence, the documented exit code, JSON when asked."""
    from desktop_app.errors import OutputExistsError

    message = exc.message
    if isinstance(exc, OutputExistsError) and "--force" not in message:
        message += " " + _("Add --force to replace it.")
    if as_json:
        print_json({"error": {"code": exc.exit_code, "message": message}})
    else:
        print(message, file=sys.stderr)
    return exc.exit_code


def _unexpected(exc: BaseException, argv: Sequence[str], as_json: bool) -> int:
    """A bug: the details go to the log (without any argument's value: they can be names, phones or
    national IDs), the user gets a short sentence saying where."""
    import logging

    from desktop_app.logs import command_outline, exception_outline, setup_logging

    log_path = setup_logging()
    logging.getLogger("desktop_app.cli").error(
        "unexpected error in `tashbeek %s`: %s",
        command_outline(argv, command_words(build_parser())),
        exception_outline(exc),
    )
    message = _("An unexpected error happened; the details are in {path}.").format(path=log_path)
    if as_json:
        print_json({"error": {"code": EXIT_REFUSED, "message": message}})
    else:
        print(message, file=sys.stderr)
    return EXIT_REFUSED


@contextlib.contextmanager
def _writer_lock(args: argparse.Namespace) -> Iterator[None]:
    """Writing commands hold the database's one-writer lock (SQLite files only) for as long as they
    run; readers don't: the table in `desktop_app.access` says which is which. A file on a network
    share gets a warning: SQLite's locking is not safe there."""
    from desktop_app.access import COMMANDS, CREATES, Access
    from desktop_app.services.workspace import claimed, locate

    command_path = getattr(args, "command_path", "")
    location = locate(database_target(args))
    if location.on_network_share():
        print(_("Warning: {path} is on a network share, where SQLite can lose data; use PostgreSQL for a shared database.")
              .format(path=location.path), file=sys.stderr)  # fmt: skip
    # screenshots without --db writes only to a temporary database of its own.
    own_database = command_path == "screenshots" and not args.db
    if COMMANDS[command_path] is not Access.WRITER or own_database:
        yield
        return
    with claimed(location, make_folder=command_path in CREATES, wait=getattr(args, "wait", 0.0)) as lock:
        args.held_lock = lock
        yield


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
