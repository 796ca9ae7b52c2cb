"""Test support shared by several modules: running the command as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str], timeout: float = 600) -> CliRun:
    """Run `python -m newsarchive ARGS` as a user would, in its own process (and reactor)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    full_env.update(env)
    completed = subprocess.run(
        [sys.executable, "-m", "newsarchive", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return CliRun(completed.returncode, completed.stdout, completed.stderr)
