"""Writing files so that a reader never sees half of one, and nothing but the file is touched.

Data goes to a temporary file beside the target, which is then renamed over it. The target is
the file a symbolic link points to; an existing file keeps its permissions; a device, a pipe
or a folder at the path is never replaced; an input of the same run is never overwritten.
``-`` is standard output.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import GraphError

STDOUT = "-"


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def check_destination(destination: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path | None:
    """The regular file a write to ``destination`` will replace or create (None for standard
    output), or a GraphError saying why kg will not write there."""
    if str(destination) == STDOUT:
        return None
    path = Path(destination)
    target = Path(os.path.realpath(path))
    if target.exists():
        if target.is_dir():
            raise GraphError(f"{path}: is a directory; give a file name")
        if not stat.S_ISREG(target.stat().st_mode):
            raise GraphError(f"{path}: not a regular file, kg will not replace it (use - for standard output)")
    elif not target.parent.is_dir():
        raise GraphError(f"{path}: directory {target.parent} does not exist")
    for source in inputs:
        if str(source) == "-" or str(source).startswith(("http://", "https://")):
            continue
        if os.path.realpath(source) == str(target):
            raise GraphError(f"{path}: is one of the inputs; kg will not overwrite it")
    return target


def write_atomically(destination: str | Path, data: bytes, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``data`` to a file (or ``-``, standard output), replacing it at once and whole."""
    target = check_destination(destination, inputs=inputs)
    if target is None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise  # the reader went away: the CLI ends quietly, as other tools do
        except OSError as exc:
            raise GraphError(f"standard output: cannot write: {exc.strerror or exc}") from None
        return
    path = Path(destination)
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise GraphError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise GraphError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
