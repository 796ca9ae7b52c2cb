"""newsarchive: archive defence and diplomacy news from feeds and sitemaps into PostgreSQL."""

__version__ = "0.1.0"
