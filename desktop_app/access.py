"""Readers and writers: the one table that says, for every command of the command line and every
action of the window, whether it writes to the database.

A writer needs the database's one-writer lock (`desktop_app.lock`): a writing command takes it for
as long as it runs and is refused (exit 1) while another program holds it; the window takes it when
it opens, or opens read-only and then refuses every writing action before it starts (and SQLite's
`query_only` refuses any write that would slip through). A reader works whoever writes.

Migrating the schema writes too: only writers open a database that needs an upgrade.
Tests keep both tables complete: every subcommand the parser knows and every action a screen
offers is listed here, and nothing else.

Roles: once a database has accounts (desktop_app.services.accounts), each command and action also
needs a role: ROLES below names the least one. The roles are ordered, each allowed what the ones
below it are: check-in (the check-in screen and walk-ins, for volunteers at a venue) < staff
(registry, trainings, meetings, documents, imports, exports) < administrator (settings, accounts,
signatories, restore, merges). This is the only place that says which role does what.
"""

from __future__ import annotations

import enum


class Access(enum.StrEnum):
    READER = "reader"
    WRITER = "writer"


READER, WRITER = Access.READER, Access.WRITER


class Role(enum.StrEnum):
    CHECKIN = "checkin"
    STAFF = "staff"
    ADMINISTRATOR = "administrator"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def allows(self, needed: Role) -> bool:
        """Whether this role may do what `needed` may (a higher role may do everything below it)."""
        return self.rank >= needed.rank


_RANKS = {Role.CHECKIN: 0, Role.STAFF: 1, Role.ADMINISTRATOR: 2}
CHECKIN, STAFF, ADMINISTRATOR = Role.CHECKIN, Role.STAFF, Role.ADMINISTRATOR

# Command line, by the words that name the command ("package conflicts resolve").
COMMANDS: dict[str, Access] = {
    "demo": WRITER,
    "db init": WRITER,
    "db upgrade": WRITER,
    "db check": READER,
    "search": READER,
    "trainings": READER,
    "trainings update": WRITER,
    "templates list": READER,
    "templates export": READER,
    "templates import": WRITER,
    "people update": WRITER,
    "enroll": WRITER,
    "checkin": WRITER,
    "attendance": READER,
    "certificates": WRITER,  # issues and numbers certificates before printing them
    "sheet": READER,
    "report": READER,
    "badges": READER,
    "directory": READER,
    "import people": WRITER,  # --dry-run too: it may still need the schema upgraded
    "import organizations": WRITER,
    "export people": READER,
    "export organizations": READER,
    "export attendance": READER,
    "export agreements": READER,
    "export initiatives": READER,
    "export meetings": READER,
    "export actions": READER,
    "export links": READER,
    "duplicates": READER,
    "backup": READER,  # a consistent copy through SQLite's online backup API
    "restore": WRITER,
    "package export": READER,
    "package import": WRITER,
    "package conflicts": READER,
    "package conflicts resolve": WRITER,
    "verify": READER,
    "revoke": WRITER,
    "stats": READER,
    "projects list": READER,
    "projects add": WRITER,
    "projects target": WRITER,
    "network": READER,
    "agreements": READER,
    "agreements add": WRITER,
    "initiatives": READER,
    "initiatives add": WRITER,
    "meetings": READER,
    "meetings add": WRITER,
    "meetings minutes": WRITER,
    "actions": READER,
    "actions add": WRITER,
    "actions done": WRITER,
    "accounts list": READER,
    "accounts add": WRITER,
    "accounts disable": WRITER,
    "accounts passwd": WRITER,
    "accounts role": WRITER,
    "screenshots": WRITER,  # with --db it issues certificates and adds people; without, a temporary database
}

# Commands that may make a new database file (and its folder); every other one refuses a missing file.
CREATES: frozenset[str] = frozenset({"demo", "db init", "package import", "restore"})

# The window's actions, by screen.
WINDOW_ACTIONS: dict[str, Access] = {
    # Home
    "demo.load": WRITER,
    # People and organizations
    "person.new": WRITER,
    "person.save": WRITER,
    "person.archive": WRITER,
    "organization.new": WRITER,
    "organization.save": WRITER,
    "organization.archive": WRITER,
    # Trainings
    "training.new": WRITER,
    "training.edit": WRITER,
    "session.edit": WRITER,  # add, change or remove a training's sessions
    "training.enroll": WRITER,
    "training.groups": WRITER,
    "enrollment.edit": WRITER,
    # Check-in and attendance
    "checkin.check_in": WRITER,
    "checkin.undo": WRITER,
    "checkin.walk_in": WRITER,
    "checkin.kiosk": WRITER,  # full-screen check-in: it only checks people in
    "attendance.edit": WRITER,
    # Documents
    "certificates.issue": WRITER,
    "certificates.design": WRITER,
    "templates.design": WRITER,  # the designer saves templates and picks them for trainings
    "certificates.revoke": WRITER,
    "certificates.print": READER,
    "certificates.verify": READER,
    "documents.print": READER,  # sign-in sheet, report, badges, directory
    "document.print": READER,  # any PDF on screen to a printer (Ctrl+P), through Qt's print dialog
    # Statistics
    "statistics.report": READER,  # the donor report and the people behind a figure, to files
    "statistics.age_bands": WRITER,
    "projects.edit": WRITER,  # a project, its trainings and its targets
    # Partner network
    "network.export": READER,  # the map as PNG or PDF
    "network.print": READER,  # minutes, an agreement's summary sheet
    "agreement.edit": WRITER,  # a new or edited agreement, its signed copy
    "agreement.archive": WRITER,
    "agreement.document": READER,  # open the signed copy with the system's viewer
    "initiative.edit": WRITER,  # a new or edited initiative, its partners' roles and its people
    "initiative.archive": WRITER,
    "meeting.edit": WRITER,  # a meeting or a monthly series; a meeting edited
    "meeting.archive": WRITER,
    "meeting.minutes": WRITER,  # agenda, minutes, decisions (and their action items)
    "action.edit": WRITER,  # a new or edited action item, marked done
    # Settings
    "settings.organization": WRITER,
    "settings.machine": READER,  # this computer's settings file, not the database
    "settings.accounts": WRITER,  # add, disable, change a role, reset a password
    # Tools
    "import.file": WRITER,
    "export.file": READER,
    "people.export": READER,  # the People list as filtered, to .xlsx, .csv or .vcf
    "duplicates.merge": WRITER,
    "backup.make": READER,
    "backup.restore": WRITER,
    "package.export": READER,
    "package.import": WRITER,
    "package.new_database": READER,  # writes a new database of its own, under that one's lock
    "conflicts.resolve": WRITER,
}

# The least role each command and each window action needs once the database has accounts (keys:
# COMMANDS' and WINDOW_ACTIONS' own, "command:" before a command's words). Anything not named here
# needs staff (the tests keep the names equal to the tables above).
ROLES: dict[str, Role] = {
    # The command line: a volunteer checks people in and sees the session's attendance…
    "command:checkin": CHECKIN,
    "command:attendance": CHECKIN,
    "command:db check": CHECKIN,
    # …the administrator changes the schema, restores, resolves merges, manages accounts.
    "command:db upgrade": ADMINISTRATOR,
    "command:restore": ADMINISTRATOR,
    "command:package conflicts resolve": ADMINISTRATOR,
    "command:accounts list": ADMINISTRATOR,
    "command:accounts add": ADMINISTRATOR,
    "command:accounts disable": ADMINISTRATOR,
    "command:accounts passwd": CHECKIN,  # one's own; the service lets only an administrator set another's
    "command:accounts role": ADMINISTRATOR,
    # The window.
    "checkin.check_in": CHECKIN,
    "checkin.undo": CHECKIN,
    "checkin.walk_in": CHECKIN,
    "settings.organization": ADMINISTRATOR,  # identity, signatories, serials
    "settings.accounts": ADMINISTRATOR,
    "duplicates.merge": ADMINISTRATOR,
    "backup.restore": ADMINISTRATOR,
    "conflicts.resolve": ADMINISTRATOR,
}


# The window's sections (main_window.SECTIONS) by the least role that sees them; the others need staff.
SECTION_ROLES: dict[str, Role] = {"checkin": CHECKIN}


def section_role(section: str) -> Role:
    return SECTION_ROLES.get(section, STAFF)


def command_role(words: str) -> Role:
    """The least role the command (by its words, "accounts add") needs."""
    return ROLES.get(f"command:{words}", STAFF)


def action_role(action: str) -> Role:
    """The least role the window action ("backup.restore") needs."""
    return ROLES.get(action, STAFF)
