"""`newsarchive status`: what an operator checks in the morning, one line per outlet.

queries.py reads the archive and sets the flags; render.py turns the report into text or JSON;
model.py holds the shapes both share.

Everything is read from the database the crawler keeps anyway (crawl_runs, pages, articles,
listing_sources, failed_urls); status writes nothing. The definitions, precisely:

- last good run: the newest finished run with outcome ok or partial that covered the outlet
  (its slug is in crawl_runs.outlets and not in skipped_outlets) and in which at least one of
  the outlet's feeds or sitemaps answered (a pages row of that run with outcome listed or
  not_modified). A partial run counts: it is usually partial because of other outlets or of
  some article pages; a run in which all of the outlet's listings failed does not.
- new articles in the last 24 h / 7 d: articles whose first_seen_at falls in the window (when
  the archive first stored them, not when the outlet says it published them).
- last new article: the newest first_seen_at of the outlet.
- failing source: a feed or sitemap with consecutive_failures > 0 that is still read (attempted
  within a day before the outlet's latest run, so a source since disabled in the registry or
  dropped from a sitemap index stops counting). It has failed since the first failed fetch after
  its last success (from pages), or its last failure when pages do not tell.
- in rotation: the outlet was in a run started within `silent_days` of the newest run. Outlets
  no longer crawled (removed from the registry, disabled) are listed, without their sources,
  and never flagged.

Flags (any one makes `newsarchive status` exit 3):

- SILENT: an outlet in rotation stored no new article for `silent_days` days (counted from its
  first run when it never stored any).
- FAILING: one of its sources has been failing for more than `failing_days` (default 1) days,
  or none of its feeds and sitemaps answered in its latest run (flagged from the first run).
- GAVE_UP: article URLs were given up on (retries exhausted) in the last `gave_up_days` days.
  Older give-ups are still counted but no longer flagged, so one dead link does not keep a
  monitor red for ever.
- RUN_FAILED (archive-wide): the last finished run failed (nothing could be fetched).
- STALE (archive-wide): no crawl run started in the last `stale_hours` hours: the scheduler
  stopped. NO_RUNS: the database has no crawl run at all.
"""

from newsarchive.status.model import (
    FAILING,
    GAVE_UP,
    NO_RUNS,
    RUN_FAILED,
    SILENT,
    STALE,
    ArchiveStatus,
    OutletStatus,
    RunStatus,
    SourceStatus,
)
from newsarchive.status.queries import (
    archive_status,
    known_outlets,
    outlet_status,
    unknown_outlets,
)
from newsarchive.status.render import render_json, render_text

__all__ = [
    "FAILING",
    "GAVE_UP",
    "NO_RUNS",
    "RUN_FAILED",
    "SILENT",
    "STALE",
    "ArchiveStatus",
    "OutletStatus",
    "RunStatus",
    "SourceStatus",
    "archive_status",
    "known_outlets",
    "outlet_status",
    "render_json",
    "render_text",
    "unknown_outlets",
]
