"""Writing files so that a reader never sees half of one: write a temporary file beside the
target, then rename it over the target."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import GraphError


def write_atomically(destination: str | Path, data: bytes) -> None:
    path = Path(destination)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise GraphError(f"{path}: directory {directory} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise GraphError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise GraphError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
