"""Environment and defaults in one place, so every command resolves them the same way."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

#: Identifies us to outlets' webmasters; they can reach the project from the URL.
USER_AGENT = "newsarchive/0.1 (+https://github.com/newsarchive/newsarchive; news archive crawler)"


@dataclass(frozen=True)
class Settings:
    """What the environment says about where data lives."""

    database_url: str | None
    redis_url: str | None
    home: Path

    @property
    def embedded_pgdata(self) -> Path:
        """Data directory of the embedded PostgreSQL used when no DATABASE_URL is set."""
        return self.home / "postgres"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read DATABASE_URL, REDIS_URL and NEWSARCHIVE_HOME (default: the user's data directory)."""
    env = os.environ if environ is None else environ
    home = env.get("NEWSARCHIVE_HOME") or platformdirs.user_data_dir("newsarchive", appauthor=False)
    return Settings(
        database_url=env.get("DATABASE_URL") or None,
        redis_url=env.get("REDIS_URL") or None,
        home=Path(home).expanduser().resolve(),
    )
