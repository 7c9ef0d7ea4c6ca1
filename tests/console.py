"""Running the installed ``kg`` console script, as a user's shell would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def kg_command() -> list[str]:
    script = Path(sys.executable).with_name("kg")
    if script.exists():
        return [str(script)]
    found = shutil.which("kg")
    return [found] if found else [sys.executable, "-m", "kg"]


def kg(*argv, input: str | bytes | None = None, cwd=None, stdout=None, env=None,
       timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``kg ARGV...``; text in and out unless ``input`` is bytes."""
    text = not isinstance(input, bytes)
    options = {"stdout": stdout} if stdout is not None else {"stdout": subprocess.PIPE}
    return subprocess.run([*kg_command(), *map(str, argv)], input=input, stderr=subprocess.PIPE, text=text,
                          cwd=cwd, timeout=timeout, env={**os.environ, **(env or {})}, **options)


def one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> bool:
    """Exit status 1, and standard error one line starting 'kg: error:' with the fragments."""
    err = result.stderr if isinstance(result.stderr, str) else result.stderr.decode("utf-8", "replace")
    return (result.returncode == 1 and err.count("\n") == 1 and err.startswith("kg: error: ")
            and "Traceback" not in err and all(f in err for f in fragments))
