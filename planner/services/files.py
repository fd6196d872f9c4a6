"""Reading input files safely (only regular files, never more than a limit) and writing output
files safely (whole or not at all, readable by the owner only)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from planner.domain.errors import HerstelplanError
from planner.domain.messages import msg


class UnreadableFile(HerstelplanError):
    """A chosen input file that is not a regular file, too large, or cannot be read."""


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (a link is followed), at most `limit` of them.

    A device (/dev/zero), a pipe (which would wait for ever), a socket or a folder is refused
    before a byte is read, and a file that grows past `limit` while it is read is refused too.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise UnreadableFile(msg("{path} cannot be read: {reason}.", path=str(path),
                                 reason=error.strerror or str(error))) from error
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableFile(msg("{path} is not a regular file (it is a folder, a device or a pipe). "
                                     "Choose a file.", path=str(path)))
        if os.fstat(fd).st_size > limit:
            raise UnreadableFile(msg("{path} is larger than {mb} MB. Choose a smaller file.",
                                     path=str(path), mb=limit / 1_000_000))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableFile(msg("{path} is larger than {mb} MB. Choose a smaller file.",
                                     path=str(path), mb=limit / 1_000_000))
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(msg("{path} cannot be read: {reason}.", path=str(path),
                                 reason=error.strerror or str(error))) from error
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a 0600 temporary file in the same folder, fsynced and then
    renamed into place, so a crash or a full disk never leaves half a file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
