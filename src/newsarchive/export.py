"""The weekly CSV export: one window of archived articles as a spreadsheet-safe CSV file.

PostgreSQL writes the CSV itself (`COPY (SELECT ...) TO STDOUT`), so a week of a hundred
thousand articles streams to disk in seconds without passing through Python objects. Cells that
a spreadsheet would run as a formula are neutralised in that SELECT, leaving the archive's text
untouched. The file and its manifest appear atomically: readers see the previous export or the
complete new one, never half a file. docs/export.md describes the format.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import psycopg
from psycopg import sql
from sqlalchemy import ARRAY, DateTime, String
from sqlalchemy.orm import InstrumentedAttribute

from newsarchive import __version__
from newsarchive.analysis.topics import GENERAL, load_taxonomy
from newsarchive.store.database import libpq_url, sqlalchemy_url
from newsarchive.store.models import Article, Outlet

#: The export's columns in file order, each the stored column it shows. Part of the public format:
#: analysts' scripts and sheets index them, so add columns only at the end and never rename one.
#: How a cell is written follows from its column's type (see _cell).
EXPORTED: dict[str, InstrumentedAttribute[Any]] = {
    "article_id": Article.id,
    "outlet": Outlet.slug,
    "outlet_name": Outlet.name,
    "outlet_country": Outlet.country,
    **{
        name: getattr(Article, name)
        for name in (
            "url",
            "title",
            "authors",
            "published_at",
            "published_source",
            "modified_at",
            "language",
            "section",
            "topics",
            "countries",
            "relevance",
            "quality_flags",
            "duplicate_of",
            "story_id",
            "word_count",
            "text",
            "published_on",
            "published_precision",
            "published_utc_offset",
        )
    },
}
COLUMNS: tuple[str, ...] = tuple(EXPORTED)

#: The events file's columns in file order (public like COLUMNS: add only at the end). Built
#: from event_view, so an event reads the same in the database and in the file.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "kind",
    "occurred_on",
    "place",
    "country",
    "story_id",
    "actors",
    "outlets",
    "article_ids",
    "evidence",
)

#: Excel needs the byte order mark to read the file as UTF-8 rather than the local code page.
BOM = "\ufeff".encode()

ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
LIST_SEPARATOR = "; "
TIMESTAMP_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS"Z"'


@dataclass(frozen=True)
class ExportOptions:
    """What to export: the window [since, until) on published_at, and the filters."""

    since: datetime
    until: datetime
    outlets: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    include_all: bool = False
    with_text: bool = True
    output: Path | None = None
    label: str | None = None

    def window_label(self) -> str:
        return self.label or window_label(self.since, self.until)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest_path: Path
    rows: int
    outlets: int
    first_published: datetime | None
    last_published: datetime | None
    sha256: str
    #: The events the exported articles report, beside the articles file.
    events_path: Path | None = None
    events: int = 0

    def describe(self) -> str:
        if self.first_published is None or self.last_published is None:
            span = "no articles"
        else:
            span = f"{_utc_text(self.first_published)} .. {_utc_text(self.last_published)}"
        return (
            f"{self.rows} articles from {self.outlets} outlets ({span}) and the {self.events} "
            f"events they report written to {self.path}"
        )


def week_window(iso_week: str) -> tuple[datetime, datetime]:
    """The ISO week "2026-W47" as [Monday 00:00 UTC, next Monday 00:00 UTC)."""
    match = ISO_WEEK.fullmatch(iso_week.strip())
    if match is None:
        raise ValueError(f"not an ISO week like 2026-W47: {iso_week!r}")
    year, week = int(match[1]), int(match[2])
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError as error:
        raise ValueError(f"no such ISO week: {iso_week!r} ({error})") from None
    since = datetime(monday.year, monday.month, monday.day, tzinfo=UTC)
    return since, since + timedelta(days=7)


def last_complete_week(now: datetime) -> str:
    """The ISO week before the one `now` falls in (UTC): the newest week that has ended."""
    previous = _as_utc(now, "now").date() - timedelta(days=7)
    year, week, _ = previous.isocalendar()
    return f"{year}-W{week:02d}"


def window_label(since: datetime, until: datetime) -> str:
    """A file-name-safe name for a window: its ISO week when it is exactly one, else its ends."""
    since, until = _as_utc(since, "since"), _as_utc(until, "until")
    year, week, weekday = since.date().isocalendar()
    label = f"{year}-W{week:02d}"
    if weekday == 1 and (since, until) == week_window(label):
        return label
    return f"{_label_time(since)}_{_label_time(until)}"


class SelectionError(ValueError):
    """The options select nothing that exists (unknown outlet or topic, empty window)."""


def export_articles(database_url: str, options: ExportOptions) -> ExportResult:
    """Write the selected articles to a CSV file and its manifest, both atomically.

    Raises ValueError for options that cannot describe an export (naive or reversed window,
    unknown outlets); database and file-system errors propagate as they are. Whatever fails,
    nothing is left at the target paths and no temporary file remains.
    """
    since, until = _as_utc(options.since, "since"), _as_utc(options.until, "until")
    if since >= until:
        raise SelectionError(f"empty window: since {since.isoformat()} is not before until")
    label = options.window_label()
    path = _target_path(options.output, label)
    manifest_path = path.with_suffix(".manifest.json")
    events_path = path.with_suffix(".events.csv")

    with psycopg.connect(libpq_url(sqlalchemy_url(database_url))) as conn:
        # One snapshot for the summary and the COPY, so the manifest describes the file exactly.
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        _check_outlets(conn, options.outlets)
        _check_topics(conn, options.topics)
        where = _selection(options, since, until)
        summary = _summarise(conn, where)
        # The sort carries each row's stored text: a week of a million-article archive is
        # ~8 MB of it, which the default 4 MB work_mem sorted on disk.
        conn.execute(f"SET work_mem = '{SORT_MEMORY}'")
        with _atomic_file(path, sync_directory=False) as csv_file:
            digest, rows = _copy_csv(conn, _export_query(where, options.with_text), csv_file)
            if rows != summary.rows:
                raise RuntimeError(f"COPY wrote {rows} rows, the summary counted {summary.rows}")
        try:
            with _atomic_file(events_path, sync_directory=False) as events_file:
                events_digest, events = _copy_csv(conn, _events_query(where), events_file)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    try:
        manifest = _manifest(path, options, since, until, label, summary, digest)
        manifest["events"] = {
            "file": events_path.name,
            "rows": events,
            "sha256": events_digest,
            "columns": list(EVENT_COLUMNS),
        }
        _write_manifest(manifest_path, manifest)
    except BaseException:
        # Files without their manifest cannot be checked: take them back.
        path.unlink(missing_ok=True)
        events_path.unlink(missing_ok=True)
        raise

    return ExportResult(
        path=path,
        manifest_path=manifest_path,
        rows=summary.rows,
        outlets=summary.outlets,
        first_published=summary.first_published,
        last_published=summary.last_published,
        sha256=digest,
        events_path=events_path,
        events=events,
    )


@dataclass(frozen=True)
class _Summary:
    rows: int
    outlets: int
    first_published: datetime | None
    last_published: datetime | None
    extractor_versions: tuple[str, ...]


def _as_utc(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {moment.isoformat()}")
    return moment.astimezone(UTC)


def _label_time(moment: datetime) -> str:
    if moment.time() == datetime.min.time():
        return moment.strftime("%Y-%m-%d")
    return moment.strftime("%Y-%m-%dT%H%M%SZ")


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _target_path(output: Path | None, label: str) -> Path:
    name = f"newsarchive-{label}.csv"
    if output is None:
        return Path.cwd() / name
    return output / name if output.is_dir() else output


def _check_outlets(conn: psycopg.Connection[Any], slugs: tuple[str, ...]) -> None:
    """A mistyped slug would silently export nothing for that outlet; say so instead."""
    if not slugs:
        return
    known = {row[0] for row in conn.execute("SELECT slug FROM outlets")}
    unknown = sorted(set(slugs) - known)
    if unknown:
        raise SelectionError(
            f"no outlet {', '.join(unknown)} in the archive; outlets: {', '.join(sorted(known))}"
        )


def _check_topics(conn: psycopg.Connection[Any], topics: tuple[str, ...]) -> None:
    """A mistyped topic would silently export nothing; name the known topics instead: the
    taxonomy's, and any an older taxonomy left on stored articles."""
    if not topics:
        return
    known = set(load_taxonomy().descriptions) - {GENERAL}
    known.update(row[0] for row in conn.execute("SELECT DISTINCT unnest(topics) FROM articles"))
    unknown = sorted(set(topics) - known)
    if unknown:
        raise SelectionError(
            f"no topic {', '.join(unknown)} in the taxonomy; topics: {', '.join(sorted(known))}"
        )


#: Memory for the export's sort (per export, one sort): a week's rows sort in memory.
SORT_MEMORY = "64MB"

#: The outlet's own calendar day of an article; the UTC day for a row stored before it was kept.
#: Exactly models.OUTLET_DAY, which ix_articles_outlet_day indexes: a week reads a week's rows.
OUTLET_DAY = "coalesce(a.published_on, (a.published_at AT TIME ZONE 'UTC')::date)"


def _whole_days(moment: datetime) -> bool:
    return (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0)


def _text_array(values: tuple[str, ...]) -> sql.Composable:
    return sql.SQL("{}::text[]").format(sql.Literal(list(values)))


def _selection(options: ExportOptions, since: datetime, until: datetime) -> sql.Composable:
    """The WHERE clause over `articles a JOIN outlets o`, with values inlined as literals:
    COPY takes no bind parameters, so psycopg quotes them client-side."""
    if _whole_days(since) and _whole_days(until):
        # A window of whole days (a week) holds the articles the outlets dated on those days.
        conditions: list[sql.Composable] = [
            sql.SQL(f"{OUTLET_DAY} >= {{}}").format(sql.Literal(since.date())),
            sql.SQL(f"{OUTLET_DAY} < {{}}").format(sql.Literal(until.date())),
        ]
    else:
        conditions = [
            sql.SQL("a.published_at >= {}").format(sql.Literal(since)),
            sql.SQL("a.published_at < {}").format(sql.Literal(until)),
        ]
    if not options.include_all:
        conditions.append(sql.SQL("a.is_relevant AND a.duplicate_of IS NULL"))
    if options.outlets:
        conditions.append(sql.SQL("o.slug = ANY({})").format(_text_array(options.outlets)))
    if options.topics:
        conditions.append(sql.SQL("a.topics && {}").format(_text_array(options.topics)))
    return sql.SQL(" AND ").join(conditions)


def _safe(expression: str) -> str:
    """OWASP CSV injection: a leading quote makes a spreadsheet show the cell as text rather
    than run it as a formula."""
    return (
        f"CASE WHEN left({expression}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) "
        f"THEN '''' || {expression} ELSE {expression} END"
    )


def _joined(column: str) -> str:
    return f"array_to_string({column}, '{LIST_SEPARATOR}')"


def _utc(column: str) -> str:
    return f"to_char({column} AT TIME ZONE 'UTC', '{TIMESTAMP_FORMAT}')"


def _source(column: InstrumentedAttribute[Any]) -> str:
    """The stored value as `articles a JOIN outlets o` names it."""
    alias = "o" if column.class_ is Outlet else "a"
    return f"{alias}.{column.key}"


def _cell(column: InstrumentedAttribute[Any]) -> str:
    """The CSV cell of a stored column, as the sorting subquery `r` names it: lists joined,
    times in UTC, text neutralised for spreadsheets, numbers as they are."""
    value = f"r.{column.key}"
    kind = column.type
    if column is Article.published_at:
        # A bare day is written as that day, never as a midnight that looks like a time.
        return (
            f"CASE WHEN r.published_precision = 'day' THEN to_char(r.published_on, 'YYYY-MM-DD') "
            f"ELSE {_utc(value)} END"
        )
    if isinstance(kind, ARRAY):
        return _safe(_joined(value))
    if isinstance(kind, DateTime):
        return _utc(value)
    if isinstance(kind, String):
        return _safe(value)
    return value


def _export_query(where: sql.Composable, with_text: bool) -> sql.Composed:
    """Sorted on the bare rows in a subquery (OFFSET 0 keeps the planner from merging it), so
    the sort carries the stored, still compressed text and each cell is built once, on the way
    out. Without the text its column stays, empty."""
    kept = {name: column for name, column in EXPORTED.items() if with_text or name != "text"}
    cells = sql.SQL(", ").join(
        sql.SQL("{} AS {}").format(
            sql.SQL(_cell(kept[name]) if name in kept else "NULL::text"), sql.Identifier(name)
        )
        for name in COLUMNS
    )
    return sql.SQL(
        "COPY (SELECT {cells} FROM ("
        "SELECT {sources} FROM articles a JOIN outlets o ON o.id = a.outlet_id "
        "WHERE {where} ORDER BY a.published_at, a.id OFFSET 0"
        ") AS r) TO STDOUT WITH (FORMAT csv, HEADER true)"
    ).format(
        cells=cells,
        sources=sql.SQL(", ").join(sql.SQL(_source(column)) for column in kept.values()),
        where=where,
    )


def _events_query(where: sql.Composable) -> sql.Composed:
    """The events the selected articles report (one row per event however many reports), each
    with the ids of the selected articles that report it and the earliest one's sentence."""
    cells = {
        "event_id": "v.event_id",
        "kind": "v.kind",
        "occurred_on": "v.occurred_on",
        "place": _safe("v.place"),
        "country": "v.country",
        "story_id": "v.story_id",
        "actors": _safe(_joined("v.actors")),
        "outlets": _safe(_joined("v.outlets")),
        "article_ids": _joined("r.article_ids"),
        "evidence": _safe("r.evidence"),
    }
    assert tuple(cells) == EVENT_COLUMNS
    return sql.SQL(
        "COPY (SELECT {cells} FROM event_view v JOIN ("
        "SELECT r.event_id, array_agg(a.id ORDER BY a.published_at, a.id) AS article_ids, "
        "(array_agg(r.evidence ORDER BY a.published_at, a.id))[1] AS evidence "
        "FROM event_articles r JOIN articles a ON a.id = r.article_id "
        "JOIN outlets o ON o.id = a.outlet_id WHERE {where} GROUP BY r.event_id"
        ") AS r ON r.event_id = v.event_id ORDER BY v.occurred_on, v.event_id) "
        "TO STDOUT WITH (FORMAT csv, HEADER true)"
    ).format(
        cells=sql.SQL(", ").join(
            sql.SQL("{} AS {}").format(sql.SQL(expression), sql.Identifier(name))
            for name, expression in cells.items()
        ),
        where=where,
    )


def _summarise(conn: psycopg.Connection[Any], where: sql.Composable) -> _Summary:
    query = sql.SQL(
        "SELECT count(*), count(DISTINCT a.outlet_id), min(a.published_at), "
        "max(a.published_at), coalesce(array_agg(DISTINCT a.extractor_version), '{{}}') "
        "FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE {}"
    ).format(where)
    row = conn.execute(query).fetchone()
    assert row is not None
    rows, outlets, first, last, versions = row
    return _Summary(rows, outlets, first, last, tuple(sorted(versions)))


def _copy_csv(
    conn: psycopg.Connection[Any], query: sql.Composed, csv_file: IO[bytes]
) -> tuple[str, int]:
    """Stream PostgreSQL's CSV into the file, hashing the bytes as they pass."""
    digest = hashlib.sha256(BOM)
    csv_file.write(BOM)
    with conn.cursor() as cursor:
        with cursor.copy(query) as copy:
            for block in copy:
                digest.update(block)
                csv_file.write(block)
        rows = cursor.rowcount
    return digest.hexdigest(), rows


def _manifest(
    path: Path,
    options: ExportOptions,
    since: datetime,
    until: datetime,
    label: str,
    summary: _Summary,
    digest: str,
) -> dict[str, Any]:
    def stamp(moment: datetime | None) -> str | None:
        return None if moment is None else _utc_text(moment)

    return {
        "file": path.name,
        "rows": summary.rows,
        "sha256": digest,
        "columns": list(COLUMNS),
        "window": {"label": label, "since": stamp(since), "until": stamp(until)},
        "filters": {
            "outlets": list(options.outlets),
            "topics": list(options.topics),
            "include_all": options.include_all,
            "with_text": options.with_text,
        },
        "outlets": summary.outlets,
        "first_published": stamp(summary.first_published),
        "last_published": stamp(summary.last_published),
        "extractor_versions": list(summary.extractor_versions),
        "newsarchive_version": __version__,
        "created_at": stamp(datetime.now(UTC)),
    }


def _write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    with _atomic_file(path) as manifest_file:
        manifest_file.write(json.dumps(manifest, indent=2, ensure_ascii=False).encode() + b"\n")


@contextmanager
def _atomic_file(path: Path, sync_directory: bool = True) -> Iterator[IO[bytes]]:
    """A temporary file beside `path` that replaces it only once fully written and synced.

    On an error inside the block the temporary file is removed and `path` is left as it was.
    `sync_directory` False leaves the rename's durability to a later file's: the export syncs
    the directory once, after the manifest, the last of its three files (each sync of the
    directory is a journal commit).
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file 0600; an export is for analysts, so honour the umask like open().
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as target:
            yield target
            target.flush()
            os.fsync(target.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if sync_directory:
        _sync_directory(path.parent)


def _umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a directory for fsync."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
