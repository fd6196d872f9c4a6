"""One running Herstelplan per database: a second start brings the first window forward, or says
where the database is open and exits.

The lock is a QLockFile next to the SQLite file (a second computer using the same file on a shared
folder sees it too) or, for a server URL, in the data folder. It records process, program and
computer, so a lock left by a crash is recognised and taken over. The first program listens on a
QLocalServer (a socket in the user's own temp folder, never the network); a second start connects,
asks it to come forward, and exits.

Use at application start, before the main window is built:

    claimed = instance.claim(database_url(database))
    if claimed.guard is None:
        return instance.report_second_start(claimed)
    ...
    claimed.guard.activation_requested.connect(lambda: instance.bring_forward(window))
"""

from __future__ import annotations

import getpass
import hashlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:  # QtNetwork loads when the program starts listening, after the first paint
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

from planner.i18n import _
from planner.paths import instance_lock_path

_ACTIVATE = b"activate\n"
_OK = b"ok\n"


def server_name(url: str) -> str:
    """A local-socket name per user and database (the same on every start)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    digest = hashlib.sha256(f"{user}\0{instance_lock_path(url)}".encode()).hexdigest()[:20]
    return f"herstelplan-{digest}"


class InstanceGuard(QObject):
    """Holds the database's lock and answers a second start; `activation_requested` fires when one
    asked this program to come forward."""

    activation_requested = Signal()

    def __init__(self, url: str, parent: QObject | None = None):
        super().__init__(parent)
        self.url = url
        self.lock_path = instance_lock_path(url)
        self.lock = QLockFile(str(self.lock_path))
        self.lock.setStaleLockTime(0)  # never stale by age: only a dead process's lock is taken over
        self.name = server_name(url)
        self.server: QLocalServer | None = None
        self._connections: list[QLocalSocket] = []  # answered sockets, closed with the server

    def acquire(self, *, listen: bool = True) -> bool:
        """Take the lock and (unless `listen` is False: call listen() later) start listening for a
        second start; False when another running program holds the lock."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer second starts from now on (QtNetwork is loaded here, not at start-up)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None:
            return
        QLocalServer.removeServer(self.name)  # a socket file left by a crash
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._answer)
        self.server.listen(self.name)

    def _answer(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            self._connections.append(connection)
            connection.readyRead.connect(self._ready)
            if connection.bytesAvailable():
                self._read(connection)

    def _ready(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        connection = self.sender()
        if isinstance(connection, QLocalSocket):
            self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(_ACTIVATE.strip()):
            connection.write(_OK)
            connection.flush()
            self.activation_requested.emit()

    def forward(self, timeout_ms: int = 3000) -> bool:
        """From a second start: ask the running program to come forward; True when it answered."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(_ACTIVATE)
        socket.waitForBytesWritten(timeout_ms)
        answered = socket.waitForReadyRead(timeout_ms) and bytes(socket.readAll().data()).startswith(_OK.strip())
        socket.disconnectFromServer()
        return answered

    def holder(self) -> str:
        """'process N on COMPUTER' of the program holding the lock, as far as the lock file tells."""
        info = self.lock.getLockInfo()  # (pid, hostname, appname); pid 0 when it cannot be read
        pid, host = (info[0], info[1]) if isinstance(info, tuple) and len(info) >= 2 else (0, "")
        if not pid:
            return _("another program")
        return _("process %(pid)d on %(host)s") % {"pid": pid, "host": host or "?"}

    def release(self) -> None:
        for connection in self._connections:
            connection.readyRead.disconnect(self._ready)
            connection.abort()
        self._connections.clear()
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()


@dataclass(frozen=True)
class Claim:
    """The outcome of a start: the guard (first program), or why this start must end."""

    guard: InstanceGuard | None
    forwarded: bool = False  # a second start whose first program came forward
    message: str = ""


def claim(url: str, *, listen: bool = True) -> Claim:
    """The guard for the first program on `url`; for a second start, ask the first to come forward
    and say what happened and what to do. With `listen` False the first program calls
    `guard.listen()` itself (after its window painted)."""
    guard = InstanceGuard(url)
    if guard.acquire(listen=listen):
        return Claim(guard)
    if guard.forward():
        return Claim(None, True, _("Herstelplan is already open with this database; its window has "
                                   "been brought to the front."))
    return Claim(None, False, _("Herstelplan already has this database open (%(holder)s). Close it "
                                "there first, then start Herstelplan again.") % {"holder": guard.holder()})


def report_second_start(claimed: Claim, *, parent: QWidget | None = None, show_box: bool = True) -> int:
    """Tell a second start what happened: a line on stderr when the first window came forward (exit
    0); also a message box when it did not (exit 1)."""
    print(f"herstelplan: {claimed.message}", file=sys.stderr)
    if claimed.forwarded:
        return 0
    if show_box:
        QMessageBox.warning(parent, _("Herstelplan"), claimed.message)
    return 1


def bring_forward(window: QWidget | None) -> None:
    """Show `window` on top: out of the task bar if minimised, raised and active."""
    if window is None:
        return
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
