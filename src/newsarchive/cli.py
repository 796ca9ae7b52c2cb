"""The `newsarchive` command: parse arguments, call one function per command, map to exit codes.

Exit codes are for schedulers: 0 the run went fine, 3 it was partial (some feeds or pages failed,
the rest is stored), 1 it failed (nothing usable fetched, or the database could not be written),
2 the command line or the registry is wrong (nothing was attempted).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3

log = logging.getLogger("newsarchive")

if TYPE_CHECKING:
    from sqlalchemy import Engine

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

DESCRIPTION = """\
Archive defence and diplomacy news from outlets' RSS/Atom feeds and news sitemaps into
PostgreSQL. The database is DATABASE_URL when set; otherwise an embedded PostgreSQL that
newsarchive starts itself, with its data under NEWSARCHIVE_HOME (default: the user's data
directory), so hourly runs build up one archive.
"""

CRAWL_EPILOG = """\
exit codes: 0 ok, 3 partial (some feeds, sitemaps or pages failed, or a coverage alert; the
rest is stored and the failures are recorded for the next run), 1 failed (nothing could be
fetched, or the database could not be written), 2 bad command line or registry (nothing was
fetched).

examples:
  newsarchive crawl                               every enabled outlet of the shipped registry
  newsarchive crawl --outlet bbc --outlet dw      just these outlets
  newsarchive crawl --registry my-outlets.toml --max-articles 200
  newsarchive crawl --backfill --outlet aljazeera  also read the outlet's archive sitemaps
"""


CRAWL_DESCRIPTION = (
    "Run one crawl: read each outlet's feeds and news sitemaps, fetch the article\n"
    "pages the archive does not hold yet (politely: robots.txt, AutoThrottle, a\n"
    "descriptive User-Agent), extract title, authors, date and body, and store them.\n"
    "Every run is recorded in the crawl_runs table, every failed fetch in pages.\n"
    "\n"
    "Made for cron: feeds and sitemaps are asked conditionally (ETag/Last-Modified),\n"
    "failed URLs are retried by later runs with backoff, new articles are re-checked\n"
    "once after 24 h, overlapping runs skip the outlets another run holds, and pages\n"
    "fetched while the database is down wait in $NEWSARCHIVE_HOME/spool. With\n"
    "REDIS_URL set, several processes share one frontier (scrapy-redis).\n"
    "Check the results with `newsarchive status`."
)


STATUS_EPILOG = """\
exit codes: 0 all well, 3 something is flagged (SILENT, FAILING, GAVE_UP, STALE, NO_RUNS or
RUN_FAILED:
see the last line of the report), 1 the database could not be read, 2 bad command line or
unknown outlet. Cron or a monitoring check can alert on exit code 3.

examples:
  newsarchive status                        the table, every outlet
  newsarchive status --silent-days 7        weekly outlets: silent only after a week
  newsarchive status --json --outlet bbc    one outlet, for a script
"""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: one small builder per command, each registering its handler."""
    parser = argparse.ArgumentParser(
        prog="newsarchive",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add_command in COMMANDS:
        add_command(commands)
    return parser


def _add_crawl(commands: Subparsers) -> None:
    """`crawl`: one run over the registry."""
    crawl = commands.add_parser(
        "crawl",
        help="fetch new articles from the outlets' feeds and sitemaps into the archive",
        description=CRAWL_DESCRIPTION,
        epilog=CRAWL_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_registry_option(crawl)
    _add_outlets_option(crawl, "crawl only this outlet (repeatable); default: every enabled outlet")
    crawl.add_argument(
        "--backfill",
        action="store_true",
        help="also read archive_sitemaps (whole-archive indexes: slow, for a first fill)",
    )
    crawl.add_argument(
        "--max-articles",
        metavar="N",
        type=_positive_int,
        help="fetch at most N article pages in this run",
    )
    crawl.add_argument(
        "-s",
        "--set",
        metavar="NAME=VALUE",
        action="append",
        default=[],
        dest="settings",
        help="override a Scrapy setting, e.g. -s DOWNLOAD_DELAY=2 (repeatable)",
    )
    _add_verbosity(crawl, details="Scrapy's details")

    crawl.set_defaults(handler=crawl_command)


def _add_reextract(commands: Subparsers) -> None:
    """`reextract`: extract stored pages again."""
    reextract = commands.add_parser(
        "reextract",
        help="re-run extraction over stored pages (after the extractor improved)",
        description=(
            "Extract the archive's stored raw pages again with this version of newsarchive's\n"
            "extractor and update the articles whose record changed. Old bodies are kept in\n"
            "article_revisions; every re-extracted article records the extractor version.\n"
            "Nothing is fetched. A page that no longer extracts as an article keeps its row.\n"
            "Each outlet's pages are read with what the registry says about it now, as a crawl\n"
            "reads them: its name, time zone and extraction hints (body_selector,\n"
            "exclude_selectors, title_selector, date_selector), so a hint added to the registry\n"
            "fixes the articles already stored."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_registry_option(reextract)
    reextract.add_argument("--outlet", metavar="SLUG", help="only this outlet's articles")
    reextract.add_argument(
        "--since",
        metavar="DATE",
        type=_date,
        help="only articles first archived on or after DATE (YYYY-MM-DD, UTC)",
    )
    reextract.add_argument(
        "--workers", metavar="N", type=_positive_int, help="extraction processes (default: CPUs)"
    )
    _add_verbosity(reextract)

    reextract.set_defaults(handler=reextract_command)


def _add_export(commands: Subparsers) -> None:
    """`export`: a window of articles to CSV."""
    export = commands.add_parser(
        "export",
        help="write a week (or a date range) of articles to a spreadsheet-safe CSV",
        description=(
            "Export articles published in a window to CSV (UTF-8 with BOM, RFC 4180), with a\n"
            "manifest (row count, sha256, window, filters) beside it. Default: the last\n"
            "complete ISO week (UTC), relevant articles only, syndicated copies folded into\n"
            "their original. Columns are listed in docs/export.md. Cells a spreadsheet would\n"
            "run as a formula are neutralised in the CSV; the database keeps the original text."
        ),
        epilog="exit codes: 0 written, 1 failed (nothing is left at the output path), 2 bad usage",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    window = export.add_mutually_exclusive_group()
    window.add_argument("--week", metavar="YYYY-Www", help="ISO week, e.g. 2026-W47")
    window.add_argument("--since", metavar="DATE", type=_date, help="first day (UTC), inclusive")
    export.add_argument("--until", metavar="DATE", type=_date, help="last day (UTC), exclusive")
    _add_outlets_option(export, "only this outlet (repeatable)")
    export.add_argument(
        "--topic", metavar="TOPIC", action="append", default=[], help="only these topics (any of)"
    )
    export.add_argument(
        "--all",
        action="store_true",
        dest="include_all",
        help="also off-topic articles and syndicated copies",
    )
    export.add_argument("--no-text", action="store_true", help="leave the body text column empty")
    export.add_argument(
        "--output", metavar="PATH", help="CSV file to write (default: ./newsarchive-WINDOW.csv)"
    )
    _add_verbosity(export)

    export.set_defaults(handler=export_command)


def _add_status(commands: Subparsers) -> None:
    """`status`: the morning health report."""
    status = commands.add_parser(
        "status",
        help="per-outlet health: last good run, new articles, failing feeds, silent outlets",
        description=(
            "Print what an operator checks in the morning: the last crawl run (outcome,\n"
            "alerts), then per outlet the last good run, articles first archived in the last\n"
            "24 h and 7 days, the last new article, failing feeds and sitemaps, article URLs\n"
            "waiting for a retry or given up on, and flags: SILENT (no new article for\n"
            "--silent-days), FAILING (a feed or sitemap failing for over a day), GAVE_UP\n"
            "(article URLs given up on this week). STALE means no run started for 36 hours.\n"
            "Nothing is fetched or written. See docs/operations.md."
        ),
        epilog=STATUS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    status.add_argument(
        "--silent-days",
        metavar="N",
        type=_positive_int,
        default=3,
        help="flag an outlet with no new article for N days (default: 3)",
    )
    status.add_argument(
        "--json", action="store_true", help="print JSON for scripts instead of the table"
    )
    _add_outlets_option(
        status, "only this outlet (repeatable); default: every outlet in the database"
    )

    status.set_defaults(handler=status_command)


def _add_report(commands: Subparsers) -> None:
    """`report`: the archive as one HTML page."""
    report = commands.add_parser(
        "report",
        help="write one self-contained HTML page: articles per day, failures, coverage, flags",
        description=(
            "Write an HTML report of the last N days for an operator or an editor: the\n"
            "archive's totals, what needs a look (silent outlets, failing feeds), articles\n"
            "per day overall and per outlet, failed fetches by reason, and per outlet the\n"
            "share of articles with a publication date and a full body. One file with its\n"
            "charts inline (SVG): it loads nothing, so it can be mailed or opened offline.\n"
            "Nothing is fetched or written to the database."
        ),
        epilog="exit codes: 0 written, 1 failed (the database could not be read), 2 bad usage",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "--days",
        metavar="N",
        type=_positive_int,
        default=30,
        help="the period: the last N days, today included (UTC; default: 30)",
    )
    report.add_argument(
        "--output",
        metavar="FILE",
        help="HTML file to write (default: ./newsarchive-report-YYYY-MM-DD.html)",
    )
    _add_verbosity(report)
    report.set_defaults(handler=report_command)


def _add_stories(commands: Subparsers) -> None:
    """`stories`: the story subcommands."""
    stories_commands = _add_group(
        commands,
        "stories",
        help="stories, actors and events: rebuild them after the gazetteer or rules changed",
        description="Manage the archive's stories, actors and events.",
    )
    _add_stories_rebuild(stories_commands)


def _add_group(commands: Subparsers, name: str, *, help: str, description: str) -> Subparsers:
    """A command with subcommands of its own (`db upgrade`, `registry check`): their parsers."""
    group = commands.add_parser(name, help=help, description=description)
    return group.add_subparsers(
        dest=f"{name}_command", metavar=f"{name.upper()}_COMMAND", required=True
    )


def _add_stories_rebuild(stories_commands: Subparsers) -> None:
    rebuild = stories_commands.add_parser(
        "rebuild",
        help="recompute actors, events and stories of stored articles",
        description=(
            "Recompute the actors, events and stories of the stored articles published on or\n"
            "after DATE (all articles by default), in publication order, as the crawl assigns\n"
            "them. Older articles keep theirs. Nothing is fetched or re-extracted."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rebuild.add_argument(
        "--since",
        metavar="DATE",
        type=_date,
        help="only articles published on or after DATE (YYYY-MM-DD, UTC)",
    )
    _add_verbosity(rebuild)
    rebuild.set_defaults(handler=stories_rebuild_command)


REGISTRY_CHECK_EPILOG = """\
exit codes: 0 the registry is valid (with --probe: and every listing answered with articles
robots.txt lets us fetch), 3 with --probe: something to look at (a listing failing or empty,
or robots.txt forbidding its articles), 1 with --probe: no outlet could be reached, 2 the
registry is invalid or --outlet names no outlet of it (the same one-line errors as crawl).

examples:
  newsarchive registry check                                  the shipped registry
  newsarchive registry check --registry my-outlets.toml --probe --outlet new_daily
  newsarchive registry check --probe --json                   every enabled outlet, for a script
"""


def _add_registry(commands: Subparsers) -> None:
    """`registry`: the registry subcommands."""
    registry_commands = _add_group(
        commands,
        "registry",
        help="check an outlet registry (and probe its feeds) before cron crawls it",
        description="Work with an outlet registry (outlets.toml).",
    )
    check = registry_commands.add_parser(
        "check",
        help="validate a registry as crawl does; --probe fetches each listing once",
        description=(
            "Validate an outlet registry exactly as `crawl` does (same checks, same errors).\n"
            "With --probe, fetch each outlet's feeds, sitemaps and listing pages once (and\n"
            "robots.txt), politely and with newsarchive's User-Agent, and print per outlet:\n"
            "reachable or why not, the listing type, its entries, the newest entry's date and\n"
            "whether robots.txt allows the article URLs. Nothing is stored."
        ),
        epilog=REGISTRY_CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_registry_option(check)
    check.add_argument(
        "--probe", action="store_true", help="fetch each feed, sitemap and listing page once"
    )
    _add_outlets_option(check, "probe only this outlet (repeatable); default: every enabled outlet")
    check.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_positive_float,
        default=20.0,
        help="give up on a URL after this many seconds (default: 20)",
    )
    check.add_argument("--json", action="store_true", help="print JSON for scripts")
    check.set_defaults(handler=registry_check_command)


TRY_EPILOG = """\
exit codes: 0 the page is an article, 3 it is not one (the verdict line says why: a section
front, a teaser list, too short, a bot challenge...), 1 the page could not be fetched or read,
2 bad command line, registry or --outlet.

examples:
  newsarchive try https://www.bbc.com/news/articles/c0000000000o
  newsarchive try saved.html --outlet dw --url https://www.dw.com/en/some-story/a-70000000
  newsarchive try https://example.org/story --registry my-outlets.toml --outlet new_daily --full
"""


def _add_try(commands: Subparsers) -> None:
    """`try`: what would be stored for one page, for tuning an outlet."""
    try_ = commands.add_parser(
        "try",
        help="print what would be stored for one page (URL or saved file); nothing is stored",
        description=(
            "Extract one page exactly as a crawl would and print what it would store: title,\n"
            "published date with its source and precision, authors, language, flags and the\n"
            "body, or why the page is not an article. A URL is fetched once with newsarchive's\n"
            "User-Agent (robots.txt is not consulted: this is one page an operator asked for);\n"
            "a FILE is read from disk. The outlet's registry facts (name, timezone) apply: the\n"
            "outlet named by --outlet, else the one whose domains own the URL."
        ),
        epilog=TRY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    try_.add_argument("target", metavar="URL-or-FILE", help="http(s) URL, or a saved HTML file")
    try_.add_argument("--outlet", metavar="SLUG", help="read the page as this outlet's")
    _add_registry_option(try_)
    try_.add_argument(
        "--url", help="the URL a saved FILE was fetched from (default: its file:// URL)"
    )
    try_.add_argument("--full", action="store_true", help="print the whole body")
    try_.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_positive_float,
        default=20.0,
        help="give up on the URL after this many seconds (default: 20)",
    )
    try_.set_defaults(handler=try_command)


def _add_db(commands: Subparsers) -> None:
    """`db`: the database subcommands, one builder each."""
    db_commands = _add_group(
        commands,
        "db",
        help="database: migrate, print its URL, stop the embedded server",
        description="Manage the archive database (DATABASE_URL, or the embedded server).",
    )
    for add_command in (
        _add_db_upgrade,
        _add_db_downgrade,
        _add_db_url,
        _add_db_current,
        _add_db_grant_reader,
        _add_db_stop,
        _add_db_migrate_embedded,
    ):
        add_command(db_commands)


def _add_db_upgrade(db_commands: Subparsers) -> None:
    upgrade = db_commands.add_parser(
        "upgrade",
        help="migrate the schema to the latest version (or to --revision)",
        description=(
            "Apply the Alembic migrations shipped with newsarchive, bringing the database\n"
            "(DATABASE_URL, or the embedded server) to the newest schema or to --revision.\n"
            "Safe to repeat: an up-to-date database is left as it is. `newsarchive crawl`\n"
            "does this by itself before crawling."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    upgrade.add_argument("--revision", default="head", help="target revision (default: head)")
    _add_verbosity(upgrade)
    upgrade.set_defaults(handler=db_upgrade_command)


def _add_db_downgrade(db_commands: Subparsers) -> None:
    downgrade = db_commands.add_parser(
        "downgrade",
        help="migrate the schema down to REVISION ('base' drops every newsarchive table)",
        description="Undo migrations down to REVISION. 'base' removes the whole schema.",
    )
    downgrade.add_argument("revision", help="target revision, e.g. 0001 or base")
    _add_verbosity(downgrade)
    downgrade.set_defaults(handler=db_downgrade_command)


def _add_db_url(db_commands: Subparsers) -> None:
    url = db_commands.add_parser(
        "url",
        help="print the database URL (for psql, pandas, DBeaver), starting the embedded server",
        description=(
            'Print a libpq URL of the archive database, e.g. for `psql "$(newsarchive db url)"`. '
            "With no DATABASE_URL this starts the embedded server if it is not running."
        ),
    )
    url.set_defaults(handler=db_url_command)


def _add_db_current(db_commands: Subparsers) -> None:
    current = db_commands.add_parser("current", help="print the schema revision of the database")
    current.set_defaults(handler=db_current_command)


def _add_db_grant_reader(db_commands: Subparsers) -> None:
    reader = db_commands.add_parser(
        "grant-reader",
        help="create or update a read-only role for analysts (SELECT on tables and views)",
        description=(
            "Create ROLE as a login role (or update it) that can SELECT every table and view,\n"
            "and nothing else: no INSERT, UPDATE, DELETE or CREATE; its sessions are read-only\n"
            "by default. Tables and views added by later migrations are covered too."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    reader.add_argument("role", help="role name, e.g. analyst")
    reader.add_argument(
        "--password-env",
        metavar="VAR",
        help="set the role's password from this environment variable (never on the command line)",
    )
    reader.set_defaults(handler=db_grant_reader_command)


def _add_db_stop(db_commands: Subparsers) -> None:
    stop = db_commands.add_parser(
        "stop",
        help="stop the embedded PostgreSQL server (it keeps running between commands)",
    )
    stop.set_defaults(handler=db_stop_command)


def _add_registry_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--registry",
        metavar="FILE",
        help="outlet registry (TOML); default: the registry shipped with newsarchive",
    )


def _add_outlets_option(parser: argparse.ArgumentParser, help: str) -> None:
    """--outlet SLUG, repeatable: the commands that take a selection of outlets."""
    parser.add_argument("--outlet", metavar="SLUG", action="append", default=[], help=help)


def _add_db_migrate_embedded(db_commands: Subparsers) -> None:
    migrate = db_commands.add_parser(
        "migrate-embedded",
        help="copy an embedded archive of an older newsarchive (PostgreSQL 16) to the new server",
        description=(
            "newsarchive before 2026-12 ran its embedded archive on PostgreSQL 16 (the pgserver\n"
            "package); it now runs PostgreSQL 18, which cannot open that directory. This starts\n"
            "the old server (pip install pgserver first), dumps the archive, makes a new one and\n"
            "restores the dump into it with progress. The old directory is kept beside the new\n"
            "one as postgres-16, with the dump: delete them once you are satisfied."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    migrate.set_defaults(handler=db_migrate_embedded_command)


def _add_verbosity(parser: argparse.ArgumentParser, details: str = "debugging details") -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-v", "--verbose", action="store_true", help=f"log {details} too")
    group.add_argument("-q", "--quiet", action="store_true", help="log only warnings and errors")


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from error
    if not number > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return number


def _date(value: str) -> datetime:
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-24") from error


def _version() -> str:
    from newsarchive import __version__

    return f"newsarchive {__version__}"


def _setup_logging(args: argparse.Namespace) -> str:
    from newsarchive.logs import configure_logging

    return configure_logging(
        verbose=getattr(args, "verbose", False), quiet=getattr(args, "quiet", False)
    )


def _parse_settings(pairs: Sequence[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ValueError(f"--set takes NAME=VALUE, got {pair!r}")
        settings[name.strip()] = value
    return settings


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.log_level = _setup_logging(args)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:
        log.debug("%s failed", args.command, exc_info=True)
        code, message = _explain(error)
        print(f"newsarchive: {_scrubbed(message)}", file=sys.stderr)
        return code


def _explain(error: Exception) -> tuple[int, str]:
    """An unexpected error as one line and an exit code: a traceback helps no operator."""
    from alembic.util.exc import CommandError
    from psycopg import OperationalError as PsycopgOperationalError
    from sqlalchemy.exc import OperationalError

    from newsarchive.store.database import DatabaseUrlError
    from newsarchive.store.embedded import EmbeddedDatabaseError

    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if isinstance(error, DatabaseUrlError):
        return EXIT_USAGE, str(error)
    if isinstance(error, EmbeddedDatabaseError):
        return EXIT_FAILED, str(error)
    if isinstance(error, CommandError):
        return EXIT_USAGE, f"migration: {first_line}"
    if isinstance(error, OperationalError | PsycopgOperationalError):
        return EXIT_FAILED, f"cannot reach the database: {_database_reason(error)}"
    if isinstance(error, OSError):
        return EXIT_FAILED, f"{error.strerror or first_line}: {error.filename or ''}".rstrip(": ")
    return EXIT_FAILED, f"{type(error).__name__}: {first_line}"


def _database_reason(error: Exception) -> str:
    """The useful line of a driver error (psycopg puts the reason after the connection target)."""
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return "; ".join(lines[:2]) or type(error).__name__


def _scrubbed(message: str) -> str:
    from newsarchive.store.database import scrub_password

    return scrub_password(message, os.environ.get("DATABASE_URL"))


def crawl_command(args: argparse.Namespace) -> int:
    from newsarchive.registry import RegistryError, load_registry
    from newsarchive.store.monitors import monitor_settings

    try:
        registry = load_registry(args.registry)
        outlets = registry.select(args.outlet)
        overrides = _parse_settings(args.settings)
        monitor_settings(overrides)  # a bad monitor threshold is a usage error, before any fetch
    except (RegistryError, ValueError, OSError) as error:
        print(f"newsarchive: {error}", file=sys.stderr)
        return EXIT_USAGE
    if not outlets:
        print("newsarchive: no outlets to crawl (all disabled?)", file=sys.stderr)
        return EXIT_USAGE
    # An outlet with only archive sitemaps has nothing to read in a normal run: leaving it out
    # of the run keeps it from raising a coverage alert every hour and a SILENT flag.
    idle = [outlet.slug for outlet in outlets if not outlet.run_listings(args.backfill)]
    outlets = [outlet for outlet in outlets if outlet.run_listings(args.backfill)]
    if idle:
        log.info("not crawled without --backfill (only archive sitemaps): %s", ", ".join(idle))
    if not outlets:
        print(
            f"newsarchive: {', '.join(idle)}: only archive sitemaps to read; crawl with --backfill",
            file=sys.stderr,
        )
        return EXIT_USAGE
    overrides.setdefault("LOG_LEVEL", args.log_level)

    database_url = _prepared_database()
    if database_url is None:
        return EXIT_FAILED

    from newsarchive.fetch.runner import FAILED, OK, run_crawl

    result = run_crawl(
        outlets,
        database_url,
        backfill=args.backfill,
        max_articles=args.max_articles,
        overrides=overrides,
    )
    print(result.describe())
    if result.outcome == OK:
        return EXIT_OK
    return EXIT_FAILED if result.outcome == FAILED else EXIT_PARTIAL


def registry_check_command(args: argparse.Namespace) -> int:
    """Validate a registry as crawl does; with --probe, fetch each listing once and report."""
    import json

    from newsarchive.registry import RegistryError, load_registry

    try:
        registry = load_registry(args.registry)
        outlets = registry.select(args.outlet)
    except (RegistryError, ValueError) as error:
        print(f"newsarchive: {error}", file=sys.stderr)
        return EXIT_USAGE
    if not args.probe:
        enabled = sum(outlet.enabled for outlet in registry.outlets)
        if args.json:
            summary = {"registry": str(registry.path), "valid": True, "outlets": len(outlets)}
            print(json.dumps({**summary, "enabled": enabled}))
        else:
            print(
                f"registry {registry.path}: valid, {len(registry.outlets)} outlets "
                f"({enabled} enabled)"
            )
        return EXIT_OK
    if not outlets:
        print("newsarchive: no outlets to probe (all disabled?)", file=sys.stderr)
        return EXIT_USAGE

    from newsarchive import probe

    now = datetime.now(UTC)
    probes = probe.probe_outlets(outlets, now=now, timeout=args.timeout)
    print(probe.render_json(probes) if args.json else probe.render_text(probes, now))
    probed = [result for result in probes if result.probed]
    if probed and not any(result.reachable for result in probed):
        return EXIT_FAILED
    return EXIT_PARTIAL if any(result.problems for result in probes) else EXIT_OK


def try_command(args: argparse.Namespace) -> int:
    """Extract one page as a crawl would and print the record, or why it is not an article."""
    from pathlib import Path

    from newsarchive import trypage
    from newsarchive.analysis.page import outlet_facts
    from newsarchive.probe import FetchFailed
    from newsarchive.registry import RegistryError, load_registry

    if trypage.is_url(args.target) and args.url:
        print("newsarchive: --url is for a saved FILE, not a URL", file=sys.stderr)
        return EXIT_USAGE
    try:
        registry = load_registry(args.registry)
        named = registry.select([args.outlet]) if args.outlet else []
    except (RegistryError, ValueError) as error:
        print(f"newsarchive: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if trypage.is_url(args.target):
            page = trypage.fetch(args.target, args.timeout)
        else:
            page = trypage.read(Path(args.target), args.url)
    except FetchFailed as error:
        print(f"newsarchive: cannot fetch {args.target}: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"newsarchive: cannot read {args.target}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    outlet = named[0] if named else registry.outlet_for_url(page.url)
    facts = outlet_facts(outlet) if outlet is not None else None
    label = f"{outlet.slug} ({outlet.name})" if outlet is not None else "none (no registry outlet)"
    result = trypage.try_page(page, datetime.now(UTC), facts)
    print(trypage.render(page, result, label, full=args.full))
    return EXIT_OK if result.record is not None else EXIT_PARTIAL


def _prepared_database() -> str | None:
    """The database URL with the schema at head, or None after printing why not."""
    from newsarchive.store.database import redacted, upgrade_database

    url = _database_url()
    if url is None:
        return None
    try:
        upgrade_database(url)
    except Exception as error:
        log.debug("upgrade failed", exc_info=True)
        _code, reason = _explain(error)
        print(f"newsarchive: {_scrubbed(reason)} ({redacted(url)})", file=sys.stderr)
        return None
    return url


def reextract_command(args: argparse.Namespace) -> int:
    from newsarchive.analysis.page import outlet_facts
    from newsarchive.reextract import reextract, terminal_progress
    from newsarchive.registry import RegistryError, load_registry
    from newsarchive.store.database import make_engine

    try:
        registry = load_registry(args.registry)
    except RegistryError as error:
        print(f"newsarchive: {error}", file=sys.stderr)
        return EXIT_USAGE
    # Every outlet, disabled ones too: a paused outlet's stored articles keep its hints.
    facts = {outlet.slug: outlet_facts(outlet) for outlet in registry.outlets}
    database_url = _prepared_database()
    if database_url is None:
        return EXIT_FAILED
    engine = make_engine(database_url)
    try:
        if args.outlet and _unknown_outlets(engine, [args.outlet]):
            return EXIT_USAGE
        summary = reextract(
            engine,
            outlet=args.outlet,
            since=args.since,
            workers=args.workers or 0,
            progress=terminal_progress,
            outlets=facts,
        )
    finally:
        engine.dispose()
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(summary.describe())
    return EXIT_PARTIAL if summary.failed else EXIT_OK


def stories_rebuild_command(args: argparse.Namespace) -> int:
    from newsarchive.store.database import make_engine
    from newsarchive.store.structure import rebuild

    database_url = _prepared_database()
    if database_url is None:
        return EXIT_FAILED
    engine = make_engine(database_url)
    try:
        count, stories = rebuild(engine, since=args.since, progress=_stories_progress)
    finally:
        engine.dispose()
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"{count} articles assigned; {stories} stories in the archive")
    return EXIT_OK


def _stories_progress(done: int, total: int) -> None:
    """A live line on a terminal; a log line per chunk otherwise."""
    line = f"{done}/{total} articles"
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[2K" + line)
        sys.stderr.flush()
    else:
        log.info("stories rebuild progress: %s", line)


def export_command(args: argparse.Namespace) -> int:
    from pathlib import Path

    from newsarchive.export import (
        ExportOptions,
        SelectionError,
        export_articles,
        last_complete_week,
        week_window,
        window_label,
    )

    try:
        if args.since is not None:
            if args.until is None:
                raise ValueError("--since needs --until")
            if args.since >= args.until:
                raise ValueError("--since must be a day before --until")
            since, until, label = args.since, args.until, window_label(args.since, args.until)
        else:
            label = args.week or last_complete_week(datetime.now(UTC))
            since, until = week_window(label)
    except ValueError as error:
        print(f"newsarchive: {error}", file=sys.stderr)
        return EXIT_USAGE
    database_url = _prepared_database()
    if database_url is None:
        return EXIT_FAILED
    options = ExportOptions(
        since=since,
        until=until,
        outlets=tuple(args.outlet),
        topics=tuple(args.topic),
        include_all=args.include_all,
        with_text=not args.no_text,
        output=Path(args.output) if args.output else None,
        label=label,
    )
    try:
        result = export_articles(database_url, options)
    except SelectionError as error:
        print(f"newsarchive: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:
        log.debug("export failed", exc_info=True)
        print(f"newsarchive: export failed: {_scrubbed(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    print(result.describe())
    return EXIT_OK


def _unknown_outlets(engine: Engine, slugs: Sequence[str]) -> bool:
    """Say which slugs the archive has no outlet for, naming those it has; True when any."""
    from newsarchive.status import known_outlets

    known = known_outlets(engine)
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        print(
            f"newsarchive: no outlet {', '.join(unknown)} in the archive; "
            f"outlets: {', '.join(known) or '(none yet: run a crawl first)'}",
            file=sys.stderr,
        )
    return bool(unknown)


def status_command(args: argparse.Namespace) -> int:
    """Print the health report; exit 3 when it flags something, so cron can alert on it."""
    from newsarchive.status import archive_status, render_json, render_text
    from newsarchive.store.database import make_engine

    database_url = _prepared_database()
    if database_url is None:
        return EXIT_FAILED
    engine = make_engine(database_url)
    try:
        if _unknown_outlets(engine, args.outlet):
            return EXIT_USAGE
        report = archive_status(engine, silent_days=args.silent_days, outlets=args.outlet)
    except Exception as error:
        log.debug("status failed", exc_info=True)
        print(f"newsarchive: cannot read the archive's status: {error}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        engine.dispose()
    print(render_json(report) if args.json else render_text(report))
    return EXIT_PARTIAL if report.flagged else EXIT_OK


def report_command(args: argparse.Namespace) -> int:
    """Write the HTML report; its path on stdout."""
    from pathlib import Path

    from newsarchive.report import build_report, write_report
    from newsarchive.store.database import make_engine

    if not args.verbose:
        # matplotlib says at INFO when it builds its font cache (a first run): not news.
        logging.getLogger("matplotlib").setLevel(logging.WARNING)
    if args.days > 366:
        print("newsarchive: --days is at most 366", file=sys.stderr)
        return EXIT_USAGE
    now = datetime.now(UTC)
    output = Path(args.output or f"newsarchive-report-{now:%Y-%m-%d}.html")
    if not output.parent.is_dir():
        print(f"newsarchive: no directory {output.parent} for the report", file=sys.stderr)
        return EXIT_USAGE
    database_url = _prepared_database()
    if database_url is None:
        return EXIT_FAILED
    engine = make_engine(database_url)
    try:
        report = build_report(engine, days=args.days, now=now)
    finally:
        engine.dispose()
    write_report(report, output)
    articles = sum(outlet.articles for outlet in report.outlets)
    print(
        f"wrote {output}: {len(report.outlets)} outlets, {articles} articles "
        f"in the last {args.days} days"
    )
    return EXIT_OK


def db_stop_command(args: argparse.Namespace) -> int:
    from newsarchive.settings import load_settings
    from newsarchive.store.embedded import stop_embedded_database

    settings = load_settings()
    if settings.database_url:
        print("newsarchive: DATABASE_URL is set; there is no embedded server to stop")
        return EXIT_USAGE
    stopped = stop_embedded_database(settings.embedded_pgdata)
    print("stopped" if stopped else "the embedded server was not running")
    return EXIT_OK


def db_migrate_embedded_command(args: argparse.Namespace) -> int:
    from newsarchive.settings import load_settings
    from newsarchive.store.embedded import migrate_embedded

    settings = load_settings()
    if settings.database_url:
        print("newsarchive: DATABASE_URL is set; there is no embedded archive to migrate")
        return EXIT_USAGE
    migrate_embedded(settings.embedded_pgdata, say=lambda line: print(line, flush=True))
    return EXIT_OK


def _database_url() -> str | None:
    """DATABASE_URL or the embedded server's URL (started if need be); None after saying why."""
    from newsarchive.store.database import DatabaseUrlError, resolve_database_url
    from newsarchive.store.embedded import EmbeddedDatabaseError

    try:
        return resolve_database_url()
    except (EmbeddedDatabaseError, DatabaseUrlError) as error:
        print(f"newsarchive: {_scrubbed(str(error))}", file=sys.stderr)
        return None


def db_url_command(args: argparse.Namespace) -> int:
    from newsarchive.store.database import libpq_url

    url = _database_url()
    if url is None:
        return EXIT_FAILED
    print(libpq_url(url))
    return EXIT_OK


def db_grant_reader_command(args: argparse.Namespace) -> int:
    from newsarchive.store.database import upgrade_database
    from newsarchive.store.roles import RoleInUseError, grant_reader

    url = _database_url()
    if url is None:
        return EXIT_FAILED
    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if password is None:
            print(f"newsarchive: {args.password_env} is not set", file=sys.stderr)
            return EXIT_USAGE
    upgrade_database(url)
    try:
        created = grant_reader(url, args.role, password)
    except RoleInUseError as error:
        print(f"newsarchive: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"role {args.role} {'created' if created else 'updated'}: read-only on the archive")
    return EXIT_OK


def db_current_command(args: argparse.Namespace) -> int:
    from newsarchive.store.database import current_revision

    url = _database_url()
    if url is None:
        return EXIT_FAILED
    print(current_revision(url) or "empty (no migration applied)")
    return EXIT_OK


def db_upgrade_command(args: argparse.Namespace) -> int:
    from newsarchive.store.database import current_revision, upgrade_database

    url = _database_url()
    if url is None:
        return EXIT_FAILED
    upgrade_database(url, args.revision)
    print(f"database at {current_revision(url)}")
    return EXIT_OK


def db_downgrade_command(args: argparse.Namespace) -> int:
    from newsarchive.store.database import current_revision, downgrade_database

    url = _database_url()
    if url is None:
        return EXIT_FAILED
    downgrade_database(url, args.revision)
    print(f"database at {current_revision(url) or 'base (empty)'}")
    return EXIT_OK


COMMANDS: tuple[Callable[[Subparsers], None], ...] = (
    _add_crawl,
    _add_reextract,
    _add_export,
    _add_status,
    _add_report,
    _add_stories,
    _add_registry,
    _add_try,
    _add_db,
)
