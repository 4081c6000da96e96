"""Write files so that a reader only ever sees the old or the new content.

Every file the tool writes goes through :func:`write_atomic`: a temporary file
in the same folder, flushed and fsynced, then renamed over the target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from brief.errors import Problem, UserError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` in one step; never leaves a torn file."""
    path = Path(path)
    _make_folder(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); keep the old file's mode, or the usual umask one.
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _make_folder(path: Path) -> None:
    """Make the folder ``path`` goes in; a folder that cannot be (a file of that name, no permission) is the
    user's error, reported before anything is written."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = "it is a file, not a folder" if folder.exists() else _why_not_made(folder, error)
        raise UserError(Problem(f"cannot write {path.name} into {folder}: {reason}",
                                hint="give a folder that can be written to (it is made if it does not exist)")) \
            from error


def _why_not_made(folder: Path, error: OSError) -> str:
    """Why ``folder``, which does not exist, could not be made: a file stands where a folder above it should
    ("notes is a file, not a folder"), or the system's reason ("/proc/out": no such file or directory)."""
    standing = next((parent for parent in folder.parents if parent.exists()), None)
    if standing is not None and not standing.is_dir():
        return f"{standing} is a file, not a folder"
    return f"the folder cannot be made ({(error.strerror or str(error)).lower()})"


@contextlib.contextmanager
def update_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for a read-modify-write of ``path``.

    Two writers of the same file (two TUI windows, or the TUI and a script) take
    turns: each reads the file as the other left it, so neither change is lost.
    The lock lives in a ``.lock`` file beside the target; without fcntl it is a no-op.
    """
    path = Path(path)
    _make_folder(path)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    with open(path.with_name(f".{path.name}.lock"), "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
