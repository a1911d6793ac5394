"""What every screen shares: the workspace (the open database), this machine's settings, a change
bus, and the gate every window action passes (`may`), which refuses a writer while the window is
read-only.

Screens never hold a session or ORM objects. Their work goes through the one runner (`runner.run`
for long work with progress and Cancel, `call` for a short write they wait for), which runs it off
the GUI thread and announces what changed (`services.changes.Change`); each screen refreshes only for
the changes that concern it (as Anki's operations do). Which actions write is said once, in
`desktop_app.access.WINDOW_ACTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.access import WINDOW_ACTIONS, Access, Role, action_role
from desktop_app.config import MachineSettings
from desktop_app.services.changes import Change
from desktop_app.services.sign_in import AccountRow, role_name
from desktop_app.services.workspace import Database, Workspace
from desktop_app.views.operations import Changes, Runner

T = TypeVar("T")


class DataBus(QObject):
    """What changed, as the runner announces it: a Change, and the widget whose work made it (or None)."""

    change = Signal(object, object)


class AppContext:
    def __init__(self, workspace: Workspace | Database, settings: MachineSettings, language: str) -> None:
        self.workspace = workspace if isinstance(workspace, Workspace) else Workspace.of(workspace)
        self.settings = settings
        self.language = language
        self.bus = DataBus()
        self.runner = Runner(self.announce)
        self.asked: set[str] = set()  # the actions that went through the gate (tests read it)
        # Who is signed in: None while the database has no accounts (one operator, as before).
        self.account: AccountRow | None = None

    def announce(self, change: Change, origin: QWidget | None = None) -> None:
        """Tell every screen what changed (`origin`: the widget whose work changed it)."""
        self.bus.change.emit(change, origin)

    def call(self, parent: QWidget | None, work: Callable[[Database], T], *, changes: Changes = ()) -> T:
        """Short work on the database, off the GUI thread, waited for (see `Runner.call`)."""
        db = self.db
        return self.runner.call(parent, lambda: work(db), changes=changes)

    @property
    def db(self) -> Database:
        """The open database (owned by the workspace: a restore swaps the file under it)."""
        return self.workspace.db

    def allows(self, action: str) -> bool:
        """Whether the action may run here: the signed-in account's role allows it, and it reads or
        the window is not read-only."""
        if self.role_needed(action) is not None:
            return False
        return WINDOW_ACTIONS[action] is Access.READER or not self.db.read_only

    def role_needed(self, action: str) -> Role | None:
        """The role the action needs when the signed-in account's is not enough (None: allowed)."""
        needed = action_role(action)
        if self.account is None or self.account.role.allows(needed):
            return None
        return needed

    def refusal(self, action: str) -> str:
        """The tooltip of a control the account's role may not use ("" when it may)."""
        needed = self.role_needed(action)
        if needed is None:
            return ""
        return QCoreApplication.translate("AppContext", "Needs the {role} role").format(role=role_name(needed))

    def may(self, action: str, parent: QWidget | None = None) -> bool:
        """The gate at the start of every window action: False (after saying why) for an action the
        signed-in account's role may not do, or a writer in a read-only window, before anything is
        asked or written."""
        self.asked.add(action)
        if self.allows(action):
            return True
        needed = self.role_needed(action)
        if needed is not None:
            assert self.account is not None
            QMessageBox.information(
                parent,
                QCoreApplication.translate("AppContext", "Not for this account"),
                QCoreApplication.translate(
                    "AppContext", "This needs the {role} role; {name} has the {own} role."
                ).format(role=role_name(needed), name=self.account.name, own=role_name(self.account.role)),
            )
            return False
        QMessageBox.information(
            parent,
            QCoreApplication.translate("AppContext", "Read-only"),
            QCoreApplication.translate(
                "AppContext",
                "This database is open read-only because another program is writing to it. Close that "
                "program, then open the database again to make changes.",
            ),
        )
        return False

